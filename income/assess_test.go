package income_test

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Income is averaged over the 12 months before the assessment month
// (民发〔2021〕57号).
func TestWindow(t *testing.T) {
	for _, tc := range []struct{ date, from, to string }{
		{"2023-06-18", "2022-06-01", "2023-05-31"},
		{"2023-06-01", "2022-06-01", "2023-05-31"},
		{"2024-03-01", "2023-03-01", "2024-02-29"}, // 2024 is a leap year
		{"2025-01-31", "2024-01-01", "2024-12-31"},
	} {
		h := household("230102", member("a", "1970-01-01", income.RelationApplicant))
		h.Area = standards.AreaRural
		a := assess(t, h, testSet(t), tc.date)
		assert.Equal(t, tc.from, a.WindowFrom.String(), tc.date)
		assert.Equal(t, tc.to, a.WindowTo.String(), tc.date)
		assert.Equal(t, d(tc.date), a.Date)
		assert.Equal(t, r("230102"), a.Region)
		assert.Equal(t, standards.AreaRural, a.Area)
		assert.Equal(t, 1, a.Size)
		assert.True(t, a.Countable.IsZero())
		require.NotEmpty(t, a.Steps)
		assert.Equal(t, explain.StepWindow, a.Steps[0].Code)
	}
}

// Every period converts to a monthly figure exactly: a monthly rate as it
// is; a figure for the year and a total received within the 12 months ÷ 12.
func TestPeriodConversions(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      income.Income
		monthly string // exact
		display string
	}{
		{"monthly", monthly(standards.IncomePension, "1200"), "1200", "1200.00"},
		{"annual 14400", annual(standards.IncomePension, "14400"), "1200", "1200.00"},            // 14400 ÷ 12
		{"total 14400", item(standards.IncomePension, "14400", income.Total), "1200", "1200.00"}, // 14400 ÷ 12
		// A total received in 6 of the months is still ÷ 12: 14400 ÷ 12 = 1200.
		{"total 14400 in 6 months", item(standards.IncomePension, "14400", income.TotalOver(6)), "1200", "1200.00"},
		// 7200 ÷ 12 = 600, not 7200 ÷ 6.
		{"total 7200 in 6 months", item(standards.IncomePension, "7200", income.TotalOver(6)), "600", "600.00"},
		// 3500 ÷ 12 = 291.666… = 875/3: not a finite decimal, kept exact.
		{"annual 3500", annual(standards.IncomePension, "3500"), "875/3", "291.67"},
		// 4020 ÷ 12 = 335 exactly.
		{"annual 4020", annual(standards.IncomePension, "4020"), "335", "335.00"},
		// 100 ÷ 12 = 25/3 = 8.333…
		{"total 100 in 1 month", item(standards.IncomePension, "100", income.TotalOver(1)), "25/3", "8.33"},
		// 0.01 ÷ 12 = 1/1200 yuan.
		{"annual 0.01", annual(standards.IncomePension, "0.01"), "1/1200", "0.00"},
		// 0.06 ÷ 12 = 0.005 yuan: a finite decimal, written as one.
		{"annual 0.06", annual(standards.IncomePension, "0.06"), "0.005", "0.01"},
		// 9,999,999.99 ÷ 12 = 833,333.3325
		{"annual 9999999.99", annual(standards.IncomePension, "9999999.99"), "833333.3325", "833333.33"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := assess(t, applicant(tc.in), testSet(t), "2023-06-01")
			require.Len(t, a.Lines, 1)
			assert.Equal(t, tc.monthly, exact(a.Lines[0].Monthly))
			assert.Equal(t, tc.monthly, exact(a.Lines[0].MonthlyVerified))
			assert.Equal(t, tc.monthly, exact(a.Countable))
			assert.Equal(t, tc.display, show(a.Countable))
			// × 12 gives the figure for the year back exactly.
			if tc.in.Period.Unit != income.PerMonth {
				back, ok := a.Countable.MulInt(12)
				require.True(t, ok)
				assert.Equal(t, tc.in.Amount, back)
			}
		})
	}
}

// Excluded kinds come from the Set (民发〔2021〕57号): special-care pensions,
// family-planning awards, scholarships, heroism awards, social-assistance
// money, and — through 2025-12-31 only — the central basic pension of the
// resident scheme.
func TestExcludedKinds(t *testing.T) {
	for _, tc := range []struct {
		date      string
		excluded  string
		countable string
	}{
		// pension 1000 counted; special-care 500 and resident basic 150 excluded.
		{"2025-12-30", "650", "1000"},
		{"2025-12-31", "650", "1000"},
		// From 2026-01-01 the resident basic pension counts: 1000 + 150.
		{"2026-01-01", "500", "1150"},
	} {
		t.Run(tc.date, func(t *testing.T) {
			h := applicant(
				monthly(standards.IncomePension, "1000"),
				monthly(standards.IncomeSpecialCarePension, "500"),
				monthly(standards.IncomeResidentPensionBasic, "150"))
			a := assess(t, h, testSet(t), tc.date)
			assert.Equal(t, tc.excluded, exact(a.Excluded))
			assert.Equal(t, tc.countable, exact(a.Countable))
			assert.Equal(t, tc.countable, exact(a.Gross))
			require.Len(t, a.Lines, 3)
			assert.Equal(t, income.Counted, a.Lines[0].Treatment)
			assert.Equal(t, income.Excluded, a.Lines[1].Treatment)
			assert.Equal(t, "500", exact(a.Lines[1].Monthly), "an excluded line shows its monthly amount")
			wantBasic := income.Excluded
			if tc.date == "2026-01-01" {
				wantBasic = income.Counted
			}
			assert.Equal(t, wantBasic, a.Lines[2].Treatment)
			n := 0
			for _, s := range a.Steps {
				if s.Code == explain.StepExcludedMonthly {
					n++
					assert.Equal(t, "民发〔2021〕57号", s.Citation().Document)
					require.Len(t, s.Params, 1)
					assert.Equal(t, standards.ParamExcludedIncomeKinds.Name(), s.Params[0].Key.Name())
				}
			}
			assert.Equal(t, len(stepsOf(a, string(explain.StepExcludedMonthly))), n)
			assert.Equal(t, map[string]int{"2025-12-30": 2, "2025-12-31": 2, "2026-01-01": 1}[tc.date], n)
		})
	}
	// Every listed kind, in every period: 1200 a month, 14400 a year or in
	// total are all 1200 a month, listed and not counted.
	for _, k := range []standards.IncomeKind{standards.IncomeSpecialCarePension, standards.IncomeFamilyPlanning,
		standards.IncomeScholarship, standards.IncomeHeroismAward, standards.IncomeSocialAssistance} {
		for _, in := range []income.Income{monthly(k, "1200"), annual(k, "14400"), item(k, "14400", income.TotalOver(4))} {
			a := assess(t, applicant(monthly(standards.IncomePension, "100"), in), testSet(t), "2026-06-01")
			assert.Equal(t, "1200", exact(a.Excluded), "%s %s", k, in.Period.Unit)
			assert.Equal(t, "100", exact(a.Countable), "%s", k)
			assert.Equal(t, income.Excluded, a.Lines[1].Treatment)
		}
	}
}

// R12: support received counts, support paid is deducted, each with its
// basis.
func TestSupportPaidAndReceived(t *testing.T) {
	a1 := member("a", "1970-01-01", income.RelationApplicant, monthly(standards.IncomePension, "1000"),
		support(standards.IncomeSupportReceived, "300", income.Monthly, income.SupportByCourtOrder))
	b := member("b", "1995-01-01", income.RelationChild,
		support(standards.IncomeSupportPaid, "1200", income.Annual, income.SupportByAgreement))
	a := assess(t, household("230102", a1, b), testSet(t), "2023-06-01")
	// 1000 + 300 counted; 1200 ÷ 12 = 100 paid and deducted: 1300 − 100 = 1200.
	assert.Equal(t, "1300", exact(a.Gross))
	assert.Equal(t, "100", exact(a.SupportPaid))
	assert.Equal(t, "1200", exact(a.Countable))
	require.Len(t, a.Members, 2)
	assert.Equal(t, "1300", exact(a.Members[0].Countable))
	assert.Equal(t, "-100", exact(a.Members[1].Countable))
	assert.Equal(t, "b", a.Members[1].ID)
	require.Len(t, a.Lines, 3)
	assert.Equal(t, income.SupportPaid, a.Lines[2].Treatment)
	assert.Equal(t, "-100", exact(a.Lines[2].Monthly))

	require.Len(t, stepsOf(a, string(explain.StepSupportReceivedMonthly)), 1)
	paid := stepsOf(a, string(explain.StepSupportPaidAnnual))
	require.Len(t, paid, 1)
	zh := explain.Render(a.Steps[paid[0]:paid[0]+1], language.Chinese)
	assert.Contains(t, zh, "依据协议")
	assert.Contains(t, zh, "黑民规〔2021〕11号 四（八）")
	en := explain.Render(a.Steps[paid[0]:paid[0]+1], language.English)
	assert.Contains(t, en, "by agreement")
	assert.Contains(t, en, "HLJ-2021-11 §4(8)")

	// A total of support paid is ÷ 12 too: 3000 in 5 months → 250 a month.
	b.Incomes[0] = support(standards.IncomeSupportPaid, "3000", income.TotalOver(5), income.SupportAssessedByLaw)
	a = assess(t, household("230102", a1, b), testSet(t), "2023-06-01")
	assert.Equal(t, "250", exact(a.SupportPaid))
	assert.Equal(t, "1050", exact(a.Countable)) // 1300 − 250
	require.Len(t, stepsOf(a, string(explain.StepSupportPaidTotal)), 1)

	// Without a basis, support is refused (R12).
	b.Incomes[0].Basis = income.SupportBasisUnset
	_, err := income.Assess(household("230102", a1, b), testSet(t), d("2023-06-01"), income.Options{})
	requireProblem(t, err, "members[1].incomes[0].basis", problem.Required)
}

// R13: two months of the minimum wage of the place of work a year, i.e.
// 2 × wage ÷ 12 a month, at most the wage income. 双城区 (230113) is 三档
// (1750) from 2024-05-01 and 二档 (2010) from 2025-12-01 (policy §3).
func TestEmploymentDeduction(t *testing.T) {
	for _, tc := range []struct {
		date      string
		deduction string // exact, yuan a month
		countable string
	}{
		// 2 × 1750 = 3500 a year; 3500 ÷ 12 = 875/3 (291.67); 3000 − 875/3 = 8125/3.
		{"2024-06-01", "875/3", "8125/3"},
		{"2025-11-30", "875/3", "8125/3"},
		// 2 × 2010 = 4020 a year; 4020 ÷ 12 = 335; 3000 − 335 = 2665.
		{"2025-12-01", "335", "2665"},
		{"2025-12-02", "335", "2665"},
	} {
		t.Run(tc.date, func(t *testing.T) {
			a := assess(t, household("230113", worker("a", "3000", "230113")), testSet(t), tc.date)
			assert.Equal(t, "3000", exact(a.Gross))
			assert.Equal(t, tc.deduction, exact(a.EmploymentDeduction))
			assert.Equal(t, tc.countable, exact(a.Countable))
			assert.Equal(t, tc.countable, exact(a.CountableVerified))
			require.Len(t, a.Lines, 2)
			l := a.Lines[1]
			assert.Equal(t, income.EmploymentDeduction, l.Treatment)
			assert.Equal(t, -1, l.Item)
			assert.Equal(t, standards.IncomeWage, l.Kind)
			assert.Equal(t, "-"+tc.deduction, exact(l.Monthly))
			i := stepsOf(a, string(explain.StepEmploymentDeduction))
			require.Len(t, i, 1)
			s := a.Steps[i[0]]
			assert.Equal(t, "a", s.Member)
			place, ok := s.Arg("place")
			require.True(t, ok)
			assert.Equal(t, "230113", place.Value())
			require.Len(t, s.Params, 3, "the months, the place's tier and the wage")
		})
	}
}

// The deduction uses the minimum wage of the place of work, not of the
// residence: a household in 道里区 (230102, 一档) whose member works in
// 双城区 (230113, 三档 then 二档).
func TestWorkplaceTierNotResidence(t *testing.T) {
	for _, tc := range []struct{ date, deduction string }{
		// 2 × 1750 ÷ 12 = 875/3 — not 道里区's 2 × 2080 ÷ 12 = 1040/3.
		{"2024-06-01", "875/3"},
		// 2 × 2010 ÷ 12 = 335 — not 道里区's 2 × 2270 ÷ 12 = 1135/3.
		{"2025-12-01", "335"},
	} {
		a := assess(t, household("230102", worker("a", "3000", "230113")), testSet(t), tc.date)
		assert.Equal(t, tc.deduction, exact(a.EmploymentDeduction), tc.date)
	}
	// And the other way round: living in 双城区, working in 道里区 (一档).
	a := assess(t, household("230113", worker("a", "3000", "230102")), testSet(t), "2024-06-01")
	assert.Equal(t, "1040/3", exact(a.EmploymentDeduction)) // 2 × 2080 ÷ 12
}

// Several earners each get their own deduction, at their own place of work.
func TestSeveralEarners(t *testing.T) {
	b := worker("b", "1800", "230184") // 五常市, a 县(市): 三档 1910 from 2025-12-01
	b.Relation = income.RelationSpouse
	c := worker("c", "100", "230113") // 双城区: 二档 2010
	c.Relation = income.RelationChild
	h := household("230102", worker("a", "2500", "230102"), b, c) // 道里区: 一档 2270
	a := assess(t, h, testSet(t), "2025-12-01")
	// a: 2 × 2270 ÷ 12 = 4540/12 = 1135/3 (378.33…)
	// b: 2 × 1910 ÷ 12 = 3820/12 = 955/3 (318.33…)
	// c: 2 × 2010 ÷ 12 = 335, capped at the wage of 100.
	// Deductions: 1135/3 + 955/3 + 100 = 2090/3 + 300/3 = 2390/3.
	// Countable: 4400 − 2390/3 = (13200 − 2390)/3 = 10810/3 (3603.33…).
	assert.Equal(t, "4400", exact(a.Gross))
	assert.Equal(t, "2390/3", exact(a.EmploymentDeduction))
	assert.Equal(t, "10810/3", exact(a.Countable))
	require.Len(t, a.Members, 3)
	assert.Equal(t, "6365/3", exact(a.Members[0].Countable)) // 2500 − 1135/3 = (7500 − 1135)/3
	assert.Equal(t, "4445/3", exact(a.Members[1].Countable)) // 1800 − 955/3 = (5400 − 955)/3
	assert.Equal(t, "0", exact(a.Members[2].Countable))      // 100 − 100
	assert.Len(t, stepsOf(a, string(explain.StepEmploymentDeduction)), 3)
}

func TestDeductionCappedAtTheWage(t *testing.T) {
	m := worker("a", "200", "230102")
	m.Incomes = append(m.Incomes, monthly(standards.IncomePension, "500"))
	a := assess(t, household("230102", m), testSet(t), "2025-12-01")
	// The full deduction would be 2 × 2270 ÷ 12 = 1135/3 (378.33…); the wage
	// is 200, so 200 is deducted and the pension is untouched.
	assert.Equal(t, "200", exact(a.EmploymentDeduction))
	assert.Equal(t, "500", exact(a.Countable))
	// Wage items add up before the cap: 200 + 300 = 500 > 1135/3.
	m.Incomes = append(m.Incomes, wage("300"))
	a = assess(t, household("230102", m), testSet(t), "2025-12-01")
	assert.Equal(t, "1135/3", exact(a.EmploymentDeduction))
	assert.Equal(t, "1865/3", exact(a.Countable)) // 200 + 300 + 500 − 1135/3 = (3000 − 1135)/3
}

// A prefecture can be the place of work when all its counties share one
// tier (大兴安岭地区, 232700); Harbin (230100) cannot: its counties sit in
// different tiers.
func TestPrefectureAsPlaceOfWork(t *testing.T) {
	// 大兴安岭地区: 三档 1750 from 2024-05-01 (2 × 1750 ÷ 12 = 875/3), 二档 2010 from 2025-12-01 (335).
	for date, want := range map[string]string{"2024-06-01": "875/3", "2025-12-01": "335"} {
		a := assess(t, household("230102", worker("a", "3000", "232700")), testSet(t), date)
		assert.Equal(t, want, exact(a.EmploymentDeduction), date)
	}
	_, err := income.Assess(household("230102", worker("a", "3000", "230100")), testSet(t), d("2024-06-01"), income.Options{})
	requireProblem(t, err, "members[0].workplace", problem.Ambiguous)
}

// A caregiver (labour full, wage 1200 earned in 道里区 on 2024-06-01) caring
// for a child, with a grandparent's pension of 600.
func caregiverHousehold() *income.Household {
	carer := worker("carer", "1200", "230102")
	carer.CaresFor = []string{"kid"}
	kid := dependent("kid", "2020-01-01", income.RelationChild)
	gran := dependent("gran", "1950-01-01", income.RelationParent, monthly(standards.IncomePension, "600"))
	return household("230102", carer, kid, gran)
}

// R14: a caregiver's labour income counts at the caregiver factor.
func TestCaregiverExemption(t *testing.T) {
	// 一档 2080 from 2024-05-01: deduction 2 × 2080 ÷ 12 = 4160/12 = 1040/3;
	// the carer's labour income after it: 1200 − 1040/3 = 2560/3 (853.33…).
	for _, tc := range []struct {
		name      string
		set       *standards.Set
		caseLevel string
		reduction string
		countable string
	}{
		// Factor 0: none of 2560/3 counts; countable = the pension, 600.
		{"factor 0", withFactor(t, "0"), "", "2560/3", "600"},
		// Factor 0.5: half of 2560/3 = 1280/3 does not count; 600 + 1280/3 = 3080/3 (1026.66…).
		{"factor 0.5", testSet(t), "", "1280/3", "3080/3"},
		// A case-level 0.3 overrides the Set's 0.5: 70 % of 2560/3 = 1792/3 does
		// not count; 600 + 30 % of 2560/3 = 600 + 768/3 = 600 + 256 = 856.
		{"case-level 0.3", testSet(t), "0.3", "1792/3", "856"},
		// A case-level 1 overrides the Set's 0: everything counts, 600 + 2560/3 = 4360/3.
		{"case-level 1", withFactor(t, "0"), "1", "0", "4360/3"},
		// Factor 1: everything counts.
		{"factor 1", withFactor(t, "1"), "", "0", "4360/3"},
		// Factor 0.25: 75 % of 2560/3 = 640 does not count; 600 + 640/3 = 2440/3.
		{"factor 0.25", withFactor(t, "0.25"), "", "640", "2440/3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := caregiverHousehold()
			if tc.caseLevel != "" {
				h.CaregiverFactor, h.HasCaregiverFactor = rate(tc.caseLevel), true
			}
			a := assess(t, h, tc.set, "2024-06-01")
			assert.Equal(t, "1040/3", exact(a.EmploymentDeduction))
			assert.Equal(t, tc.reduction, exact(a.CaregiverReduction))
			assert.Equal(t, tc.countable, exact(a.Countable))
			assert.Equal(t, tc.countable, exact(a.CountableVerified))
			i := stepsOf(a, string(explain.StepCaregiver))
			require.Len(t, i, 1)
			step := a.Steps[i[0]]
			assert.Equal(t, "黑民规〔2021〕11号 四（八）", step.Citation().String())
			assert.Equal(t, "carer", step.Member)
			text := explain.Render(a.Steps[i[0]:i[0]+1], language.English)
			assert.Contains(t, text, "caring for kid", "names the cared-for member")
			assert.Contains(t, text, "HLJ-2021-11 §4(8)")
			require.Len(t, step.Params, 1)
			assert.Equal(t, tc.caseLevel != "", step.Params[0].CaseLevel)
			assert.Equal(t, standards.ParamCaregiverIncomeFactor.Name(), step.Params[0].Key.Name())
			if tc.caseLevel != "" {
				assert.Contains(t, text, "(set for this case)")
			} else {
				assert.NotContains(t, text, "(set for this case)")
			}
			// The carer's lines: the wage, the deduction, the reduction.
			require.Len(t, a.Lines, 4)
			cr := a.Lines[2]
			assert.Equal(t, income.CaregiverReduction, cr.Treatment)
			assert.Equal(t, 0, cr.Member)
			assert.Equal(t, -1, cr.Item)
			assert.Equal(t, tc.reduction, exact(cr.Monthly.Neg()))
		})
	}
}

// Business income is labour income too; other income is not reduced.
func TestCaregiverBusinessIncome(t *testing.T) {
	h := caregiverHousehold()
	h.Members[0].Workplace = standards.Region{}
	h.Members[0].Incomes = []income.Income{
		monthly(standards.IncomeBusinessNet, "1200"),
		monthly(standards.IncomeCompensation, "400"),
	}
	a := assess(t, h, testSet(t), "2024-06-01")
	// No wage, no deduction. Half of the business income, 600, does not
	// count; 1200 + 400 + 600 (pension) − 600 = 1600.
	assert.True(t, a.EmploymentDeduction.IsZero())
	assert.Equal(t, "600", exact(a.CaregiverReduction))
	assert.Equal(t, "1600", exact(a.Countable))
}

// A member without labour capacity gets no R14 reduction: the rule is for
// members who could work but must care for someone.
func TestCaregiverWithoutLabourCapacity(t *testing.T) {
	for _, l := range []income.Labour{income.LabourNone} {
		h := caregiverHousehold()
		h.Members[0].Labour = l
		a := assess(t, h, testSet(t), "2024-06-01")
		assert.True(t, a.CaregiverReduction.IsZero())
		assert.Equal(t, "4360/3", exact(a.Countable)) // 600 + 2560/3
		assert.Empty(t, stepsOf(a, string(explain.StepCaregiver)))
	}
	// Partial capacity is capacity: 1200 − 1040/3 = 2560/3, half of it not counted.
	h := caregiverHousehold()
	h.Members[0].Labour = income.LabourPartial
	a := assess(t, h, testSet(t), "2024-06-01")
	assert.Equal(t, "1280/3", exact(a.CaregiverReduction))
}

// The embedded data has no caregiver factor (policy §4: how much is
// "counted less" is unsettled). Without a case-level factor the standards
// cannot decide: a not_covered problem at the caregiver's cares_for whose
// message names the household's caregiver_factor.
func TestCaregiverFactorMissing(t *testing.T) {
	_, err := income.Assess(caregiverHousehold(), heilongjiangSet(t), d("2024-06-01"), income.Options{})
	pe := requireProblem(t, err, "members[0].cares_for", problem.NotCovered)
	assert.ErrorIs(t, err, problem.ErrNotCovered)
	assert.NotErrorIs(t, err, problem.ErrInvalid)
	for _, p := range pe.Problems {
		if p.Path == "members[0].cares_for" {
			assert.Contains(t, p.Message.EN, "caregiver_factor")
			assert.Contains(t, p.Message.ZH, "caregiver_factor")
		}
	}
	// … but a case-level factor is enough: factor 0 leaves the pension, 600.
	h := caregiverHousehold()
	h.CaregiverFactor, h.HasCaregiverFactor = money.Rate{}, true
	a, err := income.Assess(h, heilongjiangSet(t), d("2024-06-01"), income.Options{})
	require.NoError(t, err)
	assert.Equal(t, "600", exact(a.Countable))
	// A caregiver without labour income needs no factor.
	h = caregiverHousehold()
	h.Members[0].Incomes = nil
	h.Members[0].Workplace = standards.Region{}
	a, err = income.Assess(h, heilongjiangSet(t), d("2024-06-01"), income.Options{})
	require.NoError(t, err)
	assert.Equal(t, "600", exact(a.Countable))
}

// R11: suspicions from data matching are counted in one total and left out
// of the other.
func TestSuspectedItems(t *testing.T) {
	m := worker("a", "3000", "230113")
	m.Incomes = append(m.Incomes, suspected(monthly(standards.IncomePension, "500")))
	a := assess(t, household("230113", m), testSet(t), "2025-12-01")
	// Every item: 3000 + 500 − 335 = 3165; verified only: 3000 − 335 = 2665.
	assert.Equal(t, "3165", exact(a.Countable))
	assert.Equal(t, "2665", exact(a.CountableVerified))
	assert.True(t, a.Suspected)
	assert.False(t, a.Lines[1].Verified)
	assert.Equal(t, "500", exact(a.Lines[1].Monthly))
	assert.True(t, a.Lines[1].MonthlyVerified.IsZero())
	assert.Equal(t, "3165", exact(a.Members[0].Countable))
	assert.Equal(t, "2665", exact(a.Members[0].CountableVerified))
	zh := explainText(a, "zh")
	assert.Contains(t, zh, "疑点信息，尚未核实")
	assert.Contains(t, zh, "只计已核实项目时，家庭月收入为 2665.00 元")

	// Nothing suspected: no such step, and the totals agree.
	b := assess(t, household("230113", worker("a", "3000", "230113")), testSet(t), "2025-12-01")
	assert.False(t, b.Suspected)
	assert.Empty(t, stepsOf(b, string(explain.StepTotalVerified)))
}

// An unverified wage: the deduction follows the wage in each total.
func TestSuspectedWage(t *testing.T) {
	m := worker("a", "3000", "230113")
	m.Incomes[0] = suspected(m.Incomes[0])
	m.Incomes = append(m.Incomes, monthly(standards.IncomePension, "400"))
	a := assess(t, household("230113", m), testSet(t), "2025-12-01")
	assert.Equal(t, "3065", exact(a.Countable))        // 3000 + 400 − 335
	assert.Equal(t, "400", exact(a.CountableVerified)) // the wage and its deduction both drop out
	// Half the wage verified: 1000 verified, 2000 suspected. Every item:
	// 3000 + 400 − 335 = 3065; verified: 1000 + 400 − 335 = 1065.
	m.Incomes[0] = wage("1000")
	m.Incomes = append(m.Incomes, suspected(wage("2000")))
	a = assess(t, household("230113", m), testSet(t), "2025-12-01")
	assert.Equal(t, "3065", exact(a.Countable))
	assert.Equal(t, "1065", exact(a.CountableVerified))
	// Verified wage below the deduction: 100 verified + 2900 suspected;
	// verified: 100 − min(335, 100) + 400 = 400.
	m.Incomes[0] = wage("100")
	m.Incomes[2] = suspected(wage("2900"))
	a = assess(t, household("230113", m), testSet(t), "2025-12-01")
	assert.Equal(t, "3065", exact(a.Countable))
	assert.Equal(t, "400", exact(a.CountableVerified))
}

func TestNegativeTotalIsFloored(t *testing.T) {
	h := applicant(monthly(standards.IncomePension, "300"),
		support(standards.IncomeSupportPaid, "500", income.Monthly, income.SupportByCourtOrder))
	a := assess(t, h, testSet(t), "2023-06-01")
	// 300 − 500 = −200, counted as 0.
	assert.True(t, a.Floored)
	assert.True(t, a.Countable.IsZero())
	assert.True(t, a.CountableVerified.IsZero())
	assert.Equal(t, "300", exact(a.Gross))
	assert.Equal(t, "500", exact(a.SupportPaid))
	assert.Equal(t, "-200", exact(a.Members[0].Countable))
	assert.Contains(t, explainText(a, "en"), "Countable income came to -200.00 yuan, below zero, and counts as 0")
	assert.Contains(t, explainText(a, "zh"), "家庭月收入计算为 -200.00 元，低于零，按 0 元计")

	// Exactly zero is not floored.
	h.Members[0].Incomes[1].Amount = yuan("300")
	a = assess(t, h, testSet(t), "2023-06-01")
	assert.False(t, a.Floored)
	assert.True(t, a.Countable.IsZero())
}

func TestBusinessLoss(t *testing.T) {
	h := applicant(monthly(standards.IncomePension, "1500"), annual(standards.IncomeBusinessNet, "-2400"))
	a := assess(t, h, testSet(t), "2023-06-01")
	assert.Equal(t, "1300", exact(a.Countable)) // 1500 − 2400 ÷ 12 = 1500 − 200
	assert.Equal(t, "1300", exact(a.Gross), "a loss is counted income below zero")
	// Property net income may be negative too: −600 ÷ 12 = −50.
	h.Members[0].Incomes = append(h.Members[0].Incomes, annual(standards.IncomePropertyNet, "-600"))
	a = assess(t, h, testSet(t), "2023-06-01")
	assert.Equal(t, "1250", exact(a.Countable))
}

// The per-capita figure is for display, rounded by the Set's rule.
func TestPerCapita(t *testing.T) {
	h := household("230102",
		dependent("a", "1950-01-01", income.RelationApplicant, monthly(standards.IncomePension, "1000")),
		dependent("b", "1952-01-01", income.RelationSpouse), dependent("c", "1980-01-01", income.RelationChild))
	a := assess(t, h, testSet(t), "2023-06-01")
	// 1000 ÷ 3 = 333.333…, shown as 333.33 by fen half up; the countable
	// income itself stays 1000.
	assert.Equal(t, "1000", exact(a.Countable))
	assert.True(t, a.HasPerCapita)
	assert.Equal(t, "333.33", exact(a.PerCapita))
	require.Len(t, stepsOf(a, string(explain.StepPerCapita)), 1)

	// 10000 a year: 10000 ÷ 12 = 2500/3 a month; per capita 2500/9 = 277.777… → 277.78.
	h.Members[0].Incomes[0] = annual(standards.IncomePension, "10000")
	a = assess(t, h, testSet(t), "2023-06-01")
	assert.Equal(t, "2500/3", exact(a.Countable))
	assert.Equal(t, "277.78", exact(a.PerCapita))
	// Thresholds compare without dividing: 2500/3 < 850 × 3 = 2550; and
	// 2500/3 = 833.33… lies below 277.78 × 3 = 833.34.
	assert.Equal(t, -1, a.Countable.Cmp(yuan("2550")))
	assert.Equal(t, -1, a.Countable.Cmp(yuan("833.34")))
	assert.Equal(t, 1, a.Countable.Cmp(yuan("833.33")))
	assert.Contains(t, explainText(a, "en"), "833.33 ÷ 3 members")

	// The embedded data declares no per-capita rounding: no figure, and the
	// explanation says so with an approximate 1000 ÷ 3 = 333.33.
	h.Members[0].Incomes[0] = monthly(standards.IncomePension, "1000")
	a, err := income.Assess(h, heilongjiangSet(t), d("2023-06-01"), income.Options{Explain: true})
	require.NoError(t, err)
	assert.False(t, a.HasPerCapita)
	assert.True(t, a.PerCapita.IsZero())
	require.Len(t, stepsOf(a, string(explain.StepPerCapitaExact)), 1)
	assert.Contains(t, explainText(a, "en"), "about 333.33 yuan")
}

// Lines list every item and every deduction, by member.
func TestLines(t *testing.T) {
	m := worker("a", "3000", "230113")
	m.Incomes = append(m.Incomes, wage("500"),
		suspected(annual(standards.IncomePension, "1200")),
		monthly(standards.IncomeScholarship, "100"))
	gran := dependent("g", "1950-01-01", income.RelationParent, monthly(standards.IncomePension, "700"))
	a := assess(t, household("230113", m, gran), testSet(t), "2025-12-01")
	type row struct {
		member, item int
		kind         string
		treatment    string
		all, ver     string
		verified     bool
	}
	var got []row
	for _, l := range a.Lines {
		got = append(got, row{l.Member, l.Item, l.Kind.String(), l.Treatment.String(), exact(l.Monthly), exact(l.MonthlyVerified), l.Verified})
	}
	assert.Equal(t, []row{
		{0, 0, "wage", "counted", "3000", "3000", true},
		{0, 1, "wage", "counted", "500", "500", true},
		{0, 2, "pension", "counted", "100", "0", false},               // 1200 ÷ 12, suspected
		{0, 3, "scholarship", "excluded", "100", "100", true},         // an excluded kind, listed
		{0, -1, "wage", "employment_deduction", "-335", "-335", true}, // 2 × 2010 ÷ 12
		{1, 0, "pension", "counted", "700", "700", true},
	}, got)
	// 3500 + 100 + 700 − 335 = 3965; verified: 3500 + 700 − 335 = 3865.
	assert.Equal(t, "3965", exact(a.Countable))
	assert.Equal(t, "3865", exact(a.CountableVerified))
	assert.Equal(t, "100", exact(a.Excluded))
	assert.Equal(t, "4300", exact(a.Gross))
	assert.Equal(t, []income.MemberTotal{
		{ID: "a", Countable: yuan("3265"), CountableVerified: yuan("3165")}, // 3600 − 335; 3500 − 335
		{ID: "g", Countable: yuan("700"), CountableVerified: yuan("700")},
	}, a.Members)
}

// validJSON assessed on 2024-06-01, by hand:
//
//	a: wage 3000 at 道里区 (一档 2080): deduction 2 × 2080 ÷ 12 = 1040/3;
//	   support paid 1200 ÷ 12 = 100; a cares for c (a minor), factor 0.5:
//	   labour income 3000 − 1040/3 = 7960/3, half of it, 3980/3, not counted.
//	b: pension 7200 received in 6 months, ÷ 12 = 600, suspected.
//	Gross 3000 + 600 = 3600.
//	Countable 3600 − 100 − 1040/3 − 3980/3 = 3500 − 5020/3 = 5480/3 (1826.67).
//	Verified  3000 − 100 − 1040/3 − 3980/3 = 2900 − 5020/3 = 3680/3 (1226.67).
//	Per capita 5480/9 = 608.888… → 608.89.
func TestAssessJSON(t *testing.T) {
	a, err := income.AssessJSON([]byte(validJSON), testSet(t), d("2024-06-01"), income.Options{Explain: true})
	require.NoError(t, err)
	assert.Equal(t, "3600", exact(a.Gross))
	assert.Equal(t, "100", exact(a.SupportPaid))
	assert.Equal(t, "1040/3", exact(a.EmploymentDeduction))
	assert.Equal(t, "3980/3", exact(a.CaregiverReduction))
	assert.Equal(t, "5480/3", exact(a.Countable))
	assert.Equal(t, "3680/3", exact(a.CountableVerified))
	assert.Equal(t, "608.89", exact(a.PerCapita))
	assert.True(t, a.Suspected)
	assert.Equal(t, 3, a.Size)
	require.Len(t, a.Members, 3)
	assert.Equal(t, "3680/3", exact(a.Members[0].Countable))
	assert.Equal(t, "600", exact(a.Members[1].Countable))
	assert.Equal(t, "0", exact(a.Members[1].CountableVerified))
	assert.Equal(t, "0", exact(a.Members[2].Countable))

	// The Go value gives the same.
	b, err := income.Assess(validHousehold(), testSet(t), d("2024-06-01"), income.Options{Explain: true})
	require.NoError(t, err)
	assert.Equal(t, a, b)
}

func TestMissingStandards(t *testing.T) {
	set := testSet(t)
	for _, tc := range []struct {
		name       string
		h          *income.Household
		date       string
		path       string
		code       problem.Code
		notCovered bool
	}{
		// A place of work outside the division register.
		{"place of work outside the register", household("230102", worker("a", "3000", "110101")), "2025-12-01",
			"members[0].workplace", problem.UnknownRegion, false},
		// The excluded income kinds are in force from 2021-01-01: before
		// that the standards cannot assess any income.
		{"before the excluded kinds", household("230102", worker("a", "3000", "230113")), "2020-12-31",
			"region", problem.NotCovered, true},
		// A household region outside the register.
		{"region outside the register", household("110101", member("a", "1970-01-01", income.RelationApplicant)), "2023-06-01",
			"region", problem.UnknownRegion, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := income.Assess(tc.h, set, d(tc.date), income.Options{})
			requireProblem(t, err, tc.path, tc.code)
			if tc.notCovered {
				assert.ErrorIs(t, err, problem.ErrNotCovered)
			} else {
				assert.ErrorIs(t, err, problem.ErrInvalid, "a code not in the register is the input's mistake")
			}
		})
	}
	// The 2017 tiers and wages hold until 2024-04-30 (policy §3): 道里区
	// 一档 1680, 双城区 三档 1270, 呼兰区 二档 1450.
	for _, tc := range []struct{ date, place, deduction string }{
		{"2023-06-01", "230102", "280"},    // 2 × 1680 ÷ 12
		{"2024-04-30", "230102", "280"},    // the last day of the 2017 wages
		{"2024-05-01", "230102", "1040/3"}, // 2 × 2080 ÷ 12 = 4160/12
		{"2023-06-01", "230113", "635/3"},  // 2 × 1270 ÷ 12 = 2540/12
		{"2023-06-01", "230111", "725/3"},  // 2 × 1450 ÷ 12 = 2900/12
	} {
		a := assess(t, household("230102", worker("a", "3000", tc.place)), set, tc.date)
		assert.Equal(t, tc.deduction, exact(a.EmploymentDeduction), "%s on %s", tc.place, tc.date)
	}
	// NotCovered passes other errors through.
	assert.Nil(t, income.NotCovered("x", nil))
	other := errors.New("other")
	assert.Equal(t, other, income.NotCovered("x", other))
}

// Figures do not depend on the explanation.
func TestExplainDoesNotChangeFigures(t *testing.T) {
	set := testSet(t)
	for _, date := range []string{"2024-06-01", "2025-12-01"} {
		for _, h := range []*income.Household{caregiverHousehold(), validHousehold()} {
			with, err := income.Assess(h, set, d(date), income.Options{Explain: true})
			require.NoError(t, err)
			without, err := income.Assess(h, set, d(date), income.Options{})
			require.NoError(t, err)
			assert.Empty(t, without.Steps)
			assert.NotEmpty(t, with.Steps)
			with.Steps, without.Steps = nil, nil
			assert.Equal(t, with, without)
		}
	}
}

// KnownOn reaches every lookup. The 2025-12-01 wages and tier move were
// published on 2025-11-27: assessed on 2025-12-01 as known the day before,
// 双城区 is still 三档 at 1750 (2 × 1750 ÷ 12 = 875/3); as known that day,
// 二档 at 2010 (335).
func TestAsOfAssessment(t *testing.T) {
	h := household("230113", worker("a", "3000", "230113"))
	for _, tc := range []struct{ known, want string }{{"2025-11-26", "875/3"}, {"2025-11-27", "335"}, {"2026-06-01", "335"}} {
		a, err := income.Assess(h, testSet(t), d("2025-12-01"), income.Options{KnownOn: d(tc.known)})
		require.NoError(t, err)
		assert.Equal(t, tc.want, exact(a.EmploymentDeduction), "known on %s", tc.known)
	}
}

// A residence-permit household (R16) is assessed the same way.
func TestResidenceRegistration(t *testing.T) {
	h := household("230113", worker("a", "3000", "230113"))
	h.Registration = income.RegistrationResidence
	a := assess(t, h, testSet(t), "2025-12-01")
	assert.Equal(t, "2665", exact(a.Countable)) // 3000 − 2 × 2010 ÷ 12
}

func withCaseFactor(h *income.Household, f string) *income.Household {
	h.CaregiverFactor, h.HasCaregiverFactor = rate(f), true
	return h
}

// richHousehold has an item of every kind and period, so that its
// explanation has every step of the assessment.
func richHousehold() *income.Household {
	h := validHousehold()
	h.Members[0].Incomes = append(h.Members[0].Incomes,
		annual(standards.IncomeWage, "3500"),
		item(standards.IncomeBusinessNet, "1000", income.Total),
		suspected(monthly(standards.IncomeCompensation, "10")),
		support(standards.IncomeSupportPaid, "30", income.Monthly, income.SupportByCourtOrder),
		support(standards.IncomeSupportPaid, "1000", income.TotalOver(3), income.SupportAssessedByLaw),
	)
	h.Members[1].Incomes = append(h.Members[1].Incomes,
		monthly(standards.IncomeSpecialCarePension, "300"),
		annual(standards.IncomeFamilyPlanning, "1000"),
		item(standards.IncomeScholarship, "500", income.TotalOver(2)),
		monthly(standards.IncomeResidentPensionBasic, "150"),
		support(standards.IncomeSupportReceived, "200", income.Monthly, income.SupportByCourtOrder),
		support(standards.IncomeSupportReceived, "2400", income.Annual, income.SupportByAgreement),
		support(standards.IncomeSupportReceived, "700", income.Total, income.SupportAssessedByLaw),
		annual(standards.IncomeUnemploymentInsurance, "1000"),
		item(standards.IncomePropertyNet, "-100", income.Total),
		monthly(standards.IncomeSocialAssistance, "50"),
		monthly(standards.IncomeHeroismAward, "5"),
		monthly(standards.IncomeOther, "1"),
	)
	return h
}

// explainCases are households whose explanations together have every step
// of the assessment.
func explainCases(t *testing.T) []struct {
	name string
	h    *income.Household
	set  *standards.Set
	date string
} {
	floored := applicant(monthly(standards.IncomePension, "300"),
		support(standards.IncomeSupportPaid, "500", income.Monthly, income.SupportByCourtOrder))
	return []struct {
		name string
		h    *income.Household
		set  *standards.Set
		date string
	}{
		{"every kind", richHousehold(), testSet(t), "2024-06-01"},
		{"every kind, later", richHousehold(), testSet(t), "2026-01-01"},
		{"floored", floored, testSet(t), "2023-06-01"},
		{"no per-capita rule", withCaseFactor(richHousehold(), "0.4"), heilongjiangSet(t), "2025-12-01"},
		{"caregiver", caregiverHousehold(), testSet(t), "2024-06-01"},
	}
}

var (
	// a code of the label table written as it is, not as its words
	rawCode = regexp.MustCompile(`\b(category|income|basis|group|area|status|reliability|unit|mode|stacking|method|scheme|disability|relation|labour|treatment)\.[a-z_]+`)
	// an exact fraction ("875/3") where people read decimals
	fraction = regexp.MustCompile(`\d/\d`)
	// a number written before 元 or yuan, with its decimals if any
	yuanAmount = regexp.MustCompile(`(-?[0-9][0-9.]*) ?(元|yuan)`)
)

// With Options{Explain: true}, every step has a known code, and its
// sentence in both languages reads as words and money: no raw code of a
// label, no exact fraction, every amount of yuan with two decimals.
func TestExplanationTexts(t *testing.T) {
	seen := map[explain.Code]bool{}
	for _, tc := range explainCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			a, err := income.Assess(tc.h, tc.set, d(tc.date), income.Options{Explain: true})
			require.NoError(t, err)
			require.NotEmpty(t, a.Steps)
			for _, s := range a.Steps {
				assert.True(t, explain.Known(s.Code), "unknown step code %q", s.Code)
				assert.True(t, strings.HasPrefix(string(s.Code), "income."), "%s", s.Code)
				seen[s.Code] = true
			}
			for _, tag := range []language.Tag{language.Chinese, language.English} {
				text := explain.Render(a.Steps, tag)
				assert.NotContains(t, text, "?", "an argument is missing")
				assert.Empty(t, rawCode.FindAllString(text, -1), "raw codes in:\n%s", text)
				assert.Empty(t, fraction.FindAllString(text, -1), "exact fractions in:\n%s", text)
				for _, s := range a.Steps {
					sentence := explain.Sentence(s, tag)
					info := explain.Info(s.Code)
					template := info.EN
					if tag == language.Chinese {
						template = info.ZH
					}
					assert.NotEqual(t, string(s.Code), sentence, "a step without its sentence")
					for _, m := range yuanAmount.FindAllStringSubmatch(sentence, -1) {
						if strings.Contains(template, m[0]) {
							continue // a figure of the sentence itself ("按 0 元计")
						}
						assert.Regexp(t, `^-?[0-9]+\.[0-9]{2}$`, m[1], "money without two decimals %q in:\n%s", m[0], sentence)
					}
					// Every amount the sentence shows is the two-decimal form of its argument.
					for _, arg := range s.Args {
						if arg.Kind == explain.KindMoney && strings.Contains(template, "{"+arg.Name+"}") {
							assert.Contains(t, sentence, arg.Amount.Display(), "%s {%s}", s.Code, arg.Name)
						}
					}
				}
			}
		})
	}
	// Every step code of the assessment was seen.
	for _, c := range []explain.Code{explain.StepWindow,
		explain.StepCountedMonthly, explain.StepCountedAnnual, explain.StepCountedTotal, explain.StepCountedTotalMonths,
		explain.StepExcludedMonthly, explain.StepExcludedAnnual, explain.StepExcludedTotal,
		explain.StepSupportReceivedMonthly, explain.StepSupportReceivedAnnual, explain.StepSupportReceivedTotal,
		explain.StepSupportPaidMonthly, explain.StepSupportPaidAnnual, explain.StepSupportPaidTotal,
		explain.StepSuspected, explain.StepEmploymentDeduction, explain.StepCaregiver,
		explain.StepTotal, explain.StepFloor, explain.StepTotalVerified, explain.StepPerCapita, explain.StepPerCapitaExact} {
		assert.True(t, seen[c], "no step %s", c)
	}
}

// The parameter lines under the steps show money with two decimals too —
// the minimum wage's hourly rate included.
func TestExplanationParameterMoney(t *testing.T) {
	for _, tc := range explainCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			a, err := income.Assess(tc.h, tc.set, d(tc.date), income.Options{Explain: true})
			require.NoError(t, err)
			for _, tag := range []language.Tag{language.Chinese, language.English} {
				for _, line := range strings.Split(explain.Render(a.Steps, tag), "\n") {
					if !strings.HasPrefix(line, "    ") {
						continue // a sentence (TestExplanationTexts)
					}
					for _, m := range yuanAmount.FindAllStringSubmatch(line, -1) {
						assert.Regexp(t, `^-?[0-9]+\.[0-9]{2}$`, m[1], "money without two decimals %q in:\n%s", m[0], line)
					}
				}
			}
		})
	}
}

// TestSumsAtTheBounds: the documented bounds keep every sum of an
// assessment inside money's range. 1000 income items of 50,000 yuan a
// month — 50,000,000 in all, the bound on monthly income — assess without
// error, and the countable income is 50,000,000 minus the deductions.
func TestSumsAtTheBounds(t *testing.T) {
	set := testSet(t)
	t.Run("one member", func(t *testing.T) {
		m := worker("a", "50000", "230102")
		for len(m.Incomes) < income.MaxItems {
			m.Incomes = append(m.Incomes, wage("50000"))
		}
		h := household("230102", m)
		for _, explained := range []bool{false, true} {
			a, err := income.Assess(h, set, d("2025-12-01"), income.Options{Explain: explained})
			require.NoError(t, err)
			// Gross 1000 × 50,000 = 50,000,000. Deduction 2 × 2270 ÷ 12 = 1135/3.
			// Countable 50,000,000 − 1135/3 = (150,000,000 − 1135)/3 = 149998865/3.
			assert.Equal(t, "50000000", exact(a.Gross))
			assert.Equal(t, "1135/3", exact(a.EmploymentDeduction))
			assert.Equal(t, "149998865/3", exact(a.Countable))
			assert.Equal(t, "149998865/3", exact(a.CountableVerified))
			assert.Equal(t, "49999621.67", show(a.Countable))
			assert.Equal(t, "49999621.67", exact(a.PerCapita)) // one member, fen half up
			assert.Len(t, a.Lines, income.MaxItems+1)
		}
	})
	t.Run("fifty members", func(t *testing.T) {
		members := people(income.MaxMembers)
		for i := range members {
			members[i].Labour = income.LabourFull
			members[i].Workplace = r("230102")
			for range income.MaxItems / income.MaxMembers {
				members[i].Incomes = append(members[i].Incomes, wage("50000"))
			}
		}
		members[0].CaresFor = []string{"m1"}
		members[1].Dependency = income.DependencyFull
		a, err := income.Assess(household("230102", members...), set, d("2025-12-01"), income.Options{Explain: true})
		require.NoError(t, err)
		// Each member: 20 × 50,000 = 1,000,000 and a deduction of 1135/3;
		// 50 deductions: 56750/3. Member m0 cares for m1 at factor 0.5: its
		// labour income 1,000,000 − 1135/3 = 2998865/3, half not counted: 2998865/6.
		// Countable 50,000,000 − 56750/3 − 2998865/6
		//   = (300,000,000 − 113,500 − 2,998,865)/6 = 296,887,635/6 = 49,481,272.5.
		// Per capita 49,481,272.5 ÷ 50 = 989,625.45.
		assert.Equal(t, "50000000", exact(a.Gross))
		assert.Equal(t, "56750/3", exact(a.EmploymentDeduction))
		assert.Equal(t, "2998865/6", exact(a.CaregiverReduction))
		assert.Equal(t, "49481272.5", exact(a.Countable))
		assert.Equal(t, "989625.45", exact(a.PerCapita))
	})
	t.Run("losses", func(t *testing.T) {
		// The bound is on the items without sign: 5 losses of 10,000,000 a
		// month, −50,000,000, floor at 0.
		a := assess(t, applicant(losses(5)...), set, "2025-12-01")
		assert.Equal(t, "-50000000", exact(a.Gross))
		assert.True(t, a.Floored)
		assert.True(t, a.Countable.IsZero())
	})
}
