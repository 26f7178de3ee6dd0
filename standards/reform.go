package standards

import (
	"github.com/dibao-go/dibao/internal/jsonx"
	"strconv"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
)

// Scope says which series a change replaces.
type Scope uint8

// Scopes.
const (
	// ScopeOwn changes only the named regions' own series: regions under
	// them that have series of their own keep their values. A change that
	// no county-level lookup would then see is refused (no_effect).
	ScopeOwn Scope = iota
	// ScopeUnder changes the named regions' series and every series of a
	// region under them, so the new value holds everywhere below.
	ScopeUnder
)

// Change sets one parameter's value for some regions from a reform's date.
// Build one with ChangeTo.
type Change struct {
	Key AnyKey
	// Regions where the new value applies; empty means the Set's jurisdiction.
	Regions []Region
	// Area for an area-split parameter: urban, rural, or AreaAny for both.
	// For other parameters, AreaAny (or an area to give an area-specific value).
	Area  Area
	Scope Scope
	edit  editor
	from  Date // the first day of the new values, for the no-effect check
}

// editor is a typed change to a table.
type editor interface {
	apply(n *Set, t table, ch *Change, path string, from Date, src int, p *report.List) table
}

// ChangeTo returns a change that sets key k to v.
func ChangeTo[T any](k Key[T], v T) Change {
	return Change{Key: k, edit: setTo[T]{k: k, v: v}}
}

// In returns the change for the given regions.
func (c Change) In(regions ...Region) Change { c.Regions = regions; return c }

// For returns the change for one area class.
func (c Change) For(a Area) Change { c.Area = a; return c }

// Under returns the change with ScopeUnder.
func (c Change) Under() Change { c.Scope = ScopeUnder; return c }

// Reform is a what-if overlay: new values for some parameters from a date.
type Reform struct {
	Name    string // required; shown as the source of the new values
	From    Date   // first day the new values apply
	Changes []Change
	// AllowOutOfRange accepts values outside the policy's range, as
	// LoadOptions.AllowOutOfRange does.
	AllowOutOfRange bool
}

// Apply derives a new validated Set with the reform's values in force from
// r.From; s is unchanged. The new values carry a source of reliability
// "simulation" named after the reform. Problems are reported in a
// *problem.Error with paths such as changes[0].value.
func (s *Set) Apply(r Reform) (*Set, error) {
	var p report.List
	if r.Name == "" {
		p.Add("name", report.MsgRequired)
	}
	if r.From.IsZero() {
		p.Add("from", report.MsgRequired)
	}
	if len(r.Changes) == 0 {
		p.Add("changes", report.MsgAtLeastOne)
	}
	if err := p.Err(problem.SubjectReform); err != nil {
		return nil, err
	}
	n := s.derive(" + "+r.Name, s.allowOutOfRange || r.AllowOutOfRange)
	src := n.addSource(Source{ID: "reform", Document: r.Name, Reliability: ReliabilitySimulation,
		Note: "what-if values from " + r.From.String()})
	for i := range r.Changes {
		c := r.Changes[i] // a copy: the caller's reform is never written to
		ch := &c
		path := problem.Index("changes", i)
		if ch.Key == nil || ch.edit == nil {
			p.Add(problem.Join(path, "key"), report.MsgRequired)
			continue
		}
		if ch.Area != AreaAny && !ch.Area.Valid() {
			p.Add(problem.Join(path, "area"), report.MsgBadEnum, report.Str("value", ch.Area.String()), report.Choices("allowed", areaNames.List()))
			continue
		}
		idx := ch.Key.info().index
		ch.from = r.From
		n.tables[idx] = ch.edit.apply(n, n.tables[idx], ch, path, r.From, src, &p)
	}
	if err := p.Err(problem.SubjectReform); err != nil {
		return nil, err
	}
	n.validate(&p)
	if err := p.Err(problem.SubjectReform); err != nil {
		return nil, err
	}
	n.identity = identityOf(n)
	return n, nil
}

// derive returns a shallow copy of s whose tables can be edited.
func (s *Set) derive(suffix string, allow bool) *Set {
	n := &Set{
		name:            s.name + suffix,
		jurisdiction:    s.jurisdiction,
		completeThrough: s.completeThrough,
		dataVersion:     s.dataVersion,
		divisions:       s.divisions,
		ownDivisions:    s.ownDivisions,
		sources:         append([]Source(nil), s.sources...),
		sourceIndex:     make(map[string]int, len(s.sources)+1),
		tables:          make([]table, len(registry)),
		allowOutOfRange: allow,
	}
	for id, i := range s.sourceIndex {
		n.sourceIndex[id] = i
	}
	for i, t := range s.tables {
		if t != nil {
			n.tables[i] = t.copyTable()
		}
	}
	return n
}

// addSource declares a source under a fresh ID based on src.ID.
func (s *Set) addSource(src Source) int {
	id := src.ID
	for k := 2; ; k++ {
		if _, taken := s.sourceIndex[id]; !taken {
			break
		}
		id = src.ID + "-" + strconv.Itoa(k)
	}
	src.ID = id
	s.sourceIndex[id] = len(s.sources)
	s.sources = append(s.sources, src)
	return len(s.sources) - 1
}

type setTo[T any] struct {
	k Key[T]
	v T
}

func (e setTo[T]) apply(n *Set, t table, ch *Change, path string, from Date, src int, p *report.List) table {
	tt, _ := t.(*tableOf[T])
	if tt == nil {
		tt = &tableOf[T]{def: e.k.d}
	}
	// A derived Set must be one a standards file can hold: the value is
	// written in the file's form and read back, so that a rate of five
	// places or an amount of half a fen is refused here, not by Load after
	// Save.
	v, ok := fileForm(e.k.d, e.v, problem.Join(path, "value"), p)
	if !ok {
		return t
	}
	val := entry[T]{meta: entryMeta{path: path, from: from, source: src, note: "reform"}, v: v, ok: true}
	overlay(n, tt, ch, path, func(old *series[T]) *series[T] { return continued(old, from, val) }, p)
	return tt
}

// fileForm returns v as a standards file holds it (a copy), reporting at
// path a value the file's form cannot hold.
func fileForm[T any](def *keyDef[T], v T, path string, p *report.List) (T, bool) {
	w := jsonx.NewWriter("")
	def.write(w, v)
	var q report.List
	d, ok := jsonx.Parse(w.Bytes(), MaxFileSize, &q, path)
	var out T
	if ok {
		out, ok = def.read(d)
	}
	if q.Len() > 0 || !ok {
		for _, pr := range q.Problems() {
			p.AddProblem(pr)
		}
		if q.Len() == 0 {
			p.Add(path, report.MsgValueType)
		}
		return out, false
	}
	return out, true
}

// targets returns the (region, area) pairs a change names.
func targets(n *Set, def *keyInfo, ch *Change) []seriesKey {
	regions := ch.Regions
	if len(regions) == 0 {
		regions = []Region{n.jurisdiction}
	}
	areas := []Area{ch.Area}
	if def.area && ch.Area == AreaAny {
		areas = []Area{AreaUrban, AreaRural}
	}
	var out []seriesKey
	for _, r := range regions {
		for _, a := range areas {
			out = append(out, seriesKey{r, a})
		}
	}
	return out
}

// overlay replaces, for each target of the change (and with ScopeUnder for
// every series below it), the target's series by remake(old) — old being
// its own series or nil.
func overlay[T any](n *Set, t *tableOf[T], ch *Change, path string, remake func(old *series[T]) *series[T], p *report.List) {
	def := &t.def.keyInfo
	var keys []seriesKey
	for _, k := range targets(n, def, ch) {
		if !n.divisions.Has(k.region) {
			p.Add(problem.Join(path, "regions"), report.MsgRegionUnknown, report.Str("region", k.region.String()))
			continue
		}
		keys = append(keys, k)
		if ch.Scope == ScopeUnder {
			for _, ser := range t.series {
				for _, r := range ser.head.regions {
					if r != k.region && k.region.Contains(r) && (ser.head.area == k.area || k.area == AreaAny) {
						keys = append(keys, seriesKey{r, ser.head.area})
					}
				}
			}
		}
	}
	done := map[seriesKey]bool{}
	for _, k := range keys {
		if done[k] {
			continue
		}
		done[k] = true
		var old *series[T]
		out := t.series[:0:0]
		for _, ser := range t.series {
			if ser.head.area == k.area && containsRegion(ser.head.regions, k.region) {
				old = ser
				if len(ser.head.regions) > 1 {
					rest := *ser
					rest.head.regions = removeRegion(ser.head.regions, k.region)
					out = append(out, &rest)
				}
				continue
			}
			out = append(out, ser)
		}
		ns := remake(old)
		ns.head.path, ns.head.regions, ns.head.area = path, []Region{k.region}, k.area
		t.series = append(out, ns)
	}
	if ch.Scope == ScopeOwn {
		for _, k := range targets(n, def, ch) {
			if n.divisions.Has(k.region) {
				noEffect(n, t, k, ch.from, path, p)
			}
		}
	}
}

// continued returns old's history before from, then e.
func continued[T any](old *series[T], from Date, e entry[T]) *series[T] {
	ns := &series[T]{}
	if old != nil {
		ns.head.completeThrough = old.head.completeThrough
		for _, v := range old.values {
			if !v.meta.from.Before(from) {
				break
			}
			ns.values = append(ns.values, v)
		}
		if k := len(ns.values); k > 0 {
			last := &ns.values[k-1]
			if last.meta.until.IsZero() || !last.meta.until.Before(from) {
				last.meta.until = from.AddDays(-1)
			}
		}
	}
	ns.values = append(ns.values, e)
	return ns
}

func containsRegion(l []Region, r Region) bool {
	for _, x := range l {
		if x == r {
			return true
		}
	}
	return false
}

func removeRegion(l []Region, r Region) []Region {
	out := make([]Region, 0, len(l)-1)
	for _, x := range l {
		if x != r {
			out = append(out, x)
		}
	}
	return out
}

// noEffect refuses a change to region k.region's own series that every
// county-level lookup under it would miss, because series of regions
// between it and each county answer from the change's date on. For a
// county itself the change always has effect.
func noEffect[T any](n *Set, t *tableOf[T], k seriesKey, from Date, path string, p *report.List) {
	if k.region.Level() == LevelCounty {
		return
	}
	index := make(map[seriesKey]*series[T], len(t.series))
	for _, ser := range t.series {
		for _, r := range ser.head.regions {
			index[seriesKey{r, ser.head.area}] = ser
		}
	}
	// Lookups in k's area class meet, at each level below k.region, a series
	// of that area class and then an unsplit one; lookups without an area
	// class meet only unsplit ones.
	areas := []Area{AreaAny}
	if k.area != AreaAny {
		areas = []Area{k.area, AreaAny}
	}
	var shadow string
	for i := 0; i < n.divisions.Len(); i++ {
		div := n.divisions.At(i)
		if div.Level != LevelCounty || !k.region.Contains(div.Region) {
			continue
		}
		var cov []span
		chain, m := div.Region.Chain()
		for j := 0; j < m && chain[j] != k.region; j++ {
			for _, a := range areas {
				if ser := index[seriesKey{chain[j], a}]; ser != nil {
					cov = union(cov, spansOf(metasOf(ser)))
					if shadow == "" {
						shadow = chain[j].String() + " (" + ser.head.path + ")"
					}
				}
			}
		}
		if _, gap := firstGap(cov, from); gap {
			return // this county sees the change
		}
	}
	p.Add(path, report.MsgNoEffect, report.Str("region", k.region.String()), report.Str("area", areaSuffix(k.area)),
		report.Str("shadow", shadow))
}
