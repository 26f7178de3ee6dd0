package main

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func main() {
	set, err := heilongjiang.Set() // the embedded Heilongjiang data, decided as it is
	if err != nil {
		panic(err)
	}
	date := standards.MustParseDate("2023-06-01")
	h := &income.Household{
		Region: standards.MustRegion("230102"), // 道里区, 哈尔滨市
		Area:   standards.AreaUrban,
		Members: []income.Member{
			{ID: "mother", BirthDate: standards.MustParseDate("1985-03-01"), Relation: income.RelationApplicant,
				Labour: income.LabourFull, Workplace: standards.MustRegion("230102"),
				Incomes: []income.Income{{Kind: standards.IncomeWage, Amount: money.MustParse("1200"), Period: income.Monthly}}},
			{ID: "son", BirthDate: standards.MustParseDate("2015-09-01"), Relation: income.RelationChild, Labour: income.LabourNone},
		},
	}
	req := payment.Request{Request: eligibility.Request{Household: h, Date: date}}
	req.Options.Explain = true // keep the explanation of every figure
	d, err := payment.Decide(req, set)
	if err != nil {
		fmt.Println(err) // every problem with the input at once, or what the standards lack
		return
	}
	fmt.Println(d.Classification.Status, d.Total.Display()) // dibao 907.50
	fmt.Println(d.Explain(language.English))                // every figure, with its clause and source
}
