package simulation

import (
	"errors"
	"fmt"
	"io"
	"math/big"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
)

// Margin is one dimension of a calibration: each household's category in
// it — from the household and its baseline figures of the first month, ""
// for none — and the weighted households wanted in each category. A
// caseload by region is the margin whose category is the region of each
// 低保 household and "" for the others, with the official caseloads as
// targets.
type Margin struct {
	Name     string
	Category func(h *income.Compact, baseline *payment.Figures) string
	Targets  map[string]int64 // whole households, each > 0
}

// Calibration is the outcome of raking: a factor for each combination of
// categories, applied to the weights of the households in it.
type Calibration struct {
	margins []Margin
	factors map[string]money.Rate
	base    Scenario
	date    standards.Date
	// Achieved are the weighted households in each margin's categories with
	// the calibrated weights (as WeightSum's exact decimals), for checking
	// against the targets; Iterations the passes raking took.
	Achieved   []map[string]money.WeightSum
	Iterations int
}

// MaxIterations bounds raking's passes over the margins.
const MaxIterations = 100

// Rake calibrates the weights of the population src reads to the margins'
// targets by raking (iterative proportional fitting): it reads the
// population once, deciding each household under base on date to know its
// baseline figures, tallies the weights of each combination of categories,
// and adjusts one factor per combination until every margin meets its
// targets to within a millionth of a household — an error when
// MaxIterations passes do not get there (margins that contradict each
// other, such as two area totals and a different grand total). Households
// in no targeted category keep their weights.
//
// Exactness: the factors are computed in exact rational arithmetic,
// rounded to 12 decimals between passes, and applied as Rates (six
// places); each calibrated weight is rounded half even to six places, so a
// margin is met to within half a millionth per household.
func Rake(src batch.Reader, base Scenario, date standards.Date, margins []Margin) (*Calibration, error) {
	if len(margins) == 0 {
		return nil, errors.New("simulation: raking needs at least one margin")
	}
	for _, m := range margins {
		if m.Category == nil || len(m.Targets) == 0 {
			return nil, fmt.Errorf("simulation: margin %q has no category or no targets", m.Name)
		}
		for k, v := range m.Targets {
			if v <= 0 {
				return nil, fmt.Errorf("simulation: margin %q: target %q is not positive", m.Name, k)
			}
		}
	}
	c := &Calibration{margins: margins, factors: map[string]money.Rate{}, base: base, date: date}
	// The weight of each combination of categories.
	type cell struct {
		cats   []string
		weight *big.Rat
		factor *big.Rat
	}
	cells := map[string]*cell{}
	var p batch.Population
	w := batch.New(base.Set, batch.Options{Workers: 1}).Worker()
	var view income.Compact
	for {
		p.Reset()
		_, err := src.Read(&p, 4096)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		for i := 0; i < p.Len(); i++ {
			if p.Err(i) != nil {
				continue
			}
			key, cats, ok := c.key(&p, i, w, &view)
			if !ok {
				continue
			}
			ce := cells[key]
			if ce == nil {
				ce = &cell{cats: cats, weight: new(big.Rat), factor: big.NewRat(1, 1)}
				cells[key] = ce
			}
			ce.weight.Add(ce.weight, p.Weight(i).Decimal().Rat())
		}
		if err != nil {
			break
		}
	}
	keys := make([]string, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Strings(keys) // a fixed order: the same factors every time
	tolerance := big.NewRat(1, 1_000_000)
	round := func(q *big.Rat) *big.Rat { // to 12 decimals, half even
		scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(12), nil)
		n := new(big.Int).Mul(q.Num(), scale)
		n.Quo(n, q.Denom())
		return new(big.Rat).SetFrac(n, scale)
	}
	converged := false
	worst := new(big.Rat)
	for it := 1; it <= MaxIterations && !converged; it++ {
		c.Iterations = it
		worst = new(big.Rat)
		for k, m := range margins {
			current := map[string]*big.Rat{}
			for _, key := range keys {
				ce := cells[key]
				cat := ce.cats[k]
				if _, ok := m.Targets[cat]; !ok {
					continue
				}
				if current[cat] == nil {
					current[cat] = new(big.Rat)
				}
				current[cat].Add(current[cat], new(big.Rat).Mul(ce.weight, ce.factor))
			}
			for cat, target := range m.Targets {
				cur := current[cat]
				if cur == nil || cur.Sign() == 0 {
					return nil, fmt.Errorf("simulation: margin %q: no household in category %q to reach %d", m.Name, cat, target)
				}
				t := new(big.Rat).SetInt64(target)
				diff := new(big.Rat).Sub(t, cur)
				if diff.Abs(diff).Cmp(worst) > 0 {
					worst = diff
				}
				ratio := new(big.Rat).Quo(t, cur)
				for _, key := range keys {
					if ce := cells[key]; ce.cats[k] == cat {
						ce.factor = round(new(big.Rat).Mul(ce.factor, ratio))
					}
				}
			}
		}
		converged = worst.Cmp(tolerance) <= 0
	}
	if !converged {
		return nil, fmt.Errorf("simulation: raking did not meet the margins in %d passes (a target still %s households away): are they consistent with each other?",
			MaxIterations, worst.FloatString(6))
	}
	for _, key := range keys {
		f, err := money.RateFromDecimal(decimalOf(cells[key].factor))
		if err != nil {
			return nil, fmt.Errorf("simulation: a calibration factor beyond the weight's range: %w", err)
		}
		c.factors[key] = f
	}
	return c, nil
}

// key returns household i's combination of categories.
func (c *Calibration) key(p *batch.Population, i int, w *batch.Worker, view *income.Compact) (string, []string, bool) {
	ids, cs := p.View(i, view)
	if !c.date.IsZero() {
		cs.Date = c.date
		if cs.Request != nil {
			r := *cs.Request
			r.Date = c.date
			cs.Request = &r
		}
	}
	res := w.Decide(view, ids, cs)
	if res.Err != nil {
		return "", nil, false
	}
	cats := make([]string, len(c.margins))
	for k, m := range c.margins {
		cats[k] = m.Category(view, &res.Figures)
	}
	return strings.Join(cats, "\x00"), cats, true
}

// Reader returns a reader of src's households with calibrated weights:
// each household's weight × its combination's factor, rounded half even to
// six places. A weight that leaves (0, batch.MaxWeight] fails the read.
// The Calibration's Achieved margins are tallied as it reads: they are
// complete once the reader has read the whole population.
func (c *Calibration) Reader(src batch.Reader) batch.Reader {
	c.Achieved = make([]map[string]money.WeightSum, len(c.margins))
	for k := range c.Achieved {
		c.Achieved[k] = map[string]money.WeightSum{}
	}
	return &calibrated{c: c, src: src, w: batch.New(c.base.Set, batch.Options{Workers: 1}).Worker()}
}

type calibrated struct {
	c    *Calibration
	src  batch.Reader
	w    *batch.Worker
	view income.Compact
}

func (r *calibrated) Read(p *batch.Population, max int) (int, error) {
	first := p.Len()
	n, err := r.src.Read(p, max)
	for i := first; i < p.Len(); i++ {
		if p.Err(i) != nil {
			continue
		}
		key, cats, ok := r.c.key(p, i, r.w, &r.view)
		if !ok {
			continue
		}
		w := p.Weight(i)
		if f, ok := r.c.factors[key]; ok {
			d := w.Decimal().Mul(f.Decimal()).RoundBank(6)
			nw, rerr := money.RateFromDecimal(d)
			if rerr != nil || !p.SetWeight(i, nw) {
				return n, fmt.Errorf("simulation: household %q: calibrated weight %s is outside (0, %d]", p.Key(i), d, batch.MaxWeight)
			}
			w = nw
		}
		for k, cat := range cats {
			if _, targeted := r.c.margins[k].Targets[cat]; targeted {
				s := r.c.Achieved[k][cat]
				s.Add(w)
				r.c.Achieved[k][cat] = s
			}
		}
	}
	return n, err
}

// decimalOf rounds q half even to six places, as a decimal.
func decimalOf(q *big.Rat) decimal.Decimal {
	n := new(big.Int).Mul(q.Num(), big.NewInt(1_000_000))
	quo, rem := new(big.Int).QuoRem(n, q.Denom(), new(big.Int))
	switch c := new(big.Int).Lsh(new(big.Int).Abs(rem), 1).Cmp(q.Denom()); {
	case c > 0, c == 0 && quo.Bit(0) == 1:
		if q.Sign() < 0 {
			quo.Sub(quo, big.NewInt(1))
		} else {
			quo.Add(quo, big.NewInt(1))
		}
	}
	return decimal.NewFromBigInt(quo, -6)
}
