package standards

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"

	"github.com/shopspring/decimal"
)

// maxProblems bounds the problems listed for one input, so that a hostile
// file cannot make the error itself huge.
const maxProblems = 200

// problems collects Problems with their paths.
type problems struct {
	list []Problem
	more int
}

func (p *problems) add(path string, code ProblemCode, format string, args ...any) {
	if len(p.list) >= maxProblems {
		p.more++
		return
	}
	p.list = append(p.list, Problem{Path: path, Code: code, Msg: fmt.Sprintf(format, args...)})
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	list := p.list
	if p.more > 0 {
		list = append(list, Problem{Path: "", Code: CodeTooManyProblem, Msg: fmt.Sprintf("%d more problem(s) not listed", p.more)})
	}
	return &LoadError{Problems: list}
}

// object walks one JSON object, remembering which fields were read so that
// close can report the others as unknown.
type object struct {
	p    *problems
	path string
	m    map[string]any
	used map[string]bool
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func jsonType(v any) string {
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

func asObject(p *problems, v any, path string) (*object, bool) {
	m, ok := v.(map[string]any)
	if !ok {
		p.add(path, CodeType, "must be an object, not %s", jsonType(v))
		return nil, false
	}
	return &object{p: p, path: path, m: m, used: make(map[string]bool, len(m))}, true
}

func asArray(p *problems, v any, path string) ([]any, bool) {
	a, ok := v.([]any)
	if !ok {
		p.add(path, CodeType, "must be an array, not %s", jsonType(v))
		return nil, false
	}
	return a, true
}

// get returns the field's value and path; present is false when the field is
// absent (or null, which the format treats as absent).
func (o *object) get(key string) (v any, path string, present bool) {
	o.used[key] = true
	v, ok := o.m[key]
	return v, join(o.path, key), ok && v != nil
}

// close reports every field that was not read, in sorted order.
func (o *object) close() {
	var unknown []string
	for k := range o.m {
		if !o.used[k] {
			unknown = append(unknown, k)
		}
	}
	sort.Strings(unknown)
	for _, k := range unknown {
		o.p.add(join(o.path, k), CodeUnknownField, "unknown field %q", k)
	}
}

func (o *object) str(key string, required bool) string {
	v, path, ok := o.get(key)
	if !ok {
		if required {
			o.p.add(path, CodeRequired, "required")
		}
		return ""
	}
	s, isStr := v.(string)
	if !isStr {
		o.p.add(path, CodeType, "must be a string, not %s", jsonType(v))
		return ""
	}
	if required && s == "" {
		o.p.add(path, CodeRequired, "must not be empty")
	}
	return s
}

func (o *object) date(key string, required bool) Date {
	s := o.str(key, required)
	if s == "" {
		return Date{}
	}
	d, err := ParseDate(s)
	if err != nil {
		o.p.add(join(o.path, key), CodeBadDate, "%q is not a YYYY-MM-DD calendar date between 1900 and 2200", s)
	}
	return d
}

func (o *object) boolean(key string) bool {
	v, path, ok := o.get(key)
	if !ok {
		return false
	}
	b, isBool := v.(bool)
	if !isBool {
		o.p.add(path, CodeType, "must be true or false, not %s", jsonType(v))
	}
	return b
}

func (o *object) decimal(key string, required bool) (decimal.Decimal, bool) {
	v, path, ok := o.get(key)
	if !ok {
		if required {
			o.p.add(path, CodeRequired, "required")
		}
		return decimal.Decimal{}, false
	}
	return decodeDecimal(o.p, v, path)
}

func (o *object) integer(key string, required bool) (int, bool) {
	v, path, ok := o.get(key)
	if !ok {
		if required {
			o.p.add(path, CodeRequired, "required")
		}
		return 0, false
	}
	return decodeInt(o.p, v, path)
}

// maxDigits bounds the digits of a decimal string on each side of the point.
const maxDigits = 15

// parseDecimal accepts only plain decimals: an optional minus sign, 1–15
// digits, and optionally a point and 1–15 digits. Exponents, signs other than
// a leading minus, spaces and longer strings are refused before any
// arithmetic, so hostile input costs nothing.
func parseDecimal(s string) (decimal.Decimal, error) {
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
	if i != len(s) || intDigits == 0 || intDigits > maxDigits || fracDigits > maxDigits {
		return decimal.Decimal{}, fmt.Errorf("%q is not a plain decimal of at most %d digits on each side of the point", s, maxDigits)
	}
	return decimal.NewFromString(s)
}

func decodeDecimal(p *problems, v any, path string) (decimal.Decimal, bool) {
	s, ok := v.(string)
	if !ok {
		p.add(path, CodeType, "must be a decimal written as a string (e.g. \"1.5\"), not %s", jsonType(v))
		return decimal.Decimal{}, false
	}
	d, err := parseDecimal(s)
	if err != nil {
		p.add(path, CodeBadNumber, "%v", err)
		return decimal.Decimal{}, false
	}
	return d, true
}

func decodeInt(p *problems, v any, path string) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		p.add(path, CodeType, "must be a whole number, not %s", jsonType(v))
		return 0, false
	}
	s := n.String()
	if len(s) > 9 {
		p.add(path, CodeBadNumber, "%s is not a whole number of at most 9 digits", s)
		return 0, false
	}
	i, err := strconv.Atoi(s)
	if err != nil {
		p.add(path, CodeBadNumber, "%s is not a whole number", s)
		return 0, false
	}
	return i, true
}

func decodeString(p *problems, v any, path string) (string, bool) {
	s, ok := v.(string)
	if !ok {
		p.add(path, CodeType, "must be a string, not %s", jsonType(v))
		return "", false
	}
	return s, true
}

// decodeCodes decodes an array of strings into a list of codes, checking each
// with valid and reporting duplicates.
func decodeCodes[T ~string](p *problems, v any, path string, valid func(T) bool, what string) ([]T, bool) {
	arr, ok := asArray(p, v, path)
	if !ok {
		return nil, false
	}
	out := make([]T, 0, len(arr))
	ok = true
	for i, x := range arr {
		s, isStr := decodeString(p, x, index(path, i))
		if !isStr {
			ok = false
			continue
		}
		c := T(s)
		if !valid(c) {
			p.add(index(path, i), CodeBadCode, "unknown %s %q", what, s)
			ok = false
			continue
		}
		for _, prev := range out {
			if prev == c {
				p.add(index(path, i), CodeDuplicate, "%s %q listed twice", what, s)
				ok = false
			}
		}
		out = append(out, c)
	}
	return out, ok
}
