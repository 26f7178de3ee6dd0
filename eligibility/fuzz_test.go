package eligibility_test

import (
	"encoding/json"
	"errors"
	"strconv"
	"testing"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
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

func fuzzSets(f *testing.F) []*standards.Set {
	full := reformed(f,
		standards.ChangeTo(standards.ParamPropertyLimits, standards.PropertyLimits{
			Dibao: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasDibao: true,
			Edge: standards.PropertyLimit{FinancialAssetsMonths: rate("36"), MaxDwellings: 1, VehiclesAllowed: true}, HasEdge: true,
			Tekun: standards.PropertyLimit{FinancialAssetsMonths: rate("24"), MaxDwellings: 1}, HasTekun: true}),
		standards.ChangeTo(standards.ParamMonitoring, standards.Monitoring{NearThreshold: rate("1.2"), HasNearThreshold: true,
			SharpDrop: rate("0.3"), HasSharpDrop: true, RigidShare: rate("0.6"), HasRigidShare: true}),
		standards.ChangeTo(standards.ParamRigidExpenditureDeduction, true),
		standards.ChangeTo(standards.ParamSevereGrade3Categories, []standards.DisabilityCategory{standards.DisabilityIntellectual}),
		standards.ChangeTo(standards.ParamCaregiverIncomeFactor, rate("0.5")),
	)
	return []*standards.Set{baseSet(f), full}
}

// FuzzClassify classifies households built from the fuzz input, with every
// optional block of a request, and checks: no panic; an error is a
// *problem.Error of one of the two kinds; the status is one of the five;
// the figures agree with the status; the result marshals to valid JSON;
// and, for a new application found not eligible, more verified income never
// makes it eligible.
func FuzzClassify(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("a household of three in 道里区, 2023"))
	f.Add([]byte{0, 0, 1, 0, 3, 0, 40, 5, 10, 0, 0, 2, 1, 3, 0, 0, 0, 0, 0, 7, 0, 0, 200, 4, 1, 1, 0, 9})
	f.Add([]byte{255, 254, 253, 252, 251, 250, 128, 64, 32, 16, 8, 4, 2, 1})
	sets := fuzzSets(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &fuzzReader{data: data}
		set := sets[r.pick(len(sets))]
		req := eligibility.Request{Household: r.household(), Date: r.date(), Current: r.current(), Previous: r.previous()}
		res, err := eligibility.Classify(req, set)
		if err != nil {
			checkError(t, err)
			return
		}
		checkResult(t, res, &req)

		if req.Current.Status != eligibility.NotEligible || res.Status != eligibility.NotEligible {
			return
		}
		h2 := *req.Household
		h2.Members = append([]income.Member(nil), h2.Members...)
		m0 := h2.Members[0]
		m0.Incomes = append(append([]income.Income(nil), m0.Incomes...), income.Income{Kind: standards.IncomePension,
			Amount: r.amount(false), Period: income.Monthly})
		h2.Members[0] = m0
		req.Household = &h2
		res2, err := eligibility.Classify(req, set)
		if err == nil && res2.Status != eligibility.NotEligible {
			t.Fatalf("more verified income turned not eligible into %s: %s → %s", res2.Status, res.Countable, res2.Countable)
		}
	})
}

func checkError(t *testing.T, err error) {
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

func checkResult(t *testing.T, r *eligibility.Result, req *eligibility.Request) {
	t.Helper()
	if !r.Status.Valid() {
		t.Fatalf("status %d is not one of the five", r.Status)
	}
	if r.Countable.Sign() < 0 {
		t.Fatalf("negative countable income %s", r.Countable)
	}
	if line, ok := r.Standard.V.MulInt(int64(r.Size)); !ok || line != r.Line || r.Size != len(req.Household.Members) {
		t.Fatalf("line %s ≠ %s × %d", r.Line, r.Standard.V, r.Size)
	}
	if r.Status == eligibility.Dibao && (r.Countable.Cmp(r.Line) >= 0 || !r.Property[0].Within) {
		t.Fatalf("dibao with %s against %s (property within: %v)", r.Countable, r.Line, r.Property[0].Within)
	}
	if (r.EdgeBand != "") != (r.Status == eligibility.Edge || r.Status == eligibility.GradualExit) {
		t.Fatalf("edge band %q on a %s household", r.EdgeBand, r.Status)
	}
	if !r.GradualExitEnd.IsZero() != (r.Status == eligibility.GradualExit) {
		t.Fatalf("gradual-exit end %s on a %s household", r.GradualExitEnd, r.Status)
	}
	if r.Status == eligibility.GradualExit && !req.Current.Status.Recipient() {
		t.Fatalf("a gradual exit for a household that received nothing (%s)", req.Current.Status)
	}
	if len(r.Members) != r.Size {
		t.Fatalf("%d member results for %d members", len(r.Members), r.Size)
	}
	for _, m := range r.Members {
		if m.Status == eligibility.MemberSinglePerson && (r.Status == eligibility.Dibao || r.Status == eligibility.Tekun) {
			t.Fatalf("single-person member in a %s household", r.Status)
		}
		if r.Status == eligibility.Tekun && m.Status != eligibility.MemberTekun {
			t.Fatalf("a 特困 household with member %s %s", m.ID, m.Status)
		}
		if m.Status == eligibility.MemberTekun && (m.Care < standards.CareSelf || m.Care > standards.CareFull) {
			t.Fatalf("member %s without a care level", m.ID)
		}
		if m.Countable.Sign() < 0 {
			t.Fatalf("member %s: negative own income %s", m.ID, m.Countable)
		}
	}
	if r.VerificationRequired != (len(r.Pending) > 0) {
		t.Fatalf("verification required %v with %d pending items", r.VerificationRequired, len(r.Pending))
	}
	if r.Basis == eligibility.VerifiedOnly && !req.Current.Status.Recipient() {
		t.Fatalf("a new application decided on verified items only")
	}
	b, err := json.Marshal(r)
	if err != nil || !json.Valid(b) {
		t.Fatalf("result JSON: %v", err)
	}
	_ = r.Explain(en)
	_ = r.Explain(zh)
}
