package income

import (
	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/standards"
)

// Household is a household applying for, or receiving, assistance. The zero
// Household has no members and does not validate.
type Household struct {
	// Region is the county-level division the household applies in.
	Region standards.Region
	// Basis says whether the household applies where its 户籍 is, or — as
	// residence-permit holders (R16, 黑民规〔2021〕11号 四（九）) — where it lives.
	Basis Basis
	// Area is the area class of the household's 低保 standard.
	Area standards.Area
	// CaregiverFactor, when HasCaregiverFactor is set, is a caseworker's
	// case-level decision on how much of a caregiver's income counts (R14),
	// in [0, 1] with at most two decimal places; it overrides the Set's factor.
	CaregiverFactor    decimal.Decimal
	HasCaregiverFactor bool

	// Supporter says whether the household has a legal supporter (赡养、
	// 抚养、扶养义务人) outside it, and whether that supporter can support
	// it — a condition of 特困 support. The zero value is SupporterUnknown.
	Supporter Supporter

	Members      []Member
	Property     []Property    // for the eligibility rules
	Expenditures []Expenditure // rigid expenditure over the last 12 months
}

// Member is one household member.
type Member struct {
	ID        string         // unique within the household
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
	// Incomes over the 12 months before the assessment month.
	Incomes []Income
}

// Income is one income item of a member.
type Income struct {
	Kind standards.IncomeKind
	// Amount in yuan, at most two decimal places. Only business and
	// property net income may be negative.
	Amount decimal.Decimal
	// Period says what Amount covers.
	Period Period
	// Verification says whether the figure is verified or only a suspicion
	// from data matching (疑点); R11 forbids acting on the latter alone.
	Verification Verification
	// Basis of a support payment (R12): court order, agreement, or assessed
	// by law. Required for support received and paid.
	Basis SupportBasis
	// Note is free text kept with the item.
	Note string
}

// Period is the span an income amount covers.
type Period struct {
	Unit   PeriodUnit
	Months int // for PerMonths: the number of months the total covers, 1–12
}

// Monthly, Annual and Over build Periods.
var (
	Monthly = Period{Unit: PerMonth}
	Annual  = Period{Unit: PerYear}
)

// Over returns the period "a total over n months".
func Over(n int) Period { return Period{Unit: PerMonths, Months: n} }

// divisor returns the number of months the amount is divided by.
func (p Period) divisor() int64 {
	switch p.Unit {
	case PerMonth:
		return 1
	case PerYear:
		return 12
	case PerMonths:
		return int64(p.Months)
	}
	return 0
}

// Property is an item of household property.
type Property struct {
	Kind   PropertyKind
	Value  decimal.Decimal // yuan; not negative
	Count  int             // for dwellings and vehicles: how many (0 means 1)
	Member string          // owner's ID, or "" for the household
	// Exempt marks property needed for production and daily life, which a
	// locality may leave out of the limits.
	Exempt bool
}

// Expenditure is rigid expenditure over the last 12 months.
type Expenditure struct {
	Kind   ExpenditureKind
	Amount decimal.Decimal // yuan over the 12 months; not negative
	Member string          // whose expenditure, or ""
}

// Disability is a registered disability.
type Disability struct {
	Category DisabilityCategory // DisabilityNone when the member has none
	Grade    int                // 1–4, 1 most severe; grades 1–2 are 重度
}

// Severe reports a 重度残疾 (grade 1 or 2).
func (d Disability) Severe() bool {
	return d.Category != DisabilityNone && (d.Grade == 1 || d.Grade == 2)
}

// AgeOn returns the member's age in whole years on date d.
func (m *Member) AgeOn(d standards.Date) int {
	age := d.Year() - m.BirthDate.Year()
	if d.Month() < m.BirthDate.Month() || d.Month() == m.BirthDate.Month() && d.Day() < m.BirthDate.Day() {
		age--
	}
	return age
}

// MinorOn reports whether the member is under 18 on date d.
func (m *Member) MinorOn(d standards.Date) bool { return m.AgeOn(d) < 18 }
