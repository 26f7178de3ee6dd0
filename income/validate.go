package income

import (
	"time"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

var (
	maxAmount  = money.MustParse("10000000")
	maxMonthly = money.MustParse("50000000")
	maxTotal   = money.MustParse("1000000000")
)

// Validate checks a household for an assessment on date and returns every
// problem as a *problem.Error, or nil. A zero date skips the checks that
// need one (birth dates after it, minors cared for).
func Validate(h *Household, date standards.Date) error {
	var p report.List
	var c Compact
	x := h.compact(&c, &p)
	validate(&c, x, date, &p)
	return p.Err(problem.SubjectHousehold)
}

// path builds a problem path only when a problem is reported, so that
// validating a good household allocates nothing.
func memberPath(i int, field string) string {
	return problem.Join(problem.Index("members", i), field)
}

func incomePath(i, j int, field string) string {
	return problem.Join(problem.Index(problem.Join(problem.Index("members", i), "incomes"), j), field)
}

// checkAmount checks an item's amount: not negative unless allowed, at most
// MaxAmountYuan in magnitude.
func checkAmount(p *report.List, a money.Amount, mayBeNegative bool, path func() string) bool {
	switch {
	case !a.IsFen():
		p.AddOnce(path(), report.MsgTooPrecise, report.Str("value", a.String()), report.Int("places", 2))
	case a.Sign() < 0 && !mayBeNegative:
		p.AddOnce(path(), report.MsgNegative, report.Str("value", a.String()))
	case a.Abs().Cmp(maxAmount) > 0:
		p.AddOnce(path(), report.MsgAmountRange, report.Str("value", a.String()), report.Money("min", maxAmount.Neg()), report.Money("max", maxAmount))
	default:
		return true
	}
	return false
}

// validate records every problem of the compact household c (member IDs in
// x) for an assessment on date (zero: skip the date checks). It is the one
// validation behind every decoder.
func validate(c *Compact, x IDs, date standards.Date, p *report.List) {
	validateFields(c, p)
	switch {
	case c.N == 0:
		p.AddOnce("members", report.MsgNoMembers)
		return
	case c.N > MaxMembers:
		p.AddOnce("members", report.MsgTooManyItems, report.Int("n", int64(c.N)), report.Int("max", MaxMembers))
		return
	}
	if len(c.Items) > MaxItems {
		p.AddOnce("members", report.MsgTooManyItems, report.Int("n", int64(len(c.Items))), report.Int("max", MaxItems))
		return
	}
	validateLists(c, x, date, p)
}

// validateFields records the problems of the household's own fields: those
// validate reports whatever its lists hold.
func validateFields(c *Compact, p *report.List) {
	bad := c.Fields()
	if bad&badRegion != 0 {
		p.AddOnce("region", report.MsgRegionCounty)
	}
	if bad&badRegistration != 0 {
		p.AddOnce("basis", report.MsgBadEnum, report.Str("value", c.Registration.String()), report.Choices("allowed", registrationNames.List()))
	}
	if bad&badSupporter != 0 {
		p.AddOnce("supporter", report.MsgBadEnum, report.Str("value", c.Supporter.String()), report.Choices("allowed", supporterNames.List()))
	}
	if bad&badPoverty != 0 {
		p.AddOnce("poverty", report.MsgBadEnum, report.Str("value", c.Poverty.String()), report.Choices("allowed", povertyNames.List()))
	}
	if bad&badArea != 0 {
		p.AddOnce("area", report.MsgAreaUrbanRural)
	}
	if bad&badFactor != 0 {
		p.AddOnce("caregiver_factor", report.MsgFactorRange, report.Str("value", c.CaregiverFactor.String()))
	}
}

// The household's own fields, as bits of Fields' answer.
const (
	badRegion = 1 << iota
	badRegistration
	badSupporter
	badPoverty
	badArea
	badFactor
)

// Fields reports which of the household's own fields (region, basis,
// supporter, poverty, area class, caregiver factor) break the rules
// Validate holds them to, one bit each: 0 when none does.
func (c *Compact) Fields() uint8 {
	// The enums by their last value, as their tables name them
	// (TestFieldsByRange holds the two to each other).
	bad := bits(!c.Region.IsValid(), badRegion) | bits(c.Registration > RegistrationResidence, badRegistration) |
		bits(c.Supporter > SupporterAble, badSupporter) | bits(c.Poverty > PovertyMonitored, badPoverty) |
		bits(c.Area != standards.AreaUrban && c.Area != standards.AreaRural, badArea)
	if c.HasCaregiverFactor && !factorOK(c.CaregiverFactor) {
		bad |= badFactor
	}
	return bad
}

// bits is b when set, else 0.
func bits(set bool, b uint8) uint8 {
	if set {
		return b
	}
	return 0
}

// factorOK reports a caregiver factor of at most two decimals from 0 to 1.
func factorOK(f money.Rate) bool {
	_, two := f.Hundredths()
	return two && f.Sign() >= 0 && f.Cmp(money.One) <= 0
}

// validateLists records the problems of the members and their items, of
// a household within the lists' bounds.
func validateLists(c *Compact, x IDs, date standards.Date, p *report.List) {
	applicants := 0
	var monthly money.Sum
	for i := 0; i < c.N; i++ {
		m := &c.Members[i]
		if m.Relation == RelationApplicant {
			applicants++
		}
		validateMember(c, x, i, m, date, p, &monthly)
	}
	if applicants != 1 {
		p.AddOnce("members", report.MsgApplicant, report.Int("n", int64(applicants)))
	}
	if total, ok := monthly.Amount(); !ok || total.Cmp(maxMonthly) > 0 {
		p.AddOnce("members", report.MsgTotalRange, report.Money("max", maxMonthly))
	}
	var sum money.Sum
	for i := range c.Property {
		pr := &c.Property[i]
		if !propertyNames.Valid(pr.Kind) {
			p.AddOnce(problem.Join(problem.Index("property", i), "kind"), report.MsgBadEnum, report.Str("value", pr.Kind.String()), report.Choices("allowed", propertyNames.List()))
		}
		if checkAmount(p, pr.Value, false, func() string { return problem.Join(problem.Index("property", i), "value") }) {
			sum.Add(pr.Value)
		}
		if pr.Count < 0 || pr.Count > MaxCount {
			p.AddOnce(problem.Join(problem.Index("property", i), "count"), report.MsgCountRange, report.Int("n", int64(pr.Count)), report.Int("max", MaxCount))
		}
	}
	if _, ok := sum.Amount(); !ok {
		p.AddOnce("property", report.MsgTotalRange, report.Money("max", maxTotal))
	}
	var spent money.Sum
	for i := range c.Expenditures {
		ex := &c.Expenditures[i]
		if !expenditureNames.Valid(ex.Kind) {
			p.AddOnce(problem.Join(problem.Index("expenditures", i), "kind"), report.MsgBadEnum, report.Str("value", ex.Kind.String()), report.Choices("allowed", expenditureNames.List()))
		}
		if checkAmount(p, ex.Amount, false, func() string { return problem.Join(problem.Index("expenditures", i), "amount") }) {
			spent.Add(ex.Amount)
		}
	}
	if _, ok := spent.Amount(); !ok {
		p.AddOnce("expenditures", report.MsgTotalRange, report.Money("max", maxTotal))
	}
}

func validateMember(c *Compact, x IDs, i int, m *CompactMember, date standards.Date, p *report.List, monthly *money.Sum) {
	switch {
	case m.BirthDate.IsZero():
		p.AddOnce(memberPath(i, "birth_date"), report.MsgRequired)
	case !date.IsZero() && m.BirthDate.After(date):
		p.AddOnce(memberPath(i, "birth_date"), report.MsgFutureBirth, dateArg("born", m.BirthDate), dateArg("date", date))
	}
	if !relationNames.Valid(m.Relation) {
		p.AddOnce(memberPath(i, "relation"), report.MsgRequired)
	}
	if !labourNames.Valid(m.Labour) {
		p.AddOnce(memberPath(i, "labour"), report.MsgRequired)
	}
	switch {
	case m.Disability != standards.DisabilityNone && !m.Disability.Valid():
		p.AddOnce(memberPath(i, "disability.category"), report.MsgBadEnum, report.Str("value", m.Disability.String()), report.Choices("allowed", "visual, hearing, speech, physical, intellectual, psychiatric or multiple"))
	case m.Disability != standards.DisabilityNone && (m.DisabilityGrade < 1 || m.DisabilityGrade > 4):
		p.AddOnce(memberPath(i, "disability.grade"), report.MsgGradeRange, report.Int("grade", int64(m.DisabilityGrade)))
	case m.Disability == standards.DisabilityNone && m.DisabilityGrade != 0:
		p.AddOnce(memberPath(i, "disability.grade"), report.MsgGradeWithoutCategory)
	}
	if m.ServiceGrade < 0 || m.ServiceGrade > 10 {
		p.AddOnce(memberPath(i, "service_disability_grade"), report.MsgServiceGrade, report.Int("grade", int64(m.ServiceGrade)))
	}
	if !dependencyNames.Valid(m.Dependency) {
		p.AddOnce(memberPath(i, "dependency"), report.MsgBadEnum, report.Str("value", m.Dependency.String()), report.Choices("allowed", dependencyNames.List()))
	}
	if m.Workplace != (standards.Region{}) && !m.Workplace.IsValid() {
		p.AddOnce(memberPath(i, "workplace"), report.MsgBadRegion, report.Str("value", m.Workplace.String()))
	}
	if m.Groups&^memberGroupMask != 0 {
		p.AddOnce(memberPath(i, "groups"), report.MsgBadEnum, report.Str("value", "?"),
			report.Choices("allowed", "unemployment_insurance, special_care, orphan, de_facto_orphan or hiv_affected_child"))
	}
	if m.CaresFor>>uint(c.N) != 0 {
		p.AddOnce(memberPath(i, "cares_for"), report.MsgUnknownMember, report.Str("id", "?"))
	}
	for k := 0; k < c.N; k++ {
		if m.CaresFor&(1<<uint(k)) == 0 {
			continue
		}
		switch t := &c.Members[k]; {
		case k == i:
			p.AddOnce(memberPath(i, "cares_for"), report.MsgSelfCare)
		case date.IsZero() || t.BirthDate.IsZero():
		case t.Dependency == DependencyNone && t.AgeOn(date) >= 18:
			p.AddOnce(memberPath(i, "cares_for"), report.MsgNotDependent, report.Str("id", idOf(x, k)), dateArg("date", date))
		}
	}
	hasWage := false
	if m.First < 0 || m.End < m.First || int(m.End) > len(c.Items) {
		return
	}
	for j := range int(m.End - m.First) {
		in := &c.Items[int(m.First)+j]
		hasWage = hasWage || in.Kind == standards.IncomeWage
		validateIncome(in, i, j, p, monthly)
	}
	if hasWage && m.Workplace == (standards.Region{}) {
		p.AddOnce(memberPath(i, "workplace"), report.MsgMissingWorkplace)
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

func validateIncome(in *CompactIncome, i, j int, p *report.List, monthly *money.Sum) {
	if !in.Kind.Valid() {
		badKind(p, i, j, in.Kind)
	}
	ok := checkAmount(p, in.Amount, in.Kind.MayBeNegative(), func() string { return incomePath(i, j, "amount") })
	switch in.Unit {
	case PerMonth, PerYear:
		if in.Months != 0 {
			p.AddOnce(incomePath(i, j, "months"), report.MsgMonthsOnlyTotal)
		}
	case PerTotal:
		if in.Months < 0 || in.Months > 12 {
			p.AddOnce(incomePath(i, j, "months"), report.MsgMonthsRange, report.Int("n", int64(in.Months)))
		}
	default:
		p.AddOnce(incomePath(i, j, "period"), report.MsgRequired)
		ok = false
	}
	if ok {
		m, _ := in.Amount.QuoInt(Period{Unit: in.Unit}.divisor()) // exact: whole fen ÷ 1 or 12
		monthly.Add(m.Abs())
	}
	if !verificationNames.Valid(in.Verification) {
		p.AddOnce(incomePath(i, j, "verification"), report.MsgBadEnum, report.Str("value", in.Verification.String()), report.Choices("allowed", verificationNames.List()))
	}
	support := in.Kind == standards.IncomeSupportReceived || in.Kind == standards.IncomeSupportPaid
	switch {
	case in.Basis != SupportBasisUnset && !supportBasisNames.Valid(in.Basis):
		p.AddOnce(incomePath(i, j, "basis"), report.MsgBadEnum, report.Str("value", in.Basis.String()), report.Choices("allowed", supportBasisNames.List()))
	case support && in.Basis == SupportBasisUnset:
		p.AddOnce(incomePath(i, j, "basis"), report.MsgSupportBasis)
	case !support && in.Basis != SupportBasisUnset:
		p.AddOnce(incomePath(i, j, "basis"), report.MsgBasisOnlySupport)
	}
	switch {
	case in.ExemptFrom != GiverNone && !giverNames.Valid(in.ExemptFrom):
		p.AddOnce(incomePath(i, j, "exempt_from"), report.MsgBadEnum, report.Str("value", in.ExemptFrom.String()), report.Choices("allowed", giverNames.List()))
	case in.ExemptFrom != GiverNone && in.Kind != standards.IncomeSupportReceived:
		p.AddOnce(incomePath(i, j, "exempt_from"), report.MsgExemptOnlySupport)
	}
}

// badKind records the problem of member i's income j, of kind k beyond the
// kinds there are.
func badKind(p *report.List, i, j int, k standards.IncomeKind) {
	p.AddOnce(incomePath(i, j, "kind"), report.MsgBadEnum, report.Str("value", k.String()), report.Choices("allowed", incomeKinds))
}

// incomeKinds lists the income kinds for messages.
const incomeKinds = "wage, business_net, property_net, pension, unemployment_insurance, compensation, support_received, " +
	"support_paid, special_care_pension, family_planning_award, scholarship, heroism_award, social_assistance, resident_pension_basic or other"

func dateArg(name string, d standards.Date) report.Arg {
	return report.Date(name, d.Year(), int(d.Month()), d.Day())
}

// LastDecisionDate is the latest assessment date the library decides for:
// every date a decision produces (a gradual exit ends at most 120 months
// after it) then lies within the range dates are read in (to 2200-12-31),
// so a stored decision can always be read back.
func LastDecisionDate() standards.Date { return standards.MustDate(2190, time.December, 31) }

// CheckDate reports an assessment date after LastDecisionDate, as the
// problem "date" (a request's own date is checked by it, as a household's
// is by Validate).
func CheckDate(date standards.Date) error {
	var p report.List
	checkDate(date, "date", &p)
	return p.Err(problem.SubjectInput)
}

// checkDate reports an assessment date after LastDecisionDate at path.
func checkDate(date standards.Date, path string, p *report.List) {
	if last := LastDecisionDate(); date.After(last) {
		p.AddOnce(path, report.MsgDateRange, dateArg("date", date), dateArg("max", last))
	}
}

// ValidateCompact checks a compact household built without a Household
// (by a batch decoder, say) for an assessment on date, with the same rules
// and problems as Validate; ids are its member IDs (nil when it has none).
func ValidateCompact(c *Compact, ids IDs, date standards.Date) error {
	var p report.List
	checkDate(date, "date", &p)
	if ids != nil {
		ids.check(&p)
	}
	if !checkShape(c, &p) {
		return p.Err(problem.SubjectHousehold)
	}
	validate(c, ids, date, &p)
	return p.Err(problem.SubjectHousehold)
}

// CheckCompact reports, as a *problem.Error, the problems of a compact
// form that reading it at all cannot do without: the household's own
// fields, and the form's structure (a member count within 0 and
// MaxMembers and within the list, each member's incomes the next run of
// items, kinds that index a plan's tables, property and expenditures of a
// member). ValidateCompact reports these and every other rule; the
// decision paths check these alone, for a form that did not pass it. It is
// linear in the form's lists and nil when there is no problem.
func CheckCompact(c *Compact) error {
	var p report.List
	checkCompact(c, &p)
	return p.Err(problem.SubjectHousehold)
}

// checkCompact adds CheckCompact's problems to p and reports whether it
// found none.
func checkCompact(c *Compact, p *report.List) bool {
	if c.Fields() != 0 {
		validateFields(c, p)
	}
	switch {
	case c.N > MaxMembers:
		p.Add("members", report.MsgTooManyItems, report.Int("n", int64(c.N)), report.Int("max", MaxMembers))
		return false
	case c.N < 0:
		p.Add("members", report.MsgTooManyItems, report.Int("n", int64(c.N)), report.Int("max", int64(len(c.Members))))
		return false
	}
	if !checkShape(c, p) {
		return false
	}
	for i := range c.N {
		m := &c.Members[i]
		its := c.Items[m.First:m.End] // within the list: checkShape
		for j := range its {
			if !its[j].Kind.Valid() {
				badKind(p, i, j, its[j].Kind)
			}
		}
	}
	return p.Len() == 0
}

// checkShape adds to p the problems of the compact form's own structure —
// what the general form's references by ID guarantee: the members within
// their list, each member's incomes the next run of items, property and
// expenditures of a member of the household —, and reports whether the
// form can be read on (its members and their items lie within the lists).
// It is linear in the form's lists.
func checkShape(c *Compact, p *report.List) bool {
	if c.N > len(c.Members) && c.N <= MaxMembers {
		p.Add("members", report.MsgTooManyItems, report.Int("n", int64(c.N)), report.Int("max", int64(len(c.Members))))
		return false
	}
	next := int32(0)
	for i := 0; i < min(c.N, len(c.Members)); i++ {
		m := &c.Members[i]
		if !m.Follows(next, len(c.Items)) {
			p.Add(memberPath(i, "incomes"), report.MsgItemsOrder)
			return false
		}
		next = m.End
	}
	for i := range c.Property {
		if m := c.Property[i].Member; !memberRef(m, c.N) {
			p.Add(problem.Join(problem.Index("property", i), "member"), report.MsgUnknownMember, report.Int("id", int64(m)))
		}
	}
	for i := range c.Expenditures {
		if m := c.Expenditures[i].Member; !memberRef(m, c.N) {
			p.Add(problem.Join(problem.Index("expenditures", i), "member"), report.MsgUnknownMember, report.Int("id", int64(m)))
		}
	}
	return true
}

// memberRef reports whether m refers to the household (−1) or one of its
// n members.
func memberRef(m int32, n int) bool { return m >= -1 && int(m) < n }

// CompactOf converts h into dst and validates it for an assessment on date,
// returning the member IDs, or every problem as a *problem.Error.
func CompactOf(h *Household, dst *Compact, date standards.Date) (IDs, error) {
	var p report.List
	checkDate(date, "date", &p)
	x := h.compact(dst, &p)
	validate(dst, x, date, &p)
	if err := p.Err(problem.SubjectHousehold); err != nil {
		return nil, err
	}
	return x, nil
}
