package income_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// A worker in 双城区 on either side of the day its minimum-wage tier
// changed: 三档 1750 until 2025-11-30 (2 × 1750 ÷ 12 = 875/3 a month
// deducted), 二档 2010 from 2025-12-01 (2 × 2010 ÷ 12 = 335).
func ExampleAssess() {
	set, _ := heilongjiang.Set()
	h := &income.Household{
		Region: standards.MustRegion("230113"),
		Area:   standards.AreaUrban,
		Members: []income.Member{{
			ID: "a", BirthDate: standards.MustParseDate("1985-03-01"),
			Relation: income.RelationApplicant, Labour: income.LabourFull,
			Workplace: standards.MustRegion("230113"),
			Incomes:   []income.Income{{Kind: standards.IncomeWage, Amount: money.MustParse("3000"), Period: income.Monthly}},
		}},
	}
	for _, day := range []string{"2025-11-30", "2025-12-01"} {
		a, err := income.Assess(h, set, standards.MustParseDate(day), income.Options{})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(day, "deduction", a.EmploymentDeduction, "countable", a.Countable, a.Countable.Display())
	}
	// Output:
	// 2025-11-30 deduction 875/3 countable 8125/3 2708.33
	// 2025-12-01 deduction 335 countable 2665 2665.00
}

// A seasonal wage: 10,800 yuan earned in 6 of the 12 months counts
// 10800 ÷ 12 = 900 a month.
func ExampleTotalOver() {
	set, _ := heilongjiang.Set()
	h := &income.Household{
		Region: standards.MustRegion("230102"),
		Area:   standards.AreaUrban,
		Members: []income.Member{{
			ID: "a", BirthDate: standards.MustParseDate("1960-03-01"),
			Relation: income.RelationApplicant, Labour: income.LabourPartial,
			Incomes: []income.Income{{Kind: standards.IncomeOther, Amount: money.MustParse("10800"), Period: income.TotalOver(6)}},
		}},
	}
	a, err := income.Assess(h, set, standards.MustParseDate("2024-06-01"), income.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Countable)
	// Output: 900
}

// An explanation in English: 14400 a year is 1200 a month; a special-care
// pension is listed but not counted.
func ExampleAssess_explain() {
	set, _ := heilongjiang.Set()
	h := &income.Household{
		Region: standards.MustRegion("230102"),
		Area:   standards.AreaUrban,
		Members: []income.Member{{
			ID: "a", BirthDate: standards.MustParseDate("1950-03-01"),
			Relation: income.RelationApplicant, Labour: income.LabourNone,
			Incomes: []income.Income{
				{Kind: standards.IncomePension, Amount: money.MustParse("14400"), Period: income.Annual},
				{Kind: standards.IncomeSpecialCarePension, Amount: money.MustParse("300"), Period: income.Monthly},
			},
		}},
	}
	a, err := income.Assess(h, set, standards.MustParseDate("2023-06-01"), income.Options{Explain: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range a.Steps {
		fmt.Println(explain.Sentence(s, language.English))
	}
	// Output:
	// Income is averaged per month over the 12 months before the assessment month (1 June 2022 to 31 May 2023)
	// Member a: pension of 14400.00 yuan a year ÷ 12 = 1200.00 yuan a month, counted
	// Member a: special-care pension of 300.00 yuan a month, not counted
	// Countable monthly income = counted income 1200.00 − support paid 0.00 − employment-cost deductions 0.00 − caregiver reductions 0.00 = 1200.00 yuan
	// Per-capita monthly income (for display) is about 1200.00 yuan (1200.00 ÷ 1 members; no rounding rule for the display is declared)
}

// Every problem of a household at once, with its path and code.
func ExampleDecodeHousehold() {
	_, err := income.DecodeHousehold([]byte(`{"region": "230102", "area": "urban", "members": [
	  {"id": "a", "birth_date": "1985-03-01", "relation": "applicant", "labour": "full",
	   "incomes": [{"kind": "wage", "amount": "-3000", "period": "weekly"}]}]}`))
	if pe, ok := problem.As(err); ok {
		for _, p := range pe.Problems {
			fmt.Println(p.Path, p.Code)
		}
	}
	// Output:
	// members[0].incomes[0].period bad_code
	// members[0].incomes[0].amount negative
	// members[0].workplace missing_workplace
}

// A household in the compact form — as a batch reader or a synthetic
// population holds it — back in the general form, here written as JSON:
// one member in 道里区 with a 600-yuan monthly pension, named by its place
// for want of an ID.
func ExampleCompact_Household() {
	c := income.Compact{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, N: 1,
		Members: []income.CompactMember{{BirthDate: standards.MustParseDate("1950-03-01"), Relation: income.RelationApplicant,
			Labour: income.LabourNone, First: 0, End: 1}},
		Items: []income.CompactIncome{{Kind: standards.IncomePension, Unit: income.PerMonth, Amount: money.MustParse("600")}}}
	h, err := c.Household(nil)
	if err != nil {
		panic(err)
	}
	b, _ := h.MarshalJSON()
	fmt.Println(string(b))
	// Output:
	// {"region":"230102","area":"urban","members":[{"id":"1","birth_date":"1950-03-01","relation":"applicant","labour":"none","incomes":[{"kind":"pension","amount":"600","period":"monthly"}]}]}
}
