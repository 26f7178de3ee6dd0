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

// 特困 support follows a factor throughout: Harbin's 市区 urban amounts of
// 2023 (basic 1105, care 1066 / 1116 / 1166) and rural (832; 390 / 440 /
// 490), × 1.1 from 2024-01-01.
func TestRelativeChangeOfTekunSupport(t *testing.T) {
	s := harbin(t)
	yuanHalfUp := money.Rule{Unit: money.UnitYuan, Mode: money.ModeHalfUp}
	yuanDown := money.Rule{Unit: money.UnitYuan, Mode: money.ModeDown}
	support := func(s *standards.Set, a standards.Area, date string) [4]string {
		t.Helper()
		v, err := standards.Lookup(s, standards.ParamTekunSupport, qa("230102", a, date))
		require.NoError(t, err)
		return [4]string{v.V.Basic.String(), v.V.SelfCare.String(), v.V.PartialCare.String(), v.V.FullCare.String()}
	}
	for _, tc := range []struct {
		name         string
		round        money.Rule
		urban, rural [4]string
	}{
		// 1105 × 1.1 = 1215.5, 1066 × 1.1 = 1172.6, 1116 × 1.1 = 1227.6,
		// 1166 × 1.1 = 1282.6; 832 × 1.1 = 915.2, 390 × 1.1 = 429,
		// 440 × 1.1 = 484, 490 × 1.1 = 539: whole fen, kept exactly.
		{"exact", money.Rule{}, [4]string{"1215.5", "1172.6", "1227.6", "1282.6"}, [4]string{"915.2", "429", "484", "539"}},
		// To whole yuan half up: 1215.5 lies on the half and goes up.
		{"yuan half up", yuanHalfUp, [4]string{"1216", "1173", "1228", "1283"}, [4]string{"915", "429", "484", "539"}},
		{"yuan down", yuanDown, [4]string{"1215", "1172", "1227", "1282"}, [4]string{"915", "429", "484", "539"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := s.Apply(standards.Reform{Name: tc.name, From: d("2024-01-01"), Changes: []standards.Change{
				standards.ChangeBy(standards.ParamTekunSupport, standards.Relative{Factor: money.MustRate("1.1"), HasFactor: true, Round: tc.round}).
					In(standards.MustRegion("230100")).Under(),
			}})
			require.NoError(t, err)
			assert.Equal(t, [4]string{"1105", "1066", "1116", "1166"}, support(r, standards.AreaUrban, "2023-12-31"))
			assert.Equal(t, tc.urban, support(r, standards.AreaUrban, "2024-01-01"))
			assert.Equal(t, tc.rural, support(r, standards.AreaRural, "2024-01-01"))
			reloads(t, r)
		})
	}
	// An increment is refused (a care level without an amount would get
	// one); so is a factor that leaves the fen without a rule:
	// 1105 × 1.0001 = 1105.1105.
	for _, rel := range []standards.Relative{{Plus: money.MustParse("50")}, {Factor: money.MustRate("1.0001"), HasFactor: true}} {
		_, err := s.Apply(standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeBy(standards.ParamTekunSupport, rel).In(standards.MustRegion("230100")).Under()}})
		var pe *problem.Error
		require.True(t, errors.As(err, &pe), "%+v: %v", rel, err)
		want := problem.Type
		if rel.HasFactor {
			want = problem.TooPrecise
		}
		assert.Equal(t, want, pe.Problems[0].Code, "%+v", rel)
	}
	// The file form takes multiply and refuses add.
	_, err := standards.ReadReform([]byte(`{"name": "t", "from": "2024-01-01", "changes": [{"param": "tekun_support", "regions": ["230100"], "scope": "under", "multiply": "1.1"}]}`))
	require.NoError(t, err)
	_, err = standards.ReadReform([]byte(`{"name": "t", "from": "2024-01-01", "changes": [{"param": "tekun_support", "add": "50"}]}`))
	var pe *problem.Error
	require.True(t, errors.As(err, &pe), "%v", err)
	assert.Equal(t, problem.Type, pe.Problems[0].Code)
}
