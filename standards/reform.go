package standards

import (
	"fmt"
	"maps"
	"slices"
	"strconv"

	"github.com/dibao-go/dibao/internal/jsonw"
)

// Change replaces one parameter's value for some regions from a Reform's date.
type Change struct {
	Param Param
	// Regions where the new value applies; empty means the Set's
	// jurisdiction. A region's own series is cut at the reform date and the
	// new value continues it; where the region had none, it gains one.
	Regions []Region
	// Area for area-split parameters (required for them), or AreaAny.
	Area Area
	// Value is of the Go type documented on the Param constant, e.g.
	// decimal.Decimal for ParamDibaoStandard, []Band for ParamEdgeBands.
	Value any
}

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
// "simulation" named after the reform. Problems are reported as a *LoadError
// with paths such as changes[0].value.
func (s *Set) Apply(r Reform) (*Set, error) {
	p := &problems{}
	if r.Name == "" {
		p.Add("name", CodeRequired, "a reform needs a name")
	}
	if r.From.IsZero() {
		p.Add("from", CodeRequired, "a reform needs a date")
	}
	if len(r.Changes) == 0 {
		p.Add("changes", CodeRequired, "a reform needs at least one change")
	}
	if err := loadError(p); err != nil {
		return nil, err
	}

	n := &Set{
		name:            s.name + " + " + r.Name,
		jurisdiction:    s.jurisdiction,
		completeThrough: s.completeThrough,
		divisions:       s.divisions,
		filedDivisions:  s.filedDivisions,
		sources:         maps.Clone(s.sources),
		sourceOrder:     slices.Clone(s.sourceOrder),
		tables:          make(map[Param]*table, len(s.tables)+len(r.Changes)),
		allowOutOfRange: s.allowOutOfRange || r.AllowOutOfRange,
	}
	for k, t := range s.tables {
		n.tables[k] = &table{param: t.param, series: slices.Clone(t.series)}
	}
	srcID := "reform-" + strconv.Itoa(len(s.sourceOrder)+1)
	for n.sources[srcID].ID != "" {
		srcID += "x"
	}
	n.sources[srcID] = Source{ID: srcID, Document: r.Name, Reliability: ReliabilitySimulation,
		Note: "what-if values from " + r.From.String()}
	n.sourceOrder = append(n.sourceOrder, srcID)

	for i, ch := range r.Changes {
		path := "changes[" + strconv.Itoa(i) + "]"
		sp, ok := specByParam(ch.Param)
		if !ok {
			p.Add(jsonw.Join(path, "param"), CodeBadCode, "unknown parameter %q", ch.Param)
			continue
		}
		if ch.Value == nil {
			p.Add(jsonw.Join(path, "value"), CodeRequired, "required")
			continue
		}
		regions := ch.Regions
		if len(regions) == 0 {
			regions = []Region{s.jurisdiction}
		}
		t := n.tables[ch.Param]
		if t == nil {
			t = &table{param: ch.Param}
			n.tables[ch.Param] = t
		}
		for _, reg := range regions {
			if !s.divisions.Has(reg) {
				p.Add(jsonw.Join(path, "regions"), CodeUnknownRegion, "region %s is not in the division register", reg)
				continue
			}
			t.series = overlay(t.series, reg, ch.Area, r.From, entry{
				path: path, from: r.From, source: srcID, note: "reform: " + r.Name, v: cloneValue(*sp, ch.Value),
			})
		}
	}
	if err := loadError(p); err != nil {
		return nil, err
	}
	if err := n.validate(); err != nil {
		return nil, err
	}
	return n, nil
}

// cloneValue copies a caller's value so that later changes to the caller's
// slices cannot reach the Set. A value of the wrong type is kept as it is,
// for validate to report.
func cloneValue(sp spec, v any) (out any) {
	if sp.clone == nil {
		return v
	}
	defer func() {
		if recover() != nil {
			out = v
		}
	}()
	return sp.clone(v)
}

// overlay returns the series list with region reg (area a) given its own
// series: the history it had up to from−1, then e.
func overlay(list []*series, reg Region, a Area, from Date, e entry) []*series {
	var old *series
	out := make([]*series, 0, len(list)+1)
	for _, ser := range list {
		if ser.area == a && slices.Contains(ser.regions, reg) {
			old = ser
			if len(ser.regions) > 1 {
				rest := *ser
				rest.regions = slices.DeleteFunc(slices.Clone(ser.regions), func(x Region) bool { return x == reg })
				out = append(out, &rest)
			}
			continue
		}
		out = append(out, ser)
	}
	ns := &series{path: e.path, regions: []Region{reg}, area: a}
	if old != nil {
		ns.completeThrough = old.completeThrough
		for _, v := range old.values {
			if !v.from.Before(from) {
				break
			}
			ns.values = append(ns.values, v)
		}
		if n := len(ns.values); n > 0 {
			last := &ns.values[n-1]
			if last.until.IsZero() || !last.until.Before(from) {
				last.until = from.AddDays(-1)
			}
		}
	}
	ns.values = append(ns.values, e)
	return append(out, ns)
}

// String describes a change for messages.
func (c Change) String() string {
	return fmt.Sprintf("%s%s in %v = %v", c.Param, areaSuffix(c.Area), c.Regions, c.Value)
}
