package eligibility_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// 道里区 urban 2023: standard 850; 3 members: line 850 × 3 = 2550;
// Harbin's bands: 1.2 × 2550 = 3060 (urban only) and 1.5 × 2550 = 3825.
func TestDibaoAndEdgeBoundaries(t *testing.T) {
	set := baseSet(t)
	for _, tc := range []struct {
		income string
		status eligibility.Status
		band   string
		reason explain.Code
	}{
		{"0", eligibility.Dibao, "", explain.ReasonBelowLine},                            // nothing at all
		{"2549.99", eligibility.Dibao, "", explain.ReasonBelowLine},                      // 1 fen below the line
		{"2550", eligibility.Edge, "urban_edge_hardship", explain.ReasonNotBelowLine},    // at the line is not below it
		{"2550.01", eligibility.Edge, "urban_edge_hardship", explain.ReasonNotBelowLine}, // 1 fen above
		{"3059.99", eligibility.Edge, "urban_edge_hardship", explain.ReasonNotBelowLine}, // 1 fen below 1.2 × 2550 = 3060
		{"3060", eligibility.Edge, "edge", explain.ReasonNotBelowLine},                   // at 1.2 ×: only the 1.5× band
		{"3824.99", eligibility.Edge, "edge", explain.ReasonNotBelowLine},                // 1 fen below 1.5 × 2550 = 3825
		{"3825", eligibility.NotEligible, "", explain.ReasonNotBelowLine},                // at 1.5 × the line
		{"3825.01", eligibility.NotEligible, "", explain.ReasonNotBelowLine},             // 1 fen above
	} {
		t.Run(tc.income, func(t *testing.T) {
			r := classify(t, set, eligibility.Request{Household: family(tc.income), Date: d("2023-06-01")})
			assert.Equal(t, tc.status, r.Status)
			assert.Equal(t, tc.band, r.EdgeBand)
			assert.Equal(t, "2550", r.Line.String())
			assert.Equal(t, "850", r.Standard.V.String())
			assert.Equal(t, 3, r.Size)
			assert.Equal(t, tc.income, r.Countable.String())
			assert.Equal(t, eligibility.AllItems, r.Basis)
			// The 低保 test's figures, as the reason carries them.
			s := step(t, r.Reasons, tc.reason, "")
			assert.Equal(t, tc.income, arg(t, s, "countable"))
			assert.Equal(t, "850", arg(t, s, "standard"))
			assert.Equal(t, "3", arg(t, s, "members"))
			assert.Equal(t, "2550", arg(t, s, "line"))
			// Both bands are tested: 3060 (1.2×, urban) and 3825 (1.5×).
			require.Len(t, r.Bands, 2)
			thresholds := map[string]string{}
			for _, b := range r.Bands {
				thresholds[b.Code] = b.Threshold.String()
			}
			assert.Equal(t, map[string]string{"urban_edge_hardship": "3060", "edge": "3825"}, thresholds)
		})
	}
}

// The narrowest band the household is below is named, whatever the order
// the Set lists the bands in: here the 1.5× band comes first.
func TestNarrowestBandWhateverTheOrder(t *testing.T) {
	set := reformed(t, standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{
		{Code: "edge", Multiple: rate("1.5"), Name: "城乡低保边缘家庭"},
		{Code: "urban_edge_hardship", Multiple: rate("1.2"), Area: standards.AreaUrban, Name: "城市低保边缘困难家庭"},
	}).In(region("230100")))
	// 3000: below 3060 and below 3825; the narrowest is 1.2×.
	r := classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Edge, r.Status)
	assert.Equal(t, "urban_edge_hardship", r.EdgeBand)
	// 3500: below 3825 only.
	r = classify(t, set, eligibility.Request{Household: family("3500"), Date: d("2023-06-01")})
	assert.Equal(t, "edge", r.EdgeBand)
}

// Rural 道里区 2023: standard 640, line 640 × 3 = 1920; the 1.2× band is
// urban only: 1.5 × 1920 = 2880.
func TestRuralBands(t *testing.T) {
	for _, tc := range []struct {
		income string
		status eligibility.Status
		band   string
	}{
		{"1919.99", eligibility.Dibao, ""},
		{"2000", eligibility.Edge, "edge"}, // below 1.2 × 1920 = 2304 too, but that band is urban only
		{"2879.99", eligibility.Edge, "edge"},
		{"2880", eligibility.NotEligible, ""},
	} {
		h := family(tc.income)
		h.Area = standards.AreaRural
		r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
		assert.Equal(t, tc.status, r.Status, tc.income)
		assert.Equal(t, tc.band, r.EdgeBand, tc.income)
		assert.Equal(t, "1920", r.Line.String())
		require.Len(t, r.Bands, 1, tc.income)
		assert.Equal(t, "2880", r.Bands[0].Threshold.String())
	}
}

// The standard of the date: 依兰县 (230123) urban was 669 in 2022 and 689
// from 2023-01-01. One member with 688.99: on 2022-12-31 not below 669 but
// below 1.2 × 669 = 802.8 (edge); on 2023-01-01 below 689 (低保).
func TestStandardOfTheDate(t *testing.T) {
	h := &income.Household{Region: region("230123"), Area: standards.AreaUrban, Members: []income.Member{
		person("a", "1970-01-01", income.RelationApplicant, pension("688.99"))}}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2022-12-31")})
	assert.Equal(t, "669", r.Standard.V.String())
	assert.Equal(t, eligibility.Edge, r.Status) // 688.99 ≥ 669
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-01-01")})
	assert.Equal(t, "689", r.Standard.V.String())
	assert.Equal(t, eligibility.Dibao, r.Status) // 688.99 < 689
}

// R3: in an edge household (3000 + the member's 100 of business income =
// 3100: between 2550 and 3825), a member of each category with own income
// 100 < 850 is brought into 低保 as a single-person household.
func TestSinglePersonCategories(t *testing.T) {
	set := reformed(t, standards.ChangeTo(standards.ParamSevereGrade3Categories,
		[]standards.DisabilityCategory{standards.DisabilityIntellectual, standards.DisabilityPsychiatric}))
	disability := func(c standards.DisabilityCategory, g int) func(m *income.Member) {
		return func(m *income.Member) { m.Disability = income.Disability{Category: c, Grade: g} }
	}
	for _, tc := range []struct {
		name     string
		modify   func(m *income.Member)
		category explain.Code // "" = not brought in
	}{
		{"seriously ill", func(m *income.Member) { m.SeriousIllness = true }, "category.serious_illness"},
		{"physical grade 1", disability(standards.DisabilityPhysical, 1), "category.severe_disability"},
		{"visual grade 2", disability(standards.DisabilityVisual, 2), "category.severe_disability"},
		{"intellectual grade 3 (the Set adds it)", disability(standards.DisabilityIntellectual, 3), "category.severe_disability"},
		{"psychiatric grade 3 (the Set adds it)", disability(standards.DisabilityPsychiatric, 3), "category.severe_disability"},
		{"intellectual grade 4", disability(standards.DisabilityIntellectual, 4), ""},
		{"physical grade 3 (not severe)", disability(standards.DisabilityPhysical, 3), ""},
		{"disabled serviceman grade 1", func(m *income.Member) { m.ServiceDisabilityGrade = 1 }, "category.disabled_serviceman_1_6"},
		{"disabled serviceman grade 6", func(m *income.Member) { m.ServiceDisabilityGrade = 6 }, "category.disabled_serviceman_1_6"},
		{"disabled serviceman grade 7", func(m *income.Member) { m.ServiceDisabilityGrade = 7 }, ""},
		{"special-care recipient", func(m *income.Member) { m.SpecialCare = true }, "category.special_care"},
		{"martyr's family (a supplement category, not an R3 one)", func(m *income.Member) { m.MartyrFamily = true }, ""},
		{"none of these", func(m *income.Member) {}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := family("3000")
			tc.modify(&h.Members[2])
			// Earnings of their own, so that the 黑民规〔2023〕1号 rule (unemployed) does not apply.
			h.Members[2].Incomes = []income.Income{{Kind: standards.IncomeBusinessNet, Amount: amt("100"), Period: income.Monthly}}
			r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
			assert.Equal(t, eligibility.Edge, r.Status)
			assert.Equal(t, "3100", r.Countable.String())
			assert.Equal(t, "100", r.Members[2].Countable.String())
			if tc.category == "" {
				assert.Equal(t, eligibility.MemberNone, r.Members[2].Status)
				assert.NotContains(t, codes(r), "single_person.r3@c")
				return
			}
			assert.Equal(t, eligibility.MemberSinglePerson, r.Members[2].Status)
			s := step(t, r.Reasons, explain.ReasonSingleR3, "c")
			assert.Equal(t, string(tc.category), arg(t, s, "category"))
			assert.Equal(t, "100", arg(t, s, "countable"))
			assert.Equal(t, "850", arg(t, s, "standard"))
			assert.Equal(t, eligibility.MemberNone, r.Members[1].Status, "a member without a category in the same household")
			step(t, r.Steps, explain.DecisionSinglePerson, "c")
		})
	}
}

// R3 applies to edge households only: the same seriously ill member in a
// household above every band (5000 ≥ 3825), with earnings, is not brought in.
func TestSinglePersonOnlyInEdgeHouseholds(t *testing.T) {
	h := family("5000")
	h.Members[2].SeriousIllness = true
	h.Members[2].Incomes = []income.Income{{Kind: standards.IncomeBusinessNet, Amount: amt("100"), Period: income.Monthly}}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	assert.Equal(t, eligibility.MemberNone, r.Members[2].Status)
	// And in a 低保 household the member is covered by the household's own 低保.
	h = family("1000")
	h.Members[2].SeriousIllness = true
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.Equal(t, eligibility.MemberNone, r.Members[2].Status)
}

// The member's own income against the standard: 849.99 → in; 850 → not
// (not below); 850.01 → not. Household 2200 + own ≤ 3050.01 < 3060: edge.
func TestSinglePersonOwnIncome(t *testing.T) {
	for _, tc := range []struct {
		own    string
		single bool
	}{{"849.99", true}, {"850", false}, {"850.01", false}} {
		t.Run(tc.own, func(t *testing.T) {
			h := family("2200")
			h.Members[1].SeriousIllness = true
			h.Members[1].Incomes = []income.Income{pension(tc.own)}
			r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
			require.Equal(t, eligibility.Edge, r.Status)
			assert.Equal(t, tc.single, r.Members[1].Status == eligibility.MemberSinglePerson)
			if !tc.single {
				s := step(t, r.Reasons, explain.ReasonSingleIncome, "b")
				assert.Equal(t, tc.own, arg(t, s, "countable"))
				assert.Equal(t, "category.serious_illness", arg(t, s, "category"))
			}
		})
	}
}

// 黑民规〔2023〕1号: an adult, unemployed, severely disabled member is
// assessed alone even when the household is above every band (5000 ≥ 3825):
// only their own income (0 < 850) counts.
func TestDisabledAdultAssessedAlone(t *testing.T) {
	for _, tc := range []struct {
		name   string
		birth  string
		own    []income.Income
		single bool
	}{
		{"adult, no income", "1990-01-01", nil, true},
		{"a pension is not earnings", "1990-01-01", []income.Income{pension("849.99")}, true},
		{"own income at the standard", "1990-01-01", []income.Income{pension("850")}, false},
		{"with earnings: not unemployed", "1990-01-01",
			[]income.Income{{Kind: standards.IncomeBusinessNet, Amount: amt("1"), Period: income.Monthly}}, false},
		{"18 on the day", "2005-06-01", nil, true},
		{"17, one day short of 18", "2005-06-02", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := family("5000")
			h.Members[2].BirthDate = d(tc.birth)
			h.Members[2].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 2}
			h.Members[2].Incomes = tc.own
			r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
			assert.Equal(t, eligibility.NotEligible, r.Status)
			if !tc.single {
				assert.Equal(t, eligibility.MemberNone, r.Members[2].Status)
				assert.NotContains(t, codes(r), "single_person.disabled_adult@c")
				return
			}
			assert.Equal(t, eligibility.MemberSinglePerson, r.Members[2].Status)
			s := step(t, r.Reasons, explain.ReasonSingleDisabledAdult, "c")
			assert.Equal(t, "黑民规〔2023〕1号", s.Citation().Document)
			assert.Equal(t, "category.severe_disability_adult_unemployed", arg(t, s, "category"))
		})
	}
}

// R4: a 低保 household found above the line but within the edge conditions
// on 2023-06-15 gets a gradual exit ending no later than 12 months after
// June 2023: 2024-06-30.
func TestGradualExit(t *testing.T) {
	set := baseSet(t)
	r := classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-15"),
		Current: eligibility.Current{Status: eligibility.Dibao, Since: d("2022-01-01")}})
	assert.Equal(t, eligibility.GradualExit, r.Status)
	assert.Equal(t, "2024-06-30", r.GradualExitEnd.String())
	assert.Equal(t, "urban_edge_hardship", r.EdgeBand) // 3000 < 3060
	s := step(t, r.Reasons, explain.ReasonExitStart, "")
	assert.Equal(t, "12", arg(t, s, "months"))
	assert.Equal(t, "2024-06-30", arg(t, s, "end"))

	// Found on the last day of a month: January 2023 + 12 months = the end of January 2024.
	r = classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-01-31"),
		Current: eligibility.Current{Status: eligibility.Dibao}})
	assert.Equal(t, "2024-01-31", r.GradualExitEnd.String())

	current := eligibility.Current{Status: eligibility.GradualExit, Since: d("2023-06-15"), GradualExitEnd: d("2024-06-30")}
	for _, tc := range []struct {
		income, date string
		status       eligibility.Status
		code         string
		end          string
	}{
		{"3000", "2023-06-15", eligibility.GradualExit, "gradual_exit.continue", "2024-06-30"}, // the first day
		{"3000", "2024-06-29", eligibility.GradualExit, "gradual_exit.continue", "2024-06-30"}, // day before the end
		{"3000", "2024-06-30", eligibility.GradualExit, "gradual_exit.continue", "2024-06-30"}, // day of the end
		{"3000", "2024-07-01", eligibility.Edge, "gradual_exit.ended", ""},                     // day after: still an edge household
		{"5000", "2024-07-01", eligibility.NotEligible, "gradual_exit.ended", ""},              // day after, above every band
		{"5000", "2024-01-10", eligibility.NotEligible, "exit.immediate", ""},                  // not even edge during the exit: out at once
		{"2000", "2024-01-10", eligibility.Dibao, "dibao.below_line", ""},                      // back below the line: 低保 again
	} {
		t.Run(tc.income+" "+tc.date, func(t *testing.T) {
			r := classify(t, set, eligibility.Request{Household: family(tc.income), Date: d(tc.date), Current: current})
			assert.Equal(t, tc.status, r.Status)
			assert.Contains(t, codes(r), tc.code)
			assert.Equal(t, tc.end, r.GradualExitEnd.String())
			if tc.code == "gradual_exit.ended" {
				assert.NotContains(t, codes(r), "exit.immediate", "an exit that ended is not an immediate exit")
			}
		})
	}

	// Not even an edge household: a 低保 recipient exits at once.
	r = classify(t, set, eligibility.Request{Household: family("5000"), Date: d("2023-06-15"),
		Current: eligibility.Current{Status: eligibility.Dibao}})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	s = step(t, r.Reasons, explain.ReasonExitImmediate, "")
	assert.Equal(t, "status.dibao", arg(t, s, "previous"))

	// A new applicant above the line is an edge household, never a gradual exit.
	r = classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-15")})
	assert.Equal(t, eligibility.Edge, r.Status)
	assert.True(t, r.GradualExitEnd.IsZero())
}

// A Set's shorter maximum: 6 months after June 2023 is 2023-12-31.
func TestGradualExitWithAShorterMaximum(t *testing.T) {
	set := reformed(t, standards.ChangeTo(standards.ParamGradualExitMaxMonths, 6))
	r := classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-15"),
		Current: eligibility.Current{Status: eligibility.Dibao}})
	assert.Equal(t, eligibility.GradualExit, r.Status)
	assert.Equal(t, "2023-12-31", r.GradualExitEnd.String())
}

// R11: a recipient whose income is only suspected to have risen keeps its
// status until verification; once verified, the rise ends it.
func TestNoSuddenStop(t *testing.T) {
	withB := func(amount string, v income.Verification) *income.Household {
		h := family("2000")
		h.Members[1].Incomes = []income.Income{{Kind: standards.IncomePension, Amount: amt(amount), Period: income.Monthly, Verification: v}}
		return h
	}
	current := eligibility.Current{Status: eligibility.Dibao, Since: d("2022-01-01")}

	// Every item: 4000 ≥ 3825, not even edge; verified only: 2000 < 2550: kept.
	r := classify(t, baseSet(t), eligibility.Request{Household: withB("2000", income.Suspected), Date: d("2023-06-01"), Current: current})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.True(t, r.VerificationRequired)
	assert.Equal(t, eligibility.VerifiedOnly, r.Basis)
	assert.Equal(t, "2000", r.Countable.String())
	assert.Equal(t, []eligibility.ItemRef{{Member: "b", Item: 0}}, r.Pending)
	s := step(t, r.Reasons, explain.ReasonVerificationRequired, "")
	assert.Equal(t, "4000", arg(t, s, "countable_all"))
	assert.Equal(t, "2000", arg(t, s, "countable_verified"))
	assert.Equal(t, "status.not_eligible", arg(t, s, "status_all"))
	assert.Equal(t, "status.dibao", arg(t, s, "status_verified"))
	assert.Equal(t, "true", arg(t, s, "kept"))
	assert.NotContains(t, codes(r), "exit.immediate")
	assert.Contains(t, r.Explain(zh), "不得据疑点调整或停发")

	// Verified: the same rise ends it.
	r = classify(t, baseSet(t), eligibility.Request{Household: withB("2000", income.Verified), Date: d("2023-06-01"), Current: current})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	assert.False(t, r.VerificationRequired)
	assert.Empty(t, r.Pending)
	assert.Contains(t, codes(r), "exit.immediate")

	// A new application is decided on every item, with verification asked for.
	r = classify(t, baseSet(t), eligibility.Request{Household: withB("2000", income.Suspected), Date: d("2023-06-01")})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	assert.True(t, r.VerificationRequired)
	assert.Equal(t, eligibility.AllItems, r.Basis)
	assert.Equal(t, "4000", r.Countable.String())
	s = step(t, r.Reasons, explain.ReasonVerificationRequired, "")
	assert.Equal(t, "false", arg(t, s, "kept"))

	// A suspicion that leaves the status unchanged still lowers nothing for a
	// recipient: 2100 with it, 2000 without, both 低保; the figure paid on is 2000.
	r = classify(t, baseSet(t), eligibility.Request{Household: withB("100", income.Suspected), Date: d("2023-06-01"), Current: current})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.Equal(t, "2000", r.Countable.String())
	assert.True(t, r.VerificationRequired)

	// No suspicion at all: nothing to verify.
	r = classify(t, baseSet(t), eligibility.Request{Household: withB("100", income.Verified), Date: d("2023-06-01"), Current: current})
	assert.False(t, r.VerificationRequired)
	assert.Equal(t, "2100", r.Countable.String())
	assert.NotContains(t, codes(r), "r11.verification_required")
}

// 特困: a 70-year-old alone without labour capacity, no supporter, pension
// 500 < 850 — also below the 低保 line, but 特困 takes precedence.
func TestTekunTakesPrecedence(t *testing.T) {
	elder := person("e", "1953-01-01", income.RelationApplicant, pension("500"))
	elder.Labour = income.LabourNone
	elder.Dependency = income.DependencySemi
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone,
		Members: []income.Member{elder}}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Tekun, r.Status)
	assert.Equal(t, eligibility.MemberTekun, r.Members[0].Status)
	assert.Equal(t, standards.CarePartial, r.Members[0].Care)
	assert.Contains(t, codes(r), "dibao.below_line", "the 低保 test passes too")
	s := step(t, r.Reasons, explain.ReasonTekunQualifies, "e")
	assert.Equal(t, "70", arg(t, s, "age"))
	assert.Equal(t, "500", arg(t, s, "countable"))
	assert.Equal(t, "supporter.none", arg(t, s, "supporter"))

	for _, tc := range []struct {
		supporter income.Supporter
		status    eligibility.Status
		code      string
	}{
		{income.SupporterNone, eligibility.Tekun, "tekun.qualifies@e"},
		{income.SupporterUnable, eligibility.Tekun, "tekun.qualifies@e"},
		{income.SupporterAble, eligibility.Dibao, "tekun.supporter@e"},    // 500 < 850: 低保 instead
		{income.SupporterUnknown, eligibility.Dibao, "tekun.supporter@e"}, // not shown to be without one
	} {
		h.Supporter = tc.supporter
		r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
		assert.Equal(t, tc.status, r.Status, tc.supporter.String())
		assert.Contains(t, codes(r), tc.code, tc.supporter.String())
	}

	// Own income at the standard (850): neither 特困 nor 低保; 850 < 1.2 × 850 = 1020: edge.
	h.Supporter = income.SupporterNone
	h.Members[0].Incomes = []income.Income{pension("850")}
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Edge, r.Status)
	assert.Contains(t, codes(r), "tekun.income_not_below@e")
	// 849.99 < 850: 特困.
	h.Members[0].Incomes = []income.Income{pension("849.99")}
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Tekun, r.Status)
}

// Who lacks labour capacity for 特困: aged 60 or more, under 16, without
// labour capacity, intellectual or psychiatric grades 1–3, physical 1–2,
// visual 1 (特困人员认定办法). Alone, no income, no supporter, on
// 2023-06-01: 特困 if so, else 低保 (0 < 850).
func TestTekunLabourCapacity(t *testing.T) {
	for _, tc := range []struct {
		name       string
		birth      string
		labour     income.Labour
		disability income.Disability
		tekun      bool
	}{
		{"60 on the day", "1963-06-01", income.LabourFull, income.Disability{}, true},
		{"59, a day short of 60", "1963-06-02", income.LabourFull, income.Disability{}, false},
		{"15, a day short of 16", "2007-06-02", income.LabourFull, income.Disability{}, true},
		{"16 on the day", "2007-06-01", income.LabourFull, income.Disability{}, false},
		{"no labour capacity", "1983-01-01", income.LabourNone, income.Disability{}, true},
		{"partial labour capacity", "1983-01-01", income.LabourPartial, income.Disability{}, false},
		{"intellectual grade 3", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityIntellectual, Grade: 3}, true},
		{"intellectual grade 4", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityIntellectual, Grade: 4}, false},
		{"psychiatric grade 1", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityPsychiatric, Grade: 1}, true},
		{"physical grade 2", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityPhysical, Grade: 2}, true},
		{"physical grade 3", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityPhysical, Grade: 3}, false},
		{"visual grade 1", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityVisual, Grade: 1}, true},
		{"visual grade 2", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityVisual, Grade: 2}, false},
		{"hearing grade 1", "1983-01-01", income.LabourFull, income.Disability{Category: standards.DisabilityHearing, Grade: 1}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := person("p", tc.birth, income.RelationApplicant)
			m.Labour, m.Disability = tc.labour, tc.disability
			h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone, Members: []income.Member{m}}
			r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
			if tc.tekun {
				assert.Equal(t, eligibility.Tekun, r.Status)
				assert.Equal(t, eligibility.MemberTekun, r.Members[0].Status)
			} else {
				assert.Equal(t, eligibility.Dibao, r.Status)
				assert.Equal(t, eligibility.MemberNone, r.Members[0].Status)
			}
		})
	}
}

// Care levels follow the member's dependency; a household is 特困 only when
// every member is.
func TestTekunCareAndMixedHouseholds(t *testing.T) {
	for dep, want := range map[income.Dependency]standards.CareLevel{
		income.DependencyNone: standards.CareSelf, income.DependencySemi: standards.CarePartial, income.DependencyFull: standards.CareFull,
	} {
		e := person("e", "1950-01-01", income.RelationApplicant)
		e.Labour, e.Dependency = income.LabourNone, dep
		h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone, Members: []income.Member{e}}
		r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
		assert.Equal(t, want, r.Members[0].Care, dep.String())
	}
	// An elder without labour capacity and an able adult child (40, full
	// labour capacity), no income: the child is a legal supporter living in
	// the household, so the elder is not 特困 (社会救助暂行办法 第十四条);
	// line 850 × 2 = 1700 > 0: 低保 for the household of two.
	e := person("e", "1950-01-01", income.RelationApplicant)
	e.Labour = income.LabourNone
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone,
		Members: []income.Member{e, person("s", "1983-01-01", income.RelationChild)}}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.Equal(t, 2, r.Tested)
	assert.Equal(t, "1700", r.Line.String())
	assert.Equal(t, eligibility.MemberNone, r.Members[0].Status)
	assert.Equal(t, eligibility.MemberNone, r.Members[1].Status)
	st := step(t, r.Reasons, explain.ReasonTekunInHousehold, "e")
	assert.Equal(t, "s", arg(t, st, "supporter"))

	// With a grandchild of 17 instead: at 17 (not under 16) the grandchild
	// has labour capacity, so is not 特困, and is no supporter (under 18).
	// The household is mixed; under the embedded rule "separate" the elder
	// is supported alone and the grandchild tested for 低保 alone: line
	// 850 × 1 = 850, income 0: 低保.
	h.Members[1] = person("s", "2006-01-01", income.RelationGrandchild)
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.Equal(t, 1, r.Tested)
	assert.Equal(t, "850", r.Line.String())
	assert.Equal(t, eligibility.MemberTekun, r.Members[0].Status)
	assert.Equal(t, eligibility.MemberNone, r.Members[1].Status)
	assert.Contains(t, codes(r), "tekun.qualifies@e")
}

// Property limits, as months of the standard per person: 低保 24 × 850 × 3
// = 61200; edge households 36 × 850 × 3 = 91800; 特困 24 × 850 = 20400 of
// the member's own property.
func propertySet(t testing.TB) *standards.Set {
	return reformed(t, standards.ChangeTo(standards.ParamPropertyLimits, standards.PropertyLimits{
		Dibao: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasDibao: true,
		Edge: standards.PropertyLimit{FinancialAssetsMonths: rate("36"), MaxDwellings: 1, VehiclesAllowed: true}, HasEdge: true,
		Tekun: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasTekun: true,
	}))
}

func TestPropertyLimits(t *testing.T) {
	set := propertySet(t)
	for _, tc := range []struct {
		name     string
		property []income.Property
		status   eligibility.Status
	}{
		{"deposit 1 fen below the limit", []income.Property{{Kind: income.PropertyDeposit, Value: amt("61199.99"), Member: "a"}}, eligibility.Dibao},
		{"at the limit is within it", []income.Property{{Kind: income.PropertyDeposit, Value: amt("61200")}}, eligibility.Dibao},
		{"1 fen over: edge (within 91800)", []income.Property{{Kind: income.PropertyDeposit, Value: amt("61200.01")}}, eligibility.Edge},
		{"financial kinds add up: 30000 + 20000 + 10000 + 1200.01", []income.Property{
			{Kind: income.PropertyDeposit, Value: amt("30000")}, {Kind: income.PropertySecurities, Value: amt("20000"), Member: "b"},
			{Kind: income.PropertyInsurance, Value: amt("10000")}, {Kind: income.PropertyClaim, Value: amt("1200.01")}}, eligibility.Edge},
		{"an exempt deposit does not count", []income.Property{{Kind: income.PropertyDeposit, Value: amt("100000"), Exempt: true}}, eligibility.Dibao},
		{"at the edge limit", []income.Property{{Kind: income.PropertyDeposit, Value: amt("91800")}}, eligibility.Edge},
		{"over the edge limit too", []income.Property{{Kind: income.PropertyDeposit, Value: amt("91800.01")}}, eligibility.NotEligible},
		{"one dwelling", []income.Property{{Kind: income.PropertyDwelling, Value: amt("300000")}}, eligibility.Dibao},
		{"two dwellings in one item", []income.Property{{Kind: income.PropertyDwelling, Value: amt("0"), Count: 2}}, eligibility.NotEligible},
		{"two items of count 0 (= 1 each)", []income.Property{{Kind: income.PropertyDwelling}, {Kind: income.PropertyDwelling}}, eligibility.NotEligible},
		{"one dwelling and an exempt one", []income.Property{{Kind: income.PropertyDwelling}, {Kind: income.PropertyDwelling, Exempt: true}}, eligibility.Dibao},
		{"a vehicle: not for 低保, allowed for edge", []income.Property{{Kind: income.PropertyVehicle, Value: amt("20000")}}, eligibility.Edge},
		{"an exempt vehicle", []income.Property{{Kind: income.PropertyVehicle, Value: amt("20000"), Exempt: true}}, eligibility.Dibao},
		{"a business registration is not a financial asset", []income.Property{{Kind: income.PropertyBusiness, Value: amt("500000")}}, eligibility.Dibao},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := family("2000") // 2000 < 2550
			h.Property = tc.property
			r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
			assert.Equal(t, tc.status, r.Status)
			require.Len(t, r.Property, 2)
			assert.Equal(t, eligibility.SchemeDibao, r.Property[0].Scheme)
			assert.True(t, r.Property[0].Tested)
			assert.Equal(t, "61200", r.Property[0].AssetLimit.String())
			assert.Equal(t, eligibility.SchemeEdge, r.Property[1].Scheme)
			assert.Equal(t, "91800", r.Property[1].AssetLimit.String())
			if tc.status != eligibility.Dibao {
				assert.Contains(t, codes(r), "dibao.property_exceeds")
			}
			if tc.status == eligibility.NotEligible {
				assert.Contains(t, codes(r), "edge.property_exceeds")
			}
		})
	}

	// The reason's figures: a vehicle, not allowed for 低保.
	h := family("2000")
	h.Property = []income.Property{{Kind: income.PropertyVehicle, Value: amt("20000")}, {Kind: income.PropertyDeposit, Value: amt("100")}}
	r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
	s := step(t, r.Reasons, explain.ReasonDibaoProperty, "")
	assert.Equal(t, "100", arg(t, s, "assets"))
	assert.Equal(t, "61200", arg(t, s, "limit"))
	assert.Equal(t, "1", arg(t, s, "vehicles"))
	assert.Equal(t, "false", arg(t, s, "vehicles_allowed"))

	// Without limits in the Set, property is not tested and says so.
	h = family("2000")
	h.Property = []income.Property{{Kind: income.PropertyDeposit, Value: amt("9000000")}, {Kind: income.PropertyDwelling, Count: 5}}
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)
	for _, p := range r.Property {
		assert.False(t, p.Tested)
		assert.True(t, p.Within)
		assert.Equal(t, "9000000", p.FinancialAssets.String())
	}
}

// A single-person member and a 特困 member are tested on their own property:
// 24 × 850 = 20400.
func TestOwnPropertyLimits(t *testing.T) {
	set := propertySet(t)
	for _, tc := range []struct {
		deposit, owner string
		single         bool
	}{
		{"20400", "c", true},
		{"20400.01", "c", false},
		{"30000", "a", true}, // someone else's: not the member's own
	} {
		h := family("3000") // edge: 2550 ≤ 3000 < 3825; 30000 ≤ 91800
		h.Members[2].SeriousIllness = true
		h.Property = []income.Property{{Kind: income.PropertyDeposit, Value: amt(tc.deposit), Member: tc.owner}}
		r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
		require.Equal(t, eligibility.Edge, r.Status)
		assert.Equal(t, tc.single, r.Members[2].Status == eligibility.MemberSinglePerson, tc.deposit+"@"+tc.owner)
		if !tc.single {
			s := step(t, r.Reasons, explain.ReasonSingleProperty, "c")
			assert.Equal(t, "20400", arg(t, s, "limit"))
		}
	}

	e := person("e", "1950-01-01", income.RelationApplicant)
	e.Labour = income.LabourNone
	for _, tc := range []struct {
		deposit string
		status  eligibility.Status
	}{{"20400", eligibility.Tekun}, {"20400.01", eligibility.Edge}} {
		h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone,
			Members: []income.Member{e}, Property: []income.Property{{Kind: income.PropertyDeposit, Value: amt(tc.deposit), Member: "e"}}}
		r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
		if tc.status == eligibility.Tekun {
			assert.Equal(t, eligibility.Tekun, r.Status, tc.deposit)
			continue
		}
		// Over the 特困 limit (20400) and over the 低保 limit of one person
		// (24 × 850 × 1 = 20400) too; within the edge limit 36 × 850 = 30600.
		assert.Equal(t, eligibility.Edge, r.Status, tc.deposit)
		assert.Contains(t, codes(r), "tekun.property_exceeds@e")
	}
}

// With the Set's switch on, rigid expenditure comes off income first:
// 3000 − 6000 ÷ 12 = 2500 < 2550.
func TestRigidExpenditureSwitch(t *testing.T) {
	h := family("3000")
	h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: amt("6000"), Member: "a"}}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Edge, r.Status, "switch absent: off")
	assert.True(t, r.Rigid.IsZero())
	assert.Equal(t, "3000", r.Countable.String())

	on := reformed(t, standards.ChangeTo(standards.ParamRigidExpenditureDeduction, true))
	r = classify(t, on, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.Equal(t, "500", r.Rigid.String())
	assert.Equal(t, "2500", r.Countable.String())
	s := step(t, r.Reasons, explain.ReasonRigidDeducted, "")
	assert.Equal(t, "3000", arg(t, s, "countable"))
	assert.Equal(t, "500", arg(t, s, "rigid"))
	assert.Equal(t, "2500", arg(t, s, "tested"))

	// 1000 a year of schooling: 1000 ÷ 12 = 250/3 a month, exact; 2600 − 250/3 = 7550/3 ≈ 2516.67 < 2550.
	h = family("2600")
	h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureEducation, Amount: amt("1000")}}
	r = classify(t, on, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, "250/3", r.Rigid.String())
	assert.Equal(t, "7550/3", r.Countable.String())
	assert.Equal(t, eligibility.Dibao, r.Status)

	// More expenditure than income: the tested income is 0, not negative.
	h = family("1000")
	h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureDisaster, Amount: amt("24000")}}
	r = classify(t, on, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, "2000", r.Rigid.String())
	assert.Equal(t, "0", r.Countable.String())
}

// A member supported alone as 特困 takes their own rigid expenditure with
// them: it does not come off the others' income; once the member is no
// longer 特困 and is tested with the household, it does.
//
// An elder of 73 without labour capacity (e) and a grandchild of 17 (s, not
// 特困 and no supporter), no supporter outside; s has 900 a month; e spent
// 12000 on medicine in the 12 months (1000 a month). Standard 850, rigid
// deduction on.
func TestRigidExpenditureOfTekunMember(t *testing.T) {
	on := reformed(t, standards.ChangeTo(standards.ParamRigidExpenditureDeduction, true))
	for _, tc := range []struct {
		name      string
		elder     string // e's monthly pension, "" for none
		extra     []income.Expenditure
		status    eligibility.Status
		tekun     bool
		tested    int
		line      string
		rigid     string
		countable string
	}{
		// e 特困 (0 < 850): s tested alone, line 850; e's 1000 left out:
		// 900 ≥ 850, not 低保; 900 < 1.2 × 850 = 1020: edge.
		{name: "elder 特困, own expenditure left out", status: eligibility.Edge, tekun: true, tested: 1, line: "850", rigid: "0", countable: "900"},
		// 1 fen below the standard, e is still 特困: the same.
		{name: "elder 特困 at 849.99", elder: "849.99", status: eligibility.Edge, tekun: true, tested: 1, line: "850", rigid: "0", countable: "900"},
		// s's own 1200 a year counts: 900 − 100 = 800 < 850: 低保.
		{name: "the grandchild's own expenditure counts", extra: []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: amt("1200"), Member: "s"}},
			status: eligibility.Dibao, tekun: true, tested: 1, line: "850", rigid: "100", countable: "800"},
		// An expenditure of the household, no member named, counts too.
		{name: "the household's expenditure counts", extra: []income.Expenditure{{Kind: income.ExpenditureDisaster, Amount: amt("1200")}},
			status: eligibility.Dibao, tekun: true, tested: 1, line: "850", rigid: "100", countable: "800"},
		// e at the standard, 850: not 特困; both tested, line 1700;
		// 900 + 850 = 1750 − 1000 = 750 < 1700: 低保.
		{name: "elder at the standard, tested with the household", elder: "850", status: eligibility.Dibao, tested: 2, line: "1700", rigid: "1000", countable: "750"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := person("e", "1950-01-01", income.RelationApplicant)
			e.Labour = income.LabourNone
			if tc.elder != "" {
				e.Incomes = []income.Income{pension(tc.elder)}
			}
			h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone,
				Members:      []income.Member{e, person("s", "2006-01-01", income.RelationGrandchild, pension("900"))},
				Expenditures: append([]income.Expenditure{{Kind: income.ExpenditureMedical, Amount: amt("12000"), Member: "e"}}, tc.extra...)}
			r := classify(t, on, eligibility.Request{Household: h, Date: d("2023-06-01")})
			assert.Equal(t, tc.status, r.Status)
			assert.Equal(t, tc.tekun, r.Members[0].Status == eligibility.MemberTekun)
			assert.Equal(t, tc.tested, r.Tested)
			assert.Equal(t, tc.line, r.Line.String())
			assert.Equal(t, tc.rigid, r.Rigid.String())
			assert.Equal(t, tc.countable, r.Countable.String())
		})
	}
}

func monitoringSet(t testing.TB) *standards.Set {
	return reformed(t, standards.ChangeTo(standards.ParamMonitoring, standards.Monitoring{
		NearThreshold: rate("1.2"), HasNearThreshold: true, SharpDrop: rate("0.3"), HasSharpDrop: true,
		RigidShare: rate("0.6"), HasRigidShare: true}))
}

func TestMonitoringFlags(t *testing.T) {
	set := monitoringSet(t)
	// Near the line: 2550 ≤ income < 1.2 × 2550 = 3060.
	for _, tc := range []struct {
		income string
		near   bool
	}{{"2549.99", false}, {"2550", true}, {"3059.99", true}, {"3060", false}} {
		r := classify(t, set, eligibility.Request{Household: family(tc.income), Date: d("2023-06-01")})
		assert.Equal(t, tc.near, has(flags(r), "monitor.near_threshold"), tc.income)
		if tc.near {
			s := step(t, r.Flags, explain.FlagNearThreshold, "")
			assert.Equal(t, "3060", arg(t, s, "upper"))
		}
	}
	// A sharp drop: previous 4000; a fall of 30 % or more is income ≤ 4000 × 0.7 = 2800.
	for _, tc := range []struct {
		income string
		drop   bool
	}{{"2800", true}, {"2800.01", false}, {"0", true}} {
		r := classify(t, set, eligibility.Request{Household: family(tc.income), Date: d("2023-06-01"),
			Previous: &eligibility.Previous{Date: d("2022-06-01"), Countable: amt("4000")}})
		assert.Equal(t, tc.drop, has(flags(r), "monitor.sharp_drop"), tc.income)
	}
	// Previous countable income that was an exact fraction: 4000 ÷ 3 = 4000/3;
	// × 0.7 = 2800/3 = 933.33…; 933.33 is at or below it, 933.34 is not.
	for _, tc := range []struct {
		income string
		drop   bool
	}{{"933.33", true}, {"933.34", false}} {
		prev := eligibility.Previous{Countable: amt("4000")}
		prev.Countable, _ = prev.Countable.QuoInt(3)
		r := classify(t, set, eligibility.Request{Household: family(tc.income), Date: d("2023-06-01"), Previous: &prev})
		assert.Equal(t, tc.drop, has(flags(r), "monitor.sharp_drop"), tc.income)
	}
	// A previous income of 0 cannot fall.
	r := classify(t, set, eligibility.Request{Household: family("0"), Date: d("2023-06-01"), Previous: &eligibility.Previous{}})
	assert.NotContains(t, flags(r), "monitor.sharp_drop")

	// Rigid expenditure above 60 % of income: 3000 × 12 = 36000; 0.6 × 36000 = 21600.
	for _, tc := range []struct {
		spent string
		flag  bool
	}{{"21600", false}, {"21600.01", true}} {
		h := family("3000")
		h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: amt(tc.spent)}}
		r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
		assert.Equal(t, tc.flag, has(flags(r), "monitor.rigid_expenditure"), tc.spent)
		assert.Contains(t, flags(r), "referral.medical")
		s := step(t, r.Flags, explain.FlagMedical, "")
		assert.Equal(t, tc.spent, arg(t, s, "medical"))
	}

	// Newly ill and newly disabled members, and referrals.
	h := family("3000")
	h.Members[1].SeriousIllness = true
	h.Members[2].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 1}
	h.Members[2].Student = true
	r = classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01"),
		Previous: &eligibility.Previous{Date: d("2022-06-01"), Countable: amt("3000"), SeverelyDisabled: []string{"c"}}})
	assert.Contains(t, flags(r), "monitor.newly_ill@b")
	assert.NotContains(t, flags(r), "monitor.newly_disabled@c") // disabled at the previous assessment already
	assert.Contains(t, flags(r), "referral.education@c")
	assert.Contains(t, flags(r), "referral.medical_illness@b") // an ill member, without medical expenditure
	assert.NotContains(t, flags(r), "referral.medical", "no medical expenditure to name")
	assert.NotContains(t, flags(r), "referral.employment@b", "b is 61: past working age")
	assert.NotContains(t, flags(r), "referral.employment@c", "c is a student")

	// Without a previous assessment nobody is "newly" anything.
	r = classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.NotContains(t, flags(r), "monitor.newly_ill@b")
	assert.NotContains(t, flags(r), "monitor.newly_disabled@c")
	// Listed as ill before: not newly ill; not listed as disabled: newly disabled.
	r = classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01"),
		Previous: &eligibility.Previous{Countable: amt("3000"), SeriouslyIll: []string{"b"}}})
	assert.NotContains(t, flags(r), "monitor.newly_ill@b")
	assert.Contains(t, flags(r), "monitor.newly_disabled@c")

	// c, 33, able to work and without earnings, is referred to employment assistance.
	r = classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	assert.Contains(t, flags(r), "referral.employment@c")
	assert.NotContains(t, flags(r), "referral.employment@a", "a is 63")
	// With earnings of their own: no referral.
	h = family("3000")
	h.Members[2].Incomes = []income.Income{{Kind: standards.IncomeBusinessNet, Amount: amt("10"), Period: income.Monthly}}
	r = classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.NotContains(t, flags(r), "referral.employment@c")

	// Education expenditure without a student member, and disaster expenditure.
	h = family("3000")
	h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureEducation, Amount: amt("1200")},
		{Kind: income.ExpenditureDisaster, Amount: amt("500")}, {Kind: income.ExpenditureAccident, Amount: amt("250")}}
	r = classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, "1200", arg(t, step(t, r.Flags, explain.FlagEducationExpenditure, ""), "education"))
	assert.Equal(t, "750", arg(t, step(t, r.Flags, explain.FlagHousing, ""), "disaster")) // 500 + 250
	assert.NotContains(t, flags(r), "referral.medical")
	assert.Empty(t, r.Unevaluated)
}

func TestThresholdsAbsentAreReported(t *testing.T) {
	r := classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-01"),
		Previous: &eligibility.Previous{Countable: amt("5000")}})
	assert.ElementsMatch(t, []explain.Code{explain.FlagNearThreshold, explain.FlagSharpDrop, explain.FlagRigidExpenditure}, r.Unevaluated)
	assert.NotContains(t, flags(r), "monitor.sharp_drop") // 3000 ≤ 5000 × 0.7 = 3500, but no threshold
	// Without a previous assessment, the sharp drop is not even a question.
	r = classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	assert.ElementsMatch(t, []explain.Code{explain.FlagNearThreshold, explain.FlagRigidExpenditure}, r.Unevaluated)
}

func TestRequestErrors(t *testing.T) {
	set := baseSet(t)
	for _, tc := range []struct {
		name string
		req  eligibility.Request
		kind error
		path string
		code problem.Code
	}{
		{"no household", eligibility.Request{Date: d("2023-06-01")}, problem.ErrInvalid, "household", problem.Required},
		{"no date", eligibility.Request{Household: family("1")}, problem.ErrInvalid, "date", problem.Required},
		{"gradual exit without its end", eligibility.Request{Household: family("1"), Date: d("2023-06-01"),
			Current: eligibility.Current{Status: eligibility.GradualExit}}, problem.ErrInvalid, "current.gradual_exit_end", problem.Required},
		{"current status since after the date", eligibility.Request{Household: family("1"), Date: d("2023-06-01"),
			Current: eligibility.Current{Status: eligibility.Dibao, Since: d("2023-06-02")}}, problem.ErrInvalid, "current.since", problem.FutureDate},
		{"an undefined current status", eligibility.Request{Household: family("1"), Date: d("2023-06-01"),
			Current: eligibility.Current{Status: eligibility.Status(9)}}, problem.ErrInvalid, "current.status", problem.BadCode},
		{"a negative pension", eligibility.Request{Household: family("-1"), Date: d("2023-06-01")},
			problem.ErrInvalid, "members[0].incomes[0].amount", problem.Negative},
		{"a region without a standard: 龙沙区 (齐齐哈尔)", eligibility.Request{Household: func() *income.Household {
			h := family("1000")
			h.Region = region("230202")
			return h
		}(), Date: d("2023-06-01")}, problem.ErrNotCovered, "region", problem.NotCovered},
		{"a date before the data", eligibility.Request{Household: family("1000"), Date: d("2020-12-31")},
			problem.ErrNotCovered, "region", problem.NotCovered},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := eligibility.Classify(tc.req, set)
			require.Error(t, err)
			assert.Nil(t, r)
			assert.ErrorIs(t, err, tc.kind)
			other := problem.ErrNotCovered
			if tc.kind == problem.ErrNotCovered {
				other = problem.ErrInvalid
			}
			assert.False(t, errors.Is(err, other))
			pe, ok := problem.As(err)
			require.True(t, ok)
			assert.True(t, pe.Has(tc.path, tc.code), "%v", pe)
		})
	}
}

// Classify returns a result of its own: a second call does not change the first.
func TestResultsAreIndependent(t *testing.T) {
	set := baseSet(t)
	first := classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	reasons := codes(first)
	steps := len(first.Steps)
	second := classify(t, set, eligibility.Request{Household: family("1000"), Date: d("2023-06-01"),
		Previous: &eligibility.Previous{Countable: amt("9000")}})
	assert.Equal(t, eligibility.Dibao, second.Status)
	assert.Equal(t, eligibility.Edge, first.Status)
	assert.Equal(t, "3000", first.Countable.String())
	assert.Equal(t, reasons, codes(first))
	assert.Len(t, first.Steps, steps)
	assert.Equal(t, "3000", arg(t, step(t, first.Reasons, explain.ReasonNotBelowLine, ""), "countable"))
}

// The compact path without the explanation decides the same figures.
func TestClassifyCompactWithoutExplanation(t *testing.T) {
	set := monitoringSet(t)
	for _, in := range []string{"1000", "2550", "3000", "5000"} {
		h := family(in)
		h.Members[2].SeriousIllness = true
		date := d("2023-06-01")
		want := classify(t, set, eligibility.Request{Household: h, Date: date})

		var c income.Compact
		ids, err := income.CompactOf(h, &c, date)
		require.NoError(t, err)
		pl, err := eligibility.NewPlan(set, c.Region, c.Area, date, standards.Date{}, nil)
		require.NoError(t, err)
		var k eligibility.Classifier
		got, err := k.ClassifyCompact(pl, &c, ids, date, eligibility.Current{}, nil, false)
		require.NoError(t, err)
		assert.Equal(t, want.Status, got.Status, in)
		assert.Equal(t, want.Countable, got.Countable, in)
		assert.Equal(t, want.EdgeBand, got.EdgeBand, in)
		assert.Equal(t, want.Members, got.Members, in)
		assert.Empty(t, got.Steps)
		assert.Empty(t, got.Reasons)
		assert.Empty(t, got.Flags)
	}
}

// A gradual exit whose end lies beyond the longest exit the Set allows
// (on 2023-06-15, June 2023 + 12 months ends 2024-06-30) is refused.
func TestGradualExitEndBeyondTheMaximum(t *testing.T) {
	cur := eligibility.Current{Status: eligibility.GradualExit, GradualExitEnd: d("2024-07-01")}
	_, err := eligibility.Classify(eligibility.Request{Household: family("3000"), Date: d("2023-06-15"), Current: cur}, baseSet(t))
	require.Error(t, err)
	assert.ErrorIs(t, err, problem.ErrInvalid)
	pe, ok := problem.As(err)
	require.True(t, ok)
	assert.True(t, pe.Has("current.gradual_exit_end", problem.OutOfRange), "%v", pe)
	cur.GradualExitEnd = d("2024-06-30")
	r := classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-15"), Current: cur})
	assert.Equal(t, eligibility.GradualExit, r.Status)
}
