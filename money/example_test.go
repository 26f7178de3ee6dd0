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
