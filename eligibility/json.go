package eligibility

import (
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/record"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// MarshalJSON writes the documented JSON form of a result, with the table
// of standards values its reasons and flags rest on.
func (r *Result) MarshalJSON() ([]byte, error) {
	w := jsonx.NewWriter("")
	var vals record.Values
	w.BeginObject()
	WriteFields(w, r, &vals)
	w.Key("values")
	record.WriteValues(w, &vals)
	w.EndObject()
	return w.Bytes(), nil
}

// UnmarshalJSON reads the form MarshalJSON writes.
func (r *Result) UnmarshalJSON(data []byte) error {
	var p report.List
	d, ok := jsonx.Parse(data, 16<<20, &p, "")
	if !ok {
		return p.Err(problem.SubjectDecision)
	}
	var refs record.Refs
	doc := ResultDoc{R: r, Refs: &refs, std: -1}
	var values []explain.Param
	fields := resultFields.With(jsonx.Field[ResultDoc]{Name: "values", Read: func(d *jsonx.Decoder, _ *ResultDoc) {
		values = record.ReadValues(d)
	}})
	fields.Decode(d, &doc)
	refs.Resolve(values, &p)
	doc.ResolveStandard(values)
	return p.Err(problem.SubjectDecision)
}

// WriteFields writes a result's fields into an open object; the values its
// steps use go to vals (the decision record holds one table for all).
func WriteFields(w *jsonx.Writer, r *Result, vals *record.Values) {
	resultFields.EncodeFields(w, &ResultDoc{R: r, Vals: vals})
}

// ResultDoc is a result while it is read (value refs in Refs, resolved
// by Resolve) or written (values added to Vals).
type ResultDoc struct {
	R    *Result
	Vals *record.Values
	Refs *record.Refs
	std  int
}

// DecodeFields reads a result's object (the classification of a decision
// record); resolve Refs and call ResolveStandard once the record's values
// are read.
func (doc *ResultDoc) DecodeFields(d *jsonx.Decoder) {
	doc.std = -1
	resultFields.Decode(d, doc)
}

// ResolveStandard sets the standard's provenance from the values read (the
// steps' values are resolved through Refs).
func (doc *ResultDoc) ResolveStandard(values []explain.Param) {
	if doc.std >= 0 && doc.std < len(values) {
		std := values[doc.std]
		doc.R.Standard.Provenance = std.Provenance
		doc.R.Standard.Key = std.Key
	}
}

func amountField(name string, get func(r *Result) *money.Amount) jsonx.Field[ResultDoc] {
	return jsonx.Field[ResultDoc]{Name: name,
		Read: func(d *jsonx.Decoder, v *ResultDoc) {
			*get(v.R), _ = jsonx.Parsed(d, money.ParseExact, report.MsgBadNumber)
		},
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.Amount(*get(v.R)) }}
}

func dateField(name string, get func(r *Result) *standards.Date) jsonx.Field[ResultDoc] {
	return jsonx.Field[ResultDoc]{Name: name,
		Read:  func(d *jsonx.Decoder, v *ResultDoc) { *get(v.R), _ = jsonx.Parsed(d, parseDate, report.MsgBadDate) },
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.ScratchString(get(v.R).AppendTo(w.Scratch())) }}
}

// parseDate reads a date or "" (no date).
func parseDate(s string) (standards.Date, error) {
	if s == "" {
		return standards.Date{}, nil
	}
	return standards.ParseDate(s)
}

func textField[E interface{ String() string }, P interface {
	*E
	UnmarshalText([]byte) error
}](name string, get func(r *Result) P) jsonx.Field[ResultDoc] {
	return jsonx.Field[ResultDoc]{Name: name,
		Read: func(d *jsonx.Decoder, v *ResultDoc) {
			b, ok := d.Bytes()
			if ok && get(v.R).UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", name))
			}
		},
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.String(E(*get(v.R)).String()) }}
}

var bandFields = jsonx.NewFields(
	jsonx.Field[BandTest]{Name: "code", Read: func(d *jsonx.Decoder, b *BandTest) { b.Code, _ = d.String() }, Write: func(w *jsonx.Writer, b *BandTest) { w.String(b.Code) }},
	jsonx.Field[BandTest]{Name: "name", Read: func(d *jsonx.Decoder, b *BandTest) { b.Name, _ = d.String() }, Write: func(w *jsonx.Writer, b *BandTest) { w.String(b.Name) },
		Omit: func(b *BandTest) bool { return b.Name == "" }},
	jsonx.Field[BandTest]{Name: "name_en", Read: func(d *jsonx.Decoder, b *BandTest) { b.NameEN, _ = d.String() }, Write: func(w *jsonx.Writer, b *BandTest) { w.String(b.NameEN) },
		Omit: func(b *BandTest) bool { return b.NameEN == "" }},
	jsonx.Field[BandTest]{Name: "multiple", Read: func(d *jsonx.Decoder, b *BandTest) { b.Multiple, _ = d.Rate(6) }, Write: func(w *jsonx.Writer, b *BandTest) { w.Rate(b.Multiple) }},
	jsonx.Field[BandTest]{Name: "threshold", Read: func(d *jsonx.Decoder, b *BandTest) {
		b.Threshold, _ = jsonx.Parsed(d, money.ParseExact, report.MsgBadNumber)
	},
		Write: func(w *jsonx.Writer, b *BandTest) { w.Amount(b.Threshold) }},
	jsonx.Field[BandTest]{Name: "below", Read: func(d *jsonx.Decoder, b *BandTest) { b.Below, _ = d.Bool() }, Write: func(w *jsonx.Writer, b *BandTest) { w.Bool(b.Below) }},
)

var propertyFields = jsonx.NewFields(
	jsonx.Field[PropertyTest]{Name: "scheme",
		Read: func(d *jsonx.Decoder, t *PropertyTest) {
			if b, ok := d.Bytes(); ok && t.Scheme.UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", schemeNames.List()))
			}
		},
		Write: func(w *jsonx.Writer, t *PropertyTest) { w.String(t.Scheme.String()) }},
	jsonx.Field[PropertyTest]{Name: "tested", Read: func(d *jsonx.Decoder, t *PropertyTest) { t.Tested, _ = d.Bool() }, Write: func(w *jsonx.Writer, t *PropertyTest) { w.Bool(t.Tested) }},
	jsonx.Field[PropertyTest]{Name: "within", Read: func(d *jsonx.Decoder, t *PropertyTest) { t.Within, _ = d.Bool() }, Write: func(w *jsonx.Writer, t *PropertyTest) { w.Bool(t.Within) }},
	jsonx.Field[PropertyTest]{Name: "financial_assets", Read: func(d *jsonx.Decoder, t *PropertyTest) {
		t.FinancialAssets, _ = jsonx.Parsed(d, money.ParseExact, report.MsgBadNumber)
	}, Write: func(w *jsonx.Writer, t *PropertyTest) { w.Amount(t.FinancialAssets) }},
	jsonx.Field[PropertyTest]{Name: "asset_limit", Read: func(d *jsonx.Decoder, t *PropertyTest) {
		t.AssetLimit, _ = jsonx.Parsed(d, money.ParseExact, report.MsgBadNumber)
	}, Write: func(w *jsonx.Writer, t *PropertyTest) { w.Amount(t.AssetLimit) }, Omit: func(t *PropertyTest) bool { return !t.Tested }},
	intField("dwellings", func(t *PropertyTest) *int { return &t.Dwellings }),
	intField("max_dwellings", func(t *PropertyTest) *int { return &t.MaxDwellings }),
	intField("vehicles", func(t *PropertyTest) *int { return &t.Vehicles }),
	jsonx.Field[PropertyTest]{Name: "vehicles_allowed", Read: func(d *jsonx.Decoder, t *PropertyTest) { t.VehiclesAllowed, _ = d.Bool() },
		Write: func(w *jsonx.Writer, t *PropertyTest) { w.Bool(t.VehiclesAllowed) }},
	jsonx.Field[PropertyTest]{Name: "limit_in_range", Read: func(d *jsonx.Decoder, t *PropertyTest) { t.LimitInRange, _ = d.Bool() },
		Write: func(w *jsonx.Writer, t *PropertyTest) { w.Bool(t.LimitInRange) }, Omit: func(t *PropertyTest) bool { return !t.Tested }},
	jsonx.Field[PropertyTest]{Name: "shared", Read: func(d *jsonx.Decoder, t *PropertyTest) {
		t.Shared, _ = jsonx.Parsed(d, money.ParseExact, report.MsgBadNumber)
	}, Write: func(w *jsonx.Writer, t *PropertyTest) { w.Amount(t.Shared) }, Omit: func(t *PropertyTest) bool { return t.Shared.IsZero() }},
	intField("shared_part", func(t *PropertyTest) *int { return &t.SharedPart }),
	intField("shared_of", func(t *PropertyTest) *int { return &t.SharedOf }),
)

func intField[T any](name string, get func(*T) *int) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name,
		Read: func(d *jsonx.Decoder, v *T) {
			n, _ := d.Int(0, 1e9)
			*get(v) = int(n)
		},
		Write: func(w *jsonx.Writer, v *T) { w.Int(int64(*get(v))) }}
}

var memberFields = jsonx.NewFields(
	jsonx.Field[MemberResult]{Name: "id", Read: func(d *jsonx.Decoder, m *MemberResult) { m.ID, _ = d.String() }, Write: func(w *jsonx.Writer, m *MemberResult) { w.String(m.ID) }},
	intField("age", func(m *MemberResult) *int { return &m.Age }),
	jsonx.Field[MemberResult]{Name: "status",
		Read: func(d *jsonx.Decoder, m *MemberResult) {
			if b, ok := d.Bytes(); ok && m.Status.UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", memberStatusNames.List()))
			}
		},
		Write: func(w *jsonx.Writer, m *MemberResult) { w.String(m.Status.String()) }},
	jsonx.Field[MemberResult]{Name: "care",
		Read: func(d *jsonx.Decoder, m *MemberResult) {
			if b, ok := d.Bytes(); ok && m.Care.UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", "self, partial or full"))
			}
		},
		Write: func(w *jsonx.Writer, m *MemberResult) { w.String(m.Care.String()) },
		Omit:  func(m *MemberResult) bool { return m.Status != MemberTekun }},
	jsonx.Field[MemberResult]{Name: "countable", Read: func(d *jsonx.Decoder, m *MemberResult) {
		m.Countable, _ = jsonx.Parsed(d, money.ParseExact, report.MsgBadNumber)
	}, Write: func(w *jsonx.Writer, m *MemberResult) { w.Amount(m.Countable) }},
	jsonx.Field[MemberResult]{Name: "gradual_exit_end",
		Read: func(d *jsonx.Decoder, m *MemberResult) {
			m.GradualExitEnd, _ = jsonx.ParsedBytes(d, standards.ParseDateBytes, report.MsgBadDate)
		},
		Write: func(w *jsonx.Writer, m *MemberResult) { w.ScratchString(m.GradualExitEnd.AppendTo(w.Scratch())) },
		Omit:  func(m *MemberResult) bool { return m.GradualExitEnd.IsZero() }},
)

var pendingFields = jsonx.NewFields(
	jsonx.Field[ItemRef]{Name: "member", Read: func(d *jsonx.Decoder, r *ItemRef) { r.Member, _ = d.String() }, Write: func(w *jsonx.Writer, r *ItemRef) { w.String(r.Member) }},
	intField("item", func(r *ItemRef) *int { return &r.Item }),
)

// list reads and writes an array of a struct form.
func list[E any](name string, fs *jsonx.Fields[E], get func(r *Result) *[]E) jsonx.Field[ResultDoc] {
	return jsonx.Field[ResultDoc]{Name: name,
		Read: func(d *jsonx.Decoder, v *ResultDoc) {
			l := get(v.R)
			d.Array(100_000, func(int) {
				var e E
				fs.Decode(d, &e)
				*l = append(*l, e)
			})
		},
		Write: func(w *jsonx.Writer, v *ResultDoc) {
			w.BeginArray()
			for i := range *get(v.R) {
				fs.Encode(w, &(*get(v.R))[i])
			}
			w.EndArray()
		}}
}

func steps(name string, get func(r *Result) *[]explain.Step) jsonx.Field[ResultDoc] {
	return jsonx.Field[ResultDoc]{Name: name,
		Read:  func(d *jsonx.Decoder, v *ResultDoc) { v.Refs.ReadSteps(d, get(v.R)) },
		Write: func(w *jsonx.Writer, v *ResultDoc) { record.WriteSteps(w, *get(v.R), v.Vals) }}
}

var resultFields = jsonx.NewFields(
	textField("status", func(r *Result) *Status { return &r.Status }),
	dateField("date", func(r *Result) *standards.Date { return &r.Date }),
	jsonx.Field[ResultDoc]{Name: "size",
		Read: func(d *jsonx.Decoder, v *ResultDoc) {
			n, _ := d.Int(0, 1e6)
			v.R.Size = int(n)
		},
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.Int(int64(v.R.Size)) }},
	jsonx.Field[ResultDoc]{Name: "tested",
		Read: func(d *jsonx.Decoder, v *ResultDoc) {
			n, _ := d.Int(0, 1e6)
			v.R.Tested = int(n)
		},
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.Int(int64(v.R.Tested)) }},
	amountField("standard", func(r *Result) *money.Amount { return &r.Standard.V }),
	jsonx.Field[ResultDoc]{Name: "standard_value",
		Read: func(d *jsonx.Decoder, v *ResultDoc) {
			n, _ := d.Int(0, 1e9)
			v.std = int(n)
		},
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.Int(int64(v.Vals.Add(explain.ParamOf(v.R.Standard)))) },
		Omit:  func(v *ResultDoc) bool { return v.R.Standard.Key == nil }},
	amountField("line", func(r *Result) *money.Amount { return &r.Line }),
	textField("basis", func(r *Result) *IncomeBasis { return &r.Basis }),
	amountField("countable", func(r *Result) *money.Amount { return &r.Countable }),
	amountField("rigid", func(r *Result) *money.Amount { return &r.Rigid }),
	list("bands", bandFields, func(r *Result) *[]BandTest { return &r.Bands }),
	jsonx.Field[ResultDoc]{Name: "edge_band",
		Read:  func(d *jsonx.Decoder, v *ResultDoc) { v.R.EdgeBand, _ = d.String() },
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.String(v.R.EdgeBand) }},
	list("property", propertyFields, func(r *Result) *[]PropertyTest { return &r.Property }),
	list("members", memberFields, func(r *Result) *[]MemberResult { return &r.Members }),
	dateField("gradual_exit_end", func(r *Result) *standards.Date { return &r.GradualExitEnd }),
	jsonx.Field[ResultDoc]{Name: "verification_required",
		Read:  func(d *jsonx.Decoder, v *ResultDoc) { v.R.VerificationRequired, _ = d.Bool() },
		Write: func(w *jsonx.Writer, v *ResultDoc) { w.Bool(v.R.VerificationRequired) }},
	list("pending", pendingFields, func(r *Result) *[]ItemRef { return &r.Pending }),
	steps("reasons", func(r *Result) *[]explain.Step { return &r.Reasons }),
	steps("flags", func(r *Result) *[]explain.Step { return &r.Flags }),
	jsonx.Field[ResultDoc]{Name: "unevaluated",
		Read: func(d *jsonx.Decoder, v *ResultDoc) {
			d.Array(100, func(int) {
				s, _ := d.String()
				v.R.Unevaluated = append(v.R.Unevaluated, explain.Code(s))
			})
		},
		Write: func(w *jsonx.Writer, v *ResultDoc) {
			w.BeginArray()
			for _, c := range v.R.Unevaluated {
				w.String(string(c))
			}
			w.EndArray()
		}},
)
