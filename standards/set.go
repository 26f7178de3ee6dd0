package standards

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"
)

// Set is a validated, immutable collection of dated, sourced parameters for
// one jurisdiction. Build one with Load (or derive one with Apply); the zero
// Set holds nothing and answers every lookup with an error. A *Set is safe
// for concurrent use.
type Set struct {
	name            string
	jurisdiction    Region
	completeThrough Date
	divisions       *Divisions
	filedDivisions  bool // the divisions came from the file, not LoadOptions
	sources         map[string]Source
	sourceOrder     []string
	tables          map[Param]*table
	allowOutOfRange bool
}

// table holds every series of one parameter.
type table struct {
	param  Param
	series []*series
	index  map[seriesKey]*series
}

type seriesKey struct {
	region Region
	area   Area
}

// series is the history of one parameter for a group of regions and an area
// class. It is never modified once built.
type series struct {
	path            string
	regions         []Region
	area            Area
	completeThrough Date // zero: the Set's
	values          []entry
}

type entry struct {
	path           string
	from, until    Date
	published      Date
	publishedGiven bool
	source         string
	clause         string
	note           string
	v              any
}

// knownFrom is the first day on which the value was public.
func (e *entry) knownFrom() Date {
	if e.publishedGiven {
		return e.published
	}
	return e.from
}

// at returns the value in force on date as known on knownOn (zero: all known).
func (s *series) at(date, knownOn Date) *entry {
	for i := len(s.values) - 1; i >= 0; i-- {
		e := &s.values[i]
		if e.from.After(date) {
			continue
		}
		if !knownOn.IsZero() && e.knownFrom().After(knownOn) {
			continue
		}
		if !e.until.IsZero() && date.After(e.until) {
			return nil
		}
		return e
	}
	return nil
}

// Query asks for the value in force for a region, area class and date.
//
// Region is the division the household is assessed in (for the minimum-wage
// tier: the place of work). Area is needed for the area-split parameters
// (the 低保 standard, 特困 support) and otherwise selects an area-specific
// value where one exists. KnownOn, when set, makes the lookup "as of": values
// published after KnownOn are ignored, so a past month can be recomputed
// exactly as it was then.
type Query struct {
	Region  Region
	Area    Area
	Date    Date
	KnownOn Date
}

// Name returns the Set's name.
func (s *Set) Name() string { return s.name }

// Jurisdiction returns the region the Set is for (a province, usually).
func (s *Set) Jurisdiction() Region { return s.jurisdiction }

// CompleteThrough returns the date through which the data is declared
// complete; lookups after it are marked Stale.
func (s *Set) CompleteThrough() Date { return s.completeThrough }

// Divisions returns the Set's division register.
func (s *Set) Divisions() *Divisions { return s.divisions }

// Sources returns the sources the Set declares, in file order.
func (s *Set) Sources() []Source {
	out := make([]Source, len(s.sourceOrder))
	for i, id := range s.sourceOrder {
		out[i] = s.sources[id]
	}
	return out
}

// AllParams returns every parameter the format defines, rounding points
// last, in the order of the format's documentation.
func AllParams() []Param {
	out := make([]Param, len(specList))
	for i, sp := range specList {
		out[i] = sp.param
	}
	return out
}

// AreaSplit reports whether the parameter is split by area class, so that
// lookups need Query.Area (the 低保 standard and 特困 support).
func (p Param) AreaSplit() bool {
	sp, ok := specByParam(p)
	return ok && sp.areaRequired
}

// Params returns the parameters the Set holds values for, in the order of
// the format's documentation.
func (s *Set) Params() []Param {
	var out []Param
	for _, sp := range specs() {
		if s.tables[sp.param] != nil {
			out = append(out, sp.param)
		}
	}
	return out
}

// find resolves the entry in force. It walks the region's chain from the most
// specific level up; at each level an area-specific series is tried before an
// unsplit one, and the first series with a value in force answers.
func (s *Set) find(p Param, q Query) (*series, *entry, error) {
	if q.Date.IsZero() {
		return nil, nil, fmt.Errorf("standards: lookup of %s without a date: %w", p, ErrInvalidDate)
	}
	if !s.divisions.Has(q.Region) {
		return nil, nil, fmt.Errorf("standards: lookup of %s: %w", p, &RegionError{Region: q.Region})
	}
	sp, ok := specByParam(p)
	if !ok {
		return nil, nil, fmt.Errorf("standards: unknown parameter %q", p)
	}
	if sp.areaRequired && q.Area == AreaAny {
		return nil, nil, fmt.Errorf("standards: lookup of %s for %s: %w", p, q.Region, ErrAreaRequired)
	}
	t := s.tables[p]
	if t != nil {
		chain, n := q.Region.Chain()
		for i := 0; i < n; i++ {
			if q.Area != AreaAny {
				if ser := t.index[seriesKey{chain[i], q.Area}]; ser != nil {
					if e := ser.at(q.Date, q.KnownOn); e != nil {
						return ser, e, nil
					}
				}
			}
			if ser := t.index[seriesKey{chain[i], AreaAny}]; ser != nil {
				if e := ser.at(q.Date, q.KnownOn); e != nil {
					return ser, e, nil
				}
			}
		}
	}
	return nil, nil, &LookupError{Param: p, Region: q.Region, Area: q.Area, Date: q.Date,
		KnownOn: q.KnownOn, Covered: s.coverage(p, q)}
}

// coverage describes, for an error message, what the Set holds for p along
// the query's region chain, or else which regions it holds p for at all.
func (s *Set) coverage(p Param, q Query) string {
	t := s.tables[p]
	if t == nil {
		return ""
	}
	var parts []string
	chain, n := q.Region.Chain()
	for i := 0; i < n; i++ {
		for _, a := range []Area{AreaAny, AreaUrban, AreaRural} {
			ser := t.index[seriesKey{chain[i], a}]
			if ser == nil {
				continue
			}
			first, last := ser.values[0], ser.values[len(ser.values)-1]
			span := "from " + first.from.String()
			if !last.until.IsZero() {
				span += " to " + last.until.String()
			}
			label := chain[i].String()
			if a != AreaAny {
				label += " " + a.String()
			}
			parts = append(parts, label+" "+span)
		}
	}
	if len(parts) > 0 {
		return strings.Join(parts, ", ")
	}
	var regions []string
	for _, ser := range t.series {
		for _, r := range ser.regions {
			if !slices.Contains(regions, r.String()) {
				regions = append(regions, r.String())
			}
		}
	}
	const most = 12
	if len(regions) > most {
		regions = append(regions[:most], fmt.Sprintf("… (%d regions in all)", len(regions)))
	}
	return string(p) + " only for regions " + strings.Join(regions, " ")
}

func (s *Set) provenance(p Param, ser *series, e *entry, q Query) Provenance {
	pr := Provenance{
		Param:          p,
		Region:         ser.regionFor(q.Region),
		Area:           ser.area,
		From:           e.from,
		Until:          e.until,
		Published:      e.knownFrom(),
		PublishedGiven: e.publishedGiven,
		Source:         s.sources[e.source],
		Clause:         e.clause,
		Note:           e.note,
	}
	ct := s.completeThrough
	if !ser.completeThrough.IsZero() {
		ct = ser.completeThrough
	}
	pr.CompleteThrough = ct
	pr.Stale = !ct.IsZero() && q.Date.After(ct)
	return pr
}

// regionFor returns the series region that matched r's chain.
func (ser *series) regionFor(r Region) Region {
	chain, n := r.Chain()
	for i := 0; i < n; i++ {
		if slices.Contains(ser.regions, chain[i]) {
			return chain[i]
		}
	}
	return Region{}
}

// lookup is the typed lookup behind every accessor.
func lookup[T any](s *Set, p Param, q Query) (Value[T], error) {
	ser, e, err := s.find(p, q)
	if err != nil {
		return Value[T]{}, err
	}
	v, ok := e.v.(T)
	if !ok {
		// Unreachable for Sets built by Load or Apply.
		return Value[T]{}, fmt.Errorf("standards: %s holds %T", p, e.v)
	}
	if sp, _ := specByParam(p); sp.clone != nil {
		v = sp.clone(v).(T)
	}
	return Value[T]{V: v, Provenance: s.provenance(p, ser, e, q)}, nil
}

// Lookup returns any parameter's value with its provenance, untyped (V holds
// the Go type documented on the Param constant). Use the typed methods in
// programs; Lookup serves listings.
func (s *Set) Lookup(p Param, q Query) (Value[any], error) {
	return lookup[any](s, p, q)
}

// DibaoStandard returns the 低保 standard, yuan per person per month. q.Area is required.
func (s *Set) DibaoStandard(q Query) (Value[decimal.Decimal], error) {
	return lookup[decimal.Decimal](s, ParamDibaoStandard, q)
}

// EdgeBands returns the edge-household bands (R2).
func (s *Set) EdgeBands(q Query) (Value[[]Band], error) {
	return lookup[[]Band](s, ParamEdgeBands, q)
}

// SupplementRate returns the supplement rate (R7).
func (s *Set) SupplementRate(q Query) (Value[decimal.Decimal], error) {
	return lookup[decimal.Decimal](s, ParamSupplementRate, q)
}

// SupplementCategories returns the categories that receive the supplement (R7).
func (s *Set) SupplementCategories(q Query) (Value[[]Category], error) {
	return lookup[[]Category](s, ParamSupplementCategories, q)
}

// SupplementStacking returns how supplements combine.
func (s *Set) SupplementStacking(q Query) (Value[Stacking], error) {
	return lookup[Stacking](s, ParamSupplementStacking, q)
}

// ElderlyAge returns the age from which a person counts as 老年人.
func (s *Set) ElderlyAge(q Query) (Value[int], error) {
	return lookup[int](s, ParamElderlyAge, q)
}

// TierTable returns the tiered-payment table (R6).
func (s *Set) TierTable(q Query) (Value[TierTable], error) {
	return lookup[TierTable](s, ParamTierTable, q)
}

// GradualExitMaxMonths returns the longest gradual-exit period (R4).
func (s *Set) GradualExitMaxMonths(q Query) (Value[int], error) {
	return lookup[int](s, ParamGradualExitMaxMonths, q)
}

// EmploymentDeductionMonths returns the months of minimum wage deducted per year (R13).
func (s *Set) EmploymentDeductionMonths(q Query) (Value[int], error) {
	return lookup[int](s, ParamEmploymentDeductionMonths, q)
}

// MinimumWageTable returns the minimum-wage table in force.
func (s *Set) MinimumWageTable(q Query) (Value[MinimumWage], error) {
	return lookup[MinimumWage](s, ParamMinimumWage, q)
}

// MinimumWageTier returns the minimum-wage tier of q.Region.
func (s *Set) MinimumWageTier(q Query) (Value[int], error) {
	return lookup[int](s, ParamMinimumWageTier, q)
}

// WageAt is the minimum wage of a place, with the provenance of both the
// tier assignment and the wage table.
type WageAt struct {
	Rate  Value[WageRate] // the rate of the place's tier
	Tier  Value[int]      // the place's tier
	Place Region
}

// MinimumWage returns the minimum wage of the place q.Region (R13's 务工地):
// its tier from the dated region → tier map, then that tier's rate.
//
// The place must be a county-level code: a prefecture's counties may sit in
// different tiers, so a prefecture or province code is refused with
// ErrPlaceTooCoarse.
func (s *Set) MinimumWage(q Query) (WageAt, error) {
	if q.Region.IsValid() && q.Region.Level() != LevelCounty {
		return WageAt{}, fmt.Errorf("standards: minimum wage for %s: %w", q.Region, ErrPlaceTooCoarse)
	}
	tier, err := s.MinimumWageTier(q)
	if err != nil {
		return WageAt{}, err
	}
	ser, e, err := s.find(ParamMinimumWage, q)
	if err != nil {
		return WageAt{}, err
	}
	rate, ok := e.v.(MinimumWage).Tier(tier.V)
	if !ok {
		return WageAt{}, &LookupError{Param: ParamMinimumWage, Region: q.Region, Area: q.Area, Date: q.Date,
			KnownOn: q.KnownOn, Covered: fmt.Sprintf("no rate for tier %d", tier.V)}
	}
	return WageAt{Rate: Value[WageRate]{V: rate, Provenance: s.provenance(ParamMinimumWage, ser, e, q)},
		Tier: tier, Place: q.Region}, nil
}

// CaregiverIncomeFactor returns the share of a caregiver's income that is counted (R14).
func (s *Set) CaregiverIncomeFactor(q Query) (Value[decimal.Decimal], error) {
	return lookup[decimal.Decimal](s, ParamCaregiverIncomeFactor, q)
}

// PriceLinkage returns the price-linkage parameters (R5).
func (s *Set) PriceLinkage(q Query) (Value[PriceLinkage], error) {
	return lookup[PriceLinkage](s, ParamPriceLinkage, q)
}

// TekunBasicFactor returns the 特困 basic-standard multiple of the 低保 standard.
func (s *Set) TekunBasicFactor(q Query) (Value[decimal.Decimal], error) {
	return lookup[decimal.Decimal](s, ParamTekunBasicFactor, q)
}

// TekunSupport returns the 特困 support amounts. q.Area is required.
func (s *Set) TekunSupport(q Query) (Value[TekunSupport], error) {
	return lookup[TekunSupport](s, ParamTekunSupport, q)
}

// TemporaryAssistanceCaps returns the temporary-assistance caps (R10).
func (s *Set) TemporaryAssistanceCaps(q Query) (Value[[]AssistanceCap], error) {
	return lookup[[]AssistanceCap](s, ParamTemporaryAssistanceCaps, q)
}

// TemporaryAssistanceMaxInstalments returns the most instalments of one approval (R10).
func (s *Set) TemporaryAssistanceMaxInstalments(q Query) (Value[int], error) {
	return lookup[int](s, ParamTemporaryAssistanceMaxInstalments, q)
}

// PropertyLimits returns the property limits.
func (s *Set) PropertyLimits(q Query) (Value[PropertyLimits], error) {
	return lookup[PropertyLimits](s, ParamPropertyLimits, q)
}

// ExcludedIncomeKinds returns the income kinds that are not counted.
func (s *Set) ExcludedIncomeKinds(q Query) (Value[[]IncomeKind], error) {
	return lookup[[]IncomeKind](s, ParamExcludedIncomeKinds, q)
}

// RigidExpenditureDeduction returns whether rigid expenditure is deducted
// from income before the 低保 test.
func (s *Set) RigidExpenditureDeduction(q Query) (Value[bool], error) {
	return lookup[bool](s, ParamRigidExpenditureDeduction, q)
}

// SevereGrade3Categories returns the disability categories whose grade 3
// counts as severe for 单人户 inclusion.
func (s *Set) SevereGrade3Categories(q Query) (Value[[]string], error) {
	return lookup[[]string](s, ParamSevereGrade3Categories, q)
}

// Monitoring returns the monitoring thresholds.
func (s *Set) Monitoring(q Query) (Value[Monitoring], error) {
	return lookup[Monitoring](s, ParamMonitoring, q)
}

// Rounding returns the rounding rule declared for a point. A point the Set
// does not declare is an error: no rounding is ever assumed.
func (s *Set) Rounding(point RoundingPoint, q Query) (Value[RoundingRule], error) {
	return lookup[RoundingRule](s, point.Param(), q)
}
