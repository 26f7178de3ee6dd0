package payment_test

import (
	"testing"

	"github.com/dibao-go/dibao/payment"
)

// BenchmarkDecide is the end-to-end call for one household (income,
// classification, payment), without and with the explanation.
func BenchmarkDecide(b *testing.B) {
	set := testSet(b)
	for _, explain := range []bool{false, true} {
		name := "figures"
		if explain {
			name = "explained"
		}
		b.Run(name, func(b *testing.B) {
			r := req(family("1000"), "2023-06-01")
			r.Options.Explain = explain
			b.ReportAllocs()
			for b.Loop() {
				if _, err := payment.Decide(r, set); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
