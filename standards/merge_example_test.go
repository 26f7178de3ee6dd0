package standards_test

import (
	"fmt"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// An agency in 齐齐哈尔 keeps its own settings file: its 龙沙区 standard
// (the figure here is an example, marked local) merged over the embedded
// data. Harbin's values stay as they are; everything the file does not set
// comes from the province.
func ExampleMerge() {
	base, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	settings := []byte(`{
  "format": "dibao-standards/1",
  "name": "龙沙区 local settings",
  "jurisdiction": "230000",
  "sources": {"lsq": {"document": "龙沙区民政局 local settings", "reliability": "local"}},
  "parameters": {
    "dibao_standard": [{"regions": ["230202"], "area": "urban",
      "values": [{"from": "2023-01-01", "source": "lsq", "value": "700"}]}]
  }
}`)
	set, err := standards.Merge(base, settings, standards.MergeOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, r := range []string{"230202", "230102"} {
		q := standards.Query{Region: standards.MustRegion(r), Area: standards.AreaUrban, Date: standards.MustParseDate("2023-06-01")}
		v, err := standards.Lookup(set, standards.ParamDibaoStandard, q)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(r, v.V.Display(), v.Provenance.Source.Reliability)
	}
	rate, _ := standards.Lookup(set, standards.ParamSupplementRate, standards.Query{Region: standards.MustRegion("230202"), Date: standards.MustParseDate("2023-06-01")})
	fmt.Println("supplement rate", rate.V, "from", rate.Provenance.Region)
	// Output:
	// 230202 700.00 local
	// 230102 850.00 official
	// supplement rate 0.15 from 230000
}

// What a decision in 龙沙区 would need from the embedded data alone: the
// 低保 standard is not there (an agency supplies it), the supplement rate is.
func ExampleNeeds() {
	set, err := heilongjiang.Set()
	if err != nil {
		fmt.Println(err)
		return
	}
	needs, err := standards.Needs(set, standards.MustRegion("230202"), standards.AreaUrban, standards.MustParseDate("2023-06-01"), standards.Date{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, n := range needs {
		switch n.Key.Name() {
		case "dibao_standard", "supplement_rate", "tier_table":
			fmt.Println(n.Key.Name(), n.When, n.Held)
		}
	}
	// Output:
	// dibao_standard always false
	// supplement_rate supplements true
	// tier_table tiered false
}
