package payment

import (
	"slices"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/record"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Version is the library's version, written into every decision record.
const Version = "0.2.0"

// RecordFormat is the value of a decision record's "format" field.
const RecordFormat = "dibao-decision/1"

// MaxRecordSize is the largest decision record DecodeDecision reads (16 MiB).
const MaxRecordSize = 16 << 20

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
	Code  string // "assumed", "stale", "stale_over_a_year" or "below_guidance"
	Param string // the parameter's name ("" for stale_over_a_year)
}

// MarshalJSON writes the decision record (see the package documentation).
func (d *Decision) MarshalJSON() ([]byte, error) {
	// Room for most records before the buffer grows (a buffer much larger
	// than the record costs more to clear than growing costs): about a
	// kilobyte a step, a quarter of one a reason, flag, line or member.
	n := 4096 + 1024*len(d.Steps) + 256*len(d.Lines)
	if c := d.Classification; c != nil {
		n += 256 * (len(c.Reasons) + len(c.Flags) + len(c.Members))
	}
	return d.AppendJSON(make([]byte, 0, n))
}

// AppendJSON appends the decision record, as MarshalJSON writes it, to b
// and returns the extended buffer: a service that writes one decision after
// another keeps one buffer for them all, and allocates no record.
func (d *Decision) AppendJSON(b []byte) ([]byte, error) {
	w := jsonx.WriterOn(b)
	var vals record.Values
	decisionFields.Encode(w, &decisionDoc{d: d, vals: &vals})
	return w.Bytes(), nil
}

// checkFigures reports a record whose figures contradict each other: a
// line's amount that is not its exact figure rounded by its recorded rule
// (or the exact figure itself, without one), a total that is not the sum
// of the amounts. A record edited by hand, or damaged, is refused, not
// read as an audit trail.
func checkFigures(d *Decision, p *report.List) {
	var sum money.Sum
	for i := range d.Lines {
		l := &d.Lines[i]
		want, rule := l.Exact, "—"
		if l.Rounding != nil {
			rule = l.Rounding.V.String()
			if r, ok := l.Exact.Round(l.Rounding.V); ok {
				want = r
			}
		}
		if l.Amount != want {
			p.Add(problem.Join(problem.Index("lines", i), "amount"), report.MsgRecordAmount, report.Money("amount", l.Amount),
				report.Str("exact", l.Exact.String()), report.Str("rule", rule), report.Money("want", want))
		}
		sum.Add(l.Amount)
	}
	if total, ok := sum.Amount(); !ok || total != d.Total {
		p.Add("total", report.MsgRecordTotal, report.Money("total", d.Total), report.Str("sum", sumText(&sum)))
	}
}

// sumText writes a sum of amounts for a message.
func sumText(s *money.Sum) string {
	if a, ok := s.Amount(); ok {
		return a.Display()
	}
	return "—" // past any sum of lines a decision makes
}

// DecodeDecision reads a stored decision record back: figures, lines,
// classification, the request as decided, the explanation steps with
// their values and provenance. Explain renders it as when it was made. A
// record whose figures contradict each other — a line's amount that is not
// its exact figure rounded by its rule, a total that is not the sum of the
// lines — is refused with those problems.
func DecodeDecision(data []byte) (*Decision, error) {
	var p report.List
	dec, ok := jsonx.Parse(data, MaxRecordSize, &p, "")
	if !ok {
		return nil, p.Err(problem.SubjectDecision)
	}
	var refs record.Refs
	d := &Decision{}
	doc := decisionDoc{d: d, refs: &refs, lineRules: map[int]int{}}
	decisionFields.Decode(dec, &doc)
	if doc.format != RecordFormat {
		p.Add("format", report.MsgFormat, report.Str("value", doc.format), report.Str("want", RecordFormat))
	}
	refs.Resolve(doc.values, &p)
	if doc.cls != nil {
		doc.cls.ResolveStandard(doc.values)
	}
	for i, j := range doc.lineRules {
		if j >= 0 && j < len(doc.values) && i < len(d.Lines) {
			v := doc.values[j]
			rule, _ := v.Value.(money.Rule)
			d.Lines[i].Rounding = &standards.Value[money.Rule]{V: rule, Provenance: v.Provenance}
			d.Lines[i].Rounding.Key = v.Key
		}
	}
	checkFigures(d, &p)
	if doc.request != nil {
		req, err := DecodeRequest(doc.request)
		if pe, ok := problem.As(err); ok {
			for _, q := range pe.Problems {
				q.Path = problem.Join("request", q.Path)
				p.AddProblem(q)
			}
		} else if err == nil {
			d.Request = &req
		}
	}
	if err := p.Err(problem.SubjectDecision); err != nil {
		return nil, err
	}
	return d, nil
}

// decisionDoc is a decision while it is read or written.
type decisionDoc struct {
	d         *Decision
	vals      *record.Values // writing
	refs      *record.Refs   // reading
	format    string
	cls       *eligibility.ResultDoc
	values    []explain.Param
	request   []byte
	lineRules map[int]int // line index → value index of its rounding rule
	line      int
}

var standardsFields = jsonx.NewFields(
	jsonx.Field[StandardsInfo]{Name: "name",
		Read:  func(d *jsonx.Decoder, s *StandardsInfo) { s.Name, _ = d.String() },
		Write: func(w *jsonx.Writer, s *StandardsInfo) { w.String(s.Name) }},
	jsonx.Field[StandardsInfo]{Name: "identity",
		Read:  func(d *jsonx.Decoder, s *StandardsInfo) { s.Identity, _ = d.String() },
		Write: func(w *jsonx.Writer, s *StandardsInfo) { w.String(s.Identity) }},
	jsonx.Field[StandardsInfo]{Name: "data_version",
		Read:  func(d *jsonx.Decoder, s *StandardsInfo) { s.DataVersion, _ = d.String() },
		Write: func(w *jsonx.Writer, s *StandardsInfo) { w.String(s.DataVersion) },
		Omit:  func(s *StandardsInfo) bool { return s.DataVersion == "" }},
	jsonx.Field[StandardsInfo]{Name: "complete_through",
		Read:  func(d *jsonx.Decoder, s *StandardsInfo) { s.CompleteThrough, _ = readDate(d) },
		Write: func(w *jsonx.Writer, s *StandardsInfo) { w.ScratchString(s.CompleteThrough.AppendTo(w.Scratch())) }},
)

type lineDoc struct {
	l    *Line
	doc  *decisionDoc
	rule int
}

func exactField(name string, get func(l *Line) *money.Amount, fixed bool) jsonx.Field[lineDoc] {
	return jsonx.Field[lineDoc]{Name: name, Required: true,
		Read: func(d *jsonx.Decoder, v *lineDoc) { *get(v.l), _ = exactAmount(d) },
		Write: func(w *jsonx.Writer, v *lineDoc) {
			if fixed {
				w.Fixed(*get(v.l))
			} else {
				w.Amount(*get(v.l))
			}
		}}
}

var ruleFields = jsonx.NewFields(
	jsonx.Field[lineDoc]{Name: "unit",
		Read:  func(d *jsonx.Decoder, v *lineDoc) { d.Skip() },
		Write: func(w *jsonx.Writer, v *lineDoc) { w.String(v.l.Rounding.V.Unit.String()) }},
	jsonx.Field[lineDoc]{Name: "mode",
		Read:  func(d *jsonx.Decoder, v *lineDoc) { d.Skip() },
		Write: func(w *jsonx.Writer, v *lineDoc) { w.String(v.l.Rounding.V.Mode.String()) }},
	jsonx.Field[lineDoc]{Name: "value",
		Read: func(d *jsonx.Decoder, v *lineDoc) {
			n, _ := d.Int(0, 1e9)
			v.rule = int(n)
		},
		Write: func(w *jsonx.Writer, v *lineDoc) { w.Int(int64(v.doc.vals.Add(explain.ParamOf(*v.l.Rounding)))) }},
)

var lineFields = jsonx.NewFields(
	jsonx.Field[lineDoc]{Name: "code", Required: true,
		Read: func(d *jsonx.Decoder, v *lineDoc) {
			s, _ := d.String()
			v.l.Code = explain.Code(s)
		},
		Write: func(w *jsonx.Writer, v *lineDoc) { w.String(string(v.l.Code)) }},
	jsonx.Field[lineDoc]{Name: "member",
		Read:  func(d *jsonx.Decoder, v *lineDoc) { v.l.Member, _ = d.String() },
		Write: func(w *jsonx.Writer, v *lineDoc) { w.String(v.l.Member) },
		Omit:  func(v *lineDoc) bool { return v.l.Member == "" }},
	exactField("exact", func(l *Line) *money.Amount { return &l.Exact }, false),
	exactField("amount", func(l *Line) *money.Amount { return &l.Amount }, true),
	jsonx.Field[lineDoc]{Name: "rounding",
		Read: func(d *jsonx.Decoder, v *lineDoc) {
			v.rule = -1
			ruleFields.Decode(d, v)
		},
		Write: func(w *jsonx.Writer, v *lineDoc) {
			if v.l.Rounding == nil {
				w.Null()
				return
			}
			ruleFields.Encode(w, v)
		}},
	// figures are the line's arguments by name, exact (as the explanation
	// step of the line has them, with their kinds).
	jsonx.Field[lineDoc]{Name: "figures",
		Read: func(d *jsonx.Decoder, v *lineDoc) {
			d.Object(func(name []byte) {
				s, _ := d.String()
				v.l.Args = append(v.l.Args, explain.Text(string(name), s))
			})
		},
		Write: func(w *jsonx.Writer, v *lineDoc) {
			w.BeginObject()
			for i := range v.l.Args {
				a := &v.l.Args[i]
				w.Key(a.Name)
				w.ScratchString(a.AppendValue(w.Scratch()))
			}
			w.EndObject()
		},
		Omit: func(v *lineDoc) bool { return len(v.l.Args) == 0 }},
	jsonx.Field[lineDoc]{Name: "cite",
		Read:  func(d *jsonx.Decoder, v *lineDoc) { d.Skip() },
		Write: func(w *jsonx.Writer, v *lineDoc) { w.ScratchString(lineCite(v.l).AppendTo(w.Scratch())) }},
	jsonx.Field[lineDoc]{Name: "cite_en",
		Read:  func(d *jsonx.Decoder, v *lineDoc) { d.Skip() },
		Write: func(w *jsonx.Writer, v *lineDoc) { w.ScratchString(lineCite(v.l).AppendEnglish(w.Scratch())) }},
	// citation holds the parts when the line cites other than its code's
	// own clause (the price subsidy cites the linkage value's source).
	jsonx.Field[lineDoc]{Name: "citation",
		Read:  func(d *jsonx.Decoder, v *lineDoc) { record.ReadCitation(d, &v.l.Cite) },
		Write: func(w *jsonx.Writer, v *lineDoc) { record.WriteCitation(w, v.l.Cite) },
		Omit:  func(v *lineDoc) bool { return v.l.Cite.IsZero() || v.l.Cite == explain.Info(v.l.Code).Cite }},
)

func lineCite(l *Line) explain.Citation {
	if l.Cite.IsZero() {
		return explain.Info(l.Code).Cite
	}
	return l.Cite
}

var scheduleFields = jsonx.NewFields(
	jsonx.Field[Schedule]{Name: "hardship",
		Read:  func(d *jsonx.Decoder, s *Schedule) { s.Hardship, _ = d.String() },
		Write: func(w *jsonx.Writer, s *Schedule) { w.String(s.Hardship) }},
	jsonx.Field[Schedule]{Name: "place",
		Read:  func(d *jsonx.Decoder, s *Schedule) { s.Place, _ = readRegion(d) },
		Write: func(w *jsonx.Writer, s *Schedule) { w.ScratchString(s.Place.AppendTo(w.Scratch())) }},
	jsonx.Field[Schedule]{Name: "cap",
		Read:  func(d *jsonx.Decoder, s *Schedule) { s.Cap, _ = exactAmount(d) },
		Write: func(w *jsonx.Writer, s *Schedule) { w.Amount(s.Cap) }},
	jsonx.Field[Schedule]{Name: "approved",
		Read:  func(d *jsonx.Decoder, s *Schedule) { s.Approved, _ = exactAmount(d) },
		Write: func(w *jsonx.Writer, s *Schedule) { w.Fixed(s.Approved) }},
	jsonx.Field[Schedule]{Name: "paid_first",
		Read:  func(d *jsonx.Decoder, s *Schedule) { s.PaidFirst, _ = d.Bool() },
		Write: func(w *jsonx.Writer, s *Schedule) { w.Bool(s.PaidFirst) }},
	jsonx.Field[Schedule]{Name: "instalments",
		Read: func(d *jsonx.Decoder, s *Schedule) {
			d.Array(1000, func(i int) {
				a, _ := exactAmount(d)
				s.Instalments = append(s.Instalments, Instalment{Number: i + 1, Amount: a})
			})
		},
		Write: func(w *jsonx.Writer, s *Schedule) {
			w.BeginArray()
			for _, in := range s.Instalments {
				w.Fixed(in.Amount)
			}
			w.EndArray()
		}},
)

var warningFields = jsonx.NewFields(
	jsonx.Field[Warning]{Name: "code",
		Read:  func(d *jsonx.Decoder, x *Warning) { x.Code, _ = d.String() },
		Write: func(w *jsonx.Writer, x *Warning) { w.String(x.Code) }},
	jsonx.Field[Warning]{Name: "param",
		Read:  func(d *jsonx.Decoder, x *Warning) { x.Param, _ = d.String() },
		Write: func(w *jsonx.Writer, x *Warning) { w.String(x.Param) },
		Omit:  func(x *Warning) bool { return x.Param == "" }},
)

var decisionFields = jsonx.NewFields(
	jsonx.Field[decisionDoc]{Name: "format", Required: true,
		Read:  func(d *jsonx.Decoder, v *decisionDoc) { v.format, _ = d.String() },
		Write: func(w *jsonx.Writer, v *decisionDoc) { w.String(RecordFormat) }},
	jsonx.Field[decisionDoc]{Name: "library",
		Read:  func(d *jsonx.Decoder, v *decisionDoc) { d.Skip() },
		Write: func(w *jsonx.Writer, v *decisionDoc) { w.String("dibao " + Version) }},
	jsonx.Field[decisionDoc]{Name: "standards",
		Read:  func(d *jsonx.Decoder, v *decisionDoc) { standardsFields.Decode(d, &v.d.Standards) },
		Write: func(w *jsonx.Writer, v *decisionDoc) { standardsFields.Encode(w, &v.d.Standards) }},
	jsonx.Field[decisionDoc]{Name: "request",
		Read: func(d *jsonx.Decoder, v *decisionDoc) { v.request = d.Raw() },
		Write: func(w *jsonx.Writer, v *decisionDoc) {
			doc := requestDoc{req: *v.d.Request}
			requestFields.Encode(w, &doc)
		},
		Omit: func(v *decisionDoc) bool { return v.d.Request == nil || v.d.Request.Household == nil }},
	jsonx.Field[decisionDoc]{Name: "status",
		Read:  func(d *jsonx.Decoder, v *decisionDoc) { d.Skip() }, // the classification holds it
		Write: func(w *jsonx.Writer, v *decisionDoc) { w.String(v.d.Classification.Status.String()) },
		Omit:  func(v *decisionDoc) bool { return v.d.Classification == nil }},
	jsonx.Field[decisionDoc]{Name: "classification",
		Read: func(d *jsonx.Decoder, v *decisionDoc) {
			v.d.Classification = &eligibility.Result{}
			v.cls = &eligibility.ResultDoc{R: v.d.Classification, Refs: v.refs}
			v.cls.DecodeFields(d)
		},
		Write: func(w *jsonx.Writer, v *decisionDoc) {
			w.BeginObject()
			eligibility.WriteFields(w, v.d.Classification, v.vals)
			w.EndObject()
		},
		Omit: func(v *decisionDoc) bool { return v.d.Classification == nil }},
	jsonx.Field[decisionDoc]{Name: "method",
		Read: func(d *jsonx.Decoder, v *decisionDoc) {
			if b, ok := d.Bytes(); ok && v.d.Method.UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", "gap or tiered"))
			}
		},
		Write: func(w *jsonx.Writer, v *decisionDoc) { w.String(v.d.Method.String()) }},
	jsonx.Field[decisionDoc]{Name: "lines",
		Read: func(d *jsonx.Decoder, v *decisionDoc) {
			d.Array(10_000, func(i int) {
				var l Line
				ld := lineDoc{l: &l, doc: v, rule: -1}
				lineFields.Decode(d, &ld)
				if l.Cite.IsZero() {
					l.Cite = explain.Info(l.Code).Cite
				}
				if ld.rule >= 0 {
					v.lineRules[i] = ld.rule
				}
				v.d.Lines = append(v.d.Lines, l)
			})
		},
		Write: func(w *jsonx.Writer, v *decisionDoc) {
			w.BeginArray()
			doc := &lineDoc{doc: v} // one for the list: it escapes to the field writers
			for i := range v.d.Lines {
				doc.l = &v.d.Lines[i]
				lineFields.Encode(w, doc)
			}
			w.EndArray()
		}},
	jsonx.Field[decisionDoc]{Name: "total", Required: true,
		Read:  func(d *jsonx.Decoder, v *decisionDoc) { v.d.Total, _ = exactAmount(d) },
		Write: func(w *jsonx.Writer, v *decisionDoc) { w.Fixed(v.d.Total) }},
	jsonx.Field[decisionDoc]{Name: "temporary",
		Read: func(d *jsonx.Decoder, v *decisionDoc) {
			v.d.Temporary = &Schedule{}
			scheduleFields.Decode(d, v.d.Temporary)
		},
		Write: func(w *jsonx.Writer, v *decisionDoc) { scheduleFields.Encode(w, v.d.Temporary) },
		Omit:  func(v *decisionDoc) bool { return v.d.Temporary == nil }},
	jsonx.Field[decisionDoc]{Name: "steps",
		Read:  func(d *jsonx.Decoder, v *decisionDoc) { v.refs.ReadSteps(d, &v.d.Steps) },
		Write: func(w *jsonx.Writer, v *decisionDoc) { record.WriteSteps(w, v.d.Steps, v.vals) }},
	jsonx.Field[decisionDoc]{Name: "warnings",
		Read: func(d *jsonx.Decoder, v *decisionDoc) {
			d.Array(1000, func(int) {
				var x Warning
				warningFields.Decode(d, &x)
				v.d.Warnings = append(v.d.Warnings, x)
			})
		},
		Write: func(w *jsonx.Writer, v *decisionDoc) {
			w.BeginArray()
			for i := range v.d.Warnings {
				warningFields.Encode(w, &v.d.Warnings[i])
			}
			w.EndArray()
		}},
	// The table of standards values comes last: every step above refers to
	// it by index.
	jsonx.Field[decisionDoc]{Name: "values",
		Read:  func(d *jsonx.Decoder, v *decisionDoc) { v.values = record.ReadValues(d) },
		Write: func(w *jsonx.Writer, v *decisionDoc) { record.WriteValues(w, v.vals) }},
)

// Warning codes.
const (
	WarnAssumed       = "assumed"           // a value no source settles
	WarnStale         = "stale"             // a value past the date its data is known complete through
	WarnStaleOverYear = "stale_over_a_year" // a stale value, more than a year past that date
	// WarnBelowGuidance: a standard used is below the provincial guidance in
	// force on the decision's date (a Set that allows out-of-range values,
	// or a local value from before the guidance rose).
	WarnBelowGuidance = "below_guidance"
)

// warnings lists, once per parameter, the assumed and the stale values the
// decision's steps rest on, and once for the decision a stale value more
// than a year past the date its data is known complete through, appended
// to out[:0] (the Decider's buffer).
func warnings(out []Warning, steps []explain.Step, date standards.Date) []Warning {
	out = out[:0]
	add := func(w Warning) {
		// A few warnings at most: a scan finds one already listed.
		if !slices.Contains(out, w) {
			if out == nil {
				out = make([]Warning, 0, 8)
			}
			out = append(out, w)
		}
	}
	// A year past the day the data is known complete through, worked out
	// once while that day repeats (as it does for the values of one Set).
	var through, yearOn standards.Date
	for i := range steps {
		for j := range steps[i].Params {
			p := &steps[i].Params[j]
			if p.Key == nil || p.CaseLevel {
				continue
			}
			if p.Assumed() {
				add(Warning{WarnAssumed, p.Key.Name()})
			}
			if pr := &p.Provenance; pr.Stale {
				add(Warning{WarnStale, p.Key.Name()})
				if pr.CompleteThrough != through || yearOn.IsZero() {
					through, yearOn = pr.CompleteThrough, pr.CompleteThrough.AddMonths(12)
				}
				if date.After(yearOn) {
					add(Warning{WarnStaleOverYear, ""})
				}
			}
		}
	}
	return out
}

// StaleOverAYear reports a decision resting on standards more than a year
// past the date their data is known complete through: decided all the
// same, with a warning; a service may refuse it instead.
func (d *Decision) StaleOverAYear() bool {
	for _, w := range d.Warnings {
		if w.Code == WarnStaleOverYear {
			return true
		}
	}
	return false
}
