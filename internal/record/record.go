// Package record writes and reads the machine form of explanations:
// steps with typed arguments, and the table of standards values they rest
// on. The classification result and the decision record share it.
package record

import (
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/standards"
)

// Values is the table of standards values a record's steps use, each once.
type Values struct {
	List  []explain.Param
	index map[valueKey]int
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
	if v.index == nil {
		v.index = map[valueKey]int{}
	}
	if i, ok := v.index[k]; ok {
		return i
	}
	v.index[k] = len(v.List)
	v.List = append(v.List, p)
	return len(v.List) - 1
}

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
	for _, p := range v.List {
		WriteValue(w, p)
	}
	w.EndArray()
}

// WriteValue writes one standards value with its provenance.
func WriteValue(w *jsonx.Writer, p explain.Param) {
	pr := p.Provenance
	w.BeginObject()
	if p.Key != nil {
		w.Key("param")
		w.String(p.Key.Name())
		if b, err := standards.EncodeValue(p.Key, p.Value); err == nil {
			w.Key("value")
			w.Raw(b)
		}
	}
	if p.CaseLevel {
		w.Key("case_level")
		w.Bool(true)
		w.EndObject()
		return
	}
	w.Key("region")
	w.String(pr.Region.String())
	if pr.Area != standards.AreaAny {
		w.Key("area")
		w.String(pr.Area.String())
	}
	w.Key("from")
	w.String(pr.From.String())
	if !pr.Until.IsZero() {
		w.Key("until")
		w.String(pr.Until.String())
	}
	if pr.PublishedGiven {
		w.Key("published")
		w.String(pr.Published.String())
	}
	w.Key("source")
	w.BeginObject()
	w.Key("id")
	w.String(pr.Source.ID)
	w.Key("document")
	w.String(pr.Source.Document)
	w.Key("reliability")
	w.String(pr.Source.Reliability.String())
	if pr.Source.Note != "" && pr.Source.Reliability == standards.ReliabilityAssumed {
		w.Key("note")
		w.String(pr.Source.Note)
	}
	w.EndObject()
	if pr.Clause != "" {
		w.Key("clause")
		w.String(pr.Clause)
	}
	w.Key("stale")
	w.Bool(pr.Stale)
	if !pr.CompleteThrough.IsZero() {
		w.Key("complete_through")
		w.String(pr.CompleteThrough.String())
	}
	w.EndObject()
}

// WriteSteps writes steps, their values referred to by index in v.
func WriteSteps(w *jsonx.Writer, steps []explain.Step, v *Values) {
	w.BeginArray()
	for i := range steps {
		WriteStep(w, &steps[i], v)
	}
	w.EndArray()
}

// WriteStep writes one step: code, member, citation, typed arguments and
// the indexes of the values it used.
func WriteStep(w *jsonx.Writer, s *explain.Step, v *Values) {
	w.BeginObject()
	w.Key("code")
	w.String(string(s.Code))
	if s.Member != "" {
		w.Key("member")
		w.String(s.Member)
	}
	c := s.Citation()
	w.Key("cite")
	w.String(c.String())
	w.Key("cite_en")
	w.String(c.English())
	if len(s.Args) > 0 {
		w.Key("args")
		w.BeginArray()
		for _, a := range s.Args {
			w.BeginObject()
			w.Key("name")
			w.String(a.Name)
			w.Key("kind")
			w.String(a.Kind.String())
			w.Key("value")
			w.String(a.Value())
			if a.Kind == explain.KindRegion && a.Text != "" {
				w.Key("region_name")
				w.String(a.Text)
			}
			w.EndObject()
		}
		w.EndArray()
	}
	if len(s.Params) > 0 && v != nil {
		w.Key("params")
		w.BeginArray()
		for _, p := range s.Params {
			w.Int(int64(v.Add(p)))
		}
		w.EndArray()
	}
	w.EndObject()
}
