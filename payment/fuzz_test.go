package payment_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// fuzzReader hands out the fuzz input's bytes, from the start again once
// they run out, so that short inputs still build long lists.
type fuzzReader struct {
	data []byte
	pos  int
}

func (r *fuzzReader) byte() byte {
	if len(r.data) == 0 {
		return 0
	}
	c := r.data[r.pos%len(r.data)]
	r.pos++
	return c
}

func (r *fuzzReader) u16() int { return int(r.byte())<<8 | int(r.byte()) }

func (r *fuzzReader) u32() int64 { return int64(r.u16())<<16 | int64(r.u16()) }

func (r *fuzzReader) pick(n int) int { return int(r.byte()) % n }

// amount is a figure in fen: mostly up to 5000 yuan, now and then one of the
// interesting edges, rarely up to 10,000,000 yuan.
func (r *fuzzReader) amount(negative bool) money.Amount {
	var fen int64
	switch r.pick(8) {
	case 0:
		edges := []int64{0, 1, 254999, 255000, 255001, 305999, 306000, 382499, 382500, 85000, 84999, 64000}
		fen = edges[r.pick(len(edges))]
	case 1:
		fen = r.u32() % 1_000_000_000
	default:
		fen = r.u32() % 500_000
	}
	if negative && r.pick(4) == 0 {
		fen = -fen
	}
	a, _ := money.FromFen(fen)
	return a
}

var (
	fuzzRegions = []string{"230102", "230103", "230113", "230123", "230184", "230202", "110101"} // the last two: not covered, unknown
	fuzzDates   = []string{"2021-03-01", "2022-01-01", "2022-10-01", "2023-01-01", "2023-06-01", "2023-12-31", "2024-06-30", "2025-12-01"}
)

func (r *fuzzReader) date() standards.Date { return d(fuzzDates[r.pick(len(fuzzDates))]) }

// household builds a household: members with every kind of fact, income
// lists (one of up to 1000 items), property and expenditure lists of up to
// 1000 items each.
func (r *fuzzReader) household() *income.Household {
	h := &income.Household{Region: r.region(), Area: standards.AreaUrban}
	switch r.pick(64) {
	case 0:
		h.Area = standards.AreaAny // refused
	case 1, 2, 3, 4, 5, 6, 7:
		h.Area = standards.AreaRural
	}
	h.Supporter = income.Supporter(r.pick(4))
	if r.pick(8) == 0 {
		h.HasCaregiverFactor = true
		h.CaregiverFactor, _ = money.RateFromPercent(int64(r.pick(101)))
	}
	n := 1 + r.pick(6)
	long := r.pick(4) == 0
	for i := 0; i < n; i++ {
		m := income.Member{ID: string(rune('a' + i)), Relation: income.RelationApplicant, Labour: income.Labour(1 + r.pick(3))}
		if i > 0 {
			m.Relation = income.Relation(2 + r.pick(7))
		}
		year := 1920 + r.pick(100) // born by 2019
		if r.pick(32) == 0 {
			year = 2020 + r.pick(6) // perhaps after the date
		}
		m.BirthDate = standards.MustParseDate(strconv.Itoa(year) + "-" + two(1+r.pick(12)) + "-" + two(1+r.pick(28)))
		if c := standards.DisabilityCategory(r.pick(8)); c != standards.DisabilityNone && r.pick(2) == 0 {
			m.Disability = income.Disability{Category: c, Grade: 1 + r.pick(4)}
		}
		facts := r.byte()
		m.SeriousIllness = facts&1 != 0
		m.SpecialCare = facts&2 != 0
		m.MartyrFamily = facts&4 != 0
		m.ReturnedVeteran = facts&8 != 0
		m.Student = facts&16 != 0
		if facts&32 != 0 {
			m.ServiceDisabilityGrade = 1 + r.pick(10)
		}
		m.Dependency = income.Dependency(r.pick(3))
		items := r.pick(4)
		if long && i == 0 {
			items = r.u16() % (income.MaxItems + 1)
		}
		for j := 0; j < items; j++ {
			kind := standards.IncomeKind(2 + r.pick(14)) // every kind but wages (their minimum-wage tiers start in 2024)
			if r.pick(32) == 0 {
				kind = standards.IncomeWage
				m.Workplace = h.Region
			}
			in := income.Income{Kind: kind, Amount: r.amount(kind.MayBeNegative()), Period: income.Period{Unit: income.PeriodUnit(1 + r.pick(3))}}
			if long && i == 0 {
				in.Amount, _ = money.FromFen(int64(r.u16()))
			}
			if in.Period.Unit == income.PerTotal {
				in.Period.Months = r.pick(13)
			}
			if r.pick(4) == 0 {
				in.Verification = income.Suspected
			}
			if kind == standards.IncomeSupportReceived || kind == standards.IncomeSupportPaid {
				in.Basis = income.SupportBasis(1 + r.pick(3))
			}
			m.Incomes = append(m.Incomes, in)
		}
		h.Members = append(h.Members, m)
	}
	ref := func() string {
		if k := r.pick(n + 2); k < n {
			return string(rune('a' + k))
		}
		return ""
	}
	props := r.pick(4)
	if r.pick(4) == 0 {
		props = r.u16() % (income.MaxProperty + 1)
	}
	for i := 0; i < props; i++ {
		h.Property = append(h.Property, income.Property{Kind: income.PropertyKind(1 + r.pick(7)), Value: r.amount(false),
			Count: r.pick(3), Member: ref(), Exempt: r.pick(4) == 0})
	}
	exps := r.pick(4)
	if r.pick(4) == 0 {
		exps = r.u16() % (income.MaxExpenditures + 1)
	}
	for i := 0; i < exps; i++ {
		h.Expenditures = append(h.Expenditures, income.Expenditure{Kind: income.ExpenditureKind(1 + r.pick(5)), Amount: r.amount(false), Member: ref()})
	}
	return h
}

func two(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// current builds a current standing (now and then an undefined status, a
// start after the date, a gradual exit without its end or last amount).
func (r *fuzzReader) current() eligibility.Current {
	c := eligibility.Current{Status: eligibility.Status(r.pick(5))}
	if r.pick(32) == 0 {
		c.Status = eligibility.Status(5 + r.pick(251))
	}
	if r.pick(8) == 0 {
		c.Since = r.date()
	}
	if c.Status.Recipient() && r.pick(16) != 0 || r.pick(16) == 0 {
		c.MonthlyAmount, _ = money.FromFen(1 + r.u32()%1_000_000)
	}
	if c.Status == eligibility.GradualExit && r.pick(16) != 0 || r.pick(16) == 0 {
		c.GradualExitEnd = r.date()
	}
	return c
}

// region is mostly a covered Harbin county-level division.
func (r *fuzzReader) region() standards.Region {
	switch r.pick(16) {
	case 0:
		return region(fuzzRegions[5])
	case 1:
		return region(fuzzRegions[6])
	}
	return region(fuzzRegions[r.pick(5)])
}

func (r *fuzzReader) previous() *eligibility.Previous {
	if r.pick(2) == 0 {
		return nil
	}
	p := &eligibility.Previous{Date: r.date(), Countable: r.amount(false)}
	for i := 0; i < r.pick(3); i++ {
		p.SeriouslyIll = append(p.SeriouslyIll, string(rune('a'+r.pick(7))))
		p.SeverelyDisabled = append(p.SeverelyDisabled, string(rune('a'+r.pick(7))))
	}
	return p
}

func (r *fuzzReader) rise() (money.Rate, bool) {
	if r.pick(3) == 0 {
		return money.Rate{}, false
	}
	n := int64(int16(r.u16())) // −3.2768 … 3.2767 in ten-thousandths
	if r.pick(8) != 0 {
		n %= 1000 // mostly within ±10 %
	}
	rt, err := money.RateFromDecimal(decimal.New(n, -4))
	return rt, err == nil
}

// prices, equalised members and temporary assistance: every optional block.
func (r *fuzzReader) blocks(req *payment.Request) {
	req.Method = standards.Method(r.pick(3))
	if r.pick(2) == 0 {
		p := &payment.Prices{}
		if r.pick(8) != 0 {
			p.Month = r.date()
		}
		p.CPI, p.HasCPI = r.rise()
		p.FoodCPI, p.HasFoodCPI = r.rise()
		req.Prices = p
	}
	for i := 0; i < r.pick(3); i++ {
		id := string(rune('a' + r.pick(len(req.Household.Members))))
		if r.pick(16) == 0 {
			id = "nobody"
		}
		req.Equalised = append(req.Equalised, id)
	}
	if r.pick(2) == 0 {
		hardships := []string{"illness", "disaster", "odd", "illness", "disaster", "odd", "flood", ""}
		t := &payment.Temporary{Hardship: hardships[r.pick(len(hardships))], Place: r.region(),
			Area: standards.Area(r.pick(3)), Instalments: 1 + r.pick(6), PaidFirst: r.pick(2) == 0}
		if r.pick(16) == 0 {
			t.Instalments = r.pick(256) // perhaps 0, or more than the Set allows
		}
		if r.pick(2) == 0 {
			t.Requested, t.HasRequested = r.amount(false), true
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
		r := &fuzzReader{data: data}
		set := sets[r.pick(len(sets))]
		req := payment.Request{Request: eligibility.Request{Household: r.household(), Date: r.date(), Current: r.current(), Previous: r.previous()}}
		r.blocks(&req)
		req.Options.Explain = r.pick(2) == 0
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
			Amount: r.amount(false), Period: income.Monthly})
		h2.Members[0] = m0
		req.Household = &h2
		after, err := payment.Decide(req, set)
		if err != nil {
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
