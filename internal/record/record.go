package record

import (
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/standards"
)

// Values is the table of standards values a record's steps use, each once.
// It is used through a pointer, never copied: its lists start in its own
// storage.
type Values struct {
	List  []explain.Param
	keys  []valueKey // List's keys while the list is small
	index map[valueKey]int
	// The documents WriteSteps and WriteValues write through, kept here:
	// they escape to the field writers, and a record allocates its table
	// once, not a document for each list.
	step  stepDoc
	value valueDoc
	// The lists' first storage: room for most records' values.
	listInline [4]explain.Param
	keysInline [4]valueKey
}

type valueKey struct {
	key    string
	region standards.Region
	area   standards.Area
	from   standards.Date
	source string
	cased  bool
}

// Add returns the index of p in the table, adding it when new.
func (v *Values) Add(p explain.Param) int {
	k := valueKey{region: p.Provenance.Region, area: p.Provenance.Area, from: p.Provenance.From, source: p.Provenance.Source.ID, cased: p.CaseLevel}
	if p.Key != nil {
		k.key = p.Key.Name()
	}
	// A record uses a few values: found by a scan, in a list made once,
	// until there are enough for an index to pay.
	if v.index == nil {
		for i := range v.keys {
			if v.keys[i] == k {
				return i
			}
		}
		if len(v.keys) < smallValues {
			if v.List == nil {
				v.List, v.keys = v.listInline[:0], v.keysInline[:0]
			}
			v.keys = append(v.keys, k)
			v.List = append(v.List, p)
			return len(v.List) - 1
		}
		v.index = make(map[valueKey]int, 2*smallValues)
		for i, k := range v.keys {
			v.index[k] = i
		}
	}
	if i, ok := v.index[k]; ok {
		return i
	}
	v.index[k] = len(v.List)
	v.List = append(v.List, p)
	return len(v.List) - 1
}

// smallValues is how many values a Values finds by a scan.
const smallValues = 16

// AddSteps adds every value the steps use.
func (v *Values) AddSteps(steps []explain.Step) {
	for _, s := range steps {
		for _, p := range s.Params {
			v.Add(p)
		}
	}
}

// WriteValues writes the table: each value with its provenance.
func WriteValues(w *jsonx.Writer, v *Values) {
	w.BeginArray()
	doc := &v.value
	for _, p := range v.List {
		*doc = valueDoc{p: p}
		valueFields.Encode(w, doc)
	}
	w.EndArray()
}

// WriteSteps writes steps, their values referred to by index in v.
func WriteSteps(w *jsonx.Writer, steps []explain.Step, v *Values) {
	w.BeginArray()
	var doc *stepDoc
	if v != nil {
		v.step = stepDoc{vals: v}
		doc = &v.step
	} else {
		doc = &stepDoc{} // one for the list: it escapes to the field writers
	}
	for i := range steps {
		doc.s, doc.cite = &steps[i], steps[i].Citation()
		stepFields.Encode(w, doc)
	}
	w.EndArray()
}
