package standards_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in string
		ok bool
	}{
		{"2023-01-01", true},
		{"2024-02-29", true},  // 2024 is a leap year
		{"2023-02-29", false}, // 2023 is not
		{"2100-02-29", false}, // divisible by 100, not by 400: no leap day
		{"2000-02-29", true},  // divisible by 400: a leap day
		{"2023-04-31", false}, // April has 30 days
		{"2023-12-31", true},
		{"2023-13-01", false},
		{"2023-00-10", false},
		{"2023-01-00", false},
		{"2023-1-01", false},
		{"20230101", false},
		{"2023/01/01", false},
		{" 2023-01-01", false},
		{"2023-01-01 ", false},
		{"1900-01-01", true}, // first day of the supported range
		{"1899-12-31", false},
		{"2200-12-31", true}, // last day of the supported range
		{"2201-01-01", false},
		{"２０２３-01-01", false}, // full-width digits
		{"+023-01-01", false},
		{"", false},
	} {
		dt, err := standards.ParseDate(tc.in)
		if tc.ok {
			require.NoError(t, err, tc.in)
			assert.Equal(t, tc.in, dt.String())
		} else {
			assert.ErrorIs(t, err, standards.ErrInvalidDate, tc.in)
			assert.True(t, dt.IsZero(), tc.in)
		}
	}
}

func TestNewDate(t *testing.T) {
	dt, err := standards.NewDate(2023, time.November, 3)
	require.NoError(t, err)
	assert.Equal(t, "2023-11-03", dt.String())
	for _, bad := range [][3]int{{2023, 2, 29}, {2023, 0, 1}, {2023, 13, 1}, {2023, 1, 32}, {1899, 12, 31}, {2201, 1, 1}, {2023, 6, 31}} {
		_, err := standards.NewDate(bad[0], time.Month(bad[1]), bad[2])
		assert.ErrorIs(t, err, standards.ErrInvalidDate, "%v", bad)
	}
	assert.Panics(t, func() { standards.MustDate(2023, time.February, 29) })
	assert.Panics(t, func() { standards.MustParseDate("2023-02-29") })
}

func TestDateArithmetic(t *testing.T) {
	for _, tc := range []struct {
		name string
		got  standards.Date
		want string
	}{
		{"a day after the year's end", d("2022-12-31").AddDays(1), "2023-01-01"},
		{"a day before 1 March of a leap year", d("2024-03-01").AddDays(-1), "2024-02-29"},
		{"a day before 1 March of a common year", d("2023-03-01").AddDays(-1), "2023-02-28"},
		{"365 days after 2023-01-01 (2023 has 365 days)", d("2023-01-01").AddDays(365), "2024-01-01"},
		{"366 days after 2024-01-01 (2024 has 366 days)", d("2024-01-01").AddDays(366), "2025-01-01"},
		{"a month after 31 January, clamped to the month's end", d("2023-01-31").AddMonths(1), "2023-02-28"},
		{"a month after 31 January of a leap year", d("2024-01-31").AddMonths(1), "2024-02-29"},
		{"a month before 31 March", d("2023-03-31").AddMonths(-1), "2023-02-28"},
		{"twelve months and a day after 2023-02-28", d("2023-02-28").AddMonths(12).AddDays(1), "2024-02-29"},
		{"a month back across the year", d("2023-01-15").AddMonths(-1), "2022-12-15"},
		{"thirteen months back", d("2023-01-15").AddMonths(-13), "2021-12-15"},
		{"twelve months on", d("2023-01-15").AddMonths(12), "2024-01-15"},
		{"first of the month", d("2023-06-18").FirstOfMonth(), "2023-06-01"},
		{"first of the month, already the first", d("2023-06-01").FirstOfMonth(), "2023-06-01"},
	} {
		assert.Equal(t, tc.want, tc.got.String(), tc.name)
	}
	assert.Equal(t, 2023, d("2023-06-18").Year())
	assert.Equal(t, time.June, d("2023-06-18").Month())
	assert.Equal(t, 18, d("2023-06-18").Day())
	assert.True(t, d("2023-01-01").Before(d("2023-01-02")))
	assert.False(t, d("2023-01-01").Before(d("2023-01-01")))
	assert.True(t, d("2023-01-02").After(d("2023-01-01")))
	assert.False(t, d("2023-01-02").After(d("2023-01-02")))
	assert.True(t, d("2023-01-02").Equal(d("2023-01-01").AddDays(1)))
	assert.Equal(t, 0, d("2023-01-01").Compare(d("2023-01-01")))
	assert.Equal(t, -1, d("2022-12-31").Compare(d("2023-01-01")))
	assert.Equal(t, 1, d("2023-01-01").Compare(d("2022-12-31")))

	var zero standards.Date
	assert.True(t, zero.IsZero())
	assert.Equal(t, "", zero.String())
	assert.True(t, zero.AddDays(5).IsZero(), "the zero Date stays zero")
	assert.True(t, zero.AddMonths(5).IsZero())
	assert.True(t, zero.FirstOfMonth().IsZero())
	assert.Equal(t, 0, zero.Year())
	assert.Equal(t, time.Month(0), zero.Month())
	assert.Equal(t, 0, zero.Day())
	assert.True(t, zero.Before(d("1900-01-01")), "no date sorts before every date")

	// 23:00 on 2023-11-03 in China is still 2023-11-03 there (15:00 UTC).
	dt, err := standards.DateOf(time.Date(2023, 11, 3, 23, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	require.NoError(t, err)
	assert.Equal(t, "2023-11-03", dt.String())
	_, err = standards.DateOf(time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.ErrorIs(t, err, standards.ErrInvalidDate)
}

func TestDateText(t *testing.T) {
	var dt standards.Date
	require.NoError(t, dt.UnmarshalText([]byte("2025-12-01")))
	b, err := dt.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "2025-12-01", string(b))
	require.NoError(t, dt.UnmarshalText(nil))
	assert.True(t, dt.IsZero(), "empty text is the zero Date")
	b, err = dt.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "", string(b))
	dt = d("2025-12-01")
	assert.ErrorIs(t, dt.UnmarshalText([]byte("2025-12-32")), standards.ErrInvalidDate)
	assert.Equal(t, "2025-12-01", dt.String(), "a refused text leaves the date alone")
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
		{"110000", standards.LevelProvince}, // the lowest province part, 11
		{"820000", standards.LevelProvince}, // the highest, 82
		{"829999", standards.LevelCounty},
	} {
		reg, err := standards.ParseRegion(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.level, reg.Level(), tc.in)
		assert.Equal(t, tc.in, reg.String())
		assert.True(t, reg.IsValid())
	}
	for _, bad := range []string{
		"", "23010", "2301000", "23010a", "000000",
		"100000", "109999", // province part 10
		"830000", "900000", // province part above 82
		"230001", "230099", // a county part under a province-level 00
		"-23010", "+23010", " 23010", "２３０１００",
	} {
		reg, err := standards.ParseRegion(bad)
		assert.ErrorIs(t, err, standards.ErrInvalidRegion, bad)
		assert.False(t, reg.IsValid(), bad)
	}
	var zero standards.Region
	assert.False(t, zero.IsValid())
	assert.Equal(t, "", zero.String())
	assert.Equal(t, standards.LevelUnknown, zero.Level())
	assert.Panics(t, func() { standards.MustRegion("23010") })
	assert.Equal(t, uint32(230113), r("230113").Code())
}

func TestRegionChain(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"230113", []string{"230113", "230100", "230000"}},
		{"230100", []string{"230100", "230000"}},
		{"230000", []string{"230000"}},
	} {
		chain, n := r(tc.in).Chain()
		var got []string
		for _, c := range chain[:n] {
			got = append(got, c.String())
		}
		assert.Equal(t, tc.want, got, tc.in)
	}
	_, n := standards.Region{}.Chain()
	assert.Zero(t, n, "the zero Region has no chain")

	p, ok := r("230113").Parent()
	assert.True(t, ok)
	assert.Equal(t, "230100", p.String())
	p, ok = r("230100").Parent()
	assert.True(t, ok)
	assert.Equal(t, "230000", p.String())
	_, ok = r("230000").Parent()
	assert.False(t, ok)
	assert.Equal(t, "230000", r("232761").Province().String())
	assert.Equal(t, "230000", r("230000").Province().String())
	assert.False(t, standards.Region{}.Province().IsValid())

	assert.True(t, r("230100").Contains(r("230113")))
	assert.True(t, r("230000").Contains(r("230113")))
	assert.True(t, r("230113").Contains(r("230113")), "a region contains itself")
	assert.False(t, r("230113").Contains(r("230100")), "a county does not contain its prefecture")
	assert.False(t, r("230100").Contains(r("230202")))
	assert.False(t, r("230100").Contains(r("220100")))
}

func TestRegionText(t *testing.T) {
	var reg standards.Region
	require.NoError(t, reg.UnmarshalText([]byte("230113")))
	b, err := reg.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "230113", string(b))
	require.NoError(t, reg.UnmarshalText(nil))
	assert.False(t, reg.IsValid())
	reg = r("230113")
	assert.ErrorIs(t, reg.UnmarshalText([]byte("23011")), standards.ErrInvalidRegion)
	assert.Equal(t, "230113", reg.String(), "a refused text leaves the region alone")

	for _, l := range []standards.Level{standards.LevelProvince, standards.LevelPrefecture, standards.LevelCounty} {
		b, err := l.MarshalText()
		require.NoError(t, err)
		var back standards.Level
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, l, back)
	}
	assert.Equal(t, "county", standards.LevelCounty.String())
}

func TestParseArea(t *testing.T) {
	for in, want := range map[string]standards.Area{"": standards.AreaAny, "urban": standards.AreaUrban, "rural": standards.AreaRural} {
		a, err := standards.ParseArea(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, a, in)
	}
	for _, bad := range []string{"Urban", "suburban", " urban", "城市"} {
		_, err := standards.ParseArea(bad)
		assert.Error(t, err, bad)
	}
	assert.True(t, standards.AreaUrban.Valid())
	assert.True(t, standards.AreaRural.Valid())
	assert.False(t, standards.AreaAny.Valid(), "AreaAny is not an area class")
	assert.False(t, standards.Area(7).Valid())
	_, err := standards.AreaAny.MarshalText()
	assert.Error(t, err, "AreaAny has no text form")
	assert.NotPanics(t, func() { _ = standards.Area(7).String() })
}

const csvHead = "code,name,parent_code,level\n"

func TestParseDivisionsCSV(t *testing.T) {
	divs, err := standards.ParseDivisionsCSV(strings.NewReader(csvHead +
		"230113,双城区,230100,county\n230000,黑龙江省,,province\n230100,哈尔滨市,230000,prefecture\n"))
	require.NoError(t, err)
	assert.Equal(t, 3, divs.Len())
	name, err := divs.FullName(r("230113"))
	require.NoError(t, err)
	assert.Equal(t, "黑龙江省哈尔滨市双城区", name)
	// Listed in code order, whatever the file's order.
	var codes []string
	for _, dv := range divs.All() {
		codes = append(codes, dv.Region.String())
	}
	assert.Equal(t, []string{"230000", "230100", "230113"}, codes)
	dv, err := divs.Lookup(r("230113"))
	require.NoError(t, err)
	assert.Equal(t, standards.Division{Region: r("230113"), Name: "双城区", Parent: r("230100"), Level: standards.LevelCounty}, dv)
	i, ok := divs.Index(r("230113"))
	assert.True(t, ok)
	assert.Equal(t, 2, i)
	assert.Equal(t, divs.At(i), dv)
	assert.Equal(t, "双城区 (230113)", divs.Label(r("230113")))
	assert.Equal(t, "230102", divs.Label(r("230102")), "a code the register lacks is labelled by itself")
	assert.Equal(t, "", divs.Name(r("230102")))
	assert.True(t, divs.Has(r("230100")))
	assert.False(t, divs.Has(r("230102")))

	_, err = divs.Lookup(r("230102"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	var re *standards.RegionError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "230102", re.Region.String())
	assert.Contains(t, err.Error(), "230102")
	_, err = divs.FullName(r("230102"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	_, err = divs.FullName(standards.Region{})
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)

	for _, tc := range []struct {
		name, in string
		path     string
		code     problem.Code
	}{
		{"empty", "", "line 1", problem.Syntax},
		{"no header", "230000,黑龙江省,,province\n", "line 1", problem.Syntax},
		{"wrong header", "code,name,parent,level\n230000,黑龙江省,,province\n", "line 1", problem.Syntax},
		{"wrong level", csvHead + "230000,黑龙江省,,county\n", "line 2", problem.Inconsistent},
		{"bad code", csvHead + "23000x,黑龙江省,,province\n", "line 2", problem.BadCode},
		{"bad parent code", csvHead + "230000,黑龙江省,,province\n230100,哈尔滨市,23000,prefecture\n", "line 3", problem.BadCode},
		{"missing parent", csvHead + "230100,哈尔滨市,230000,prefecture\n", "line 2.parent", problem.Inconsistent},
		{"wrong parent", csvHead + "230000,黑龙江省,,province\n230100,哈尔滨市,220000,prefecture\n", "line 3.parent", problem.Inconsistent},
		{"parent on a province", csvHead + "230000,黑龙江省,220000,province\n", "line 2.parent", problem.Inconsistent},
		{"duplicate", csvHead + "230000,黑龙江省,,province\n230000,黑龙江省,,province\n", "line 3.code", problem.Duplicate},
		{"no name", csvHead + "230000,,,province\n", "line 2.name", problem.Required},
		{"blank name", csvHead + "230000,  ,,province\n", "line 2.name", problem.Required},
		{"short row", csvHead + "230000,黑龙江省\n", "line 2", problem.Syntax},
		{"bare quote", csvHead + "230000,黑龙\"江省,,province\n", "line 2", problem.Syntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.ParseDivisionsCSV(strings.NewReader(tc.in))
			assert.ErrorIs(t, err, standards.ErrInvalidStandards)
			assertProblem(t, err, tc.path, tc.code)
		})
	}
}

func TestParseDivisionsCSVSize(t *testing.T) {
	// One byte over the limit is refused, and reading stops there.
	big := csvHead + strings.Repeat("x", standards.MaxFileSize)
	_, err := standards.ParseDivisionsCSV(strings.NewReader(big))
	pe := problemsOf(t, err)
	assert.Contains(t, pe.Codes(), problem.TooLarge)
}

func TestNewDivisions(t *testing.T) {
	prov := standards.Division{Region: r("230000"), Name: "黑龙江省"}
	harbin := standards.Division{Region: r("230100"), Name: "哈尔滨市", Parent: r("230000")}
	divs, err := standards.NewDivisions([]standards.Division{harbin, prov})
	require.NoError(t, err)
	assert.Equal(t, 2, divs.Len())
	dv, err := divs.Lookup(r("230100"))
	require.NoError(t, err)
	assert.Equal(t, standards.LevelPrefecture, dv.Level, "the level comes from the code")

	for _, tc := range []struct {
		name string
		list []standards.Division
		path string
		code problem.Code
	}{
		{"invalid code", []standards.Division{{Name: "x"}}, "divisions[0].code", problem.BadCode},
		{"duplicate", []standards.Division{prov, prov}, "divisions[1].code", problem.Duplicate},
		{"no name", []standards.Division{{Region: r("230000")}}, "divisions[0].name", problem.Required},
		{"wrong parent", []standards.Division{prov, {Region: r("230100"), Name: "哈尔滨市", Parent: r("220000")}}, "divisions[1].parent", problem.Inconsistent},
		{"missing parent", []standards.Division{harbin}, "divisions[0].parent", problem.Inconsistent},
		{"no parent given for a prefecture", []standards.Division{prov, {Region: r("230100"), Name: "哈尔滨市"}}, "divisions[1].parent", problem.Inconsistent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.NewDivisions(tc.list)
			assertProblem(t, err, tc.path, tc.code)
		})
	}

	var empty *standards.Divisions
	assert.Equal(t, 0, empty.Len())
	assert.False(t, empty.Has(r("230000")))
	assert.Nil(t, empty.All())
	_, err = empty.Lookup(r("230000"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
}

// The calendar arithmetic agrees with package time on every day of the
// supported range, and AddMonths with time's clamped month arithmetic.
func TestCalendarAgainstTime(t *testing.T) {
	start := time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2200, 12, 31, 0, 0, 0, 0, time.UTC)
	prev := standards.Date{}
	for tt := start; !tt.After(end); tt = tt.AddDate(0, 0, 1) {
		d, err := standards.NewDate(tt.Year(), tt.Month(), tt.Day())
		require.NoError(t, err)
		y, m, dd := d.YMD()
		if y != tt.Year() || m != tt.Month() || dd != tt.Day() {
			t.Fatalf("%s: YMD gives %d-%d-%d", tt.Format("2006-01-02"), y, m, dd)
		}
		if d.String() != tt.Format("2006-01-02") {
			t.Fatalf("%s: String gives %s", tt.Format("2006-01-02"), d)
		}
		if !prev.IsZero() && d.AddDays(-1) != prev {
			t.Fatalf("%s is not the day after %s", d, prev)
		}
		prev = d
		if tt.Day() == 1 || tt.Day() >= 28 {
			for _, n := range []int{-25, -13, -12, -1, 1, 11, 12, 13, 121} {
				want := tt.AddDate(0, n, 0)
				// time normalises 01-31 + 1 month to 03-03; AddMonths clamps to the month's end.
				first := time.Date(tt.Year(), tt.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
				if last := first.AddDate(0, 1, -1); want.After(last) {
					want = last
				}
				if want.Year() < 1900 || want.Year() > 2200 {
					continue
				}
				got := d.AddMonths(n)
				if got.String() != want.Format("2006-01-02") {
					t.Fatalf("%s + %d months = %s, want %s", d, n, got, want.Format("2006-01-02"))
				}
			}
		}
	}
	_, err := standards.NewDate(2023, 2, 29)
	assert.Error(t, err)
	_, err = standards.NewDate(2024, 2, 29)
	assert.NoError(t, err)
	_, err = standards.NewDate(2100, 2, 29)
	assert.Error(t, err, "2100 is not a leap year")
	_, err = standards.NewDate(2000, 2, 29)
	assert.NoError(t, err, "2000 is")
}
func TestBytesParsersAllocateNothing(t *testing.T) {
	d, r := []byte("2023-06-01"), []byte("230102")
	if n := testing.AllocsPerRun(100, func() { _, _ = standards.ParseDateBytes(d); _, _ = standards.ParseRegionBytes(r) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
	for _, s := range []string{"2023-06-01", "2023-02-30", "x", "230102", "2301x2", ""} {
		d1, e1 := standards.ParseDate(s)
		d2, e2 := standards.ParseDateBytes([]byte(s))
		r1, f1 := standards.ParseRegion(s)
		r2, f2 := standards.ParseRegionBytes([]byte(s))
		if d1 != d2 || (e1 == nil) != (e2 == nil) || r1 != r2 || (f1 == nil) != (f2 == nil) {
			t.Fatalf("%q: the byte parsers disagree", s)
		}
	}
}

// AppendTo writes String's form after what the buffer holds, without
// allocating.
func TestAppendTo(t *testing.T) {
	for _, s := range []string{"2023-06-01", "1900-01-01", "2200-12-31"} { // the first and last days a Date holds
		assert.Equal(t, "x"+s, string(d(s).AppendTo([]byte("x"))))
	}
	assert.Equal(t, "x", string(standards.Date{}.AppendTo([]byte("x"))))
	for _, s := range []string{"230113", "110000", "659009"} {
		assert.Equal(t, "x"+s, string(r(s).AppendTo([]byte("x"))))
	}
	assert.Equal(t, "x", string(standards.Region{}.AppendTo([]byte("x"))))
	buf := make([]byte, 0, 32)
	dt, reg := d("2023-06-01"), r("230113")
	if n := testing.AllocsPerRun(100, func() { buf = reg.AppendTo(dt.AppendTo(buf[:0])) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
}

// Within: the day before, of and after each end, and an open end.
func TestDateWithin(t *testing.T) {
	from, through := standards.MustParseDate("2023-01-01"), standards.MustParseDate("2023-12-31")
	for _, tc := range []struct {
		d       string
		through standards.Date
		want    bool
	}{
		{"2022-12-31", through, false},
		{"2023-01-01", through, true},
		{"2023-01-02", through, true},
		{"2023-12-30", through, true},
		{"2023-12-31", through, true},
		{"2024-01-01", through, false},
		{"2022-12-31", standards.Date{}, false},
		{"2023-01-01", standards.Date{}, true},
		{"2200-12-31", standards.Date{}, true},
	} {
		assert.Equal(t, tc.want, standards.MustParseDate(tc.d).Within(from, tc.through), "%s within %s–%s", tc.d, from, tc.through)
	}
}
