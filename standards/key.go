package standards

import (
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/text"
)

// Key names one parameter of a Set and the Go type T of its values. Keys
// are declared once, in the files of their family (keys_*.go), with their
// JSON codec, their ranges, their names in both languages and the line that
// documents their form; Lookup reads any of them:
//
//	v, err := standards.Lookup(set, standards.DibaoStandard, q) // v.V is a money.Amount
type Key[T any] struct {
	d *keyDef[T]
}

// AnyKey is a key of any value type, for listings (Keys, Needs, Set.Params).
type AnyKey interface {
	// Name returns the key's name in the JSON format, e.g. "dibao_standard"
	// or "rounding.payment_total".
	Name() string
	// AreaSplit reports a parameter split by area class (Query.Area required).
	AreaSplit() bool
	// Label returns the parameter's name in a language (zh or en).
	Label(tag language.Tag) string
	// Doc returns the one-line description of the value's JSON form and range.
	Doc() string
	info() *keyInfo
	lookupAny(s *Set, q Query) (any, Provenance, error)
}

// keyInfo is what every key has, whatever its value type.
type keyInfo struct {
	self   anyDef // the definition this is part of
	index  int
	name   string // JSON name
	area   bool   // split by area class
	names  text.Pair
	doc    string // "value" form and range, for the format documentation
	family family
	point  string // for a rounding point: its name inside "rounding"
}

// family groups keys in listings and in the documentation.
type family uint8

const (
	famDibao family = iota
	famIncome
	famSupplement
	famPayment
	famTekun
	famPrice
	famTemporary
	famRounding
)

type keyDef[T any] struct {
	keyInfo
	read  func(d *jsonx.Decoder) (T, bool)
	write func(w *jsonx.Writer, v T)
	check func(c checker, v T)
	clone func(v T) T // nil when values hold no slices
}

// Name returns the key's JSON name.
func (k Key[T]) Name() string { return k.d.name }

// AreaSplit reports a parameter split by area class.
func (k Key[T]) AreaSplit() bool { return k.d.area }

// Label returns the parameter's name in the language matched to tag.
func (k Key[T]) Label(tag language.Tag) string { return k.d.names.In(text.Match(tag)) }

// Names returns the parameter's names in Chinese and English.
func (k Key[T]) Names() (zh, en string) { return k.d.names[0], k.d.names[1] }

// Doc returns the one-line description of the value's form and range.
func (k Key[T]) Doc() string { return k.d.doc }

func (k Key[T]) info() *keyInfo { return &k.d.keyInfo }

// String returns the key's name.
func (k Key[T]) String() string { return k.d.name }

// registry lists every key's definition in declaration order; each key's
// index is its position. It is filled while the package initialises and
// only read afterwards.
var registry []anyDef

// anyDef is a key definition of any value type.
type anyDef interface {
	info() *keyInfo
	key() AnyKey
	decodeTable(dec *jsonx.Decoder) table
	writeAny(w *jsonx.Writer, v any) error
	readAny(dec *jsonx.Decoder, c checker) any
	relative(r Relative) editor
	setFrom(dec *jsonx.Decoder) (editor, bool)
	zero() any
}

func (i *keyInfo) def() anyDef { return i.self }

func (d *keyDef[T]) info() *keyInfo { return &d.keyInfo }
func (d *keyDef[T]) key() AnyKey    { return Key[T]{d} }

// define registers a key.
func define[T any](d keyDef[T]) Key[T] {
	d.index = len(registry)
	p := &d
	p.self = p
	registry = append(registry, p)
	return Key[T]{p}
}

// Keys returns every parameter the format defines, by family, rounding
// points last.
func Keys() []AnyKey {
	defs := slices.Clone(registry)
	slices.SortFunc(defs, func(a, b anyDef) int {
		x, y := a.info(), b.info()
		if x.family != y.family {
			return int(x.family) - int(y.family)
		}
		return strings.Compare(x.name, y.name)
	})
	out := make([]AnyKey, len(defs))
	for i, d := range defs {
		out[i] = d.key()
	}
	return out
}

// KeyByName returns the key with a JSON name ("dibao_standard",
// "rounding.payment_total").
func KeyByName(name string) (AnyKey, bool) {
	for _, d := range registry {
		if d.info().name == name {
			return d.key(), true
		}
	}
	return nil, false
}

// RoundingPoints returns the rounding-point keys.
func RoundingPoints() []Key[RoundingRule] {
	var out []Key[RoundingRule]
	for _, d := range registry {
		if k, ok := d.key().(Key[RoundingRule]); ok {
			out = append(out, k)
		}
	}
	return out
}

// Point returns a rounding key's point name ("payment_total"), "" for other keys.
func (k Key[T]) Point() string { return k.d.point }
