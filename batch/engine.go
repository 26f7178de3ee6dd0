package batch

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Options set what every decision of a run shares.
type Options struct {
	// Method, when set, overrides the standards' payment method.
	Method standards.Method
	// Prices, when set, are the month's price indices for the price subsidy.
	Prices *payment.Prices
	// KnownOn, when set, looks standards up as known on that date.
	KnownOn standards.Date
	// Workers is the number of goroutines Decide uses (GOMAXPROCS when 0).
	Workers int
}

// Result is one household's decision, in figures (payment.Figures). Err,
// when set, is why the household could not be decided (a *problem.Error:
// bad input, or a value the standards lack); the figures are then zero.
type Result struct {
	payment.Figures
	Err error
}

// Engine decides households on one Set. It compiles the standards a
// decision needs once per region, area class and date range (the plans)
// and shares them between its workers. An Engine is safe for concurrent
// use.
type Engine struct {
	set  *standards.Set
	opts Options
	mu   sync.Mutex
	// plans are compiled plans by region and area class, shared.
	plans map[planKey][]*payment.Plan
	wages []*income.Wages
	// index numbers the Set's own divisions from 1 by their code's last
	// four digits (0: none), for the workers' plan slots.
	index []uint16
	slots int // the number of a worker's plan slots
}

type planKey struct {
	region standards.Region
	area   standards.Area
}

// New returns an engine for set.
func New(set *standards.Set, opts Options) *Engine {
	e := &Engine{set: set, opts: opts, plans: map[planKey][]*payment.Plan{}, index: make([]uint16, 10000)}
	n := 0
	if set != nil {
		divs, province := set.Divisions(), set.Jurisdiction().Province()
		for i := 0; i < divs.Len() && n < 1<<16-1; i++ {
			if r := divs.At(i).Region; r.Province() == province && e.index[r.Code()%10000] == 0 {
				n++
				e.index[r.Code()%10000] = uint16(n)
			}
		}
	}
	e.slots = (n + 1) * 3
	return e
}

// Worker decides households one after another, reusing its buffers and a
// cache of the engine's plans. A Worker is used by one goroutine at a
// time; make one per goroutine.
type Worker struct {
	e    *Engine
	dc   payment.Decider
	view income.Compact
	req  payment.Request
	full payment.Request // a household's own request (Case.Request)
	last planSlot        // the last plan planSlow returned, which it tries first
	// slots hold the worker's plans for the Set's own divisions by their
	// number (Engine.index) and area class, without hashing; own holds
	// those of other regions.
	slots []planSlot
	own   map[planKey][]*payment.Plan
	// index and province are the engine's (Engine.index, the Set's
	// jurisdiction), read without going through it.
	index    []uint16
	province standards.Region
}

// planSlot is a plan with what finding it compares: its region, area class
// and dates, read without following the plan's pointers.
type planSlot struct {
	p             *payment.Plan
	region        standards.Region
	area          standards.Area
	from, through standards.Date // the plan's dates (income.Plan's Date and ValidThrough, zero: open)
}

func slotOf(p *payment.Plan) planSlot {
	ip := p.Eligibility.Income
	return planSlot{p: p, region: ip.Region, area: ip.Area, from: ip.Date, through: ip.ValidThrough}
}

// covers reports whether the slot holds a plan covering date d.
func (s *planSlot) covers(d standards.Date) bool {
	return s.p != nil && d.Within(s.from, s.through)
}

// Worker returns a new worker.
func (e *Engine) Worker() *Worker {
	w := &Worker{e: e, own: map[planKey][]*payment.Plan{}, slots: make([]planSlot, e.slots), index: e.index}
	if e.set != nil {
		w.province = e.set.Jurisdiction()
	}
	w.req.Method, w.req.Prices, w.req.Options.KnownOn = e.opts.Method, e.opts.Prices, e.opts.KnownOn
	return w
}

// plan returns a plan covering the household's region, area class and
// date: the one in the worker's slot for a division of the Set when it
// does, else planSlow's.
func (w *Worker) plan(region standards.Region, area standards.Area, date standards.Date) (*payment.Plan, error) {
	// The slot of the division whose code ends in the region's last four
	// digits (none without a Set): the region's own when it holds it.
	if n := w.index[region.Code()%10000]; n > 0 && area <= standards.AreaRural {
		if s := &w.slots[int(n)*3+int(area)]; s.region == region && s.covers(date) {
			return s.p, nil
		}
	}
	return w.planSlow(region, area, date)
}

// planSlow returns a plan covering the household's region, area class and
// date: the last one found beyond the slots when it does (the common case
// in a population sorted by place), else the worker's own, else the
// engine's, else a new one, which a division of the Set keeps in its slot.
func (w *Worker) planSlow(region standards.Region, area standards.Area, date standards.Date) (*payment.Plan, error) {
	if w.e.set == nil {
		var l report.List
		l.Add("standards", report.MsgRequired)
		return nil, l.Err(problem.SubjectRequest)
	}
	if l := &w.last; l.region == region && l.area == area && l.covers(date) {
		return l.p, nil
	}
	slot := -1
	if region.Province() == w.province && area <= standards.AreaRural {
		if n := w.index[region.Code()%10000]; n > 0 {
			slot = int(n)*3 + int(area)
		}
	}
	k := planKey{region, area}
	var p *payment.Plan
	for _, q := range w.own[k] {
		if q.Covers(date) {
			p = q
			break
		}
	}
	if p == nil {
		var err error
		if p, err = w.e.shared(k, date); err != nil {
			return nil, err
		}
		w.own[k] = append(w.own[k], p)
	}
	w.last = slotOf(p)
	if slot >= 0 {
		w.slots[slot] = w.last
	}
	return p, nil
}

// shared finds or compiles the engine's plan for a region, area class and
// date, with the minimum wages of the date shared between regions.
func (e *Engine) shared(k planKey, date standards.Date) (*payment.Plan, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, p := range e.plans[k] {
		if p.Covers(date) {
			return p, nil
		}
	}
	var wages *income.Wages
	for _, w := range e.wages {
		if w.Covers(date) {
			wages = w
			break
		}
	}
	p, err := payment.NewPlan(e.set, k.region, k.area, date, e.opts.KnownOn, wages)
	if err != nil {
		return nil, err
	}
	if wages == nil {
		e.wages = append(e.wages, p.Eligibility.Income.Wages)
	}
	e.plans[k] = append(e.plans[k], p)
	return p, nil
}

// Decide decides a validated compact household without an explanation.
// Once the worker is warm it allocates nothing unless the household cannot
// be decided.
func (w *Worker) Decide(h *income.Compact, ids income.IDs, c Case) Result {
	var r Result
	w.DecideInto(h, ids, c, &r)
	return r
}

// DecideInto is Decide writing into out, for loops that keep their results
// in place.
func (w *Worker) DecideInto(h *income.Compact, ids income.IDs, c Case, out *Result) {
	w.decide(h, ids, &c, out)
}

// DecideAt decides household i of p into out, as DecideInto decides
// p.View(i): the batch loop's form, reading the household's case where it
// lies (a household that could not be read gives its error).
func (w *Worker) DecideAt(p *Population, i int, out *Result) {
	e := &p.hh[i]
	if e.err != nil {
		*out = Result{Err: e.err}
		return
	}
	if c := &e.c; c.Request == nil {
		// A case of its own fields (every household of a CSV file): prepare
		// written out, without the calls, and the fast path tried on the
		// part of the household it reads.
		pl, err := w.plan(e.region, e.area, c.Date)
		if err != nil {
			*out = Result{Err: notCovered(err)}
			return
		}
		req := w.caseRequest(c)
		if p.viewFast(e, &w.view); w.dc.FastFigures(pl, &w.view, req, &out.Figures) {
			out.Err = nil
			return
		}
		_, out.Err = w.dc.GeneralFigures(pl, &w.view, p.view(e, &w.view), req, &out.Figures)
		return
	}
	w.decide(&w.view, p.view(e, &w.view), &e.c, out)
}

func (w *Worker) decide(h *income.Compact, ids income.IDs, c *Case, out *Result) {
	pl, req, err := w.prepare(h, c)
	if err != nil {
		*out = Result{Err: err}
		return
	}
	out.Err = w.dc.FiguresInto(pl, h, ids, req, &out.Figures)
}

// prepare returns the plan and the request of a decision of h for c.
func (w *Worker) prepare(h *income.Compact, c *Case) (*payment.Plan, *payment.Request, error) {
	var pl *payment.Plan
	var err error
	if c.Request != nil && !c.Request.Options.KnownOn.IsZero() && c.Request.Options.KnownOn != w.e.opts.KnownOn {
		// A request as known on a date of its own: a plan of its own.
		pl, err = w.dc.Plan(w.e.set, h.Region, h.Area, c.date(), c.Request.Options.KnownOn)
	} else {
		pl, err = w.plan(h.Region, h.Area, c.date())
	}
	if err != nil {
		return nil, nil, notCovered(err)
	}
	if c.Request != nil {
		w.full = *c.Request
		if w.full.Method == standards.MethodUnset {
			w.full.Method = w.e.opts.Method
		}
		if w.full.Prices == nil {
			w.full.Prices = w.e.opts.Prices
		}
		if w.full.Options.KnownOn.IsZero() {
			w.full.Options.KnownOn = w.e.opts.KnownOn
		}
		return pl, &w.full, nil
	}
	return pl, w.caseRequest(c), nil
}

// caseRequest returns the worker's request for a case of its own fields:
// its date and standing, the engine's options. Only here is w.req written
// after Worker made it: its standing's other fields stay zero, and are not
// written again.
func (w *Worker) caseRequest(c *Case) *payment.Request {
	r := &w.req
	r.Date, r.Current.Status, r.Current.MonthlyAmount, r.Current.GradualExitEnd = c.Date, c.Status, c.MonthlyAmount, c.GradualExitEnd
	return r
}

// notCovered is the problem of a household whose plan could not be made.
func notCovered(err error) error { return income.NotCovered("household.region", err) }

// Step decides h for c as DecideInto does, and returns the case of its
// next assessment on date next: the standing the decision leaves
// (payment.NextCurrent) — a gradual exit with its end and continued
// amount, a recipient's last payment, members' own standings —, so that a
// run of months carries each household forward. A household that could not
// be decided keeps its case, dated next. A household the fast path decides
// needs no more than its figures; the others' standings are read from the
// decision the general path made.
func (w *Worker) Step(h *income.Compact, ids income.IDs, c Case, next standards.Date, out *Result) Case {
	pl, req, err := w.prepare(h, &c)
	if err != nil {
		*out = Result{Err: err}
		c.Date = next
		return c
	}
	d, err := w.dc.FiguresDecision(pl, h, ids, req, &out.Figures)
	if out.Err = err; err != nil {
		c.Date = next
		return c
	}
	if d == nil { // the fast path: no gradual exit, 特困 or member standing
		if f := &out.Figures; f.Status == eligibility.Dibao {
			return Case{Date: next, Status: f.Status, MonthlyAmount: f.Total}
		}
		return Case{Date: next, Status: out.Figures.Status}
	}
	cur := payment.NextCurrent(d)
	if len(cur.Members) == 0 {
		return Case{Date: next, Status: cur.Status, MonthlyAmount: cur.MonthlyAmount, GradualExitEnd: cur.GradualExitEnd}
	}
	r := payment.Request{}
	if c.Request != nil {
		r = *c.Request
	}
	r.Date, r.Current = next, cur
	return Case{Date: next, Status: cur.Status, MonthlyAmount: cur.MonthlyAmount, GradualExitEnd: cur.GradualExitEnd, Request: &r}
}

// chunk is the number of households a worker takes at a time.
const chunk = 256

// Decide decides every household of p, in order, with the engine's
// workers, into out[:p.Len()], and returns that slice. An out shorter than
// the population is grown as append grows a slice (a new array when its
// capacity is short); pass the last result's slice back to reuse it. Besides
// that growth it allocates per worker, not per household.
func (e *Engine) Decide(p *Population, out []Result) []Result {
	n := p.Len()
	if len(out) < n {
		out = slices.Grow(out, n-len(out))
	}
	out = out[:n]
	workers := e.opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, (n+chunk-1)/chunk))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := e.Worker()
			for {
				start := int(next.Add(chunk)) - chunk
				if start >= n {
					return
				}
				for i := start; i < min(start+chunk, n); i++ {
					w.DecideAt(p, i, &out[i])
				}
			}
		}()
	}
	wg.Wait()
	return out
}
