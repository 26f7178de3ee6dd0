package standards_test

import (
	"bytes"
	"testing"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func BenchmarkLoadHeilongjiang(b *testing.B) {
	divs, err := standards.ParseDivisionsCSV(bytes.NewReader(heilongjiang.DivisionsCSV()))
	if err != nil {
		b.Fatal(err)
	}
	data := heilongjiang.JSON()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := standards.Load(data, standards.LoadOptions{Divisions: divs}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDibaoStandard(b *testing.B) {
	s, _ := heilongjiang.Set()
	q := standards.Query{Region: r("230113"), Area: standards.AreaUrban, Date: d("2023-06-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.DibaoStandard(q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDibaoStandardAsOf(b *testing.B) {
	s, _ := heilongjiang.Set()
	q := standards.Query{Region: r("230113"), Area: standards.AreaUrban, Date: d("2023-06-01"), KnownOn: d("2023-10-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.DibaoStandard(q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMinimumWage(b *testing.B) {
	s, _ := heilongjiang.Set()
	q := standards.Query{Region: r("232761"), Date: d("2025-12-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.MinimumWage(q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEdgeBands(b *testing.B) {
	s, _ := heilongjiang.Set()
	q := standards.Query{Region: r("230113"), Date: d("2023-06-01")}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.EdgeBands(q); err != nil {
			b.Fatal(err)
		}
	}
}
