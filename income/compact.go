package income

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Bounds on a household, documented and checked. They lie far above real
// households and keep every sum inside money's range (one billion yuan):
// validation adds each list up with checked sums and refuses a household
// whose items pass the range, and the bound on the monthly income keeps
// twelve months of it within range too.
const (
	MaxMembers      = 50         // members in one household
	MaxItems        = 1000       // income items in one household
	MaxProperty     = 1000       // property items in one household
	MaxExpenditures = 1000       // rigid-expenditure items in one household
	MaxAmountYuan   = 10_000_000 // |amount| of one income, property or expenditure item, in yuan
	MaxMonthlyYuan  = 50_000_000 // the household's monthly income items, added up without sign
	MaxIDLength     = 64         // bytes of a member ID
	MaxNoteLength   = 1000       // bytes of a note
	MaxCount        = 1000       // dwellings or vehicles of one property item
)

// Compact is a household in compact form: integer fields, members and
// items in slices the caller reuses (or views into a packed population). Member IDs are kept apart (the
// decoder's or the Household's), because no rule reads them. Rules run on
// this form; the general Household converts to it (CompactOf), and
// the batch decoders fill it directly from CSV or JSON lines without
// building a Household.
type Compact struct {
	Region             standards.Region
	Area               standards.Area
	Registration       Registration
	Supporter          Supporter
	Poverty            Poverty
	CaregiverFactor    money.Rate
	HasCaregiverFactor bool

	N            int             // members (Members holds them; N may exceed MaxMembers only in a household refused for it)
	Members      []CompactMember // the members, at most MaxMembers
	Items        []CompactIncome // every member's incomes, in member order
	Property     []CompactProperty
	Expenditures []CompactExpenditure
}

// CompactMember is a member in fixed-size form.
type CompactMember struct {
	BirthDate       standards.Date
	Relation        Relation
	Labour          Labour
	Dependency      Dependency
	Disability      standards.DisabilityCategory
	DisabilityGrade int32
	ServiceGrade    int32
	Flags           MemberFlags
	Workplace       standards.Region
	CaresFor        uint64 // bit i: cares for member i
	Groups          uint16 // bit g: in price-subsidy group g (standards.Group) on their own
	First, End      int32  // the member's incomes: Items[First:End]
}

// InGroup reports whether the member is in price-subsidy group g on their
// own (a SpecialCare member is in the special_care group).
func (m *CompactMember) InGroup(g standards.Group) bool {
	return g < 16 && m.Groups&(1<<g) != 0 || g == standards.GroupSpecialCare && m.Has(SpecialCare)
}

// MemberFlags are a member's yes/no facts.
type MemberFlags uint16

// Member facts.
const (
	SeriouslyIll MemberFlags = 1 << iota
	SpecialCare
	MartyrFamily
	ReturnedVeteran
	Student
)

// CompactIncome is an income item in fixed-size form.
type CompactIncome struct {
	Kind         standards.IncomeKind
	Unit         PeriodUnit
	Months       int32
	Verification Verification
	Basis        SupportBasis
	ExemptFrom   Giver
	Amount       money.Amount
}

// CompactProperty is a property item; Member is −1 for the household.
type CompactProperty struct {
	Kind   PropertyKind
	Exempt bool
	Member int32
	Count  int32
	Value  money.Amount
}

// CompactExpenditure is a rigid-expenditure item; Member is −1 for none.
type CompactExpenditure struct {
	Kind   ExpenditureKind
	Member int32
	Amount money.Amount
}

// Reset empties c for reuse, keeping its slices' storage.
func (c *Compact) Reset() {
	members, items, prop, exp := c.Members[:0], c.Items[:0], c.Property[:0], c.Expenditures[:0]
	*c = Compact{}
	c.Members, c.Items, c.Property, c.Expenditures = members, items, prop, exp
}

// Member returns member i.
func (c *Compact) Member(i int) *CompactMember { return &c.Members[i] }

// Incomes returns member i's income items.
func (c *Compact) Incomes(i int) []CompactIncome {
	m := &c.Members[i]
	return c.Items[m.First:m.End]
}

// Household returns the general form of c, its members named by ids, or
// by their places ("1" for the first) when ids is nil, so that a household
// read or drawn in the compact form can be decided by payment.Decide or
// written as JSON. A form CheckCompact refuses, or ids naming fewer members
// than c has, is an error with its problems. For a form ValidateCompact
// accepts with the same ids, CompactOf of the result gives c back.
func (c *Compact) Household(ids IDs) (Household, error) {
	if err := CheckCompact(c); err != nil {
		return Household{}, err
	}
	if ids != nil && len(ids) < c.N {
		var p report.List
		p.Add("members", report.MsgTooManyItems, report.Int("n", int64(c.N)), report.Int("max", int64(len(ids))))
		return Household{}, p.Err(problem.SubjectHousehold)
	}
	name := func(i int) string {
		if i < len(ids) {
			return ids[i]
		}
		return strconv.Itoa(i + 1)
	}
	h := Household{Region: c.Region, Area: c.Area, Registration: c.Registration, Supporter: c.Supporter, Poverty: c.Poverty,
		CaregiverFactor: c.CaregiverFactor, HasCaregiverFactor: c.HasCaregiverFactor, Members: make([]Member, c.N)}
	for i := range c.N {
		m := &c.Members[i]
		gm := &h.Members[i]
		*gm = Member{ID: name(i), BirthDate: m.BirthDate, Relation: m.Relation, Labour: m.Labour, Dependency: m.Dependency,
			Disability:             Disability{Category: m.Disability, Grade: int(m.DisabilityGrade)},
			ServiceDisabilityGrade: int(m.ServiceGrade), Workplace: m.Workplace,
			SeriousIllness: m.Has(SeriouslyIll), SpecialCare: m.Has(SpecialCare), MartyrFamily: m.Has(MartyrFamily),
			ReturnedVeteran: m.Has(ReturnedVeteran), Student: m.Has(Student)}
		for k := range c.N {
			if m.CaresFor&(1<<uint(k)) != 0 {
				gm.CaresFor = append(gm.CaresFor, name(k))
			}
		}
		for g := standards.Group(0); g < 16; g++ {
			if m.Groups&(1<<g) != 0 {
				gm.Groups = append(gm.Groups, g)
			}
		}
		for _, in := range c.Items[m.First:m.End] {
			gm.Incomes = append(gm.Incomes, Income{Kind: in.Kind, Amount: in.Amount, Period: Period{Unit: in.Unit, Months: int(in.Months)},
				Verification: in.Verification, Basis: in.Basis, ExemptFrom: in.ExemptFrom})
		}
	}
	ref := func(k int32) string {
		if k < 0 {
			return ""
		}
		return name(int(k))
	}
	for _, p := range c.Property {
		h.Property = append(h.Property, Property{Kind: p.Kind, Value: p.Value, Count: int(p.Count), Member: ref(p.Member), Exempt: p.Exempt})
	}
	for _, e := range c.Expenditures {
		h.Expenditures = append(h.Expenditures, Expenditure{Kind: e.Kind, Amount: e.Amount, Member: ref(e.Member)})
	}
	return h, nil
}

// Has reports whether member i has all the facts f.
func (m *CompactMember) Has(f MemberFlags) bool { return m.Flags&f == f }

// Follows reports whether the member's incomes are the run of the item
// list that begins at next, within a list of n items: a validated form's
// members each take the run after the one before.
func (m *CompactMember) Follows(next int32, n int) bool {
	return m.First == next && m.End >= m.First && int(m.End) <= n
}

// AgeOn returns the member's age in whole years on date d.
func (m *CompactMember) AgeOn(d standards.Date) int { return AgeOn(m.BirthDate, d) }

// Severe reports a 重度残疾 (grade 1 or 2).
func (m *CompactMember) Severe() bool {
	return m.Disability != standards.DisabilityNone && (m.DisabilityGrade == 1 || m.DisabilityGrade == 2)
}

// DisabledFromWork reports a disability that takes labour capacity for
// 特困 (特困人员认定办法 第六条): intellectual or psychiatric of grades 1–3,
// physical of grades 1–2, visual of grade 1.
func (m *CompactMember) DisabledFromWork() bool {
	cat, g := m.Disability, m.DisabilityGrade
	return (cat == standards.DisabilityIntellectual || cat == standards.DisabilityPsychiatric) && g >= 1 && g <= 3 ||
		cat == standards.DisabilityPhysical && (g == 1 || g == 2) ||
		cat == standards.DisabilityVisual && g == 1
}

func clamp32(n int) int32 {
	switch {
	case n > math.MaxInt32:
		return math.MaxInt32
	case n < math.MinInt32:
		return math.MinInt32
	}
	return int32(n)
}

// Find returns the index of the member with the ID, or −1.
func (x IDs) Find(id string) int {
	for i, s := range x {
		if s == id {
			return i
		}
	}
	return -1
}

// checkIDs reports member IDs that are missing, too long or repeated.
func (x IDs) check(p *report.List) {
	for i, id := range x {
		if id != "" && len(id) <= MaxIDLength && utf8.ValidString(id) && !hasControl(id) && x.Find(id) == i {
			continue // the common case, without building the path
		}
		path := problem.Join(problem.Index("members", i), "id")
		switch {
		case id == "":
			p.AddOnce(path, report.MsgRequired)
		case len(id) > MaxIDLength:
			p.AddOnce(path, report.MsgTooLong, report.Int("max", MaxIDLength))
		case !utf8.ValidString(id):
			p.AddOnce(path, report.MsgInvalidUTF8, report.Int("offset", int64(text.InvalidAt(id))))
		case hasControl(id):
			p.AddOnce(path, report.MsgNulChar)
		default:
			if j := x.Find(id); j < i {
				p.AddOnce(path, report.MsgMemberIDDuplicate, report.Str("id", id), report.Str("other", problem.Index("members", j)))
			}
		}
	}
}

// hasControl reports a control character (U+0000–U+001F, U+007F–U+009F)
// in s: an ID is printed in explanations and records, one line each.
func hasControl(s string) bool {
	for _, r := range s {
		if r < 0x20 || r >= 0x7f && r <= 0x9f {
			return true
		}
	}
	return false
}

// ref resolves an optional member reference ("" → −1), reporting an
// unknown ID at the path of field in the list's item i, e.g.
// members[1].cares_for[0] (j ≥ 0) or property[2].member (j < 0).
func (x IDs) ref(id string, list string, i int, field string, j int, p *report.List) int32 {
	if id == "" {
		return -1
	}
	k := x.Find(id)
	if k < 0 {
		p.AddOnce(itemPath(list, i, field, j), report.MsgUnknownMember, report.Str("id", id))
	}
	return int32(k)
}

// itemPath is list[i].field, or list[i].field[j] when j ≥ 0: built only
// for a problem.
func itemPath(list string, i int, field string, j int) string {
	path := problem.Join(problem.Index(list, i), field)
	if j >= 0 {
		path = problem.Index(path, j)
	}
	return path
}

// Compact converts h into dst, reporting what only the general form can
// be wrong about: member IDs, references by ID, notes. The rest is checked
// on the compact form (validate).
func (h *Household) compact(dst *Compact, p *report.List) IDs {
	dst.Reset()
	dst.Region, dst.Area, dst.Registration, dst.Supporter, dst.Poverty = h.Region, h.Area, h.Registration, h.Supporter, h.Poverty
	dst.CaregiverFactor, dst.HasCaregiverFactor = h.CaregiverFactor, h.HasCaregiverFactor
	n := min(len(h.Members), MaxMembers)
	dst.N = len(h.Members)
	x := make(IDs, n)
	for i := range n {
		x[i] = h.Members[i].ID
	}
	if len(h.Members) > MaxMembers {
		return x
	}
	if cap(dst.Members) < n {
		dst.Members = make([]CompactMember, n) // a throwaway form (a decoder's check) holds only these; a reused one grows to its largest
	}
	dst.Members = dst.Members[:n]
	x.check(p)
	for i := range h.Members {
		m := &h.Members[i]
		cm := &dst.Members[i]
		*cm = CompactMember{BirthDate: m.BirthDate, Relation: m.Relation, Labour: m.Labour, Dependency: m.Dependency,
			Disability: m.Disability.Category, DisabilityGrade: clamp32(m.Disability.Grade),
			ServiceGrade: clamp32(m.ServiceDisabilityGrade), Workplace: m.Workplace}
		for _, f := range []struct {
			on bool
			f  MemberFlags
		}{{m.SeriousIllness, SeriouslyIll}, {m.SpecialCare, SpecialCare}, {m.MartyrFamily, MartyrFamily},
			{m.ReturnedVeteran, ReturnedVeteran}, {m.Student, Student}} {
			if f.on {
				cm.Flags |= f.f
			}
		}
		for j, g := range m.Groups {
			switch {
			case !MemberGroup(g):
				p.AddOnce(itemPath("members", i, "groups", j), report.MsgBadEnum, report.Str("value", g.String()),
					report.Choices("allowed", "unemployment_insurance, special_care, orphan, de_facto_orphan or hiv_affected_child"))
			case cm.Groups&(1<<g) != 0:
				p.AddOnce(itemPath("members", i, "groups", j), report.MsgDuplicateValue, report.Str("value", g.String()))
			default:
				cm.Groups |= 1 << g
			}
		}
		for j, id := range m.CaresFor {
			k := x.ref(id, "members", i, "cares_for", j, p)
			switch {
			case k < 0:
			case cm.CaresFor&(1<<uint(k)) != 0:
				p.AddOnce(itemPath("members", i, "cares_for", j), report.MsgDuplicateValue, report.Str("value", id))
			default:
				cm.CaresFor |= 1 << uint(k)
			}
		}
		cm.First = int32(len(dst.Items))
		for j := range m.Incomes {
			in := &m.Incomes[j]
			if len(in.Note) > MaxNoteLength {
				p.AddOnce(incomePath(i, j, "note"), report.MsgTooLong, report.Int("max", MaxNoteLength))
			} else if !utf8.ValidString(in.Note) {
				p.AddOnce(incomePath(i, j, "note"), report.MsgInvalidUTF8, report.Int("offset", int64(text.InvalidAt(in.Note))))
			}
			dst.Items = append(dst.Items, CompactIncome{Kind: in.Kind, Unit: in.Period.Unit, Months: clamp32(in.Period.Months),
				Verification: in.Verification, Basis: in.Basis, ExemptFrom: in.ExemptFrom, Amount: in.Amount})
		}
		cm.End = int32(len(dst.Items))
	}
	if len(h.Property) > MaxProperty {
		p.AddOnce("property", report.MsgTooManyItems, report.Int("n", int64(len(h.Property))), report.Int("max", MaxProperty))
	}
	if len(h.Expenditures) > MaxExpenditures {
		p.AddOnce("expenditures", report.MsgTooManyItems, report.Int("n", int64(len(h.Expenditures))), report.Int("max", MaxExpenditures))
	}
	for i, pr := range h.Property {
		if i == MaxProperty {
			break
		}
		dst.Property = append(dst.Property, CompactProperty{Kind: pr.Kind, Exempt: pr.Exempt, Count: clamp32(pr.Count),
			Value: pr.Value, Member: x.ref(pr.Member, "property", i, "member", -1, p)})
	}
	for i, ex := range h.Expenditures {
		if i == MaxExpenditures {
			break
		}
		dst.Expenditures = append(dst.Expenditures, CompactExpenditure{Kind: ex.Kind, Amount: ex.Amount,
			Member: x.ref(ex.Member, "expenditures", i, "member", -1, p)})
	}
	return x
}
