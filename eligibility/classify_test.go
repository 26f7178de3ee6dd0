package eligibility_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
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
	}{
		{"2549.99", eligibility.Dibao, ""},                   // 1 fen below the line
		{"2550", eligibility.Edge, "urban_edge_hardship"},    // at the line is not below it
		{"2550.01", eligibility.Edge, "urban_edge_hardship"}, // 1 fen above
		{"3059.99", eligibility.Edge, "urban_edge_hardship"}, // below 1.2 × line
		{"3060", eligibility.Edge, "edge"},                   // at 1.2 ×: only the 1.5× band
		{"3824.99", eligibility.Edge, "edge"},                // 1 fen below 1.5 × line
		{"3825", eligibility.NotEligible, ""},                // at 1.5 × line
		{"3825.01", eligibility.NotEligible, ""},             // 1 fen above
	} {
		r := classify(t, set, eligibility.Request{Household: family(tc.income), Date: d("2023-06-01")})
		assert.Equal(t, tc.status, r.Status, tc.income)
		assert.Equal(t, tc.band, r.EdgeBand, tc.income)
		assert.Equal(t, "2550", r.Line.String())
		assert.Equal(t, "850", r.Standard.V.String())
	}
}

// Rural 道里区 2023: standard 640, line 1920; the 1.2× band is urban only:
// 1.5 × 1920 = 2880.
func TestRuralBands(t *testing.T) {
	h := family("2000")
	h.Area = standards.AreaRural
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Edge, r.Status)
	assert.Equal(t, "edge", r.EdgeBand)
	require.Len(t, r.Bands, 1)
	assert.Equal(t, "2880", r.Bands[0].Threshold.String())
}

// R3: an edge household (3000 a month for 3: between 2550 and 3825) with a
// member of each category and no income of their own: each is brought into
// 低保 as a single-person household (own income 0 < 850).
func TestSinglePersonCategories(t *testing.T) {
	set := reformed(t, standards.Change{Param: standards.ParamSevereGrade3Categories, Value: []string{"intellectual", "psychiatric"}})
	for _, tc := range []struct {
		name   string
		modify func(m *income.Member)
		single bool
	}{
		{"seriously ill", func(m *income.Member) { m.SeriousIllness = true }, true},
		{"disability grade 1", func(m *income.Member) {
			m.Disability = income.Disability{Category: income.DisabilityPhysical, Grade: 1}
		}, true},
		{"disability grade 2", func(m *income.Member) { m.Disability = income.Disability{Category: income.DisabilityVisual, Grade: 2} }, true},
		{"intellectual grade 3 (the Set adds it)", func(m *income.Member) {
			m.Disability = income.Disability{Category: income.DisabilityIntellectual, Grade: 3}
		}, true},
		{"physical grade 3 (not severe)", func(m *income.Member) {
			m.Disability = income.Disability{Category: income.DisabilityPhysical, Grade: 3}
		}, false},
		{"disabled serviceman grade 6", func(m *income.Member) { m.ServiceDisabilityGrade = 6 }, true},
		{"disabled serviceman grade 7", func(m *income.Member) { m.ServiceDisabilityGrade = 7 }, false},
		{"special-care recipient", func(m *income.Member) { m.SpecialCare = true }, true},
		{"none of these", func(m *income.Member) {}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := family("3000")
			tc.modify(&h.Members[2])
			// Some earnings, so that the 黑民规〔2023〕1号 rule (unemployed) does not apply.
			h.Members[2].Incomes = []income.Income{{Kind: standards.IncomeBusinessNet, Amount: dec("100"), Period: income.Monthly}}
			r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
			// 3000 + 100 = 3100: between 2550 and 3825, an edge household.
			assert.Equal(t, eligibility.Edge, r.Status)
			want := eligibility.MemberNone
			if tc.single {
				want = eligibility.MemberSinglePerson
				assert.Contains(t, codes(r), "single_person.r3@c")
			}
			assert.Equal(t, want, r.Members[2].Status)
			assert.Equal(t, eligibility.MemberNone, r.Members[1].Status, "a non-qualifying member in the same household")
		})
	}
}

// Own income at the standard is not below it: 850 → no; 849.99 → yes.
func TestSinglePersonOwnIncome(t *testing.T) {
	for _, tc := range []struct {
		own    string
		single bool
	}{{"849.99", true}, {"850", false}, {"850.01", false}} {
		h := family("2200") // 2200 + own: with 849.99, 3049.99 — an edge household
		h.Members[1].SeriousIllness = true
		h.Members[1].Incomes = []income.Income{pension(tc.own)}
		r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
		require.Equal(t, eligibility.Edge, r.Status, tc.own)
		assert.Equal(t, tc.single, r.Members[1].Status == eligibility.MemberSinglePerson, tc.own)
	}
}

// 黑民规〔2023〕1号: an adult, unemployed, severely disabled member is assessed
// alone even when the household is above the edge bands (income 5000 > 3825).
func TestDisabledAdultAssessedAlone(t *testing.T) {
	h := family("5000")
	h.Members[2].Disability = income.Disability{Category: income.DisabilityPhysical, Grade: 2}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	assert.Equal(t, eligibility.MemberSinglePerson, r.Members[2].Status)
	assert.Contains(t, codes(r), "single_person.disabled_adult@c")
	for _, rs := range r.Reasons {
		if rs.Code == "single_person.disabled_adult" {
			assert.Equal(t, "黑民规〔2023〕1号", rs.Cite.Document)
		}
	}
}

// R4: a 低保 household found above the line but within the edge conditions on
// 2023-06-15 gets a gradual exit ending no later than 12 months after June
// 2023: 2024-06-30.
func TestGradualExit(t *testing.T) {
	set := baseSet(t)
	r := classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-15"),
		Current: eligibility.Current{Status: eligibility.Dibao, Since: d("2022-01-01")}})
	assert.Equal(t, eligibility.GradualExit, r.Status)
	assert.Equal(t, "2024-06-30", r.GradualExitEnd.String())
	assert.Contains(t, codes(r), "gradual_exit.start")

	current := eligibility.Current{Status: eligibility.GradualExit, Since: d("2023-06-15"), GradualExitEnd: d("2024-06-30")}
	for _, tc := range []struct {
		date   string
		status eligibility.Status
		code   string
	}{
		{"2024-06-29", eligibility.GradualExit, "gradual_exit.continue"}, // day before the end
		{"2024-06-30", eligibility.GradualExit, "gradual_exit.continue"}, // day of the end
		{"2024-07-01", eligibility.Edge, "gradual_exit.ended"},           // day after: exit (still an edge household)
	} {
		r := classify(t, set, eligibility.Request{Household: family("3000"), Date: d(tc.date), Current: current})
		assert.Equal(t, tc.status, r.Status, tc.date)
		assert.Contains(t, codes(r), tc.code, tc.date)
	}
	// Back below the line during the exit: 低保 again.
	r = classify(t, set, eligibility.Request{Household: family("2000"), Date: d("2024-01-10"), Current: current})
	assert.Equal(t, eligibility.Dibao, r.Status)
	// Not even an edge household: exit at once.
	r = classify(t, set, eligibility.Request{Household: family("5000"), Date: d("2023-06-15"),
		Current: eligibility.Current{Status: eligibility.Dibao}})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	assert.Contains(t, codes(r), "exit.immediate")
}

func TestGradualExitWithAShorterMaximum(t *testing.T) {
	set := reformed(t, standards.Change{Param: standards.ParamGradualExitMaxMonths, Value: 6})
	r := classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-15"),
		Current: eligibility.Current{Status: eligibility.Dibao}})
	// 6 months after June 2023: 2023-12-31.
	assert.Equal(t, "2023-12-31", r.GradualExitEnd.String())
}

// R11: a recipient whose income is only suspected to have risen keeps its
// status until verification; once verified, the rise ends it.
func TestNoSuddenStop(t *testing.T) {
	suspected := func(verification income.Verification) *income.Household {
		h := family("2000")
		h.Members[1].Incomes = []income.Income{{Kind: standards.IncomePension, Amount: dec("2000"), Period: income.Monthly, Verification: verification}}
		return h
	}
	current := eligibility.Current{Status: eligibility.Dibao, Since: d("2022-01-01")}
	// Unverified: every item 4000 (≥ 3825: not even edge); verified only 2000 (< 2550): kept.
	r := classify(t, baseSet(t), eligibility.Request{Household: suspected(income.Suspected), Date: d("2023-06-01"), Current: current})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.True(t, r.VerificationRequired)
	assert.Equal(t, eligibility.VerifiedOnly, r.Basis)
	assert.Equal(t, []eligibility.ItemRef{{Member: "b", Item: 0}}, r.Pending)
	assert.Contains(t, codes(r), "r11.verification_required")
	assert.Contains(t, r.Explain(language.SimplifiedChinese), "不得据疑点调整或停发")

	// Verified: the same rise ends it.
	r = classify(t, baseSet(t), eligibility.Request{Household: suspected(income.Verified), Date: d("2023-06-01"), Current: current})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	assert.False(t, r.VerificationRequired)
	assert.Contains(t, codes(r), "exit.immediate")

	// A new application is decided on every item, with verification asked for.
	r = classify(t, baseSet(t), eligibility.Request{Household: suspected(income.Suspected), Date: d("2023-06-01")})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	assert.True(t, r.VerificationRequired)
	assert.Equal(t, eligibility.AllItems, r.Basis)
}

// 特困: a 70-year-old alone, no supporter, pension 500 < 850 — also below the
// 低保 line, but 特困 takes precedence.
func TestTekunTakesPrecedence(t *testing.T) {
	elder := person("e", "1953-01-01", income.RelationApplicant, pension("500"))
	elder.Labour = income.LabourNone
	elder.Dependency = income.DependencySemi
	h := &income.Household{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Supporter: income.SupporterNone,
		Members: []income.Member{elder}}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Tekun, r.Status)
	assert.Equal(t, eligibility.MemberTekun, r.Members[0].Status)
	assert.Equal(t, standards.CarePartial, r.Members[0].Care)
	assert.Contains(t, codes(r), "dibao.below_line", "the 低保 test passes too")
	assert.Contains(t, codes(r), "tekun.qualifies@e")

	// With a supporter able to support: 低保, not 特困.
	h.Supporter = income.SupporterAble
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.Contains(t, codes(r), "tekun.supporter@e")

	// Own income at the standard (850): neither.
	h.Supporter = income.SupporterNone
	h.Members[0].Incomes = []income.Income{pension("850")}
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Edge, r.Status) // 850 < 1.2 × 850 = 1020
	assert.Contains(t, codes(r), "tekun.income_not_below@e")
}

// Property: 24 months of the standard per person: 24 × 850 × 3 = 61200.
func TestPropertyLimits(t *testing.T) {
	set := reformed(t, standards.Change{Param: standards.ParamPropertyLimits, Value: standards.PropertyLimits{
		Dibao: standards.PropertyLimit{FinancialAssetsMonths: dec("24"), MaxDwellings: 1}, HasDibao: true,
		Edge: standards.PropertyLimit{FinancialAssetsMonths: dec("36"), MaxDwellings: 1}, HasEdge: true,
	}})
	for _, tc := range []struct {
		deposit string
		status  eligibility.Status
	}{
		{"61199.99", eligibility.Dibao},
		{"61200", eligibility.Dibao},   // at the limit is within it
		{"61200.01", eligibility.Edge}, // over the 低保 limit, within 36 × 2550 = 91800
		{"91800.01", eligibility.NotEligible},
	} {
		h := family("2000")
		h.Property = []income.Property{{Kind: income.PropertyDeposit, Value: dec(tc.deposit), Member: "a"}}
		r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
		assert.Equal(t, tc.status, r.Status, tc.deposit)
	}
	// Two dwellings exceed the limit of one; an exempt one does not count.
	h := family("2000")
	h.Property = []income.Property{{Kind: income.PropertyDwelling, Value: dec("0"), Count: 2}}
	r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.NotEligible, r.Status)
	h.Property = append(h.Property[:0], income.Property{Kind: income.PropertyDwelling, Value: dec("0")},
		income.Property{Kind: income.PropertyDwelling, Value: dec("0"), Exempt: true})
	r = classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)

	// Without limits in the Set, property is not tested and says so.
	r = classify(t, baseSet(t), eligibility.Request{Household: family("2000"), Date: d("2023-06-01")})
	assert.False(t, r.Property[0].Tested)
}

// With the Set's switch on, rigid expenditure comes off income first:
// 3000 − 6000 ÷ 12 = 2500 < 2550.
func TestRigidExpenditureSwitch(t *testing.T) {
	h := family("3000")
	h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: dec("6000"), Member: "a"}}
	r := classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Edge, r.Status, "switch absent: off")
	on := reformed(t, standards.Change{Param: standards.ParamRigidExpenditureDeduction, Value: true})
	r = classify(t, on, eligibility.Request{Household: h, Date: d("2023-06-01")})
	assert.Equal(t, eligibility.Dibao, r.Status)
	assert.Equal(t, "500", r.Rigid.String())
	assert.Equal(t, "2500", r.Countable.String())
}

func TestMonitoringFlags(t *testing.T) {
	set := reformed(t, standards.Change{Param: standards.ParamMonitoring, Value: standards.Monitoring{
		NearThreshold: dec("1.2"), HasNearThreshold: true, SharpDrop: dec("0.3"), HasSharpDrop: true,
		RigidShare: dec("0.6"), HasRigidShare: true}})
	// Near the line: 2550 ≤ income < 1.2 × 2550 = 3060.
	for income, want := range map[string]bool{"2549.99": false, "2550": true, "3059.99": true, "3060": false} {
		r := classify(t, set, eligibility.Request{Household: family(income), Date: d("2023-06-01")})
		assert.Equal(t, want, contains(flags(r), "monitor.near_threshold"), income)
	}
	// A sharp drop: previous 4000; a fall of 30 % or more is income ≤ 2800.
	for income, want := range map[string]bool{"2800": true, "2800.01": false} {
		r := classify(t, set, eligibility.Request{Household: family(income), Date: d("2023-06-01"),
			Previous: &eligibility.Previous{Date: d("2022-06-01"), Countable: dec("4000")}})
		assert.Equal(t, want, contains(flags(r), "monitor.sharp_drop"), income)
	}
	// Rigid expenditure above 60 % of income: 3000 × 12 = 36000; 0.6 × 36000 = 21600.
	for spent, want := range map[string]bool{"21600": false, "21600.01": true} {
		h := family("3000")
		h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: dec(spent)}}
		r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01")})
		assert.Equal(t, want, contains(flags(r), "monitor.rigid_expenditure"), spent)
		assert.True(t, contains(flags(r), "referral.medical"))
	}
	// Newly ill and newly disabled members, and referrals.
	h := family("3000")
	h.Members[1].SeriousIllness = true
	h.Members[2].Disability = income.Disability{Category: income.DisabilityPhysical, Grade: 1}
	h.Members[2].Student = true
	r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01"),
		Previous: &eligibility.Previous{Date: d("2022-06-01"), Countable: dec("3000"), SeverelyDisabled: []string{"c"}}})
	assert.Contains(t, flags(r), "monitor.newly_ill@b")
	assert.NotContains(t, flags(r), "monitor.newly_disabled@c")
	assert.Contains(t, flags(r), "referral.education@c")
	assert.Contains(t, flags(r), "referral.medical")
	assert.NotContains(t, flags(r), "referral.employment@b") // b is 61: past working age
	// c, 33, able to work and without earnings, is referred to employment assistance.
	r = classify(t, set, eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	assert.Contains(t, flags(r), "referral.employment@c")
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func TestThresholdsAbsentAreReported(t *testing.T) {
	r := classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-01"),
		Previous: &eligibility.Previous{Countable: dec("5000")}})
	assert.ElementsMatch(t, []string{"monitor.near_threshold", "monitor.sharp_drop", "monitor.rigid_expenditure"}, r.Unevaluated)
}

func TestRequestErrors(t *testing.T) {
	set := baseSet(t)
	_, err := eligibility.Classify(eligibility.Request{Date: d("2023-06-01")}, set)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRequest)
	_, err = eligibility.Classify(eligibility.Request{Household: family("1")}, set)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRequest)
	_, err = eligibility.Classify(eligibility.Request{Household: family("1"), Date: d("2023-06-01"),
		Current: eligibility.Current{Status: eligibility.GradualExit}}, set)
	assert.ErrorIs(t, err, eligibility.ErrInvalidRequest)
	// Bad input from the income model.
	h := family("-1")
	_, err = eligibility.Classify(eligibility.Request{Household: h, Date: d("2023-06-01")}, set)
	assert.ErrorIs(t, err, income.ErrInvalidHousehold)
	// A region without a 低保 standard in the data: 龙沙区, 齐齐哈尔.
	h = family("1000")
	h.Region = standards.MustRegion("230202")
	_, err = eligibility.Classify(eligibility.Request{Household: h, Date: d("2023-06-01")}, set)
	var fe *income.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "region", fe.Path)
	assert.ErrorIs(t, err, standards.ErrNotCovered)
}

func TestExplanationAndJSON(t *testing.T) {
	r := classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	en := r.Explain(language.English)
	assert.Contains(t, en, "Countable income 3000 yuan is not below the standard 850 × 3 members = 2550 yuan (per 民发〔2021〕57号)")
	assert.Contains(t, en, "Decision: edge household (urban_edge_hardship)")
	assert.Contains(t, en, "source: 哈民政规〔2023〕6号 (official)")
	zh := r.Explain(language.SimplifiedChinese)
	assert.Contains(t, zh, "结论：低保边缘家庭")

	b, err := json.Marshal(r)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "edge", m["status"])
	assert.Equal(t, "2550", m["line"])
	assert.Equal(t, "3000", m["countable"])
	assert.Equal(t, "urban_edge_hardship", m["edge_band"])
	std := m["standard"].(map[string]any)
	assert.Equal(t, "850", std["value"])
	assert.Equal(t, "official", std["reliability"])
	var found bool
	for _, x := range m["reasons"].([]any) {
		rs := x.(map[string]any)
		if rs["code"] == "dibao.not_below_line" {
			found = true
			assert.Equal(t, "2550", rs["figures"].(map[string]any)["line"])
			assert.Equal(t, "民发〔2021〕57号", rs["cite"])
		}
	}
	assert.True(t, found)
}
