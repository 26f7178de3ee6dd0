package batch

import (
	"math/rand/v2"
	"strconv"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// SynthOptions shape a synthetic population.
type SynthOptions struct {
	Date standards.Date // the assessment date of every household
	Seed uint64         // the same seed gives the same population
	// Regions to draw households from (county-level codes); the Harbin
	// divisions the embedded data covers when empty.
	Regions []standards.Region
	// Common draws only households the common rules decide: wages at
	// workplaces in every tier, pensions, supplements for the old and the
	// young, property — but no 特困 or 单人户 candidates, caregivers,
	// suspicions or current recipients (the population of BenchmarkBatch).
	Common bool
	// FirstKey is the number in the first household's key: households are
	// keyed h<FirstKey>, h<FirstKey+1>, … (to keep keys apart across
	// populations made one after another).
	FirstKey int
}

// Synthesize builds n households for simulations and benchmarks: one to six
// members of every age, wages at workplaces in every tier, pensions,
// seasonal totals, support paid and received, suspicions now and then,
// disabilities and illnesses, 特困-eligible elders, caregivers, property,
// expenditures, and current recipients in their gradual exit — drawn from
// the seed and each household's number alone, so that a run is repeatable
// and household i is the same whether drawn in one population or in pieces
// (FirstKey). Incomes are spread so that every status occurs. The
// population has keys ("h0", "h1", …, from opts.FirstKey) and member IDs
// ("m0", "m1", …). The distributions are listed in package simulation's
// documentation. An
// error is a household that does not validate: a region of opts that is
// not a county-level code, or a date beyond the decidable.
func Synthesize(n int, opts SynthOptions) (*Population, error) {
	p := &Population{}
	return p, SynthesizeInto(p, n, opts)
}

// SynthesizeInto appends to p the n households Synthesize draws, for
// streaming a synthetic population a piece at a time (opts.FirstKey the
// number of the piece's first household).
func SynthesizeInto(p *Population, n int, opts SynthOptions) error {
	src := rand.NewPCG(0, 0)
	r := rand.New(src)
	// The 市区 and 县(市) of Harbin, which the embedded data covers; places
	// of work in each minimum-wage tier of 2017 and 2024: 道里区 (一档),
	// 呼兰区 and 龙沙区 (二档), 双城区 and 依兰县 (三档).
	harbin := [...]string{"230102", "230103", "230104", "230108", "230109", "230110", "230111", "230112", "230113",
		"230123", "230124", "230125", "230126", "230127", "230128", "230129", "230183", "230184"}
	workplaces := [...]string{"230102", "230111", "230202", "230113", "230123"}
	regions := opts.Regions
	if len(regions) == 0 {
		for _, c := range harbin {
			regions = append(regions, standards.MustRegion(c))
		}
	}
	var places [len(workplaces)]standards.Region
	for i, c := range workplaces {
		places[i] = standards.MustRegion(c)
	}
	date := opts.Date
	if date.IsZero() {
		date = standards.MustParseDate("2023-06-01")
	}
	ids := [...]string{"m0", "m1", "m2", "m3", "m4", "m5"}
	var h income.Compact
	var key []byte
	for k := range n {
		// Each household is drawn from the seed and its own number alone,
		// so that household i is the same however the population is cut.
		i := uint64(opts.FirstKey + k)
		src.Seed(splitmix(opts.Seed^splitmix(i)), splitmix(i+0x9e3779b97f4a7c15))
		h.Reset()
		h.Region = regions[r.IntN(len(regions))]
		h.Area = standards.AreaUrban
		if r.IntN(3) == 0 {
			h.Area = standards.AreaRural
		}
		h.Supporter = income.Supporter(r.IntN(4))
		if opts.Common {
			h.Supporter = income.SupporterAble
		}
		size := 1 + r.IntN(6)
		if size > 4 && r.IntN(2) == 0 {
			size -= 2
		}
		h.N = size
		scale := r.IntN(4) // spreads income: 0 poor … 3 well off
		for i := range size {
			var m income.CompactMember
			age := 1 + r.IntN(85)
			if i == 0 {
				age = 20 + r.IntN(65)
				m.Relation = income.RelationApplicant
			} else {
				m.Relation = income.Relation(2 + r.IntN(7))
			}
			m.BirthDate = date.AddMonths(-12*age - r.IntN(12))
			m.Labour = income.LabourFull
			switch {
			case age >= 60 || age < 16:
				m.Labour = income.LabourNone
			case r.IntN(8) == 0:
				m.Labour = income.LabourPartial
			}
			switch k := r.IntN(20); {
			case opts.Common && k < 4:
			case k == 0:
				m.Disability, m.DisabilityGrade = standards.DisabilityPhysical, int32(1+r.IntN(4))
			case k == 1:
				m.Disability, m.DisabilityGrade = standards.DisabilityIntellectual, int32(1+r.IntN(4))
			case k == 2:
				m.Flags |= income.SeriouslyIll
			case k == 3:
				m.ServiceGrade = int32(1 + r.IntN(10))
			case k == 4:
				m.Flags |= income.MartyrFamily
			}
			if age >= 70 {
				m.Dependency = income.Dependency(r.IntN(3))
			}
			if age >= 6 && age < 23 && r.IntN(2) == 0 {
				m.Flags |= income.Student
			}
			m.First = int32(len(h.Items))
			if m.Labour.CanWork() && age >= 16 && age < 60 && m.Flags&income.Student == 0 && r.IntN(3) != 0 {
				m.Workplace = places[r.IntN(len(places))]
				wage := money.Amount{}
				switch r.IntN(3) {
				case 0: // monthly
					wage, _ = money.FromFen(int64(20_000 + r.IntN(60_000*(1+scale))))
					h.Items = append(h.Items, income.CompactIncome{Kind: standards.IncomeWage, Unit: income.PerMonth, Amount: wage})
				case 1: // a seasonal total
					wage, _ = money.FromFen(int64(500_000 + r.IntN(800_000*(1+scale))))
					h.Items = append(h.Items, income.CompactIncome{Kind: standards.IncomeWage, Unit: income.PerTotal, Months: int32(3 + r.IntN(9)), Amount: wage})
				default: // annual
					wage, _ = money.FromFen(int64(1_000_000 + r.IntN(2_000_000*(1+scale))))
					h.Items = append(h.Items, income.CompactIncome{Kind: standards.IncomeWage, Unit: income.PerYear, Amount: wage})
				}
				if r.IntN(12) == 0 && !opts.Common {
					h.Items[len(h.Items)-1].Verification = income.Suspected
				}
			}
			if age >= 60 && r.IntN(3) != 0 {
				pension, _ := money.FromFen(int64(10_000 + r.IntN(150_000*(1+scale)/2)))
				h.Items = append(h.Items, income.CompactIncome{Kind: standards.IncomePension, Unit: income.PerMonth, Amount: pension})
			}
			if r.IntN(25) == 0 {
				s, _ := money.FromFen(int64(1_000 + r.IntN(50_000)))
				kind, basis := standards.IncomeSupportReceived, income.SupportByAgreement
				if r.IntN(2) == 0 {
					kind, basis = standards.IncomeSupportPaid, income.SupportByCourtOrder
				}
				h.Items = append(h.Items, income.CompactIncome{Kind: kind, Unit: income.PerMonth, Basis: basis, Amount: s})
			}
			if r.IntN(30) == 0 {
				ex, _ := money.FromFen(int64(5_000 + r.IntN(30_000)))
				h.Items = append(h.Items, income.CompactIncome{Kind: standards.IncomeSpecialCarePension, Unit: income.PerMonth, Amount: ex})
			}
			m.End = int32(len(h.Items))
			h.Members = append(h.Members, m)
		}
		// A caregiver now and then, for a dependent or minor member.
		if size > 1 && r.IntN(10) == 0 && h.Members[0].Labour.CanWork() && !opts.Common {
			k := 1 + r.IntN(size-1)
			if h.Members[k].AgeOn(date) >= 18 && h.Members[k].Dependency == income.DependencyNone {
				h.Members[k].Dependency = income.DependencySemi // R14: a dependent or a minor
			}
			h.Members[0].CaresFor = 1 << uint(k)
			h.HasCaregiverFactor, h.CaregiverFactor = true, money.MustRate("0.5")
		}
		if r.IntN(4) == 0 {
			v, _ := money.FromFen(int64(r.IntN(10_000_000)))
			h.Property = append(h.Property, income.CompactProperty{Kind: income.PropertyDeposit, Member: -1, Value: v})
		}
		if r.IntN(10) == 0 {
			h.Property = append(h.Property, income.CompactProperty{Kind: income.PropertyVehicle, Member: int32(r.IntN(size)), Value: money.MustParse("30000")})
		}
		if r.IntN(6) == 0 {
			v, _ := money.FromFen(int64(10_000 + r.IntN(5_000_000)))
			h.Expenditures = append(h.Expenditures, income.CompactExpenditure{Kind: income.ExpenditureMedical, Member: -1, Amount: v})
		}
		c := Case{Date: date}
		switch k := r.IntN(10); {
		case opts.Common:
		case k == 0:
			c.Status = eligibility.Dibao
			c.MonthlyAmount, _ = money.FromFen(int64(10_000 + r.IntN(200_000)))
		case k == 1:
			c.Status = eligibility.GradualExit
			c.MonthlyAmount, _ = money.FromFen(int64(10_000 + r.IntN(200_000)))
			c.GradualExitEnd = date.FirstOfMonth().AddMonths(1 + r.IntN(12)).AddDays(-1)
		}
		if err := income.ValidateCompact(&h, ids[:size], date); err != nil {
			return err // a region of opts outside the register, or a date beyond the decidable
		}
		key = strconv.AppendInt(append(key[:0], 'h'), int64(opts.FirstKey+k), 10)
		p.addRead(key, &h, ids[:size], c)
	}
	return nil
}

// splitmix is SplitMix64's finaliser: distinct inputs give unrelated
// outputs, for seeding a household's draws from the seed and its number.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ x>>30) * 0xbf58476d1ce4e5b9
	x = (x ^ x>>27) * 0x94d049bb133111eb
	return x ^ x>>31
}
