package simulation

import (
	"cmp"
	"errors"
	"io"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
)

// Bounds of a run.
const (
	MaxMonths    = 120 // months one run assesses
	MaxScenarios = 16  // the baseline and the reforms
)

// Scenario is a named standards Set: the baseline, or a reform of it.
type Scenario struct {
	Name string
	Set  *standards.Set
}

// Reformed returns the scenario of reform r applied to base (its problems
// as Set.Apply reports them).
func Reformed(base *standards.Set, r standards.Reform) (Scenario, error) {
	s, err := base.Apply(r)
	if err != nil {
		return Scenario{}, err
	}
	return Scenario{Name: r.Name, Set: s}, nil
}

// Options shape a run.
type Options struct {
	// Date is the first month's assessment date of every household; when
	// zero, each household's own date. Month m (from 0) is assessed on
	// that date + m months.
	Date standards.Date
	// Months is the number of months assessed (1 when 0; at most MaxMonths).
	// Each month is decided on the standing the month before left
	// (payment.NextCurrent): gradual exits run on and end, 单人户 members
	// keep their standing, recipients' last payments carry.
	Months int
	// Prices are price indices for the price subsidy (R5): month m uses the
	// entry whose Month is in that month's calendar month (with Date set;
	// without it, none is used); a month without one pays no price subsidy.
	Prices []payment.Prices
	// Method, when set, overrides the Sets' payment method.
	Method standards.Method
	// Workers deciding in parallel (GOMAXPROCS when 0); Chunk households
	// read at a time (4096 when 0).
	Workers, Chunk int
	// NoDeciles skips the deciles of baseline income, which keep 32 bytes
	// per household and 8 per reform (the rest of a run's memory does not
	// grow with the population).
	NoDeciles bool
	// Households, when set, receives a CSV row per household and month of
	// scenario HouseholdsOf (an index into the scenarios), in input order
	// (see HouseholdHeader).
	Households   io.Writer
	HouseholdsOf int
	// Progress, when set, is called after each piece of the run with the
	// number of households done.
	Progress func(done int)
}

// Run decides every household src reads under each scenario — the first is
// the baseline — for the months of opts, and returns the weighted summary.
// Households that cannot be read or decided are counted, not errors; an
// error is a read error, a write error, or bad options.
func Run(src batch.Reader, scenarios []Scenario, opts Options) (*Report, error) {
	if len(scenarios) == 0 || len(scenarios) > MaxScenarios {
		return nil, errors.New("simulation: between 1 and 16 scenarios")
	}
	for _, s := range scenarios {
		if s.Set == nil {
			return nil, errors.New("simulation: a scenario without a Set")
		}
	}
	months := opts.Months
	if months == 0 {
		months = 1
	}
	if months < 0 || months > MaxMonths {
		return nil, errors.New("simulation: months must be between 1 and 120")
	}
	if opts.Households != nil && (opts.HouseholdsOf < 0 || opts.HouseholdsOf >= len(scenarios)) {
		return nil, errors.New("simulation: HouseholdsOf is not a scenario")
	}
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	chunk := opts.Chunk
	if chunk <= 0 {
		chunk = 4096
	}
	r := &run{opts: opts, months: months, scen: scenarios}
	// One engine per scenario and distinct month of prices.
	r.engines = make([][]*batch.Engine, len(scenarios))
	for s, sc := range scenarios {
		r.engines[s] = make([]*batch.Engine, months)
		var prev *payment.Prices
		for m := range months {
			pr := r.prices(m)
			if m > 0 && pr == prev {
				r.engines[s][m] = r.engines[s][m-1]
				continue
			}
			r.engines[s][m] = batch.New(sc.Set, batch.Options{Method: opts.Method, Prices: pr, Workers: 1})
			prev = pr
		}
	}
	var hw *householdWriter
	if opts.Households != nil {
		var err error
		if hw, err = newHouseholdWriter(opts.Households); err != nil {
			return nil, err
		}
	}
	slots := make([]*slot, workers)
	for g := range slots {
		slots[g] = r.newSlot()
	}
	total := newAgg(len(scenarios), months)
	var rows decileRows
	rows.reforms = len(scenarios) - 1
	done := 0
	var readErr error
	for readErr == nil {
		// Read a piece per worker, decide them in parallel, then write
		// and gather in input order.
		n := 0
		for _, sl := range slots {
			sl.pop.Reset()
			sl.csv = sl.csv[:0]
			sl.rows = sl.rows[:0]
			sl.changes = sl.changes[:0]
			if readErr != nil {
				continue
			}
			var k int
			sl.offset = done + n
			k, readErr = src.Read(&sl.pop, chunk)
			n += k
		}
		if readErr != nil && !errors.Is(readErr, io.EOF) {
			return nil, readErr
		}
		var wg sync.WaitGroup
		for _, sl := range slots {
			if sl.pop.Len() == 0 {
				continue
			}
			wg.Add(1)
			go func() {
				defer wg.Done()
				r.decide(sl, hw != nil)
			}()
		}
		wg.Wait()
		for _, sl := range slots {
			if hw != nil && len(sl.csv) > 0 {
				if err := hw.write(sl.csv); err != nil {
					return nil, err
				}
			}
			if !opts.NoDeciles {
				rows.rows = append(rows.rows, sl.rows...)
				rows.changes = append(rows.changes, sl.changes...)
			}
		}
		done += n
		if opts.Progress != nil && n > 0 {
			opts.Progress(done)
		}
	}
	if hw != nil {
		if err := hw.flush(); err != nil {
			return nil, err
		}
	}
	for _, sl := range slots {
		total.add(sl.agg)
	}
	return r.report(total, &rows), nil
}

// run is one simulation's shared state (read-only while deciding).
type run struct {
	opts    Options
	months  int
	scen    []Scenario
	engines [][]*batch.Engine
}

// prices returns month m's indices, or nil.
func (r *run) prices(m int) *payment.Prices {
	if len(r.opts.Prices) == 0 {
		return nil
	}
	d := r.opts.Date
	if d.IsZero() {
		return nil
	}
	d = d.AddMonths(m)
	for i := range r.opts.Prices {
		p := &r.opts.Prices[i]
		if p.Month.Year() == d.Year() && p.Month.Month() == d.Month() {
			return p
		}
	}
	return nil
}

// slot is one worker's piece of a run: its population, its batch workers
// (one per scenario and month), and what it gathers.
type slot struct {
	pop     batch.Population
	workers [][]*batch.Worker
	view    income.Compact
	agg     *agg
	csv     []byte
	rows    []decileRow
	changes []money.Amount
	totals  []money.Amount // per scenario, the household's sum over the months
	first   []payment.Figures
	baseBuf []payment.Figures // the baseline's figures of the household, by month
	baseOK  []bool            // baseBuf[m] was decided
	offset  int               // the number in the input of pop's first household
	// baseFailed: the household could not be decided in the baseline.
	baseFailed bool
}

func (r *run) newSlot() *slot {
	sl := &slot{agg: newAgg(len(r.scen), r.months), totals: make([]money.Amount, len(r.scen)), first: make([]payment.Figures, len(r.scen))}
	sl.workers = make([][]*batch.Worker, len(r.scen))
	for s := range r.scen {
		sl.workers[s] = make([]*batch.Worker, r.months)
		for m := range r.months {
			if m > 0 && r.engines[s][m] == r.engines[s][m-1] {
				sl.workers[s][m] = sl.workers[s][m-1]
				continue
			}
			sl.workers[s][m] = r.engines[s][m].Worker()
		}
	}
	return sl
}

// failureOf is household i's failure under scenario s (−1 for one that
// could not be read) in month m: its key made valid UTF-8 for the reports
// (a key read from a file in another encoding is the household's problem),
// and the line to look at.
func failureOf(sl *slot, i, s, m int, err error) Failure {
	f := Failure{Household: strings.ToValidUTF8(sl.pop.Key(i), "\uFFFD"), Line: sl.pop.Line(i), Scenario: s, Month: m, Err: err, index: sl.offset + i}
	var ie *batch.InputError
	if errors.As(err, &ie) {
		f.Line = ie.At()
	}
	return f
}

// decide decides a slot's households under every scenario and month.
func (r *run) decide(sl *slot, csv bool) {
	a := sl.agg
	for i := 0; i < sl.pop.Len(); i++ {
		a.households++
		if err := sl.pop.Err(i); err != nil {
			a.failed++
			a.fail(failureOf(sl, i, -1, 0, err))
			continue
		}
		w := sl.pop.Weight(i)
		ids, c0 := sl.pop.View(i, &sl.view)
		h := &sl.view
		start := r.opts.Date
		if start.IsZero() {
			start = c0.Date
		}
		decided := true
		sl.baseBuf, sl.baseOK = sl.baseBuf[:0], sl.baseOK[:0]
		for s := range r.scen {
			c := c0
			c.Date = start
			if c.Request != nil && c.Request.Date != start {
				req := *c.Request
				req.Date = start
				c.Request = &req
			}
			sum := money.Zero
			changed, failed := false, false
			for m := range r.months {
				var res batch.Result
				date := start.AddMonths(m)
				c = sl.workers[s][m].Step(h, ids, c, start.AddMonths(m+1), &res)
				if res.Err != nil {
					a.scen[s].months[m].failed++
					if a.scen[s].firstErr == nil {
						a.scen[s].firstErr = res.Err
					}
					if !failed {
						a.fail(failureOf(sl, i, s, m, res.Err))
					}
					failed = true
					continue
				}
				a.scen[s].months[m].add(h, w, &res.Figures)
				sum, _ = sum.Add(res.Total) // at most 120 monthly totals: in range
				if m == 0 {
					sl.first[s] = res.Figures
				}
				if s > 0 && !changed {
					changed = r.differs(sl, s, m, &res.Figures)
				}
				if csv && s == r.opts.HouseholdsOf {
					sl.csv = appendHousehold(sl.csv, sl.pop.KeyBytes(i), w, date, &res.Figures, s, sl, m)
				}
				if s == 0 {
					sl.base(m, &res.Figures)
				}
			}
			sl.totals[s] = sum
			// A household any month of which could not be decided, in the
			// baseline or the reform, is left out of the comparisons.
			if failed {
				decided = false
				a.scen[s].failedHouseholds++
				if s == 0 {
					sl.baseFailed = true
				}
			}
			if s > 0 && !failed && !sl.baseFailed {
				a.change(s, w, sl.totals[0], sum, &sl.first[0], &sl.first[s], changed)
			}
		}
		sl.baseFailed = false
		if decided && !r.opts.NoDeciles {
			f := &sl.first[0]
			tested := int64(max(f.Tested, 1))
			floor, _ := f.Countable.QuoRound(tested, money.Rule{Unit: money.UnitFen, Mode: money.ModeDown})
			key, _ := floor.Fen() // a household's countable income is within range
			sl.rows = append(sl.rows, decileRow{key: key, countable: f.Countable, tested: int32(tested), weight: w})
			for s := 1; s < len(r.scen); s++ {
				d, _ := sl.totals[s].Sub(sl.totals[0]) // sums of at most 120 monthly totals: in range
				sl.changes = append(sl.changes, d)
			}
		}
	}
}

// base keeps the baseline's figures of month m for the comparisons of the
// reforms (decided after the baseline, household by household).
func (sl *slot) base(m int, f *payment.Figures) {
	for len(sl.baseBuf) <= m {
		sl.baseBuf = append(sl.baseBuf, payment.Figures{})
		sl.baseOK = append(sl.baseOK, false)
	}
	sl.baseBuf[m], sl.baseOK[m] = *f, true
}

// differs reports that a reform's figures of month m differ from the
// baseline's.
func (r *run) differs(sl *slot, s, m int, f *payment.Figures) bool {
	return m >= len(sl.baseBuf) || !sl.baseOK[m] || sl.baseBuf[m] != *f
}

// decileRow is what the deciles keep of a household: its baseline
// countable income and tested members (the per-capita income is their
// quotient, compared without dividing), and its weight.
type decileRow struct {
	key       int64 // the per-capita income in whole fen, rounded down: compared first
	countable money.Amount
	tested    int32
	weight    money.Rate
}

type decileRows struct {
	reforms int
	rows    []decileRow
	changes []money.Amount // reforms per row: each reform's change over the run
}

// order returns the rows' indices by per-capita income, ties in input order.
func (d *decileRows) order() []int32 {
	idx := make([]int32, len(d.rows))
	for i := range idx {
		idx[i] = int32(i)
	}
	slices.SortStableFunc(idx, func(a, b int32) int {
		x, y := &d.rows[a], &d.rows[b]
		if x.key != y.key {
			return cmp.Compare(x.key, y.key)
		}
		return money.CmpScaled(x.countable, int64(y.tested), y.countable, int64(x.tested))
	})
	return idx
}

// statuses is the number of household statuses.
const statuses = int(eligibility.Tekun) + 1

const (
	statusEdge  = eligibility.Edge
	statusDibao = eligibility.Dibao
)
