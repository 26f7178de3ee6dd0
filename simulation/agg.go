package simulation

import (
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
)

// agg gathers one worker's (or the whole run's) weighted sums.
type agg struct {
	households, failed int
	scen               []scenAgg
	failures           []Failure // the first MaxFailures
}

// MaxFailures is the most households a report lists as not read or not
// decided (all are counted).
const MaxFailures = 20

func (a *agg) fail(f Failure) {
	if len(a.failures) < MaxFailures {
		a.failures = append(a.failures, f)
	}
}

type scenAgg struct {
	months           []monthAgg
	change           changeAgg
	firstErr         error // the first household's problems that could not be decided
	failedHouseholds int
}

// monthAgg is one scenario's month.
type monthAgg struct {
	households [statuses]money.WeightSum
	persons    [statuses]money.WeightSum
	count      [statuses]int
	alone      money.WeightSum // members with a standing of their own
	cost       Costs
	failed     int
	regions    map[standards.Region]*Group
	areas      [3]Group // by standards.Area
}

// changeAgg is a reform against the baseline, over the run.
type changeAgg struct {
	changed, winners, losers    money.WeightSum
	changedN, winnersN, losersN int
	gain, loss                  money.WeightedTotal
	cliffDown, cliffUp          money.WeightSum
	cliffDownN, cliffUpN        int
}

func newAgg(scenarios, months int) *agg {
	a := &agg{scen: make([]scenAgg, scenarios)}
	for s := range a.scen {
		a.scen[s].months = make([]monthAgg, months)
		for m := range months {
			a.scen[s].months[m].regions = map[standards.Region]*Group{}
		}
	}
	return a
}

// add counts one household's figures of the month, with weight w.
func (m *monthAgg) add(h *income.Compact, w money.Rate, f *payment.Figures) {
	st := int(f.Status)
	if st >= statuses {
		st = 0
	}
	m.households[st].Add(w)
	m.persons[st].AddN(w, int64(h.N))
	m.count[st]++
	m.alone.AddN(w, int64(f.Alone))
	m.cost.add(f, w)
	g := m.regions[h.Region]
	if g == nil {
		g = &Group{Region: h.Region}
		m.regions[h.Region] = g
	}
	g.add(w, int64(h.N), f)
	if a := int(h.Area); a < len(m.areas) {
		m.areas[a].add(w, int64(h.N), f)
	}
}

// change counts one household's change under reform s.
func (a *agg) change(s int, w money.Rate, baseSum, sum money.Amount, base, first *payment.Figures, changed bool) {
	c := &a.scen[s].change
	if changed {
		c.changed.Add(w)
		c.changedN++
	}
	d, _ := sum.Sub(baseSum) // sums of at most 120 monthly totals: in range
	switch d.Sign() {
	case 1:
		c.winners.Add(w)
		c.winnersN++
		c.gain.Add(d, w)
	case -1:
		c.losers.Add(w)
		c.losersN++
		c.loss.Add(d, w)
	}
	switch {
	case base.Status == statusDibao && first.Status == statusEdge:
		c.cliffDown.Add(w)
		c.cliffDownN++
	case base.Status == statusEdge && first.Status == statusDibao:
		c.cliffUp.Add(w)
		c.cliffUpN++
	}
}

// add merges another worker's sums.
func (a *agg) add(b *agg) {
	a.households += b.households
	a.failed += b.failed
	a.failures = append(a.failures, b.failures...) // sorted and cut by the report
	for s := range a.scen {
		for m := range a.scen[s].months {
			x, y := &a.scen[s].months[m], &b.scen[s].months[m]
			for i := range statuses {
				x.households[i].AddSum(y.households[i])
				x.persons[i].AddSum(y.persons[i])
				x.count[i] += y.count[i]
			}
			x.alone.AddSum(y.alone)
			x.cost.addCosts(&y.cost)
			x.failed += y.failed
			for r, g := range y.regions {
				if xg := x.regions[r]; xg != nil {
					xg.merge(g)
				} else {
					c := *g
					x.regions[r] = &c
				}
			}
			for i := range x.areas {
				x.areas[i].merge(&y.areas[i])
			}
		}
		if a.scen[s].firstErr == nil {
			a.scen[s].firstErr = b.scen[s].firstErr
		}
		a.scen[s].failedHouseholds += b.scen[s].failedHouseholds
		x, y := &a.scen[s].change, &b.scen[s].change
		x.changed.AddSum(y.changed)
		x.winners.AddSum(y.winners)
		x.losers.AddSum(y.losers)
		x.changedN += y.changedN
		x.winnersN += y.winnersN
		x.losersN += y.losersN
		x.gain.AddTotal(y.gain)
		x.loss.AddTotal(y.loss)
		x.cliffDown.AddSum(y.cliffDown)
		x.cliffUp.AddSum(y.cliffUp)
		x.cliffDownN += y.cliffDownN
		x.cliffUpN += y.cliffUpN
	}
}

// Costs are a month's weighted payments by kind of line
// (payment.Figures).
type Costs struct {
	Total, Gap, Supplements, SinglePerson, GradualExit, PriceSubsidy, Tekun money.WeightedTotal
}

func (c *Costs) add(f *payment.Figures, w money.Rate) {
	c.Total.Add(f.Total, w)
	c.Gap.Add(f.Gap, w)
	c.Supplements.Add(f.Supplements, w)
	c.SinglePerson.Add(f.SinglePerson, w)
	c.GradualExit.Add(f.GradualExit, w)
	c.PriceSubsidy.Add(f.PriceSubsidy, w)
	c.Tekun.Add(f.Tekun, w)
}

func (c *Costs) addCosts(d *Costs) {
	c.Total.AddTotal(d.Total)
	c.Gap.AddTotal(d.Gap)
	c.Supplements.AddTotal(d.Supplements)
	c.SinglePerson.AddTotal(d.SinglePerson)
	c.GradualExit.AddTotal(d.GradualExit)
	c.PriceSubsidy.AddTotal(d.PriceSubsidy)
	c.Tekun.AddTotal(d.Tekun)
}

// Group is a month's sums for one region or area class: households,
// persons, recipient households (a monthly total above zero) and the cost.
type Group struct {
	Region     standards.Region `json:"-"`
	Households money.WeightSum  `json:"-"`
	Persons    money.WeightSum  `json:"-"`
	Recipients money.WeightSum  `json:"-"`
	Cost       money.WeightedTotal
}

func (g *Group) add(w money.Rate, n int64, f *payment.Figures) {
	g.Households.Add(w)
	g.Persons.AddN(w, n)
	if f.Total.Sign() > 0 {
		g.Recipients.Add(w)
	}
	g.Cost.Add(f.Total, w)
}

func (g *Group) merge(o *Group) {
	g.Households.AddSum(o.Households)
	g.Persons.AddSum(o.Persons)
	g.Recipients.AddSum(o.Recipients)
	g.Cost.AddTotal(o.Cost)
}
