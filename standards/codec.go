package standards

import (
	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
)

// RoundingRule is a rounding rule (money.Rule): a unit and a mode.
type RoundingRule = money.Rule

// checker validates one value: hard limits always, the policy's range
// (soft limits) unless out-of-range values are allowed for a reform
// simulation. Problems are reported at path.
type checker struct {
	p     *report.List
	allow bool
	path  string
}

func (c checker) at(key string) checker                { c.path = problem.Join(c.path, key); return c }
func (c checker) index(i int) checker                  { c.path = problem.Index(c.path, i); return c }
func (c checker) add(m report.Msg, args ...report.Arg) { c.p.Add(c.path, m, args...) }

// soft reports a value outside the policy's range unless allowed.
func (c checker) soft(ok bool, value, rng string) {
	if !ok && !c.allow {
		c.add(report.MsgPolicyRange, report.Str("value", value), report.Str("range", rng))
	}
}

// amountLimit bounds the amounts of a standards file: no monthly standard
// comes near it.
var amountLimit = money.MustParse("1000000")

// amount checks a money amount: not negative (or positive when asked) and
// below a million yuan.
func (c checker) amount(a money.Amount, positive bool) {
	switch {
	case a.Sign() < 0:
		c.add(report.MsgNegative, report.Str("value", a.String()))
	case positive && a.IsZero():
		c.add(report.MsgPositive)
	case a.Cmp(amountLimit) >= 0:
		c.add(report.MsgInsane, report.Str("value", a.String()), report.Str("range", "0–999999.99"))
	}
}

// rateRange is an interval of rates, closed unless loOpen.
type rateRange struct {
	lo, hi money.Rate
	loOpen bool
	text   string
}

func rr(lo, hi string, loOpen bool) rateRange {
	l := "["
	if loOpen {
		l = "("
	}
	return rateRange{lo: money.MustRate(lo), hi: money.MustRate(hi), loOpen: loOpen, text: l + lo + ", " + hi + "]"}
}

func (r rateRange) has(x money.Rate) bool {
	c := x.Cmp(r.lo)
	return (c > 0 || c == 0 && !r.loOpen) && x.Cmp(r.hi) <= 0
}

// rate checks a rate against hard and soft ranges.
func (c checker) rate(x money.Rate, hard, soft rateRange) {
	if !hard.has(x) {
		c.add(report.MsgInsane, report.Str("value", x.String()), report.Str("range", hard.text))
		return
	}
	c.soft(soft.has(x), x.String(), soft.text)
}

// count checks a whole number against hard and soft ranges.
func (c checker) count(n, hardLo, hardHi, softLo, softHi int) {
	if n < hardLo || n > hardHi {
		c.add(report.MsgInsane, report.Str("value", itoa(n)), report.Str("range", itoa(hardLo)+"–"+itoa(hardHi)))
		return
	}
	if softLo == softHi {
		if n != softLo && !c.allow {
			c.add(report.MsgPolicyValue, report.Str("value", itoa(n)), report.Str("want", itoa(softLo)))
		}
		return
	}
	c.soft(n >= softLo && n <= softHi, itoa(n), itoa(softLo)+"–"+itoa(softHi))
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// ---- readers for the value forms

func readAmount(d *jsonx.Decoder) (money.Amount, bool) { return d.Amount() }
func writeAmount(w *jsonx.Writer, a money.Amount)      { w.Amount(a) }

func rateReader(places int) func(d *jsonx.Decoder) (money.Rate, bool) {
	return func(d *jsonx.Decoder) (money.Rate, bool) { return d.Rate(places) }
}
func writeRate(w *jsonx.Writer, r money.Rate) { w.Rate(r) }

func readInt(d *jsonx.Decoder) (int, bool) {
	n, ok := d.Int(-1e9, 1e9)
	return int(n), ok
}
func writeInt(w *jsonx.Writer, n int) { w.Int(int64(n)) }

func readBool(d *jsonx.Decoder) (bool, bool) { return d.Bool() }
func writeBool(w *jsonx.Writer, b bool)      { w.Bool(b) }

// readEnum reads a name of an enum table.
func readEnum[E ~uint8](t *enum.Table[E]) func(d *jsonx.Decoder) (E, bool) {
	return func(d *jsonx.Decoder) (E, bool) {
		b, ok := d.Bytes()
		if !ok {
			return 0, false
		}
		e, ok := t.ParseBytes(b)
		if !ok {
			d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", t.List()))
		}
		return e, ok
	}
}

func writeEnum[E ~uint8](t *enum.Table[E]) func(w *jsonx.Writer, e E) {
	return func(w *jsonx.Writer, e E) { w.String(t.String(e)) }
}

// readEnumList reads an array of names, refusing unknown and repeated ones.
func readEnumList[E ~uint8](t *enum.Table[E], max int) func(d *jsonx.Decoder) ([]E, bool) {
	return func(d *jsonx.Decoder) ([]E, bool) {
		out := []E{}
		var seen [256]bool
		ok := true
		arrOK := d.Array(max, func(int) {
			b, isStr := d.Bytes()
			if !isStr {
				ok = false
				return
			}
			e, known := t.ParseBytes(b)
			switch {
			case !known:
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", t.List()))
				ok = false
			case seen[e]:
				d.Problem(report.MsgDuplicateValue, report.Str("value", string(b)))
				ok = false
			default:
				seen[e] = true
				out = append(out, e)
			}
		})
		return out, ok && arrOK
	}
}

func writeEnumList[E ~uint8](t *enum.Table[E]) func(w *jsonx.Writer, l []E) {
	return func(w *jsonx.Writer, l []E) {
		w.BeginArray()
		for _, e := range l {
			w.String(t.String(e))
		}
		w.EndArray()
	}
}

// checkEnumList checks a list built in Go (a reform): known, unrepeated values.
func checkEnumList[E ~uint8](t *enum.Table[E]) func(c checker, l []E) {
	return func(c checker, l []E) {
		var seen [256]bool
		for i, e := range l {
			switch {
			case !t.Valid(e):
				c.index(i).add(report.MsgBadEnum, report.Str("value", t.String(e)), report.Choices("allowed", t.List()))
			case seen[e]:
				c.index(i).add(report.MsgDuplicateValue, report.Str("value", t.String(e)))
			}
			if int(e) < len(seen) {
				seen[e] = true
			}
		}
	}
}

func cloneSlice[E any](l []E) []E { return append([]E(nil), l...) }

// fieldsOf builds a struct form and returns its reader and writer; a
// struct value counts as read when no problem was reported inside it.
func fieldsOf[T any](fs *jsonx.Fields[T]) (func(d *jsonx.Decoder) (T, bool), func(w *jsonx.Writer, v T)) {
	return func(d *jsonx.Decoder) (T, bool) {
			var v T
			before := d.Problems().Len()
			ok := fs.Decode(d, &v)
			return v, ok && d.Problems().Len() == before
		}, func(w *jsonx.Writer, v T) {
			fs.Encode(w, &v)
		}
}

// listOf reads and writes an array of struct forms.
func listOf[T any](fs *jsonx.Fields[T], max int) (func(d *jsonx.Decoder) ([]T, bool), func(w *jsonx.Writer, v []T)) {
	return func(d *jsonx.Decoder) ([]T, bool) {
			out := []T{}
			before := d.Problems().Len()
			ok := d.Array(max, func(int) {
				var v T
				fs.Decode(d, &v)
				out = append(out, v)
			})
			return out, ok && d.Problems().Len() == before
		}, func(w *jsonx.Writer, l []T) {
			w.BeginArray()
			for i := range l {
				fs.Encode(w, &l[i])
			}
			w.EndArray()
		}
}

// Field helpers for struct forms.

func amountField[T any](name string, required bool, get func(*T) *money.Amount) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name, Required: required,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = d.Amount() },
		Write: func(w *jsonx.Writer, v *T) { w.Amount(*get(v)) }}
}

func rateField[T any](name string, required bool, places int, get func(*T) *money.Rate) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name, Required: required,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = d.Rate(places) },
		Write: func(w *jsonx.Writer, v *T) { w.Rate(*get(v)) }}
}

func boolField[T any](name string, get func(*T) *bool) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = d.Bool() },
		Write: func(w *jsonx.Writer, v *T) { w.Bool(*get(v)) }}
}

func intField[T any](name string, required bool, lo, hi int64, get func(*T) *int) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name, Required: required,
		Read: func(d *jsonx.Decoder, v *T) {
			n, _ := d.Int(lo, hi)
			*get(v) = int(n)
		},
		Write: func(w *jsonx.Writer, v *T) { w.Int(int64(*get(v))) }}
}

func stringField[T any](name string, required bool, get func(*T) *string) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name, Required: required,
		Read: func(d *jsonx.Decoder, v *T) {
			s, ok := d.String()
			if ok && required && s == "" {
				d.Problem(report.MsgNotEmpty)
			}
			*get(v) = s
		},
		Write: func(w *jsonx.Writer, v *T) { w.String(*get(v)) },
		Omit:  func(v *T) bool { return !required && *get(v) == "" }}
}

func enumField[T any, E ~uint8](name string, required bool, t *enum.Table[E], get func(*T) *E) jsonx.Field[T] {
	read := readEnum(t)
	return jsonx.Field[T]{Name: name, Required: required,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = read(d) },
		Write: func(w *jsonx.Writer, v *T) { w.String(t.String(*get(v))) },
		Omit:  func(v *T) bool { return !required && *get(v) == 0 }}
}

// textValue is an enum of another package, read and written through its
// text form.
type textValue interface {
	MarshalText() ([]byte, error)
	UnmarshalText([]byte) error
}

func textField[T any](name, allowed string, get func(*T) textValue) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name, Required: true,
		Read: func(d *jsonx.Decoder, v *T) {
			b, ok := d.Bytes()
			if ok && get(v).UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", allowed))
			}
		},
		Write: func(w *jsonx.Writer, v *T) {
			b, _ := get(v).MarshalText()
			w.StringBytes(b)
		}}
}

// checkEnum checks an enum value built in Go (a reform).
func checkEnum[E ~uint8](c checker, t *enum.Table[E], e E) {
	if !t.Valid(e) {
		c.add(report.MsgBadEnum, report.Str("value", t.String(e)), report.Choices("allowed", t.List()))
	}
}
