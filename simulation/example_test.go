package simulation_test

import (
	"fmt"
	"strings"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/simulation"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// Two households of 道里区 in survey form, weighted 100 and 50, under the
// baseline (the standard 850) and the standard +10 % (935).
func ExampleRun() {
	set, _ := heilongjiang.Set()
	reform, _ := standards.ReadReform([]byte(`{"name": "+10 %", "from": "2024-01-01",
	  "changes": [{"param": "dibao_standard", "scope": "under", "multiply": "1.1"}]}`))
	plus10, _ := simulation.Reformed(set, reform)
	households := "id,weight,region,area\nh1,100,230102,urban\nh2,50,230102,urban\n"
	members := "household,birth_date,relation,labour,income:pension\n" +
		"h1,1980-01-01,applicant,full,600\n" + // 850 − 600 = 250; 935 − 600 = 335
		"h2,1980-01-01,applicant,full,900\n" // above 850: edge; 935 − 900 = 35
	src, _ := batch.NewSurveyReader(strings.NewReader(households), strings.NewReader(members),
		batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	rep, err := simulation.Run(src, []simulation.Scenario{{Name: "baseline", Set: set}, plus10}, simulation.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range rep.Scenarios {
		fmt.Println(s.Name, s.Months[0].Cost.Total.Display()) // 250 × 100; 335 × 100 + 35 × 50
	}
	c := rep.Scenarios[1].Change
	fmt.Println("paid more:", c.Winners, "mean gain:", c.MeanGain) // (85 × 100 + 35 × 50) ÷ 150
	// Output:
	// baseline 25000.00
	// +10 % 35250.00
	// paid more: 150 mean gain: 68.33
}
