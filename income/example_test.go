package income_test

import (
	"fmt"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// A worker in 双城区 on the day its minimum-wage tier changed.
func ExampleAssess() {
	set, _ := heilongjiang.Set()
	h := &income.Household{
		Region: standards.MustRegion("230113"),
		Area:   standards.AreaUrban,
		Members: []income.Member{{
			ID: "a", BirthDate: standards.MustParseDate("1985-03-01"),
			Relation: income.RelationApplicant, Labour: income.LabourFull,
			Workplace: standards.MustRegion("230113"),
			Incomes:   []income.Income{{Kind: standards.IncomeWage, Amount: decimal.RequireFromString("3000"), Period: income.Monthly}},
		}},
	}
	for _, day := range []string{"2025-11-30", "2025-12-01"} {
		a, err := income.Assess(h, set, standards.MustParseDate(day), income.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(day, "deduction", a.EmploymentDeduction, "countable", a.Countable, a.Countable.Approx())
	}
	// Output:
	// 2025-11-30 deduction 875/3 countable 8125/3 ≈2708.33
	// 2025-12-01 deduction 335 countable 2665 2665.00
}

func ExampleAssessment_Explain() {
	set, _ := heilongjiang.Set()
	h := &income.Household{
		Region: standards.MustRegion("230102"),
		Area:   standards.AreaUrban,
		Members: []income.Member{{
			ID: "a", BirthDate: standards.MustParseDate("1950-03-01"),
			Relation: income.RelationApplicant, Labour: income.LabourNone,
			Incomes: []income.Income{
				{Kind: standards.IncomePension, Amount: decimal.RequireFromString("14400"), Period: income.Annual},
				{Kind: standards.IncomeSpecialCarePension, Amount: decimal.RequireFromString("300"), Period: income.Monthly},
			},
		}},
	}
	a, err := income.Assess(h, set, standards.MustParseDate("2023-06-01"), income.Options{Explain: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Explain(language.English))
	// Output:
	// Income is averaged per month over 2022-06-01 to 2023-05-31, the 12 months before the assessment month (per 民发〔2021〕57号)
	// Member a: pensions of 14400.00 yuan a year ÷ 12 = 1200.00 yuan a month, counted (per 民发〔2021〕57号)
	// Member a: special-care pensions of 300.00 yuan a month, not counted (per 民发〔2021〕57号)
	//     parameter excluded income kinds: special-care pensions, family-planning awards, scholarships, heroism awards, social-assistance money, central basic pension (resident scheme); in force from 2021-01-01; until 2025-12-31; publication date not given; source: 民发〔2021〕57号 (secondary)
	// Countable monthly income = counted income 1200.00 − support paid 0.00 − employment-cost deductions 0.00 − caregiver reductions 0.00 = 1200.00 yuan (per 民发〔2021〕57号)
	// No rounding rule for the per-capita display is declared, so it is left exact: 1200.00 ÷ 1 = 1200 yuan (per 民发〔2021〕57号)
}

func ExampleDecodeHousehold() {
	_, err := income.DecodeHousehold([]byte(`{"region": "230102", "area": "urban", "members": [
	  {"id": "a", "birth_date": "1985-03-01", "relation": "applicant", "labour": "full",
	   "incomes": [{"kind": "wage", "amount": "-3000", "period": "weekly"}]}]}`))
	if ie, ok := err.(*income.InputError); ok {
		for _, p := range ie.Problems {
			fmt.Println(p.Path, p.Code)
		}
	}
	// Output:
	// members[0].incomes[0].period bad_code
	// members[0].incomes[0].amount negative
	// members[0].workplace missing_workplace
}

func ExampleAmount_CmpDecimal() {
	// 1000 ÷ 3 members is 333.33… per person; compare without dividing:
	// is 1000 below 333.34 × 3 = 1000.02?
	countable, _ := income.FromDecimal(decimal.RequireFromString("1000"))
	line := decimal.RequireFromString("333.34").Mul(decimal.NewFromInt(3))
	fmt.Println(countable.CmpDecimal(line) < 0)
	// Output: true
}
