package income

import (
	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// MaxHouseholdSize is the largest household document DecodeHousehold accepts (1 MiB).
const MaxHouseholdSize = 1 << 20

// DecodeHousehold reads a household in the JSON form documented in the
// package documentation. It reports every problem at once as a
// *problem.Error: syntax, duplicate keys, invalid UTF-8, unknown fields,
// wrong types, unknown names, and everything Validate finds without an
// assessment date.
func DecodeHousehold(data []byte) (Household, error) {
	return decodeHousehold(data, standards.Date{})
}

func decodeHousehold(data []byte, date standards.Date) (Household, error) {
	var p report.List
	d, ok := jsonx.Parse(data, MaxHouseholdSize, &p, "")
	if !ok {
		return Household{}, p.Err(problem.SubjectHousehold)
	}
	var h Household
	readHousehold(d, &h, date)
	if err := p.Err(problem.SubjectHousehold); err != nil {
		return Household{}, err
	}
	return h, nil
}

// readHousehold reads a household where d is, reporting every problem —
// those Validate finds for date included — to d's list, under d's path.
func readHousehold(d *jsonx.Decoder, h *Household, date standards.Date) {
	before := d.Problems().Len()
	if !householdFields.Decode(d, h) {
		return
	}
	var sub report.List
	var c Compact
	x := h.compact(&c, &sub)
	validate(&c, x, date, &sub)
	prefix := d.Path()
	for _, q := range sub.Problems() {
		path := problem.Join(prefix, q.Path)
		if d.Problems().Len() > before && d.Problems().Has(path) {
			continue // the decoder said it already
		}
		q.Path = path
		d.Problems().AddProblem(q)
	}
}

// MarshalJSON writes the household in its documented JSON form.
func (h Household) MarshalJSON() ([]byte, error) {
	w := jsonx.NewWriterSize("", 512+512*len(h.Members)) // room for most households
	householdFields.Encode(w, &h)
	return w.Bytes(), nil
}

// UnmarshalJSON reads the documented JSON form; problems are a
// *problem.Error.
func (h *Household) UnmarshalJSON(data []byte) error {
	v, err := DecodeHousehold(data)
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// WriteFields writes a household in the JSON form into a writer of
// another record (the request inside a decision record), without a buffer
// of its own.
func WriteFields(w *jsonx.Writer, h *Household) { householdFields.Encode(w, h) }

// EncodeHousehold writes a household in the documented JSON form, indented.
func EncodeHousehold(h *Household) ([]byte, error) {
	w := jsonx.NewWriter("  ")
	householdFields.Encode(w, h)
	return append(w.Bytes(), '\n'), nil
}

// Field helpers.

func readEnum[E ~uint8](d *jsonx.Decoder, t *enum.Table[E]) (E, bool) {
	b, ok := d.Bytes()
	if !ok {
		return 0, false
	}
	e, ok := t.ParseBytes(b)
	if !ok {
		d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", t.List()))
	}
	return e, ok
}

func enumField[T any, E ~uint8](name string, t *enum.Table[E], get func(*T) *E, omit E) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = readEnum(d, t) },
		Write: func(w *jsonx.Writer, v *T) { w.String(t.String(*get(v))) },
		Omit:  func(v *T) bool { return *get(v) == omit }}
}

func textEnumField[T any, E interface {
	~uint8
	String() string
}, P interface {
	*E
	UnmarshalText([]byte) error
}](name, allowed string, get func(*T) P) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name,
		Read: func(d *jsonx.Decoder, v *T) {
			b, ok := d.Bytes()
			if ok && get(v).UnmarshalText(b) != nil {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", allowed))
				// Given but unknown: not "absent", so that no check that
				// depends on it reports a second, misleading problem.
				*get(v) = ^E(0)
			}
		},
		Write: func(w *jsonx.Writer, v *T) { w.String(E(*get(v)).String()) },
		Omit:  func(v *T) bool { return *get(v) == 0 }}
}

func boolField[T any](name string, get func(*T) *bool) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = d.Bool() },
		Write: func(w *jsonx.Writer, v *T) { w.Bool(*get(v)) },
		Omit:  func(v *T) bool { return !*get(v) }}
}

func dateField[T any](name string, get func(*T) *standards.Date) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = readDate(d) },
		Write: func(w *jsonx.Writer, v *T) { w.ScratchString(get(v).AppendTo(w.Scratch())) },
		Omit:  func(v *T) bool { return get(v).IsZero() }}
}

func regionField[T any](name string, get func(*T) *standards.Region) jsonx.Field[T] {
	return jsonx.Field[T]{Name: name,
		Read:  func(d *jsonx.Decoder, v *T) { *get(v), _ = readRegion(d) },
		Write: func(w *jsonx.Writer, v *T) { w.ScratchString(get(v).AppendTo(w.Scratch())) },
		Omit:  func(v *T) bool { return *get(v) == standards.Region{} }}
}

func readDate(d *jsonx.Decoder) (standards.Date, bool) {
	return jsonx.ParsedBytes(d, standards.ParseDateBytes, report.MsgBadDate)
}

func readRegion(d *jsonx.Decoder) (standards.Region, bool) {
	return jsonx.ParsedBytes(d, standards.ParseRegionBytes, report.MsgBadRegion)
}

var incomeFields = jsonx.NewFields(
	jsonx.Field[Income]{Name: "kind", Required: true,
		Read: func(d *jsonx.Decoder, in *Income) {
			b, ok := d.Bytes()
			if !ok {
				return
			}
			k, known := standards.ParseIncomeKind(b)
			if !known {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", incomeKinds))
			}
			in.Kind = k
		},
		Write: func(w *jsonx.Writer, in *Income) { w.String(in.Kind.String()) }},
	jsonx.Field[Income]{Name: "amount", Required: true,
		Read:  func(d *jsonx.Decoder, in *Income) { in.Amount, _ = d.Amount() },
		Write: func(w *jsonx.Writer, in *Income) { w.Amount(in.Amount) }},
	jsonx.Field[Income]{Name: "period", Required: true,
		Read: func(d *jsonx.Decoder, in *Income) {
			b, ok := d.Bytes()
			if !ok {
				return
			}
			if string(b) == "months" {
				d.Problem(report.MsgPeriodRemoved)
				return
			}
			u, known := periodNames.ParseBytes(b)
			if !known {
				d.Problem(report.MsgBadEnum, report.Str("value", string(b)), report.Choices("allowed", periodNames.List()))
			}
			in.Period.Unit = u
		},
		Write: func(w *jsonx.Writer, in *Income) { w.String(in.Period.Unit.String()) }},
	jsonx.Field[Income]{Name: "months",
		Read: func(d *jsonx.Decoder, in *Income) {
			n, _ := d.Int(-1e6, 1e6)
			in.Period.Months = int(n)
		},
		Write: func(w *jsonx.Writer, in *Income) { w.Int(int64(in.Period.Months)) },
		Omit:  func(in *Income) bool { return in.Period.Months == 0 }},
	enumField("verification", verificationNames, func(in *Income) *Verification { return &in.Verification }, Verified),
	enumField("basis", supportBasisNames, func(in *Income) *SupportBasis { return &in.Basis }, SupportBasisUnset),
	enumField("exempt_from", giverNames, func(in *Income) *Giver { return &in.ExemptFrom }, GiverNone),
	jsonx.Field[Income]{Name: "note",
		Read:  func(d *jsonx.Decoder, in *Income) { in.Note, _ = d.String() },
		Write: func(w *jsonx.Writer, in *Income) { w.String(in.Note) },
		Omit:  func(in *Income) bool { return in.Note == "" }},
)

var disabilityFields = jsonx.NewFields(
	textEnumField("category", "visual, hearing, speech, physical, intellectual, psychiatric or multiple",
		func(d *Disability) *standards.DisabilityCategory { return &d.Category }),
	jsonx.Field[Disability]{Name: "grade",
		Read: func(d *jsonx.Decoder, v *Disability) {
			n, _ := d.Int(-1e6, 1e6)
			v.Grade = int(n)
		},
		Write: func(w *jsonx.Writer, v *Disability) { w.Int(int64(v.Grade)) }},
)

var memberFields = jsonx.NewFields(
	jsonx.Field[Member]{Name: "id", Required: true,
		Read:  func(d *jsonx.Decoder, m *Member) { m.ID, _ = d.String() },
		Write: func(w *jsonx.Writer, m *Member) { w.String(m.ID) }},
	dateField("birth_date", func(m *Member) *standards.Date { return &m.BirthDate }),
	enumField("relation", relationNames, func(m *Member) *Relation { return &m.Relation }, 255),
	enumField("labour", labourNames, func(m *Member) *Labour { return &m.Labour }, 255),
	jsonx.Field[Member]{Name: "disability",
		Read:  func(d *jsonx.Decoder, m *Member) { disabilityFields.Decode(d, &m.Disability) },
		Write: func(w *jsonx.Writer, m *Member) { disabilityFields.Encode(w, &m.Disability) },
		Omit:  func(m *Member) bool { return m.Disability == Disability{} }},
	boolField("serious_illness", func(m *Member) *bool { return &m.SeriousIllness }),
	jsonx.Field[Member]{Name: "service_disability_grade",
		Read: func(d *jsonx.Decoder, m *Member) {
			n, _ := d.Int(-1e6, 1e6)
			m.ServiceDisabilityGrade = int(n)
		},
		Write: func(w *jsonx.Writer, m *Member) { w.Int(int64(m.ServiceDisabilityGrade)) },
		Omit:  func(m *Member) bool { return m.ServiceDisabilityGrade == 0 }},
	boolField("special_care", func(m *Member) *bool { return &m.SpecialCare }),
	boolField("martyr_family", func(m *Member) *bool { return &m.MartyrFamily }),
	boolField("returned_veteran", func(m *Member) *bool { return &m.ReturnedVeteran }),
	boolField("student", func(m *Member) *bool { return &m.Student }),
	enumField("dependency", dependencyNames, func(m *Member) *Dependency { return &m.Dependency }, DependencyNone),
	regionField("workplace", func(m *Member) *standards.Region { return &m.Workplace }),
	jsonx.Field[Member]{Name: "cares_for",
		Read: func(d *jsonx.Decoder, m *Member) {
			d.Array(MaxMembers, func(int) {
				if s, ok := d.String(); ok {
					m.CaresFor = append(m.CaresFor, s)
				}
			})
		},
		Write: func(w *jsonx.Writer, m *Member) { w.Strings(m.CaresFor) },
		Omit:  func(m *Member) bool { return len(m.CaresFor) == 0 }},
	jsonx.Field[Member]{Name: "groups",
		Read: func(d *jsonx.Decoder, m *Member) {
			d.Array(16, func(int) {
				b, ok := d.Bytes()
				if !ok {
					return
				}
				var g standards.Group
				if g.UnmarshalText(b) != nil || !MemberGroup(g) {
					d.Problem(report.MsgBadEnum, report.Str("value", string(b)),
						report.Choices("allowed", "unemployment_insurance, special_care, orphan, de_facto_orphan or hiv_affected_child"))
					return
				}
				m.Groups = append(m.Groups, g)
			})
		},
		Write: func(w *jsonx.Writer, m *Member) {
			w.BeginArray()
			for _, g := range m.Groups {
				w.String(g.String())
			}
			w.EndArray()
		},
		Omit: func(m *Member) bool { return len(m.Groups) == 0 }},
	jsonx.Field[Member]{Name: "incomes",
		Read: func(d *jsonx.Decoder, m *Member) {
			d.Array(MaxItems, func(int) {
				m.Incomes = append(m.Incomes, Income{}) // decoded in place, not copied in
				incomeFields.Decode(d, &m.Incomes[len(m.Incomes)-1])
			})
		},
		Write: func(w *jsonx.Writer, m *Member) {
			w.BeginArray()
			for i := range m.Incomes {
				incomeFields.Encode(w, &m.Incomes[i])
			}
			w.EndArray()
		},
		Omit: func(m *Member) bool { return len(m.Incomes) == 0 }},
)

var propertyFields = jsonx.NewFields(
	enumField("kind", propertyNames, func(p *Property) *PropertyKind { return &p.Kind }, 255),
	jsonx.Field[Property]{Name: "value", Required: true,
		Read:  func(d *jsonx.Decoder, p *Property) { p.Value, _ = d.Amount() },
		Write: func(w *jsonx.Writer, p *Property) { w.Amount(p.Value) }},
	jsonx.Field[Property]{Name: "count",
		Read: func(d *jsonx.Decoder, p *Property) {
			n, _ := d.Int(-1e6, 1e6)
			p.Count = int(n)
		},
		Write: func(w *jsonx.Writer, p *Property) { w.Int(int64(p.Count)) },
		Omit:  func(p *Property) bool { return p.Count == 0 }},
	jsonx.Field[Property]{Name: "member",
		Read:  func(d *jsonx.Decoder, p *Property) { p.Member, _ = d.String() },
		Write: func(w *jsonx.Writer, p *Property) { w.String(p.Member) },
		Omit:  func(p *Property) bool { return p.Member == "" }},
	boolField("exempt", func(p *Property) *bool { return &p.Exempt }),
)

var expenditureFields = jsonx.NewFields(
	enumField("kind", expenditureNames, func(e *Expenditure) *ExpenditureKind { return &e.Kind }, 255),
	jsonx.Field[Expenditure]{Name: "amount", Required: true,
		Read:  func(d *jsonx.Decoder, e *Expenditure) { e.Amount, _ = d.Amount() },
		Write: func(w *jsonx.Writer, e *Expenditure) { w.Amount(e.Amount) }},
	jsonx.Field[Expenditure]{Name: "member",
		Read:  func(d *jsonx.Decoder, e *Expenditure) { e.Member, _ = d.String() },
		Write: func(w *jsonx.Writer, e *Expenditure) { w.String(e.Member) },
		Omit:  func(e *Expenditure) bool { return e.Member == "" }},
)

var householdFields = jsonx.NewFields(
	regionField("region", func(h *Household) *standards.Region { return &h.Region }),
	enumField("basis", registrationNames, func(h *Household) *Registration { return &h.Registration }, RegistrationHukou),
	textEnumField("area", "urban or rural", func(h *Household) *standards.Area { return &h.Area }),
	enumField("supporter", supporterNames, func(h *Household) *Supporter { return &h.Supporter }, SupporterUnknown),
	enumField("poverty", povertyNames, func(h *Household) *Poverty { return &h.Poverty }, PovertyNone),
	jsonx.Field[Household]{Name: "caregiver_factor",
		Read: func(d *jsonx.Decoder, h *Household) {
			h.CaregiverFactor, _ = d.Rate(2)
			h.HasCaregiverFactor = true
		},
		Write: func(w *jsonx.Writer, h *Household) { w.Rate(h.CaregiverFactor) },
		Omit:  func(h *Household) bool { return !h.HasCaregiverFactor }},
	jsonx.Field[Household]{Name: "members",
		Read: func(d *jsonx.Decoder, h *Household) {
			d.Array(MaxMembers, func(int) {
				if h.Members == nil {
					h.Members = make([]Member, 0, 4) // most households, in one allocation
				}
				h.Members = append(h.Members, Member{}) // decoded in place, not copied in
				memberFields.Decode(d, &h.Members[len(h.Members)-1])
			})
		},
		Write: func(w *jsonx.Writer, h *Household) {
			w.BeginArray()
			for i := range h.Members {
				memberFields.Encode(w, &h.Members[i])
			}
			w.EndArray()
		}},
	jsonx.Field[Household]{Name: "property",
		Read: func(d *jsonx.Decoder, h *Household) {
			d.Array(MaxProperty, func(int) {
				var pr Property
				propertyFields.Decode(d, &pr)
				h.Property = append(h.Property, pr)
			})
		},
		Write: func(w *jsonx.Writer, h *Household) {
			w.BeginArray()
			for i := range h.Property {
				propertyFields.Encode(w, &h.Property[i])
			}
			w.EndArray()
		},
		Omit: func(h *Household) bool { return len(h.Property) == 0 }},
	jsonx.Field[Household]{Name: "expenditures",
		Read: func(d *jsonx.Decoder, h *Household) {
			d.Array(MaxExpenditures, func(int) {
				h.Expenditures = append(h.Expenditures, Expenditure{}) // decoded in place, not copied in
				expenditureFields.Decode(d, &h.Expenditures[len(h.Expenditures)-1])
			})
		},
		Write: func(w *jsonx.Writer, h *Household) {
			w.BeginArray()
			for i := range h.Expenditures {
				expenditureFields.Encode(w, &h.Expenditures[i])
			}
			w.EndArray()
		},
		Omit: func(h *Household) bool { return len(h.Expenditures) == 0 }},
)

// ReadChecked reads a household, as DecodeHouseholdAt does, from a decoder
// over a document already checked (strict JSON within the size limits)
// and at the household's value, reporting to the decoder's list: package
// payment reads a request's household through it, checked once with the
// request.
func ReadChecked(d *jsonx.Decoder, date standards.Date) Household {
	var h Household
	readHousehold(d, &h, date)
	return h
}

// DecodeHouseholdAt reads a household as a request carries it: every
// problem — those that need the assessment date included — is reported with
// its path under prefix ("household.members[0].birth_date"), from the
// household's own bytes.
func DecodeHouseholdAt(data []byte, date standards.Date, prefix string) (Household, []problem.Problem) {
	var p report.List
	d, ok := jsonx.Parse(data, MaxHouseholdSize, &p, prefix)
	var h Household
	if ok {
		readHousehold(d, &h, date)
	}
	return h, p.Problems()
}
