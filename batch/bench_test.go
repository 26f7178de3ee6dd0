package batch_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

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
	ref := reference(b, pop)
	e := batch.New(benchSet(b), batch.Options{})
	w := e.Worker()
	var r batch.Result
	decideAll := func() {
		for i := 0; i < pop.Len(); i++ {
			if w.DecideAt(pop, i, &r); r.Err != nil {
				b.Fatal(r.Err)
			}
		}
	}
	decideAll() // warm the plans and buffers
	b.ReportAllocs()
	n := 0
	var engine, floor time.Duration
	for b.Loop() {
		t0 := time.Now()
		decideAll()
		t1 := time.Now()
		ref.loop()
		engine, floor = engine+t1.Sub(t0), floor+time.Since(t1)
		n += pop.Len()
	}
	b.ReportMetric(float64(engine.Nanoseconds())/float64(n), "ns/household")
	b.ReportMetric(float64(floor.Nanoseconds())/float64(n), "ref-ns/household")
	b.ReportMetric(float64(engine)/float64(floor), "×ref")
	b.ReportMetric(float64(testing.AllocsPerRun(1, decideAll))/float64(pop.Len()), "allocs/household")
	b.ReportMetric(0, "ns/op")
}

// refData is a population reduced to int64 figures, for the reference
// loop: the floor for these rules.
type refData struct {
	hs   []refHousehold
	ms   []refMember
	sink int64
}

type refHousehold struct {
	first, n int32
	std      int64 // the 低保 standard, fen
	edge     int64 // the widest band's threshold per person, twelfths of a fen
}

type refMember struct {
	income   int64 // monthly income counted, twelfths of a fen
	wage     int64 // of which wages
	minWage  int64 // the minimum wage of the place of work, fen
	supplied bool  // in a supplement category
}

// reference reduces pop to the figures of its simple rules — income in
// twelfths of a fen, one employment-cost deduction, the gap rounded half up
// to the fen, one supplement per member in a category — read from the
// same standards, outside the timing.
func reference(b testing.TB, pop *batch.Population) *refData {
	set := benchSet(b)
	var view income.Compact
	r := &refData{}
	for i := 0; i < pop.Len(); i++ {
		_, c := pop.View(i, &view)
		q := standards.Query{Region: view.Region, Area: view.Area, Date: c.Date}
		std, err := standards.Lookup(set, standards.ParamDibaoStandard, q)
		if err != nil {
			b.Fatal(err)
		}
		fen, _ := std.V.Fen()
		h := refHousehold{first: int32(len(r.ms)), n: int32(view.N), std: fen, edge: fen * 12 * 3 / 2}
		for k := 0; k < view.N; k++ {
			m := &view.Members[k]
			rm := refMember{minWage: 168000}
			for _, in := range view.Incomes(k) {
				f, _ := in.Amount.Fen()
				v := f * 12
				if in.Unit != income.PerMonth {
					v = f
				}
				if in.Kind == standards.IncomeWage {
					rm.wage += v
				}
				rm.income += v
			}
			age := m.AgeOn(c.Date)
			rm.supplied = age < 18 || age >= 60
			r.ms = append(r.ms, rm)
		}
		r.hs = append(r.hs, h)
	}
	return r
}

func (r *refData) loop() {
	for _, h := range r.hs {
		var countable, supp int64
		for _, m := range r.ms[h.first : h.first+h.n] {
			c := m.income
			if m.wage > 0 {
				c -= min(m.minWage*2, m.wage) // 2 × the wage ÷ 12 a month, in twelfths
			}
			countable += c
			if m.supplied {
				supp += h.std * 15 / 100
			}
		}
		countable = max(countable, 0)
		line := h.std * 12 * int64(h.n)
		switch {
		case countable < line:
			r.sink += (line-countable+6)/12 + supp // half up to the fen
		case countable < h.edge*int64(h.n):
			r.sink++
		}
	}
}

// envCount is the count in the environment variable name, or def when it
// is not set.
func envCount(b *testing.B, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		b.Fatal(name, err)
	}
	return n
}

// BenchmarkDifferential is the differential test at benchmark size: the
// batch engine and payment.Decide on DIBAO_DIFF households (100 000 by
// default) of populations that exercise every rule, on a date of the 2023
// standards and one of the 2024 wages and county standards; any
// disagreement fails it. It reports the households compared a second.
func BenchmarkDifferential(b *testing.B) {
	n := envCount(b, "DIBAO_DIFF", 100_000)
	set := benchSet(b)
	for _, date := range []string{"2023-06-01", "2024-07-01"} {
		pop, err := batch.Synthesize(n, batch.SynthOptions{Seed: 11, Date: standards.MustParseDate(date)})
		if err != nil {
			b.Fatal(err)
		}
		b.Run(date, func(b *testing.B) {
			compared := 0
			for b.Loop() {
				differ(b, set, pop, batch.Options{})
				compared += pop.Len()
			}
			b.ReportMetric(float64(compared)/b.Elapsed().Seconds(), "households/s")
		})
	}
}

// BenchmarkRunCSV is the whole job on a CSV file of the common population
// (bench population of BenchmarkBatch, 100 000 households): read and
// check each household from the file's bytes, decide it and write its
// result row, with one worker and with GOMAXPROCS workers. It reports
// households/s and ns/household; "per-core" divides by the workers.
func BenchmarkRunCSV(b *testing.B) {
	pop := synth(b, 100_000, true)
	data := writeCSV(b, pop)
	set := benchSet(b)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			e := batch.New(set, batch.Options{Workers: workers})
			b.SetBytes(int64(len(data)))
			n := 0
			for b.Loop() {
				r, err := batch.NewCSVReader(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				sum, err := e.Run(r, io.Discard, batch.RunOptions{})
				if err != nil || sum.Households != pop.Len() || sum.Failed != 0 {
					b.Fatal(err, sum.Failed)
				}
				n += sum.Households
			}
			perSec := float64(n) / b.Elapsed().Seconds()
			b.ReportMetric(perSec, "households/s")
			b.ReportMetric(perSec/float64(workers), "households/s/worker")
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(n), "ns/household")
		})
	}
}

// BenchmarkCSVFloor measures two readers of BenchmarkRunCSV's file that do
// far less than Run, as yardsticks for it, in ns/household (run it with
// BenchmarkRunCSV: -bench 'RunCSV|CSVFloor'):
//   - fields: a loop over the bytes, one at a time, that only counts where
//     a non-empty field begins — nothing kept, typed or checked;
//   - encoding/csv: the standard library's reader splitting each record
//     into its fields (the record reused) — nothing typed or checked.
//
// A household of this file is about 510 bytes in 6.5 rows of 40 columns.
func BenchmarkCSVFloor(b *testing.B) {
	pop := synth(b, 100_000, true)
	data := writeCSV(b, pop)
	n := pop.Len()
	perHousehold := func(b *testing.B) {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/household")
		b.ReportMetric(float64(len(data))/float64(n), "bytes/household")
	}
	b.Run("fields", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			starts, prev := 0, byte('\n')
			for _, c := range data {
				if c != ',' && c != '\n' && (prev == ',' || prev == '\n') {
					starts++
				}
				prev = c
			}
			if starts < n {
				b.Fatal(starts)
			}
		}
		perHousehold(b)
	})
	b.Run("encoding-csv", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		for b.Loop() {
			r := csv.NewReader(bytes.NewReader(data))
			r.ReuseRecord = true
			rows := 0
			for {
				_, err := r.Read()
				if err == io.EOF {
					break
				}
				if err != nil {
					b.Fatal(err)
				}
				rows++
			}
			if rows < n {
				b.Fatal(rows)
			}
		}
		perHousehold(b)
	})
}

// synthCSV writes n households of the common population as CSV to w, a
// chunk at a time, so that the input of a streamed run is never whole in
// memory.
func synthCSV(w io.Writer, n int) error {
	cw, err := batch.NewCSVWriter(w)
	if err != nil {
		return err
	}
	const chunk = 10_000
	for done := 0; done < n; done += chunk {
		p, err := batch.Synthesize(min(chunk, n-done), batch.SynthOptions{Seed: uint64(done), Date: standards.MustParseDate("2023-06-01"),
			Common: true, FirstKey: done})
		if err != nil {
			return err
		}
		if err := cw.Write(p); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// BenchmarkRunStream streams households (DIBAO_STREAM, 1 000 000 by
// default; 10 000 000 for the memory target) from a CSV generated on the
// fly through Run, and reports the peak of the memory the Go runtime holds
// from the system (MiB) while it runs. Each iteration is one whole run.
func BenchmarkRunStream(b *testing.B) {
	n := envCount(b, "DIBAO_STREAM", 1_000_000)
	set := benchSet(b)
	for b.Loop() {
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(synthCSV(pw, n)) }()
		var peak uint64
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.Sys-ms.HeapReleased)
				select {
				case <-stop:
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
		}()
		r, err := batch.NewCSVReader(pr)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := batch.New(set, batch.Options{}).Run(r, io.Discard, batch.RunOptions{})
		close(stop)
		<-sampled
		if err != nil || sum.Households != n {
			b.Fatal(err, sum.Households)
		}
		b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
		b.ReportMetric(float64(n), "households")
	}
}
