package money_test

import (
	"fmt"

	"github.com/dibao-go/dibao/money"
)

// A yearly total divides into months exactly; people see two decimals.
func ExampleAmount_QuoInt() {
	year := money.MustParse("3500")
	month, _ := year.QuoInt(12)
	fmt.Println(month, month.Display())
	// Output: 875/3 291.67
}

// Thresholds are compared without dividing: is 1274.99 below 1.5 × 850?
func ExampleAmount_CmpProduct() {
	countable := money.MustParse("1274.99")
	line := money.MustParse("850")
	fmt.Println(countable.CmpProduct(line, money.MustRate("1.5")) < 0)
	// Output: true
}

// One rounding engine for every rule: a price subsidy of 850 × 3.6 %,
// rounded to the yuan half up (四舍五入).
func ExampleAmount_MulRateRound() {
	std := money.MustParse("850")
	sub, _ := std.MulRateRound(money.MustRate("0.036"), money.Rule{Unit: money.UnitYuan, Mode: money.ModeHalfUp})
	fmt.Println(sub.Display())
	// Output: 31.00
}

// Sums that would leave the range say so instead of wrapping.
func ExampleSum() {
	var s money.Sum
	for range 200 {
		s.Add(money.MustParse("10000000"))
	}
	_, ok := s.Amount()
	fmt.Println(ok)
	// Output: false
}

// A rule checked once rounds many figures: monthly gaps of yearly
// shortfalls, to the fen half up. 5150 ÷ 12 = 429.1666… → 429.17;
// 3500 ÷ 12 = 291.666… → 291.67; 1206 ÷ 12 = 100.5 exactly.
func ExampleRule_Rounder() {
	r, ok := money.Rule{Unit: money.UnitFen, Mode: money.ModeHalfUp}.Rounder()
	if !ok {
		return
	}
	for _, year := range []string{"5150", "3500", "1206"} {
		month, _ := money.MustParse(year).QuoInt(12)
		gap, _ := r.Round(month)
		fmt.Println(year, "→", gap.Display())
	}
	// Output:
	// 5150 → 429.17
	// 3500 → 291.67
	// 1206 → 100.50
}
