package batch

import (
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Case is what a decision needs besides the household: the date and the
// household's current standing.
type Case struct {
	Date standards.Date
	// Status is the household's standing before (NotEligible for a new
	// application); MonthlyAmount its last monthly payment and
	// GradualExitEnd the last day of its gradual exit, as in
	// eligibility.Current.
	Status         eligibility.Status
	MonthlyAmount  money.Amount
	GradualExitEnd standards.Date
	// Request, when set, is the whole request the household came with (a
	// JSON line): its date, current standing, previous assessment, member
	// standings, prices, method and temporary assistance are decided as
	// Decide decides them, the engine's options filling in the method,
	// prices and as-of date it leaves unset. Its Household is not read.
	Request *payment.Request
}

// date is the date the case is decided on: its request's, when it has one
// with a date.
func (c *Case) date() standards.Date {
	if c.Request != nil && !c.Request.Date.IsZero() {
		return c.Request.Date
	}
	return c.Date
}

// entry is one household of a Population: where its parts lie in the
// packed lists, and its own fields.
type entry struct {
	region       standards.Region
	area         standards.Area
	registration income.Registration
	supporter    income.Supporter
	poverty      income.Poverty
	hasFactor    bool
	factor       money.Rate
	n            int32 // members
	members      int32 // first member in Population.members
	items        int32 // first item
	nItems       int32
	property     int32
	nProperty    int32
	exps         int32
	nExps        int32
	ids          int32      // first member ID in Population.ids; −1 without IDs
	key          int32      // end of the household's key in Population.keys
	line         int32      // the line of the input its rows begin on (0: none)
	weight       money.Rate // 0: unweighted (1)
	c            Case
	err          error // why the household could not be read, when it could not
}

// Population is households in packed form: every member, income item,
// property item and expenditure of every household in one list each, so
// that a million households take a few hundred bytes each and a decision
// reads one household through a view without copying it. Build one with
// Add (or a decoder, or Synthesize); read it with View. A Population is
// not safe for concurrent Add; once built, any number of goroutines may
// read it.
type Population struct {
	hh      []entry
	members []income.CompactMember
	items   []income.CompactIncome
	prop    []income.CompactProperty
	exps    []income.CompactExpenditure
	ids     []string
	keys    []byte // every household's identifier, one after another
}

// Len returns the number of households.
func (p *Population) Len() int { return len(p.hh) }

// Add appends a compact household, its member IDs (nil for none) and its
// case, under key (the input's identifier for it, or ""). The household is
// checked as income.ValidateCompact checks it for the date it is decided
// on (its request's, when the case has one with a date): one with
// problems, or with fewer IDs than members, is added as failed, with its
// problems (as AddFailed), and deciding it gives them. The household's
// slices are copied; h may be reused at once.
func (p *Population) Add(key string, h *income.Compact, ids income.IDs, c Case) {
	p.keys = append(p.keys, key...)
	p.add(h, ids, c, true)
}

// AddBytes is Add with the key as bytes, without allocating for it.
func (p *Population) AddBytes(key []byte, h *income.Compact, ids income.IDs, c Case) {
	p.keys = append(p.keys, key...)
	p.add(h, ids, c, true)
}

// addRead appends a household this package's readers have validated
// (CheckCompact's checks are part of validation).
func (p *Population) addRead(key []byte, h *income.Compact, ids income.IDs, c Case) {
	p.keys = append(p.keys, key...)
	p.add(h, ids, c, false)
}

func (p *Population) add(h *income.Compact, ids income.IDs, c Case, check bool) {
	var err error
	if check || h.N < 0 || h.N > len(h.Members) {
		err = income.CheckCompact(h)
	}
	if err == nil && ids != nil && len(ids) < h.N {
		var l report.List
		l.Add("members", report.MsgTooManyItems, report.Int("n", int64(h.N)), report.Int("max", int64(len(ids))))
		err = l.Err(problem.SubjectHousehold)
	}
	if err == nil && check {
		err = income.ValidateCompact(h, ids, c.date())
	}
	if err != nil {
		p.hh = append(p.hh, entry{key: int32(len(p.keys)), ids: -1, err: err})
		return
	}
	e := entry{region: h.Region, area: h.Area, registration: h.Registration, supporter: h.Supporter, poverty: h.Poverty,
		hasFactor: h.HasCaregiverFactor, factor: h.CaregiverFactor, n: int32(h.N), members: int32(len(p.members)),
		items: int32(len(p.items)), nItems: int32(len(h.Items)), property: int32(len(p.prop)), nProperty: int32(len(h.Property)),
		exps: int32(len(p.exps)), nExps: int32(len(h.Expenditures)), ids: -1, key: int32(len(p.keys)), c: c}
	p.members = append(p.members, h.Members[:h.N]...)
	p.items = append(p.items, h.Items...)
	p.prop = append(p.prop, h.Property...)
	p.exps = append(p.exps, h.Expenditures...)
	if ids != nil {
		e.ids = int32(len(p.ids))
		p.ids = append(p.ids, ids[:h.N]...)
	}
	p.hh = append(p.hh, e)
}

// AddFailed appends a household that could not be read, with the reason:
// its place in the input is kept, and deciding it gives the error.
func (p *Population) AddFailed(key string, err error) {
	p.keys = append(p.keys, key...)
	p.hh = append(p.hh, entry{key: int32(len(p.keys)), ids: -1, err: err})
}

// View points dst at household i without copying its lists (dst's own
// slices are not used: do not append to them) and returns its member IDs
// (nil when added without) and its case.
func (p *Population) View(i int, dst *income.Compact) (income.IDs, Case) {
	e := &p.hh[i]
	return p.view(e, dst), e.c
}

// view points dst at entry e's household and returns its member IDs.
func (p *Population) view(e *entry, dst *income.Compact) income.IDs {
	p.viewFast(e, dst)
	dst.Property = p.prop[e.property : e.property+e.nProperty : e.property+e.nProperty]
	dst.Expenditures = p.exps[e.exps : e.exps+e.nExps : e.exps+e.nExps]
	if e.ids < 0 {
		return nil
	}
	return p.ids[e.ids : e.ids+e.n : e.ids+e.n]
}

// viewFast points dst at what payment.Decider.FastFigures reads of entry
// e's household: its fields, members and items, not its property or
// expenditures (view adds them).
func (p *Population) viewFast(e *entry, dst *income.Compact) {
	// Field by field: a composite literal would be built and then copied
	// (TestViewSetsEveryField holds this to every field).
	dst.Region, dst.Area, dst.Registration, dst.Supporter, dst.Poverty = e.region, e.area, e.registration, e.supporter, e.poverty
	dst.HasCaregiverFactor, dst.CaregiverFactor, dst.N = e.hasFactor, e.factor, int(e.n)
	dst.Members = p.members[e.members : e.members+e.n : e.members+e.n]
	dst.Items = p.items[e.items : e.items+e.nItems : e.items+e.nItems]
}

// Line returns the line of the input household i's rows begin on (0 when
// it was not read from a file).
func (p *Population) Line(i int) int { return int(p.hh[i].line) }

// setLine records the line the last household added begins on.
func (p *Population) setLine(line int) { p.hh[len(p.hh)-1].line = int32(min(line, 1<<31-1)) }

// MaxWeight bounds a household's weight (how many households of the
// population it stands for, in a survey sample): 0 < weight ≤ MaxWeight,
// with at most six decimal places.
const MaxWeight = 1_000_000

// Weight returns household i's weight: 1 unless SetWeight gave another.
func (p *Population) Weight(i int) money.Rate {
	if w := p.hh[i].weight; !w.IsZero() {
		return w
	}
	return money.One
}

// SetWeight sets household i's weight (0 < w ≤ MaxWeight; other values
// leave the weight unchanged and report false).
func (p *Population) SetWeight(i int, w money.Rate) bool {
	if most, _ := money.RateFromInt(MaxWeight); w.Sign() <= 0 || w.Cmp(most) > 0 {
		return false
	}
	p.hh[i].weight = w
	return true
}

// Err returns why household i could not be read (nil when it was).
func (p *Population) Err(i int) error { return p.hh[i].err }

// Key returns household i's identifier ("" when none was given).
func (p *Population) Key(i int) string { return string(p.KeyBytes(i)) }

// KeyBytes is Key without a copy: valid until the population changes.
func (p *Population) KeyBytes(i int) []byte {
	start := int32(0)
	if i > 0 {
		start = p.hh[i-1].key
	}
	return p.keys[start:p.hh[i].key]
}

// Reset empties the population, keeping its storage.
func (p *Population) Reset() {
	p.hh, p.members, p.items, p.prop, p.exps, p.ids, p.keys = p.hh[:0], p.members[:0], p.items[:0], p.prop[:0], p.exps[:0], p.ids[:0], p.keys[:0]
}
