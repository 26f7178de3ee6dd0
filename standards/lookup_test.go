package standards_test

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// The fixture holds, for 230102 urban, 835 from 2022-01-01 and 850 from
// 2023-01-01 published 2023-11-03 (哈民政规〔2023〕6号).
func TestLookupDibaoStandardByDate(t *testing.T) {
	s := loadFixture(t)
	for _, tc := range []struct {
		date, knownOn, want string
	}{
		{"2022-01-01", "", "835"},           // first day of the first value
		{"2022-12-31", "", "835"},           // day before the change
		{"2023-01-01", "", "850"},           // day of the change
		{"2023-01-02", "", "850"},           // day after
		{"2023-06-01", "2023-11-02", "835"}, // as known the day before publication
		{"2023-06-01", "2023-11-03", "850"}, // as known on the day of publication
		{"2023-06-01", "2023-11-04", "850"}, // and the day after
		{"2022-06-01", "2022-01-01", "835"}, // no publication date: known from its effective date
		{"2023-12-31", "2023-11-02", "835"}, // as known before 2023-11-03, 835 was still in force on the last day of 2023
	} {
		qq := qa("230102", standards.AreaUrban, tc.date)
		if tc.knownOn != "" {
			qq.KnownOn = d(tc.knownOn)
		}
		v, err := standards.Lookup(s, standards.ParamDibaoStandard, qq)
		require.NoError(t, err, "%s as of %s", tc.date, tc.knownOn)
		assert.Equal(t, money.MustParse(tc.want), v.V, "%s as of %s", tc.date, tc.knownOn)
		assert.Equal(t, "哈民政规〔2023〕6号", v.Source.Document)
		assert.Equal(t, standards.ReliabilityOfficial, v.Source.Reliability)
	}
	for _, tc := range []struct{ date, knownOn string }{
		{"2021-12-31", ""},           // before the first value
		{"2022-06-01", "2021-12-31"}, // a value without a publication date is unknown before its effective date
	} {
		qq := qa("230102", standards.AreaUrban, tc.date)
		if tc.knownOn != "" {
			qq.KnownOn = d(tc.knownOn)
		}
		_, err := standards.Lookup(s, standards.ParamDibaoStandard, qq)
		assert.ErrorIs(t, err, standards.ErrNotCovered, "%s as of %s", tc.date, tc.knownOn)
	}
}

func TestLookupProvenance(t *testing.T) {
	s := loadFixture(t)
	v, err := standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "dibao_standard", v.Key.Name())
	assert.Equal(t, standards.AnyKey(standards.ParamDibaoStandard), v.Key)
	assert.Equal(t, "230102", v.Region.String())
	assert.Equal(t, standards.AreaUrban, v.Area)
	assert.Equal(t, "2023-01-01", v.From.String())
	assert.True(t, v.Until.IsZero(), "the last value is open-ended")
	assert.Equal(t, "2023-11-03", v.Published.String())
	assert.True(t, v.PublishedGiven)
	assert.Equal(t, "一", v.Clause)
	assert.Equal(t, "retroactive", v.Note)
	assert.Equal(t, "harbin-2023", v.Source.ID)
	assert.Equal(t, "哈尔滨市民政局", v.Source.Issuer)
	assert.Equal(t, "https://example.org/harbin-2023", v.Source.URL)
	assert.False(t, v.Stale)
	assert.False(t, v.Assumed())
	assert.Equal(t, "2023-12-31", v.CompleteThrough.String())
	// 850 stays in force; the data is complete through 2023-12-31, after
	// which the same query turns stale.
	assert.Equal(t, "2023-12-31", v.ValidThrough.String())

	v, err = standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2022-06-01"))
	require.NoError(t, err)
	assert.False(t, v.PublishedGiven)
	assert.Equal(t, "2022-01-01", v.Published.String(), "taken as published when in force")
	assert.Equal(t, "2022-12-31", v.ValidThrough.String(), "the day before 850 takes over")

	v, err = standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2024-01-01"))
	require.NoError(t, err)
	assert.True(t, v.Stale, "after complete_through 2023-12-31")
	assert.Equal(t, money.MustParse("850"), v.V, "a stale lookup still answers")
	assert.True(t, v.ValidThrough.IsZero(), "a stale answer stays the same on every later day")
}

func TestLookupFallsBackThroughTheHierarchy(t *testing.T) {
	s := loadFixture(t)

	// 龙沙区 has no series of its own, nor has 齐齐哈尔: the province's band serves.
	v, err := standards.Lookup(s, standards.ParamEdgeBands, q("230202", "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "230000", v.Region.String(), "a province-wide value serves the county")
	assert.Equal(t, "四（一）", v.Clause)
	assert.Equal(t, []standards.Band{{Code: "edge", Multiple: money.MustRate("1.5"), Name: "低保边缘家庭"}}, v.V)

	// 南岗区 has none either, but Harbin has: the prefecture's bands serve.
	v, err = standards.Lookup(s, standards.ParamEdgeBands, q("230103", "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "230100", v.Region.String(), "the nearest level with a series answers")
	require.Len(t, v.V, 2)
	assert.Equal(t, money.MustRate("1.2"), v.V[0].Multiple)
	assert.Equal(t, standards.AreaUrban, v.V[0].Area)

	// A county series wins over the province's.
	tier, err := standards.Lookup(s, standards.ParamMinimumWageTier, q("230102", "2024-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 1, tier.V)
	assert.Equal(t, "230102", tier.Region.String())
	// Its neighbour, without one, gets the province's.
	tier, err = standards.Lookup(s, standards.ParamMinimumWageTier, q("230103", "2024-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 3, tier.V)
	assert.Equal(t, "230000", tier.Region.String())
	// The prefecture, which has no series of its own, gets the province's.
	tier, err = standards.Lookup(s, standards.ParamMinimumWageTier, q("230100", "2024-05-01"))
	require.NoError(t, err)
	assert.Equal(t, 3, tier.V)
	assert.Equal(t, "230000", tier.Region.String())
}

// At each level an area-specific series is tried before an unsplit one, and
// an area-specific series of another area class is never used.
func TestLookupAreaSeriesBeforeUnsplit(t *testing.T) {
	b := small("2030-12-31",
		`"edge_bands": [`+
			series([]string{"230000"}, "", [2]string{"2021-01-01", `[{"code": "edge", "multiple": "1.5"}]`})+`, `+
			series([]string{"230100"}, "urban", [2]string{"2021-01-01", `[{"code": "edge", "multiple": "1.8"}]`})+`, `+
			series([]string{"230102"}, "", [2]string{"2022-01-01", `[{"code": "edge", "multiple": "1.6"}]`})+`]`)
	s, err := standards.Load(b, standards.LoadOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		region string
		area   standards.Area
		date   string
		want   string
		from   string // region of the series that answers
	}{
		{"230103", standards.AreaUrban, "2021-06-01", "1.8", "230100"}, // Harbin's urban series
		{"230103", standards.AreaRural, "2021-06-01", "1.5", "230000"}, // no rural series at Harbin: the province's
		{"230103", standards.AreaAny, "2021-06-01", "1.5", "230000"},   // no area: only unsplit series
		{"230102", standards.AreaUrban, "2021-12-31", "1.8", "230100"}, // 道里区's own series starts the next day
		{"230102", standards.AreaUrban, "2022-01-01", "1.6", "230102"}, // the county's unsplit series beats Harbin's urban one
		{"230202", standards.AreaUrban, "2022-01-01", "1.5", "230000"},
	} {
		v, err := standards.Lookup(s, standards.ParamEdgeBands, standards.Query{Region: r(tc.region), Area: tc.area, Date: d(tc.date)})
		require.NoError(t, err, "%s %s %s", tc.region, tc.area, tc.date)
		assert.Equal(t, money.MustRate(tc.want), v.V[0].Multiple, "%s %s %s", tc.region, tc.area, tc.date)
		assert.Equal(t, tc.from, v.Region.String(), "%s %s %s", tc.region, tc.area, tc.date)
	}
}

// ValidThrough is the last day the same query (region, area, as-of date)
// gives the same answer.
func TestLookupValidThrough(t *testing.T) {
	// elderly_age: the province 60 from 2021-01-01, 62 from 2024-07-01;
	// 道里区 65 from 2023-01-01, a series that starts later than the province's.
	// gradual_exit_max_months: the province 12 from 2021-01-01; Harbin 10 from
	// 2022-07-01; 道里区 6 from 2023-01-01 until 2023-12-31, after which
	// Harbin's value answers again. The data is complete through 2025-12-31.
	b := small("2025-12-31",
		`"elderly_age": [`+
			series([]string{"230000"}, "", [2]string{"2021-01-01", "60"}, [2]string{"2024-07-01", "62"})+`, `+
			series([]string{"230102"}, "", [2]string{"2023-01-01", "65"})+`], `+
			`"gradual_exit_max_months": [`+
			series([]string{"230000"}, "", [2]string{"2021-01-01", "12"})+`, `+
			series([]string{"230100"}, "", [2]string{"2022-07-01", "10"})+`, `+
			`{"regions": ["230102"], "values": [{"from": "2023-01-01", "until": "2023-12-31", "source": "s", "value": 6}]}]`)
	s, err := standards.Load(b, standards.LoadOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		name   string
		key    standards.Key[int]
		region string
		date   string
		want   int
		valid  string // "" = open
		stale  bool
	}{
		{"province value, before the county's own series starts", standards.ParamElderlyAge, "230102", "2022-06-01", 60, "2022-12-31", false},
		{"same, on the day before the county's series", standards.ParamElderlyAge, "230102", "2022-12-31", 60, "2022-12-31", false},
		{"the county's series, from its first day", standards.ParamElderlyAge, "230102", "2023-01-01", 65, "2025-12-31", false},
		{"a county without a series: the province's next change", standards.ParamElderlyAge, "230103", "2022-06-01", 60, "2024-06-30", false},
		{"the province's last value: up to complete_through", standards.ParamElderlyAge, "230103", "2024-07-01", 62, "2025-12-31", false},
		{"the last complete day", standards.ParamElderlyAge, "230103", "2025-12-31", 62, "2025-12-31", false},
		{"the first stale day: open", standards.ParamElderlyAge, "230103", "2026-01-01", 62, "", true},
		// The nearest change below wins: Harbin's series starts 2022-07-01,
		// 道里区's 2023-01-01; the province's 12 answers 道里区 through 2022-06-30.
		{"two later series at two levels", standards.ParamGradualExitMaxMonths, "230102", "2022-06-01", 12, "2022-06-30", false},
		{"the prefecture's value until the county's starts", standards.ParamGradualExitMaxMonths, "230102", "2022-07-01", 10, "2022-12-31", false},
		{"the county's value ends with its until", standards.ParamGradualExitMaxMonths, "230102", "2023-06-01", 6, "2023-12-31", false},
		{"after the county's until, the prefecture's again", standards.ParamGradualExitMaxMonths, "230102", "2024-01-01", 10, "2025-12-31", false},
		{"the prefecture's value for a county of its own", standards.ParamGradualExitMaxMonths, "230103", "2023-06-01", 10, "2025-12-31", false},
	} {
		v, err := standards.Lookup(s, tc.key, q(tc.region, tc.date))
		require.NoError(t, err, tc.name)
		assert.Equal(t, tc.want, v.V, tc.name)
		assert.Equal(t, tc.valid, v.ValidThrough.String(), tc.name)
		assert.Equal(t, tc.stale, v.Stale, tc.name)
		// The promise itself: the same query on ValidThrough gives the same
		// answer, and on the day after a different one (or a stale one).
		if tc.valid != "" {
			same, err := standards.Lookup(s, tc.key, q(tc.region, tc.valid))
			require.NoError(t, err, tc.name)
			assert.Equal(t, v.V, same.V, tc.name)
			assert.Equal(t, v.Region, same.Region, tc.name)
			assert.Equal(t, v.From, same.From, tc.name)
			assert.Equal(t, v.Stale, same.Stale, tc.name)
			next, err := standards.Lookup(s, tc.key, q(tc.region, v.ValidThrough.AddDays(1).String()))
			require.NoError(t, err, tc.name)
			assert.True(t, next.V != v.V || next.Region != v.Region || next.From != v.From || next.Stale != v.Stale,
				"%s: the answer on the day after ValidThrough is the same", tc.name)
		}
	}
}

// As known on a date, a value published later does not exist: the earlier
// value stays valid past the later value's effective date.
func TestLookupValidThroughAsOf(t *testing.T) {
	s := loadFixture(t)
	for _, tc := range []struct {
		date, knownOn string
		want          string
		valid         string
	}{
		{"2022-06-01", "", "835", "2022-12-31"},           // 850 takes over on 2023-01-01
		{"2022-06-01", "2023-11-03", "835", "2022-12-31"}, // 850 is known on 2023-11-03
		{"2022-06-01", "2023-10-01", "835", "2023-12-31"}, // 850 is not yet known: 835 answers up to complete_through
		{"2023-06-01", "2023-11-02", "835", "2023-12-31"},
	} {
		qq := qa("230102", standards.AreaUrban, tc.date)
		if tc.knownOn != "" {
			qq.KnownOn = d(tc.knownOn)
		}
		v, err := standards.Lookup(s, standards.ParamDibaoStandard, qq)
		require.NoError(t, err)
		assert.Equal(t, money.MustParse(tc.want), v.V, "%s as of %s", tc.date, tc.knownOn)
		assert.Equal(t, tc.valid, v.ValidThrough.String(), "%s as of %s", tc.date, tc.knownOn)
	}
}

// A series may declare its own complete_through, which then governs Stale
// and ValidThrough instead of the Set's.
func TestLookupSeriesCompleteThrough(t *testing.T) {
	b := small("2023-12-31", `"elderly_age": [{"regions": ["230000"], "complete_through": "2025-06-30",
		"values": [{"from": "2021-01-01", "source": "s", "value": 60}]}]`)
	s, err := standards.Load(b, standards.LoadOptions{})
	require.NoError(t, err)
	for _, tc := range []struct {
		date  string
		stale bool
		valid string
	}{
		{"2024-01-01", false, "2025-06-30"}, // after the Set's date, within the series'
		{"2025-06-30", false, "2025-06-30"},
		{"2025-07-01", true, ""},
	} {
		v, err := standards.Lookup(s, standards.ParamElderlyAge, q("230102", tc.date))
		require.NoError(t, err)
		assert.Equal(t, tc.stale, v.Stale, tc.date)
		assert.Equal(t, tc.valid, v.ValidThrough.String(), tc.date)
		assert.Equal(t, "2025-06-30", v.CompleteThrough.String(), tc.date)
	}
}

func TestLookupErrors(t *testing.T) {
	s := loadFixture(t)

	_, err := standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2021-12-31"))
	require.ErrorIs(t, err, standards.ErrNotCovered, "before the first value")
	require.ErrorIs(t, err, problem.ErrNotCovered)
	var le *standards.LookupError
	require.ErrorAs(t, err, &le)
	assert.Equal(t, standards.AnyKey(standards.ParamDibaoStandard), le.Key)
	assert.Equal(t, "230102", le.Region.String())
	assert.Equal(t, standards.AreaUrban, le.Area)
	assert.Equal(t, "2021-12-31", le.Date.String())
	assert.Equal(t, "道里区", le.RegionName)
	assert.Contains(t, err.Error(), "dibao_standard")
	assert.Contains(t, err.Error(), "230102")
	assert.Contains(t, err.Error(), "2021-12-31")
	assert.Contains(t, err.Error(), "道里区 (230102) urban from 1 January 2022", "says what is covered")
	assert.Equal(t, "道里区 (230102) 城市 自2022年1月1日起", le.Covered[0], "dates written as the message's own")

	pr := le.Problem("standards")
	assert.Equal(t, "standards", pr.Path)
	assert.Equal(t, problem.NotCovered, pr.Code)
	assert.Contains(t, pr.Message.EN, "道里区 (230102)")
	assert.Contains(t, pr.Message.ZH, "低保标准")
	// One style of date, and the area class apart from the region's name.
	assert.Equal(t, "标准数据没有 道里区 (230102) 城市 在 2021年12月31日 的低保标准；数据覆盖：道里区 (230102) 城市 自2022年1月1日起", pr.Message.ZH)
	assert.Equal(t, "the standards hold no dibao standard for 道里区 (230102) urban on 31 December 2021; they cover 道里区 (230102) urban from 1 January 2022", pr.Message.EN)
	assert.Contains(t, pr.Hint, "standards.Load", "says how to supply one's own file")
	pr2, ok := standards.ProblemOf(err, "x")
	assert.True(t, ok)
	assert.Equal(t, problem.NotCovered, pr2.Code)

	// An as-of lookup says so.
	_, err = standards.Lookup(s, standards.ParamDibaoStandard, standards.Query{Region: r("230102"), Area: standards.AreaUrban,
		Date: d("2022-06-01"), KnownOn: d("2021-12-31")})
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "2021-12-31", le.KnownOn.String())
	assert.Contains(t, err.Error(), "as known on 2021-12-31")

	// Rural is not in the fixture at all.
	_, err = standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaRural, "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrNotCovered)

	// Nothing along 龙沙区's chain: the error names the regions that are covered.
	_, err = standards.Lookup(s, standards.ParamDibaoStandard, qa("230202", standards.AreaUrban, "2023-06-01"))
	require.ErrorAs(t, err, &le)
	assert.Equal(t, "only 道里区 (230102)", le.Covered[1])

	// After an explicit end.
	_, err = standards.Lookup(s, standards.ParamExcludedIncomeKinds, q("230102", "2025-12-31"))
	require.NoError(t, err)
	_, err = standards.Lookup(s, standards.ParamExcludedIncomeKinds, q("230102", "2026-01-01"))
	require.ErrorIs(t, err, standards.ErrNotCovered)
	assert.Contains(t, err.Error(), "to 31 December 2025")

	_, err = standards.Lookup(s, standards.ParamDibaoStandard, q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrAreaRequired)
	_, err = standards.Lookup(s, standards.ParamTekunSupport, q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrAreaRequired)

	_, err = standards.Lookup(s, standards.ParamSupplementRate, q("230199", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	assert.Contains(t, err.Error(), "230199")
	pr, ok = standards.ProblemOf(err, "region")
	assert.True(t, ok)
	assert.Equal(t, problem.UnknownRegion, pr.Code)
	_, err = standards.Lookup(s, standards.ParamSupplementRate, standards.Query{Date: d("2023-06-01")})
	assert.ErrorIs(t, err, standards.ErrUnknownRegion, "no region")

	_, err = standards.Lookup(s, standards.ParamSupplementRate, standards.Query{Region: r("230102")})
	assert.ErrorIs(t, err, standards.ErrInvalidDate)
	_, ok = standards.ProblemOf(err, "x")
	assert.False(t, ok, "only lookup and region errors are problems")

	_, err = standards.Lookup(s, standards.RoundPaymentTotal, q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrNotCovered, "an undeclared rounding point is never assumed")

	var zero standards.Set
	_, err = standards.Lookup(&zero, standards.ParamSupplementRate, q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrNotCovered, "the zero Set holds nothing")
	_, err = standards.Lookup((*standards.Set)(nil), standards.ParamSupplementRate, q("230102", "2023-06-01"))
	assert.ErrorIs(t, err, standards.ErrNotCovered, "nor does a nil Set")
	assert.False(t, (*standards.Set)(nil).Has(standards.ParamSupplementRate))
}

// Every key of the fixture, looked up untyped, with the value the fixture
// gives it.
func TestLookupEveryKey(t *testing.T) {
	s := loadFixture(t)
	m := money.MustParse
	rate := money.MustRate
	for _, tc := range []struct {
		key  standards.AnyKey
		want any
	}{
		{standards.ParamDibaoStandard, m("850")},
		{standards.ParamEdgeBands, []standards.Band{ // Harbin's bands serve 道里区
			{Code: "urban_edge_hardship", Multiple: rate("1.2"), Area: standards.AreaUrban, Name: "城市低保边缘困难家庭"},
			{Code: "edge", Multiple: rate("1.5"), Name: "城乡低保边缘家庭"}}},
		{standards.ParamSupplementRate, rate("0.15")},
		{standards.ParamSupplementCategories, []standards.Category{standards.CategorySevereDisability, standards.CategorySeriousIllness,
			standards.CategoryElderly, standards.CategoryMinor, standards.CategoryMartyrFamily, standards.CategoryReturnedVeteran}},
		{standards.ParamSupplementStacking, standards.StackingHighest},
		{standards.ParamElderlyAge, 60},
		{standards.ParamPaymentMethod, standards.MethodGap},
		{standards.ParamTierTable, standards.TierTable{
			Tiers: []standards.Tier{
				{From: m("0"), FromInclusive: true, To: m("77"), ToInclusive: true, Amount: m("640")},
				{From: m("77"), To: m("200"), ToInclusive: true, Amount: m("507")},
				{From: m("200"), To: m("312.5"), ToInclusive: true, Amount: m("384")},
				{From: m("312.5"), To: m("412"), ToInclusive: true, Amount: m("272")},
				{From: m("412"), To: m("850"), Amount: m("174")},
			},
			Placements: []standards.Placement{{Category: standards.CategorySevereDisability, Tier: 1}},
		}},
		{standards.ParamGradualExitMaxMonths, 12},
		{standards.ParamEmploymentDeductionMonths, 2},
		{standards.ParamMinimumWage, standards.MinimumWage{Tiers: []standards.WageRate{
			{Tier: 1, Monthly: m("2080"), Hourly: m("19")}, {Tier: 2, Monthly: m("1850")}, {Tier: 3, Monthly: m("1750")}}}},
		{standards.ParamMinimumWageTier, 1},
		{standards.ParamCaregiverIncomeFactor, rate("0.5")},
		{standards.ParamPriceLinkage, standards.PriceLinkage{CPITrigger: rate("0.035"), FoodCPITrigger: rate("0.06"),
			Covered: []standards.Group{standards.GroupDibao, standards.GroupTekun}, Floor: m("10"), HasFloor: true}},
		{standards.ParamTekunBasicFactor, rate("1.3")},
		{standards.ParamTekunSupport, standards.TekunSupport{Basic: m("1105"), SelfCare: m("1066"), PartialCare: m("1116"), FullCare: m("1166")}},
		{standards.ParamNoLabourAgeFrom, 60},
		{standards.ParamNoLabourAgeUnder, 16},
		{standards.ParamTemporaryAssistanceCaps, []standards.AssistanceCap{{Hardship: "illness", Multiple: rate("10")}}},
		{standards.ParamTemporaryAssistanceMaxInstalments, 6},
		{standards.ParamPropertyLimits, standards.PropertyLimits{
			Dibao: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasDibao: true}},
		{standards.ParamExcludedIncomeKinds, []standards.IncomeKind{standards.IncomeScholarship, standards.IncomeResidentPensionBasic}},
		{standards.ParamRigidExpenditureDeduction, false},
		{standards.ParamSevereGrade3Categories, []standards.DisabilityCategory{standards.DisabilityIntellectual, standards.DisabilityPsychiatric}},
		{standards.ParamMonitoring, standards.Monitoring{NearThreshold: rate("1.2"), HasNearThreshold: true,
			SharpDrop: rate("0.3"), HasSharpDrop: true, RigidShare: rate("0.6"), HasRigidShare: true}},
		{standards.RoundPriceSubsidy, standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeHalfUp}},
	} {
		qq := q("230102", "2024-06-01")
		if tc.key.AreaSplit() {
			qq.Area = standards.AreaUrban
		}
		v, pr, err := standards.LookupAny(s, tc.key, qq)
		if !assert.NoError(t, err, tc.key.Name()) {
			continue
		}
		assert.Equal(t, tc.want, v, tc.key.Name())
		assert.Equal(t, tc.key, pr.Key, tc.key.Name())
		assert.True(t, s.Has(tc.key), tc.key.Name())
	}
	care, ok := standards.TekunSupport{SelfCare: m("1066"), PartialCare: m("1116"), FullCare: m("1166")}.Care(standards.CareFull)
	assert.True(t, ok)
	assert.Equal(t, m("1166"), care)
	_, ok = standards.TekunSupport{}.Care(standards.CareNone)
	assert.False(t, ok)

	// Every other key is absent and so an error, never a default.
	held := map[string]bool{}
	for _, k := range s.Params() {
		held[k.Name()] = true
	}
	var absent []string
	for _, k := range standards.Keys() {
		if held[k.Name()] {
			continue
		}
		absent = append(absent, k.Name())
		assert.False(t, s.Has(k), k.Name())
		_, _, err := standards.LookupAny(s, k, q("230102", "2024-06-01"))
		assert.ErrorIs(t, err, standards.ErrNotCovered, k.Name())
	}
	assert.ElementsMatch(t, []string{"rounding.payment_total", "rounding.per_capita_display", "rounding.countable_income",
		"rounding.supplement", "rounding.tekun_basic", "rounding.temporary_assistance", "rounding.instalment", "rounding.band_threshold"}, absent)
}

func TestSetAccessors(t *testing.T) {
	s := loadFixture(t)
	assert.Equal(t, "示例省", s.Name())
	assert.Equal(t, "230000", s.Jurisdiction().String())
	assert.Equal(t, "2023-12-31", s.CompleteThrough().String())
	assert.Equal(t, "2023.1", s.DataVersion())
	assert.False(t, s.AllowsOutOfRange())
	assert.Equal(t, 6, s.Divisions().Len())
	src := s.Sources()
	require.Len(t, src, 2)
	assert.Equal(t, standards.Source{ID: "hlj-2021-11", Document: "黑民规〔2021〕11号", Short: "HLJ-2021-11",
		Reliability: standards.ReliabilityOfficial}, src[0], "in file order")
	assert.Equal(t, "harbin-2023", src[1].ID)
	src[0].Document = "changed"
	assert.Equal(t, "黑民规〔2021〕11号", s.Sources()[0].Document, "Sources returns a copy")

	// Params lists the held keys in the order of Keys.
	order := map[string]int{}
	for i, k := range standards.Keys() {
		order[k.Name()] = i
	}
	params := s.Params()
	assert.Len(t, params, len(standards.Keys())-8)
	for i := 1; i < len(params); i++ {
		assert.Less(t, order[params[i-1].Name()], order[params[i].Name()])
	}
}

// The minimum wage of a place of work: its tier from the dated region → tier
// map, then the tier's rate in the table in force.
func TestMinimumWageOfThePlaceOfWork(t *testing.T) {
	s := loadFixture(t)
	for _, tc := range []struct {
		place, date     string
		tier            int // 0: not covered
		monthly, hourly string
	}{
		{"230102", "2024-04-30", 0, "", ""}, // the day before the map starts
		{"230102", "2024-05-01", 1, "2080", "19"},
		{"230103", "2024-05-01", 3, "1750", "0"},
		{"230202", "2024-05-02", 3, "1750", "0"},
	} {
		tier, err := standards.Lookup(s, standards.ParamMinimumWageTier, q(tc.place, tc.date))
		if tc.tier == 0 {
			assert.ErrorIs(t, err, standards.ErrNotCovered, "%s %s", tc.place, tc.date)
			continue
		}
		require.NoError(t, err, "%s %s", tc.place, tc.date)
		assert.Equal(t, tc.tier, tier.V)
		table, err := standards.Lookup(s, standards.ParamMinimumWage, q(tc.place, tc.date))
		require.NoError(t, err)
		rate, ok := table.V.Tier(tier.V)
		require.True(t, ok)
		assert.Equal(t, tc.tier, rate.Tier)
		assert.Equal(t, money.MustParse(tc.monthly), rate.Monthly, "%s %s", tc.place, tc.date)
		assert.Equal(t, money.MustParse(tc.hourly), rate.Hourly, "%s %s", tc.place, tc.date)
	}
	table, err := standards.Lookup(s, standards.ParamMinimumWage, q("230102", "2024-05-01"))
	require.NoError(t, err)
	for _, n := range []int{0, 4, -1} {
		_, ok := table.V.Tier(n)
		assert.False(t, ok, "tier %d", n)
	}
	_, ok := standards.MinimumWage{Tiers: []standards.WageRate{{Tier: 2}}}.Tier(1)
	assert.False(t, ok, "a table whose first entry is not tier 1 has no tier 1")
}

// Values that hold slices are copies: a caller changing one changes nothing
// in the Set.
func TestLookupsReturnCopies(t *testing.T) {
	s := loadFixture(t)
	qq := q("230102", "2024-06-01")
	bands, err := standards.Lookup(s, standards.ParamEdgeBands, q("230202", "2023-06-01"))
	require.NoError(t, err)
	bands.V[0].Multiple = money.MustRate("9")
	tt, err := standards.Lookup(s, standards.ParamTierTable, qq)
	require.NoError(t, err)
	tt.V.Tiers[0].Amount = money.Amount{}
	tt.V.Placements[0].Tier = 5
	mw, err := standards.Lookup(s, standards.ParamMinimumWage, qq)
	require.NoError(t, err)
	mw.V.Tiers[0].Monthly = money.Amount{}
	pl, err := standards.Lookup(s, standards.ParamPriceLinkage, qq)
	require.NoError(t, err)
	pl.V.Covered[0] = standards.GroupOrphan
	ex, err := standards.Lookup(s, standards.ParamExcludedIncomeKinds, qq)
	require.NoError(t, err)
	ex.V[0] = standards.IncomeWage
	caps, err := standards.Lookup(s, standards.ParamTemporaryAssistanceCaps, qq)
	require.NoError(t, err)
	caps.V[0].Hardship = "changed"
	cats, err := standards.Lookup(s, standards.ParamSupplementCategories, qq)
	require.NoError(t, err)
	cats.V[0] = standards.CategoryMinor
	g3, err := standards.Lookup(s, standards.ParamSevereGrade3Categories, qq)
	require.NoError(t, err)
	g3.V[0] = standards.DisabilityVisual

	bands2, _ := standards.Lookup(s, standards.ParamEdgeBands, q("230202", "2023-06-01"))
	assert.Equal(t, money.MustRate("1.5"), bands2.V[0].Multiple)
	tt2, _ := standards.Lookup(s, standards.ParamTierTable, qq)
	assert.Equal(t, money.MustParse("640"), tt2.V.Tiers[0].Amount)
	assert.Equal(t, 1, tt2.V.Placements[0].Tier)
	mw2, _ := standards.Lookup(s, standards.ParamMinimumWage, qq)
	assert.Equal(t, money.MustParse("2080"), mw2.V.Tiers[0].Monthly)
	pl2, _ := standards.Lookup(s, standards.ParamPriceLinkage, qq)
	assert.Equal(t, standards.GroupDibao, pl2.V.Covered[0])
	ex2, _ := standards.Lookup(s, standards.ParamExcludedIncomeKinds, qq)
	assert.Equal(t, standards.IncomeScholarship, ex2.V[0])
	caps2, _ := standards.Lookup(s, standards.ParamTemporaryAssistanceCaps, qq)
	assert.Equal(t, "illness", caps2.V[0].Hardship)
	cats2, _ := standards.Lookup(s, standards.ParamSupplementCategories, qq)
	assert.Equal(t, standards.CategorySevereDisability, cats2.V[0])
	g32, _ := standards.Lookup(s, standards.ParamSevereGrade3Categories, qq)
	assert.Equal(t, standards.DisabilityIntellectual, g32.V[0])
}

// Scalar lookups sit on the per-household path: they must not allocate.
func TestScalarLookupsDoNotAllocate(t *testing.T) {
	s := loadFixture(t)
	urban := qa("230102", standards.AreaUrban, "2024-06-01")
	asOf := urban
	asOf.Date, asOf.KnownOn = d("2023-06-01"), d("2023-10-01")
	plain := q("230102", "2024-06-01")
	for name, f := range map[string]func(){
		"dibao standard":       func() { _, _ = standards.Lookup(s, standards.ParamDibaoStandard, urban) },
		"dibao standard as of": func() { _, _ = standards.Lookup(s, standards.ParamDibaoStandard, asOf) },
		"minimum-wage tier":    func() { _, _ = standards.Lookup(s, standards.ParamMinimumWageTier, plain) },
		"rounding rule":        func() { _, _ = standards.Lookup(s, standards.RoundPriceSubsidy, plain) },
		"supplement rate":      func() { _, _ = standards.Lookup(s, standards.ParamSupplementRate, plain) },
	} {
		assert.Zero(t, testing.AllocsPerRun(100, f), name)
	}
}

func TestConcurrentLookups(t *testing.T) {
	s := loadFixture(t)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				v, err := standards.Lookup(s, standards.ParamEdgeBands, q("230202", "2023-06-01"))
				if err != nil || v.V[0].Multiple != money.MustRate("1.5") {
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
	m := money.MustParse
	// 尤溪县 table: ≤ 77 → 640; ≤ 200 → 507; ≤ 312.5 → 384; ≤ 412 → 272; < 640 → 174.
	tiers := []standards.Tier{
		{From: m("0"), FromInclusive: true, To: m("77"), ToInclusive: true, Amount: m("640")},
		{From: m("77"), To: m("200"), ToInclusive: true, Amount: m("507")},
		{From: m("200"), To: m("312.5"), ToInclusive: true, Amount: m("384")},
		{From: m("312.5"), To: m("412"), ToInclusive: true, Amount: m("272")},
		{From: m("412"), To: m("640"), Amount: m("174")},
	}
	for _, tc := range []struct {
		income string
		tier   int // 1-based; 0 = none
	}{
		{"0", 1}, {"77", 1}, {"77.01", 2}, {"200", 2}, {"200.01", 3}, {"312.5", 3}, {"312.51", 4},
		{"412", 4}, {"412.01", 5}, {"639.99", 5}, {"640", 0}, {"-0.01", 0},
	} {
		got := 0
		for i, tier := range tiers {
			if tier.Contains(m(tc.income)) {
				assert.Zero(t, got, "income %s in two tiers", tc.income)
				got = i + 1
			}
		}
		assert.Equal(t, tc.tier, got, "income %s", tc.income)
	}
	// Exclusive on both edges: neither 77 nor 200 is in (77, 200).
	open := standards.Tier{From: m("77"), To: m("200"), Amount: m("1")}
	assert.False(t, open.Contains(m("77")))
	assert.False(t, open.Contains(m("200")))
	assert.True(t, open.Contains(m("199.99")))
}

// A rounding rule looked up from a Set rounds as documented.
func TestRoundingRuleOfTheSet(t *testing.T) {
	s := loadFixture(t)
	rule, err := standards.Lookup(s, standards.RoundPriceSubsidy, q("230102", "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, "price_subsidy", standards.RoundPriceSubsidy.Point())
	assert.Equal(t, "", standards.ParamDibaoStandard.Point())
	for _, tc := range []struct {
		rule standards.RoundingRule
		in   string
		want string
	}{
		{rule.V, "29.75", "30"}, // 850 × 3.5 % = 29.75 → 30
		{rule.V, "22.5", "23"},  // half away from zero, not banker's
		{standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeHalfEven}, "22.5", "22"}, // banker's
		{standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeHalfEven}, "23.5", "24"},
		{standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeUp}, "627.9", "628"}, // 483 × 1.3 = 627.9 → 628
		{standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeUp}, "627.01", "628"},
		{standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeUp}, "628", "628"},
		{standards.RoundingRule{Unit: money.UnitYuan, Mode: money.ModeDown}, "627.99", "627"},
		{standards.RoundingRule{Unit: money.UnitJiao, Mode: money.ModeHalfUp}, "291.65", "291.7"},
		{standards.RoundingRule{Unit: money.UnitFen, Mode: money.ModeHalfUp}, "0.005", "0.01"},
	} {
		// Amounts parse to the fen; a finer figure comes from arithmetic.
		var a money.Amount
		if tc.in == "0.005" {
			var ok bool
			a, ok = money.MustParse("0.01").QuoInt(2) // 0.01 / 2 = 0.005
			require.True(t, ok)
		} else {
			a = money.MustParse(tc.in)
		}
		got, ok := a.Round(tc.rule)
		require.True(t, ok)
		assert.Equal(t, tc.want, got.String(), "%s %s", tc.rule, tc.in)
	}
	// 3500 / 12 = 291.666…: 291.67 half up to the fen, 291.66 down.
	third, ok := money.MustParse("3500").QuoInt(12)
	require.True(t, ok)
	up, _ := third.Round(standards.RoundingRule{Unit: money.UnitFen, Mode: money.ModeHalfUp})
	down, _ := third.Round(standards.RoundingRule{Unit: money.UnitFen, Mode: money.ModeDown})
	assert.Equal(t, "291.67", up.String())
	assert.Equal(t, "291.66", down.String())
}

// Every failure of a lookup is one of the documented errors.
func TestLookupErrorKinds(t *testing.T) {
	s := loadFixture(t)
	for _, qq := range []standards.Query{
		q("230102", "2021-06-01"), q("230199", "2021-06-01"), {Region: r("230102")}, q("230102", "2023-06-01"),
	} {
		for _, k := range standards.Keys() {
			_, _, err := standards.LookupAny(s, k, qq)
			if err == nil {
				continue
			}
			known := errors.Is(err, standards.ErrNotCovered) || errors.Is(err, standards.ErrUnknownRegion) ||
				errors.Is(err, standards.ErrInvalidDate) || errors.Is(err, standards.ErrAreaRequired)
			assert.True(t, known, "%s %v: %v", k.Name(), qq, err)
		}
	}
}

// A lookup that finds nothing says until when the same query finds nothing.
func TestLookupErrorValidThrough(t *testing.T) {
	s := loadFixture(t)
	for _, tc := range []struct {
		q     standards.Query
		valid string // "" = nothing ever starts later
	}{
		{qa("230102", standards.AreaUrban, "2021-06-01"), "2021-12-31"}, // 835 starts 2022-01-01
		{qa("230102", standards.AreaUrban, "2021-12-31"), "2021-12-31"},
		{qa("230102", standards.AreaRural, "2021-06-01"), ""},
		{qa("230202", standards.AreaUrban, "2021-06-01"), ""},
	} {
		_, err := standards.Lookup(s, standards.ParamDibaoStandard, tc.q)
		var le *standards.LookupError
		require.ErrorAs(t, err, &le)
		assert.Equal(t, tc.valid, le.ValidThrough.String(), "%v", tc.q)
	}
}
