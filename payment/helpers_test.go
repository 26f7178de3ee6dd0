package payment_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func d(s string) standards.Date        { return standards.MustParseDate(s) }
func amt(s string) money.Amount        { return money.MustParse(s) }
func rate(s string) money.Rate         { return money.MustRate(s) }
func region(s string) standards.Region { return standards.MustRegion(s) }

var (
	zh = language.SimplifiedChinese
	en = language.English
)

func rule(u money.Unit, m money.Mode) money.Rule { return money.Rule{Unit: u, Mode: m} }

// settings are the values the embedded data leaves unsettled, as a test
// locality would declare them, from 2021-01-01: payment lines to the fen
// half-up, supplements highest-once, 老年人 from 60.
func settings(extra ...standards.Change) []standards.Change {
	return append([]standards.Change{
		standards.ChangeTo(standards.RoundPaymentTotal, rule(money.UnitFen, money.ModeHalfUp)),
		standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingHighest),
		standards.ChangeTo(standards.ParamElderlyAge, 60),
	}, extra...)
}

func base(t testing.TB) *standards.Set {
	t.Helper()
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	return s
}

// testSet is the embedded data with the settings and any further changes
// (a later change to the same parameter wins).
func testSet(t testing.TB, extra ...standards.Change) *standards.Set {
	t.Helper()
	s, err := base(t).Apply(standards.Reform{Name: "test settings", From: d("2021-01-01"), Changes: settings()})
	require.NoError(t, err)
	if len(extra) > 0 {
		s, err = s.Apply(standards.Reform{Name: "test changes", From: d("2021-01-01"), Changes: extra})
		require.NoError(t, err)
	}
	return s
}

func pension(amount string) income.Income {
	return income.Income{Kind: standards.IncomePension, Amount: amt(amount), Period: income.Monthly}
}

func annual(amount string) income.Income {
	return income.Income{Kind: standards.IncomePension, Amount: amt(amount), Period: income.Annual}
}

func person(id, birth string, rel income.Relation, incomes ...income.Income) income.Member {
	return income.Member{ID: id, BirthDate: d(birth), Relation: rel, Labour: income.LabourFull, Incomes: incomes}
}

// family: 3 members in 道里区 (urban); the applicant (born 1970) has the
// pension; the others (born 1972 and 1995) have none; nobody fits a
// supplement category on dates in 2021–2025.
func family(pensionAmount string) *income.Household {
	return &income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{
		person("a", "1970-01-01", income.RelationApplicant, pension(pensionAmount)),
		person("b", "1972-01-01", income.RelationSpouse),
		person("c", "1995-01-01", income.RelationChild),
	}}
}

func req(h *income.Household, date string) payment.Request {
	return payment.Request{Request: eligibility.Request{Household: h, Date: d(date)}}
}

// decide decides with the explanation and checks every line (checkLines).
func decide(t testing.TB, set *standards.Set, r payment.Request) *payment.Decision {
	t.Helper()
	r.Options.Explain = true
	dcs, err := payment.Decide(r, set)
	require.NoError(t, err)
	checkLines(t, dcs)
	return dcs
}

// checkLines checks what holds for every decision: no line disagrees with
// its own rounding — Exact rounded by the line's rule is Amount, or Exact is
// Amount when the line names no rule —, no figure is negative, and the total
// is the sum of the lines.
func checkLines(t testing.TB, dcs *payment.Decision) {
	t.Helper()
	var sum money.Sum
	for _, l := range dcs.Lines {
		require.GreaterOrEqual(t, l.Exact.Sign(), 0, "%s%s: exact %s", l.Code, suffix(l.Member), l.Exact)
		require.GreaterOrEqual(t, l.Amount.Sign(), 0, "%s%s: amount %s", l.Code, suffix(l.Member), l.Amount)
		sum.Add(l.Amount)
		if l.Rounding == nil {
			require.Equal(t, l.Exact.String(), l.Amount.String(), "%s%s: no rounding rule, yet exact %s ≠ amount %s",
				l.Code, suffix(l.Member), l.Exact, l.Amount)
			continue
		}
		r, ok := l.Exact.Round(l.Rounding.V)
		require.True(t, ok)
		require.Equal(t, r.String(), l.Amount.String(), "%s%s: exact %s rounded %s is %s, not the amount %s",
			l.Code, suffix(l.Member), l.Exact, l.Rounding.V, r, l.Amount)
	}
	total, ok := sum.Amount()
	require.True(t, ok)
	require.Equal(t, total.String(), dcs.Total.String(), "the total is the sum of the lines")
	require.GreaterOrEqual(t, dcs.Total.Sign(), 0)
}

func suffix(member string) string {
	if member == "" {
		return ""
	}
	return "@" + member
}

// lines maps "code@member" to the amount paid, with two decimals.
func lines(dcs *payment.Decision) map[string]string {
	out := map[string]string{}
	for _, l := range dcs.Lines {
		out[string(l.Code)+suffix(l.Member)] = l.Amount.Display()
	}
	return out
}

// priceSubsidy returns the price-subsidy lines' sum ("" without any) and
// how many persons they pay: one line per covered person.
func priceSubsidy(dcs *payment.Decision) (string, int) {
	var sum money.Sum
	n := 0
	for _, l := range dcs.Lines {
		if l.Code == explain.LinePriceSubsidy {
			sum.Add(l.Amount)
			n++
		}
	}
	if n == 0 {
		return "", 0
	}
	a, _ := sum.Amount()
	return a.Display(), n
}

// line returns the line with the code and member.
func line(t testing.TB, dcs *payment.Decision, code explain.Code, member string) payment.Line {
	t.Helper()
	for _, l := range dcs.Lines {
		if l.Code == code && l.Member == member {
			return l
		}
	}
	require.Failf(t, "line not found", "%s%s in %v", code, suffix(member), lines(dcs))
	return payment.Line{}
}

// step returns the first step with the code and member.
func step(t testing.TB, steps []explain.Step, code explain.Code, member string) explain.Step {
	t.Helper()
	for _, s := range steps {
		if s.Code == code && s.Member == member {
			return s
		}
	}
	require.Failf(t, "step not found", "%s%s", code, suffix(member))
	return explain.Step{}
}

// arg returns a step's argument in its exact machine form.
func arg(t testing.TB, s explain.Step, name string) string {
	t.Helper()
	a, ok := s.Arg(name)
	require.True(t, ok, "argument %q of %s", name, s.Code)
	return a.Value()
}

// without is the embedded data with some parameters taken out — top-level
// names ("payment_method") or rounding points ("rounding.payment_total") —,
// so that a test does not depend on whether the data declares them.
func without(t testing.TB, params ...string) *standards.Set {
	t.Helper()
	var doc map[string]any
	require.NoError(t, json.Unmarshal(heilongjiang.JSON(), &doc))
	ps := doc["parameters"].(map[string]any)
	for _, p := range params {
		if point, ok := strings.CutPrefix(p, "rounding."); ok {
			if r, ok := ps["rounding"].(map[string]any); ok {
				delete(r, point)
			}
			continue
		}
		delete(ps, p)
	}
	b, err := json.Marshal(doc)
	require.NoError(t, err)
	divs, err := heilongjiang.Divisions()
	require.NoError(t, err)
	s, err := standards.Load(b, standards.LoadOptions{Divisions: divs})
	require.NoError(t, err)
	for _, p := range params {
		for _, k := range s.Params() {
			require.NotEqual(t, p, k.Name(), "%s is still declared", p)
		}
	}
	return s
}

// hypotheticalSet is testSet with values below the provincial guidance
// allowed: standards chosen for their arithmetic (600, 630), not real ones.
func hypotheticalSet(t testing.TB, extra ...standards.Change) *standards.Set {
	t.Helper()
	s, err := testSet(t).Apply(standards.Reform{Name: "hypothetical values", From: d("2021-01-01"), Changes: extra, AllowOutOfRange: true})
	require.NoError(t, err)
	return s
}

// apply adds changes from 2021-01-01.
func apply(t testing.TB, s *standards.Set, changes ...standards.Change) *standards.Set {
	t.Helper()
	s, err := s.Apply(standards.Reform{Name: "test changes", From: d("2021-01-01"), Changes: changes})
	require.NoError(t, err)
	return s
}
