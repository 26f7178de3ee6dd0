// Command readme is the example program shown in the README.
package main

import (
	"fmt"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func main() {
	set, err := heilongjiang.Set()
	if err != nil {
		panic(err)
	}
	v, err := standards.Lookup(set, standards.ParamDibaoStandard, standards.Query{
		Region: standards.MustRegion("230102"), // 道里区
		Area:   standards.AreaUrban,
		Date:   standards.MustParseDate("2023-06-01"),
	})
	if err != nil {
		fmt.Println(err) // e.g. a region or date the data does not cover
		return
	}
	fmt.Println(v.V, v.Source.Document, v.Source.Reliability) // 850 哈民政规〔2023〕6号 official
}
