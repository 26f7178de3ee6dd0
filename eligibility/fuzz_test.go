package eligibility_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/fuzzgen"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

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
// and, for a new application found not eligible, more verified income of a
// tested member never makes it eligible. (More income of a member supported
// alone as 特困 may: the member can leave 特困 and join the household's
// test, bringing rigid expenditure that comes off its income —
// TestRigidExpenditureOfTekunMember.)
func FuzzClassify(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15})
	f.Add([]byte("a household of three in 道里区, 2023"))
	f.Add([]byte{0, 0, 1, 0, 3, 0, 40, 5, 10, 0, 0, 2, 1, 3, 0, 0, 0, 0, 0, 7, 0, 0, 200, 4, 1, 1, 0, 9})
	f.Add([]byte{255, 254, 253, 252, 251, 250, 128, 64, 32, 16, 8, 4, 2, 1})
	sets := fuzzSets(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		r := fuzzgen.New(data)
		set := sets[r.Pick(len(sets))]
		req := eligibility.Request{Household: r.Household(), Date: r.Date(), Current: r.Current(), Previous: r.Previous()}
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
		i := 0
		for res.Members[i].Status == eligibility.MemberTekun {
			i++ // at least one member is tested (checkResult)
		}
		m := h2.Members[i]
		m.Incomes = append(append([]income.Income(nil), m.Incomes...), income.Income{Kind: standards.IncomePension,
			Amount: r.Amount(false), Period: income.Monthly})
		h2.Members[i] = m
		req.Household = &h2
		res2, err := eligibility.Classify(req, set)
		if err == nil && res2.Status != eligibility.NotEligible {
			t.Fatalf("more verified income of member %s turned not eligible into %s: %s → %s", m.ID, res2.Status, res.Countable, res2.Countable)
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
	alone := 0
	for _, m := range r.Members {
		if m.Status == eligibility.MemberTekun {
			alone++
		}
	}
	if r.Status == eligibility.Tekun {
		alone = 0 // every member 特困: the household's test covers them all
	}
	if r.Size != len(req.Household.Members) || r.Tested != r.Size-alone || r.Tested < 1 {
		t.Fatalf("%d tested of %d members, %d supported alone", r.Tested, r.Size, alone)
	}
	if line, ok := r.Standard.V.MulInt(int64(r.Tested)); !ok || line != r.Line {
		t.Fatalf("line %s ≠ %s × %d", r.Line, r.Standard.V, r.Tested)
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
		paid := r.Status == eligibility.Dibao || r.Status == eligibility.Tekun || r.Status == eligibility.GradualExit
		if (m.Status == eligibility.MemberSinglePerson || m.Status == eligibility.MemberGradualExit) && paid {
			t.Fatalf("member %s %s in a %s household: paid twice", m.ID, m.Status, r.Status)
		}
		if (m.Status == eligibility.MemberGradualExit) != !m.GradualExitEnd.IsZero() {
			t.Fatalf("member %s %s with exit end %s", m.ID, m.Status, m.GradualExitEnd)
		}
		if m.Status == eligibility.MemberGradualExit {
			if mc := req.Current.Member(m.ID); mc.Status != eligibility.MemberSinglePerson && mc.Status != eligibility.MemberGradualExit {
				t.Fatalf("member %s in a gradual exit after %s", m.ID, mc.Status)
			}
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
	if r.Basis == eligibility.VerifiedOnly && !req.Current.Status.Recipient() && len(req.Current.Members) == 0 {
		t.Fatalf("a new application decided on verified items only")
	}
	b, err := json.Marshal(r)
	if err != nil || !json.Valid(b) {
		t.Fatalf("result JSON: %v", err)
	}
	_ = r.Explain(en)
	_ = r.Explain(zh)
}
