package enum

import (
	"fmt"
	"strconv"
)

// Table names the values of an enum type E. Index i holds the name of E(i);
// an empty name marks a value with no text form (usually the zero value,
// "not given"). A Table is built once and only read afterwards.
type Table[E ~uint8] struct {
	typ   string
	names []string
	index map[string]E
}

// New returns the table of type typ (used in messages) with the given names.
func New[E ~uint8](typ string, names ...string) *Table[E] {
	t := &Table[E]{typ: typ, names: names, index: make(map[string]E, len(names))}
	for i, n := range names {
		if n != "" {
			t.index[n] = E(i)
		}
	}
	return t
}

// Type returns the enum's type name, e.g. "labour".
func (t *Table[E]) Type() string { return t.typ }

// Valid reports whether e has a name.
func (t *Table[E]) Valid(e E) bool { return int(e) < len(t.names) && t.names[e] != "" }

// String returns e's name, "" for a value without one, or typ(n) for a
// value beyond the table. It never panics.
func (t *Table[E]) String(e E) string {
	if int(e) < len(t.names) {
		return t.names[e]
	}
	return t.typ + "(" + strconv.Itoa(int(e)) + ")"
}

// Parse returns the value named s.
func (t *Table[E]) Parse(s string) (E, bool) {
	e, ok := t.index[s]
	return e, ok
}

// ParseBytes is Parse for a byte slice, without allocating. Small tables
// are scanned (comparing lengths first), faster than hashing.
func (t *Table[E]) ParseBytes(b []byte) (E, bool) {
	if len(t.names) <= 16 {
		for i, n := range t.names {
			if len(n) == len(b) && n != "" && n == string(b) {
				return E(i), true
			}
		}
		return 0, false
	}
	e, ok := t.index[string(b)]
	return e, ok
}

// Marshal returns e's name, or an error for a value without one.
func (t *Table[E]) Marshal(e E) ([]byte, error) {
	if !t.Valid(e) {
		return nil, fmt.Errorf("%s: %d has no name", t.typ, e)
	}
	return []byte(t.names[e]), nil
}

// Unmarshal sets *e to the value named b, or returns an error naming the
// accepted values.
func (t *Table[E]) Unmarshal(b []byte, e *E) error {
	v, ok := t.ParseBytes(b)
	if !ok {
		return fmt.Errorf("unknown %s %q (want %s)", t.typ, b, t.List())
	}
	*e = v
	return nil
}

// Names returns the named values' names in order.
func (t *Table[E]) Names() []string {
	out := make([]string, 0, len(t.names))
	for _, n := range t.names {
		if n != "" {
			out = append(out, n)
		}
	}
	return out
}

// Values returns the named values in order.
func (t *Table[E]) Values() []E {
	out := make([]E, 0, len(t.names))
	for i, n := range t.names {
		if n != "" {
			out = append(out, E(i))
		}
	}
	return out
}

// List returns the names joined for messages: "a, b or c".
func (t *Table[E]) List() string {
	n := t.Names()
	switch len(n) {
	case 0:
		return ""
	case 1:
		return n[0]
	}
	s := ""
	for i, x := range n[:len(n)-1] {
		if i > 0 {
			s += ", "
		}
		s += x
	}
	return s + " or " + n[len(n)-1]
}
