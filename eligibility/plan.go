package eligibility

import (
	"errors"

	"github.com/dibao-go/dibao/explain"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Plan is what classifying a household needs from the standards, resolved
// once for a Set, region, area class and date range (see income.Plan). A
// value the Set lacks is kept as its error and reported only when a
// household needs it; optional values (property limits, monitoring
// thresholds, the rigid-expenditure switch) are simply absent.
type Plan struct {
	Income *income.Plan

	Standard    standards.Value[money.Amount]
	standardErr error
	Bands       standards.Value[[]standards.Band]
	bandsErr    error
	Limits      standards.Value[standards.PropertyLimits]
	hasLimits   bool
	Grade3      standards.Value[[]standards.DisabilityCategory]
	grade3      [8]bool
	Rigid       standards.Value[bool]
	rigidOn     bool
	Monitor     standards.Value[standards.Monitoring]
	hasMon      bool
	Exit        standards.Value[int]
	exitErr     error
	AgeFrom     standards.Value[int]
	AgeUnder    standards.Value[int]
	ageErr      error
	Mixed       standards.Value[standards.MixedTekun]
	mixedErr    error
	Shared      standards.Value[standards.SharedProperty]
	sharedErr   error
	TekunExit   standards.Value[bool]
	tekunExitOn bool
	// BandRule, when hasBandRule, rounds each band's threshold per person
	// as the locality publishes it.
	BandRule    standards.Value[money.Rule]
	hasBandRule bool
}

// BandPerPerson returns an edge band's threshold per person: multiple ×
// standard, rounded by the Set's band_threshold rule when it declares one.
func (p *Plan) BandPerPerson(b standards.Band) money.Amount {
	t, _ := p.Standard.V.MulRate(b.Multiple) // a four-place rate × a whole fen: on the grid
	if p.hasBandRule {
		t, _ = t.Round(p.BandRule.V)
	}
	return t
}

// NewPlan compiles the classification plan (and the income plan under it).
func NewPlan(set *standards.Set, region standards.Region, area standards.Area, date, knownOn standards.Date, wages *income.Wages) (*Plan, error) {
	ip, err := income.NewPlan(set, region, area, date, knownOn, wages)
	if err != nil {
		return nil, err
	}
	p := &Plan{Income: ip}
	q := standards.Query{Region: region, Area: area, Date: date, KnownOn: knownOn}
	keep := func(pr standards.Provenance, err error) { ip.ValidThrough = income.Narrow(ip.ValidThrough, pr, err) }
	optional := func(err error) (bool, error) {
		if errors.Is(err, standards.ErrNotCovered) {
			return false, nil
		}
		return err == nil, err
	}
	p.Standard, p.standardErr = standards.Lookup(set, standards.ParamDibaoStandard, q)
	keep(p.Standard.Provenance, p.standardErr)
	p.Bands, p.bandsErr = standards.Lookup(set, standards.ParamEdgeBands, q)
	keep(p.Bands.Provenance, p.bandsErr)
	p.Limits, err = standards.Lookup(set, standards.ParamPropertyLimits, q)
	keep(p.Limits.Provenance, err)
	if p.hasLimits, err = optional(err); err != nil {
		return nil, err
	}
	p.Grade3, err = standards.Lookup(set, standards.ParamSevereGrade3Categories, q)
	keep(p.Grade3.Provenance, err)
	if _, err = optional(err); err != nil {
		return nil, err
	}
	for _, c := range p.Grade3.V {
		p.grade3[c] = true
	}
	p.Rigid, err = standards.Lookup(set, standards.ParamRigidExpenditureDeduction, q)
	keep(p.Rigid.Provenance, err)
	has, err := optional(err)
	if err != nil {
		return nil, err
	}
	p.rigidOn = has && p.Rigid.V
	p.Monitor, err = standards.Lookup(set, standards.ParamMonitoring, q)
	keep(p.Monitor.Provenance, err)
	if p.hasMon, err = optional(err); err != nil {
		return nil, err
	}
	p.Exit, p.exitErr = standards.Lookup(set, standards.ParamGradualExitMaxMonths, q)
	keep(p.Exit.Provenance, p.exitErr)
	p.AgeFrom, p.ageErr = standards.Lookup(set, standards.ParamNoLabourAgeFrom, q)
	keep(p.AgeFrom.Provenance, p.ageErr)
	if p.ageErr == nil {
		p.AgeUnder, p.ageErr = standards.Lookup(set, standards.ParamNoLabourAgeUnder, q)
		keep(p.AgeUnder.Provenance, p.ageErr)
	}
	p.Mixed, p.mixedErr = standards.Lookup(set, standards.ParamTekunMixedHousehold, q)
	keep(p.Mixed.Provenance, p.mixedErr)
	p.Shared, p.sharedErr = standards.Lookup(set, standards.ParamSharedProperty, q)
	keep(p.Shared.Provenance, p.sharedErr)
	p.TekunExit, err = standards.Lookup(set, standards.ParamTekunGradualExit, q)
	keep(p.TekunExit.Provenance, err)
	has, err = optional(err)
	if err != nil {
		return nil, err
	}
	p.tekunExitOn = has && p.TekunExit.V
	p.BandRule, err = standards.Lookup(set, standards.RoundBandThreshold, q)
	keep(p.BandRule.Provenance, err)
	if p.hasBandRule, err = optional(err); err != nil {
		return nil, err
	}
	return p, nil
}

// SevereDisability reports a 重度残疾人: disability grade 1 or 2, or grade
// 3 of a category the Set's severe_grade3_categories lists.
func (p *Plan) SevereDisability(m *income.CompactMember) bool {
	return m.Severe() || m.Disability != standards.DisabilityNone && m.DisabilityGrade == 3 && int(m.Disability) < len(p.grade3) && p.grade3[m.Disability]
}

func paramOfStandard(r *Result) explain.Param { return explain.ParamOf(r.Standard) }

// Flat is what a fast decision path reads from a classification plan.
type Flat struct {
	Standard money.Amount
	Bands    []standards.Band
	AgeFrom  int // without labour capacity from this age (特困)
	AgeUnder int // and under this one
}

// Flat returns the plan's flat form, and false when the plan needs the
// general path: a value it lacks (reported there), property limits to
// test, rigid expenditure to deduct, or band thresholds to round.
func (p *Plan) Flat() (Flat, bool) {
	if p.standardErr != nil || p.bandsErr != nil || p.ageErr != nil || p.hasLimits || p.rigidOn || p.hasBandRule {
		return Flat{}, false
	}
	return Flat{Standard: p.Standard.V, Bands: p.Bands.V, AgeFrom: p.AgeFrom.V, AgeUnder: p.AgeUnder.V}, true
}
