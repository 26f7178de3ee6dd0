package payment_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/fixture"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func d(s string) standards.Date    { return standards.MustParseDate(s) }
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }
func r(s string) standards.Region  { return standards.MustRegion(s) }

func fen(u standards.RoundingMode) standards.RoundingRule {
	return standards.RoundingRule{Unit: standards.UnitFen, Mode: u}
}

// settings are the values the embedded data leaves unsettled, as a test
// locality would declare them, from 2021-01-01: payment total to the fen
// half-up, supplements highest-once, 老年人 from 60.
func settings(extra ...standards.Change) []standards.Change {
	return append([]standards.Change{
		{Param: standards.RoundPaymentTotal.Param(), Value: fen(standards.ModeHalfUp)},
		{Param: standards.ParamSupplementStacking, Value: standards.StackingHighest},
		{Param: standards.ParamElderlyAge, Value: 60},
	}, extra...)
}

func testSet(t testing.TB, extra ...standards.Change) *standards.Set {
	t.Helper()
	base, err := heilongjiang.Set()
	require.NoError(t, err)
	s, err := base.Apply(standards.Reform{Name: "test settings", From: d("2021-01-01"), Changes: settings(extra...)})
	require.NoError(t, err)
	return s
}

func pension(amount string) income.Income { return fixture.Pension(amount) }

func person(id, birth string, rel income.Relation, incomes ...income.Income) income.Member {
	return fixture.Person(id, birth, rel, incomes...)
}

// family: 3 members in 道里区 (urban); the applicant (born 1970) has the
// pension; the others (born 1972 and 1995) have none and fit no supplement
// category on dates in 2021–2025.
func family(pensionAmount string) *income.Household {
	return &income.Household{Region: r("230102"), Area: standards.AreaUrban, Members: []income.Member{
		person("a", "1970-01-01", income.RelationApplicant, pension(pensionAmount)),
		person("b", "1972-01-01", income.RelationSpouse),
		person("c", "1995-01-01", income.RelationChild),
	}}
}

func decide(t testing.TB, set *standards.Set, req payment.Request) *payment.Decision {
	t.Helper()
	req.Options.Explain = true
	dcs, err := payment.Decide(req, set)
	require.NoError(t, err)
	return dcs
}

func req(h *income.Household, date string) payment.Request {
	return payment.Request{Request: eligibility.Request{Household: h, Date: d(date)}}
}

func lines(dcs *payment.Decision) map[string]string {
	out := map[string]string{}
	for _, l := range dcs.Lines {
		key := l.Code
		if l.Member != "" {
			key += "@" + l.Member
		}
		out[key] = l.Amount.StringFixed(2)
	}
	return out
}
