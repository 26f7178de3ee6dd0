package payment_test

import (
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
)

// FuzzPayment checks, on households built from fuzzed figures: no panic; no
// line is negative; the total is the sum of the lines; and, for the gap
// method, more verified income never means a larger gap payment.
func FuzzPayment(f *testing.F) {
	f.Add(int64(100000), int64(0), int64(0), uint8(3), false, uint8(0), int64(0), true)
	f.Add(int64(254999), int64(1), int64(1), uint8(1), true, uint8(1), int64(3500), false)
	f.Add(int64(0), int64(-50000), int64(99999), uint8(5), true, uint8(3), int64(6100), true)
	set := testSet(f, standards.Change{Param: standards.ParamTierTable, Value: yuxi()})
	f.Fuzz(func(t *testing.T, fenA, fenB, raise int64, size uint8, ill bool, supporter uint8, cpiBasis int64, tiered bool) {
		n := int(size%5) + 1
		h := &income.Household{Region: standards.MustRegion("230102"), Area: standards.AreaRural, Supporter: income.Supporter(supporter % 4)}
		for i := 0; i < n; i++ {
			m := person(string(rune('a'+i)), "1985-01-01", income.RelationOther)
			switch i {
			case 0:
				m.Relation = income.RelationApplicant
				m.Incomes = []income.Income{pensionFen(fenA)}
			case 1:
				m.SeriousIllness = ill
				m.BirthDate = d("1950-01-01")
				m.Incomes = []income.Income{{Kind: standards.IncomeBusinessNet, Amount: decimal.New(fenB%1_000_000_00, -2), Period: income.Over(7)}}
			case 2:
				m.BirthDate = d("2012-01-01")
			}
			h.Members = append(h.Members, m)
		}
		method := payment.Gap
		if tiered {
			method = payment.Tiered
		}
		run := func(h *income.Household) *payment.Decision {
			r := payment.Request{Request: eligibility.Request{Household: h, Date: d("2023-06-01")}, Method: method,
				Prices: &payment.Prices{CPI: decimal.New(cpiBasis%1000, -4), FoodCPI: decimal.New(-1, 0)}}
			dcs, err := payment.Decide(r, set)
			if err != nil {
				return nil
			}
			sum := decimal.Zero
			for _, l := range dcs.Lines {
				if l.Amount.Sign() < 0 || l.Exact.Sign() < 0 {
					t.Fatalf("negative line %s: %s", l.Code, l.Amount)
				}
				sum = sum.Add(l.Amount)
			}
			if !sum.Equal(dcs.Total) {
				t.Fatalf("total %s ≠ sum of lines %s", dcs.Total, sum)
			}
			return dcs
		}
		before := run(h)
		if before == nil || method != payment.Gap {
			return
		}
		h2 := *h
		h2.Members = append([]income.Member(nil), h.Members...)
		m0 := h2.Members[0]
		m0.Incomes = append(append([]income.Income(nil), m0.Incomes...), pensionFen(raise))
		h2.Members[0] = m0
		after := run(&h2)
		if after != nil && gapOf(after).Cmp(gapOf(before)) > 0 {
			t.Fatalf("more income, larger gap: %s → %s", gapOf(before), gapOf(after))
		}
	})
}

func pensionFen(fen int64) income.Income {
	return income.Income{Kind: standards.IncomePension, Amount: decimal.New(fen%1_000_000_00, -2).Abs(), Period: income.Monthly}
}

func gapOf(d *payment.Decision) decimal.Decimal {
	for _, l := range d.Lines {
		if l.Code == "gap" {
			return l.Amount
		}
	}
	return decimal.Zero
}
