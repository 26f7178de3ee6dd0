package payment

import (
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/record"
	"github.com/dibao-go/dibao/standards"
)

// Version is the library's version, written into every decision record.
const Version = "0.2.0"

// RecordFormat is the value of a decision record's "format" field.
const RecordFormat = "dibao-decision/1"

// StandardsInfo names the standards a decision used.
type StandardsInfo struct {
	Name            string
	Identity        string // "sha256:…" of the Set's canonical file (standards.Set.Identity)
	DataVersion     string
	CompleteThrough standards.Date
}

// Warning is a decision-level notice: a value used that no source settles
// (assumed), or one the data may no longer hold (stale).
type Warning struct {
	Code  string // "assumed" or "stale"
	Param string // the parameter's name
}

// MarshalJSON writes the decision record (see the package documentation).
func (d *Decision) MarshalJSON() ([]byte, error) {
	w := jsonx.NewWriter("")
	writeDecision(w, d)
	return w.Bytes(), nil
}

func writeDecision(w *jsonx.Writer, d *Decision) {
	var vals record.Values
	w.BeginObject()
	w.Key("format")
	w.String(RecordFormat)
	w.Key("library")
	w.String("dibao " + Version)
	w.Key("standards")
	w.BeginObject()
	w.Key("name")
	w.String(d.Standards.Name)
	w.Key("identity")
	w.String(d.Standards.Identity)
	if d.Standards.DataVersion != "" {
		w.Key("data_version")
		w.String(d.Standards.DataVersion)
	}
	w.Key("complete_through")
	w.String(d.Standards.CompleteThrough.String())
	w.EndObject()
	if d.Request != nil {
		w.Key("request")
		doc := requestDoc{req: *d.Request}
		requestFields.Encode(w, &doc)
	}
	if cls := d.Classification; cls != nil {
		w.Key("status")
		w.String(cls.Status.String())
		w.Key("classification")
		w.BeginObject()
		eligibility.WriteFields(w, cls, &vals)
		w.EndObject()
	}
	w.Key("method")
	w.String(d.Method.String())
	w.Key("lines")
	w.BeginArray()
	for i := range d.Lines {
		l := &d.Lines[i]
		w.BeginObject()
		w.Key("code")
		w.String(string(l.Code))
		if l.Member != "" {
			w.Key("member")
			w.String(l.Member)
		}
		w.Key("exact")
		w.Amount(l.Exact)
		w.Key("amount")
		w.Fixed(l.Amount)
		w.Key("rounding")
		if l.Rounding != nil {
			w.BeginObject()
			w.Key("unit")
			w.String(l.Rounding.V.Unit.String())
			w.Key("mode")
			w.String(l.Rounding.V.Mode.String())
			w.Key("value")
			w.Int(int64(vals.Add(explain.ParamOf(*l.Rounding))))
			w.EndObject()
		} else {
			w.Null()
		}
		c := l.Cite
		if c.IsZero() {
			c = explain.Info(l.Code).Cite
		}
		w.Key("cite")
		w.String(c.String())
		w.Key("cite_en")
		w.String(c.English())
		w.EndObject()
	}
	w.EndArray()
	w.Key("total")
	w.Fixed(d.Total)
	if t := d.Temporary; t != nil {
		w.Key("temporary")
		w.BeginObject()
		w.Key("hardship")
		w.String(t.Hardship)
		w.Key("place")
		w.String(t.Place.String())
		w.Key("cap")
		w.Amount(t.Cap)
		w.Key("approved")
		w.Fixed(t.Approved)
		w.Key("paid_first")
		w.Bool(t.PaidFirst)
		w.Key("instalments")
		w.BeginArray()
		for _, in := range t.Instalments {
			w.String(in.Amount.Display())
		}
		w.EndArray()
		w.EndObject()
	}
	w.Key("steps")
	record.WriteSteps(w, d.Steps, &vals)
	w.Key("warnings")
	w.BeginArray()
	for _, x := range d.Warnings {
		w.BeginObject()
		w.Key("code")
		w.String(x.Code)
		w.Key("param")
		w.String(x.Param)
		w.EndObject()
	}
	w.EndArray()
	w.Key("values")
	record.WriteValues(w, &vals)
	w.EndObject()
}

// warnings lists, once per parameter, the assumed and the stale values the
// decision's steps rest on.
func warnings(steps []explain.Step) []Warning {
	var out []Warning
	seen := map[Warning]bool{}
	for _, s := range steps {
		for _, p := range s.Params {
			if p.Key == nil || p.CaseLevel {
				continue
			}
			for _, w := range []Warning{{"assumed", p.Key.Name()}, {"stale", p.Key.Name()}} {
				on := w.Code == "assumed" && p.Assumed() || w.Code == "stale" && p.Provenance.Stale
				if on && !seen[w] {
					seen[w] = true
					out = append(out, w)
				}
			}
		}
	}
	return out
}
