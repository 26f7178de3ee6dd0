package standards

import (
	"slices"
	"sort"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
)

// validator checks a decoded (or derived) Set as a whole and builds its
// indexes. Every problem is reported, with the path of the value at fault.
// Each check runs in time linear (or n log n) in the size of the Set.
type validator struct {
	s *Set
	p *report.List
}

func (s *Set) validate(p *report.List) {
	v := &validator{s: s, p: p}
	if s.divisions != nil && s.jurisdiction.IsValid() && !s.divisions.Has(s.jurisdiction) {
		p.Add("jurisdiction", report.MsgJurisdiction, report.Str("region", s.jurisdiction.String()))
	}
	for _, t := range s.tables {
		if t != nil {
			t.validate(v)
		}
	}
	if p.Len() == 0 {
		// The cross-parameter checks read values through the indexes; they
		// run once everything else holds.
		v.tierMap()
		v.crossChecks()
	}
}

func (t *tableOf[T]) validate(v *validator) {
	s, p := v.s, v.p
	t.index = make(map[seriesKey]*series[T], len(t.series))
	c := checker{p: p, allow: s.allowOutOfRange}
	for _, ser := range t.series {
		h := &ser.head
		if t.def.area && h.area == AreaAny {
			p.Add(problem.Join(h.path, "area"), report.MsgAreaRequired, report.Str("param", t.def.name))
		}
		if len(h.regions) == 0 {
			p.Add(problem.Join(h.path, "regions"), report.MsgAtLeastOne)
		}
		for j, r := range h.regions {
			rp := problem.Index(problem.Join(h.path, "regions"), j)
			if s.divisions != nil && !s.divisions.Has(r) {
				p.Add(rp, report.MsgRegionUnknown, report.Str("region", r.String()))
				continue
			}
			if s.jurisdiction.IsValid() && !s.jurisdiction.Contains(r) {
				p.Add(rp, report.MsgRegionOutside, report.Str("region", r.String()), report.Str("jurisdiction", s.jurisdiction.String()))
			}
			k := seriesKey{r, h.area}
			if prev := t.index[k]; prev != nil {
				p.Add(rp, report.MsgSeriesOverlap, report.Str("region", r.String()), report.Str("area", areaSuffix(h.area)),
					report.Str("param", t.def.name), report.Str("other", prev.head.path))
				continue
			}
			t.index[k] = ser
		}
		if len(ser.values) == 0 {
			p.Add(problem.Join(h.path, "values"), report.MsgAtLeastOne)
		}
		for j := range ser.values {
			e := &ser.values[j]
			m := &e.meta
			if m.source >= 0 {
				// Shared with the Set a reform or merge derives from: resolved.
			} else if i, ok := s.sourceIndex[m.sourceID]; ok {
				m.source = i
			} else if m.sourceID != "" {
				p.Add(problem.Join(m.path, "source"), report.MsgSourceUndeclared, report.Str("id", m.sourceID))
			}
			if !m.until.IsZero() && m.until.Before(m.from) {
				p.Add(problem.Join(m.path, "until"), report.MsgUntilBeforeFrom, dateArg("until", m.until), dateArg("from", m.from))
			}
			if e.ok && t.def.check != nil {
				c.path = problem.Join(m.path, "value")
				t.def.check(c, e.v)
			}
			if j == 0 {
				continue
			}
			prev := &ser.values[j-1].meta
			if m.from.IsZero() || prev.from.IsZero() {
				continue // a bad date, already reported
			}
			if !m.from.After(prev.from) {
				p.Add(problem.Join(m.path, "from"), report.MsgFromNotAfter, dateArg("from", m.from), dateArg("prev", prev.from))
				continue
			}
			if !prev.until.IsZero() {
				next := prev.until.AddDays(1)
				if next.Before(m.from) {
					p.Add(problem.Join(prev.path, "until"), report.MsgValuesGap, dateArg("from", next), dateArg("to", m.from.AddDays(-1)))
				} else if m.from.Before(next) {
					p.Add(problem.Join(prev.path, "until"), report.MsgValuesOverlap, dateArg("until", prev.until), dateArg("from", m.from))
				}
			}
		}
	}
}

func areaSuffix(a Area) string {
	if a == AreaAny {
		return ""
	}
	return " (" + a.String() + ")"
}

func dateArg(name string, d Date) report.Arg {
	return report.Date(name, d.Year(), int(d.Month()), d.Day())
}

// span is a closed interval of dates; a zero hi is open-ended.
type span struct{ lo, hi Date }

// spansOf merges the periods a series' values are in force into disjoint,
// ordered spans.
func spansOf(metas []entryMeta) []span {
	var out []span
	for i, m := range metas {
		hi := m.until
		if hi.IsZero() && i+1 < len(metas) {
			hi = metas[i+1].from.AddDays(-1)
		}
		if n := len(out); n > 0 && !out[n-1].hi.IsZero() && !out[n-1].hi.AddDays(1).Before(m.from) {
			out[n-1].hi = hi
			continue
		}
		out = append(out, span{m.from, hi})
	}
	return out
}

// union merges two disjoint, ordered span lists.
func union(a, b []span) []span {
	all := append(append(make([]span, 0, len(a)+len(b)), a...), b...)
	slices.SortFunc(all, func(x, y span) int { return x.lo.Compare(y.lo) })
	var out []span
	for _, s := range all {
		if n := len(out); n > 0 && (out[n-1].hi.IsZero() || !out[n-1].hi.AddDays(1).Before(s.lo)) {
			if out[n-1].hi.IsZero() || s.hi.IsZero() {
				out[n-1].hi = Date{}
			} else if s.hi.After(out[n-1].hi) {
				out[n-1].hi = s.hi
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

// firstGap returns the first day from `from` on that no span covers, and
// false when the spans cover every day from `from` on.
func firstGap(spans []span, from Date) (Date, bool) {
	i := sort.Search(len(spans), func(i int) bool { return spans[i].hi.IsZero() || !spans[i].hi.Before(from) })
	if i == len(spans) || spans[i].lo.After(from) {
		return from, true
	}
	if spans[i].hi.IsZero() {
		return Date{}, false
	}
	return spans[i].hi.AddDays(1), true
}

// metasOf returns a series' value metadata.
func metasOf[T any](ser *series[T]) []entryMeta {
	out := make([]entryMeta, len(ser.values))
	for i := range ser.values {
		out[i] = ser.values[i].meta
	}
	return out
}

// tierMap checks that, from the first date the minimum-wage tier map gives
// a tier, every county-level division of the jurisdiction resolves to a
// tier on every day, and that every tier value has a rate in every
// minimum-wage table in force while it is. The minimum-wage table itself is
// provincial: one series for the jurisdiction.
//
// Coverage is checked per county as the union of its own series, its
// prefecture's and the province's, with the prefecture's union computed once
// and the county's own gaps looked up in it by binary search: O(n log n).
func (v *validator) tierMap() {
	s := v.s
	tiers, _ := s.tables[ParamMinimumWageTier.d.index].(*tableOf[int])
	if tiers == nil || s.divisions == nil {
		return
	}
	var first Date
	for _, ser := range tiers.series {
		if len(ser.values) > 0 && (first.IsZero() || ser.values[0].meta.from.Before(first)) {
			first = ser.values[0].meta.from
		}
	}
	own := func(r Region) []span {
		if ser := tiers.index[seriesKey{r, AreaAny}]; ser != nil {
			return spansOf(metasOf(ser))
		}
		return nil
	}
	prefUnion := map[Region][]span{}
	provinceSpans := map[Region][]span{}
	for i := 0; i < s.divisions.Len(); i++ {
		div := s.divisions.At(i)
		if div.Level != LevelCounty || s.jurisdiction.IsValid() && !s.jurisdiction.Contains(div.Region) {
			continue
		}
		pref, _ := div.Region.Parent()
		pu, ok := prefUnion[pref]
		if !ok {
			prov := pref.Province()
			ps, ok := provinceSpans[prov]
			if !ok {
				ps = own(prov)
				provinceSpans[prov] = ps
			}
			pu = union(own(pref), ps)
			prefUnion[pref] = pu
		}
		cov := pu
		if c := own(div.Region); c != nil {
			cov = union(c, pu)
		}
		if gap, ok := firstGap(cov, first); ok {
			v.p.Add("parameters.minimum_wage_tier", report.MsgMissingTier, report.Str("region", div.Region.String()),
				report.Str("name", div.Name), dateArg("date", gap))
		}
	}
	v.wagesForTiers(tiers)
}

// wagesForTiers checks that each tier value names a tier of every wage
// table in force during its period, with a range-minimum table over the
// wage values: O(n log n).
func (v *validator) wagesForTiers(tiers *tableOf[int]) {
	s := v.s
	wages, _ := s.tables[ParamMinimumWage.d.index].(*tableOf[MinimumWage])
	if wages == nil {
		return
	}
	ws := wages.index[seriesKey{s.jurisdiction, AreaAny}]
	if len(wages.series) != 1 || ws == nil || len(ws.head.regions) != 1 {
		v.p.Add("parameters.minimum_wage", report.MsgNoWageTable, report.Str("region", s.jurisdiction.String()),
			report.Int("tier", 0), dateArg("date", Date{}))
		return
	}
	metas := metasOf(ws)
	n := len(metas)
	ends := make([]Date, n) // last day of each wage value (zero: open)
	for i, m := range metas {
		ends[i] = m.until
		if ends[i].IsZero() && i+1 < n {
			ends[i] = metas[i+1].from.AddDays(-1)
		}
	}
	// sparse[k][i] = fewest tiers among wage values i … i+2^k−1.
	sparse := [][]int{make([]int, n)}
	for i := range n {
		sparse[0][i] = len(ws.values[i].v.Tiers)
	}
	for k := 1; 1<<k <= n; k++ {
		prev := sparse[k-1]
		row := make([]int, n-(1<<k)+1)
		for i := range row {
			row[i] = min(prev[i], prev[i+(1<<(k-1))])
		}
		sparse = append(sparse, row)
	}
	fewest := func(lo, hi int) int { // inclusive
		k := 0
		for 1<<(k+1) <= hi-lo+1 {
			k++
		}
		return min(sparse[k][lo], sparse[k][hi-(1<<k)+1])
	}
	spans := spansOf(metas)
	for _, ser := range tiers.series {
		for j := range ser.values {
			e := &ser.values[j]
			lo := e.meta.from
			hi := e.meta.until
			if hi.IsZero() && j+1 < len(ser.values) {
				hi = ser.values[j+1].meta.from.AddDays(-1)
			}
			// Covered by the wage table throughout?
			if gap, ok := firstGap(spans, lo); ok && (hi.IsZero() || !gap.After(hi)) {
				v.p.Add(e.meta.path, report.MsgNoWageTable, report.Str("region", ser.head.regions[0].String()),
					report.Int("tier", int64(e.v)), dateArg("date", gap))
				continue
			}
			// The wage values overlapping [lo, hi].
			a := sort.Search(n, func(i int) bool { return ends[i].IsZero() || !ends[i].Before(lo) })
			b := n - 1
			if !hi.IsZero() {
				b = sort.Search(n, func(i int) bool { return metas[i].from.After(hi) }) - 1
			}
			if a <= b && fewest(a, b) < e.v {
				v.p.Add(problem.Join(e.meta.path, "value"), report.MsgTierNoRate, report.Str("region", ser.head.regions[0].String()),
					report.Int("tier", int64(e.v)), dateArg("date", lo))
			}
		}
	}
}
