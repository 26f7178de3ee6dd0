package standards_test

import (
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/standards"
)

// The documented example holds, for 230102 urban, 835 from 2022-01-01 and 850
// from 2023-01-01 published 2023-11-03.
func TestLookupDibaoStandardByDate(t *testing.T) {
	s := loadExample(t)
	for _, tc := range []struct {
		date, knownOn, want string
	}{
		{"2022-01-01", "", "835"},
		{"2022-12-31", "", "835"},           // day before the change
		{"2023-01-01", "", "850"},           // day of the change
		{"2023-01-02", "", "850"},           // day after
		{"2023-06-01", "2023-11-02", "835"}, // as known the day before publication
		{"2023-06-01", "2023-11-03", "850"}, // as known on the day of publication
		{"2023-06-01", "2023-11-04", "850"},
		{"2022-06-01", "2022-01-01", "835"}, // no publication date: known from its effective date
	} {
		qq := standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d(tc.date)}
		if tc.knownOn != "" {
			qq.KnownOn = d(tc.knownOn)
		}
		v, err := s.DibaoStandard(qq)
		require.NoError(t, err, "%s as of %s", tc.date, tc.knownOn)
		assert.Equal(t, tc.want, v.V.String(), "%s as of %s", tc.date, tc.knownOn)
		assert.Equal(t, "哈民政规〔2023〕6号", v.Source.Document)
		assert.Equal(t, standards.ReliabilityOfficial, v.Source.Reliability)
	}
	// Before its effective date, a value without a publication date is not yet known.
	_, err := s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban,
		Date: d("2022-06-01"), KnownOn: d("2021-12-31")})
	assert.ErrorIs(t, err, standards.ErrNotCovered)
}

func TestLookupProvenance(t *testing.T) {
	s := loadExample(t)
	v, err := s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2023-06-01")})
	require.NoError(t, err)
	assert.Equal(t, standards.ParamDibaoStandard, v.Param)
	assert.Equal(t, "230102", v.Region.String())
	assert.Equal(t, standards.AreaUrban, v.Area)
	assert.Equal(t, "2023-01-01", v.From.String())
	assert.True(t, v.Until.IsZero())
	assert.Equal(t, "2023-11-03", v.Published.String())
	assert.True(t, v.PublishedGiven)
	assert.False(t, v.Stale)

	v, err = s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2022-06-01")})
	require.NoError(t, err)
	assert.False(t, v.PublishedGiven)
	assert.Equal(t, "2022-01-01", v.Published.String(), "taken as published when in force")

	v, err = s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2024-01-01")})
	require.NoError(t, err)
	assert.True(t, v.Stale, "after complete_through 2023-12-31")
	assert.Equal(t, "850", v.V.String())
}

func TestLookupFallsBackThroughTheHierarchy(t *testing.T) {
	s := loadExample(t)
	qq := q("230102", "2023-06-01")
	v, err := s.EdgeBands(qq)
	require.NoError(t, err)
	assert.Equal(t, "230000", v.Region.String(), "a province-wide value serves the county")
	assert.Equal(t, "四（一）", v.Clause)
	require.Len(t, v.V, 2)
	assert.Equal(t, "1.5", v.V[0].Multiple.String())

	// A county series wins over the province's.
	tier, err := s.MinimumWageTier(q("230102", "2024-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 1, tier.V)
	assert.Equal(t, "230102", tier.Region.String())
	// The prefecture, which has no series of its own, gets the province's.
	tier, err = s.MinimumWageTier(q("230100", "2024-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 3, tier.V)
	assert.Equal(t, "230000", tier.Region.String())
}

func TestLookupErrors(t *testing.T) {
	s := loadExample(t)

	_, err := s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2021-12-31")})
	require.ErrorIs(t, err, standards.ErrNotCovered, "before the first value")
	var le *standards.LookupError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, standards.ParamDibaoStandard, le.Param)
	assert.Equal(t, "230102", le.Region.String())
	assert.Equal(t, "2021-12-31", le.Date.String())
	assert.Contains(t, err.Error(), "dibao_standard")
	assert.Contains(t, err.Error(), "230102")
	assert.Contains(t, err.Error(), "2021-12-31")
	assert.Contains(t, err.Error(), "230102 urban from 2022-01-01", "says what is covered")
	assert.Contains(t, err.Error(), "standards.Load", "says how to load one's own file")

	// Rural is not in the example at all.
	_, err = s.DibaoStandard(standards.Query{Region: r("230102"), Area: standards.AreaRural, Date: d("2023-06-01")})
	assert.ErrorIs(t, err, standards.ErrNotCovered)

	// After an explicit end.
	_, err = s.ExcludedIncomeKinds(q("230102", "2025-12-31"))
	require.NoError(t, err)
	_, err = s.ExcludedIncomeKinds(q("230102", "2026-01-01"))
	require.ErrorIs(t, err, standards.ErrNotCovered)
	assert.Contains(t, err.Error(), "to 2025-12-31")

	_, err = s.DibaoStandard(q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrAreaRequired)

	_, err = s.SupplementRate(q("230199", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	assert.Contains(t, err.Error(), "230199")

	_, err = s.SupplementRate(standards.Query{Region: r("230102")})
	assert.ErrorIs(t, err, standards.ErrInvalidDate)

	_, err = s.Rounding(standards.RoundPaymentTotal, q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrNotCovered, "an undeclared rounding point is never assumed")

	var zero standards.Set
	_, err = zero.SupplementRate(q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
}

func TestLookupEveryTypedAccessor(t *testing.T) {
	s := loadExample(t)
	qq := q("230102", "2024-06-01")
	urban := qq
	urban.Area = standards.AreaUrban

	rate, err := s.SupplementRate(qq)
	require.NoError(t, err)
	assert.Equal(t, "0.15", rate.V.String())
	cats, err := s.SupplementCategories(qq)
	require.NoError(t, err)
	assert.Len(t, cats.V, 6)
	st, err := s.SupplementStacking(qq)
	require.NoError(t, err)
	assert.Equal(t, standards.StackingHighest, st.V)
	age, err := s.ElderlyAge(qq)
	require.NoError(t, err)
	assert.Equal(t, 60, age.V)
	tt, err := s.TierTable(qq)
	require.NoError(t, err)
	assert.Len(t, tt.V.Tiers, 5)
	ge, err := s.GradualExitMaxMonths(qq)
	require.NoError(t, err)
	assert.Equal(t, 12, ge.V)
	ed, err := s.EmploymentDeductionMonths(qq)
	require.NoError(t, err)
	assert.Equal(t, 2, ed.V)
	mw, err := s.MinimumWageTable(qq)
	require.NoError(t, err)
	assert.Len(t, mw.V.Tiers, 3)
	cf, err := s.CaregiverIncomeFactor(qq)
	require.NoError(t, err)
	assert.Equal(t, "0.5", cf.V.String())
	pl, err := s.PriceLinkage(qq)
	require.NoError(t, err)
	assert.Equal(t, "0.035", pl.V.CPITrigger.String())
	assert.True(t, pl.V.HasFloor)
	assert.Equal(t, "10", pl.V.Floor.String())
	tf, err := s.TekunBasicFactor(qq)
	require.NoError(t, err)
	assert.Equal(t, "1.3", tf.V.String())
	ts, err := s.TekunSupport(urban)
	require.NoError(t, err)
	assert.Equal(t, "1105", ts.V.Basic.String())
	care, ok := ts.V.Care(standards.CareFull)
	assert.True(t, ok)
	assert.Equal(t, "1166", care.String())
	caps, err := s.TemporaryAssistanceCaps(qq)
	require.NoError(t, err)
	assert.Equal(t, "illness", caps.V[0].Hardship)
	inst, err := s.TemporaryAssistanceMaxInstalments(qq)
	require.NoError(t, err)
	assert.Equal(t, 6, inst.V)
	prop, err := s.PropertyLimits(qq)
	require.NoError(t, err)
	assert.True(t, prop.V.HasDibao)
	assert.False(t, prop.V.HasEdge)
	assert.Equal(t, "24", prop.V.Dibao.FinancialAssetsMonths.String())
	ex, err := s.ExcludedIncomeKinds(qq)
	require.NoError(t, err)
	assert.Equal(t, []standards.IncomeKind{standards.IncomeScholarship, standards.IncomeResidentPensionBasic}, ex.V)
	rigid, err := s.RigidExpenditureDeduction(qq)
	require.NoError(t, err)
	assert.False(t, rigid.V)
	g3, err := s.SevereGrade3Categories(qq)
	require.NoError(t, err)
	assert.Equal(t, []string{"intellectual", "psychiatric"}, g3.V)
	mon, err := s.Monitoring(qq)
	require.NoError(t, err)
	assert.Equal(t, "1.2", mon.V.NearThreshold.String())
	assert.Equal(t, "0.3", mon.V.SharpDrop.String())
	assert.Equal(t, "0.6", mon.V.RigidShare.String())
	rd, err := s.Rounding(standards.RoundPriceSubsidy, qq)
	require.NoError(t, err)
	assert.Equal(t, standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeHalfUp}, rd.V)
}

func TestMinimumWageOfThePlaceOfWork(t *testing.T) {
	s := loadExample(t)
	w, err := s.MinimumWage(q("230102", "2024-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 1, w.Tier.V)
	assert.Equal(t, "2080", w.Rate.V.Monthly.String())
	assert.Equal(t, "19", w.Rate.V.Hourly.String())
	assert.Equal(t, "230102", w.Place.String())

	_, err = s.MinimumWage(q("230100", "2024-05-01"))
	assert.ErrorIs(t, err, standards.ErrPlaceTooCoarse)
	_, err = s.MinimumWage(q("230102", "2024-04-30"))
	assert.ErrorIs(t, err, standards.ErrNotCovered)
}

func TestLookupsReturnCopies(t *testing.T) {
	s := loadExample(t)
	qq := q("230102", "2023-06-01")
	v, err := s.EdgeBands(qq)
	require.NoError(t, err)
	v.V[0].Multiple = decimal.NewFromInt(9)
	tt, err := s.TierTable(qq)
	require.NoError(t, err)
	tt.V.Tiers[0].Amount = decimal.Zero
	v2, err := s.EdgeBands(qq)
	require.NoError(t, err)
	assert.Equal(t, "1.5", v2.V[0].Multiple.String())
	tt2, err := s.TierTable(qq)
	require.NoError(t, err)
	assert.Equal(t, "640", tt2.V.Tiers[0].Amount.String())
}

// Scalar lookups sit on the per-household path: they must not allocate.
func TestScalarLookupsDoNotAllocate(t *testing.T) {
	s := loadExample(t)
	qq := standards.Query{Region: r("230102"), Area: standards.AreaUrban, Date: d("2024-06-01")}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = s.DibaoStandard(qq) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = s.MinimumWage(qq) }))
	assert.Zero(t, testing.AllocsPerRun(100, func() { _, _ = s.Rounding(standards.RoundPriceSubsidy, qq) }))
}

func TestConcurrentLookups(t *testing.T) {
	s := loadExample(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				v, err := s.EdgeBands(q("230102", "2023-06-01"))
				if err != nil || v.V[0].Multiple.String() != "1.5" {
					t.Errorf("lookup %d: %v %v", j, v.V, err)
					return
				}
				v.V[0].Code = "mutated"
			}
		}()
	}
	wg.Wait()
}

func TestTierContains(t *testing.T) {
	s := loadExample(t)
	tt, err := s.TierTable(q("230102", "2023-06-01"))
	require.NoError(t, err)
	// 尤溪县 table: ≤ 77 → 640; ≤ 200 → 507; ≤ 312.5 → 384; ≤ 412 → 272; < 640 → 174.
	for _, tc := range []struct {
		income string
		tier   int // 1-based; 0 = none
	}{
		{"0", 1}, {"77", 1}, {"77.01", 2}, {"200", 2}, {"200.01", 3}, {"312.5", 3}, {"312.51", 4},
		{"412", 4}, {"412.01", 5}, {"639.99", 5}, {"640", 0},
	} {
		got := 0
		for i, tier := range tt.V.Tiers {
			if tier.Contains(decimal.RequireFromString(tc.income)) {
				assert.Zero(t, got, "income %s in two tiers", tc.income)
				got = i + 1
			}
		}
		assert.Equal(t, tc.tier, got, "income %s", tc.income)
	}
}

func TestRoundingRuleApply(t *testing.T) {
	rule := func(u standards.RoundingUnit, m standards.RoundingMode) standards.RoundingRule {
		return standards.RoundingRule{Unit: u, Mode: m}
	}
	for _, tc := range []struct {
		rule standards.RoundingRule
		in   string
		want string
	}{
		{rule(standards.UnitYuan, standards.ModeHalfUp), "29.75", "30"},  // 850 × 3.5 % = 29.75 → 30
		{rule(standards.UnitYuan, standards.ModeHalfUp), "22.5", "23"},   // half away from zero, not banker's
		{rule(standards.UnitYuan, standards.ModeHalfEven), "22.5", "22"}, // banker's
		{rule(standards.UnitYuan, standards.ModeHalfEven), "23.5", "24"},
		{rule(standards.UnitYuan, standards.ModeUp), "627.9", "628"}, // 483 × 1.3 = 627.9 → 628
		{rule(standards.UnitYuan, standards.ModeUp), "627.01", "628"},
		{rule(standards.UnitYuan, standards.ModeUp), "628", "628"},
		{rule(standards.UnitYuan, standards.ModeDown), "627.99", "627"},
		{rule(standards.UnitJiao, standards.ModeHalfUp), "291.65", "291.7"},
		{rule(standards.UnitFen, standards.ModeHalfUp), "291.666666", "291.67"}, // 3500 / 12
		{rule(standards.UnitFen, standards.ModeDown), "291.666666", "291.66"},
		{rule(standards.UnitFen, standards.ModeHalfUp), "0.005", "0.01"},
		{rule(standards.UnitFen, standards.ModeHalfEven), "0.005", "0"},
	} {
		got := tc.rule.Apply(decimal.RequireFromString(tc.in))
		assert.Equal(t, tc.want, got.String(), "%s %s", tc.rule, tc.in)
	}
	assert.Equal(t, "1.234", standards.RoundingRule{}.Apply(decimal.RequireFromString("1.234")).String(), "an unset rule leaves the amount alone")
}

func TestCitations(t *testing.T) {
	for in, want := range map[string]string{"四（八）": "§4(8)", "四(一)": "§4(1)", "十二（十一）": "§12(11)", "二十三": "§23",
		"第十四条": "Art. 14", "第十二条之一": "第十二条之一", "四（八": "四（八", "": ""} {
		assert.Equal(t, want, standards.ClauseEnglish(in), in)
	}
	c := standards.Citation{Document: "黑民规〔2021〕11号", Short: "HLJ-2021-11", Clause: "四（八）"}
	assert.Equal(t, "黑民规〔2021〕11号 四（八）", c.String())
	assert.Equal(t, "HLJ-2021-11 §4(8)", c.English())
	assert.Equal(t, "黑民规〔2021〕11号 四（八）", c.Format(standards.NewPrinter(language.SimplifiedChinese)))
	assert.Equal(t, "HLJ-2021-11 §4(8)", c.Format(standards.NewPrinter(language.English)))
	assert.Equal(t, "民发〔2021〕57号", standards.Citation{Document: "民发〔2021〕57号"}.English())

	s := loadExample(t)
	v, err := s.EdgeBands(q("230102", "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "HLJ-2021-11 §4(1)", standards.CitationOf(v.Provenance).English())
}
