package payment_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/fuzzgen"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

func rise(r *fuzzgen.Reader) (money.Rate, bool) {
	if r.Pick(3) == 0 {
		return money.Rate{}, false
	}
	n := int64(int16(r.U16())) // −3.2768 … 3.2767 in ten-thousandths
	if r.Pick(8) != 0 {
		n %= 1000 // mostly within ±10 %
	}
	rt, err := money.RateFromDecimal(decimal.New(n, -4))
	return rt, err == nil
}

// prices, equalised members and temporary assistance: every optional block.
func blocks(r *fuzzgen.Reader, req *payment.Request) {
	req.Method = standards.Method(r.Pick(3))
	if r.Pick(2) == 0 {
		p := &payment.Prices{}
		if r.Pick(8) != 0 {
			p.Month = r.Date()
		}
		p.CPI, p.HasCPI = rise(r)
		p.FoodCPI, p.HasFoodCPI = rise(r)
		req.Prices = p
	}
	for i := 0; i < r.Pick(3); i++ {
		id := string(rune('a' + r.Pick(len(req.Household.Members))))
		if r.Pick(16) == 0 {
			id = "nobody"
		}
		req.Equalised = append(req.Equalised, id)
	}
	if r.Pick(2) == 0 {
		hardships := []string{"illness", "disaster", "odd", "illness", "disaster", "odd", "flood", ""}
		t := &payment.Temporary{Hardship: hardships[r.Pick(len(hardships))], Place: r.Region(),
			Area: standards.Area(r.Pick(3)), Instalments: 1 + r.Pick(6), PaidFirst: r.Pick(2) == 0}
		if r.Pick(16) == 0 {
			t.Instalments = r.Pick(256) // perhaps 0, or more than the Set allows
		}
		if r.Pick(2) == 0 {
			t.Requested, t.HasRequested = r.Amount(false), true
		}
		req.Temporary = t
	}
}

func fuzzSets(f *testing.F) []*standards.Set {
	full := testSet(f,
		standards.ChangeTo(standards.ParamTierTable, yuxi()).In(region("230102")).For(standards.AreaRural),
		standards.ChangeTo(standards.ParamTemporaryAssistanceCaps, []standards.AssistanceCap{
			{Hardship: "illness", Multiple: rate("10")}, {Hardship: "disaster", Multiple: rate("3"), PerMember: true},
			{Hardship: "odd", Multiple: rate("2.5555")}}),
		standards.ChangeTo(standards.RoundTemporaryAssistance, rule(money.UnitYuan, money.ModeHalfUp)),
		standards.ChangeTo(standards.RoundTekunBasic, rule(money.UnitYuan, money.ModeUp)),
		standards.ChangeTo(standards.ParamPropertyLimits, standards.PropertyLimits{
			Dibao: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasDibao: true,
			Edge: standards.PropertyLimit{FinancialAssetsMonths: rate("36"), MaxDwellings: 1, VehiclesAllowed: true}, HasEdge: true,
			Tekun: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasTekun: true}),
		standards.ChangeTo(standards.ParamMonitoring, standards.Monitoring{NearThreshold: rate("1.2"), HasNearThreshold: true,
			SharpDrop: rate("0.3"), HasSharpDrop: true, RigidShare: rate("0.6"), HasRigidShare: true}),
		standards.ChangeTo(standards.ParamRigidExpenditureDeduction, true),
		standards.ChangeTo(standards.ParamSevereGrade3Categories, []standards.DisabilityCategory{standards.DisabilityIntellectual}),
		standards.ChangeTo(standards.ParamCaregiverIncomeFactor, rate("0.5")),
		standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingSum),
		standards.ChangeTo(standards.ParamSupplementRate, rate("0.1525")),
		standards.ChangeTo(standards.RoundPaymentTotal, rule(money.UnitJiao, money.ModeHalfEven)),
	)
	plain := without(f, "rounding.payment_total", "rounding.supplement")
	return []*standards.Set{base(f), full, plain}
}

// FuzzDecide decides households built from the fuzz input — long income,
// property and expenditure lists, every optional block of a request — and
// checks: no panic; an error is a *problem.Error of one of the two kinds;
// the status is one of the five; no line or total is negative and the total
// is the sum of the lines; every line agrees with its rounding rule; a 低保
// household paid by the gap has one gap line of line − countable, rounded by
// the Set's rule; the temporary-assistance schedule adds up within its cap;
// the decision record is valid JSON and reads back.
func FuzzDecide(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("a household of three in 道里区, 2023"))
	f.Add([]byte{1, 0, 1, 0, 3, 0, 40, 5, 10, 0, 0, 2, 1, 3, 0, 0, 0, 0, 0, 7, 0, 0, 200, 4, 1, 1, 0, 9})
	f.Add([]byte{2, 254, 253, 252, 251, 250, 128, 64, 32, 16, 8, 4, 2, 1})
	sets := fuzzSets(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := fuzzgen.New(data)
		set := sets[r.Pick(len(sets))]
		req := payment.Request{Request: eligibility.Request{Household: r.Household(), Date: r.Date(), Current: r.Current(), Previous: r.Previous()}}
		blocks(r, &req)
		req.Options.Explain = r.Pick(2) == 0
		dcs, err := payment.Decide(req, set)
		if err != nil {
			checkFuzzError(t, err)
			return
		}
		cls := dcs.Classification
		if !cls.Status.Valid() {
			t.Fatalf("status %d is not one of the five", cls.Status)
		}
		if !dcs.Method.Valid() {
			t.Fatalf("method %d", dcs.Method)
		}
		checkLines(t, dcs)
		// A person is never paid twice for a month: at most one benefit of
		// their own, at most one price subsidy, and nothing alone beside a
		// household payment that covers them.
		own, price := map[string]int{}, map[string]int{}
		household := false
		for _, l := range dcs.Lines {
			switch {
			case l.Code == explain.LineGap || l.Code == explain.LineTier || l.Code == explain.LineGradualExit && l.Member == "":
				household = true
			case l.Code == explain.LineSinglePerson || l.Code == explain.LineGradualExit || l.Code == explain.LineTekunBasic:
				own[l.Member]++
			case l.Code == explain.LinePriceSubsidy:
				price[l.Member]++
			}
		}
		for id, n := range own {
			if n > 1 {
				t.Fatalf("member %s paid %d benefits of their own", id, n)
			}
			if household && cls.Members[indexOf(cls, id)].Status != eligibility.MemberTekun {
				t.Fatalf("member %s paid alone beside the household's payment", id)
			}
		}
		for id, n := range price {
			if n > 1 || id == "" {
				t.Fatalf("price subsidy for %q %d times", id, n)
			}
		}
		var gaps int
		for _, l := range dcs.Lines {
			if l.Code != explain.LineGap {
				continue
			}
			gaps++
			exact, _ := cls.Line.Sub(cls.Countable)
			if l.Exact != exact {
				t.Fatalf("gap exact %s ≠ line %s − countable %s", l.Exact, cls.Line, cls.Countable)
			}
			q := standards.Query{Region: req.Household.Region, Area: req.Household.Area, Date: req.Date}
			want := exact
			if rl, err := standards.Lookup(set, standards.RoundPaymentTotal, q); err == nil {
				want, _ = exact.Round(rl.V)
			} else if !exact.IsFen() {
				t.Fatalf("a gap of %s paid without a rounding rule", exact)
			}
			if l.Amount != want {
				t.Fatalf("gap %s paid as %s, not %s", exact, l.Amount, want)
			}
		}
		wantGap := cls.Status == eligibility.Dibao && dcs.Method == standards.MethodGap
		if (gaps == 1) != wantGap || gaps > 1 {
			t.Fatalf("%d gap lines for a %s household paid by %s", gaps, cls.Status, dcs.Method)
		}
		if s := dcs.Temporary; s != nil {
			var sum money.Sum
			for _, in := range s.Instalments {
				if in.Amount.Sign() < 0 {
					t.Fatalf("a negative instalment %s", in.Amount)
				}
				sum.Add(in.Amount)
			}
			if total, _ := sum.Amount(); total != s.Approved || s.Approved.Cmp(s.Cap) > 0 || len(s.Instalments) != req.Temporary.Instalments {
				t.Fatalf("schedule: %d instalments adding up to %s for %s approved within %s", len(s.Instalments), total, s.Approved, s.Cap)
			}
		}
		b, err := json.Marshal(dcs)
		if err != nil || !json.Valid(b) {
			t.Fatalf("decision record: %v", err)
		}
		back, err := payment.DecodeDecision(b)
		if err != nil {
			t.Fatalf("the record does not read back: %v", err)
		}
		if back.Total != dcs.Total || len(back.Lines) != len(dcs.Lines) {
			t.Fatalf("read back: total %s, %d lines; want %s, %d", back.Total, len(back.Lines), dcs.Total, len(dcs.Lines))
		}
		_ = dcs.Explain(en)

		// More verified income never raises the gap (without suspicions the
		// decision rests on every item).
		if gaps != 1 || cls.VerificationRequired {
			return
		}
		for _, m := range req.Household.Members {
			for _, in := range m.Incomes {
				if in.Verification == income.Suspected {
					return
				}
			}
		}
		h2 := *req.Household
		h2.Members = append([]income.Member(nil), h2.Members...)
		m0 := h2.Members[0]
		m0.Incomes = append(append([]income.Income(nil), m0.Incomes...), income.Income{Kind: standards.IncomePension,
			Amount: r.Amount(false), Period: income.Monthly})
		h2.Members[0] = m0
		req.Household = &h2
		after, err := payment.Decide(req, set)
		if err != nil || after.Classification.Tested != cls.Tested {
			// A member who stops being 特困 joins the household's test: its
			// gap is then for more members (and the 特困 support is gone).
			return
		}
		for _, l := range after.Lines {
			if l.Code == explain.LineGap && l.Amount.Cmp(line(t, dcs, explain.LineGap, "").Amount) > 0 {
				t.Fatalf("more income, a larger gap: %s → %s", line(t, dcs, explain.LineGap, "").Amount, l.Amount)
			}
		}
	})
}

func checkFuzzError(t *testing.T, err error) {
	t.Helper()
	pe, ok := problem.As(err)
	if !ok {
		t.Fatalf("not a *problem.Error: %T %v", err, err)
	}
	if errors.Is(err, problem.ErrInvalid) == errors.Is(err, problem.ErrNotCovered) {
		t.Fatalf("an error of neither or both kinds: %v", err)
	}
	if len(pe.Problems) == 0 {
		t.Fatalf("an error without problems")
	}
}

func indexOf(cls *eligibility.Result, id string) int {
	for i, m := range cls.Members {
		if m.ID == id {
			return i
		}
	}
	return 0
}
