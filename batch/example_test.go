package batch_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// Two households from a CSV file, decided on the embedded data. h1: one
// member in 道里区 with a 600-yuan pension against Harbin's urban standard
// of 850 yuan (哈民政规〔2023〕6号): a gap of 850 − 600 = 250 yuan. h2 names
// a relation the form does not know, on line 6 (its member row).
func ExampleEngine_Run() {
	set, err := heilongjiang.Set()
	if err != nil {
		panic(err)
	}
	in := `household,record,date,region,area,id,birth_date,relation,labour,member,kind,amount,period
h1,household,2024-06-01,230102,urban,,,,,,,,
h1,member,,,,a,1980-03-01,applicant,none,,,,
h1,income,,,,,,,,a,pension,600,monthly
h2,household,2024-06-01,230102,urban,,,,,,,,
h2,member,,,,a,1980-03-01,boss,none,,,,
`
	r, err := batch.NewCSVReader(strings.NewReader(in))
	if err != nil {
		panic(err)
	}
	sum, err := batch.New(set, batch.Options{}).Run(r, os.Stdout, batch.RunOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(sum.Households, "households,", sum.Failed, "failed, paid", sum.Total.Display())
	// Output:
	// household,status,total,gap,supplements,single_person,gradual_exit,price_subsidy,tekun,alone,countable,tested,line,error_code,error_path,error,problems
	// h1,dibao,250.00,250.00,0.00,0.00,0.00,0.00,0.00,0,600.00,1,,,,,
	// h2,,,,,,,,,,,,6,bad_code,members[0].relation,"""boss"" is not one of the accepted values (applicant, spouse, child, parent, grandparent, grandchild, sibling or other)",2
	// 2 households, 1 failed, paid 250.00
}
