package standards_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/standards"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"2023-01-01", true},
		{"2024-02-29", true}, // leap year
		{"2023-02-29", false},
		{"2023-13-01", false},
		{"2023-00-10", false},
		{"2023-1-01", false},
		{"20230101", false},
		{"1899-12-31", false},
		{"2201-01-01", false},
		{"２０２３-01-01", false},
		{"", false},
	} {
		dt, err := standards.ParseDate(tc.in)
		if tc.ok {
			require.NoError(t, err, tc.in)
			assert.Equal(t, tc.in, dt.String())
		} else {
			assert.ErrorIs(t, err, standards.ErrInvalidDate, tc.in)
		}
	}
}

func TestDateArithmetic(t *testing.T) {
	assert.Equal(t, "2023-01-01", d("2022-12-31").AddDays(1).String())
	assert.Equal(t, "2024-02-29", d("2024-03-01").AddDays(-1).String())
	assert.Equal(t, "2023-02-28", d("2023-01-31").AddMonths(1).String(), "clamped to the month's end")
	assert.Equal(t, "2024-02-29", d("2023-02-28").AddMonths(12).AddDays(1).String())
	assert.Equal(t, "2022-12-15", d("2023-01-15").AddMonths(-1).String())
	assert.Equal(t, "2024-01-15", d("2023-01-15").AddMonths(12).String())
	assert.Equal(t, "2023-06-01", d("2023-06-18").FirstOfMonth().String())
	assert.Equal(t, 2023, d("2023-06-18").Year())
	assert.Equal(t, time.June, d("2023-06-18").Month())
	assert.Equal(t, 18, d("2023-06-18").Day())
	assert.True(t, d("2023-01-01").Before(d("2023-01-02")))
	assert.True(t, d("2023-01-02").After(d("2023-01-01")))
	assert.Equal(t, 0, d("2023-01-01").Compare(d("2023-01-01")))
	var zero standards.Date
	assert.True(t, zero.IsZero())
	assert.Equal(t, "", zero.String())
	assert.True(t, zero.AddDays(5).IsZero())
	dt, err := standards.DateOf(time.Date(2023, 11, 3, 23, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	require.NoError(t, err)
	assert.Equal(t, "2023-11-03", dt.String())
}

func TestDateText(t *testing.T) {
	var dt standards.Date
	require.NoError(t, dt.UnmarshalText([]byte("2025-12-01")))
	b, err := dt.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2025-12-01", string(b))
	require.NoError(t, dt.UnmarshalText(nil))
	assert.True(t, dt.IsZero())
	assert.Error(t, dt.UnmarshalText([]byte("2025-12-32")))
}

func TestParseRegion(t *testing.T) {
	for _, tc := range []struct {
		in    string
		level standards.Level
	}{
		{"230000", standards.LevelProvince},
		{"230100", standards.LevelPrefecture},
		{"230113", standards.LevelCounty},
		{"232761", standards.LevelCounty},
	} {
		reg, err := standards.ParseRegion(tc.in)
		require.NoError(t, err)
		assert.Equal(t, tc.level, reg.Level(), tc.in)
		assert.Equal(t, tc.in, reg.String())
	}
	for _, bad := range []string{"", "23010", "2301000", "23010a", "000000", "100000", "900000", "230001", "-23010"} {
		_, err := standards.ParseRegion(bad)
		assert.ErrorIs(t, err, standards.ErrInvalidRegion, bad)
	}
	var zero standards.Region
	assert.False(t, zero.IsValid())
}

func TestRegionChain(t *testing.T) {
	chain, n := r("230113").Chain()
	require.Equal(t, 3, n)
	assert.Equal(t, []string{"230113", "230100", "230000"}, []string{chain[0].String(), chain[1].String(), chain[2].String()})
	p, ok := r("230100").Parent()
	assert.True(t, ok)
	assert.Equal(t, "230000", p.String())
	_, ok = r("230000").Parent()
	assert.False(t, ok)
	assert.Equal(t, "230000", r("232761").Province().String())
	assert.True(t, r("230100").Contains(r("230113")))
	assert.False(t, r("230100").Contains(r("230202")))
}

const csvHead = "code,name,parent_code,level\n"

func TestParseDivisionsCSV(t *testing.T) {
	divs, err := standards.ParseDivisionsCSV(strings.NewReader(csvHead +
		"230000,黑龙江省,,province\n230100,哈尔滨市,230000,prefecture\n230113,双城区,230100,county\n"))
	require.NoError(t, err)
	assert.Equal(t, 3, divs.Len())
	name, err := divs.FullName(r("230113"))
	require.NoError(t, err)
	assert.Equal(t, "黑龙江省哈尔滨市双城区", name)
	_, err = divs.Lookup(r("230102"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	assert.Contains(t, err.Error(), "230102")

	for name, in := range map[string]string{
		"no header":      "230000,黑龙江省,,province\n",
		"wrong level":    csvHead + "230000,黑龙江省,,county\n",
		"bad code":       csvHead + "23000x,黑龙江省,,province\n",
		"missing parent": csvHead + "230100,哈尔滨市,230000,prefecture\n",
		"wrong parent":   csvHead + "230000,黑龙江省,,province\n230100,哈尔滨市,220000,prefecture\n",
		"duplicate":      csvHead + "230000,黑龙江省,,province\n230000,黑龙江省,,province\n",
		"no name":        csvHead + "230000,,,province\n",
		"short row":      csvHead + "230000,黑龙江省\n",
	} {
		_, err := standards.ParseDivisionsCSV(strings.NewReader(in))
		assert.Error(t, err, name)
	}
}
