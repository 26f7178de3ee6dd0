package standards_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// harbin returns the embedded Heilongjiang Set, whose Harbin counties each
// have their own 低保 series.
func harbin(t testing.TB) *standards.Set {
	t.Helper()
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	return s
}

// reloads checks that a derived Set saves to a file that loads again into
// the same Set.
func reloads(t testing.TB, s *standards.Set) *standards.Set {
	t.Helper()
	out, err := s.Save(standards.SaveOptions{})
	require.NoError(t, err)
	again, err := standards.Load(out, standards.LoadOptions{AllowOutOfRange: s.AllowsOutOfRange()})
	require.NoError(t, err, "the saved file of %q does not load", s.Name())
	out2, err := again.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2))
	assert.Equal(t, s.Identity(), again.Identity())
	return again
}

func TestReformReplacesFromItsDate(t *testing.T) {
	s := loadFixture(t)
	reformed, err := s.Apply(standards.Reform{
		Name: "edge 2×",
		From: d("2024-01-01"),
		Changes: []standards.Change{
			standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{{Code: "edge", Multiple: money.MustRate("2")}}).Under(),
		},
	})
	require.NoError(t, err)

	for _, tc := range []struct {
		set    *standards.Set
		region string
		date   string
		want   string // the "edge" band's multiple
	}{
		{s, "230202", "2023-12-31", "1.5"},
		{s, "230202", "2024-01-01", "1.5"}, // the original is unchanged
		{reformed, "230202", "2023-12-31", "1.5"},
		{reformed, "230202", "2024-01-01", "2"},
		{reformed, "230202", "2024-01-02", "2"},
		{reformed, "230102", "2023-12-31", "1.5"}, // Harbin's bands before the reform
		{reformed, "230102", "2024-01-01", "2"},   // and the reform's, Harbin's series included (Under)
	} {
		v, err := standards.Lookup(tc.set, standards.ParamEdgeBands, q(tc.region, tc.date))
		require.NoError(t, err)
		var got money.Rate
		for _, b := range v.V {
			if b.Code == "edge" {
				got = b.Multiple
			}
		}
		assert.Equal(t, money.MustRate(tc.want), got, "%s %s on %s", tc.set.Name(), tc.region, tc.date)
	}
	assert.Equal(t, "示例省 + edge 2×", reformed.Name())
	v, err := standards.Lookup(reformed, standards.ParamEdgeBands, q("230202", "2024-06-01"))
	require.NoError(t, err)
	assert.Equal(t, standards.ReliabilitySimulation, v.Source.Reliability)
	assert.Equal(t, "edge 2×", v.Source.Document)
	assert.Equal(t, "2024-01-01", v.From.String())
	before, err := standards.Lookup(reformed, standards.ParamEdgeBands, q("230202", "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "2023-12-31", before.Until.String(), "the old value now ends the day before the reform")
	assert.Equal(t, "2023-12-31", before.ValidThrough.String())
	assert.Equal(t, standards.ReliabilityOfficial, before.Source.Reliability)
	assert.Equal(t, "四（一）", before.Clause, "the history keeps its clause")
	reloads(t, reformed)
}

func TestReformForOneRegionLeavesTheOthers(t *testing.T) {
	s := loadFixture(t)
	reformed, err := s.Apply(standards.Reform{
		Name: "higher urban standard",
		From: d("2024-01-01"),
		Changes: []standards.Change{
			standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("900")).In(r("230102")).For(standards.AreaUrban),
		},
	})
	require.NoError(t, err)
	for _, tc := range []struct {
		date, knownOn, want string
	}{
		{"2024-01-01", "", "900"},
		{"2023-12-31", "", "850"},
		// The history before the reform keeps its publication dates for as-of lookups.
		{"2023-06-01", "2023-10-01", "835"},
		{"2023-06-01", "2023-11-03", "850"},
	} {
		qq := qa("230102", standards.AreaUrban, tc.date)
		if tc.knownOn != "" {
			qq.KnownOn = d(tc.knownOn)
		}
		v, err := standards.Lookup(reformed, standards.ParamDibaoStandard, qq)
		require.NoError(t, err)
		assert.Equal(t, money.MustParse(tc.want), v.V, "%s as of %s", tc.date, tc.knownOn)
	}
	// Rural was not changed, and is still not covered.
	_, err = standards.Lookup(reformed, standards.ParamDibaoStandard, qa("230102", standards.AreaRural, "2024-06-01"))
	assert.ErrorIs(t, err, standards.ErrNotCovered)

	// The reformed Set saves and loads like any other.
	again := reloads(t, reformed)
	v, err := standards.Lookup(again, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2024-02-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustParse("900"), v.V)
}

// A change without an area class sets both area classes of an area-split
// parameter.
func TestReformBothAreas(t *testing.T) {
	s := loadFixture(t)
	reformed, err := s.Apply(standards.Reform{Name: "one standard", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("900")).In(r("230102"))}})
	require.NoError(t, err)
	for _, a := range []standards.Area{standards.AreaUrban, standards.AreaRural} {
		v, err := standards.Lookup(reformed, standards.ParamDibaoStandard, qa("230102", a, "2024-01-01"))
		require.NoError(t, err, a)
		assert.Equal(t, money.MustParse("900"), v.V, a)
		assert.Equal(t, a, v.Area)
	}
	_, err = standards.Lookup(reformed, standards.ParamDibaoStandard, qa("230102", standards.AreaRural, "2023-12-31"))
	assert.ErrorIs(t, err, standards.ErrNotCovered, "rural had no value before the reform")
	reloads(t, reformed)
}

func TestReformIsValidated(t *testing.T) {
	s := loadFixture(t)
	change := standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{{Code: "edge", Multiple: money.MustRate("2.5")}})

	_, err := s.Apply(standards.Reform{Name: "edge 2.5×", From: d("2024-01-01"), Changes: []standards.Change{change}})
	require.ErrorIs(t, err, standards.ErrInvalidStandards)
	assertProblem(t, err, "changes[0].value[0].multiple", problem.OutOfRange)

	reformed, err := s.Apply(standards.Reform{Name: "edge 2.5×", From: d("2024-01-01"),
		Changes: []standards.Change{change}, AllowOutOfRange: true})
	require.NoError(t, err)
	assert.True(t, reformed.AllowsOutOfRange())
	v, err := standards.Lookup(reformed, standards.ParamEdgeBands, q("230202", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustRate("2.5"), v.V[0].Multiple)
	reloads(t, reformed)

	for _, tc := range []struct {
		name   string
		reform standards.Reform
		path   string
		code   problem.Code
	}{
		{"no name", standards.Reform{From: d("2024-01-01"), Changes: []standards.Change{change}}, "name", problem.Required},
		{"no date", standards.Reform{Name: "x", Changes: []standards.Change{change}}, "from", problem.Required},
		{"no changes", standards.Reform{Name: "x", From: d("2024-01-01")}, "changes", problem.Required},
		{"a change without a key", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{{}}},
			"changes[0].key", problem.Required},
		{"unknown region", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamElderlyAge, 65).In(r("230199"))}}, "changes[0].regions", problem.UnknownRegion},
		{"an area that is neither urban nor rural", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("900")).In(r("230102")).For(standards.Area(7))}},
			"changes[0].area", problem.BadCode},
		{"a zero standard", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamDibaoStandard, money.Amount{}).In(r("230102")).For(standards.AreaUrban)}},
			"changes[0].value", problem.OutOfRange},
		{"a negative standard", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("-1")).In(r("230102")).For(standards.AreaUrban)}},
			"changes[0].value", problem.Negative},
		{"an elderly age of 0", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamElderlyAge, 0)}}, "changes[0].value", problem.OutOfRange},
		{"an unknown category", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamSupplementCategories, []standards.Category{standards.Category(99)})}},
			"changes[0].value[0]", problem.BadCode},
		{"an unknown method", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamPaymentMethod, standards.MethodUnset)}}, "changes[0].value", problem.BadCode},
		{"an unset rounding rule", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.RoundPaymentTotal, standards.RoundingRule{})}}, "changes[0].value.unit", problem.BadCode},
		{"a tier with no wage", standards.Reform{Name: "x", From: d("2024-06-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamMinimumWageTier, 4).In(r("230102"))}}, "changes[0].value", problem.MissingTier},
		{"a region outside the jurisdiction", standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{
			standards.ChangeTo(standards.ParamElderlyAge, 65).In(r("220000"))}}, "changes[0].regions", problem.UnknownRegion},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.Apply(tc.reform)
			require.ErrorIs(t, err, standards.ErrInvalidStandards)
			assertProblem(t, err, tc.path, tc.code)
		})
	}
}

func TestReformAddsAParameterTheSetLacked(t *testing.T) {
	b := mutate(t, func(m map[string]any) { delete(obj(m, "parameters"), "caregiver_income_factor") })
	s, err := standards.Load(b, standards.LoadOptions{})
	require.NoError(t, err)
	_, err = standards.Lookup(s, standards.ParamCaregiverIncomeFactor, q("230102", "2024-01-01"))
	require.ErrorIs(t, err, standards.ErrNotCovered)
	reformed, err := s.Apply(standards.Reform{Name: "caregiver half", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamCaregiverIncomeFactor, money.MustRate("0.5"))}})
	require.NoError(t, err)
	v, err := standards.Lookup(reformed, standards.ParamCaregiverIncomeFactor, q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustRate("0.5"), v.V)
	assert.Equal(t, "230000", v.Region.String(), "no region named: the jurisdiction")
	_, err = standards.Lookup(reformed, standards.ParamCaregiverIncomeFactor, q("230102", "2023-12-31"))
	assert.ErrorIs(t, err, standards.ErrNotCovered, "the day before the reform there is still none")
	reloads(t, reformed)
}

func TestReformForARegionWithoutItsOwnSeries(t *testing.T) {
	s := loadFixture(t)
	reformed, err := s.Apply(standards.Reform{Name: "elderly at 65 in 道里区", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamElderlyAge, 65).In(r("230102"))}})
	require.NoError(t, err)
	before, err := standards.Lookup(reformed, standards.ParamElderlyAge, q("230102", "2023-12-31"))
	require.NoError(t, err)
	assert.Equal(t, 60, before.V)
	assert.Equal(t, "230000", before.Region.String(), "before the reform the province's value still serves")
	assert.Equal(t, "2023-12-31", before.ValidThrough.String(), "until the county's new series starts")
	after, err := standards.Lookup(reformed, standards.ParamElderlyAge, q("230102", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, 65, after.V)
	assert.Equal(t, "230102", after.Region.String())
	for _, other := range []string{"230100", "230103", "230202"} {
		v, err := standards.Lookup(reformed, standards.ParamElderlyAge, q(other, "2024-01-01"))
		require.NoError(t, err)
		assert.Equal(t, 60, v.V, other)
	}
	reloads(t, reformed)
}

func TestReformCopiesTheCallersValue(t *testing.T) {
	s := loadFixture(t)
	bands := []standards.Band{{Code: "edge", Multiple: money.MustRate("1.8")}}
	reformed, err := s.Apply(standards.Reform{Name: "edge 1.8×", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamEdgeBands, bands)}})
	require.NoError(t, err)
	bands[0].Multiple = money.MustRate("9")
	v, err := standards.Lookup(reformed, standards.ParamEdgeBands, q("230202", "2024-01-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustRate("1.8"), v.V[0].Multiple)
}

// ScopeOwn changes only the named region's own series. Every Harbin county
// has its own 低保 series, so a change to Harbin's own series is seen by no
// county-level lookup and is refused; ScopeUnder replaces the counties'
// series too.
func TestReformScopeForHarbin(t *testing.T) {
	s := harbin(t)
	change := standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("900")).In(r("230100")).For(standards.AreaUrban)
	reform := standards.Reform{Name: "Harbin urban 900", From: d("2024-01-01"), Changes: []standards.Change{change}}
	_, err := s.Apply(reform)
	require.ErrorIs(t, err, standards.ErrInvalidStandards)
	assertProblem(t, err, "changes[0]", problem.NoEffect)

	reform.Changes = []standards.Change{change.Under()}
	reformed, err := s.Apply(reform)
	require.NoError(t, err)
	for _, tc := range []struct {
		region string
		area   standards.Area
		date   string
		want   string // "" = not covered
	}{
		{"230102", standards.AreaUrban, "2023-12-31", "850"}, // 道里区, the day before: 哈民政规〔2023〕6号
		{"230102", standards.AreaUrban, "2024-01-01", "900"},
		{"230102", standards.AreaUrban, "2024-06-01", "900"},
		{"230102", standards.AreaRural, "2024-06-01", "640"}, // rural untouched
		{"230113", standards.AreaUrban, "2024-06-01", "900"}, // 双城区, another 市区 county
		{"230123", standards.AreaUrban, "2023-12-31", "689"}, // 依兰县, a 县(市) county: 2023 figure
		{"230123", standards.AreaUrban, "2024-06-01", "900"}, // every series under Harbin
		{"230123", standards.AreaRural, "2024-06-01", "483"},
		{"230202", standards.AreaUrban, "2024-06-01", ""}, // 齐齐哈尔: still none
	} {
		v, err := standards.Lookup(reformed, standards.ParamDibaoStandard, qa(tc.region, tc.area, tc.date))
		if tc.want == "" {
			assert.ErrorIs(t, err, standards.ErrNotCovered, "%s %s %s", tc.region, tc.area, tc.date)
			continue
		}
		require.NoError(t, err, "%s %s %s", tc.region, tc.area, tc.date)
		assert.Equal(t, money.MustParse(tc.want), v.V, "%s %s %s", tc.region, tc.area, tc.date)
	}
	v, err := standards.Lookup(reformed, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2024-06-01"))
	require.NoError(t, err)
	assert.Equal(t, standards.ReliabilitySimulation, v.Source.Reliability)
	assert.Equal(t, "Harbin urban 900", v.Source.Document)
	assert.Equal(t, "230102", v.Region.String())
	// The original Set is unchanged.
	orig, err := standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2024-06-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustParse("850"), orig.V)
	assert.True(t, orig.Stale)
	assert.NotEqual(t, s.Identity(), reformed.Identity())
	reloads(t, reformed)

	// A change to a county's own series always has effect.
	county, err := s.Apply(standards.Reform{Name: "道里区 900", From: d("2024-01-01"), Changes: []standards.Change{
		standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("900")).In(r("230102")).For(standards.AreaUrban)}})
	require.NoError(t, err)
	for region, want := range map[string]string{"230102": "900", "230103": "850"} {
		v, err := standards.Lookup(county, standards.ParamDibaoStandard, qa(region, standards.AreaUrban, "2024-06-01"))
		require.NoError(t, err)
		assert.Equal(t, money.MustParse(want), v.V, region)
	}
	reloads(t, county)
}

// ScopeOwn at the province reaches every county without a series of its own
// below it, and leaves Harbin's bands, which are Harbin's own.
func TestReformScopeOwnAtTheProvince(t *testing.T) {
	s := harbin(t)
	two := []standards.Band{{Code: "edge", Multiple: money.MustRate("2")}}
	own, err := s.Apply(standards.Reform{Name: "edge 2×", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamEdgeBands, two)}})
	require.NoError(t, err)
	under, err := s.Apply(standards.Reform{Name: "edge 2×", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamEdgeBands, two).Under()}})
	require.NoError(t, err)
	for _, tc := range []struct {
		set    *standards.Set
		region string
		want   []string // multiples of the bands, in order
	}{
		{own, "230202", []string{"2"}},          // 龙沙区: the province's series
		{own, "230102", []string{"1.2", "1.5"}}, // 道里区: Harbin's own bands stay
		{under, "230202", []string{"2"}},
		{under, "230102", []string{"2"}}, // Harbin's series replaced too
	} {
		v, err := standards.Lookup(tc.set, standards.ParamEdgeBands, q(tc.region, "2024-06-01"))
		require.NoError(t, err)
		var got []string
		for _, b := range v.V {
			got = append(got, b.Multiple.String())
		}
		assert.Equal(t, tc.want, got, "%s %s", tc.set.Name(), tc.region)
	}
	reloads(t, own)
	reloads(t, under)
}

// Reforms compose: a derived Set can be reformed again, and saves and loads.
func TestReformTwice(t *testing.T) {
	s := loadFixture(t)
	first, err := s.Apply(standards.Reform{Name: "first", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamElderlyAge, 65)}})
	require.NoError(t, err)
	second, err := first.Apply(standards.Reform{Name: "second", From: d("2025-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamElderlyAge, 70)}})
	require.NoError(t, err)
	for date, want := range map[string]int{"2023-12-31": 60, "2024-01-01": 65, "2024-12-31": 65, "2025-01-01": 70} {
		v, err := standards.Lookup(second, standards.ParamElderlyAge, q("230102", date))
		require.NoError(t, err)
		assert.Equal(t, want, v.V, date)
	}
	v, err := standards.Lookup(second, standards.ParamElderlyAge, q("230102", "2025-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "second", v.Source.Document)
	v, err = standards.Lookup(second, standards.ParamElderlyAge, q("230102", "2024-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "first", v.Source.Document, "the first reform keeps its own source")
	ids := map[string]bool{}
	for _, src := range second.Sources() {
		assert.False(t, ids[src.ID], "source %s twice", src.ID)
		ids[src.ID] = true
	}
	reloads(t, second)
}

// A reform dated before the start of a series replaces its whole history.
func TestReformBeforeTheSeries(t *testing.T) {
	s := loadFixture(t)
	reformed, err := s.Apply(standards.Reform{Name: "early", From: d("2021-01-01"), Changes: []standards.Change{
		standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("700")).In(r("230102")).For(standards.AreaUrban)}})
	require.NoError(t, err)
	for _, date := range []string{"2021-01-01", "2022-06-01", "2023-06-01"} {
		v, err := standards.Lookup(reformed, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, date))
		require.NoError(t, err)
		assert.Equal(t, money.MustParse("700"), v.V, date)
	}
	reloads(t, reformed)
}

// Applying reforms to one Set from several goroutines is safe, and a Reform
// value may be applied more than once.
func TestConcurrentApply(t *testing.T) {
	s := loadFixture(t)
	reform := standards.Reform{Name: "edge 2×", From: d("2024-01-01"), Changes: []standards.Change{
		standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{{Code: "edge", Multiple: money.MustRate("2")}}).Under()}}
	want := ""
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := s.Apply(reform)
			if err != nil {
				t.Error(err)
				return
			}
			if _, err := standards.Lookup(s, standards.ParamEdgeBands, q("230202", "2024-06-01")); err != nil {
				t.Error(err)
			}
			mu.Lock()
			defer mu.Unlock()
			if want == "" {
				want = n.Identity()
			}
			assert.Equal(t, want, n.Identity())
		}()
	}
	wg.Wait()
}

// Apply leaves the caller's Reform as it was: its changes may be kept and
// applied again, to this Set or another.
func TestApplyLeavesTheReformAlone(t *testing.T) {
	s := loadFixture(t)
	reform := standards.Reform{Name: "edge 2×", From: d("2024-01-01"), Changes: []standards.Change{
		standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{{Code: "edge", Multiple: money.MustRate("2")}}).Under()}}
	before := reform.Changes[0]
	_, err := s.Apply(reform)
	require.NoError(t, err)
	assert.Equal(t, before, reform.Changes[0], "Apply changed the caller's Change")
}

// A reform's value must be one a standards file can hold: Apply refuses
// what Load would refuse, so that the derived Set saves to a file that loads.
func TestReformValuesAFileCanHold(t *testing.T) {
	s := loadFixture(t)
	half, ok := money.MustParse("0.01").QuoInt(2) // 0.005 yuan: half a fen
	require.True(t, ok)
	third, ok := money.MustParse("850").QuoInt(3) // 283.33… yuan
	require.True(t, ok)
	for _, tc := range []struct {
		name   string
		change standards.Change
	}{
		// caregiver_income_factor: [0, 1], two decimals.
		{"a caregiver factor with three decimals", standards.ChangeTo(standards.ParamCaregiverIncomeFactor, money.MustRate("0.333"))},
		// supplement_rate: four decimals.
		{"a supplement rate with five decimals", standards.ChangeTo(standards.ParamSupplementRate, money.MustRate("0.15001"))},
		// tekun_basic_factor: four decimals.
		{"a tekun factor with five decimals", standards.ChangeTo(standards.ParamTekunBasicFactor, money.MustRate("1.30001"))},
		// dibao_standard: two decimals.
		{"control: a standard of 850", standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("850")).In(r("230102")).For(standards.AreaUrban)},
		{"a standard of half a fen", standards.ChangeTo(standards.ParamDibaoStandard, half).In(r("230102")).For(standards.AreaUrban)},
		{"a standard of 850/3 yuan", standards.ChangeTo(standards.ParamDibaoStandard, third).In(r("230102")).For(standards.AreaUrban)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := s.Apply(standards.Reform{Name: "x", From: d("2024-01-01"), Changes: []standards.Change{tc.change}, AllowOutOfRange: true})
			if tc.name == "control: a standard of 850" {
				require.NoError(t, err)
				reloads(t, n)
				return
			}
			require.Error(t, err, "Apply accepted a value no standards file can hold")
			code := problem.TooPrecise
			if tc.name == "a standard of 850/3 yuan" {
				code = problem.BadNumber // no decimal writes it: the file form cannot hold it at all
			}
			assertProblem(t, err, "changes[0].value", code)
		})
	}
}
