package income

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/internal/jsonw"
	"github.com/dibao-go/dibao/standards"
)

// Options adjusts an assessment. The zero value computes figures only.
type Options struct {
	// Explain records an explanation Step for every figure. Figures are the
	// same with or without it; without it the batch path allocates nothing.
	Explain bool
	// KnownOn, when set, looks standards up as known on that date (see
	// standards.Query), to redo a past assessment exactly as it was made.
	KnownOn standards.Date
}

// Treatment says how an income line enters the countable income.
type Treatment uint8

// Treatments.
const (
	Counted             Treatment = iota // added to countable income
	Excluded                             // not counted (an excluded kind)
	SupportPaid                          // support paid to relatives, deducted (R12)
	EmploymentDeduction                  // employment-cost deduction (R13), deducted
	CaregiverReduction                   // the uncounted share of a caregiver's labour income (R14), deducted
)

var treatmentNames = []string{"counted", "excluded", "support_paid", "employment_deduction", "caregiver_reduction"}

func (t Treatment) String() string { return enumString(t, treatmentNames) }

// Line is one line of the assessment: an income item converted to its
// monthly average, or a deduction.
type Line struct {
	Member    int                  // index into Household.Members
	Item      int                  // index into the member's Incomes; −1 for a deduction line
	Kind      standards.IncomeKind // the item's kind; wage for the deduction lines
	Treatment Treatment
	Verified  bool // the item is verified (deduction lines: true)
	// Monthly is the line's monthly amount as it enters the countable income
	// when every item counts: positive for counted items, negative for
	// deductions; for excluded items, the item's monthly amount (which does
	// not enter the total).
	Monthly Amount
	// MonthlyVerified is the same when only verified items count.
	MonthlyVerified Amount
}

// MemberTotal is one member's share of the countable income.
type MemberTotal struct {
	ID                string
	Countable         Amount // the member's lines, every item counted
	CountableVerified Amount // the member's lines, verified items only
}

// Assessment is the result of assessing a household's income on a date.
type Assessment struct {
	Date       standards.Date // the assessment date
	WindowFrom standards.Date // first day of the 12 months averaged
	WindowTo   standards.Date // last day (the end of the month before the assessment month)
	Region     standards.Region
	Area       standards.Area
	Size       int // members

	Lines   []Line
	Members []MemberTotal

	// Household monthly figures, every item counted (verified or not).
	Gross               Amount // counted items
	Excluded            Amount // excluded items (not in Countable)
	SupportPaid         Amount // support paid, deducted
	EmploymentDeduction Amount // R13 deductions
	CaregiverReduction  Amount // R14 reductions
	// Countable = Gross − SupportPaid − EmploymentDeduction − CaregiverReduction,
	// but never below 0 (Floored says when it was).
	Countable Amount
	Floored   bool
	// CountableVerified is the countable income when only verified items
	// count: what R11 lets a decision to reduce or stop a benefit rest on.
	CountableVerified Amount
	// Suspected reports that some item is an unverified suspicion (疑点).
	Suspected bool

	// perCapita is Countable ÷ Size rounded by the declared rule, as a whole
	// number of the rule's unit (see PerCapita).
	perCapita       int64
	perCapitaPlaces int32
	hasPerCapita    bool

	// Steps explain every figure, when Options.Explain is set.
	Steps []Step
}

// PerCapita returns Countable ÷ Size rounded by the Set's per-capita display
// rule, for display only: thresholds compare Countable with the standard ×
// Size, never this figure. It returns false when the Set declares no such
// rule, and nothing is rounded.
func (a *Assessment) PerCapita() (decimal.Decimal, bool) {
	if !a.hasPerCapita {
		return decimal.Decimal{}, false
	}
	return decimal.New(a.perCapita, -a.perCapitaPlaces), true
}

// Assess assesses a household's countable monthly income on date, with the
// standards of set. Bad input is an *InputError listing every problem; a
// standard the Set lacks is a *FieldError naming the field that needed it.
// The result is the caller's.
func Assess(h *Household, set *standards.Set, date standards.Date, opts Options) (*Assessment, error) {
	a := NewAssessor(set, opts)
	res, err := a.Assess(h, date)
	if err != nil {
		return nil, err
	}
	out := *res
	a.res = Assessment{} // hand the buffers over
	return &out, nil
}

// AssessJSON decodes a household (see DecodeHousehold) and assesses it, with
// every input problem — those that need the date too — in one *InputError.
func AssessJSON(data []byte, set *standards.Set, date standards.Date, opts Options) (*Assessment, error) {
	if date.IsZero() {
		return nil, fmt.Errorf("income: assessment date required: %w", standards.ErrInvalidDate)
	}
	h, err := decodeHousehold(data, date)
	if err != nil {
		return nil, err
	}
	return Assess(&h, set, date, opts)
}

// Assessor assesses many households with one Set, caching the standards it
// looks up and reusing its buffers: with Options.Explain off, assessing a
// household allocates nothing once the caches are warm. An Assessor is not
// safe for concurrent use (use one per goroutine); the *Assessment it
// returns is overwritten by its next call.
type Assessor struct {
	set   *standards.Set
	opts  Options
	hh    map[hhKey]*hhParams
	wages map[wageKey]*wageParams
	res   Assessment
	probs jsonw.Problems
	fens  []int64 // each income item's amount in fen, in household order, from validation

	windowDate, windowFrom, windowTo standards.Date
}

type hhKey struct {
	region standards.Region
	area   standards.Area
	date   standards.Date
}

// hhParams are the standards one household's assessment needs, looked up
// once per region, area and date. Each lookup keeps its error, reported only
// when a household needs the value.
type hhParams struct {
	excluded    [16]bool // by income kind index
	excludedV   standards.Value[[]standards.IncomeKind]
	excludedErr error

	months    int64
	monthsV   standards.Value[int]
	monthsErr error

	factorPct int64
	factorV   standards.Value[decimal.Decimal]
	factorErr error

	perCapita   standards.Value[standards.RoundingRule]
	hasPerCapta bool
}

type wageKey struct {
	place standards.Region
	date  standards.Date
}

type wageParams struct {
	fen int64
	at  standards.WageAt
	err error
}

// NewAssessor returns an Assessor for the Set.
func NewAssessor(set *standards.Set, opts Options) *Assessor {
	return &Assessor{set: set, opts: opts, hh: map[hhKey]*hhParams{}, wages: map[wageKey]*wageParams{}}
}

var kindIndex = func() map[standards.IncomeKind]int {
	m := map[standards.IncomeKind]int{}
	for i, k := range standards.IncomeKinds() {
		m[k] = i
	}
	return m
}()

func (a *Assessor) query(region standards.Region, area standards.Area, date standards.Date) standards.Query {
	return standards.Query{Region: region, Area: area, Date: date, KnownOn: a.opts.KnownOn}
}

func (a *Assessor) household(region standards.Region, area standards.Area, date standards.Date) *hhParams {
	k := hhKey{region, area, date}
	if p := a.hh[k]; p != nil {
		return p
	}
	p := &hhParams{}
	q := a.query(region, area, date)
	p.excludedV, p.excludedErr = a.set.ExcludedIncomeKinds(q)
	for _, kind := range p.excludedV.V {
		p.excluded[kindIndex[kind]] = true
	}
	p.monthsV, p.monthsErr = a.set.EmploymentDeductionMonths(q)
	p.months = int64(p.monthsV.V)
	p.factorV, p.factorErr = a.set.CaregiverIncomeFactor(q)
	if p.factorErr == nil {
		pct, ok := fenOf(p.factorV.V)
		if !ok {
			p.factorErr = fmt.Errorf("caregiver factor %s has more than 2 decimal places", p.factorV.V)
		}
		p.factorPct = pct
	}
	var err error
	p.perCapita, err = a.set.Rounding(standards.RoundPerCapitaDisplay, q)
	p.hasPerCapta = err == nil
	a.hh[k] = p
	return p
}

func (a *Assessor) wage(place standards.Region, date standards.Date) *wageParams {
	k := wageKey{place, date}
	if w := a.wages[k]; w != nil {
		return w
	}
	w := &wageParams{}
	w.at, w.err = a.set.MinimumWage(a.query(place, standards.AreaAny, date))
	if w.err == nil {
		var ok bool
		if w.fen, ok = fenOf(w.at.Rate.V.Monthly); !ok {
			w.err = fmt.Errorf("minimum wage %s is not a whole number of fen", w.at.Rate.V.Monthly)
		}
	}
	a.wages[k] = w
	return w
}

// Assess assesses one household; see the package function Assess. The result
// is valid until the next call.
func (a *Assessor) Assess(h *Household, date standards.Date) (*Assessment, error) {
	if a.set == nil {
		return nil, fmt.Errorf("income: no standards Set")
	}
	if date.IsZero() {
		return nil, fmt.Errorf("income: assessment date required: %w", standards.ErrInvalidDate)
	}
	a.probs = jsonw.Problems{}
	a.fens = validate(h, date, &a.probs, a.fens[:0])
	if a.probs.Len() > 0 {
		return nil, inputError(&a.probs)
	}
	if !a.set.Divisions().Has(h.Region) {
		return nil, &FieldError{Path: "region", Err: &standards.RegionError{Region: h.Region}}
	}
	hp := a.household(h.Region, h.Area, date)
	if hp.excludedErr != nil {
		return nil, &FieldError{Path: "region", Err: hp.excludedErr}
	}

	r := &a.res
	lines, members, steps := r.Lines[:0], r.Members[:0], r.Steps[:0]
	*r = Assessment{Date: date, Region: h.Region, Area: h.Area, Size: len(h.Members)}
	if !date.Equal(a.windowDate) {
		first := date.FirstOfMonth()
		a.windowDate, a.windowFrom, a.windowTo = date, first.AddMonths(-12), first.AddDays(-1)
	}
	r.WindowFrom, r.WindowTo = a.windowFrom, a.windowTo
	var x *explainer
	if a.opts.Explain {
		x = &explainer{steps: steps}
		x.window(r)
	}

	var counted, paid, ded, red pair // household sums
	fens := a.fens
	for i := range h.Members {
		m := &h.Members[i]
		var mem, wage, labour pair // this member's countable, wage and labour income
		for j := range m.Incomes {
			in := &m.Incomes[j]
			fen := fens[0] // validated
			fens = fens[1:]
			div := in.Period.divisor()
			u := fen * Grid / div // exact: Grid is divisible by 1…12
			verified := in.Verification == Verified
			r.Suspected = r.Suspected || !verified
			v := pair{all: u}
			if verified {
				v.ver = u
			}
			line := Line{Member: i, Item: j, Kind: in.Kind, Verified: verified}
			switch {
			case hp.excluded[kindIndex[in.Kind]]:
				line.Treatment = Excluded
				r.Excluded.u += u
			case in.Kind == standards.IncomeSupportPaid:
				line.Treatment = SupportPaid
				paid.add(v)
				mem.sub(v)
				v = v.neg()
			default:
				line.Treatment = Counted
				counted.add(v)
				mem.add(v)
				if in.Kind == standards.IncomeWage {
					wage.add(v)
				}
				if in.Kind == standards.IncomeWage || in.Kind == standards.IncomeBusinessNet {
					labour.add(v)
				}
			}
			line.Monthly, line.MonthlyVerified = Amount{v.all}, Amount{v.ver}
			lines = append(lines, line)
			if x != nil {
				x.item(h, i, j, in, div, line, hp)
			}
		}

		// R13: employment-cost deduction, at most the member's wage income.
		if wage.all > 0 {
			if hp.monthsErr != nil {
				return nil, &FieldError{Path: "region", Err: hp.monthsErr}
			}
			w := a.wage(m.Workplace, date)
			if w.err != nil {
				return nil, &FieldError{Path: item("members", i).f("workplace").String(), Err: w.err}
			}
			full := hp.months * w.fen * (Grid / 12) // months × wage ÷ 12, exact
			d := pair{all: min(full, wage.all), ver: min(full, wage.ver)}
			ded.add(d)
			mem.sub(d)
			labour.sub(d)
			lines = append(lines, Line{Member: i, Item: -1, Kind: standards.IncomeWage, Treatment: EmploymentDeduction,
				Verified: true, Monthly: Amount{-d.all}, MonthlyVerified: Amount{-d.ver}})
			if x != nil {
				x.deduction(h, i, hp, w, Amount{full}, Amount{wage.all}, Amount{d.all})
			}
		}

		// R14: a caregiver's labour income counts at the factor.
		if len(m.CaresFor) > 0 && m.Labour.CanWork() && (labour.all > 0 || labour.ver > 0) {
			pct, fromCase := int64(0), h.HasCaregiverFactor
			if fromCase {
				pct, _ = fenOf(h.CaregiverFactor)
			} else {
				if hp.factorErr != nil {
					return nil, &FieldError{Path: item("members", i).f("cares_for").String(), Err: hp.factorErr}
				}
				pct = hp.factorPct
			}
			// Labour income is a multiple of 100 units, so the share is exact.
			c := pair{all: max(labour.all, 0) / 100 * (100 - pct), ver: max(labour.ver, 0) / 100 * (100 - pct)}
			red.add(c)
			mem.sub(c)
			lines = append(lines, Line{Member: i, Item: -1, Kind: standards.IncomeWage, Treatment: CaregiverReduction,
				Verified: true, Monthly: Amount{-c.all}, MonthlyVerified: Amount{-c.ver}})
			if x != nil {
				x.caregiver(h, i, hp, fromCase, pct, Amount{labour.all}, Amount{c.all})
			}
		}
		members = append(members, MemberTotal{ID: m.ID, Countable: Amount{mem.all}, CountableVerified: Amount{mem.ver}})
	}

	r.Gross = Amount{counted.all}
	r.SupportPaid = Amount{paid.all}
	r.EmploymentDeduction = Amount{ded.all}
	r.CaregiverReduction = Amount{red.all}
	total := counted
	total.sub(paid)
	total.sub(ded)
	total.sub(red)
	if total.all < 0 {
		r.Floored, total.all = true, 0
	}
	r.Countable = Amount{total.all}
	r.CountableVerified = Amount{max(total.ver, 0)}
	if hp.hasPerCapta {
		rule := hp.perCapita.V
		r.perCapita, _ = divRound(r.Countable.u, unitUnits(rule.Unit), int64(r.Size), rule.Mode)
		r.perCapitaPlaces, r.hasPerCapita = rule.Unit.Places(), true
	}
	r.Lines, r.Members = lines, members
	if x != nil {
		x.total(r, hp)
		r.Steps = x.steps
	}
	return r, nil
}

// pair carries a figure in both scenarios: every item counted, and verified
// items only.
type pair struct{ all, ver int64 }

func (p *pair) add(q pair) { p.all += q.all; p.ver += q.ver }
func (p *pair) sub(q pair) { p.all -= q.all; p.ver -= q.ver }
func (p pair) neg() pair   { return pair{-p.all, -p.ver} }

// KindTotal is the monthly total of one income kind under one treatment.
type KindTotal struct {
	Kind      standards.IncomeKind
	Treatment Treatment
	Monthly   Amount // every item counted
	Verified  Amount // verified items only
}

// ByKind sums the lines of one member (member ≥ 0) or of the whole
// household (member < 0) by kind and treatment, in first-seen order:
// gross by kind, excluded kinds, support paid and the deductions.
func (a *Assessment) ByKind(member int) []KindTotal {
	var out []KindTotal
	for _, l := range a.Lines {
		if member >= 0 && l.Member != member {
			continue
		}
		i := 0
		for i < len(out) && (out[i].Kind != l.Kind || out[i].Treatment != l.Treatment) {
			i++
		}
		if i == len(out) {
			out = append(out, KindTotal{Kind: l.Kind, Treatment: l.Treatment})
		}
		out[i].Monthly = out[i].Monthly.Add(l.Monthly)
		out[i].Verified = out[i].Verified.Add(l.MonthlyVerified)
	}
	return out
}
