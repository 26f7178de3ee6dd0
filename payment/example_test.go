package payment_test

import (
	"fmt"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// Deciding from Go values on the embedded data as it is.
func ExampleDecide() {
	set, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	h := &income.Household{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Members: []income.Member{
		{ID: "a", BirthDate: standards.MustParseDate("1958-04-01"), Relation: income.RelationApplicant, Labour: income.LabourNone,
			Incomes: []income.Income{{Kind: standards.IncomePension, Amount: money.MustParse("12000"), Period: income.Annual}}},
		{ID: "b", BirthDate: standards.MustParseDate("2009-09-01"), Relation: income.RelationGrandchild, Labour: income.LabourNone, Student: true},
	}}
	req := payment.Request{
		Request: eligibility.Request{Household: h, Date: standards.MustParseDate("2023-06-01")},
		Prices:  &payment.Prices{Month: standards.MustParseDate("2023-06-01"), CPI: money.MustRate("0.036"), HasCPI: true},
	}
	d, err := payment.Decide(req, set)
	if err != nil {
		fmt.Println(err)
		return
	}
	// 850 × 2 − 12000 ÷ 12 = 700; supplements 0.15 × 850 = 127.5 for the
	// 65-year-old applicant and the 13-year-old; the CPI rose 3.6 % (≥ 3.5 %):
	// 850 × 0.036 = 30.6 → 31 a person, 62 for two. 700 + 255 + 62 = 1017.
	fmt.Println(d.Classification.Status)
	for _, l := range d.Lines {
		fmt.Println(l.Code, l.Member, l.Amount.Display())
	}
	fmt.Println("total", d.Total.Display())
	// Output:
	// dibao
	// gap  700.00
	// supplement a 127.50
	// supplement b 127.50
	// price_subsidy a 31.00
	// price_subsidy b 31.00
	// total 1017.00
}

func ExampleDecideJSON() {
	set, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := payment.DecideJSON([]byte(`{
	  "date": "2023-06-01",
	  "household": {"region": "230102", "area": "urban", "members": [
	    {"id": "a", "birth_date": "1958-04-01", "relation": "applicant", "labour": "none",
	     "incomes": [{"kind": "pension", "amount": "12000", "period": "annual"}]},
	    {"id": "b", "birth_date": "2009-09-01", "relation": "grandchild", "labour": "none", "student": true}
	  ]}
	}`), set)
	if err != nil {
		fmt.Println(err)
		return
	}
	// 850 × 2 − 12000 ÷ 12 = 700; supplements 0.15 × 850 = 127.5 for the
	// elderly applicant and the minor: 700 + 255 = 955.
	for _, l := range d.Lines {
		fmt.Println(l.Code, l.Member, l.Amount.Display())
	}
	fmt.Println("total", d.Total.Display())

	// A request with a problem: every problem at its path.
	_, err = payment.DecideJSON([]byte(`{"date": "2023-06-01", "household": {"region": "230102", "area": "urban",
	  "members": [{"id": "a", "birth_date": "2023-07-01", "relation": "applicant", "labour": "full"}]}}`), set)
	fmt.Println(err)
	// Output:
	// gap  700.00
	// supplement a 127.50
	// supplement b 127.50
	// total 955.00
	// 1 problem in the request:
	//   household.members[0].birth_date: born 1 July 2023, after the assessment date 1 June 2023 [future_date]
}

// A service deciding one request after another keeps a warm Decider and
// one buffer, and appends each decision record to it (examples/serve keeps
// a pool of both).
func ExampleDecision_AppendJSON() {
	set, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	var dc payment.Decider
	var buf []byte
	for _, pension := range []string{"12000", "6000"} {
		d, err := dc.DecideJSON([]byte(`{"date": "2023-06-01", "household": {"region": "230102", "area": "urban",
		  "members": [{"id": "a", "birth_date": "1970-04-01", "relation": "applicant", "labour": "none",
		  "incomes": [{"kind": "pension", "amount": "`+pension+`", "period": "annual"}]}]}}`), set)
		if err != nil {
			fmt.Println(err)
			return
		}
		if buf, err = d.AppendJSON(buf[:0]); err != nil {
			fmt.Println(err)
			return
		}
		back, err := payment.DecodeDecision(buf)
		if err != nil {
			fmt.Println(err)
			return
		}
		// 12000 ÷ 12 = 1000 a month: not below the 850 line, but below the
		// edge band's 1.2 × 850 = 1020, an edge household with no 低保
		// payment. 6000 ÷ 12 = 500: 850 − 500 = 350.
		fmt.Println(back.Classification.Status, back.Total.Display())
	}
	// Output:
	// edge 0.00
	// dibao 350.00
}
