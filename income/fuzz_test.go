package income_test

import (
	"bytes"
	"errors"
	"fmt"
	"testing"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

func decodeSeeds(f *testing.F) {
	f.Add([]byte(validJSON))
	f.Add(append([]byte("\xef\xbb\xbf"), validJSON...))
	f.Add(bad(`"amount": "3000"`, `"amount": "1e999999999"`))
	f.Add(bad(`"months": 6`, `"months": 13`))
	f.Add(bad(`"period": "monthly"`, `"period": "months"`))
	f.Add(bad(`"area": "urban",`, `"area": "urban", "area": "urban",`))
	f.Add(bad(`"area": "urban",`, `"area": "urban", "caregiver_factor": "0.50", "basis": "residence",`))
	f.Add(bad(`"id": "c"`, "\"id\": \"c\xff\""))
	f.Add(bad(`"id": "c"`, `"id": "\u4e2d\ud83d\ude00\n"`))
	f.Add([]byte(`{"region": "230113", "area": "rural", "members": [{"id": "x", "birth_date": "2000-01-01", "relation": "applicant",
	  "labour": "partial", "workplace": "230113", "incomes": [{"kind": "wage", "amount": "0.01", "period": "total", "months": 7},
	  {"kind": "business_net", "amount": "-9999999.99", "period": "annual", "note": ""}]}],
	  "property": [], "expenditures": [{"kind": "accident", "amount": "0"}]}`))
	f.Add([]byte(`{"region": "230102", "area": "urban", "members": [{"id": "a", "birth_date": "1950-01-01", "relation": "applicant",
	  "labour": "none", "disability": {}, "cares_for": [], "incomes": []}], "caregiver_factor": null}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{"members": [{"cares_for": ["", "", 1]}]}`))
	f.Add([]byte(`{"members": [{"disability": {"grade": 1}}, {"disability": []}]}`))
}

// FuzzDecodeHousehold: no input panics; every failure is a *problem.Error
// of kind ErrInvalid; a decoded household encodes and decodes back to
// itself, by EncodeHousehold and by json.Marshal alike.
func FuzzDecodeHousehold(f *testing.F) {
	decodeSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		h, err := income.DecodeHousehold(data)
		if err != nil {
			pe, ok := problem.As(err)
			if !ok || !errors.Is(err, problem.ErrInvalid) || len(pe.Problems) == 0 {
				t.Fatalf("%T: %v", err, err)
			}
			return
		}
		out, err := income.EncodeHousehold(&h)
		if err != nil {
			t.Fatal(err)
		}
		back, err := income.DecodeHousehold(out)
		if err != nil {
			t.Fatalf("re-decode: %v\n%s", err, out)
		}
		if fmt.Sprintf("%#v", h) != fmt.Sprintf("%#v", back) {
			t.Fatalf("encode → decode differs:\n%#v\n%#v\n%s", h, back, out)
		}
		again, err := income.EncodeHousehold(&back)
		if err != nil || !bytes.Equal(out, again) {
			t.Fatalf("encode → decode → encode differs:\n%s\n%s", out, again)
		}
		compact, err := h.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		back, err = income.DecodeHousehold(compact)
		if err != nil || fmt.Sprintf("%#v", h) != fmt.Sprintf("%#v", back) {
			t.Fatalf("MarshalJSON → decode: %v\n%s", err, compact)
		}
	})
}

// bytesReader reads fuzz bytes as small numbers; past the end it reads 0.
type bytesReader struct {
	b []byte
	i int
}

func (r *bytesReader) u8() int {
	if r.i >= len(r.b) {
		return 0
	}
	v := r.b[r.i]
	r.i++
	return int(v)
}

func (r *bytesReader) u16() int { return r.u8()<<8 | r.u8() }

func (r *bytesReader) pick(n int) int { return r.u8() % n }

func (r *bytesReader) bit() bool { return r.u8()&1 == 1 }

// fuzzHousehold builds a household from fuzz bytes: up to 6 members, up to
// 1000 income items of every kind and period, caregivers, property and
// expenditure lists up to past their bounds. Most households validate; a
// few carry out-of-range values on purpose.
func fuzzHousehold(data []byte) (*income.Household, standards.Date) {
	rd := &bytesReader{b: data}
	dates := []string{"2024-06-01", "2025-11-30", "2025-12-01", "2025-12-31", "2026-01-01"}
	date := standards.MustParseDate(dates[rd.pick(len(dates))])
	regions := []string{"230102", "230113", "230184"}
	places := []string{"230102", "230111", "230113", "230184", "232700", "232761"}
	h := &income.Household{Region: standards.MustRegion(regions[rd.pick(len(regions))]), Area: standards.AreaUrban}
	if rd.bit() {
		h.Area = standards.AreaRural
	}
	if rd.bit() {
		h.Registration = income.RegistrationResidence
	}
	if rd.bit() {
		f, _ := money.RateFromPercent(int64(rd.pick(101)))
		h.CaregiverFactor, h.HasCaregiverFactor = f, true
	}
	invalid := rd.u8() == 255 // out-of-range values on purpose
	n := 1 + rd.pick(6)
	for i := range n {
		m := income.Member{ID: fmt.Sprintf("m%d", i), BirthDate: standards.MustParseDate("1980-05-05"),
			Relation: income.RelationOther, Labour: income.Labour(1 + rd.pick(3))}
		if i == 0 {
			m.Relation = income.RelationApplicant
		}
		if rd.bit() {
			m.BirthDate = standards.MustParseDate("2012-07-07") // a minor on every date used
		}
		m.Dependency = income.Dependency(rd.pick(3))
		if invalid {
			m.Labour = income.Labour(rd.u8())
			m.Dependency = income.Dependency(rd.u8())
		}
		h.Members = append(h.Members, m)
	}
	kinds := standards.IncomeKinds()
	items := rd.u16() % (income.MaxItems + 1)
	for range items {
		m := &h.Members[rd.pick(n)]
		k := kinds[rd.pick(len(kinds))]
		f := int64(rd.u16())
		if rd.bit() {
			f *= 100
		}
		if k.MayBeNegative() && rd.bit() {
			f = -f
		}
		amount, _ := money.FromFen(f)
		in := income.Income{Kind: k, Amount: amount}
		switch rd.pick(4) {
		case 0:
			in.Period = income.Monthly
		case 1:
			in.Period = income.Annual
		case 2:
			in.Period = income.Total
		default:
			in.Period = income.TotalOver(1 + rd.pick(12))
		}
		if rd.pick(4) == 0 {
			in.Verification = income.Suspected
		}
		if k == standards.IncomeSupportReceived || k == standards.IncomeSupportPaid {
			in.Basis = income.SupportBasis(1 + rd.pick(3))
		}
		if invalid && rd.pick(8) == 0 {
			in.Period.Unit = income.PeriodUnit(rd.u8())
		}
		if k == standards.IncomeWage {
			m.Workplace = standards.MustRegion(places[rd.pick(len(places))])
		}
		m.Incomes = append(m.Incomes, in)
	}
	// Caregivers, of members who are 失能 or minors.
	for i := range h.Members {
		if rd.pick(3) != 0 || n == 1 {
			continue
		}
		j := (i + 1 + rd.pick(n-1)) % n
		h.Members[i].CaresFor = append(h.Members[i].CaresFor, h.Members[j].ID)
		if h.Members[j].Dependency == income.DependencyNone {
			h.Members[j].Dependency = income.DependencyFull
		}
	}
	for range listLength(rd, income.MaxProperty) {
		f := int64(rd.u16())
		if rd.pick(16) == 0 {
			f *= 10000 // up to 6,553,500 yuan
		}
		v, _ := money.FromFen(f)
		p := income.Property{Kind: income.PropertyKind(1 + rd.pick(7)), Value: v, Count: rd.pick(3), Exempt: rd.bit()}
		if rd.bit() {
			p.Member = h.Members[rd.pick(n)].ID
		}
		h.Property = append(h.Property, p)
	}
	for range listLength(rd, income.MaxExpenditures) {
		v, _ := money.FromFen(int64(rd.u16()) * 100)
		e := income.Expenditure{Kind: income.ExpenditureKind(1 + rd.pick(5)), Amount: v}
		if rd.bit() {
			e.Member = h.Members[rd.pick(n)].ID
		}
		h.Expenditures = append(h.Expenditures, e)
	}
	return h, date
}

// listLength reads the length of a property or expenditure list: mostly
// short, sometimes at its bound, or one past it.
func listLength(rd *bytesReader, bound int) int {
	switch n := rd.u8(); n {
	case 254:
		return bound
	case 255:
		return bound + 1
	default:
		return n % 32
	}
}

func fuzzAssessSeeds(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 0, 0, 0, 0, 3, 1, 2, 0, 0, 0, 1, 0, 10, 0, 1, 0, 0, 5})
	f.Add([]byte("a household of several members, with wages, pensions and support"))
	f.Add(bytes.Repeat([]byte{1, 2, 3, 250, 7, 9, 11, 200, 13}, 400))
	f.Add(bytes.Repeat([]byte{3, 255, 1, 0, 4, 0, 255, 255, 1, 1}, 600)) // long lists, large amounts
	f.Add(bytes.Repeat([]byte{0xff}, 64))                                // out-of-range values
	// date, region, area, basis, no case factor, valid, 3 members (3 bytes
	// each), then 0x03e8 = 1000 income items.
	long := []byte{2, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 1, 0, 2, 0, 1, 0x03, 0xe8}
	for i := range 1000 * 9 {
		long = append(long, byte(i*7+3))
	}
	f.Add(long)
	long[3] = 1 // the same, a residence-permit household
	f.Add(long)
}

// FuzzAssess: no household panics, and the figures hold together:
// countable income is never negative and never above the gross income;
// it is the sum of the lines (or 0 when that is negative); the verified
// total is not above it when no suspicion would lower income; the
// explanation changes nothing; the batch path and the JSON form agree.
func FuzzAssess(f *testing.F) {
	fuzzAssessSeeds(f)
	set := testSet(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		h, date := fuzzHousehold(data)
		a, err := income.Assess(h, set, date, income.Options{Explain: true})
		if err != nil {
			if _, ok := problem.As(err); !ok {
				t.Fatalf("%T: %v", err, err)
			}
			if !errors.Is(err, problem.ErrInvalid) && !errors.Is(err, problem.ErrNotCovered) {
				t.Fatalf("neither invalid nor not covered: %v", err)
			}
			return
		}
		checkAssessment(t, h, a)
		for _, s := range a.Steps {
			if !explain.Known(s.Code) {
				t.Fatalf("unknown step %s", s.Code)
			}
		}

		// Without the explanation: the same figures.
		b, err := income.Assess(h, set, date, income.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := *a
		want.Steps, b.Steps = nil, nil
		if fmt.Sprintf("%#v", want) != fmt.Sprintf("%#v", *b) {
			t.Fatalf("the explanation changed the figures")
		}

		// The batch path: the same figures.
		var c income.Compact
		ids, err := income.CompactOf(h, &c, date)
		if err != nil {
			t.Fatal(err)
		}
		pl, err := income.NewPlan(set, h.Region, h.Area, date, standards.Date{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		var as income.Assessor
		got, err := as.AssessCompact(pl, &c, ids, date, nil)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprintf("%#v", want) != fmt.Sprintf("%#v", *got) {
			t.Fatalf("the batch path differs")
		}

		// The JSON form: the same figures.
		js, err := income.EncodeHousehold(h)
		if err != nil {
			t.Fatal(err)
		}
		j, err := income.AssessJSON(js, set, date, income.Options{})
		if err != nil {
			t.Fatalf("%v\n%s", err, js)
		}
		j.Steps = nil
		if fmt.Sprintf("%#v", want) != fmt.Sprintf("%#v", *j) {
			t.Fatalf("the JSON form differs")
		}
	})
}

// checkAssessment checks the invariants of an assessment of h.
func checkAssessment(t *testing.T, h *income.Household, a *income.Assessment) {
	t.Helper()
	var sum, sumVer, excluded, members money.Sum
	lowers := false // a suspected item that lowers income
	for _, l := range a.Lines {
		if l.Treatment == income.Excluded {
			excluded.Add(l.Monthly)
			continue
		}
		sum.Add(l.Monthly)
		sumVer.Add(l.MonthlyVerified)
		if !l.Verified && l.Monthly.Sign() < 0 {
			lowers = true
		}
	}
	for _, m := range a.Members {
		members.Add(m.Countable)
	}
	raw, ok1 := sum.Amount()
	rawVer, ok2 := sumVer.Amount()
	ex, ok3 := excluded.Amount()
	mem, ok4 := members.Amount()
	if !ok1 || !ok2 || !ok3 || !ok4 {
		t.Fatalf("sums out of range")
	}
	zero := money.Zero
	switch {
	case a.Countable.Sign() < 0 || a.CountableVerified.Sign() < 0:
		t.Fatalf("negative countable income %s / %s", a.Countable, a.CountableVerified)
	case a.Countable.Cmp(money.Max(a.Gross, zero)) > 0:
		t.Fatalf("countable %s above gross %s", a.Countable, a.Gross)
	case a.Countable != money.Max(raw, zero):
		t.Fatalf("lines sum to %s, countable %s", raw, a.Countable)
	case a.Floored != (raw.Sign() < 0):
		t.Fatalf("floored %v with lines summing to %s", a.Floored, raw)
	case a.CountableVerified != money.Max(rawVer, zero):
		t.Fatalf("verified lines sum to %s, countable verified %s", rawVer, a.CountableVerified)
	case !lowers && a.CountableVerified.Cmp(a.Countable) > 0:
		t.Fatalf("verified %s above countable %s without a suspicion lowering income", a.CountableVerified, a.Countable)
	case ex != a.Excluded:
		t.Fatalf("excluded lines sum to %s, excluded %s", ex, a.Excluded)
	case mem != raw:
		t.Fatalf("members sum to %s, lines to %s", mem, raw)
	case a.SupportPaid.Sign() < 0 || a.EmploymentDeduction.Sign() < 0 || a.CaregiverReduction.Sign() < 0:
		t.Fatalf("a negative deduction")
	case a.Size != len(h.Members) || len(a.Members) != len(h.Members):
		t.Fatalf("size %d for %d members", a.Size, len(h.Members))
	}
	total, _ := a.Gross.Sub(a.SupportPaid)
	total, _ = total.Sub(a.EmploymentDeduction)
	total, _ = total.Sub(a.CaregiverReduction)
	if total != raw {
		t.Fatalf("gross − deductions = %s, lines %s", total, raw)
	}
	items := 0
	for _, m := range h.Members {
		items += len(m.Incomes)
	}
	deductions := 0
	for _, l := range a.Lines {
		if l.Item < 0 {
			deductions++
		}
	}
	if len(a.Lines)-deductions != items {
		t.Fatalf("%d item lines for %d items", len(a.Lines)-deductions, items)
	}
}
