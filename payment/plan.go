package payment

import (
	"errors"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Plan is what deciding a household's monthly payment needs from the
// standards, resolved once for a Set, region, area class and date range
// (see income.Plan): the classification plan under it, and the payment's own
// values. A decision on a plan does no lookups.
type Plan struct {
	Eligibility *eligibility.Plan

	rounding [numPoints]rule

	Method     standards.Value[standards.Method]
	hasMethod  bool
	Tiers      standards.Value[standards.TierTable]
	tiersErr   error
	Rate       standards.Value[money.Rate]
	rateErr    error
	Categories standards.Value[[]standards.Category]
	catErr     error
	Stacking   standards.Value[standards.Stacking]
	stackErr   error
	Elderly    standards.Value[int]
	elderlyErr error

	Tekun         standards.Value[standards.TekunSupport]
	tekunErr      error
	TekunUrban    standards.Value[standards.TekunSupport] // for R15, when the plan is rural
	urbanErr      error
	UrbanStandard standards.Value[money.Amount] // the urban 低保 standard, for the 特困 formula under R15
	Factor        standards.Value[money.Rate]
	hasFactor     bool

	// A locality's own rules, when its Set declares them: the least gap
	// payment, per-category supplement rates, supplement age groups.
	MinGap       standards.Value[money.Rate]
	hasMinGap    bool
	Rates        standards.Value[[]standards.CategoryRate]
	hasRates     bool
	AgeGroups    standards.Value[[]standards.AgeGroup]
	hasAgeGroups bool

	flat fastPlan // the flat form the fast path reads

	// A supplement line's parameters, made once: [the rounding rule,] the
	// rate, the categories[, the stacking rule] — by [rounded][stacked].
	supParams [2][2][]explain.Param
}

// rounding points a payment rounds at.
const (
	ptTotal = iota
	ptSupplement
	ptTekunBasic
	numPoints
)

var pointKeys = [numPoints]standards.Key[money.Rule]{standards.RoundPaymentTotal, standards.RoundSupplement, standards.RoundTekunBasic}

type rule struct {
	v      standards.Value[money.Rule]
	has    bool
	params []explain.Param // the rule as a line's parameter, made once
}

// NewPlan compiles the payment plan (and the plans under it).
func NewPlan(set *standards.Set, region standards.Region, area standards.Area, date, knownOn standards.Date, wages *income.Wages) (*Plan, error) {
	ep, err := eligibility.NewPlan(set, region, area, date, knownOn, wages)
	if err != nil {
		return nil, err
	}
	p := &Plan{Eligibility: ep}
	ip := ep.Income
	q := standards.Query{Region: region, Area: area, Date: date, KnownOn: knownOn}
	keep := func(pr standards.Provenance, err error) { ip.ValidThrough = income.Narrow(ip.ValidThrough, pr, err) }
	optional := func(err error) (bool, error) {
		if errors.Is(err, standards.ErrNotCovered) {
			return false, nil
		}
		return err == nil, err
	}
	for i, k := range pointKeys {
		r := &p.rounding[i]
		r.v, err = standards.Lookup(set, k, q)
		keep(r.v.Provenance, err)
		if r.has, err = optional(err); err != nil {
			return nil, err
		}
	}
	p.Method, err = standards.Lookup(set, standards.ParamPaymentMethod, q)
	keep(p.Method.Provenance, err)
	if p.hasMethod, err = optional(err); err != nil {
		return nil, err
	}
	p.Tiers, p.tiersErr = standards.Lookup(set, standards.ParamTierTable, q)
	keep(p.Tiers.Provenance, p.tiersErr)
	p.Rate, p.rateErr = standards.Lookup(set, standards.ParamSupplementRate, q)
	keep(p.Rate.Provenance, p.rateErr)
	p.Categories, p.catErr = standards.Lookup(set, standards.ParamSupplementCategories, q)
	keep(p.Categories.Provenance, p.catErr)
	p.Stacking, p.stackErr = standards.Lookup(set, standards.ParamSupplementStacking, q)
	keep(p.Stacking.Provenance, p.stackErr)
	p.Elderly, p.elderlyErr = standards.Lookup(set, standards.ParamElderlyAge, q)
	keep(p.Elderly.Provenance, p.elderlyErr)
	p.Tekun, p.tekunErr = standards.Lookup(set, standards.ParamTekunSupport, q)
	keep(p.Tekun.Provenance, p.tekunErr)
	if area == standards.AreaRural {
		uq := q
		uq.Area = standards.AreaUrban
		p.TekunUrban, p.urbanErr = standards.Lookup(set, standards.ParamTekunSupport, uq)
		keep(p.TekunUrban.Provenance, p.urbanErr)
		p.UrbanStandard, err = standards.Lookup(set, standards.ParamDibaoStandard, uq)
		keep(p.UrbanStandard.Provenance, err)
	}
	p.Factor, err = standards.Lookup(set, standards.ParamTekunBasicFactor, q)
	keep(p.Factor.Provenance, err)
	if p.hasFactor, err = optional(err); err != nil {
		return nil, err
	}
	p.MinGap, err = standards.Lookup(set, standards.ParamMinimumGapShare, q)
	keep(p.MinGap.Provenance, err)
	if p.hasMinGap, err = optional(err); err != nil {
		return nil, err
	}
	p.Rates, err = standards.Lookup(set, standards.ParamSupplementRates, q)
	keep(p.Rates.Provenance, err)
	if p.hasRates, err = optional(err); err != nil {
		return nil, err
	}
	p.AgeGroups, err = standards.Lookup(set, standards.ParamSupplementAgeGroups, q)
	keep(p.AgeGroups.Provenance, err)
	if p.hasAgeGroups, err = optional(err); err != nil {
		return nil, err
	}
	p.compileFast()
	p.compileParams()
	return p, nil
}

// rateOf returns the supplement rate of category c: its own under
// supplement_rates, else supplement_rate.
func (p *Plan) rateOf(c standards.Category) money.Rate {
	if p.hasRates {
		for _, r := range p.Rates.V {
			if r.Category == c {
				return r.Rate
			}
		}
	}
	return p.Rate.V
}

// compileParams makes the parameter lists lines cite, so that recording a
// line boxes no value. Each list is full (len = cap): a line adding to one
// gets a copy.
func (p *Plan) compileParams() {
	for i := range p.rounding {
		if r := &p.rounding[i]; r.has {
			r.params = []explain.Param{explain.ParamOf(r.v)}
		}
	}
	for rounded := range 2 {
		for stacked := range 2 {
			var l []explain.Param
			if rounded == 1 && p.rounding[ptSupplement].has {
				l = append(l, p.rounding[ptSupplement].params...)
			}
			l = append(l, explain.ParamOf(p.Rate), explain.ParamOf(p.Categories))
			if stacked == 1 {
				l = append(l, explain.ParamOf(p.Stacking))
			}
			p.supParams[rounded][stacked] = l[:len(l):len(l)]
		}
	}
}

// Covers reports whether the plan holds on date d.
func (p *Plan) Covers(d standards.Date) bool { return p.Eligibility.Income.Covers(d) }
