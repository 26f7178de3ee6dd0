package standards

import (
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
)

// MaxReformChanges is the most changes a reform file may list.
const MaxReformChanges = 1000

// ReadReform reads a reform from its file form (at most MaxFileSize bytes of
// strict JSON, no key twice):
//
//	{"name": "standard +10 %", "from": "2026-01-01",
//	 "allow_out_of_range": false,
//	 "changes": [
//	   {"param": "dibao_standard", "regions": ["230100"], "scope": "under",
//	    "multiply": "1.1", "round": {"unit": "yuan", "mode": "up"}},
//	   {"param": "payment_method", "regions": ["230100"], "area": "rural",
//	    "value": "tiered"}]}
//
// Each change names a parameter as standards files do (rounding points as
// "rounding.<point>"), the regions (default: the Set's jurisdiction), the
// area ("urban", "rural"; default both) and the scope ("own", the default,
// or "under": every series below the regions too), and then either a new
// value, written as a standards file writes the parameter's values, or a
// relative change of a numeric parameter: "multiply" (a factor, up to six
// decimal places) and/or "add" (an amount, a rate or a whole number, as the
// parameter holds), with "round" for a result that leaves the fen;
// tekun_support takes "multiply" alone, for each of its amounts.
// Every problem is reported at once in a *problem.Error.
func ReadReform(data []byte) (Reform, error) {
	var p report.List
	var r Reform
	d, ok := jsonx.Parse(data, MaxFileSize, &p, "")
	if ok {
		reformFields.Decode(d, &r)
	}
	if err := p.Err(problem.SubjectReform); err != nil {
		return Reform{}, err
	}
	return r, nil
}

var reformFields = jsonx.NewFields(
	jsonx.Field[Reform]{Name: "name", Required: true, Read: func(d *jsonx.Decoder, r *Reform) {
		r.Name, _ = d.String()
		if r.Name == "" {
			d.Problem(report.MsgNotEmpty)
		}
	}},
	jsonx.Field[Reform]{Name: "from", Required: true, Read: func(d *jsonx.Decoder, r *Reform) { r.From, _ = readDate(d) }},
	jsonx.Field[Reform]{Name: "allow_out_of_range", Read: func(d *jsonx.Decoder, r *Reform) { r.AllowOutOfRange, _ = d.Bool() }},
	jsonx.Field[Reform]{Name: "changes", Required: true, Read: func(d *jsonx.Decoder, r *Reform) {
		d.Array(MaxReformChanges, func(int) {
			var c changeDoc
			if changeFields.Decode(d, &c) {
				if ch, ok := c.change(d); ok {
					r.Changes = append(r.Changes, ch)
				}
			}
		})
	}},
)

// changeDoc is one change as a reform file writes it.
type changeDoc struct {
	key      AnyKey
	regions  []Region
	area     Area
	scope    Scope
	set      editor
	rel      Relative
	relative bool
	failed   bool
	raw      []byte // the "add" value, read once the parameter is known
}

const scopeNames = "own, under"

var changeFields = jsonx.NewFields(
	jsonx.Field[changeDoc]{Name: "param", Required: true, Read: func(d *jsonx.Decoder, c *changeDoc) {
		name, ok := d.String()
		if !ok {
			c.failed = true
			return
		}
		k, ok := KeyByName(name)
		if !ok {
			d.Problem(report.MsgUnknownParam, report.Str("param", name))
			c.failed = true
			return
		}
		c.key = k
	}},
	jsonx.Field[changeDoc]{Name: "regions", Read: func(d *jsonx.Decoder, c *changeDoc) { c.regions = readRegions(d) }},
	jsonx.Field[changeDoc]{Name: "area", Read: func(d *jsonx.Decoder, c *changeDoc) {
		s, ok := d.String()
		if !ok {
			c.failed = true
			return
		}
		a, err := ParseArea(s)
		if err != nil || a == AreaAny {
			d.Problem(report.MsgBadEnum, report.Str("value", s), report.Choices("allowed", areaNames.List()))
			c.failed = true
			return
		}
		c.area = a
	}},
	jsonx.Field[changeDoc]{Name: "scope", Read: func(d *jsonx.Decoder, c *changeDoc) {
		s, ok := d.String()
		switch {
		case !ok:
		case s == "own":
			c.scope = ScopeOwn
		case s == "under":
			c.scope = ScopeUnder
		default:
			d.Problem(report.MsgBadEnum, report.Str("value", s), report.Choices("allowed", scopeNames))
		}
	}},
	// value, multiply, add and round are read after param: the file form
	// of a value depends on the parameter, so they are kept raw here.
	jsonx.Field[changeDoc]{Name: "value", Read: func(d *jsonx.Decoder, c *changeDoc) { c.set = rawValue(d.Raw()) }},
	jsonx.Field[changeDoc]{Name: "multiply", Read: func(d *jsonx.Decoder, c *changeDoc) {
		c.relative = true
		if f, ok := d.Rate(6); ok {
			c.rel.Factor, c.rel.HasFactor = f, true
		} else {
			c.failed = true
		}
	}},
	jsonx.Field[changeDoc]{Name: "add", Read: func(d *jsonx.Decoder, c *changeDoc) {
		c.relative = true
		c.raw = d.Raw()
	}},
	jsonx.Field[changeDoc]{Name: "round", Read: func(d *jsonx.Decoder, c *changeDoc) {
		if r, ok := readRounding(d); ok {
			c.rel.Round = money.Rule(r)
		} else {
			c.failed = true
		}
	}},
)

// rawValue is a "value" not yet read: its form depends on the parameter.
type rawValue []byte

func (rawValue) apply(n *Set, t table, ch *Change, path string, from Date, src int, p *report.List) table {
	return t
}

// change completes a change once every field is read, reporting at the
// change's path (d's current one).
func (c *changeDoc) change(d *jsonx.Decoder) (Change, bool) {
	if c.failed || c.key == nil {
		return Change{}, false
	}
	raw, hasValue := c.set.(rawValue)
	if hasValue == c.relative {
		d.Problem(report.MsgChangeHow)
		return Change{}, false
	}
	ch := Change{Key: c.key, Regions: c.regions, Area: c.area, Scope: c.scope}
	def := c.key.info().def()
	if hasValue {
		d.Push("value")
		defer d.Pop()
		sub := jsonx.NewDecoder(raw, 0, d.Problems(), d.Path())
		e, ok := def.setFrom(sub)
		if !ok {
			return Change{}, false
		}
		ch.edit = e
		return ch, true
	}
	if c.raw != nil {
		d.Push("add")
		sub := jsonx.NewDecoder(c.raw, 0, d.Problems(), d.Path())
		ok := true
		switch def.zero().(type) {
		case money.Rate:
			c.rel.PlusRate, ok = sub.Rate(6)
		case money.Amount:
			c.rel.Plus, ok = sub.Amount()
		case int:
			var n int64
			if n, ok = sub.Int(-1_000_000, 1_000_000); ok {
				c.rel.Plus, _ = money.FromYuan(n) // within the Amount range
			}
		default:
			d.Pop()
			d.Problem(report.MsgRelativeType)
			return Change{}, false
		}
		d.Pop()
		if !ok {
			return Change{}, false
		}
	}
	switch def.zero().(type) {
	case money.Rate, money.Amount, int, TekunSupport:
	default:
		d.Problem(report.MsgRelativeType)
		return Change{}, false
	}
	ch.edit = def.relative(c.rel)
	return ch, true
}
