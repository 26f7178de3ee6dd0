package income

import (
	"errors"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Plan is what assessing a household's income needs from the standards,
// resolved once for a Set, region, area class and date range: every value
// with its provenance, in the exact integer forms the assessment uses.
// Assessing on a plan does no lookups and allocates nothing. A value the
// Set lacks is kept as its error and reported only when a household needs
// it. Plans are immutable and safe for concurrent use.
type Plan struct {
	Set          *standards.Set
	Region       standards.Region
	Area         standards.Area
	Date         standards.Date // the date the plan was compiled for
	KnownOn      standards.Date
	ValidThrough standards.Date // the last day the plan holds (zero: open)

	excluded    [standards.NumIncomeKinds]bool
	ExcludedV   standards.Value[[]standards.IncomeKind]
	excludedErr error

	months    int64
	MonthsV   standards.Value[int]
	monthsErr error

	factor    money.Rate
	FactorV   standards.Value[money.Rate]
	factorErr error

	perCapita    money.Rule
	PerCapitaV   standards.Value[money.Rule]
	hasPerCapita bool
	// CountableRuleV, where a locality declares it, rounds the countable
	// income before it is tested.
	CountableRuleV   standards.Value[money.Rule]
	hasCountableRule bool

	Wages *Wages
}

// valid narrows the plan's validity to a lookup's: the last day its value
// (or its absence) stays the same.
func (p *Plan) valid(pr standards.Provenance, err error) {
	p.ValidThrough = narrowed(p.ValidThrough, pr, err)
}

// narrowed returns the earlier of through and the last day a lookup's
// answer — its value, or its absence — stays the same.
func narrowed(through standards.Date, pr standards.Provenance, err error) standards.Date {
	vt := pr.ValidThrough
	var le *standards.LookupError
	if err != nil {
		vt = standards.Date{}
		if errors.As(err, &le) {
			vt = le.ValidThrough
		}
	}
	if !vt.IsZero() && (through.IsZero() || vt.Before(through)) {
		return vt
	}
	return through
}

// Narrow returns the earlier of through and the last day a lookup's answer
// — its value, or its absence — stays the same: for plans built on this
// one.
func Narrow(through standards.Date, pr standards.Provenance, err error) standards.Date {
	return narrowed(through, pr, err)
}

// Flat is what a fast decision path reads from an income plan: plain
// values, no provenance.
type Flat struct {
	Excluded [standards.NumIncomeKinds]bool
	Months   int64 // employment-cost months a year (R13)
	Wages    *Wages
}

// Flat returns the plan's flat form, and false when the plan needs the
// general path: a value it lacks (reported there), or a locality's
// rounding of the countable income.
func (p *Plan) Flat() (Flat, bool) {
	if p.excludedErr != nil || p.monthsErr != nil || p.hasCountableRule {
		return Flat{}, false
	}
	return Flat{Excluded: p.excluded, Months: p.months, Wages: p.Wages}, true
}

// Covers reports whether the plan holds on date d.
func (p *Plan) Covers(d standards.Date) bool {
	return d.Within(p.Date, p.ValidThrough)
}

// optional turns "not covered" into absence; other errors stay errors.
func optional(err error) error {
	if errors.Is(err, standards.ErrNotCovered) {
		return nil
	}
	return err
}

// NewPlan compiles the income plan for a region, area and date (as known
// on knownOn, zero for all known). wages is the minimum-wage table of the
// same Set and date (NewWages), shared by every plan of that date; nil
// compiles one.
func NewPlan(set *standards.Set, region standards.Region, area standards.Area, date, knownOn standards.Date, wages *Wages) (*Plan, error) {
	if set == nil {
		return nil, errNoSet
	}
	if !set.Divisions().Has(region) {
		return nil, &standards.RegionError{Region: region}
	}
	p := &Plan{Set: set, Region: region, Area: area, Date: date, KnownOn: knownOn}
	q := standards.Query{Region: region, Area: area, Date: date, KnownOn: knownOn}
	var err error
	if p.ExcludedV, err = standards.Lookup(set, standards.ParamExcludedIncomeKinds, q); err == nil {
		for _, k := range p.ExcludedV.V {
			p.excluded[k] = true
		}
	} else {
		p.excludedErr = err
	}
	p.valid(p.ExcludedV.Provenance, err)
	p.MonthsV, p.monthsErr = standards.Lookup(set, standards.ParamEmploymentDeductionMonths, q)
	p.months = int64(p.MonthsV.V)
	p.valid(p.MonthsV.Provenance, p.monthsErr)
	p.FactorV, p.factorErr = standards.Lookup(set, standards.ParamCaregiverIncomeFactor, q)
	p.factor = p.FactorV.V
	p.valid(p.FactorV.Provenance, p.factorErr)
	p.PerCapitaV, err = standards.Lookup(set, standards.RoundPerCapitaDisplay, q)
	p.valid(p.PerCapitaV.Provenance, err)
	if err = optional(err); err != nil {
		return nil, err
	}
	p.perCapita, p.hasPerCapita = p.PerCapitaV.V, p.PerCapitaV.Key != nil
	p.CountableRuleV, err = standards.Lookup(set, standards.RoundCountableIncome, q)
	p.valid(p.CountableRuleV.Provenance, err)
	if err = optional(err); err != nil {
		return nil, err
	}
	p.hasCountableRule = p.CountableRuleV.Key != nil
	if wages == nil || !wages.Covers(date) || wages.KnownOn != knownOn || wages.Set != set {
		wages = NewWages(set, date, knownOn)
	}
	p.Wages = wages
	if !wages.ValidThrough.IsZero() && (p.ValidThrough.IsZero() || wages.ValidThrough.Before(p.ValidThrough)) {
		p.ValidThrough = wages.ValidThrough
	}
	return p, nil
}

// errNoSet is NewPlan's answer to a nil Set.
var errNoSet = errors.New("income: no standards Set")

// Wages is the minimum wage of every place of work of a Set's province on a
// date (R13): each county-level division's tier and that tier's monthly
// wage, and each prefecture's where all its counties share one tier.
// NewWages compiles a table indexed by the code's last four digits, so that
// finding a place's wage is one array read; WagesOn works out each place's
// wage when asked (but for one home place, worked out at once), for a
// single decision. Both are safe for concurrent use.
type Wages struct {
	Set          *standards.Set
	Date         standards.Date
	KnownOn      standards.Date
	ValidThrough standards.Date // the last day the table holds (zero: open); WagesOn's: its date
	province     standards.Region
	at           []wageAt // NewWages: indexed by the code's last four digits; WagesOn: nil
	// monthly is at's known wages without the pointer to their provenance,
	// for Monthly (place zero where at has none known).
	monthly []placeWage
	// home is the wage of WagesOn's home place homeAt (zero: none),
	// worked out once.
	home   wageAt
	homeAt standards.Region
}

// placeWage is a place's monthly minimum wage.
type placeWage struct {
	place   standards.Region
	monthly money.Amount
}

// WageAt is a place's minimum wage with the provenance of its tier and of
// the wage table.
type WageAt struct {
	Place   standards.Region
	Monthly money.Amount
	Tier    standards.Value[int]
	Table   standards.Value[standards.MinimumWage]
}

type wageAt struct {
	state uint8 // 0: not covered; 1: known; 2: ambiguous (a prefecture whose counties differ)
	v     *WageAt
	err   error
}

const (
	wageUnknown uint8 = iota
	wageKnown
	wageAmbiguous
)

// Monthly returns the monthly minimum wage of a place of work, and false
// when the table has none for it (not covered, unknown, or a prefecture
// whose counties sit in different tiers).
func (w *Wages) Monthly(place standards.Region) (money.Amount, bool) {
	if w.monthly != nil && place.Province() == w.province {
		if s := &w.monthly[place.Code()%10000]; s.place == place {
			return s.monthly, true
		}
	}
	v, state, err := w.At(place)
	if err != nil || v == nil || state != wageKnown {
		return money.Amount{}, false
	}
	return v.Monthly, true
}

// EmploymentCost is the most R13's employment-cost deduction takes
// from a member's wages a month: months × the monthly minimum wage of the
// place of work ÷ 12. Exact — a whole number of fen ÷ 12 — and in range
// for a wage the standards admit (below 10^6 yuan) and months in [0, 12]
// (their bound).
func EmploymentCost(monthly money.Amount, months int64) money.Amount {
	full, _ := monthly.MulInt(months)
	full, _ = full.QuoInt(12)
	return full
}

// Covers reports whether the table holds on date d.
func (w *Wages) Covers(d standards.Date) bool {
	return d.Within(w.Date, w.ValidThrough)
}

// WagesOn is the minimum wages of a Set's province on date, each place's
// worked out when asked (two lookups for a county, two per county for a
// prefecture) and not kept: the form for deciding one household, where
// compiling every place (NewWages) would cost more than the decision. The
// wage at home (the household's own place, where most members work) is
// worked out once, here: worth it for a plan reused over many decisions
// (payment.Decider's), not for one (the zero or an invalid Region: none).
// It holds on its date only.
func WagesOn(set *standards.Set, date, knownOn standards.Date, home standards.Region) *Wages {
	if set == nil {
		return nil
	}
	w := &Wages{Set: set, Date: date, KnownOn: knownOn, ValidThrough: date, province: set.Jurisdiction().Province()}
	if home.IsValid() {
		v, state, err := w.At(home)
		w.home, w.homeAt = wageAt{state: state, v: v, err: err}, home
	}
	return w
}

// NewWages compiles the minimum wage of every place of work on date.
func NewWages(set *standards.Set, date, knownOn standards.Date) *Wages {
	w := &Wages{Set: set, Date: date, KnownOn: knownOn, province: set.Jurisdiction().Province(), at: make([]wageAt, 10000)}
	divs := set.Divisions()
	for i := 0; i < divs.Len(); i++ {
		div := divs.At(i)
		if div.Level != standards.LevelCounty || div.Region.Province() != w.province {
			continue
		}
		var pr [2]standards.Provenance
		var errs [2]error
		w.at[div.Region.Code()%10000] = w.county(div.Region, &pr, &errs)
		for j := range pr {
			w.ValidThrough = narrowed(w.ValidThrough, pr[j], errs[j])
		}
	}
	// A prefecture stands for its counties when they all share one tier.
	for i := 0; i < divs.Len(); i++ {
		div := divs.At(i)
		if div.Level != standards.LevelPrefecture || div.Region.Province() != w.province {
			continue
		}
		w.at[div.Region.Code()%10000] = w.prefecture(i, func(c standards.Region) wageAt { return w.at[c.Code()%10000] })
	}
	w.monthly = make([]placeWage, len(w.at))
	for i, s := range w.at {
		if s.state == wageKnown && s.err == nil && s.v != nil {
			w.monthly[i] = placeWage{s.v.Place, s.v.Monthly}
		}
	}
	return w
}

// county works out a county's wage: its tier, then the tier's wage. pr and
// errs receive the two lookups' provenance and errors.
func (w *Wages) county(place standards.Region, pr *[2]standards.Provenance, errs *[2]error) wageAt {
	q := standards.Query{Region: place, Date: w.Date, KnownOn: w.KnownOn}
	tier, err := standards.Lookup(w.Set, standards.ParamMinimumWageTier, q)
	pr[0], errs[0] = tier.Provenance, err
	if err != nil {
		return wageAt{err: err}
	}
	table, err := standards.Lookup(w.Set, standards.ParamMinimumWage, q)
	pr[1], errs[1] = table.Provenance, err
	if err != nil {
		return wageAt{err: err}
	}
	rate, ok := table.V.Tier(tier.V)
	if !ok {
		return wageAt{err: &standards.LookupError{Key: standards.ParamMinimumWage, Region: place, Date: w.Date, KnownOn: w.KnownOn}}
	}
	return wageAt{state: wageKnown, v: &WageAt{Place: place, Monthly: rate.Monthly, Tier: tier, Table: table}}
}

// prefecture works out the wage of the prefecture at index i of the
// register from its counties' (which follow it in code order): theirs when
// they all share one tier, ambiguous when they differ.
func (w *Wages) prefecture(i int, countyWage func(standards.Region) wageAt) wageAt {
	divs := w.Set.Divisions()
	pref := divs.At(i).Region
	var first *WageAt
	same, any := true, false
	for j := i + 1; j < divs.Len(); j++ {
		c := divs.At(j)
		if !pref.Contains(c.Region) {
			break
		}
		if c.Parent != pref || c.Level != standards.LevelCounty {
			continue
		}
		cs := countyWage(c.Region)
		if cs.state != wageKnown {
			same = false
			break
		}
		any = true
		if first == nil {
			first = cs.v
		} else if cs.v.Tier.V != first.Tier.V {
			same = false
		}
	}
	switch {
	case any && same:
		v := *first
		v.Place = pref
		return wageAt{state: wageKnown, v: &v}
	case any:
		return wageAt{state: wageAmbiguous}
	}
	return wageAt{}
}

// At returns the minimum wage of a place of work: a county-level code, or a
// prefecture whose counties all sit in one tier.
func (w *Wages) At(place standards.Region) (*WageAt, uint8, error) {
	if w.at != nil && place.Province() == w.province {
		// The common case first: a place the table holds, without the
		// register's lookup.
		if s := &w.at[place.Code()%10000]; s.v != nil && s.v.Place == place {
			return s.v, s.state, s.err
		}
	}
	if place == w.homeAt && place.IsValid() {
		return w.home.v, w.home.state, w.home.err
	}
	divs := w.Set.Divisions()
	idx, ok := divs.Index(place)
	if !ok {
		return nil, wageUnknown, &standards.RegionError{Region: place}
	}
	if place.Province() != w.province {
		return nil, wageUnknown, &standards.LookupError{Key: standards.ParamMinimumWageTier, Region: place, Date: w.Date, KnownOn: w.KnownOn}
	}
	var s wageAt
	switch {
	case w.at != nil:
		s = w.at[place.Code()%10000]
	case place.Level() == standards.LevelCounty:
		var pr [2]standards.Provenance
		var errs [2]error
		s = w.county(place, &pr, &errs)
	case place.Level() == standards.LevelPrefecture:
		s = w.prefecture(idx, func(c standards.Region) wageAt {
			var pr [2]standards.Provenance
			var errs [2]error
			return w.county(c, &pr, &errs)
		})
	}
	if s.state == wageUnknown && s.err == nil && place.Level() != standards.LevelCounty {
		return nil, wageUnknown, &standards.LookupError{Key: standards.ParamMinimumWageTier, Region: place, Date: w.Date, KnownOn: w.KnownOn}
	}
	return s.v, s.state, s.err
}
