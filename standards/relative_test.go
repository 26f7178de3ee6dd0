package standards_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

func amountAt(t *testing.T, s *standards.Set, region string, a standards.Area, date string) string {
	t.Helper()
	v, err := standards.Lookup(s, standards.ParamDibaoStandard, qa(region, a, date))
	require.NoError(t, err)
	return v.V.String()
}

// The fixture's 道里区 (230102) urban standard is 850 from 2023-01-01.
func TestRelativeChanges(t *testing.T) {
	s := loadFixture(t)
	yuanDown := money.Rule{Unit: money.UnitYuan, Mode: money.ModeDown}
	yuanHalfUp := money.Rule{Unit: money.UnitYuan, Mode: money.ModeHalfUp}
	for _, tc := range []struct {
		name   string
		rel    standards.Relative
		before string // 2023-12-31, the day before the reform
		on     string // 2024-01-01
	}{
		// 850 × 1.1 = 935, exact.
		{"times 1.1", standards.Relative{Factor: money.MustRate("1.1"), HasFactor: true}, "850", "935"},
		// 850 × 1.07 = 909.5: exactly on the half; down → 909, half up → 910.
		{"times 1.07 down", standards.Relative{Factor: money.MustRate("1.07"), HasFactor: true, Round: yuanDown}, "850", "909"},
		{"times 1.07 half up", standards.Relative{Factor: money.MustRate("1.07"), HasFactor: true, Round: yuanHalfUp}, "850", "910"},
		// 850 + 20 = 870; 850 × 1.1 + 0.01 = 935.01.
		{"plus 20", standards.Relative{Plus: money.MustParse("20")}, "850", "870"},
		{"times and plus", standards.Relative{Factor: money.MustRate("1.1"), HasFactor: true, Plus: money.MustParse("0.01")}, "850", "935.01"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Apply(standards.Reform{Name: tc.name, From: d("2024-01-01"), Changes: []standards.Change{
				standards.ChangeBy(standards.ParamDibaoStandard, tc.rel).In(standards.MustRegion("230100")).Under().For(standards.AreaUrban),
			}})
			require.NoError(t, err)
			assert.Equal(t, tc.before, amountAt(t, r, "230102", standards.AreaUrban, "2023-12-31"))
			assert.Equal(t, tc.on, amountAt(t, r, "230102", standards.AreaUrban, "2024-01-01"))
			assert.Equal(t, tc.on, amountAt(t, r, "230102", standards.AreaUrban, "2024-01-02"))
			assert.Equal(t, "850", amountAt(t, s, "230102", standards.AreaUrban, "2024-01-01"), "the original Set is unchanged")
			reloads(t, r)
		})
	}
}

// A change before a value's own start transforms that value from its start:
// the 2022 value 835 and the 2023 value 850 both become × 1.2 from 2022-06-01
// on, the 835 of 2022-01-01..2022-05-31 kept.
func TestRelativeChangeTransformsLaterValues(t *testing.T) {
	s := loadFixture(t)
	r, err := s.Apply(standards.Reform{Name: "×1.2", From: d("2022-06-01"), Changes: []standards.Change{
		standards.ChangeBy(standards.ParamDibaoStandard, standards.Relative{Factor: money.MustRate("1.2"), HasFactor: true}).
			In(standards.MustRegion("230102")).For(standards.AreaUrban),
	}})
	require.NoError(t, err)
	for date, want := range map[string]string{
		"2022-05-31": "835",
		"2022-06-01": "1002", // 835 × 1.2
		"2022-12-31": "1002",
		"2023-01-01": "1020", // 850 × 1.2
	} {
		assert.Equal(t, want, amountAt(t, r, "230102", standards.AreaUrban, date), date)
	}
}

// Rounding is never assumed: 850 × 1.07 = 909.5 is not a standard a file can
// hold (whole fen are, 909.5 is; so use 1.0701: 909.585 leaves the fen).
func TestRelativeInexactRefused(t *testing.T) {
	s := loadFixture(t)
	_, err := s.Apply(standards.Reform{Name: "inexact", From: d("2024-01-01"), Changes: []standards.Change{
		standards.ChangeBy(standards.ParamDibaoStandard, standards.Relative{Factor: money.MustRate("1.0701"), HasFactor: true}).
			In(standards.MustRegion("230102")).For(standards.AreaUrban),
	}})
	var pe *problem.Error
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Equal(t, problem.TooPrecise, pe.Problems[0].Code)
	assert.Len(t, pe.Problems, 1, "once for the change, not once a value")
	assert.Equal(t, "changes[0].multiply", pe.Problems[0].Path)
}

// A region without a series of its own starts from the one it inherits:
// the supplement rate 0.15 is held only for the province (230000); a change
// for 哈尔滨市 (230100) gives Harbin 0.15 × 2 = 0.30, or 0.15 + 0.05 = 0.20,
// and leaves 齐齐哈尔 (230202) at 0.15.
func TestRelativeChangeOfAnInheritedSeries(t *testing.T) {
	s := loadFixture(t)
	rate := func(s *standards.Set, region, date string) string {
		v, err := standards.Lookup(s, standards.ParamSupplementRate, q(region, date))
		require.NoError(t, err)
		return v.V.String()
	}
	for _, tc := range []struct {
		rel  standards.Relative
		want string
	}{
		{standards.Relative{Factor: money.MustRate("2"), HasFactor: true}, "0.3"},
		{standards.Relative{PlusRate: money.MustRate("0.05")}, "0.2"},
	} {
		r, err := s.Apply(standards.Reform{Name: "rate", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeBy(standards.ParamSupplementRate, tc.rel).In(standards.MustRegion("230100")),
		}})
		require.NoError(t, err)
		assert.Equal(t, "0.15", rate(r, "230102", "2023-12-31"))
		assert.Equal(t, tc.want, rate(r, "230102", "2024-01-01"))
		assert.Equal(t, "0.15", rate(r, "230202", "2024-01-01"))
	}
}

func TestRelativeChangeOfAWholeNumber(t *testing.T) {
	s := harbin(t)
	before, err := standards.Lookup(s, standards.ParamElderlyAge, q("230102", "2025-01-01"))
	require.NoError(t, err)
	require.Equal(t, 60, before.V) // 老年人权益保障法 第二条
	r, err := s.Apply(standards.Reform{Name: "65", From: d("2025-01-01"), AllowOutOfRange: true, Changes: []standards.Change{
		standards.ChangeBy(standards.ParamElderlyAge, standards.Relative{Plus: money.MustParse("5")}),
	}})
	require.NoError(t, err)
	after, err := standards.Lookup(r, standards.ParamElderlyAge, q("230102", "2025-01-01"))
	require.NoError(t, err)
	assert.Equal(t, 65, after.V)
}

func TestRelativeChangeOfANonNumber(t *testing.T) {
	s := loadFixture(t)
	_, err := s.Apply(standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
		standards.ChangeBy(standards.ParamSupplementStacking, standards.Relative{Factor: money.MustRate("2"), HasFactor: true}),
	}})
	var pe *problem.Error
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Equal(t, problem.Type, pe.Problems[0].Code)
}

func TestReadReform(t *testing.T) {
	s := loadFixture(t)
	r, err := standards.ReadReform([]byte(`{"name": "plus 10", "from": "2024-01-01", "changes": [
	  {"param": "dibao_standard", "regions": ["230100"], "area": "urban", "scope": "under", "multiply": "1.07", "round": {"unit": "yuan", "mode": "down"}},
	  {"param": "supplement_rate", "regions": ["230100"], "add": "0.05"},
	  {"param": "supplement_stacking", "value": "sum"}]}`))
	require.NoError(t, err)
	assert.Equal(t, "plus 10", r.Name)
	require.Len(t, r.Changes, 3)
	n, err := s.Apply(r)
	require.NoError(t, err)
	assert.Equal(t, "909", amountAt(t, n, "230102", standards.AreaUrban, "2024-01-01")) // 850 × 1.07 = 909.5, down
	v, err := standards.Lookup(n, standards.ParamSupplementRate, q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "0.2", v.V.String()) // 0.15 + 0.05
	st, err := standards.Lookup(n, standards.ParamSupplementStacking, q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "sum", st.V.String())
}

func TestReadReformProblems(t *testing.T) {
	for _, tc := range []struct {
		name, doc string
		want      map[string]problem.Code // path → code
	}{
		{"everything missing", `{}`, map[string]problem.Code{"name": problem.Required, "from": problem.Required, "changes": problem.Required}},
		{"both value and factor", `{"name": "x", "from": "2024-01-01", "changes": [{"param": "dibao_standard", "value": "900", "multiply": "1.1"}]}`,
			map[string]problem.Code{"changes[0]": problem.Required}},
		{"neither", `{"name": "x", "from": "2024-01-01", "changes": [{"param": "dibao_standard"}]}`,
			map[string]problem.Code{"changes[0]": problem.Required}},
		{"unknown param, bad area, bad scope, bad factor", `{"name": "x", "from": "2024-01-01", "changes": [
			{"param": "no_such", "add": "1"},
			{"param": "dibao_standard", "area": "city", "add": "1"},
			{"param": "dibao_standard", "scope": "all", "add": "1"},
			{"param": "dibao_standard", "multiply": "1.1234567"}]}`,
			map[string]problem.Code{"changes[0].param": problem.BadCode, "changes[1].area": problem.BadCode, "changes[2].scope": problem.BadCode, "changes[3].multiply": problem.TooPrecise}},
		{"value of the wrong form", `{"name": "x", "from": "2024-01-01", "changes": [{"param": "dibao_standard", "value": true}]}`,
			map[string]problem.Code{"changes[0].value": problem.Type}},
		{"add to a non-number", `{"name": "x", "from": "2024-01-01", "changes": [{"param": "supplement_stacking", "add": "1"}]}`,
			map[string]problem.Code{"changes[0]": problem.Type}},
		{"duplicate key", `{"name": "x", "name": "y", "from": "2024-01-01", "changes": []}`, map[string]problem.Code{"name": problem.Duplicate}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.ReadReform([]byte(tc.doc))
			var pe *problem.Error
			require.True(t, errors.As(err, &pe), "%v", err)
			got := map[string]problem.Code{}
			for _, p := range pe.Problems {
				got[p.Path] = p.Code
			}
			for path, code := range tc.want {
				assert.Equal(t, code, got[path], "%s in %v", path, pe.Problems)
			}
		})
	}
}

// A relative change of a prefecture's own series that its counties' series
// shadow is refused, not silently ignored; with scope "under" it reaches them.
func TestRelativeChangeShadowed(t *testing.T) {
	s := loadFixture(t)
	ch := standards.ChangeBy(standards.ParamDibaoStandard, standards.Relative{Factor: money.MustRate("1.1"), HasFactor: true}).
		In(standards.MustRegion("230100")).For(standards.AreaUrban)
	_, err := s.Apply(standards.Reform{Name: "own", From: d("2024-01-01"), Changes: []standards.Change{ch}})
	var pe *problem.Error
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Equal(t, problem.NoEffect, pe.Problems[0].Code)
	r, err := s.Apply(standards.Reform{Name: "under", From: d("2024-01-01"), Changes: []standards.Change{ch.Under()}})
	require.NoError(t, err)
	assert.Equal(t, "935", amountAt(t, r, "230102", standards.AreaUrban, "2024-01-01"))
}
