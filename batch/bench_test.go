package batch_test

import (
	"testing"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func benchSet(b testing.TB) *standards.Set {
	s, err := heilongjiang.Set()
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func synth(b testing.TB, n int, common bool) *batch.Population {
	p, err := batch.Synthesize(n, batch.SynthOptions{Seed: 1, Date: standards.MustParseDate("2023-06-01"), Common: common})
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkBatch decides the synthetic population of the common rules
// (1–6 members, wages at workplaces in every tier, pensions, supplements,
// property) without explanation on one core: one worker, plans warm. It
// reports ns/household and allocs/household.
func BenchmarkBatch(b *testing.B) { benchBatch(b, synth(b, 10_000, true)) }

// BenchmarkBatchAllRules is BenchmarkBatch on a population that exercises
// every rule: 特困 and 单人户 candidates, caregivers, suspicions, current
// recipients in their gradual exit — most of which take the general path.
func BenchmarkBatchAllRules(b *testing.B) { benchBatch(b, synth(b, 10_000, false)) }

func benchBatch(b *testing.B, pop *batch.Population) {
	e := batch.New(benchSet(b), batch.Options{})
	w := e.Worker()
	var view income.Compact
	var r batch.Result
	decideAll := func() {
		for i := 0; i < pop.Len(); i++ {
			ids, c := pop.View(i, &view)
			if w.DecideInto(&view, ids, c, &r); r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	decideAll() // warm the plans and buffers
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		decideAll()
		n += pop.Len()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/household")
	b.ReportMetric(float64(testing.AllocsPerRun(1, decideAll))/float64(pop.Len()), "allocs/household")
	b.ReportMetric(0, "ns/op")
}
