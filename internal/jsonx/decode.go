package jsonx

import (
	"strconv"
	"unicode/utf8"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
)

// Kind is the JSON type of a value.
type Kind uint8

// Kinds.
const (
	KindNull Kind = iota
	KindBool
	KindNumber
	KindString
	KindArray
	KindObject
)

var kindWords = [...][2]string{
	KindNull: {"null", "null"}, KindBool: {"布尔值", "a boolean"}, KindNumber: {"数字", "a number"},
	KindString: {"字符串", "a string"}, KindArray: {"数组", "an array"}, KindObject: {"对象", "an object"},
}

// Decoder walks a document that Check accepted, reporting problems with
// their paths. Reading a value consumes it; every reader skips a value of
// the wrong type after reporting it.
type Decoder struct {
	data    []byte
	pos     int
	p       *report.List
	prefix  string
	path    []seg
	scratch []byte
	inline  [8]seg // path's first segments, without a buffer of their own
}

type seg struct {
	key string
	idx int // −1 for a key
}

// NewDecoder returns a decoder over a checked document (start as returned
// by Check), reporting to p with every path under prefix.
func NewDecoder(data []byte, start int, p *report.List, prefix string) *Decoder {
	d := &Decoder{p: p}
	d.path = d.inline[:0]
	d.Reset(data, start, prefix)
	return d
}

// Reset points the decoder at another checked document, keeping its buffers.
func (d *Decoder) Reset(data []byte, start int, prefix string) {
	d.data, d.pos, d.prefix, d.path = data, start, prefix, d.path[:0]
	d.ws()
}

// Parse checks data (at most limit bytes) and returns a decoder over it, or
// false with the problem recorded in p.
func Parse(data []byte, limit int, p *report.List, prefix string) (*Decoder, bool) {
	start, ok := Check(data, limit, p)
	if !ok {
		return nil, false
	}
	return NewDecoder(data, start, p, prefix), true
}

// Problems returns the list the decoder reports to.
func (d *Decoder) Problems() *report.List { return d.p }

func (d *Decoder) ws() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r', ',', ':':
			d.pos++
		default:
			return
		}
	}
}

// Path returns the path of the value the decoder is at.
func (d *Decoder) Path() string {
	s := d.prefix
	for _, g := range d.path {
		if g.idx >= 0 {
			s = problem.Index(s, g.idx)
		} else {
			s = problem.Join(s, g.key)
		}
	}
	return s
}

// PathTo returns the path of a field of the value the decoder is at.
func (d *Decoder) PathTo(key string) string { return problem.Join(d.Path(), key) }

// Problem records a problem at the current path.
func (d *Decoder) Problem(m report.Msg, args ...report.Arg) { d.p.Add(d.Path(), m, args...) }

// Push enters a field (for problems reported about it after it was read).
func (d *Decoder) Push(key string) { d.path = append(d.path, seg{key: key, idx: -1}) }

// PushIndex enters an array element.
func (d *Decoder) PushIndex(i int) { d.path = append(d.path, seg{idx: i}) }

// Pop leaves the last field or element entered.
func (d *Decoder) Pop() { d.path = d.path[:len(d.path)-1] }

// Kind returns the type of the next value.
func (d *Decoder) Kind() Kind {
	if d.pos >= len(d.data) {
		return KindNull
	}
	switch c := d.data[d.pos]; c {
	case '{':
		return KindObject
	case '[':
		return KindArray
	case '"':
		return KindString
	case 't', 'f':
		return KindBool
	case 'n':
		return KindNull
	}
	return KindNumber
}

// IsNull reports whether the next value is null.
func (d *Decoder) IsNull() bool { return d.Kind() == KindNull }

// typeProblem reports the next value's type and skips it.
func (d *Decoder) typeProblem(want Kind) {
	got := d.Kind()
	w, g := kindWords[want], kindWords[got]
	d.Problem(report.MsgType, report.Words("want", w[0], w[1]), report.Words("got", g[0], g[1]))
	d.Skip()
}

// Skip consumes the next value.
func (d *Decoder) Skip() {
	depth := 0
	for d.pos < len(d.data) {
		switch c := d.data[d.pos]; c {
		case '{', '[':
			depth++
			d.pos++
		case '}', ']':
			depth--
			d.pos++
		case '"':
			d.skipString()
		case ',', ':', ' ', '\t', '\n', '\r':
			d.pos++
		default:
			for d.pos < len(d.data) && !isDelim(d.data[d.pos]) {
				d.pos++
			}
		}
		if depth == 0 {
			break
		}
	}
	d.ws()
}

func isDelim(c byte) bool {
	switch c {
	case ',', '}', ']', ' ', '\t', '\n', '\r', ':':
		return true
	}
	return false
}

func (d *Decoder) skipString() {
	i := d.pos + 1
	for {
		if i = skipPlain(d.data, i, 0); i >= len(d.data) {
			break
		}
		switch d.data[i] {
		case '\\':
			i += 2
		case '"':
			d.pos = i + 1
			return
		default:
			i++
		}
	}
	d.pos = i
}

// rawString reads the next string value, unescaped. The bytes are a view of
// the document when the string has no escapes, else of a scratch buffer
// valid until the next read.
func (d *Decoder) rawString() []byte {
	i := d.pos + 1
	start := i
	i = skipPlain(d.data, i, 0)
	for d.data[i] != '"' && d.data[i] != '\\' {
		i++
	}
	if d.data[i] == '"' {
		d.pos = i + 1
		d.ws()
		return d.data[start:i]
	}
	buf := append(d.scratch[:0], d.data[start:i]...)
	for {
		c := d.data[i]
		if c == '"' {
			break
		}
		if c != '\\' {
			buf = append(buf, c)
			i++
			continue
		}
		switch e := d.data[i+1]; e {
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, _ := hex4(d.data[i+2 : i+6])
			if r >= 0xD800 && r < 0xDC00 {
				lo, _ := hex4(d.data[i+8 : i+12])
				r = (r-0xD800)<<10 + (lo - 0xDC00) + 0x10000
				i += 6
			}
			buf = utf8.AppendRune(buf, r)
			i += 6
			continue
		default: // " \ /
			buf = append(buf, e)
		}
		i += 2
	}
	d.scratch = buf
	d.pos = i + 1
	d.ws()
	return buf
}

// Bytes reads a string value without allocating (see rawString); false
// after reporting a value of another type.
func (d *Decoder) Bytes() ([]byte, bool) {
	if d.Kind() != KindString {
		d.typeProblem(KindString)
		return nil, false
	}
	return d.rawString(), true
}

// String reads a string value.
func (d *Decoder) String() (string, bool) {
	b, ok := d.Bytes()
	return string(b), ok
}

// Bool reads true or false.
func (d *Decoder) Bool() (bool, bool) {
	if d.Kind() != KindBool {
		d.typeProblem(KindBool)
		return false, false
	}
	v := d.data[d.pos] == 't'
	if v {
		d.pos += 4
	} else {
		d.pos += 5
	}
	d.ws()
	return v, true
}

// number returns the next number's text.
func (d *Decoder) number() []byte {
	s := d.pos
	for d.pos < len(d.data) && !isDelim(d.data[d.pos]) {
		d.pos++
	}
	b := d.data[s:d.pos]
	d.ws()
	return b
}

// Int reads a whole number (a JSON number of digits only) from min to max.
func (d *Decoder) Int(min, max int64) (int64, bool) {
	if d.Kind() != KindNumber {
		d.typeProblem(KindNumber)
		return 0, false
	}
	b := d.number()
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil || n < min || n > max {
		d.Problem(report.MsgBadInt, report.Str("value", string(b)), report.Int("min", min), report.Int("max", max))
		return 0, false
	}
	return n, true
}

// Amount reads an amount of money written as a string with at most two
// decimal places ("850", "12.5").
func (d *Decoder) Amount() (money.Amount, bool) {
	b, ok := d.decimalString()
	if !ok {
		return money.Amount{}, false
	}
	a, err := money.Parse(string(b))
	if err != nil {
		d.moneyProblem(err, string(b), 2)
		return money.Amount{}, false
	}
	return a, true
}

// Rate reads a rate written as a string with at most places decimal places
// (at most six).
func (d *Decoder) Rate(places int) (money.Rate, bool) {
	b, ok := d.decimalString()
	if !ok {
		return money.Rate{}, false
	}
	r, err := money.ParseRateBytes(b)
	if err == nil && r.Places() > places {
		err = money.ErrPrecision
	}
	if err != nil {
		d.moneyProblem(err, string(b), places)
		return money.Rate{}, false
	}
	return r, true
}

func (d *Decoder) moneyProblem(err error, s string, places int) {
	m, args := report.MoneyProblem(err, s, places)
	d.Problem(m, args...)
}

// decimalString reads a decimal written as a string; a JSON number is a
// type problem that says how to write it.
func (d *Decoder) decimalString() ([]byte, bool) {
	if d.Kind() != KindString {
		if d.Kind() == KindNumber {
			w := kindWords[KindNumber]
			d.Problem(report.MsgType, report.Words("want", "写成字符串的小数（如 \"1.5\"）", "a decimal written as a string (e.g. \"1.5\")"),
				report.Words("got", w[0], w[1]))
			d.Skip()
			return nil, false
		}
		d.typeProblem(KindString)
		return nil, false
	}
	return d.rawString(), true
}

// Array calls each for every element, with the element's index on the
// path; each must consume the element. false after reporting a value of
// another type, or more than max elements (which are skipped).
func (d *Decoder) Array(max int, each func(i int)) bool {
	if d.Kind() != KindArray {
		d.typeProblem(KindArray)
		return false
	}
	d.pos++
	d.ws()
	ok := true
	for i := 0; d.data[d.pos] != ']'; i++ {
		if i >= max {
			if ok {
				d.Problem(report.MsgTooManyItems, report.Int("n", int64(i+1)), report.Int("max", int64(max)))
			}
			ok = false
			d.Skip()
			continue
		}
		d.PushIndex(i)
		before := d.pos
		each(i)
		if d.pos == before { // the callback read nothing
			d.Skip()
		}
		d.Pop()
	}
	d.pos++
	d.ws()
	return ok
}

// BeginObject enters an object, or reports a value of another type and
// returns false. Read its fields with NextKey.
func (d *Decoder) BeginObject() bool {
	if d.Kind() != KindObject {
		d.typeProblem(KindObject)
		return false
	}
	d.pos++
	d.ws()
	return true
}

// NextKey returns the next field name of the object entered, positioning
// the decoder at its value, or false at the end of the object (which it
// consumes). The key bytes are valid until the next read.
func (d *Decoder) NextKey() ([]byte, bool) {
	if d.data[d.pos] == '}' {
		d.pos++
		d.ws()
		return nil, false
	}
	return d.rawString(), true
}

// Object calls each for every field, with the field name on the path; each
// must consume the value. Duplicate names are reported and their values
// skipped. The key bytes are valid only during the call.
func (d *Decoder) Object(each func(key []byte)) bool {
	if !d.BeginObject() {
		return false
	}
	var seen map[string]struct{}
	for {
		key, ok := d.NextKey()
		if !ok {
			return true
		}
		k := string(key)
		if seen == nil {
			seen = map[string]struct{}{}
		}
		_, dup := seen[k]
		seen[k] = struct{}{}
		d.Push(k)
		if dup {
			d.Problem(report.MsgDuplicateKey, report.Str("field", k))
			d.Skip()
		} else {
			before := d.pos
			each([]byte(k))
			if d.pos == before {
				d.Skip()
			}
		}
		d.Pop()
	}
}

// Raw returns the next value's bytes and consumes it.
func (d *Decoder) Raw() []byte {
	s := d.pos
	d.Skip()
	e := d.pos
	for e > s && isSpace(d.data[e-1]) || e > s && d.data[e-1] == ',' {
		e--
	}
	return d.data[s:e]
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// Parsed reads a string and converts it with parse (a date, a division
// code, …); a string parse refuses is reported with m, its value quoted.
func Parsed[T any](d *Decoder, parse func(string) (T, error), m report.Msg) (T, bool) {
	var zero T
	b, ok := d.Bytes()
	if !ok {
		return zero, false
	}
	s := string(b)
	v, err := parse(s)
	if err != nil {
		d.Problem(m, report.Str("value", s))
		return zero, false
	}
	return v, true
}

// ParsedBytes is Parsed for a parser of the bytes themselves: nothing is
// allocated for a value it accepts.
func ParsedBytes[T any](d *Decoder, parse func([]byte) (T, error), m report.Msg) (T, bool) {
	var zero T
	b, ok := d.Bytes()
	if !ok {
		return zero, false
	}
	v, err := parse(b)
	if err != nil {
		d.Problem(m, report.Str("value", string(b)))
		return zero, false
	}
	return v, true
}

// Strict checks that data is one strict JSON document of at most limit
// bytes with no key given twice in any object, reporting to p. Documents
// read with encoding/json (which keeps the last of two keys) go through it
// first.
func Strict(data []byte, limit int, p *report.List) bool {
	d, ok := Parse(data, limit, p, "")
	if !ok {
		return false
	}
	before := p.Len()
	d.walk()
	return p.Len() == before
}

func (d *Decoder) walk() {
	switch d.Kind() {
	case KindObject:
		d.Object(func([]byte) { d.walk() })
	case KindArray:
		d.Array(1<<30, func(int) { d.walk() })
	default:
		d.Skip()
	}
}
