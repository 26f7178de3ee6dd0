package income_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// Wages earned in 双城区 (230113): 三档 1750 until 2025-11-30, 二档 2010 from
// 2025-12-01 (policy notes §3).
func TestEmploymentDeductionShuangchengDatePair(t *testing.T) {
	set := testSet(t)
	for _, tc := range []struct {
		date      string
		deduction string // exact, yuan a month
		countable string
	}{
		// 2 × 1750 = 3500 a year; 3500 ÷ 12 = 291.666… = 875/3; 3000 − 875/3 = 8125/3.
		{"2025-11-30", "875/3", "8125/3"},
		// 2 × 2010 = 4020 a year; 4020 ÷ 12 = 335; 3000 − 335 = 2665.
		{"2025-12-01", "335", "2665"},
		{"2025-12-02", "335", "2665"},
	} {
		h := household("230113", worker("a", "3000", "230113"))
		a := assess(t, h, set, tc.date)
		assert.Equal(t, tc.deduction, a.EmploymentDeduction.String(), tc.date)
		assert.Equal(t, tc.countable, a.Countable.String(), tc.date)
		assert.Equal(t, "3000", a.Gross.String())
	}
}

// Two workers in different tiers on 2025-12-01: 道里区 一档 2270 and 五常市 三档 1910.
func TestTwoWorkersInDifferentTiers(t *testing.T) {
	b := worker("b", "1800", "230184")
	b.Relation = income.RelationSpouse
	h := household("230102", worker("a", "2500", "230102"), b)
	a := assess(t, h, testSet(t), "2025-12-01")
	// a: 2 × 2270 ÷ 12 = 4540/12 = 1135/3 (378.33…); b: 2 × 1910 ÷ 12 = 3820/12 = 955/3 (318.33…).
	// Deductions: 1135/3 + 955/3 = 2090/3; countable: 4300 − 2090/3 = 10810/3 (3603.33…).
	assert.Equal(t, "2090/3", a.EmploymentDeduction.String())
	assert.Equal(t, "10810/3", a.Countable.String())
	require.Len(t, a.Members, 2)
	assert.Equal(t, "6365/3", a.Members[0].Countable.String()) // 2500 − 1135/3
	assert.Equal(t, "4445/3", a.Members[1].Countable.String()) // 1800 − 955/3
}

func TestDeductionCappedAtTheWage(t *testing.T) {
	m := worker("a", "200", "230102")
	m.Incomes = append(m.Incomes, monthly(standards.IncomePension, "500"))
	a := assess(t, household("230102", m), testSet(t), "2025-12-01")
	// The full deduction would be 1135/3 (378.33…); the wage is 200, so 200 is deducted.
	assert.Equal(t, "200", a.EmploymentDeduction.String())
	assert.Equal(t, "500", a.Countable.String())
}

// A caregiver (labour full, wage 1200 in 道里区 on 2024-06-01) caring for a child.
func caregiverHousehold() *income.Household {
	carer := worker("carer", "1200", "230102")
	carer.CaresFor = []string{"kid"}
	kid := member("kid", "2020-01-01", income.RelationChild)
	kid.Labour = income.LabourNone
	gran := member("gran", "1950-01-01", income.RelationParent, monthly(standards.IncomePension, "600"))
	gran.Labour = income.LabourNone
	return household("230102", carer, kid, gran)
}

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
		// Factor 0: none of 2560/3 counts; countable = gran's pension 600.
		{"factor 0", withFactor(t, "0"), "", "2560/3", "600"},
		// Factor 0.5: half of 2560/3 = 1280/3 does not count; 600 + 1280/3 = 3080/3 (1026.66…).
		{"factor 0.5", testSet(t), "", "1280/3", "3080/3"},
		// A case-level 0.3 overrides the Set's 0.5: 70 % of 2560/3 = 1792/3 does not count;
		// 600 + 768/3 = 600 + 256 = 856.
		{"case-level 0.3", testSet(t), "0.3", "1792/3", "856"},
		// Factor 1: everything counts.
		{"factor 1", withFactor(t, "1"), "", "0", "4360/3"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := caregiverHousehold()
			if tc.caseLevel != "" {
				h.CaregiverFactor, h.HasCaregiverFactor = dec(tc.caseLevel), true
			}
			a := assess(t, h, tc.set, "2024-06-01")
			assert.Equal(t, "1040/3", a.EmploymentDeduction.String())
			assert.Equal(t, tc.reduction, a.CaregiverReduction.String())
			assert.Equal(t, tc.countable, a.Countable.String())
			var step *income.Step
			for i := range a.Steps {
				if a.Steps[i].Rule == income.RuleCaregiver {
					step = &a.Steps[i]
				}
			}
			require.NotNil(t, step)
			assert.Equal(t, "黑民规〔2021〕11号 四（八）", step.Cite.String())
			assert.Equal(t, "carer", step.Member)
			text := step.Text(language.English)
			assert.Contains(t, text, "caring for kid", "names the cared-for member")
			assert.Contains(t, text, "HLJ-2021-11 §4(8)")
			assert.Equal(t, tc.caseLevel != "", step.Params[0].CaseLevel)
		})
	}
}

// A member without labour capacity gets no R14 reduction: the rule is for
// members who could work but must care for someone.
func TestCaregiverWithoutLabourCapacity(t *testing.T) {
	h := caregiverHousehold()
	h.Members[0].Labour = income.LabourNone
	a := assess(t, h, testSet(t), "2024-06-01")
	assert.True(t, a.CaregiverReduction.IsZero())
	assert.Equal(t, "4360/3", a.Countable.String()) // 600 + 2560/3
}

func TestSupportPaidAndReceived(t *testing.T) {
	a1 := member("a", "1970-01-01", income.RelationApplicant, monthly(standards.IncomePension, "1000"),
		income.Income{Kind: standards.IncomeSupportReceived, Amount: dec("300"), Period: income.Monthly, Basis: income.SupportByCourtOrder})
	b := member("b", "1995-01-01", income.RelationChild,
		income.Income{Kind: standards.IncomeSupportPaid, Amount: dec("1200"), Period: income.Annual, Basis: income.SupportByAgreement})
	a := assess(t, household("230102", a1, b), testSet(t), "2023-06-01")
	// 1000 + 300 counted; 1200 ÷ 12 = 100 paid and deducted: 1300 − 100 = 1200.
	assert.Equal(t, "1300", a.Gross.String())
	assert.Equal(t, "100", a.SupportPaid.String())
	assert.Equal(t, "1200", a.Countable.String())
	assert.Equal(t, "-100", a.Members[1].Countable.String())
	var rules []income.RuleID
	for _, s := range a.Steps {
		rules = append(rules, s.Rule)
	}
	assert.Contains(t, rules, income.RuleSupportReceived)
	assert.Contains(t, rules, income.RuleSupportPaid)
	for _, s := range a.Steps {
		if s.Rule == income.RuleSupportPaid {
			assert.Contains(t, s.Text(language.SimplifiedChinese), "依据协议")
			assert.Contains(t, s.Text(language.SimplifiedChinese), "黑民规〔2021〕11号 四（八）")
		}
	}
}

// Excluded kinds come from the Set (民发〔2021〕57号, secondary): the central
// basic pension of the resident scheme is excluded through 2025-12-31.
func TestExcludedKinds(t *testing.T) {
	m := member("a", "1950-01-01", income.RelationApplicant,
		monthly(standards.IncomePension, "1000"),
		monthly(standards.IncomeSpecialCarePension, "500"),
		monthly(standards.IncomeResidentPensionBasic, "150"))
	m.Labour = income.LabourNone
	for _, tc := range []struct{ date, excluded, countable string }{
		{"2025-12-31", "650", "1000"}, // 500 + 150 excluded
		{"2026-01-01", "500", "1150"}, // only the special-care pension
	} {
		a := assess(t, household("230102", m), testSet(t), tc.date)
		assert.Equal(t, tc.excluded, a.Excluded.String(), tc.date)
		assert.Equal(t, tc.countable, a.Countable.String(), tc.date)
		assert.Equal(t, income.Excluded, a.Lines[1].Treatment)
		for _, s := range a.Steps {
			if s.Rule == income.RuleExcluded {
				assert.Equal(t, "民发〔2021〕57号", s.Cite.Document)
				require.Len(t, s.Params, 1)
				assert.Equal(t, standards.ParamExcludedIncomeKinds, s.Params[0].Param)
			}
		}
	}
}

// 1200 a month, 14400 a year and 7200 over 6 months are the same average.
func TestPeriodsGiveTheSameAverage(t *testing.T) {
	for _, in := range []income.Income{
		monthly(standards.IncomePension, "1200"),
		{Kind: standards.IncomePension, Amount: dec("14400"), Period: income.Annual}, // 14400 ÷ 12 = 1200
		{Kind: standards.IncomePension, Amount: dec("7200"), Period: income.Over(6)}, // 7200 ÷ 6 = 1200
	} {
		m := member("a", "1950-01-01", income.RelationApplicant, in)
		a := assess(t, household("230102", m), testSet(t), "2023-06-01")
		assert.Equal(t, "1200", a.Countable.String(), "%v", in.Period)
		assert.Equal(t, "1200", a.Lines[0].Monthly.String())
	}
}

// Three members and 1000 a month: 1000 ÷ 3 = 333.333…, shown as 333.33 by
// the declared fen half-up rule; the countable income itself stays 1000.
func TestThreePersonHouseholdPerCapita(t *testing.T) {
	a1 := member("a", "1950-01-01", income.RelationApplicant, monthly(standards.IncomePension, "1000"))
	h := household("230102", a1, member("b", "1952-01-01", income.RelationSpouse), member("c", "1980-01-01", income.RelationChild))
	a := assess(t, h, testSet(t), "2023-06-01")
	assert.Equal(t, "1000", a.Countable.String())
	pc, ok := a.PerCapita()
	assert.True(t, ok)
	assert.Equal(t, "333.33", pc.String())
	// 10000 a year: 10000 ÷ 12 = 2500/3 a month; per capita 2500/9 = 277.777… → 277.78.
	h.Members[0].Incomes[0] = income.Income{Kind: standards.IncomePension, Amount: dec("10000"), Period: income.Annual}
	a = assess(t, h, testSet(t), "2023-06-01")
	assert.Equal(t, "2500/3", a.Countable.String())
	pc, _ = a.PerCapita()
	assert.Equal(t, "277.78", pc.String())
	// Comparing without dividing: 2500/3 < 850 × 3 = 2550, and > 277.78 × 3 = 833.34? No: 833.33… < 833.34.
	assert.Equal(t, -1, a.Countable.CmpDecimal(dec("2550")))
	assert.Equal(t, -1, a.Countable.CmpDecimal(dec("833.34")))
	assert.Equal(t, 1, a.Countable.CmpDecimal(dec("833.33")))
	text := a.Explain(language.English)
	assert.Contains(t, text, "2500/3 (≈833.33) ÷ 3 members")
}

func TestPerCapitaWithoutADeclaredRule(t *testing.T) {
	// The embedded data declares no per-capita rounding.
	h := household("230102", member("a", "1950-01-01", income.RelationApplicant, monthly(standards.IncomePension, "1000")),
		member("b", "1952-01-01", income.RelationSpouse), member("c", "1980-01-01", income.RelationChild))
	a, err := income.Assess(h, heilongjiangSet(t), d("2023-06-01"), income.Options{Explain: true})
	require.NoError(t, err)
	_, ok := a.PerCapita()
	assert.False(t, ok)
	assert.Contains(t, a.Explain(language.English), "1000/3 (≈333.33)")
}

func TestSuspectedItems(t *testing.T) {
	m := worker("a", "3000", "230113")
	m.Incomes = append(m.Incomes, income.Income{Kind: standards.IncomePension, Amount: dec("500"), Period: income.Monthly,
		Verification: income.Suspected})
	a := assess(t, household("230113", m), testSet(t), "2025-12-01")
	// Every item: 3000 + 500 − 335 = 3165; verified only: 3000 − 335 = 2665.
	assert.Equal(t, "3165", a.Countable.String())
	assert.Equal(t, "2665", a.CountableVerified.String())
	assert.True(t, a.Suspected)
	assert.False(t, a.Lines[1].Verified)
	assert.True(t, a.Lines[1].MonthlyVerified.IsZero())
	assert.Contains(t, a.Explain(language.SimplifiedChinese), "疑点信息，未经核实")
}

// An unverified wage: the deduction follows the wage in each scenario.
func TestSuspectedWage(t *testing.T) {
	m := worker("a", "3000", "230113")
	m.Incomes[0].Verification = income.Suspected
	m.Incomes = append(m.Incomes, monthly(standards.IncomePension, "400"))
	a := assess(t, household("230113", m), testSet(t), "2025-12-01")
	assert.Equal(t, "3065", a.Countable.String())        // 3000 + 400 − 335
	assert.Equal(t, "400", a.CountableVerified.String()) // the wage and its deduction both drop out
}

func TestNegativeTotalIsFloored(t *testing.T) {
	m := member("a", "1970-01-01", income.RelationApplicant, monthly(standards.IncomePension, "300"),
		income.Income{Kind: standards.IncomeSupportPaid, Amount: dec("500"), Period: income.Monthly, Basis: income.SupportByCourtOrder})
	a := assess(t, household("230102", m), testSet(t), "2023-06-01")
	// 300 − 500 = −200, counted as 0.
	assert.True(t, a.Floored)
	assert.True(t, a.Countable.IsZero())
	assert.Contains(t, a.Explain(language.English), "-200.00 yuan, below zero")
}

func TestBusinessLoss(t *testing.T) {
	m := member("a", "1970-01-01", income.RelationApplicant, monthly(standards.IncomePension, "1500"),
		income.Income{Kind: standards.IncomeBusinessNet, Amount: dec("-2400"), Period: income.Annual})
	a := assess(t, household("230102", m), testSet(t), "2023-06-01")
	assert.Equal(t, "1300", a.Countable.String()) // 1500 − 2400 ÷ 12
}

func TestWindow(t *testing.T) {
	a := assess(t, household("230102", member("a", "1970-01-01", income.RelationApplicant)), testSet(t), "2023-06-18")
	assert.Equal(t, "2022-06-01", a.WindowFrom.String())
	assert.Equal(t, "2023-05-31", a.WindowTo.String())
	assert.True(t, a.Countable.IsZero())
}

func TestMissingStandardsAreErrorsWithPaths(t *testing.T) {
	set := testSet(t)
	// A place of work outside the loaded standards.
	h := household("230102", worker("a", "3000", "110101"))
	_, err := income.Assess(h, set, d("2025-12-01"), income.Options{})
	var fe *income.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "members[0].workplace", fe.Path)
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	assert.Contains(t, err.Error(), "110101")

	// A place of work on a date before the tier map.
	h = household("230102", worker("a", "3000", "230113"))
	_, err = income.Assess(h, set, d("2023-06-01"), income.Options{})
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "members[0].workplace", fe.Path)
	assert.ErrorIs(t, err, standards.ErrNotCovered)

	// No caregiver factor in the embedded data, none for the case.
	_, err = income.Assess(caregiverHousehold(), heilongjiangSet(t), d("2024-06-01"), income.Options{})
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "members[0].cares_for", fe.Path)
	assert.ErrorIs(t, err, standards.ErrNotCovered)
	// … but a case-level factor is enough.
	h = caregiverHousehold()
	h.CaregiverFactor, h.HasCaregiverFactor = dec("0"), true
	a, err := income.Assess(h, heilongjiangSet(t), d("2024-06-01"), income.Options{})
	require.NoError(t, err)
	assert.Equal(t, "600", a.Countable.String())

	// A household region outside the register.
	h = household("110101", member("a", "1970-01-01", income.RelationApplicant))
	_, err = income.Assess(h, set, d("2023-06-01"), income.Options{})
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "region", fe.Path)
}

// Figures do not depend on the explanation.
func TestExplainDoesNotChangeFigures(t *testing.T) {
	set := testSet(t)
	for _, date := range []string{"2024-06-01", "2025-12-01"} {
		h := caregiverHousehold()
		with, err := income.Assess(h, set, d(date), income.Options{Explain: true})
		require.NoError(t, err)
		without, err := income.Assess(h, set, d(date), income.Options{})
		require.NoError(t, err)
		assert.Equal(t, with.Countable, without.Countable)
		assert.Equal(t, with.Lines, without.Lines)
		assert.Empty(t, without.Steps)
		assert.NotEmpty(t, with.Steps)
	}
}

func TestAsOfAssessment(t *testing.T) {
	// KnownOn reaches every lookup. The 2025-12-01 wages and tier move were
	// published on 2025-11-27: assessed on 2025-12-01 as known the day before,
	// 双城区 is still 三档 at 1750 (2 × 1750 ÷ 12 = 875/3); as known that day, 二档 2010 (335).
	h := household("230113", worker("a", "3000", "230113"))
	for known, want := range map[string]string{"2025-11-26": "875/3", "2025-11-27": "335"} {
		a, err := income.Assess(h, testSet(t), d("2025-12-01"), income.Options{KnownOn: d(known)})
		require.NoError(t, err)
		assert.Equal(t, want, a.EmploymentDeduction.String(), "known on %s", known)
	}
}

func TestByKind(t *testing.T) {
	m := worker("a", "3000", "230113")
	m.Incomes = append(m.Incomes, monthly(standards.IncomeWage, "500"),
		income.Income{Kind: standards.IncomePension, Amount: dec("1200"), Period: income.Annual, Verification: income.Suspected},
		monthly(standards.IncomeScholarship, "100"))
	gran := member("g", "1950-01-01", income.RelationParent, monthly(standards.IncomePension, "700"))
	gran.Labour = income.LabourNone
	a := assess(t, household("230113", m, gran), testSet(t), "2025-12-01")
	type row struct{ kind, treatment, all, verified string }
	var got []row
	for _, k := range a.ByKind(-1) {
		got = append(got, row{string(k.Kind), k.Treatment.String(), k.Monthly.String(), k.Verified.String()})
	}
	assert.Equal(t, []row{
		{"wage", "counted", "3500", "3500"},              // 3000 + 500
		{"pension", "counted", "800", "700"},             // 1200 ÷ 12 = 100 (suspected) + 700
		{"scholarship", "excluded", "100", "100"},        // excluded kind, listed
		{"wage", "employment_deduction", "-335", "-335"}, // 2 × 2010 ÷ 12
	}, got)
	assert.Len(t, a.ByKind(1), 1)
	// 3500 + 800 − 335 = 3965
	assert.Equal(t, "3965", a.Countable.String())
}

// Labels in steps built by other packages render through their catalog.
func TestStepLabels(t *testing.T) {
	cat := msgcatBuild()
	st := income.NewStep("x.y", standards.Citation{Document: "D"}, cat, "s", income.Label("l.a"), income.Labels{"l.a", "l.b"})
	assert.Equal(t, "A: A, B (per D)", st.Text(language.English))
	assert.Equal(t, "甲：甲、乙（依据 D）", st.Text(language.SimplifiedChinese))
}
