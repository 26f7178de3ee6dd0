package payment_test

import (
	"os"
	"testing"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"

	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// benchRequest is the illness household of the explanation benchmarks: a
// pension, three members, one seriously ill.
func benchRequest(explainIt bool) payment.Request {
	h := family("1000")
	h.Members[1].SeriousIllness = true
	r := req(h, "2023-06-01")
	r.Options.Explain = explainIt
	return r
}

// BenchmarkDecide is the end-to-end call for one household — income,
// classification, payment — with the explanation recorded (not rendered).
func BenchmarkDecide(b *testing.B) {
	set := testSet(b)
	r := benchRequest(true)
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

// BenchmarkDecider is Decide on a warm Decider (its buffers grown, its
// plan compiled), as a service or a loop decides: "explain" keeps the whole
// explanation, "reasons" only the reasons, flags and warnings, and
// "figures" records nothing (the batch path's DecideCompact).
func BenchmarkDecider(b *testing.B) {
	set := testSet(b)
	for _, tc := range []struct {
		name    string
		explain bool
	}{{"explain", true}, {"reasons", false}} {
		b.Run(tc.name, func(b *testing.B) {
			r := benchRequest(tc.explain)
			var dc payment.Decider
			b.ReportAllocs()
			for b.Loop() {
				d, err := dc.Decide(r, set)
				if err != nil {
					b.Fatal(err)
				}
				if (len(d.Steps) > 0) != tc.explain || len(d.Classification.Reasons) == 0 {
					b.Fatal("explanation", len(d.Steps), "reasons", len(d.Classification.Reasons))
				}
			}
		})
	}
	b.Run("figures", func(b *testing.B) {
		r := benchRequest(false)
		var c income.Compact
		ids, err := income.CompactOf(r.Household, &c, r.Date)
		if err != nil {
			b.Fatal(err)
		}
		pl, err := payment.NewPlan(set, c.Region, c.Area, r.Date, standards.Date{}, nil)
		if err != nil {
			b.Fatal(err)
		}
		var dc payment.Decider
		b.ReportAllocs()
		for b.Loop() {
			d, err := dc.DecideCompact(pl, &c, ids, &r, false)
			if err != nil {
				b.Fatal(err)
			}
			if len(d.Steps) != 0 || d.Total.Sign() <= 0 {
				b.Fatal("unexpected", d.Total)
			}
		}
	})
}

// BenchmarkRender renders BenchmarkDecide's explanation in each language.
func BenchmarkRender(b *testing.B) {
	set := testSet(b)
	d, err := payment.Decide(benchRequest(true), set)
	if err != nil {
		b.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		tag  language.Tag
	}{{"zh-Hans", zh}, {"en", en}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if len(d.Explain(tc.tag)) == 0 {
					b.Fatal("empty")
				}
			}
		})
	}
}

// BenchmarkRequestRoundTrip is one request of the service end to end on the
// embedded data: the JSON request of examples/decide (three members, wages
// over six months, a disability, medical expenditure, prices, explanation
// on) decoded, decided on a warm Decider (examples/serve keeps a pool of
// them) and the decision encoded.
func BenchmarkRequestRoundTrip(b *testing.B) {
	data, err := os.ReadFile("testdata/harbin-household.json")
	if err != nil {
		b.Fatal(err)
	}
	set, err := heilongjiang.Set()
	if err != nil {
		b.Fatal(err)
	}
	var dc payment.Decider // as the service keeps them, warm
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := dc.DecideJSON(data, set)
		if err != nil {
			b.Fatal(err)
		}
		out, err := d.MarshalJSON()
		if err != nil || len(out) == 0 {
			b.Fatal(err)
		}
	}
}
