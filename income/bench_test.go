package income_test

import (
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
)

// BenchmarkAssessor is the batch path over 10,000 households: an Assessor
// on compact households and warm plans, without an explanation.
func BenchmarkAssessor(b *testing.B) {
	set := testSet(b)
	pop := population(10_000)
	bt := newBatch(b, set, d("2025-12-01"), pop)
	var a income.Assessor
	for i := range pop { // warm the buffers
		if _, err := bt.assess(&a, i); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i := range pop {
			if _, err := bt.assess(&a, i); err != nil {
				b.Fatal(err)
			}
		}
		n += len(pop)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/household")
}

// BenchmarkAssessExplained is one household through Assess with the full
// explanation, rendered in both languages.
func BenchmarkAssessExplained(b *testing.B) {
	set := testSet(b)
	h := validHousehold()
	date := d("2024-06-01")
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		a, err := income.Assess(h, set, date, income.Options{Explain: true})
		if err != nil {
			b.Fatal(err)
		}
		_ = explain.Render(a.Steps, language.Chinese)
		_ = explain.Render(a.Steps, language.English)
		n++
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/household")
}

// BenchmarkAssess is one household through Assess without an explanation
// (which compiles a plan every time).
func BenchmarkAssess(b *testing.B) {
	set := testSet(b)
	h := validHousehold()
	date := d("2024-06-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := income.Assess(h, set, date, income.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeHousehold(b *testing.B) {
	data := []byte(validJSON)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := income.DecodeHousehold(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeHostile(b *testing.B) {
	data := bad(`"amount": "3000"`, `"amount": "`+strings.Repeat("9", 500_000)+`"`)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := income.DecodeHousehold(data); err == nil {
			b.Fatal("accepted")
		}
	}
}
