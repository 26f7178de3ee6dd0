package payment_test

import (
	"fmt"

	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func ExampleDecideJSON() {
	base, _ := heilongjiang.Set()
	// The embedded data leaves the payment rounding, the stacking rule and
	// the 老年人 age unsettled; a locality supplies them.
	set, err := base.Apply(standards.Reform{Name: "local settings", From: standards.MustParseDate("2021-01-01"),
		Changes: []standards.Change{
			{Param: standards.RoundPaymentTotal.Param(), Value: standards.RoundingRule{Unit: standards.UnitFen, Mode: standards.ModeHalfUp}},
			{Param: standards.ParamSupplementStacking, Value: standards.StackingHighest},
			{Param: standards.ParamElderlyAge, Value: 60},
		}})
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
	// elderly applicant and the minor.
	for _, l := range d.Lines {
		fmt.Println(l.Code, l.Member, l.Amount.StringFixed(2))
	}
	fmt.Println("total", d.Total.StringFixed(2))
	// Output:
	// gap  700.00
	// supplement a 127.50
	// supplement b 127.50
	// total 955.00
}
