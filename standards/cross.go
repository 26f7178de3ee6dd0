package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
)

// Checks across parameters. Each visits every value once and looks up what
// it is checked against (a lookup is logarithmic in the series' length), so
// each runs in O(n log n) in the size of the Set. A value is checked
// against the values in force on the day it takes effect; what changes later
// (a floor raised, a tier table replaced) is checked on the day it does,
// for the regions it names, and decisions check what they use (a decision
// never rests on a tier table that stops below the standard).

// crossChecks runs the checks across parameters, once every value holds on
// its own.
func (v *validator) crossChecks() {
	v.edgeBands()
	v.labourAges()
	v.tierCoverage()
	v.guidance()
}

// areaWords names an area class after a region: " 城市", " urban".
func areaWords(a Area) report.Arg {
	w := text.AreaAfter(a.String())
	return report.Words("area", w[0], w[1])
}

func (v *validator) regionArg(r Region) report.Arg {
	name := v.s.divisions.Name(r)
	if name == "" {
		return report.Str("region", r.String())
	}
	return report.Str("region", name+" ("+r.String()+")")
}

// lookup is Lookup for the validator: the value in force, and whether there
// is one.
func lookupIn[T any](s *Set, k Key[T], r Region, a Area, d Date) (T, bool) {
	v, _, ok := lookupSourced(s, k, r, a, d)
	return v, ok
}

// lookupSourced also returns the value's source document.
func lookupSourced[T any](s *Set, k Key[T], r Region, a Area, d Date) (T, string, bool) {
	t, _ := s.tables[k.d.index].(*tableOf[T])
	var zero T
	if t == nil || t.index == nil {
		return zero, "", false
	}
	_, e, _ := t.find(Query{Region: r, Area: a, Date: d})
	if e == nil || !e.ok {
		return zero, "", false
	}
	doc := ""
	if i := e.meta.source; i >= 0 && i < len(s.sources) {
		doc = s.sources[i].Document
	}
	return e.v, doc, true
}

// edgeBands checks that every edge-band value gives, for each area class in
// which a 低保 standard is set at or below its regions, a band of at least
// 1.5× (四（一）: below 1.5 times the standard; a locality may relax it to
// 2×). Narrower extra bands (Harbin's 1.2×) are allowed beside it. A reform
// simulation with out-of-range values allowed may narrow it.
func (v *validator) edgeBands() {
	s := v.s
	std, _ := s.tables[ParamDibaoStandard.d.index].(*tableOf[money.Amount])
	bands, _ := s.tables[ParamEdgeBands.d.index].(*tableOf[[]Band])
	if std == nil || bands == nil || s.allowOutOfRange {
		return
	}
	// The area classes with a standard at or below each region.
	type mark struct {
		region Region
		area   Area
	}
	has := map[mark]bool{}
	for _, ser := range std.series {
		for _, r := range ser.head.regions {
			chain, n := r.Chain()
			for i := 0; i < n; i++ {
				has[mark{chain[i], ser.head.area}] = true
			}
		}
	}
	least := money.MustRate("1.5")
	for _, ser := range bands.series {
		for j := range ser.values {
			e := &ser.values[j]
			if !e.ok {
				continue
			}
			for _, r := range ser.head.regions {
				for _, a := range [2]Area{AreaUrban, AreaRural} {
					if ser.head.area != AreaAny && ser.head.area != a || !has[mark{r, a}] {
						continue
					}
					found := false
					for _, b := range e.v {
						if (b.Area == AreaAny || b.Area == a) && b.Multiple.Cmp(least) >= 0 {
							found = true
							break
						}
					}
					if !found {
						v.p.Add(problem.Join(e.meta.path, "value"), report.MsgNoEdgeBand, v.regionArg(r), areaWords(a), dateArg("date", e.meta.from))
					}
				}
			}
		}
	}
}

// labourAges checks that the age under which a person is without labour
// capacity stays below the age from which one is, whenever either changes.
func (v *validator) labourAges() {
	s := v.s
	from, _ := s.tables[ParamNoLabourAgeFrom.d.index].(*tableOf[int])
	under, _ := s.tables[ParamNoLabourAgeUnder.d.index].(*tableOf[int])
	if from == nil || under == nil {
		return
	}
	check := func(t *tableOf[int], other Key[int], own bool) {
		for _, ser := range t.series {
			for j := range ser.values {
				e := &ser.values[j]
				for _, r := range ser.head.regions {
					o, ok := lookupIn(s, other, r, AreaAny, e.meta.from)
					if !ok || !e.ok {
						continue
					}
					lo, hi := e.v, o // own: e is the lower age
					if !own {
						lo, hi = o, e.v
					}
					if lo >= hi {
						v.p.Add(problem.Join(e.meta.path, "value"), report.MsgCategoryBounds, report.Int("min", int64(lo)), report.Int("max", int64(hi)))
					}
				}
			}
		}
	}
	check(under, ParamNoLabourAgeFrom, true)
	check(from, ParamNoLabourAgeUnder, false)
}

// tierCoverage checks that a tier table reaches the 低保 standard in force
// (R6: every household below the standard has a tier): on each day a
// standard takes effect, against the table in force for its regions, and on
// each day a table takes effect, against the standards of the regions it
// names — where the payment method in force is tiered (a request asking for
// tiered payment elsewhere is refused at decision time if the table falls
// short).
func (v *validator) tierCoverage() {
	s := v.s
	std, _ := s.tables[ParamDibaoStandard.d.index].(*tableOf[money.Amount])
	tiers, _ := s.tables[ParamTierTable.d.index].(*tableOf[TierTable])
	if std == nil || tiers == nil {
		return
	}
	check := func(path string, t TierTable, standard money.Amount, r Region, a Area, d Date) {
		if m, ok := lookupIn(s, ParamPaymentMethod, r, a, d); len(t.Tiers) == 0 || !ok || m != MethodTiered {
			return // a table the payment method in force does not use
		}
		top := t.Tiers[len(t.Tiers)-1].To
		if top.Cmp(standard) < 0 {
			v.p.Add(path, report.MsgTierUncovered, report.Money("top", top), v.regionArg(r), areaWords(a), dateArg("date", d),
				report.Money("standard", standard))
		}
	}
	for _, ser := range std.series {
		for j := range ser.values {
			e := &ser.values[j]
			if !e.ok {
				continue
			}
			for _, r := range ser.head.regions {
				if _, te, _ := tiers.find(Query{Region: r, Area: ser.head.area, Date: e.meta.from}); te != nil && te.ok {
					check(problem.Join(e.meta.path, "value"), te.v, e.v, r, ser.head.area, e.meta.from)
				}
			}
		}
	}
	for _, ser := range tiers.series {
		for j := range ser.values {
			e := &ser.values[j]
			if !e.ok {
				continue
			}
			for _, r := range ser.head.regions {
				for _, a := range [2]Area{AreaUrban, AreaRural} {
					if ser.head.area != AreaAny && ser.head.area != a {
						continue
					}
					if sv, ok := lookupIn(s, ParamDibaoStandard, r, a, e.meta.from); ok {
						check(problem.Join(e.meta.path, "value"), e.v, sv, r, a, e.meta.from)
					}
				}
			}
		}
	}
}

// guidance checks local 低保 standards and 特困 amounts against the
// provincial guidance in force on the day each takes effect: a standard at
// least the guidance standard; 特困 basic support at least the guidance
// factor × the local standard; each care amount at least the local minimum
// wage ÷ the level's divisor. A reform simulation with out-of-range values
// allowed may go below (decisions then warn).
func (v *validator) guidance() {
	s := v.s
	if s.allowOutOfRange {
		return
	}
	if std, _ := s.tables[ParamDibaoStandard.d.index].(*tableOf[money.Amount]); std != nil {
		for _, ser := range std.series {
			for j := range ser.values {
				e := &ser.values[j]
				if !e.ok {
					continue
				}
				for _, r := range ser.head.regions {
					if sf, ok := DibaoBelowGuidance(s, r, ser.head.area, e.meta.from, e.v); ok {
						v.p.Add(problem.Join(e.meta.path, "value"), report.MsgBelowFloor, report.Money("value", e.v),
							report.Money("floor", sf.Floor), report.Str("source", sf.Source))
						break
					}
				}
			}
		}
	}
	tk, _ := s.tables[ParamTekunSupport.d.index].(*tableOf[TekunSupport])
	if tk == nil {
		return
	}
	for _, ser := range tk.series {
		for j := range ser.values {
			e := &ser.values[j]
			if !e.ok {
				continue
			}
			for _, r := range ser.head.regions {
				if p, ok := TekunBelowGuidance(s, r, ser.head.area, e.meta.from, e.v); ok {
					v.p.Add(problem.Join(problem.Join(e.meta.path, "value"), p.Field), report.MsgBelowFloor,
						report.Money("value", p.Value), report.Money("floor", p.Floor), report.Str("source", p.Source))
					break
				}
			}
		}
	}
}

// Shortfall is a local amount below the provincial guidance.
type Shortfall struct {
	Field string       // the amount's field: "basic", "self_care", …, or "" for the 低保 standard
	Value money.Amount // the local amount
	Floor money.Amount // the least the guidance allows (exact)
	// Source is the guidance's source document.
	Source string
}

// DibaoBelowGuidance compares a 低保 standard with the provincial guidance
// in force for the region, area class and date; ok reports a shortfall.
func DibaoBelowGuidance(s *Set, r Region, a Area, d Date, standard money.Amount) (Shortfall, bool) {
	floor, doc, ok := lookupSourced(s, ParamDibaoGuidance, r, a, d)
	if !ok || standard.Cmp(floor) >= 0 {
		return Shortfall{}, false
	}
	return Shortfall{Value: standard, Floor: floor, Source: doc}, true
}

// TekunBelowGuidance compares 特困 amounts with the provincial guidance in
// force for the region, area class and date (basic against the factor × the
// local 低保 standard, care against the local minimum wage ÷ the divisor);
// ok reports the first shortfall. Without the guidance, the standard or the
// wage in force, nothing is compared.
func TekunBelowGuidance(s *Set, r Region, a Area, d Date, t TekunSupport) (Shortfall, bool) {
	g, doc, ok := lookupSourced(s, ParamTekunGuidance, r, AreaAny, d)
	if !ok {
		return Shortfall{}, false
	}
	if standard, ok := lookupIn(s, ParamDibaoStandard, r, a, d); ok {
		if t.Basic.CmpProduct(standard, g.BasicFactor) < 0 {
			floor, _ := standard.MulRate(g.BasicFactor)
			return Shortfall{Field: "basic", Value: t.Basic, Floor: floor, Source: doc}, true
		}
	}
	tier, ok := lookupIn(s, ParamMinimumWageTier, r, AreaAny, d)
	if !ok {
		return Shortfall{}, false
	}
	table, ok := lookupIn(s, ParamMinimumWage, r, AreaAny, d)
	if !ok {
		return Shortfall{}, false
	}
	rate, ok := table.Tier(tier)
	if !ok {
		return Shortfall{}, false
	}
	for _, l := range [3]CareLevel{CareSelf, CarePartial, CareFull} {
		care, _ := t.Care(l)
		div := g.Divisor(l)
		if div <= 0 {
			continue
		}
		// care ≥ wage ÷ div ⇔ care × div ≥ wage, exactly.
		if times, ok := care.MulInt(int64(div)); ok && times.Cmp(rate.Monthly) < 0 {
			floor, _ := rate.Monthly.QuoInt(int64(div))
			return Shortfall{Field: l.String() + "_care", Value: care, Floor: floor, Source: doc}, true
		}
	}
	return Shortfall{}, false
}
