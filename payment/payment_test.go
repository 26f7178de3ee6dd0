package payment_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// 600 × 3 − 1000 = 800.00 exactly; rounding a per-capita 333.33 first would
// give 3 × (600 − 333.33) = 800.01.
func TestGapOrderOfOperations(t *testing.T) {
	set := testSet(t, standards.Change{Param: standards.ParamDibaoStandard, Regions: []standards.Region{r("230102")},
		Area: standards.AreaUrban, Value: dec("600")})
	dcs := decide(t, set, req(family("1000"), "2023-06-01"))
	assert.Equal(t, eligibility.Dibao, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"gap": "800.00"}, lines(dcs))
	assert.Equal(t, "800.00", dcs.Total.StringFixed(2))
	en := dcs.Explain(language.English)
	assert.Contains(t, en, "Gap payment: standard 600 × 3 members = 1800 − countable income 1000 = 800.00 yuan; paid 800.00")
}

func TestGapRoundingAndBoundaries(t *testing.T) {
	// 道里区 urban 2023: 850 × 3 = 2550.
	for _, tc := range []struct {
		name    string
		pension income.Income
		rule    standards.RoundingRule
		gap     string // "" = no 低保
	}{
		{"1 fen below the line", pension("2549.99"), fen(standards.ModeHalfUp), "0.01"},
		{"at the line", pension("2550"), fen(standards.ModeHalfUp), ""},
		// 10000 a year: 2500/3 a month; 2550 − 2500/3 = 5150/3 = 1716.666…
		{"a fraction, fen half-up", income.Income{Kind: standards.IncomePension, Amount: dec("10000"), Period: income.Annual}, fen(standards.ModeHalfUp), "1716.67"},
		{"a fraction, fen down", income.Income{Kind: standards.IncomePension, Amount: dec("10000"), Period: income.Annual}, fen(standards.ModeDown), "1716.66"},
		{"a fraction, yuan up", income.Income{Kind: standards.IncomePension, Amount: dec("10000"), Period: income.Annual},
			standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeUp}, "1717.00"},
		// 2550 − 1049.5 = 1500.5: half-up to the yuan 1501, banker's 1500.
		{"x.5 half-up", pension("1049.5"), standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeHalfUp}, "1501.00"},
		{"x.5 half-even", pension("1049.5"), standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeHalfEven}, "1500.00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := testSet(t, standards.Change{Param: standards.RoundPaymentTotal.Param(), Value: tc.rule})
			h := family("0")
			h.Members[0].Incomes = []income.Income{tc.pension}
			dcs := decide(t, set, req(h, "2023-06-01"))
			if tc.gap == "" {
				assert.NotEqual(t, eligibility.Dibao, dcs.Classification.Status)
				assert.Empty(t, dcs.Lines)
				assert.True(t, dcs.Total.IsZero())
				return
			}
			assert.Equal(t, tc.gap, lines(dcs)["gap"])
		})
	}
}

// Without a payment rounding rule, an amount that is not a whole fen is an
// error, never a silent rounding; a whole-fen amount needs no rule.
func TestRoundingRuleRequired(t *testing.T) {
	base, err := heilongjiang.Set()
	require.NoError(t, err)
	plain, err := base.Apply(standards.Reform{Name: "supplement settings only", From: d("2021-01-01"), Changes: []standards.Change{
		{Param: standards.ParamElderlyAge, Value: 60}, {Param: standards.ParamSupplementStacking, Value: standards.StackingHighest}}})
	require.NoError(t, err)
	h := family("0")
	h.Members[0].Incomes = []income.Income{{Kind: standards.IncomePension, Amount: dec("10000"), Period: income.Annual}}
	_, err = payment.Decide(req(h, "2023-06-01"), plain)
	assert.ErrorIs(t, err, payment.ErrRoundingRequired)
	var fe *income.FieldError
	assert.ErrorAs(t, err, &fe)
	dcs, err := payment.Decide(req(family("1000"), "2023-06-01"), plain)
	require.NoError(t, err)
	assert.Equal(t, "1550.00", lines(dcs)["gap"]) // 2550 − 1000, a whole fen
	assert.Nil(t, dcs.Lines[0].Rounding)
}

// 尤溪县 (Fujian, 2021): standard 640; per-capita ≤ 77 (or severely disabled)
// → 640; ≤ 200 → 507; ≤ 312.5 → 384; ≤ 412 → 272; < 640 → 174. Tested with
// 道里区 rural 2023, whose standard is also 640, and 2 members.
func yuxi() standards.TierTable {
	t := func(from, to string, fromIncl, toIncl bool, amount string) standards.Tier {
		return standards.Tier{From: dec(from), To: dec(to), FromInclusive: fromIncl, ToInclusive: toIncl, Amount: dec(amount)}
	}
	return standards.TierTable{Tiers: []standards.Tier{
		t("0", "77", true, true, "640"), t("77", "200", false, true, "507"), t("200", "312.5", false, true, "384"),
		t("312.5", "412", false, true, "272"), t("412", "640", false, false, "174")},
		Placements: []standards.Placement{{Category: standards.CategorySevereDisability, Tier: 1}}}
}

func TestTieredPayment(t *testing.T) {
	set := testSet(t, standards.Change{Param: standards.ParamTierTable, Value: yuxi()})
	pair := func(countable string) *income.Household {
		return &income.Household{Region: r("230102"), Area: standards.AreaRural, Members: []income.Member{
			person("a", "1970-01-01", income.RelationApplicant, pension(countable)),
			person("b", "1972-01-01", income.RelationSpouse)}}
	}
	for _, tc := range []struct {
		countable string // for 2 members: per-capita is half
		each      string
		total     string
	}{
		{"154", "640.00", "1280.00"},    // per capita 77: tier 1
		{"154.01", "507.00", "1014.00"}, // 77.005: tier 2
		{"400", "507.00", "1014.00"},    // 200: tier 2
		{"400.01", "384.00", "768.00"},  // 200.005: tier 3
		{"625", "384.00", "768.00"},     // 312.5: tier 3
		{"824", "272.00", "544.00"},     // 412: tier 4
		{"824.01", "174.00", "348.00"},  // 412.005: tier 5
		{"1279.99", "174.00", "348.00"}, // 639.995: tier 5
	} {
		r := payment.Request{Request: eligibility.Request{Household: pair(tc.countable), Date: d("2023-06-01")}, Method: payment.Tiered}
		dcs := decide(t, set, r)
		require.Equal(t, eligibility.Dibao, dcs.Classification.Status, tc.countable)
		assert.Equal(t, tc.each, lines(dcs)["tier@a"], tc.countable)
		assert.Equal(t, tc.each, lines(dcs)["tier@b"], tc.countable)
		assert.Equal(t, tc.total, dcs.Total.StringFixed(2), tc.countable)
	}
	// 1280 for 2 is at the standard: not 低保, nothing paid.
	dcs := decide(t, set, payment.Request{Request: eligibility.Request{Household: pair("1280"), Date: d("2023-06-01")}, Method: payment.Tiered})
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	// A severely disabled member is placed in tier 1 whatever the household's tier:
	// per capita 412 → tier 4 (272) for a, 640 for b; plus b's supplement 0.15 × 640 = 96.
	h := pair("824")
	h.Members[1].Disability = income.Disability{Category: income.DisabilityPhysical, Grade: 1}
	dcs = decide(t, set, payment.Request{Request: eligibility.Request{Household: h, Date: d("2023-06-01")}, Method: payment.Tiered})
	assert.Equal(t, map[string]string{"tier@a": "272.00", "tier@b": "640.00", "supplement@b": "96.00"}, lines(dcs))
	assert.Equal(t, "1008.00", dcs.Total.StringFixed(2))
}

// R7: 15 % of 850 = 127.5 for each qualifying member of a 低保 household.
func TestSupplements(t *testing.T) {
	h := family("1000")
	h.Members[0].BirthDate = d("1960-01-01") // 63: elderly
	h.Members[0].Disability = income.Disability{Category: income.DisabilityPhysical, Grade: 2}
	h.Members[1].MartyrFamily = true
	h.Members[2].BirthDate = d("2010-01-01") // 13: minor
	for _, tc := range []struct {
		stacking standards.Stacking
		a        string
	}{
		{standards.StackingHighest, "127.50"}, // elderly and severely disabled: once
		{standards.StackingSum, "255.00"},     // twice: 2 × 127.5
	} {
		set := testSet(t, standards.Change{Param: standards.ParamSupplementStacking, Value: tc.stacking})
		dcs := decide(t, set, req(h, "2023-06-01"))
		got := lines(dcs)
		assert.Equal(t, tc.a, got["supplement@a"], tc.stacking.String())
		assert.Equal(t, "127.50", got["supplement@b"])
		assert.Equal(t, "127.50", got["supplement@c"])
		assert.Equal(t, "1550.00", got["gap"]) // 2550 − 1000
	}
	// A 3-level disabled serviceman counts as severely disabled (1–4级伤残军人).
	h2 := family("1000")
	h2.Members[1].ServiceDisabilityGrade = 4
	dcs := decide(t, testSet(t), req(h2, "2023-06-01"))
	assert.Equal(t, "127.50", lines(dcs)["supplement@b"])
	h2.Members[1].ServiceDisabilityGrade = 5
	dcs = decide(t, testSet(t), req(h2, "2023-06-01"))
	assert.NotContains(t, lines(dcs), "supplement@b")
	// Age at the Set's boundary: 60 on the day.
	h3 := family("1000")
	h3.Members[1].BirthDate = d("1963-06-01")
	dcs = decide(t, testSet(t), req(h3, "2023-06-01"))
	assert.Equal(t, "127.50", lines(dcs)["supplement@b"])
	dcs = decide(t, testSet(t), req(h3, "2023-05-31"))
	assert.NotContains(t, lines(dcs), "supplement@b")
}

// A supplement that is not a whole fen needs the Set's supplement rule:
// 0.155 × 689 (县(市) urban) = 106.795 → half-up 106.80, down 106.79.
func TestSupplementRounding(t *testing.T) {
	h := family("1000")
	h.Region = r("230123")
	h.Members[1].SeriousIllness = true
	rate := standards.Change{Param: standards.ParamSupplementRate, Value: dec("0.155")}
	_, err := payment.Decide(req(h, "2023-06-01"), testSet(t, rate))
	assert.ErrorIs(t, err, payment.ErrRoundingRequired)
	for mode, want := range map[standards.RoundingMode]string{standards.ModeHalfUp: "106.80", standards.ModeDown: "106.79", standards.ModeHalfEven: "106.80"} {
		set := testSet(t, rate, standards.Change{Param: standards.RoundSupplement.Param(), Value: fen(mode)})
		dcs := decide(t, set, req(h, "2023-06-01"))
		assert.Equal(t, want, lines(dcs)["supplement@b"], mode.String())
	}
}

// R3: an edge household (3000 for 3) with a seriously ill member whose own
// income is 100: 850 − 100 = 750, plus the supplement 127.5.
func TestSinglePersonPayment(t *testing.T) {
	h := family("2900")
	h.Members[2].SeriousIllness = true
	h.Members[2].Incomes = []income.Income{pension("100")}
	dcs := decide(t, testSet(t), req(h, "2023-06-01"))
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"single_person@c": "750.00", "supplement@c": "127.50"}, lines(dcs))
	assert.Equal(t, "877.50", dcs.Total.StringFixed(2))
}

func TestGradualExitPayment(t *testing.T) {
	current := eligibility.Current{Status: eligibility.GradualExit, GradualExitEnd: d("2024-06-30"), MonthlyAmount: dec("1234.5")}
	r := req(family("3000"), "2024-06-30")
	r.Current = current
	dcs := decide(t, testSet(t), r)
	assert.Equal(t, map[string]string{"gradual_exit": "1234.50"}, lines(dcs))
	r.Date = d("2024-07-01")
	dcs = decide(t, testSet(t), r)
	assert.Empty(t, dcs.Lines, "nothing after the end")
	r.Date = d("2024-06-30")
	r.Current.MonthlyAmount = dec("0")
	_, err := payment.Decide(r, testSet(t))
	assert.ErrorIs(t, err, payment.ErrInvalidRequest)
}

// R5: standard × the triggering rise, to the yuan half-up, per covered person.
func TestPriceSubsidy(t *testing.T) {
	set := testSet(t)
	for _, tc := range []struct {
		name, date, cpi, food string
		per                   string // "" = none
	}{
		{"CPI 3.6 %", "2023-06-01", "0.036", "0.01", "31"},                // 850 × 0.036 = 30.6 → 31
		{"CPI at 3.5 %", "2023-06-01", "0.035", "0", "30"},                // 29.75 → 30
		{"CPI 3.49 %", "2023-06-01", "0.0349", "0.0599", ""},              // below both triggers
		{"both trigger: the higher", "2023-06-01", "0.04", "0.061", "52"}, // food: 850 × 0.061 = 51.85 → 52
		{"x.5: half-up, not banker's", "2023-06-01", "0.05", "0", "43"},   // 42.5 → 43
		{"temporary 3.0 % trigger", "2022-10-01", "0.03", "0", "25"},      // 2022: 835 × 0.03 = 25.05 → 25
		{"3.0 % after the temporary period", "2023-04-01", "0.03", "0", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := req(family("1000"), tc.date)
			r.Prices = &payment.Prices{Month: d(tc.date), CPI: dec(tc.cpi), FoodCPI: dec(tc.food)}
			dcs := decide(t, set, r)
			got, ok := lines(dcs)["price_subsidy"]
			if tc.per == "" {
				assert.False(t, ok)
				return
			}
			per := dec(tc.per)
			assert.Equal(t, per.Mul(dec("3")).StringFixed(2), got) // 3 covered persons
		})
	}
	// An edge household is not covered by default.
	r := req(family("3000"), "2023-06-01")
	r.Prices = &payment.Prices{CPI: dec("0.04"), FoodCPI: dec("0")}
	assert.NotContains(t, lines(decide(t, set, r)), "price_subsidy")
}

// 特困, Harbin 2023: 县(市) rural basic 628 + 半护理 440 = 1068; in an
// equalised institution the urban 957 + 779 = 1736 (R15). The formula
// figure 483 × 1.3 = 627.9 → 628 (up) is shown beside the published amount.
func TestTekunSupport(t *testing.T) {
	elder := person("e", "1950-01-01", income.RelationApplicant, pension("300"))
	elder.Labour = income.LabourNone
	elder.Dependency = income.DependencySemi
	h := &income.Household{Region: r("230123"), Area: standards.AreaRural, Supporter: income.SupporterNone, Members: []income.Member{elder}}
	set := testSet(t, standards.Change{Param: standards.RoundTekunBasic.Param(), Value: standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeUp}})
	dcs := decide(t, set, req(h, "2023-06-01"))
	assert.Equal(t, eligibility.Tekun, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"tekun_basic@e": "628.00", "tekun_care@e": "440.00"}, lines(dcs))
	assert.Equal(t, "1068.00", dcs.Total.StringFixed(2))
	assert.Equal(t, "628", dcs.Lines[0].Figures[3].Value)
	assert.Contains(t, dcs.Explain(language.English), "tekun basic living standard 628 yuan (rural; equalised institution: no;")
	assert.Contains(t, dcs.Explain(language.SimplifiedChinese), "特困基本生活标准 628 元（农村，均等化机构供养：否；")
	r := req(h, "2023-06-01")
	r.Equalised = []string{"e"}
	dcs = decide(t, set, r)
	assert.Equal(t, map[string]string{"tekun_basic@e": "957.00", "tekun_care@e": "779.00"}, lines(dcs))
}

// R10: caps as multiples of the monthly standard of the place of the emergency.
func TestTemporaryAssistance(t *testing.T) {
	set := testSet(t, standards.Change{Param: standards.ParamTemporaryAssistanceCaps, Value: []standards.AssistanceCap{
		{Hardship: "illness", Multiple: dec("10")}, {Hardship: "disaster", Multiple: dec("3"), PerMember: true}}})
	// A 县(市) household (依兰县, 689) whose emergency happened in 道里区 (850): the cap is 10 × 850 = 8500.
	h := family("3000")
	h.Region = r("230123")
	r := req(h, "2023-06-01")
	r.Temporary = &payment.Temporary{Hardship: "illness", Place: standardsRegion("230102"), Requested: dec("9000"), HasRequested: true, Instalments: 3, PaidFirst: true}
	dcs := decide(t, set, r)
	s := dcs.Temporary
	require.NotNil(t, s)
	assert.Equal(t, "8500", s.Cap.String())
	assert.Equal(t, "8500.00", s.Approved.StringFixed(2))
	// 8500 ÷ 3 = 2833.333…: 2833.33, 2833.33 and the remainder 2833.34.
	require.Len(t, s.Instalments, 3)
	assert.Equal(t, []string{"2833.33", "2833.33", "2833.34"}, []string{s.Instalments[0].Amount.StringFixed(2), s.Instalments[1].Amount.StringFixed(2), s.Instalments[2].Amount.StringFixed(2)})
	assert.True(t, s.PaidFirst)
	assert.Contains(t, dcs.Explain(language.English), "paid first, verified after")

	// Per member: 3 × 850 × 3 members = 7650; a smaller request is approved as asked.
	r.Temporary = &payment.Temporary{Hardship: "disaster", Place: standardsRegion("230102"), Requested: dec("5000"), HasRequested: true, Instalments: 1}
	dcs = decide(t, set, r)
	assert.Equal(t, "7650", dcs.Temporary.Cap.String())
	assert.Equal(t, "5000.00", dcs.Temporary.Approved.StringFixed(2))
	// At most 6 instalments (民发〔2018〕23号).
	r.Temporary.Instalments = 7
	_, err := payment.Decide(r, set)
	assert.ErrorIs(t, err, payment.ErrInvalidRequest)
	r.Temporary = &payment.Temporary{Hardship: "flood", Place: standardsRegion("230102"), Instalments: 1}
	_, err = payment.Decide(r, set)
	assert.ErrorIs(t, err, payment.ErrInvalidRequest)
}

func standardsRegion(s string) standards.Region { return standards.MustRegion(s) }

func TestDecisionJSON(t *testing.T) {
	dcs := decide(t, testSet(t), req(family("1000"), "2023-06-01"))
	b, err := json.Marshal(dcs)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "1550.00", m["total"])
	assert.Equal(t, "gap", m["method"])
	l := m["lines"].([]any)[0].(map[string]any)
	assert.Equal(t, "gap", l["code"])
	assert.Equal(t, "1550", l["exact"])
	assert.Equal(t, "1550.00", l["amount"])
	assert.Equal(t, "社会救助暂行办法 第十二条", l["cite"])
	assert.Equal(t, "Interim Measures on Social Assistance Art. 12", l["cite_en"])
	assert.Equal(t, "fen", l["rounding"].(map[string]any)["unit"])
	assert.Equal(t, "dibao", m["classification"].(map[string]any)["status"])
}

// A locality's floor: at least 40 a person, when the subsidy would be 31.
func TestPriceSubsidyFloor(t *testing.T) {
	set := testSet(t, standards.Change{Param: standards.ParamPriceLinkage, Value: standards.PriceLinkage{
		CPITrigger: dec("0.035"), FoodCPITrigger: dec("0.06"), Covered: []standards.Group{standards.GroupDibao},
		Floor: dec("40"), HasFloor: true}})
	r := req(family("2000"), "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: dec("0.036"), FoodCPI: dec("0")}
	dcs := decide(t, set, r)
	// 850 × 0.036 = 30.6 → 31 < 40: 40 × 3 = 120.
	assert.Equal(t, "120.00", lines(dcs)["price_subsidy"])
	r.Prices.CPI = dec("0.06") // 51 ≥ 40: 51 × 3 = 153
	dcs = decide(t, set, r)
	assert.Equal(t, "153.00", lines(dcs)["price_subsidy"])
}

// A person's supplements are summed exactly and rounded once: with a
// standard of 630, 2 × 0.15 × 630 = 189 exactly — not 2 × round(94.5) = 190.
func TestSupplementRoundedOncePerPerson(t *testing.T) {
	set := testSet(t,
		standards.Change{Param: standards.ParamDibaoStandard, Regions: []standards.Region{r("230102")}, Area: standards.AreaUrban, Value: dec("630")},
		standards.Change{Param: standards.ParamSupplementStacking, Value: standards.StackingSum},
		standards.Change{Param: standards.RoundSupplement.Param(), Value: standards.RoundingRule{Unit: standards.UnitYuan, Mode: standards.ModeHalfUp}})
	h := family("1000")
	h.Members[1].BirthDate = d("1950-01-01") // elderly
	h.Members[1].MartyrFamily = true
	h.Members[2].SeriousIllness = true // one category: 94.5 → 95
	dcs := decide(t, set, req(h, "2023-06-01"))
	assert.Equal(t, "189.00", lines(dcs)["supplement@b"])
	assert.Equal(t, "95.00", lines(dcs)["supplement@c"])
}

// One Set serves many goroutines: decisions are independent and equal.
func TestConcurrentDecisions(t *testing.T) {
	set := testSet(t)
	want := decide(t, set, req(family("1000"), "2023-06-01")).Total.String()
	done := make(chan string, 16)
	for i := 0; i < 16; i++ {
		go func() {
			r := req(family("1000"), "2023-06-01")
			r.Options.Explain = true
			d, err := payment.Decide(r, set)
			if err != nil {
				done <- err.Error()
				return
			}
			_ = d.Explain(language.English)
			done <- d.Total.String()
		}()
	}
	for i := 0; i < 16; i++ {
		assert.Equal(t, want, <-done)
	}
}

// The subsidy uses the standard of its month: assessed on 2023-06-01 (850),
// a December 2022 subsidy uses 2022's 835: 835 × 0.036 = 30.06 → 30 a person.
func TestPriceSubsidyMonthStandard(t *testing.T) {
	r := req(family("2000"), "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2022-12-01"), CPI: dec("0.036"), FoodCPI: dec("0")}
	dcs := decide(t, testSet(t), r)
	assert.Equal(t, "90.00", lines(dcs)["price_subsidy"])
}
