// Package fuzzgen builds households and requests from fuzz input for the
// fuzz targets of the rule packages: members with every kind of fact, long
// income, property and expenditure lists, every optional block of a
// request, and now and then a value the library must refuse.
package fuzzgen

import (
	"strconv"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Reader hands out the fuzz input's bytes, from the start again once
// they run out, so that short inputs still build long lists.
type Reader struct {
	data []byte
	pos  int
}

// New returns a reader over the fuzz input.
func New(data []byte) *Reader { return &Reader{data: data} }

// Byte returns the next byte.
func (r *Reader) Byte() byte {
	if len(r.data) == 0 {
		return 0
	}
	c := r.data[r.pos%len(r.data)]
	r.pos++
	return c
}

// U16 returns the next two bytes as a number.
func (r *Reader) U16() int { return int(r.Byte())<<8 | int(r.Byte()) }

// U32 returns the next four bytes as a number.
func (r *Reader) U32() int64 { return int64(r.U16())<<16 | int64(r.U16()) }

// Pick returns a number from 0 to n − 1.
func (r *Reader) Pick(n int) int { return int(r.Byte()) % n }

// Amount is a figure in fen: mostly up to 5000 yuan, now and then one of the
// interesting edges, rarely up to 10,000,000 yuan.
func (r *Reader) Amount(negative bool) money.Amount {
	var fen int64
	switch r.Pick(8) {
	case 0:
		edges := []int64{0, 1, 254999, 255000, 255001, 305999, 306000, 382499, 382500, 85000, 84999, 64000}
		fen = edges[r.Pick(len(edges))]
	case 1:
		fen = r.U32() % 1_000_000_000
	default:
		fen = r.U32() % 500_000
	}
	if negative && r.Pick(4) == 0 {
		fen = -fen
	}
	a, _ := money.FromFen(fen)
	return a
}

var (
	fuzzRegions = []string{"230102", "230103", "230113", "230123", "230184", "230202", "110101"} // the last two: not covered, unknown
	fuzzDates   = []string{"2021-03-01", "2022-01-01", "2022-10-01", "2023-01-01", "2023-06-01", "2023-12-31", "2024-06-30", "2025-12-01"}
)

// Date is one of the dates around the changes of the embedded data.
func (r *Reader) Date() standards.Date {
	return standards.MustParseDate(fuzzDates[r.Pick(len(fuzzDates))])
}

// Household builds a household: members with every kind of fact, income
// lists (one of up to 1000 items), property and expenditure lists of up to
// 1000 items each.
func (r *Reader) Household() *income.Household {
	h := &income.Household{Region: r.Region(), Area: standards.AreaUrban}
	switch r.Pick(64) {
	case 0:
		h.Area = standards.AreaAny // refused
	case 1, 2, 3, 4, 5, 6, 7:
		h.Area = standards.AreaRural
	}
	h.Supporter = income.Supporter(r.Pick(4))
	if r.Pick(8) == 0 {
		h.HasCaregiverFactor = true
		h.CaregiverFactor, _ = money.RateFromPercent(int64(r.Pick(101)))
	}
	n := 1 + r.Pick(6)
	long := r.Pick(4) == 0
	for i := 0; i < n; i++ {
		m := income.Member{ID: string(rune('a' + i)), Relation: income.RelationApplicant, Labour: income.Labour(1 + r.Pick(3))}
		if i > 0 {
			m.Relation = income.Relation(2 + r.Pick(7))
		}
		year := 1920 + r.Pick(100) // born by 2019
		if r.Pick(32) == 0 {
			year = 2020 + r.Pick(6) // perhaps after the date
		}
		m.BirthDate = standards.MustParseDate(strconv.Itoa(year) + "-" + two(1+r.Pick(12)) + "-" + two(1+r.Pick(28)))
		if c := standards.DisabilityCategory(r.Pick(8)); c != standards.DisabilityNone && r.Pick(2) == 0 {
			m.Disability = income.Disability{Category: c, Grade: 1 + r.Pick(4)}
		}
		facts := r.Byte()
		m.SeriousIllness = facts&1 != 0
		m.SpecialCare = facts&2 != 0
		m.MartyrFamily = facts&4 != 0
		m.ReturnedVeteran = facts&8 != 0
		m.Student = facts&16 != 0
		if facts&32 != 0 {
			m.ServiceDisabilityGrade = 1 + r.Pick(10)
		}
		m.Dependency = income.Dependency(r.Pick(3))
		for g := 0; g < r.Pick(3); g++ {
			m.Groups = append(m.Groups, standards.Group(1+r.Pick(8))) // some not a member's own: refused
		}
		items := r.Pick(4)
		if long && i == 0 {
			items = r.U16() % (income.MaxItems + 1)
		}
		for j := 0; j < items; j++ {
			kind := standards.IncomeKind(2 + r.Pick(14)) // every kind but wages (their minimum-wage tiers start in 2024)
			if r.Pick(32) == 0 {
				kind = standards.IncomeWage
				m.Workplace = h.Region
			}
			in := income.Income{Kind: kind, Amount: r.Amount(kind.MayBeNegative()), Period: income.Period{Unit: income.PeriodUnit(1 + r.Pick(3))}}
			if long && i == 0 {
				in.Amount, _ = money.FromFen(int64(r.U16()))
			}
			if in.Period.Unit == income.PerTotal {
				in.Period.Months = r.Pick(13)
			}
			if r.Pick(4) == 0 {
				in.Verification = income.Suspected
			}
			if kind == standards.IncomeSupportReceived || kind == standards.IncomeSupportPaid {
				in.Basis = income.SupportBasis(1 + r.Pick(3))
			}
			if kind == standards.IncomeSupportReceived && r.Pick(4) == 0 || r.Pick(64) == 0 {
				in.ExemptFrom = income.Giver(1 + r.Pick(2)) // now and then on another kind: refused
			}
			m.Incomes = append(m.Incomes, in)
		}
		h.Members = append(h.Members, m)
	}
	ref := func() string {
		if k := r.Pick(n + 2); k < n {
			return string(rune('a' + k))
		}
		return ""
	}
	props := r.Pick(4)
	if r.Pick(4) == 0 {
		props = r.U16() % (income.MaxProperty + 1)
	}
	for i := 0; i < props; i++ {
		h.Property = append(h.Property, income.Property{Kind: income.PropertyKind(1 + r.Pick(7)), Value: r.Amount(false),
			Count: r.Pick(3), Member: ref(), Exempt: r.Pick(4) == 0})
	}
	exps := r.Pick(4)
	if r.Pick(4) == 0 {
		exps = r.U16() % (income.MaxExpenditures + 1)
	}
	for i := 0; i < exps; i++ {
		h.Expenditures = append(h.Expenditures, income.Expenditure{Kind: income.ExpenditureKind(1 + r.Pick(5)), Amount: r.Amount(false), Member: ref()})
	}
	if r.Pick(4) == 0 {
		h.Poverty = income.Poverty(1 + r.Pick(2))
	}
	return h
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Current builds a current standing (now and then an undefined status, a
// start after the date, a gradual exit without its end or last amount).
func (r *Reader) Current() eligibility.Current {
	c := eligibility.Current{Status: eligibility.Status(r.Pick(5))}
	if r.Pick(32) == 0 {
		c.Status = eligibility.Status(5 + r.Pick(251))
	}
	if r.Pick(8) == 0 {
		c.Since = r.Date()
	}
	if c.Status.Recipient() && r.Pick(16) != 0 || r.Pick(16) == 0 {
		c.MonthlyAmount, _ = money.FromFen(1 + r.U32()%1_000_000)
	}
	if c.Status == eligibility.GradualExit && r.Pick(16) != 0 || r.Pick(16) == 0 {
		c.GradualExitEnd = r.Date()
	}
	// Members' own standings: 单人户, in a gradual exit, 特困 — now and then
	// an unknown ID, an undefined status, a missing end or amount.
	for i := 0; i < r.Pick(3); i++ {
		m := eligibility.MemberCurrent{ID: string(rune('a' + r.Pick(7))), Status: eligibility.MemberStatus(1 + r.Pick(3))}
		if r.Pick(32) == 0 {
			m.Status = eligibility.MemberStatus(r.Pick(256))
		}
		if r.Pick(16) != 0 {
			m.MonthlyAmount, _ = money.FromFen(1 + r.U32()%200_000)
		}
		if m.Status == eligibility.MemberGradualExit && r.Pick(16) != 0 {
			m.GradualExitEnd = r.Date()
		}
		c.Members = append(c.Members, m)
	}
	return c
}

// Region is mostly a covered Harbin county-level division.
func (r *Reader) Region() standards.Region {
	switch r.Pick(16) {
	case 0:
		return standards.MustRegion(fuzzRegions[5])
	case 1:
		return standards.MustRegion(fuzzRegions[6])
	}
	return standards.MustRegion(fuzzRegions[r.Pick(5)])
}

// Previous is the previous assessment, or nil.
func (r *Reader) Previous() *eligibility.Previous {
	if r.Pick(2) == 0 {
		return nil
	}
	p := &eligibility.Previous{Date: r.Date(), Countable: r.Amount(false)}
	for i := 0; i < r.Pick(3); i++ {
		p.SeriouslyIll = append(p.SeriouslyIll, string(rune('a'+r.Pick(7))))
		p.SeverelyDisabled = append(p.SeverelyDisabled, string(rune('a'+r.Pick(7))))
	}
	return p
}
