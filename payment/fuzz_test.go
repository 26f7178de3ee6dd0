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

// FuzzCompactForm decides compact households as a caller building the
// compact form itself could hand them over: built from a fuzzed household,
// then with fields set to arbitrary values of their types (counts, item
// runs, kinds, enums, flags, references, truncated lists). It checks: no
// panic on either path; an error is a *problem.Error of one of the two
// kinds; and a form ValidateCompact accepts is decided alike by the fast
// path (FiguresDecision) and the general path (DecideCompact), and one
// CheckCompact refuses is refused by the general path.
func FuzzCompactForm(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte{1, 0, 1, 0, 3, 0, 40, 5, 10, 0, 0, 2, 1, 3, 0, 0, 0, 0, 0, 7, 0, 0, 200, 4, 1, 1, 0, 9, 3, 0, 1, 255})
	f.Add([]byte{2, 254, 253, 252, 251, 250, 128, 64, 32, 16, 8, 4, 2, 1, 3, 3, 0, 0, 0, 255, 255})
	sets := fuzzSets(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := fuzzgen.New(data)
		set := sets[r.Pick(len(sets))]
		h, date := r.Household(), r.Date()
		var c income.Compact
		ids, _ := income.CompactOf(h, &c, date) // on an error c is still a value of its type
		for n := r.Pick(4); n > 0; n-- {
			mutateCompact(r, &c)
		}
		req := payment.Request{Request: eligibility.Request{Date: date, Current: r.Current()}}
		pl, err := payment.NewPlan(set, c.Region, c.Area, date, standards.Date{}, nil)
		if err != nil {
			return // a region or date the Set does not cover: no plan to decide on
		}
		var dc payment.Decider
		var fast payment.Figures
		_, ferr := dc.FiguresDecision(pl, &c, ids, &req, &fast)
		if ferr != nil {
			checkFuzzError(t, ferr)
		}
		d, gerr := dc.DecideCompact(pl, &c, ids, &req, r.Pick(2) == 0)
		if gerr != nil {
			checkFuzzError(t, gerr)
		}
		if income.CheckCompact(&c) != nil {
			// A form the general path cannot read: it refuses it.
			if gerr == nil {
				t.Fatalf("a form CheckCompact refuses decided: %v", income.CheckCompact(&c))
			}
			return
		}
		if income.ValidateCompact(&c, ids, date) != nil {
			return
		}
		if (ferr == nil) != (gerr == nil) {
			t.Fatalf("figures: %v; decision: %v", ferr, gerr)
		}
		if gerr == nil && payment.FiguresOf(d) != fast {
			t.Fatalf("figures %+v; the decision's %+v", fast, payment.FiguresOf(d))
		}
	})
}

// mutateCompact sets one field of c to an arbitrary value of its type.
func mutateCompact(r *fuzzgen.Reader, c *income.Compact) {
	var m *income.CompactMember
	if len(c.Members) > 0 {
		m = &c.Members[r.Pick(len(c.Members))]
	}
	var in *income.CompactIncome
	if len(c.Items) > 0 {
		in = &c.Items[r.Pick(len(c.Items))]
	}
	small := func() int32 { return int32(int8(r.Byte())) }
	switch r.Pick(24) {
	case 0:
		c.N = int(small())
	case 1:
		c.Members = c.Members[:r.Pick(len(c.Members)+1)]
	case 2:
		c.Items = c.Items[:r.Pick(len(c.Items)+1)]
	case 3:
		c.Area, c.Supporter = standards.Area(r.Byte()), income.Supporter(r.Byte())
	case 4:
		c.Poverty, c.Registration = income.Poverty(r.Byte()), income.Registration(r.Byte())
	case 5:
		if len(c.Property) > 0 {
			p := &c.Property[r.Pick(len(c.Property))]
			p.Member, p.Kind, p.Count = small(), income.PropertyKind(r.Byte()), small()
		}
	case 6:
		if len(c.Expenditures) > 0 {
			e := &c.Expenditures[r.Pick(len(c.Expenditures))]
			e.Member, e.Kind = small(), income.ExpenditureKind(r.Byte())
		}
	}
	if m != nil {
		switch r.Pick(12) {
		case 0:
			m.First = small()
		case 1:
			m.End = small()
		case 2:
			m.Disability, m.DisabilityGrade = standards.DisabilityCategory(r.Byte()), small()
		case 3:
			m.ServiceGrade = small()
		case 4:
			m.Relation, m.Labour, m.Dependency = income.Relation(r.Byte()), income.Labour(r.Byte()), income.Dependency(r.Byte())
		case 5:
			m.Flags = income.MemberFlags(r.U16())
		case 6:
			m.CaresFor = uint64(r.U32()) << r.Pick(40)
		case 7:
			m.Groups = uint16(r.U16())
		case 8:
			m.Workplace = r.Region()
		case 9:
			m.BirthDate = r.Date()
		}
	}
	if in != nil {
		switch r.Pick(8) {
		case 0:
			in.Kind = standards.IncomeKind(r.Byte())
		case 1:
			in.Unit, in.Months = income.PeriodUnit(r.Byte()), small()
		case 2:
			in.Verification, in.ExemptFrom = income.Verification(r.Byte()), income.Giver(r.Byte())
		case 3:
			in.Basis = income.SupportBasis(r.Byte())
		case 4:
			in.Amount = r.Amount(true)
		}
	}
}
