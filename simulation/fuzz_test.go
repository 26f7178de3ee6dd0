package simulation_test

import (
	"testing"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/simulation"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// FuzzRun checks a run's invariants on synthetic populations of any seed:
// every household counted once a month; the cost by kind of line sums to
// the total; the baseline against itself changes nothing; a reform's
// winners and losers are among its changed households.
func FuzzRun(f *testing.F) {
	set, err := heilongjiang.Set()
	if err != nil {
		f.Fatal(err)
	}
	plus := plus10(f, set)
	f.Add(uint64(1), uint8(40), uint8(1))
	f.Add(uint64(99), uint8(7), uint8(3))
	f.Fuzz(func(t *testing.T, seed uint64, n, months uint8) {
		size := int(n%64) + 1
		m := int(months%4) + 1
		src := simulation.Synthesize(size, batch.SynthOptions{Seed: seed, Date: standards.MustParseDate("2024-06-01")})
		rep, err := simulation.Run(src, []simulation.Scenario{{Name: "a", Set: set}, {Name: "same", Set: set}, plus},
			simulation.Options{Months: m, Chunk: 5, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		if rep.Households != size {
			t.Fatalf("%d households read of %d", rep.Households, size)
		}
		for _, s := range rep.Scenarios {
			for _, mr := range s.Months {
				k := mr.Failed
				for _, c := range mr.Count {
					k += c
				}
				if k != size {
					t.Fatalf("%s: %d households counted of %d", s.Name, k, size)
				}
				var sum money.WeightedTotal
				for _, part := range []money.WeightedTotal{mr.Cost.Gap, mr.Cost.Supplements, mr.Cost.SinglePerson, mr.Cost.GradualExit, mr.Cost.PriceSubsidy, mr.Cost.Tekun} {
					sum.AddTotal(part)
				}
				if sum.Display() != mr.Cost.Total.Display() || sum.Rat().Cmp(mr.Cost.Total.Rat()) != 0 {
					t.Fatalf("%s: lines sum to %s, the total is %s", s.Name, sum.Display(), mr.Cost.Total.Display())
				}
			}
		}
		if c := rep.Scenarios[1].Change; !c.NoEffect || c.ChangedCount != 0 {
			t.Fatalf("the baseline against itself: %d changed", c.ChangedCount)
		}
		if c := rep.Scenarios[2].Change; c.WinnersCount+c.LosersCount > c.ChangedCount {
			t.Fatalf("%d winners and %d losers of %d changed", c.WinnersCount, c.LosersCount, c.ChangedCount)
		}
	})
}

// BenchmarkRun decides a synthetic population under the baseline and the
// standard +10 % for one month; ns/household is per household and scenario.
func BenchmarkRun(b *testing.B) {
	set, err := heilongjiang.Set()
	if err != nil {
		b.Fatal(err)
	}
	scen := []simulation.Scenario{{Name: "baseline", Set: set}, plus10(b, set)}
	const n = 20000
	b.ResetTimer()
	for range b.N {
		src := simulation.Synthesize(n, batch.SynthOptions{Seed: 1, Date: standards.MustParseDate("2024-06-01")})
		if _, err := simulation.Run(src, scen, simulation.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n*len(scen)), "ns/household")
}
