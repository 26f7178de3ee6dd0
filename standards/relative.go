package standards

import (
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
)

// Relative changes: a value in force × a factor, or + an amount, from a
// reform's date on — "the standard +10 %" over every region in scope,
// whatever each one's value is.

// Relative describes a relative change: the value × Factor (when
// HasFactor), then + Plus; an amount that leaves the fen is rounded by
// Round when Round is valid, and refused otherwise (nothing is rounded by
// assumption).
type Relative struct {
	Factor    money.Rate
	HasFactor bool
	Plus      money.Amount // for amounts; for whole numbers its whole yuan; for rates unused
	PlusRate  money.Rate   // for rates
	Round     money.Rule
}

// ChangeBy returns a change that makes the values of key k in force from the
// reform's date relative to what they were: each series in scope — the
// regions' own, or the one they inherit from a region above them, and with
// ScopeUnder every series below them — keeps its history before the date,
// and every value from the date on is transformed. k must hold amounts,
// rates or whole numbers, or be tekun_support, which a factor changes
// throughout (its basic standard and each care level; an increment is
// refused).
func ChangeBy(k AnyKey, r Relative) Change {
	return Change{Key: k, edit: k.info().def().relative(r)}
}

func (d *keyDef[T]) relative(r Relative) editor { return relative[T]{d: d, r: r} }

type relative[T any] struct {
	d *keyDef[T]
	r Relative
}

// transform applies the change to one value, reporting at path a value it
// cannot make exactly.
func (e relative[T]) transform(v T, path string, p *report.List) (T, bool) {
	var out any
	r := e.r
	switch x := any(v).(type) {
	case money.Amount:
		y, ok := r.amount(x)
		if !ok {
			p.AddOnce(path, report.MsgRelativeInexact, report.Str("value", x.String()), report.Str("factor", r.Factor.String()))
			return v, false
		}
		out = y
	case TekunSupport:
		// By a factor only: every amount of it, the basic standard and each
		// care level (an increment would give a level with no care amount
		// one, and a care amount the basic's increment).
		if !r.Plus.IsZero() || !r.PlusRate.IsZero() {
			p.Add(path, report.MsgRelativeType)
			return v, false
		}
		y := x
		for _, a := range [...]*money.Amount{&y.Basic, &y.SelfCare, &y.PartialCare, &y.FullCare} {
			s, ok := r.amount(*a)
			if !ok {
				p.AddOnce(path, report.MsgRelativeInexact, report.Str("value", a.String()), report.Str("factor", r.Factor.String()))
				return v, false
			}
			*a = s
		}
		out = y
	case money.Rate:
		y := x
		if r.HasFactor {
			// Exact only when the product stays on six places.
			yy, ok := x.Mul(r.Factor)
			if !ok {
				p.AddOnce(path, report.MsgRelativeInexact, report.Str("value", x.String()), report.Str("factor", r.Factor.String()))
				return v, false
			}
			y = yy
		}
		y, ok := y.Add(r.PlusRate)
		if !ok {
			p.AddOnce(path, report.MsgRelativeInexact, report.Str("value", x.String()), report.Str("factor", r.Factor.String()))
			return v, false
		}
		out = y
	case int:
		y := x
		if r.HasFactor {
			n, ok := r.Factor.MulInt(int64(x))
			if !ok {
				p.AddOnce(path, report.MsgRelativeInexact, report.Str("value", itoa(x)), report.Str("factor", r.Factor.String()))
				return v, false
			}
			whole, ok := n.Int()
			if !ok {
				p.AddOnce(path, report.MsgRelativeInexact, report.Str("value", itoa(x)), report.Str("factor", r.Factor.String()))
				return v, false
			}
			y = int(whole)
		}
		yuan, _ := r.Plus.Fen()
		out = y + int(yuan/100)
	default:
		p.Add(path, report.MsgRelativeType)
		return v, false
	}
	return out.(T), true
}

// amount is an amount changed: × Factor, + Plus, rounded by Round when
// that leaves the fen; false when the result is not a whole fen or out of
// range.
func (r Relative) amount(x money.Amount) (money.Amount, bool) {
	y := x
	if r.HasFactor {
		var ok bool
		if r.Round.Valid() {
			y, ok = x.MulRateRound(r.Factor, r.Round)
		} else {
			y, ok = x.MulRate(r.Factor)
		}
		if !ok {
			return x, false
		}
	}
	y, ok := y.Add(r.Plus)
	if ok && !y.IsFen() && r.Round.Valid() {
		y, ok = y.Round(r.Round)
	}
	return y, ok && y.IsFen()
}

func (e relative[T]) apply(n *Set, t table, ch *Change, path string, from Date, src int, p *report.List) table {
	tt, _ := t.(*tableOf[T])
	if tt == nil {
		p.Add(problem.Join(path, "param"), report.MsgRelativeNothing)
		return t
	}
	before := p.Len()
	var zero T
	if _, ok := e.transform(zero, path, p); !ok && p.Len() > before {
		return t // a type the change cannot transform
	}
	made := 0
	overlayFrom(n, tt, ch, path, func(old *series[T]) *series[T] {
		ns := &series[T]{}
		if old == nil {
			return ns
		}
		ns.head.completeThrough = old.head.completeThrough
		newEntry := func(v entry[T], start Date) bool {
			nv, ok := e.transform(v.v, e.at(path), p)
			if ok {
				made++
				ns.values = append(ns.values, entry[T]{meta: entryMeta{path: path, from: start, until: v.meta.until, source: src, note: "reform"}, v: nv, ok: true})
			}
			return ok
		}
		for i, v := range old.values {
			if !v.meta.from.Before(from) {
				newEntry(v, v.meta.from)
				continue
			}
			// The last day v is in force: its own, or the day before the
			// next value; zero when open.
			last := v.meta.until
			if last.IsZero() && i+1 < len(old.values) {
				last = old.values[i+1].meta.from.AddDays(-1)
			}
			if !last.IsZero() && last.Before(from) {
				ns.values = append(ns.values, v) // ended before the reform
				continue
			}
			// In force on the date: the old value until the day before,
			// the new from the date.
			keep := v
			keep.meta.until = from.AddDays(-1)
			ns.values = append(ns.values, keep)
			newEntry(v, from)
		}
		return ns
	}, p)
	if made == 0 && p.Len() == before {
		p.Add(problem.Join(path, "param"), report.MsgRelativeNothing)
	}
	return tt
}

// overlayFrom is overlay for a change made from the values in force: a
// region without a series of its own starts from the one it inherits (the
// nearest region above it with one, in its area class or unsplit); with
// ScopeUnder every series below the regions is changed as well, and with
// ScopeOwn a change every county would miss is refused (no_effect).
func overlayFrom[T any](n *Set, t *tableOf[T], ch *Change, path string, remake func(old *series[T]) *series[T], p *report.List) {
	inherited := func(k seriesKey) *series[T] {
		chain, m := k.region.Chain()
		for i := 1; i < m; i++ {
			for _, a := range []Area{k.area, AreaAny} {
				for _, ser := range t.series {
					if ser.head.area == a && containsRegion(ser.head.regions, chain[i]) {
						return ser
					}
				}
			}
		}
		return nil
	}
	overlay(n, t, ch, path, remake, p)
	// The regions named, when they had no series of their own, got an empty
	// one: give them the inherited history, transformed.
	for _, k := range targets(n, &t.def.keyInfo, ch) {
		for _, ser := range t.series {
			if ser.head.area == k.area && len(ser.head.regions) == 1 && ser.head.regions[0] == k.region && len(ser.values) == 0 {
				if src := inherited(k); src != nil {
					*ser = *remake(src)
					ser.head.path, ser.head.regions, ser.head.area = path, []Region{k.region}, k.area
				}
			}
		}
	}
	// A named region with neither its own series nor one to inherit keeps
	// none: the change holds only where there were values to change.
	kept := make([]*series[T], 0, len(t.series))
	for _, ser := range t.series {
		if len(ser.values) > 0 {
			kept = append(kept, ser)
		}
	}
	t.series = kept
}

// setFrom reads a value of the key from JSON as a standards file holds it,
// for a reform file's change.
func (d *keyDef[T]) setFrom(dec *jsonx.Decoder) (editor, bool) {
	v, ok := d.read(dec)
	if !ok {
		return nil, false
	}
	return setTo[T]{k: Key[T]{d}, v: v}, true
}

// at is the path of the change's relative part: its factor, or its
// increment.
func (e relative[T]) at(path string) string {
	if e.r.HasFactor {
		return problem.Join(path, "multiply")
	}
	return problem.Join(path, "add")
}

// zero returns the zero value of the key's type, telling its kind.
func (d *keyDef[T]) zero() any {
	var z T
	return z
}
