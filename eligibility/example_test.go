package eligibility_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func ExampleClassify() {
	set, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	member := func(id, birth string, rel income.Relation, monthly string) income.Member {
		m := income.Member{ID: id, BirthDate: standards.MustParseDate(birth), Relation: rel, Labour: income.LabourFull}
		if monthly != "" {
			m.Incomes = []income.Income{{Kind: standards.IncomePension, Amount: money.MustParse(monthly), Period: income.Monthly}}
		}
		return m
	}
	h := &income.Household{
		Region: standards.MustRegion("230102"), // 道里区: 850 a month (2023, urban)
		Area:   standards.AreaUrban,
		Members: []income.Member{
			member("a", "1970-01-01", income.RelationApplicant, "3000"),
			member("b", "1972-01-01", income.RelationSpouse, ""),
			member("c", "2008-01-01", income.RelationChild, ""),
		},
	}
	h.Members[2].SeriousIllness = true
	r, err := eligibility.Classify(eligibility.Request{Household: h, Date: standards.MustParseDate("2023-06-01")}, set)
	if err != nil {
		fmt.Println(err)
		return
	}
	// 3000 is not below 850 × 3 = 2550, but below 1.2 × 2550 = 3060: an
	// edge household, whose seriously ill member, with no income of her
	// own (0 < 850), is brought into 低保 alone (R3).
	fmt.Println(r.Status, r.EdgeBand, r.Line)
	fmt.Println(r.Members[2].ID, r.Members[2].Status)
	for _, s := range r.Reasons {
		if s.Code == explain.ReasonSingleR3 {
			fmt.Println(explain.Sentence(s, language.English))
		}
	}
	// Output:
	// edge urban_edge_hardship 2550
	// c single_person
	// Member c (seriously ill) is brought into dibao as a single-person household: own income of 0.00 yuan is below the standard 850.00
}
