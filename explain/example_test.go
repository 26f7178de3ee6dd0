package explain_test

import (
	"fmt"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/money"
)

// One step, rendered for a caseworker in each language, and with the exact
// figures for an auditor.
func ExampleRender() {
	yuan := money.MustParse
	third, _ := yuan("1000").QuoInt(3) // an own income of 1000/3 yuan a month
	gap, _ := yuan("850").Sub(third)
	steps := []explain.Step{
		{Code: explain.ReasonBelowLine, Args: []explain.Arg{explain.Money("countable", yuan("2000")),
			explain.Money("standard", yuan("850")), explain.Count("members", 3), explain.Money("line", yuan("2550"))}},
		{Code: explain.LineSinglePerson, Member: "c", Args: []explain.Arg{explain.Money("standard", yuan("850")),
			explain.Money("countable", third), explain.Money("exact", gap), explain.Money("paid", yuan("516.67"))}},
	}
	fmt.Println(explain.Render(steps, language.Chinese))
	fmt.Println(explain.Render(steps, language.English))
	fmt.Println(explain.Options{Technical: true}.Render(steps[1:], language.English))
	// Output:
	// 家庭月收入 2000.00 元低于低保标准 850.00 元 × 3 人 = 2550.00 元（依据 民发〔2021〕57号）
	// 成员 c：单人户差额 = 低保标准 850.00 元 − 本人月收入 333.33 元 = 516.67 元；发放 516.67 元（依据 黑民规〔2021〕11号 四（一））
	// Countable income of 2000.00 yuan is below the standard 850.00 × 3 members = 2550.00 yuan (per MCA-2021-57)
	// Member c: single-person gap = standard 850.00 − own income 333.33 = 516.67 yuan; paid 516.67 yuan (per HLJ-2021-11 §4(1))
	// Member c: single-person gap = standard 850.00 − own income 333.33 (1000/3) = 516.67 (1550/3) yuan; paid 516.67 yuan (per HLJ-2021-11 §4(1))
}
