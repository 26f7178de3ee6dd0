package income

import (
	"github.com/dibao-go/dibao/internal/jsonw"
	"github.com/dibao-go/dibao/standards"
)

// MaxHouseholdSize is the largest household document DecodeHousehold accepts (1 MiB).
const MaxHouseholdSize = 1 << 20

// DecodeHousehold reads a household in the JSON form documented in the
// package documentation. It reports every problem at once as an *InputError:
// syntax, unknown fields, wrong types, unknown kinds and enum values, and
// everything Validate finds without an assessment date.
func DecodeHousehold(data []byte) (Household, error) {
	return decodeHousehold(data, standards.Date{})
}

// decodeHousehold decodes and validates for a date (zero: no date checks).
func decodeHousehold(data []byte, date standards.Date) (Household, error) {
	p := &jsonw.Problems{}
	root, ok := jsonw.Parse(data, MaxHouseholdSize, p)
	if !ok {
		return Household{}, inputError(p)
	}
	var h Household
	if o, ok := jsonw.AsObject(p, root, ""); ok {
		decodeInto(&h, o, p)
		validate(&h, date, p, nil)
	}
	if err := inputError(p); err != nil {
		return Household{}, err
	}
	return h, nil
}

// enumField reads an enum by name; absent gives the zero value.
func enumField[E enum](o *jsonw.Object, key string, names []string, p *jsonw.Problems) E {
	s := o.Str(key, false)
	if s == "" {
		return 0
	}
	e, ok := enumParse[E](s, names)
	if !ok {
		p.Add(jsonw.Join(o.Path(), key), CodeBadCode, "unknown %s %q", key, s)
	}
	return e
}

func decodeInto(h *Household, o *jsonw.Object, p *jsonw.Problems) {
	h.Region = jsonw.Parsed(o, "region", false, CodeBadCode, standards.ParseRegion)
	h.Basis = enumField[Basis](o, "basis", basisNames, p)
	h.Supporter = enumField[Supporter](o, "supporter", supporterNames, p)
	if a, err := standards.ParseArea(o.Str("area", false)); err != nil {
		p.Add("area", CodeBadCode, "%v", err)
	} else {
		h.Area = a
	}
	if f, ok := o.Decimal("caregiver_factor", false); ok {
		h.CaregiverFactor, h.HasCaregiverFactor = f, true
	}
	o.Each("members", false, func(i int, mo *jsonw.Object) {
		var m Member
		m.ID = mo.Str("id", false)
		m.BirthDate = jsonw.Parsed(mo, "birth_date", false, CodeBadDate, standards.ParseDate)
		m.Relation = enumField[Relation](mo, "relation", relationNames, p)
		m.Labour = enumField[Labour](mo, "labour", labourNames, p)
		if dv, dp, ok := mo.Get("disability"); ok {
			if do, ok := jsonw.AsObject(p, dv, dp); ok {
				m.Disability.Category = enumField[DisabilityCategory](do, "category", disabilityNames, p)
				m.Disability.Grade, _ = do.Int("grade", false)
				do.Close()
			}
		}
		m.SeriousIllness = mo.Bool("serious_illness")
		m.ServiceDisabilityGrade, _ = mo.Int("service_disability_grade", false)
		m.SpecialCare = mo.Bool("special_care")
		m.MartyrFamily = mo.Bool("martyr_family")
		m.ReturnedVeteran = mo.Bool("returned_veteran")
		m.Student = mo.Bool("student")
		m.Dependency = enumField[Dependency](mo, "dependency", dependencyNames, p)
		m.Workplace = jsonw.Parsed(mo, "workplace", false, CodeBadCode, standards.ParseRegion)
		if cv, cp, ok := mo.Get("cares_for"); ok {
			if arr, ok := jsonw.AsArray(p, cv, cp); ok {
				for j, x := range arr {
					if s, ok := jsonw.String(p, x, jsonw.Index(cp, j)); ok {
						m.CaresFor = append(m.CaresFor, s)
					}
				}
			}
		}
		mo.Each("incomes", false, func(j int, io *jsonw.Object) {
			var in Income
			if k := io.Str("kind", false); k != "" {
				in.Kind = standards.IncomeKind(k)
				if !in.Kind.Valid() {
					p.Add(jsonw.Join(io.Path(), "kind"), CodeBadCode, "unknown income kind %q", k)
				}
			}
			in.Amount, _ = io.Decimal("amount", true)
			in.Period.Unit = enumField[PeriodUnit](io, "period", periodNames, p)
			in.Period.Months, _ = io.Int("months", false)
			in.Verification = enumField[Verification](io, "verification", verificationNames, p)
			in.Basis = enumField[SupportBasis](io, "basis", supportBasisNames, p)
			in.Note = io.Str("note", false)
			m.Incomes = append(m.Incomes, in)
		})
		h.Members = append(h.Members, m)
	})
	o.Each("property", false, func(i int, po *jsonw.Object) {
		var pr Property
		pr.Kind = enumField[PropertyKind](po, "kind", propertyNames, p)
		pr.Value, _ = po.Decimal("value", true)
		pr.Count, _ = po.Int("count", false)
		pr.Member = po.Str("member", false)
		pr.Exempt = po.Bool("exempt")
		h.Property = append(h.Property, pr)
	})
	o.Each("expenditures", false, func(i int, eo *jsonw.Object) {
		var ex Expenditure
		ex.Kind = enumField[ExpenditureKind](eo, "kind", expenditureNames, p)
		ex.Amount, _ = eo.Decimal("amount", true)
		ex.Member = eo.Str("member", false)
		h.Expenditures = append(h.Expenditures, ex)
	})
	o.Close()
}

type householdJSON struct {
	Region          string            `json:"region"`
	Basis           string            `json:"basis,omitempty"`
	Supporter       string            `json:"supporter,omitempty"`
	Area            string            `json:"area"`
	CaregiverFactor string            `json:"caregiver_factor,omitempty"`
	Members         []memberJSON      `json:"members"`
	Property        []propertyJSON    `json:"property,omitempty"`
	Expenditures    []expenditureJSON `json:"expenditures,omitempty"`
}

type memberJSON struct {
	ID                     string          `json:"id"`
	BirthDate              string          `json:"birth_date"`
	Relation               string          `json:"relation"`
	Labour                 string          `json:"labour"`
	Disability             *disabilityJSON `json:"disability,omitempty"`
	SeriousIllness         bool            `json:"serious_illness,omitempty"`
	ServiceDisabilityGrade int             `json:"service_disability_grade,omitempty"`
	SpecialCare            bool            `json:"special_care,omitempty"`
	MartyrFamily           bool            `json:"martyr_family,omitempty"`
	ReturnedVeteran        bool            `json:"returned_veteran,omitempty"`
	Student                bool            `json:"student,omitempty"`
	Dependency             string          `json:"dependency,omitempty"`
	Workplace              string          `json:"workplace,omitempty"`
	CaresFor               []string        `json:"cares_for,omitempty"`
	Incomes                []incomeJSON    `json:"incomes,omitempty"`
}

type disabilityJSON struct {
	Category string `json:"category"`
	Grade    int    `json:"grade"`
}

type incomeJSON struct {
	Kind         string `json:"kind"`
	Amount       string `json:"amount"`
	Period       string `json:"period"`
	Months       int    `json:"months,omitempty"`
	Verification string `json:"verification,omitempty"`
	Basis        string `json:"basis,omitempty"`
	Note         string `json:"note,omitempty"`
}

type propertyJSON struct {
	Kind   string `json:"kind"`
	Value  string `json:"value"`
	Count  int    `json:"count,omitempty"`
	Member string `json:"member,omitempty"`
	Exempt bool   `json:"exempt,omitempty"`
}

type expenditureJSON struct {
	Kind   string `json:"kind"`
	Amount string `json:"amount"`
	Member string `json:"member,omitempty"`
}

// EncodeHousehold writes a household in the documented JSON form; amounts are
// strings. DecodeHousehold reads it back unchanged.
func EncodeHousehold(h *Household) ([]byte, error) {
	hj := householdJSON{Region: h.Region.String(), Area: h.Area.String(), Supporter: h.Supporter.String()}
	if h.Basis != BasisHukou {
		hj.Basis = h.Basis.String()
	}
	if h.HasCaregiverFactor {
		hj.CaregiverFactor = h.CaregiverFactor.String()
	}
	for _, m := range h.Members {
		mj := memberJSON{ID: m.ID, BirthDate: m.BirthDate.String(), Relation: m.Relation.String(), Labour: m.Labour.String(),
			SeriousIllness: m.SeriousIllness, ServiceDisabilityGrade: m.ServiceDisabilityGrade, SpecialCare: m.SpecialCare,
			MartyrFamily: m.MartyrFamily, ReturnedVeteran: m.ReturnedVeteran, Student: m.Student,
			Workplace: m.Workplace.String(), CaresFor: m.CaresFor}
		if m.Disability.Category != DisabilityNone {
			mj.Disability = &disabilityJSON{Category: m.Disability.Category.String(), Grade: m.Disability.Grade}
		}
		if m.Dependency != DependencyNone {
			mj.Dependency = m.Dependency.String()
		}
		for _, in := range m.Incomes {
			ij := incomeJSON{Kind: string(in.Kind), Amount: in.Amount.String(), Period: in.Period.Unit.String(),
				Months: in.Period.Months, Note: in.Note}
			if in.Verification != Verified {
				ij.Verification = in.Verification.String()
			}
			if in.Basis != SupportBasisUnset {
				ij.Basis = in.Basis.String()
			}
			mj.Incomes = append(mj.Incomes, ij)
		}
		hj.Members = append(hj.Members, mj)
	}
	for _, pr := range h.Property {
		hj.Property = append(hj.Property, propertyJSON{Kind: pr.Kind.String(), Value: pr.Value.String(),
			Count: pr.Count, Member: pr.Member, Exempt: pr.Exempt})
	}
	for _, ex := range h.Expenditures {
		hj.Expenditures = append(hj.Expenditures, expenditureJSON{Kind: ex.Kind.String(), Amount: ex.Amount.String(), Member: ex.Member})
	}
	return jsonw.Indent(hj)
}
