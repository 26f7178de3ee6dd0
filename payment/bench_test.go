package payment_test

import (
	"testing"

	"github.com/dibao-go/dibao/payment"
)

// BenchmarkDecide is the end-to-end call for one household — income,
// classification, payment — with the explanation.
func BenchmarkDecide(b *testing.B) {
	set := testSet(b)
	h := family("1000")
	h.Members[1].SeriousIllness = true
	r := req(h, "2023-06-01")
	r.Options.Explain = true
	b.ReportAllocs()
	for b.Loop() {
		d, err := payment.Decide(r, set)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Steps) == 0 {
			b.Fatal("no explanation")
		}
	}
}
