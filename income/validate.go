package income

import (
	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/internal/jsonw"
	"github.com/dibao-go/dibao/standards"
)

// Bounds on a household, chosen far above real households and low enough
// that exact sums in int64 units of 1/Grid fen cannot overflow:
// 1000 items × 10^9 fen × Grid < 2^63.
const (
	MaxMembers    = 50         // members in one household
	MaxItems      = 1000       // income items in one household
	MaxAmountYuan = 10_000_000 // |amount| of one income, property or expenditure item, in yuan
	MaxIDLength   = 64         // length of a member ID, in bytes
)

// Validate checks a household for an assessment on date and returns every
// problem as an *InputError, or nil. A zero date skips the checks that need
// one (birth dates after it, minors cared for).
func Validate(h *Household, date standards.Date) error {
	p := &jsonw.Problems{}
	validate(h, date, p, nil)
	return inputError(p)
}

// loc is a JSON path built only when a problem is reported, so that
// validating a good household allocates nothing:
// top[i].sub[j].field, with parts left out when empty or negative.
type loc struct {
	top   string
	i     int
	sub   string
	j     int
	field string
}

func at(top string) loc                { return loc{top: top, i: -1, j: -1} }
func item(top string, i int) loc       { return loc{top: top, i: i, j: -1} }
func (l loc) f(field string) loc       { l.field = field; return l }
func (l loc) in(sub string, j int) loc { l.sub, l.j = sub, j; return l }

func (l loc) String() string {
	s := l.top
	if l.i >= 0 {
		s = jsonw.Index(s, l.i)
	}
	if l.sub != "" {
		s = jsonw.Join(s, l.sub)
		if l.j >= 0 {
			s = jsonw.Index(s, l.j)
		}
	}
	if l.field != "" {
		s = jsonw.Join(s, l.field)
	}
	return s
}

// add records a problem unless the decoder already reported one at the path.
func add(p *jsonw.Problems, l loc, code ProblemCode, format string, args ...any) {
	path := l.String()
	if p.Has(path) {
		return
	}
	p.Add(path, code, format, args...)
}

var maxAmountFen = int64(MaxAmountYuan) * 100

// checkAmount checks an amount and returns it in fen (0 when it is bad).
func checkAmount(p *jsonw.Problems, d decimal.Decimal, l loc, mayBeNegative bool) int64 {
	fen, exact := fenOf(d)
	switch {
	case d.Sign() < 0 && !mayBeNegative:
		add(p, l, CodeNegative, "amount %s is negative", d)
	case !exact && !d.Equal(d.Truncate(2)):
		add(p, l, CodeTooPrecise, "amount %s has more than 2 decimal places", d)
	case !exact || fen > maxAmountFen || fen < -maxAmountFen:
		add(p, l, CodeOutOfRange, "amount %s is beyond %d yuan, too large to be a household's figure", d, MaxAmountYuan)
	default:
		return fen
	}
	return 0
}

// validate records every problem of the household, and appends each income
// item's amount in fen to fens (in household order), which it returns.
func validate(h *Household, date standards.Date, p *jsonw.Problems, fens []int64) []int64 {
	if !h.Region.IsValid() {
		add(p, at("region"), CodeRequired, "a six-digit region code is required")
	}
	if !enumValid(h.Basis, basisNames, true) {
		add(p, at("basis"), CodeBadCode, "unknown basis %d", h.Basis)
	}
	if !enumValid(h.Supporter, supporterNames, true) {
		add(p, at("supporter"), CodeBadCode, "unknown supporter standing %d", h.Supporter)
	}
	if h.Area != standards.AreaUrban && h.Area != standards.AreaRural {
		add(p, at("area"), CodeRequired, "area must be urban or rural")
	}
	if h.HasCaregiverFactor {
		// A factor with at most two decimals is a whole number of "fen".
		f := h.CaregiverFactor
		if pct, ok := fenOf(f); !ok {
			add(p, at("caregiver_factor"), CodeTooPrecise, "factor %s has more than 2 decimal places", f)
		} else if pct < 0 || pct > 100 {
			add(p, at("caregiver_factor"), CodeOutOfRange, "factor %s is outside [0, 1]", f)
		}
	}
	switch {
	case len(h.Members) == 0:
		add(p, at("members"), CodeEmpty, "a household needs at least one member")
		return fens
	case len(h.Members) > MaxMembers:
		add(p, at("members"), CodeTooLarge, "%d members; at most %d", len(h.Members), MaxMembers)
		return fens
	}
	applicants, items := 0, 0
	for i := range h.Members {
		m := &h.Members[i]
		mp := item("members", i)
		items += len(m.Incomes)
		if m.Relation == RelationApplicant {
			applicants++
		}
		fens = validateMember(h, i, m, mp, date, p, fens)
	}
	if applicants != 1 {
		add(p, at("members"), CodeApplicant, "%d members are the applicant; exactly one must be", applicants)
	}
	if items > MaxItems {
		add(p, at("members"), CodeTooLarge, "%d income items; at most %d", items, MaxItems)
	}
	for i, pr := range h.Property {
		pp := item("property", i)
		if !enumValid(pr.Kind, propertyNames, false) {
			add(p, pp.f("kind"), CodeBadCode, "unknown property kind")
		}
		checkAmount(p, pr.Value, pp.f("value"), false)
		if pr.Count < 0 || pr.Count > 1000 {
			add(p, pp.f("count"), CodeOutOfRange, "count %d is outside [0, 1000]", pr.Count)
		}
		checkRef(h, pr.Member, pp.f("member"), p)
	}
	for i, ex := range h.Expenditures {
		ep := item("expenditures", i)
		if !enumValid(ex.Kind, expenditureNames, false) {
			add(p, ep.f("kind"), CodeBadCode, "unknown expenditure kind")
		}
		checkAmount(p, ex.Amount, ep.f("amount"), false)
		checkRef(h, ex.Member, ep.f("member"), p)
	}
	return fens
}

func checkRef(h *Household, id string, l loc, p *jsonw.Problems) {
	if id != "" && h.memberIndex(id) < 0 {
		add(p, l, CodeUnknownMember, "no member has ID %q", id)
	}
}

// memberIndex returns the index of the member with the ID, or −1.
func (h *Household) memberIndex(id string) int {
	for i := range h.Members {
		if h.Members[i].ID == id {
			return i
		}
	}
	return -1
}

func validateMember(h *Household, i int, m *Member, mp loc, date standards.Date, p *jsonw.Problems, fens []int64) []int64 {
	switch {
	case m.ID == "":
		add(p, mp.f("id"), CodeRequired, "a member ID is required")
	case len(m.ID) > MaxIDLength:
		add(p, mp.f("id"), CodeOutOfRange, "member ID longer than %d bytes", MaxIDLength)
	case h.memberIndex(m.ID) < i:
		add(p, mp.f("id"), CodeDuplicate, "member ID %q is used by members[%d] too", m.ID, h.memberIndex(m.ID))
	}
	switch {
	case m.BirthDate.IsZero():
		add(p, mp.f("birth_date"), CodeRequired, "a birth date is required")
	case !date.IsZero() && m.BirthDate.After(date):
		add(p, mp.f("birth_date"), CodeFutureBirth, "born %s, after the assessment date %s", m.BirthDate, date)
	}
	if !enumValid(m.Relation, relationNames, false) {
		add(p, mp.f("relation"), CodeRequired, "relation to the applicant is required")
	}
	if !enumValid(m.Labour, labourNames, false) {
		add(p, mp.f("labour"), CodeRequired, "labour capacity is required")
	}
	if !enumValid(m.Disability.Category, disabilityNames, true) {
		add(p, mp.f("disability.category"), CodeBadCode, "unknown disability category")
	} else if m.Disability.Category != DisabilityNone && (m.Disability.Grade < 1 || m.Disability.Grade > 4) {
		add(p, mp.f("disability.grade"), CodeOutOfRange, "grade %d is outside 1–4", m.Disability.Grade)
	} else if m.Disability.Category == DisabilityNone && m.Disability.Grade != 0 {
		add(p, mp.f("disability.grade"), CodeBadReference, "a grade without a disability category")
	}
	if m.ServiceDisabilityGrade < 0 || m.ServiceDisabilityGrade > 10 {
		add(p, mp.f("service_disability_grade"), CodeOutOfRange, "grade %d is outside 1–10 (0 for none)", m.ServiceDisabilityGrade)
	}
	if !enumValid(m.Dependency, dependencyNames, true) {
		add(p, mp.f("dependency"), CodeBadCode, "unknown dependency")
	}
	if m.Workplace != (standards.Region{}) && !m.Workplace.IsValid() {
		add(p, mp.f("workplace"), CodeBadCode, "workplace is not a division code")
	}
	for j, id := range m.CaresFor {
		cp := mp.in("cares_for", j)
		k := h.memberIndex(id)
		switch {
		case k < 0:
			add(p, cp, CodeUnknownMember, "no member has ID %q", id)
		case k == i:
			add(p, cp, CodeBadReference, "a member cannot be their own caregiver")
		case indexOf(m.CaresFor, id) < j:
			add(p, cp, CodeDuplicate, "member %q listed twice", id)
		default:
			t := &h.Members[k]
			dependent := t.Dependency == DependencySemi || t.Dependency == DependencyFull
			minor := !date.IsZero() && !t.BirthDate.IsZero() && t.MinorOn(date)
			if !dependent && !minor && !date.IsZero() {
				add(p, cp, CodeBadReference, "member %q is neither 失能/半失能 nor a minor on %s (R14)", id, date)
			}
		}
	}
	hasWage := false
	for j := range m.Incomes {
		in := &m.Incomes[j]
		ip := mp.in("incomes", j)
		fens = append(fens, validateIncome(in, ip, p))
		hasWage = hasWage || in.Kind == standards.IncomeWage
	}
	if hasWage && m.Workplace == (standards.Region{}) {
		add(p, mp.f("workplace"), CodeMissingPlace, "a member with wage income needs a place of work for the employment-cost deduction (R13)")
	}
	return fens
}

func indexOf(l []string, s string) int {
	for i, x := range l {
		if x == s {
			return i
		}
	}
	return -1
}

func validateIncome(in *Income, ip loc, p *jsonw.Problems) int64 {
	if !in.Kind.Valid() {
		add(p, ip.f("kind"), CodeBadCode, "unknown income kind %q", in.Kind)
	}
	mayBeNegative := in.Kind == standards.IncomeBusinessNet || in.Kind == standards.IncomePropertyNet
	fen := checkAmount(p, in.Amount, ip.f("amount"), mayBeNegative)
	switch in.Period.Unit {
	case PerMonth, PerYear:
		if in.Period.Months != 0 {
			add(p, ip.f("months"), CodeBadReference, "months goes only with the period \"months\"")
		}
	case PerMonths:
		if in.Period.Months < 1 || in.Period.Months > 12 {
			add(p, ip.f("months"), CodeOutOfRange, "a total over %d months: the assessment averages over 1 to 12 months", in.Period.Months)
		}
	default:
		add(p, ip.f("period"), CodeRequired, "period must be monthly, annual or months")
	}
	if !enumValid(in.Verification, verificationNames, true) {
		add(p, ip.f("verification"), CodeBadCode, "unknown verification")
	}
	support := in.Kind == standards.IncomeSupportReceived || in.Kind == standards.IncomeSupportPaid
	switch {
	case !enumValid(in.Basis, supportBasisNames, true):
		add(p, ip.f("basis"), CodeBadCode, "unknown support basis")
	case support && in.Basis == SupportBasisUnset:
		add(p, ip.f("basis"), CodeRequired, "support payments need their basis: court_order, agreement or assessed (R12)")
	case !support && in.Basis != SupportBasisUnset:
		add(p, ip.f("basis"), CodeBadReference, "a basis goes only with support received or paid")
	}
	return fen
}
