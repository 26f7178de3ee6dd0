package income

import (
	"time"

	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Household is a household applying for, or receiving, assistance. The zero
// Household has no members and does not validate. Its JSON form is the
// one documented in the package documentation (MarshalJSON, UnmarshalJSON).
type Household struct {
	// Region is the county-level division the household applies in.
	Region standards.Region
	// Registration says whether the household applies where its 户籍 is,
	// or — as residence-permit holders (R16, 黑民规〔2021〕11号 四（九）) —
	// where it lives.
	Registration Registration
	// Area is the area class of the household's 低保 standard.
	Area standards.Area
	// CaregiverFactor, when HasCaregiverFactor is set, is a caseworker's
	// case-level decision on how much of a caregiver's labour income counts
	// (R14), from 0 to 1 with at most two decimal places; it overrides the
	// Set's factor.
	CaregiverFactor    money.Rate
	HasCaregiverFactor bool
	// Supporter says whether the household has a legal supporter (赡养、
	// 抚养、扶养义务人) outside it, and whether that supporter can support
	// it — a condition of 特困 support. Members of the household who can
	// work are legal supporters too (see package eligibility).
	Supporter Supporter
	// Poverty marks a household of 脱贫人口 (poverty-exited people) or of
	// 监测对象 (people monitored against falling back into poverty), to
	// whom R1 (黑民规〔2021〕11号 四（一）) applies.
	Poverty Poverty

	Members      []Member
	Property     []Property    // for the eligibility rules
	Expenditures []Expenditure // rigid expenditure over the last 12 months
}

// Member is one household member.
type Member struct {
	ID        string         // unique within the household, 1–64 bytes
	BirthDate standards.Date // required
	Relation  Relation       // to the applicant
	Labour    Labour         // labour capacity
	// Disability is the member's registered disability, if any.
	Disability Disability
	// SeriousIllness marks a 重病患者.
	SeriousIllness bool
	// ServiceDisabilityGrade is a disabled serviceman's grade (1–10, 1 most
	// severe); 0 when not a disabled serviceman.
	ServiceDisabilityGrade int
	// SpecialCare marks a 定期抚恤的重点优抚对象.
	SpecialCare bool
	// MartyrFamily marks 军烈属.
	MartyrFamily bool
	// ReturnedVeteran marks a 在乡老复员军人.
	ReturnedVeteran bool
	// Student marks a full-time student.
	Student bool
	// Dependency is the member's care dependency (失能 / 半失能).
	Dependency Dependency
	// Workplace is the county-level place of work (务工地) of a member with
	// wage income; its minimum wage gives the employment-cost deduction (R13).
	Workplace standards.Region
	// CaresFor lists the IDs of co-resident members this member cares for
	// and cannot work because of (R14).
	CaresFor []string
	// Groups are the price-subsidy groups (R5) the member belongs to on
	// their own: unemployment_insurance, special_care, orphan,
	// de_facto_orphan or hiv_affected_child. (A member marked SpecialCare
	// is in the special_care group without listing it; the dibao, tekun and
	// edge_household groups follow from the classification.)
	Groups []standards.Group
	// Incomes over the 12 months before the assessment month.
	Incomes []Income
}

// Income is one income item of a member.
type Income struct {
	Kind standards.IncomeKind
	// Amount in yuan, at most two decimal places. Only business and
	// property net income may be negative.
	Amount money.Amount
	// Period says what Amount covers.
	Period Period
	// Verification says whether the figure is verified or only a suspicion
	// from data matching (疑点); R11 forbids acting on the latter alone.
	Verification Verification
	// Basis of a support payment (R12): court order, agreement, or assessed
	// by law. Required for support received and paid.
	Basis SupportBasis
	// ExemptFrom, on support received, records a caseworker's case-level
	// exemption under 黑民规〔2023〕1号: support an adult, unemployed,
	// severely disabled member assessed alone receives from siblings or from
	// people aged 60 or more may be left out of that member's own income.
	// It says who gives it; GiverNone (the default) exempts nothing.
	ExemptFrom Giver
	// Note is free text kept with the item.
	Note string
}

// Period is what an income amount covers.
type Period struct {
	Unit PeriodUnit
	// Months, for a total, is how many of the 12 months the income came in
	// (1–12, or 0 when not given). It is shown in the explanation and never
	// changes the figure: a total is always averaged over 12 months.
	Months int
}

// Periods.
var (
	Monthly = Period{Unit: PerMonth} // a monthly rate
	Annual  = Period{Unit: PerYear}  // a figure for the year
	Total   = Period{Unit: PerTotal} // a total received within the 12 months
)

// TotalOver returns the period "a total received within the 12 months, in
// n of them" — still averaged over 12 months.
func TotalOver(n int) Period { return Period{Unit: PerTotal, Months: n} }

// divisor is the number of months an amount of the period is divided by.
func (p Period) divisor() int64 {
	if p.Unit == PerMonth {
		return 1
	}
	return 12
}

// Property is an item of household property.
type Property struct {
	Kind   PropertyKind
	Value  money.Amount // yuan; not negative
	Count  int          // for dwellings and vehicles: how many (0 means 1)
	Member string       // owner's ID, or "" for the household
	// Exempt marks property needed for production and daily life, which a
	// locality may leave out of the limits.
	Exempt bool
}

// Expenditure is rigid expenditure over the last 12 months.
type Expenditure struct {
	Kind   ExpenditureKind
	Amount money.Amount // yuan over the 12 months; not negative
	Member string       // whose expenditure, or ""
}

// Disability is a registered disability.
type Disability struct {
	Category standards.DisabilityCategory // DisabilityNone when the member has none
	Grade    int                          // 1–4, 1 most severe; grades 1–2 are 重度
}

// Severe reports a 重度残疾 (grade 1 or 2).
func (d Disability) Severe() bool {
	return d.Category != standards.DisabilityNone && (d.Grade == 1 || d.Grade == 2)
}

// AgeOn returns the age in whole years on date d of a person born on birth.
func AgeOn(birth, d standards.Date) int {
	y, m, dd := d.YMD()
	return AgeOnYMD(birth, y, m, dd)
}

// AgeOnYMD is AgeOn for a date given as its year, month and day (worked
// out once for many members).
func AgeOnYMD(birth standards.Date, y int, m time.Month, d int) int {
	by, bm, bd := birth.YMD()
	age := y - by
	if m < bm || m == bm && d < bd {
		age--
	}
	return age
}

// AgeOn returns the member's age in whole years on date d.
func (m *Member) AgeOn(d standards.Date) int { return AgeOn(m.BirthDate, d) }

// MinorOn reports whether the member is under 18 on date d.
func (m *Member) MinorOn(d standards.Date) bool { return m.AgeOn(d) < 18 }

// Registration is where a household applies.
type Registration uint8

// Registrations. The zero value is RegistrationHukou.
const (
	RegistrationHukou     Registration = iota // at the 户籍
	RegistrationResidence                     // where it lives, with residence permits (R16)
)

var registrationNames = enum.New[Registration]("registration", "hukou", "residence")

// String returns "hukou" or "residence".
func (r Registration) String() string { return registrationNames.String(r) }

// MarshalText returns the name.
func (r Registration) MarshalText() ([]byte, error) { return registrationNames.Marshal(r) }

// UnmarshalText reads a name.
func (r *Registration) UnmarshalText(b []byte) error { return registrationNames.Unmarshal(b, r) }

// Relation is a member's relation to the applicant.
type Relation uint8

// Relations. The zero value is unset, which does not validate.
const (
	RelationUnset Relation = iota
	RelationApplicant
	RelationSpouse
	RelationChild
	RelationParent
	RelationGrandparent
	RelationGrandchild
	RelationSibling
	RelationOther
)

var relationNames = enum.New[Relation]("relation", "", "applicant", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other")

// String returns the relation's name.
func (r Relation) String() string { return relationNames.String(r) }

// MarshalText returns the name.
func (r Relation) MarshalText() ([]byte, error) { return relationNames.Marshal(r) }

// UnmarshalText reads a name.
func (r *Relation) UnmarshalText(b []byte) error { return relationNames.Unmarshal(b, r) }

// Labour is labour capacity.
type Labour uint8

// Labour capacities. The zero value is unset, which does not validate.
const (
	LabourUnset   Labour = iota
	LabourFull           // 有劳动能力
	LabourPartial        // 部分丧失劳动能力
	LabourNone           // 完全丧失劳动能力
)

var labourNames = enum.New[Labour]("labour", "", "full", "partial", "none")

// String returns the capacity's name.
func (l Labour) String() string { return labourNames.String(l) }

// MarshalText returns the name.
func (l Labour) MarshalText() ([]byte, error) { return labourNames.Marshal(l) }

// UnmarshalText reads a name.
func (l *Labour) UnmarshalText(b []byte) error { return labourNames.Unmarshal(b, l) }

// CanWork reports full or partial labour capacity.
func (l Labour) CanWork() bool { return l == LabourFull || l == LabourPartial }

// Dependency is care dependency.
type Dependency uint8

// Dependencies. The zero value is DependencyNone.
const (
	DependencyNone Dependency = iota
	DependencySemi            // 半失能
	DependencyFull            // 失能
)

var dependencyNames = enum.New[Dependency]("dependency", "none", "semi", "full")

// String returns the dependency's name.
func (d Dependency) String() string { return dependencyNames.String(d) }

// MarshalText returns the name.
func (d Dependency) MarshalText() ([]byte, error) { return dependencyNames.Marshal(d) }

// UnmarshalText reads a name.
func (d *Dependency) UnmarshalText(b []byte) error { return dependencyNames.Unmarshal(b, d) }

// PeriodUnit is the unit of an income Period.
type PeriodUnit uint8

// Period units. The zero value is unset, which does not validate.
const (
	PeriodUnset PeriodUnit = iota
	PerMonth               // "monthly": the amount is a monthly rate
	PerYear                // "annual": the amount is a figure for the year (÷ 12)
	PerTotal               // "total": the amount was received within the 12 months (÷ 12)
)

var periodNames = enum.New[PeriodUnit]("period", "", "monthly", "annual", "total")

// String returns the unit's name.
func (u PeriodUnit) String() string { return periodNames.String(u) }

// MarshalText returns the name.
func (u PeriodUnit) MarshalText() ([]byte, error) { return periodNames.Marshal(u) }

// UnmarshalText reads a name.
func (u *PeriodUnit) UnmarshalText(b []byte) error { return periodNames.Unmarshal(b, u) }

// Verification is the standing of an income figure.
type Verification uint8

// Verifications. The zero value is Verified.
const (
	Verified  Verification = iota // checked by investigation
	Suspected                     // a suspicion from data matching (疑点), not yet verified
)

var verificationNames = enum.New[Verification]("verification", "verified", "suspected")

// String returns the name.
func (v Verification) String() string { return verificationNames.String(v) }

// MarshalText returns the name.
func (v Verification) MarshalText() ([]byte, error) { return verificationNames.Marshal(v) }

// UnmarshalText reads a name.
func (v *Verification) UnmarshalText(b []byte) error { return verificationNames.Unmarshal(b, v) }

// SupportBasis is the basis of a support payment (R12).
type SupportBasis uint8

// Support bases. The zero value is unset.
const (
	SupportBasisUnset    SupportBasis = iota
	SupportByCourtOrder               // ordered by a court
	SupportByAgreement                // agreed between the parties
	SupportAssessedByLaw              // assessed by the caseworker by law and the facts
)

var supportBasisNames = enum.New[SupportBasis]("support basis", "", "court_order", "agreement", "assessed")

// String returns the name.
func (b SupportBasis) String() string { return supportBasisNames.String(b) }

// MarshalText returns the name.
func (b SupportBasis) MarshalText() ([]byte, error) { return supportBasisNames.Marshal(b) }

// UnmarshalText reads a name.
func (b *SupportBasis) UnmarshalText(t []byte) error { return supportBasisNames.Unmarshal(t, b) }

// PropertyKind is a kind of property.
type PropertyKind uint8

// Property kinds. The zero value is unset, which does not validate.
const (
	PropertyUnset PropertyKind = iota
	PropertyDeposit
	PropertySecurities
	PropertyInsurance // cash value of commercial insurance
	PropertyClaim     // claims (债权)
	PropertyVehicle
	PropertyDwelling
	PropertyBusiness
)

var propertyNames = enum.New[PropertyKind]("property kind", "", "deposit", "securities", "insurance", "claim", "vehicle", "dwelling", "business")

// String returns the name.
func (k PropertyKind) String() string { return propertyNames.String(k) }

// MarshalText returns the name.
func (k PropertyKind) MarshalText() ([]byte, error) { return propertyNames.Marshal(k) }

// UnmarshalText reads a name.
func (k *PropertyKind) UnmarshalText(b []byte) error { return propertyNames.Unmarshal(b, k) }

// Financial reports the kinds counted as financial assets.
func (k PropertyKind) Financial() bool {
	return k == PropertyDeposit || k == PropertySecurities || k == PropertyInsurance || k == PropertyClaim
}

// ExpenditureKind is a kind of rigid expenditure.
type ExpenditureKind uint8

// Expenditure kinds. The zero value is unset, which does not validate.
const (
	ExpenditureUnset ExpenditureKind = iota
	ExpenditureMedical
	ExpenditureEducation
	ExpenditureRehabilitation
	ExpenditureDisaster
	ExpenditureAccident
)

var expenditureNames = enum.New[ExpenditureKind]("expenditure kind", "", "medical", "education", "rehabilitation", "disaster", "accident")

// String returns the name.
func (k ExpenditureKind) String() string { return expenditureNames.String(k) }

// MarshalText returns the name.
func (k ExpenditureKind) MarshalText() ([]byte, error) { return expenditureNames.Marshal(k) }

// UnmarshalText reads a name.
func (k *ExpenditureKind) UnmarshalText(b []byte) error { return expenditureNames.Unmarshal(b, k) }

// Supporter is the standing of a household's legal supporters.
type Supporter uint8

// Supporter standings. The zero value is SupporterUnknown.
const (
	SupporterUnknown Supporter = iota // not recorded
	SupporterNone                     // no legal supporter
	SupporterUnable                   // a legal supporter unable to support
	SupporterAble                     // a legal supporter able to support
)

var supporterNames = enum.New[Supporter]("supporter", "unknown", "none", "unable", "able")

// String returns the standing's name ("unknown" for SupporterUnknown).
func (s Supporter) String() string { return supporterNames.String(s) }

// MarshalText returns the name.
func (s Supporter) MarshalText() ([]byte, error) { return supporterNames.Marshal(s) }

// UnmarshalText reads a name.
func (s *Supporter) UnmarshalText(b []byte) error { return supporterNames.Unmarshal(b, s) }

// Poverty marks a household to which R1 applies.
type Poverty uint8

// Poverty marks. The zero value is none.
const (
	PovertyNone      Poverty = iota
	PovertyExited            // 脱贫人口
	PovertyMonitored         // 防止返贫监测对象
)

var povertyNames = enum.New[Poverty]("poverty", "", "exited", "monitored")

// String returns "exited", "monitored" or "".
func (p Poverty) String() string { return povertyNames.String(p) }

// MarshalText returns the name.
func (p Poverty) MarshalText() ([]byte, error) { return povertyNames.Marshal(p) }

// UnmarshalText reads a name.
func (p *Poverty) UnmarshalText(b []byte) error { return povertyNames.Unmarshal(b, p) }

// Giver is who gives support that a case-level exemption leaves out
// (黑民规〔2023〕1号).
type Giver uint8

// Givers. The zero value exempts nothing.
const (
	GiverNone    Giver = iota
	GiverSibling       // a brother or sister
	GiverAged60        // a person aged 60 or more
)

var giverNames = enum.New[Giver]("giver", "", "sibling", "aged_60_plus")

// String returns "sibling", "aged_60_plus" or "".
func (g Giver) String() string { return giverNames.String(g) }

// MarshalText returns the name.
func (g Giver) MarshalText() ([]byte, error) { return giverNames.Marshal(g) }

// UnmarshalText reads a name.
func (g *Giver) UnmarshalText(b []byte) error { return giverNames.Unmarshal(b, g) }

// memberGroupMask has a bit for each group a member can carry.
const memberGroupMask uint16 = 1<<standards.GroupUnemploymentInsurance | 1<<standards.GroupSpecialCare |
	1<<standards.GroupOrphan | 1<<standards.GroupDeFactoOrphan | 1<<standards.GroupHIVAffectedChild

// MemberGroup reports whether a member can carry group g on their own.
func MemberGroup(g standards.Group) bool { return g < 16 && memberGroupMask&(1<<g) != 0 }
