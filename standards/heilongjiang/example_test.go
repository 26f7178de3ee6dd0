package heilongjiang_test

import (
	"fmt"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// The embedded data: Harbin's standards for 2021–2023 (and its counties'
// from mid-2024, derived from the provincial guidance), the province's
// rules, the minimum wage and its tier map from 2017.
func ExampleSet() {
	set, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(set.Name(), "complete through", set.CompleteThrough())
	q := standards.Query{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Date: standards.MustParseDate("2023-06-01")}
	v, err := standards.Lookup(set, standards.ParamDibaoStandard, q)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(v.V.Display(), v.Provenance.Source.Document, v.Provenance.Source.Reliability)
	// Output:
	// 黑龙江省（哈尔滨市 2021–2023） complete through 2023-12-31
	// 850.00 哈民政规〔2023〕6号 official
}
