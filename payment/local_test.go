package payment_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
)

// A locality's least gap (minimum_gap_share 0.2): one member in 道里区
// (standard 850, June 2023), a line of 850, a least gap of 0.2 × 850 = 170.
// A gap below it is paid as 170; one at it is the ordinary gap.
func TestMinimumGap(t *testing.T) {
	set := testSet(t, standards.ChangeTo(standards.ParamMinimumGapShare, rate("0.2")))
	for _, tc := range []struct {
		pension, paid string
		minimum       bool
	}{
		{"800", "170.00", true},    // gap 50 < 170
		{"849.99", "170.00", true}, // gap 0.01
		{"680.01", "170.00", true}, // gap 169.99: 1 fen below the least
		{"680", "170.00", false},   // gap 170: at the least, paid as it is
		{"679.99", "170.01", false},
		{"0", "850.00", false},
	} {
		h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{
			person("a", "1970-01-01", income.RelationApplicant, pension(tc.pension))}}
		dcs := decide(t, set, req(h, "2023-06-01"))
		l := line(t, dcs, explain.LineGap, "")
		assert.Equal(t, tc.paid, l.Amount.Display(), tc.pension)
		assert.Equal(t, tc.minimum, l.Step == explain.LineGapMinimum, tc.pension)
		if tc.minimum {
			s := step(t, dcs.Steps, explain.LineGapMinimum, "")
			assert.Equal(t, "0.2", arg(t, s, "share"))
		}
	}
	// Without the parameter, the gap is paid as it is.
	dcs := decide(t, testSet(t), req(&income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{
		person("a", "1970-01-01", income.RelationApplicant, pension("800"))}}, "2023-06-01"))
	assert.Equal(t, "50.00", line(t, dcs, explain.LineGap, "").Amount.Display())
}

// supplementFamily: 道里区, June 2023 (standard 850), family("1000") with b
// born on bBirth (elderly from 60) and c severely disabled, born 2010 (a
// minor too).
func supplementFamily(bBirth string) *income.Household {
	h := family("1000")
	h.Members[1].BirthDate = d(bBirth)
	h.Members[1].Labour = income.LabourNone
	h.Members[2].BirthDate = d("2010-01-01")
	h.Members[2].Relation = income.RelationChild
	h.Members[2].Labour = income.LabourNone
	h.Members[2].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 1}
	return h
}

func supplements(t *testing.T, set *standards.Set, h *income.Household) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, l := range decide(t, set, req(h, "2023-06-01")).Lines {
		if l.Code == explain.LineSupplement {
			out[l.Member] = l.Amount.Display()
		}
	}
	return out
}

// Supplement rates of a locality's own and age groups of its own, under
// either stacking rule. Standard 850: 0.15 → 127.50, 0.2 → 170, 0.35 →
// 297.50, 0.45 → 382.50.
func TestSupplementRatesAndAgeGroups(t *testing.T) {
	rates := standards.ChangeTo(standards.ParamSupplementRates, []standards.CategoryRate{{Category: standards.CategorySevereDisability, Rate: rate("0.2")}})
	over80 := standards.AgeGroup{Name: "80 岁以上", NameEN: "aged 80 and over", MinAge: 80, Rate: rate("0.05")}
	disabledChild := standards.AgeGroup{Name: "残疾儿童", MaxAge: 17, Of: []standards.Category{standards.CategorySevereDisability}, Rate: rate("0.1")}
	groups := standards.ChangeTo(standards.ParamSupplementAgeGroups, []standards.AgeGroup{over80, disabledChild})
	sum := standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingSum)
	for _, tc := range []struct {
		name   string
		set    *standards.Set
		bBirth string
		want   map[string]string
	}{
		// R7 as written: 0.15 each.
		{"one rate", testSet(t), "1940-06-01", map[string]string{"b": "127.50", "c": "127.50"}},
		// c: severe 0.2 beside minor 0.15, the highest.
		{"rates, highest", testSet(t, rates), "1940-06-01", map[string]string{"b": "127.50", "c": "170.00"}},
		// c: 0.2 + 0.15 = 0.35.
		{"rates, sum", testSet(t, rates, sum), "1940-06-01", map[string]string{"b": "127.50", "c": "297.50"}},
		// b (83): elderly 0.15 beside 80+ 0.05, the highest; c: the disabled-child group 0.1 below 0.15.
		{"age groups, highest", testSet(t, groups), "1940-06-01", map[string]string{"b": "127.50", "c": "127.50"}},
		// b: 0.15 + 0.05 = 0.2; c: 0.2 + 0.15 + 0.1 = 0.45.
		{"all, sum", testSet(t, rates, groups, sum), "1940-06-01", map[string]string{"b": "170.00", "c": "382.50"}},
		// b is 80 on the day: in the group.
		{"80 on the day", testSet(t, rates, groups, sum), "1943-06-01", map[string]string{"b": "170.00", "c": "382.50"}},
		// b is 79 until tomorrow: elderly only.
		{"80 tomorrow", testSet(t, rates, groups, sum), "1943-06-02", map[string]string{"b": "127.50", "c": "382.50"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, supplements(t, tc.set, supplementFamily(tc.bBirth)))
		})
	}
	// The explanation names the age group and the rate applied.
	dcs := decide(t, testSet(t, rates, groups, sum), req(supplementFamily("1940-06-01"), "2023-06-01"))
	s := step(t, dcs.Steps, explain.LineSupplementRates, "b")
	assert.Equal(t, "80 岁以上", arg(t, s, "groups"))
	assert.Equal(t, "0.2", arg(t, s, "rate"))
	// In English, the group's English name; the disabled-child group has
	// none, so its name stays as the Set gives it.
	assert.Contains(t, dcs.Explain(en), "local age groups aged 80 and over")
	assert.NotContains(t, dcs.Explain(en), "80 岁以上")
	assert.Contains(t, dcs.Explain(en), "local age groups 残疾儿童")
	assert.Equal(t, "残疾儿童", arg(t, step(t, dcs.Steps, explain.LineSupplementRates, "c"), "groups"))
}

// A member in two age groups: the step names both, joined with 、 in
// Chinese and ", " in English; a group without an English name keeps its
// own. Without any English name the argument has no English form, so the
// record carries none. b is 83 on 2023-06-01, in both groups; c (13) in
// neither: "—".
func TestAgeGroupNames(t *testing.T) {
	over80 := standards.AgeGroup{Name: "80 岁以上", NameEN: "aged 80 and over", MinAge: 80, Rate: rate("0.05")}
	over75 := standards.AgeGroup{Name: "高龄", MinAge: 75, Rate: rate("0.05")}
	sum := standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingSum)

	dcs := decide(t, testSet(t, sum, standards.ChangeTo(standards.ParamSupplementAgeGroups, []standards.AgeGroup{over80, over75})),
		req(supplementFamily("1940-06-01"), "2023-06-01"))
	b := step(t, dcs.Steps, explain.LineSupplementRates, "b")
	assert.Equal(t, "80 岁以上、高龄", arg(t, b, "groups"))
	assert.Contains(t, dcs.Explain(zh), "80 岁以上、高龄")
	assert.Contains(t, dcs.Explain(en), "aged 80 and over, 高龄")

	dcs = decide(t, testSet(t, sum, standards.ChangeTo(standards.ParamSupplementAgeGroups, []standards.AgeGroup{over75})),
		req(supplementFamily("1940-06-01"), "2023-06-01"))
	for _, m := range []string{"b", "c"} {
		s := step(t, dcs.Steps, explain.LineSupplementRates, m)
		for _, a := range s.Args {
			if a.Name == "groups" {
				assert.Empty(t, a.EN, "member %s: no English name, no English form", m)
			}
		}
	}
	assert.Equal(t, "—", arg(t, step(t, dcs.Steps, explain.LineSupplementRates, "c"), "groups"))
	j, err := json.Marshal(dcs)
	require.NoError(t, err)
	assert.NotContains(t, string(j), "value_en")
}

// A price subsidy by a locality's own formula. family("2000"), June 2023:
// three members of a 低保 household, standard 850; the subsidy rounds to
// the yuan, half up.
func TestPriceFormulas(t *testing.T) {
	base, err := standards.Lookup(testSet(t), standards.ParamPriceLinkage, standards.Query{Region: region("230102"), Area: standards.AreaUrban, Date: d("2023-06-01")})
	require.NoError(t, err)
	with := func(f func(p *standards.PriceLinkage)) *standards.Set {
		p := base.V
		p.Covered = append([]standards.Group(nil), p.Covered...)
		f(&p)
		return testSet(t, standards.ChangeTo(standards.ParamPriceLinkage, p))
	}
	fixed := with(func(p *standards.PriceLinkage) { p.Formula, p.Amount = standards.PriceFixed, amt("50") })
	banded := with(func(p *standards.PriceLinkage) {
		p.Formula = standards.PriceBanded
		p.Bands = []standards.PriceBand{{From: rate("0.035"), Share: rate("0.03")}, {From: rate("0.05"), Share: rate("0.05")}}
	})
	late := with(func(p *standards.PriceLinkage) {
		p.Formula, p.Bands = standards.PriceBanded, []standards.PriceBand{{From: rate("0.04"), Share: rate("0.03")}}
	})
	doubled := with(func(p *standards.PriceLinkage) { p.Multiplier, p.HasMultiplier = rate("2"), true })
	for _, tc := range []struct {
		name string
		set  *standards.Set
		cpi  string
		want string // three people; "" for none
		step explain.Code
	}{
		{"fixed", fixed, "0.036", "150.00", explain.LinePriceSubsidyFixed},               // 50 × 3
		{"fixed, not triggered", fixed, "0.0349", "", ""},                                // below the trigger
		{"banded, first band", banded, "0.036", "78.00", explain.LinePriceSubsidyBanded}, // 850 × 0.03 = 25.5 → 26; × 3
		{"banded, at the trigger", banded, "0.035", "78.00", explain.LinePriceSubsidyBanded},
		{"banded, below the second", banded, "0.0499", "78.00", explain.LinePriceSubsidyBanded},
		{"banded, at the second", banded, "0.05", "129.00", explain.LinePriceSubsidyBanded}, // 850 × 0.05 = 42.5 → 43; × 3
		{"triggered, below the first band", late, "0.036", "", ""},
		{"doubled", doubled, "0.036", "186.00", explain.LinePriceSubsidyMultiplied}, // 850 × 0.036 = 30.6 → 31; × 2 = 62; × 3
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := req(family("2000"), "2023-06-01")
			r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate(tc.cpi), HasCPI: true}
			dcs := decide(t, tc.set, r)
			got, _ := priceSubsidy(dcs)
			assert.Equal(t, tc.want, got)
			if tc.step != "" {
				assert.Equal(t, tc.step, line(t, dcs, explain.LinePriceSubsidy, "a").Step)
				assert.NotContains(t, dcs.Explain(en), "{", "every argument of the sentence is given")
				assert.NotContains(t, dcs.Explain(zh), "{")
			}
		})
	}
}

// Band thresholds rounded as a locality publishes them: 1.23 × 850 =
// 1045.50 a person, published as 1046 (yuan, up). One member: a countable
// income of 1045.60 is below the published threshold, not below the exact
// one; 1045.99 is 1 fen below 1046, 1046 is at it.
func TestBandThresholdRounding(t *testing.T) {
	bands := standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{
		{Code: "edge", Multiple: rate("1.5"), Name: "城乡低保边缘家庭"},
		{Code: "hardship", Multiple: rate("1.23"), Name: "困难家庭"}}).Under() // over the cities' own bands too
	rule := standards.ChangeTo(standards.RoundBandThreshold, money.Rule{Unit: money.UnitYuan, Mode: money.ModeUp})
	for _, tc := range []struct {
		name, income string
		set          *standards.Set
		threshold    string
		below        bool
	}{
		{"exact threshold", "1045.6", testSet(t, bands), "1045.5", false},
		{"published threshold", "1045.6", testSet(t, bands, rule), "1046", true},
		{"1 fen below", "1045.99", testSet(t, bands, rule), "1046", true},
		{"at it", "1046", testSet(t, bands, rule), "1046", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{
				person("a", "1970-01-01", income.RelationApplicant, pension(tc.income))}}
			res, err := eligibility.Classify(eligibility.Request{Household: h, Date: d("2023-06-01")}, tc.set)
			require.NoError(t, err)
			var bt *eligibility.BandTest
			for i := range res.Bands {
				if res.Bands[i].Code == "hardship" {
					bt = &res.Bands[i]
				}
			}
			require.NotNil(t, bt)
			assert.Equal(t, tc.threshold, bt.Threshold.String())
			assert.Equal(t, tc.below, bt.Below)
		})
	}
}
