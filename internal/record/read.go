package record

import (
	"strconv"
	"strings"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Refs are the value indexes each step read refers to, resolved once the
// record's values are read (they come after the steps).
type Refs struct {
	steps []*[]explain.Step
	refs  [][][]int
}

// ReadSteps reads a list of steps into *dst, remembering their value refs.
func (r *Refs) ReadSteps(d *jsonx.Decoder, dst *[]explain.Step) {
	var refs [][]int
	d.Array(100_000, func(int) {
		var s explain.Step
		var ref []int
		stepFields.Decode(d, &stepDoc{s: &s, refs: &ref})
		*dst = append(*dst, s)
		refs = append(refs, ref)
	})
	r.steps = append(r.steps, dst)
	r.refs = append(r.refs, refs)
}

// Resolve sets every step's Params from the values read, reporting a ref
// out of range.
func (r *Refs) Resolve(values []explain.Param, p *report.List) {
	for k, list := range r.steps {
		for i := range *list {
			for _, j := range r.refs[k][i] {
				if j < 0 || j >= len(values) {
					p.Add("values", report.MsgBadInt, report.Str("value", strconv.Itoa(j)), report.Int("min", 0), report.Int("max", int64(len(values)-1)))
					continue
				}
				(*list)[i].Params = append((*list)[i].Params, values[j])
			}
		}
	}
}

// stepDoc is a step while it is read or written: its value refs (reading)
// or the table its values go to (writing).
type stepDoc struct {
	s    *explain.Step
	refs *[]int
	vals *Values
	arg  argDoc           // the argument being written
	cite explain.Citation // the step's citation, found once for cite and cite_en
}

var stepFields = jsonx.NewFields(
	jsonx.Field[stepDoc]{Name: "code", Required: true,
		Read: func(d *jsonx.Decoder, v *stepDoc) {
			s, _ := d.String()
			v.s.Code = explain.Code(s)
			if !explain.Known(v.s.Code) {
				d.Problem(report.MsgBadEnum, report.Str("value", s), report.Choices("allowed", "the codes of package explain"))
			}
		},
		Write: func(w *jsonx.Writer, v *stepDoc) { w.String(string(v.s.Code)) }},
	jsonx.Field[stepDoc]{Name: "member",
		Read:  func(d *jsonx.Decoder, v *stepDoc) { v.s.Member, _ = d.String() },
		Write: func(w *jsonx.Writer, v *stepDoc) { w.String(v.s.Member) },
		Omit:  func(v *stepDoc) bool { return v.s.Member == "" }},
	// cite and cite_en are the clause written out, for people reading the
	// record; citation holds the parts when they differ from the code's own.
	jsonx.Field[stepDoc]{Name: "cite",
		Read:  func(d *jsonx.Decoder, v *stepDoc) { d.Skip() },
		Write: func(w *jsonx.Writer, v *stepDoc) { w.ScratchString(v.cite.AppendTo(w.Scratch())) }},
	jsonx.Field[stepDoc]{Name: "cite_en",
		Read:  func(d *jsonx.Decoder, v *stepDoc) { d.Skip() },
		Write: func(w *jsonx.Writer, v *stepDoc) { w.ScratchString(v.cite.AppendEnglish(w.Scratch())) }},
	jsonx.Field[stepDoc]{Name: "citation",
		Read:  func(d *jsonx.Decoder, v *stepDoc) { citationFields.Decode(d, &v.s.Cite) },
		Write: func(w *jsonx.Writer, v *stepDoc) { citationFields.Encode(w, &v.s.Cite) },
		Omit:  func(v *stepDoc) bool { return v.s.Cite.IsZero() }},
	jsonx.Field[stepDoc]{Name: "args",
		Read: func(d *jsonx.Decoder, v *stepDoc) {
			d.Array(100, func(int) {
				var a explain.Arg
				doc := argDoc{a: &a}
				argFields.Decode(d, &doc)
				convert(d, &a, doc.value)
				switch a.Kind {
				case explain.KindRegion:
					a.Text = doc.name
				case explain.KindText:
					a.EN = doc.en
				}
				v.s.Args = append(v.s.Args, a)
			})
		},
		Write: func(w *jsonx.Writer, v *stepDoc) {
			w.BeginArray()
			doc := &v.arg // one for the record: each escapes to the field writers
			for i := range v.s.Args {
				*doc = argDoc{a: &v.s.Args[i]}
				argFields.Encode(w, doc)
			}
			w.EndArray()
		},
		Omit: func(v *stepDoc) bool { return len(v.s.Args) == 0 }},
	jsonx.Field[stepDoc]{Name: "params",
		Read: func(d *jsonx.Decoder, v *stepDoc) {
			d.Array(100, func(int) {
				n, ok := d.Int(0, 1e9)
				if ok {
					*v.refs = append(*v.refs, int(n))
				}
			})
		},
		Write: func(w *jsonx.Writer, v *stepDoc) {
			w.BeginArray()
			for _, p := range v.s.Params {
				w.Int(int64(v.vals.Add(p)))
			}
			w.EndArray()
		},
		Omit: func(v *stepDoc) bool { return len(v.s.Params) == 0 || v.vals == nil }},
)

// ReadCitation reads a citation object written by WriteCitation.
func ReadCitation(d *jsonx.Decoder, c *explain.Citation) { citationFields.Decode(d, c) }

// WriteCitation writes a citation's parts: document, short name, clause.
func WriteCitation(w *jsonx.Writer, c explain.Citation) { citationFields.Encode(w, &c) }

var citationFields = jsonx.NewFields(
	jsonx.Field[explain.Citation]{Name: "document",
		Read:  func(d *jsonx.Decoder, c *explain.Citation) { c.Document, _ = d.String() },
		Write: func(w *jsonx.Writer, c *explain.Citation) { w.String(c.Document) }},
	jsonx.Field[explain.Citation]{Name: "short",
		Read:  func(d *jsonx.Decoder, c *explain.Citation) { c.Short, _ = d.String() },
		Write: func(w *jsonx.Writer, c *explain.Citation) { w.String(c.Short) },
		Omit:  func(c *explain.Citation) bool { return c.Short == "" }},
	jsonx.Field[explain.Citation]{Name: "clause",
		Read:  func(d *jsonx.Decoder, c *explain.Citation) { c.Clause, _ = d.String() },
		Write: func(w *jsonx.Writer, c *explain.Citation) { w.String(c.Clause) },
		Omit:  func(c *explain.Citation) bool { return c.Clause == "" }},
)

type argDoc struct {
	a     *explain.Arg
	value string // converted once the kind is known
	name  string // a region's name
	en    string // a text's English form
}

var kinds = func() map[string]explain.ArgKind {
	m := map[string]explain.ArgKind{}
	for k := explain.KindText; k <= explain.KindRegion; k++ {
		m[k.String()] = k
	}
	return m
}()

var argFields = jsonx.NewFields(
	jsonx.Field[argDoc]{Name: "name", Required: true,
		Read:  func(d *jsonx.Decoder, v *argDoc) { v.a.Name, _ = d.String() },
		Write: func(w *jsonx.Writer, v *argDoc) { w.String(v.a.Name) }},
	jsonx.Field[argDoc]{Name: "kind", Required: true,
		Read: func(d *jsonx.Decoder, v *argDoc) {
			s, _ := d.String()
			k, ok := kinds[s]
			if !ok {
				d.Problem(report.MsgBadEnum, report.Str("value", s), report.Choices("allowed", "text, money, count, percent, multiple, date, label, labels, bool or region"))
			}
			v.a.Kind = k
		},
		Write: func(w *jsonx.Writer, v *argDoc) { w.String(v.a.Kind.String()) }},
	jsonx.Field[argDoc]{Name: "value", Required: true,
		Read:  func(d *jsonx.Decoder, v *argDoc) { v.value, _ = d.String() },
		Write: func(w *jsonx.Writer, v *argDoc) { w.ScratchString(v.a.AppendValue(w.Scratch())) }},
	jsonx.Field[argDoc]{Name: "region_name",
		Read:  func(d *jsonx.Decoder, v *argDoc) { v.name, _ = d.String() },
		Write: func(w *jsonx.Writer, v *argDoc) { w.String(v.a.Text) },
		Omit:  func(v *argDoc) bool { return v.a.Kind != explain.KindRegion || v.a.Text == "" }},
	jsonx.Field[argDoc]{Name: "value_en",
		Read:  func(d *jsonx.Decoder, v *argDoc) { v.en, _ = d.String() },
		Write: func(w *jsonx.Writer, v *argDoc) { w.String(v.a.EN) },
		Omit:  func(v *argDoc) bool { return v.a.Kind != explain.KindText || v.a.EN == "" }},
)

// convert reads an argument's exact value by its kind.
func convert(d *jsonx.Decoder, a *explain.Arg, s string) {
	var err error
	switch a.Kind {
	case explain.KindMoney:
		a.Amount, err = money.ParseExact(s)
	case explain.KindCount:
		a.N, err = strconv.ParseInt(s, 10, 64)
	case explain.KindPercent, explain.KindMultiple:
		a.Rate, err = money.ParseRate(s)
	case explain.KindDate:
		if s != "" { // a zero date: none
			a.Date, err = standards.ParseDate(s)
		}
	case explain.KindLabels:
		for _, c := range strings.Split(s, ",") {
			if c != "" {
				a.Codes = append(a.Codes, explain.Code(c))
			}
		}
	case explain.KindBool:
		if s == "true" {
			a.N = 1
		} else if s != "false" {
			d.Problem(report.MsgBadEnum, report.Str("value", s), report.Choices("allowed", "true or false"))
		}
	case explain.KindRegion:
		a.Region, err = standards.ParseRegion(s)
	default:
		a.Text = s
	}
	if err != nil {
		d.Problem(report.MsgBadNumber, report.Str("value", s))
	}
}

// ReadValues reads a record's table of standards values.
func ReadValues(d *jsonx.Decoder) []explain.Param {
	var out []explain.Param
	d.Array(100_000, func(int) {
		var doc valueDoc
		valueFields.Decode(d, &doc)
		if doc.key != nil && doc.raw != nil {
			v, err := standards.DecodeValue(doc.key, doc.raw)
			if err != nil {
				d.Problem(report.MsgValueType, report.Str("param", doc.key.Name()))
			}
			doc.p.Value = v
		}
		doc.p.Key = doc.key
		out = append(out, doc.p)
	})
	return out
}

type valueDoc struct {
	p   explain.Param
	key standards.AnyKey
	raw []byte
}

func readDate(d *jsonx.Decoder) standards.Date {
	dt, _ := jsonx.ParsedBytes(d, standards.ParseDateBytes, report.MsgBadDate)
	return dt
}

var sourceFields = jsonx.NewFields(
	jsonx.Field[standards.Source]{Name: "id",
		Read:  func(d *jsonx.Decoder, s *standards.Source) { s.ID, _ = d.String() },
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.ID) }},
	jsonx.Field[standards.Source]{Name: "document",
		Read:  func(d *jsonx.Decoder, s *standards.Source) { s.Document, _ = d.String() },
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.Document) }},
	jsonx.Field[standards.Source]{Name: "short",
		Read:  func(d *jsonx.Decoder, s *standards.Source) { s.Short, _ = d.String() },
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.Short) },
		Omit:  func(s *standards.Source) bool { return s.Short == "" }},
	jsonx.Field[standards.Source]{Name: "title",
		Read:  func(d *jsonx.Decoder, s *standards.Source) { s.Title, _ = d.String() },
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.Title) },
		Omit:  func(s *standards.Source) bool { return s.Title == "" }},
	jsonx.Field[standards.Source]{Name: "issuer",
		Read:  func(d *jsonx.Decoder, s *standards.Source) { s.Issuer, _ = d.String() },
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.Issuer) },
		Omit:  func(s *standards.Source) bool { return s.Issuer == "" }},
	jsonx.Field[standards.Source]{Name: "url",
		Read:  func(d *jsonx.Decoder, s *standards.Source) { s.URL, _ = d.String() },
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.URL) },
		Omit:  func(s *standards.Source) bool { return s.URL == "" }},
	jsonx.Field[standards.Source]{Name: "reliability",
		Read: func(d *jsonx.Decoder, s *standards.Source) {
			b, ok := d.Bytes()
			if ok && s.Reliability.UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", "official, press, secondary, assumed, local or simulation"))
			}
		},
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.Reliability.String()) }},
	jsonx.Field[standards.Source]{Name: "note",
		Read:  func(d *jsonx.Decoder, s *standards.Source) { s.Note, _ = d.String() },
		Write: func(w *jsonx.Writer, s *standards.Source) { w.String(s.Note) },
		Omit:  func(s *standards.Source) bool { return s.Reliability != standards.ReliabilityAssumed || s.Note == "" }},
)

func dateOut(get func(v *valueDoc) *standards.Date) (func(w *jsonx.Writer, v *valueDoc), func(v *valueDoc) bool) {
	return func(w *jsonx.Writer, v *valueDoc) { w.ScratchString(get(v).AppendTo(w.Scratch())) },
		func(v *valueDoc) bool { return v.p.CaseLevel || get(v).IsZero() }
}

var (
	fromOut, fromOmit   = dateOut(func(v *valueDoc) *standards.Date { return &v.p.Provenance.From })
	untilOut, untilOmit = dateOut(func(v *valueDoc) *standards.Date { return &v.p.Provenance.Until })
	ctOut, ctOmit       = dateOut(func(v *valueDoc) *standards.Date { return &v.p.Provenance.CompleteThrough })
	notCase             = func(v *valueDoc) bool { return v.p.CaseLevel }
)

var valueFields = jsonx.NewFields(
	jsonx.Field[valueDoc]{Name: "param", Required: true,
		Read: func(d *jsonx.Decoder, v *valueDoc) {
			s, _ := d.String()
			k, ok := standards.KeyByName(s)
			if !ok {
				d.Problem(report.MsgUnknownParam, report.Str("param", s))
			}
			v.key = k
		},
		Write: func(w *jsonx.Writer, v *valueDoc) {
			if v.p.Key == nil { // a value built in Go without its key: written, and refused when read
				w.String("")
				return
			}
			w.String(v.p.Key.Name())
		}},
	jsonx.Field[valueDoc]{Name: "value",
		Read: func(d *jsonx.Decoder, v *valueDoc) { v.raw = d.Raw() },
		Write: func(w *jsonx.Writer, v *valueDoc) {
			if v.p.Key == nil {
				w.Null()
				return
			}
			b, err := standards.AppendValue(w.Scratch(), v.p.Key, v.p.Value)
			if err != nil {
				w.Null()
				return
			}
			w.ScratchRaw(b)
		}},
	jsonx.Field[valueDoc]{Name: "case_level",
		Read:  func(d *jsonx.Decoder, v *valueDoc) { v.p.CaseLevel, _ = d.Bool() },
		Write: func(w *jsonx.Writer, v *valueDoc) { w.Bool(true) },
		Omit:  func(v *valueDoc) bool { return !v.p.CaseLevel }},
	jsonx.Field[valueDoc]{Name: "region",
		Read: func(d *jsonx.Decoder, v *valueDoc) {
			v.p.Provenance.Region, _ = jsonx.ParsedBytes(d, standards.ParseRegionBytes, report.MsgBadRegion)
		},
		Write: func(w *jsonx.Writer, v *valueDoc) { w.ScratchString(v.p.Provenance.Region.AppendTo(w.Scratch())) },
		Omit:  notCase},
	jsonx.Field[valueDoc]{Name: "area",
		Read: func(d *jsonx.Decoder, v *valueDoc) {
			b, ok := d.Bytes()
			if ok && v.p.Provenance.Area.UnmarshalText(b) != nil {
				d.Problem(report.MsgAreaUrbanRural)
			}
		},
		Write: func(w *jsonx.Writer, v *valueDoc) { w.String(v.p.Provenance.Area.String()) },
		Omit:  func(v *valueDoc) bool { return v.p.CaseLevel || v.p.Provenance.Area == standards.AreaAny }},
	jsonx.Field[valueDoc]{Name: "from", Read: func(d *jsonx.Decoder, v *valueDoc) { v.p.Provenance.From = readDate(d) }, Write: fromOut, Omit: fromOmit},
	jsonx.Field[valueDoc]{Name: "until", Read: func(d *jsonx.Decoder, v *valueDoc) { v.p.Provenance.Until = readDate(d) }, Write: untilOut, Omit: untilOmit},
	jsonx.Field[valueDoc]{Name: "published",
		Read: func(d *jsonx.Decoder, v *valueDoc) {
			v.p.Provenance.Published = readDate(d)
			v.p.Provenance.PublishedGiven = true
		},
		Write: func(w *jsonx.Writer, v *valueDoc) { w.ScratchString(v.p.Provenance.Published.AppendTo(w.Scratch())) },
		Omit:  func(v *valueDoc) bool { return v.p.CaseLevel || !v.p.Provenance.PublishedGiven }},
	jsonx.Field[valueDoc]{Name: "source",
		Read:  func(d *jsonx.Decoder, v *valueDoc) { sourceFields.Decode(d, &v.p.Provenance.Source) },
		Write: func(w *jsonx.Writer, v *valueDoc) { sourceFields.Encode(w, &v.p.Provenance.Source) },
		Omit:  notCase},
	jsonx.Field[valueDoc]{Name: "clause",
		Read:  func(d *jsonx.Decoder, v *valueDoc) { v.p.Provenance.Clause, _ = d.String() },
		Write: func(w *jsonx.Writer, v *valueDoc) { w.String(v.p.Provenance.Clause) },
		Omit:  func(v *valueDoc) bool { return v.p.CaseLevel || v.p.Provenance.Clause == "" }},
	jsonx.Field[valueDoc]{Name: "note",
		Read:  func(d *jsonx.Decoder, v *valueDoc) { v.p.Provenance.Note, _ = d.String() },
		Write: func(w *jsonx.Writer, v *valueDoc) { w.String(v.p.Provenance.Note) },
		Omit:  func(v *valueDoc) bool { return v.p.CaseLevel || v.p.Provenance.Note == "" }},
	jsonx.Field[valueDoc]{Name: "stale",
		Read:  func(d *jsonx.Decoder, v *valueDoc) { v.p.Provenance.Stale, _ = d.Bool() },
		Write: func(w *jsonx.Writer, v *valueDoc) { w.Bool(v.p.Provenance.Stale) },
		Omit:  notCase},
	jsonx.Field[valueDoc]{Name: "complete_through", Read: func(d *jsonx.Decoder, v *valueDoc) { v.p.Provenance.CompleteThrough = readDate(d) },
		Write: ctOut, Omit: ctOmit},
)
