// Package jsonw walks decoded JSON documents field by field, collecting every
// problem with its JSON path instead of stopping at the first. The standards
// and income decoders share it.
//
// Decimals are read only from strings of plain digits (no exponents, at most
// 15 digits on each side of the point), so hostile numbers are refused before
// any arithmetic; whole numbers are JSON numbers of at most 9 digits.
package jsonw

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Code classifies a problem. Packages re-export the codes they use.
type Code string

// Codes for problems this package finds.
const (
	Syntax       Code = "syntax"            // the input is not JSON
	TooLarge     Code = "too_large"         // the input exceeds the size limit
	UnknownField Code = "unknown_field"     // a field the format does not define
	Required     Code = "required"          // a required field is missing or empty
	Type         Code = "type"              // a field has the wrong JSON type
	BadNumber    Code = "bad_number"        // not a plain decimal string or whole number
	BadCode      Code = "bad_code"          // an unknown enum value or code
	Duplicate    Code = "duplicate"         // the same key given twice
	TooMany      Code = "too_many_problems" // further problems were not listed
)

// Problem is one thing wrong with an input, at a JSON path such as
// members[2].incomes[0].amount.
type Problem struct {
	Path string // JSON path of the offending value ("" for the whole input)
	Code Code   // stable classification
	Msg  string // human-readable detail (English)
}

func (p Problem) String() string { return p.Path + ": " + p.Msg + " [" + string(p.Code) + "]" }

// MaxProblems bounds the problems listed for one input, so that a hostile
// input cannot make the report itself huge.
const MaxProblems = 200

// Problems collects problems. The zero value is empty and ready.
type Problems struct {
	list []Problem
	more int
}

// Add records a problem.
func (p *Problems) Add(path string, code Code, format string, args ...any) {
	if len(p.list) >= MaxProblems {
		p.more++
		return
	}
	p.list = append(p.list, Problem{Path: path, Code: code, Msg: fmt.Sprintf(format, args...)})
}

// Len returns the number of problems recorded (listed or not).
func (p *Problems) Len() int { return len(p.list) + p.more }

// List returns the problems, with a last TooMany entry when some were not listed.
func (p *Problems) List() []Problem {
	out := slices.Clone(p.list)
	if p.more > 0 {
		out = append(out, Problem{Code: TooMany, Msg: fmt.Sprintf("%d more problem(s) not listed", p.more)})
	}
	return out
}

// Parse decodes one JSON document of at most max bytes (numbers kept as
// json.Number). It records a problem and returns false for anything else.
func Parse(data []byte, max int, p *Problems) (any, bool) {
	if len(data) > max {
		p.Add("", TooLarge, "input is %d bytes; the limit is %d", len(data), max)
		return nil, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var root any
	if err := dec.Decode(&root); err != nil {
		p.Add("", Syntax, "not valid JSON: %v", err)
		return nil, false
	}
	if _, err := dec.Token(); err != io.EOF {
		p.Add("", Syntax, "trailing data after the JSON document")
		return nil, false
	}
	return root, true
}

// Join appends a field name to a path.
func Join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// Index appends an array index to a path.
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// TypeName names a decoded JSON value's type for messages.
func TypeName(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// Object walks one JSON object, remembering which fields were read so that
// Close can report the others as unknown.
type Object struct {
	p    *Problems
	path string
	m    map[string]any
	used map[string]bool
}

// AsObject returns v as an Object, or records a problem.
func AsObject(p *Problems, v any, path string) (*Object, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		p.Add(path, Type, "must be an object, not %s", TypeName(v))
		return nil, false
	}
	return &Object{p: p, path: path, m: m, used: make(map[string]bool, len(m))}, true
}

// AsArray returns v as an array, or records a problem.
func AsArray(p *Problems, v any, path string) ([]any, bool) {
	a, ok := v.([]any)
	if !ok {
		p.Add(path, Type, "must be an array, not %s", TypeName(v))
		return nil, false
	}
	return a, true
}

// Path returns the object's path.
func (o *Object) Path() string { return o.path }

// Keys returns the object's field names, sorted.
func (o *Object) Keys() []string {
	keys := make([]string, 0, len(o.m))
	for k := range o.m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Get returns a field's value and path; present is false when the field is
// absent or null (null is treated as absent).
func (o *Object) Get(key string) (v any, path string, present bool) {
	o.used[key] = true
	v, ok := o.m[key]
	return v, Join(o.path, key), ok && v != nil
}

// Close reports every field that was not read, in sorted order.
func (o *Object) Close() {
	for _, k := range o.Keys() {
		if !o.used[k] {
			o.p.Add(Join(o.path, k), UnknownField, "unknown field %q", k)
		}
	}
}

// Str reads a string field.
func (o *Object) Str(key string, required bool) string {
	v, path, ok := o.Get(key)
	if !ok {
		if required {
			o.p.Add(path, Required, "required")
		}
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		o.p.Add(path, Type, "must be a string, not %s", TypeName(v))
		return ""
	}
	if required && s == "" {
		o.p.Add(path, Required, "must not be empty")
	}
	return s
}

// Bool reads a boolean field (false when absent).
func (o *Object) Bool(key string) bool {
	v, path, ok := o.Get(key)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		o.p.Add(path, Type, "must be true or false, not %s", TypeName(v))
	}
	return b
}

// Decimal reads a decimal field written as a string.
func (o *Object) Decimal(key string, required bool) (decimal.Decimal, bool) {
	v, path, ok := o.Get(key)
	if !ok {
		if required {
			o.p.Add(path, Required, "required")
		}
		return decimal.Decimal{}, false
	}
	return Decimal(o.p, v, path)
}

// Int reads a whole-number field.
func (o *Object) Int(key string, required bool) (int, bool) {
	v, path, ok := o.Get(key)
	if !ok {
		if required {
			o.p.Add(path, Required, "required")
		}
		return 0, false
	}
	return Int(o.p, v, path)
}

// MaxDigits bounds the digits of a decimal string on each side of the point.
const MaxDigits = 15

// ParseDecimal accepts only plain decimals: an optional minus sign, 1–15
// digits, and optionally a point and 1–15 digits. Exponents, other signs,
// spaces and longer strings are refused before any arithmetic.
func ParseDecimal(s string) (decimal.Decimal, error) {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	intDigits := i - start
	fracDigits := 0
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		fracDigits = i - fs
		if fracDigits == 0 {
			i = -1
		}
	}
	if i != len(s) || intDigits == 0 || intDigits > MaxDigits || fracDigits > MaxDigits {
		return decimal.Decimal{}, fmt.Errorf("%q is not a plain decimal of at most %d digits on each side of the point", s, MaxDigits)
	}
	return decimal.NewFromString(s)
}

// Decimal reads a decimal written as a string.
func Decimal(p *Problems, v any, path string) (decimal.Decimal, bool) {
	s, ok := v.(string)
	if !ok {
		p.Add(path, Type, "must be a decimal written as a string (e.g. \"1.5\"), not %s", TypeName(v))
		return decimal.Decimal{}, false
	}
	d, err := ParseDecimal(s)
	if err != nil {
		p.Add(path, BadNumber, "%v", err)
		return decimal.Decimal{}, false
	}
	return d, true
}

// Int reads a whole number of at most 9 digits.
func Int(p *Problems, v any, path string) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		p.Add(path, Type, "must be a whole number, not %s", TypeName(v))
		return 0, false
	}
	s := n.String()
	if len(s) > 9 {
		p.Add(path, BadNumber, "%s is not a whole number of at most 9 digits", s)
		return 0, false
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		p.Add(path, BadNumber, "%s is not a whole number", s)
		return 0, false
	}
	return i, true
}

// String reads a string.
func String(p *Problems, v any, path string) (string, bool) {
	s, ok := v.(string)
	if !ok {
		p.Add(path, Type, "must be a string, not %s", TypeName(v))
		return "", false
	}
	return s, true
}

// Codes reads an array of strings as codes, checking each with valid and
// reporting duplicates.
func Codes[T ~string](p *Problems, v any, path string, valid func(T) bool, what string) ([]T, bool) {
	arr, ok := AsArray(p, v, path)
	if !ok {
		return nil, false
	}
	out := make([]T, 0, len(arr))
	ok = true
	for i, x := range arr {
		s, isStr := String(p, x, Index(path, i))
		if !isStr {
			ok = false
			continue
		}
		c := T(s)
		if !valid(c) {
			p.Add(Index(path, i), BadCode, "unknown %s %q", what, s)
			ok = false
			continue
		}
		if slices.Contains(out, c) {
			p.Add(Index(path, i), Duplicate, "%s %q listed twice", what, s)
			ok = false
		}
		out = append(out, c)
	}
	return out, ok
}

// Problems returns the collector the object reports to.
func (o *Object) Problems() *Problems { return o.p }

// Has reports whether a problem is recorded at the path.
func (p *Problems) Has(path string) bool {
	for _, q := range p.list {
		if q.Path == path {
			return true
		}
	}
	return false
}

// Each calls f for every element of the array v that is an object, closing
// the object after f (so that its unread fields are reported). It returns
// false when v is not an array or some element is not an object.
func Each(p *Problems, v any, path string, f func(i int, o *Object)) bool {
	arr, ok := AsArray(p, v, path)
	if !ok {
		return false
	}
	for i, x := range arr {
		o, isObj := AsObject(p, x, Index(path, i))
		if !isObj {
			ok = false
			continue
		}
		f(i, o)
		o.Close()
	}
	return ok
}

// Each calls f for every object of the array field key (see the function
// Each). A missing field is a problem when required. It returns false if
// anything was wrong with the field or problems were recorded while f ran.
func (o *Object) Each(key string, required bool, f func(i int, e *Object)) bool {
	v, path, ok := o.Get(key)
	if !ok {
		if required {
			o.p.Add(path, Required, "required")
		}
		return !required
	}
	before := o.p.Len()
	return Each(o.p, v, path, f) && o.p.Len() == before
}

// Parsed reads a string field and converts it with parse (a date, a region
// code, …). A missing required field is a Required problem; a value parse
// refuses is a problem with the given code and parse's message. An absent
// optional field gives the zero T.
func Parsed[T any](o *Object, key string, required bool, code Code, parse func(string) (T, error)) T {
	var zero T
	s := o.Str(key, required)
	if s == "" {
		return zero
	}
	v, err := parse(s)
	if err != nil {
		o.p.Add(Join(o.path, key), code, "%v", err)
		return zero
	}
	return v
}

// Report writes a list of problems under a heading, one per line.
func Report(heading string, list []Problem) string {
	var b strings.Builder
	fmt.Fprintf(&b, heading, len(list))
	for _, p := range list {
		b.WriteString("\n  ")
		b.WriteString(p.String())
	}
	return b.String()
}

// Contains reports whether a problem with the code is listed at the path.
func Contains(list []Problem, path string, code Code) bool {
	for _, p := range list {
		if p.Path == path && p.Code == code {
			return true
		}
	}
	return false
}

// Indent encodes v as indented JSON ending in a newline, leaving <, > and &
// as they are (the library's files are read by people).
func Indent(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
