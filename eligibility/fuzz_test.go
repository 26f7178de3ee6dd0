package eligibility_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// FuzzClassify builds households from fuzzed figures and checks invariants:
// no panic; statuses consistent (an edge band only for edge or gradual-exit
// households, single-person members only outside 低保 and 特困, a gradual-exit
// end only during a gradual exit); and raising one member's verified income
// never turns "not eligible" into 低保.
func FuzzClassify(f *testing.F) {
	f.Add(int64(200000), int64(0), int64(0), uint8(3), uint8(0), false, uint8(0), int64(0))
	f.Add(int64(254999), int64(1), int64(50000), uint8(1), uint8(1), true, uint8(1), int64(6100000))
	f.Add(int64(382500), int64(0), int64(0), uint8(2), uint8(3), false, uint8(2), int64(0))
	f.Add(int64(-100), int64(999999999), int64(1), uint8(5), uint8(2), true, uint8(3), int64(1))
	set := reformed(f,
		standards.Change{Param: standards.ParamPropertyLimits, Value: standards.PropertyLimits{
			Dibao: standards.PropertyLimit{FinancialAssetsMonths: dec("24"), MaxDwellings: 1}, HasDibao: true}},
		standards.Change{Param: standards.ParamMonitoring, Value: standards.Monitoring{NearThreshold: dec("1.2"), HasNearThreshold: true}},
	)
	statuses := []eligibility.Status{eligibility.NotEligible, eligibility.Edge, eligibility.Dibao, eligibility.Tekun}
	f.Fuzz(func(t *testing.T, fenA, fenB, raise int64, size uint8, cur uint8, ill bool, supporter uint8, deposit int64) {
		n := int(size%5) + 1
		h := &income.Household{Region: standards.MustRegion("230102"), Area: standards.AreaUrban,
			Supporter: income.Supporter(supporter % 4)}
		for i := 0; i < n; i++ {
			m := person(string(rune('a'+i)), "1980-01-01", income.RelationOther)
			if i == 0 {
				m.Relation = income.RelationApplicant
				m.BirthDate = d("1950-01-01")
				m.Incomes = []income.Income{{Kind: standards.IncomePension, Amount: decimal.New(fenA%2_000_000_00, -2).Abs(), Period: income.Monthly}}
			}
			if i == 1 {
				m.SeriousIllness = ill
				m.Incomes = []income.Income{{Kind: standards.IncomeBusinessNet, Amount: decimal.New(fenB%2_000_000_00, -2), Period: income.Annual}}
			}
			h.Members = append(h.Members, m)
		}
		h.Property = []income.Property{{Kind: income.PropertyDeposit, Value: decimal.New(deposit%1_000_000_000, -2).Abs()}}
		current := eligibility.Current{Status: statuses[int(cur)%len(statuses)]}
		req := eligibility.Request{Household: h, Date: d("2023-06-01"), Current: current}
		r, err := eligibility.Classify(req, set)
		if err != nil {
			return // bad input is an error, not a panic
		}
		if r.EdgeBand != "" && r.Status != eligibility.Edge && r.Status != eligibility.GradualExit {
			t.Fatalf("edge band %q on a %s household", r.EdgeBand, r.Status)
		}
		if !r.GradualExitEnd.IsZero() != (r.Status == eligibility.GradualExit) {
			t.Fatalf("gradual-exit end %s on a %s household", r.GradualExitEnd, r.Status)
		}
		for _, m := range r.Members {
			if m.Status == eligibility.MemberSinglePerson && (r.Status == eligibility.Dibao || r.Status == eligibility.Tekun) {
				t.Fatalf("single-person member in a %s household", r.Status)
			}
		}
		if r.Status != eligibility.NotEligible || current.Status != eligibility.NotEligible {
			return
		}
		// Monotonicity: more verified income for the applicant.
		h2 := *h
		h2.Members = append([]income.Member(nil), h.Members...)
		m0 := h2.Members[0]
		m0.Incomes = append(append([]income.Income(nil), m0.Incomes...),
			income.Income{Kind: standards.IncomePension, Amount: decimal.New(raise%1_000_000_00, -2).Abs(), Period: income.Monthly})
		h2.Members[0] = m0
		r2, err := eligibility.Classify(eligibility.Request{Household: &h2, Date: req.Date}, set)
		if err == nil && r2.Status == eligibility.Dibao {
			t.Fatalf("raising verified income turned not eligible into dibao: %s → %s", r.Countable, r2.Countable)
		}
	})
}
