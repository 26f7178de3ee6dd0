package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
)

// MergeOptions adjusts Merge. The zero value is strict.
type MergeOptions struct {
	// AllowOutOfRange accepts values outside the policy's range, as
	// LoadOptions.AllowOutOfRange does.
	AllowOutOfRange bool
}

// Merge returns a new Set: base with an agency's local settings merged over
// it. The settings file has the standards file's form, without a division
// register (it uses base's): a name, a jurisdiction inside base's (a
// prefecture such as 230200, or the province), sources, parameters, and
// optionally complete_through for its own values.
//
// The merge is by dated values, per parameter, region and area class: for
// each region a settings series names, the region's own history in base is
// kept up to the day before the settings' first value, and the settings'
// values follow. Every other region, and every parameter the settings do not
// name, keeps base's values — adding 齐齐哈尔's dibao_standard leaves
// Harbin's alone, and a file for 230200 relies on base's province-level
// values for everything it does not set. Sources keep their IDs; an ID that
// names a different source in base is a problem. Agencies mark their own
// settings with reliability "local".
//
// The merged Set is validated as a whole, with paths into the settings
// file. A settings series for a prefecture or the province that no
// county-level lookup would see (every county below it has its own series)
// is refused as no_effect. base is unchanged.
func Merge(base *Set, settings []byte, opts MergeOptions) (*Set, error) {
	var p report.List
	local := decodeFile(settings, LoadOptions{Divisions: base.divisions, AllowOutOfRange: opts.AllowOutOfRange}, &p, subjectSettings)
	if local == nil {
		return nil, p.Err(problem.SubjectSettings)
	}
	if local.jurisdiction.IsValid() && !base.jurisdiction.Contains(local.jurisdiction) {
		p.Add("jurisdiction", report.MsgRegionOutside, report.Str("region", local.jurisdiction.String()), report.Str("jurisdiction", base.jurisdiction.String()))
	}
	if err := p.Err(problem.SubjectSettings); err != nil {
		return nil, err
	}
	n := base.derive(" + "+local.name, base.allowOutOfRange || opts.AllowOutOfRange)
	for _, src := range local.sources {
		if i, taken := n.sourceIndex[src.ID]; taken {
			if n.sources[i] != src {
				p.Add(problem.Join("sources", src.ID), report.MsgSourceConflict, report.Str("id", src.ID))
			}
			continue
		}
		n.sourceIndex[src.ID] = len(n.sources)
		n.sources = append(n.sources, src)
	}
	for i, lt := range local.tables {
		if lt == nil {
			continue
		}
		n.tables[i] = lt.mergeInto(n, n.tables[i], local.completeThrough, &p)
	}
	if err := p.Err(problem.SubjectSettings); err != nil {
		return nil, err
	}
	n.validate(&p)
	if err := p.Err(problem.SubjectSettings); err != nil {
		return nil, err
	}
	n.identity = identityOf(n)
	return n, nil
}

// mergeInto merges t (a settings file's table, not yet validated) into dst
// (a derived Set's copy of the base table, or nil).
func (t *tableOf[T]) mergeInto(n *Set, dst table, completeThrough Date, p *report.List) table {
	out, _ := dst.(*tableOf[T])
	if out == nil {
		out = &tableOf[T]{def: t.def}
	}
	for _, ser := range t.series {
		if len(ser.values) == 0 || len(ser.head.regions) == 0 {
			out.series = append(out.series, ser) // validation reports it
			continue
		}
		first := ser.values[0].meta.from
		ct := ser.head.completeThrough
		if ct.IsZero() {
			ct = completeThrough
		}
		ch := &Change{Key: Key[T]{t.def}, Regions: ser.head.regions, Area: ser.head.area, from: first}
		overlay(n, out, ch, ser.head.path, func(old *series[T]) *series[T] {
			ns := continued(old, first, ser.values[0])
			ns.values = append(ns.values, ser.values[1:]...)
			ns.head.completeThrough = ct
			return ns
		}, p)
	}
	return out
}
