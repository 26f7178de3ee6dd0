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

// roundTripInput is the request of examples/decide and the embedded data.
func roundTripInput(b *testing.B) ([]byte, *standards.Set) {
	data, err := os.ReadFile("testdata/harbin-household.json")
	if err != nil {
		b.Fatal(err)
	}
	set, err := heilongjiang.Set()
	if err != nil {
		b.Fatal(err)
	}
	return data, set
}

// BenchmarkRequestRoundTrip is one request of the service end to end on the
// embedded data: the JSON request of examples/decide (three members, wages
// over six months, a disability, medical expenditure, prices; the
// explanation not asked for) decoded, decided on a warm Decider and the
// decision record appended to a buffer kept from the last request, as
// examples/serve keeps both in its pool of workers. "marshal" writes the
// record into a new buffer each time (MarshalJSON) instead.
func BenchmarkRequestRoundTrip(b *testing.B) {
	data, set := roundTripInput(b)
	for _, kept := range []bool{true, false} {
		name := "kept"
		if !kept {
			name = "marshal"
		}
		b.Run(name, func(b *testing.B) {
			var dc payment.Decider // as the service keeps them, warm
			var buf []byte
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				d, err := dc.DecideJSON(data, set)
				if err != nil {
					b.Fatal(err)
				}
				if kept {
					buf, err = d.AppendJSON(buf[:0])
				} else {
					buf, err = d.MarshalJSON()
				}
				if err != nil || len(buf) == 0 {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRequestParts times BenchmarkRequestRoundTrip's three parts
// apart: decoding the request, deciding it on a warm Decider, appending the
// decision record to a kept buffer.
func BenchmarkRequestParts(b *testing.B) {
	data, set := roundTripInput(b)
	req, err := payment.DecodeRequest(data)
	if err != nil {
		b.Fatal(err)
	}
	var dc payment.Decider
	b.Run("decode", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := payment.DecodeRequest(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decide", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := dc.Decide(req, set); err != nil {
				b.Fatal(err)
			}
		}
	})
	d, err := dc.Decide(req, set)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("encode", func(b *testing.B) {
		var buf []byte
		b.ReportAllocs()
		for b.Loop() {
			if buf, err = d.AppendJSON(buf[:0]); err != nil || len(buf) == 0 {
				b.Fatal(err)
			}
		}
	})
}
