package payment_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// A 低保 household of one in 道里区 (230102, urban) whose pension rose to
// 900 a month: above the standard of 850 (哈民政规〔2023〕6号) and below
// Harbin's urban edge line 1.2 × 850 = 1020, so R4's gradual exit begins
// (黑民规〔2021〕11号 四（一）, at most 12 months after the month of the
// decision: 2023-06-01 + 13 months − 1 day = 2024-06-30), continues the
// last payment of 250, and on 2024-07-01 has ended: an edge household.
func TestNextCurrentCarriesAGradualExit(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	req, err := payment.DecodeRequest([]byte(`{"date": "2023-06-01", "household": {"region": "230102", "area": "urban",
	  "members": [{"id": "a", "birth_date": "1983-04-01", "relation": "applicant", "labour": "full",
	    "incomes": [{"kind": "pension", "amount": "900", "period": "monthly"}]}]},
	  "current": {"status": "dibao", "since": "2022-01-01", "monthly_amount": "250"}}`))
	require.NoError(t, err)
	date := standards.MustParseDate
	steps := []struct {
		date   string
		status eligibility.Status
		total  string
		next   eligibility.Current
	}{
		{"2023-06-01", eligibility.GradualExit, "250",
			eligibility.Current{Status: eligibility.GradualExit, Since: date("2023-06-01"), MonthlyAmount: money.MustParse("250"), GradualExitEnd: date("2024-06-30")}},
		{"2024-06-01", eligibility.GradualExit, "250", // the last month of the exit: Since kept
			eligibility.Current{Status: eligibility.GradualExit, Since: date("2023-06-01"), MonthlyAmount: money.MustParse("250"), GradualExitEnd: date("2024-06-30")}},
		{"2024-07-01", eligibility.Edge, "0", eligibility.Current{Status: eligibility.Edge}},
	}
	for _, st := range steps {
		req.Date = date(st.date)
		d, err := payment.Decide(req, set)
		require.NoError(t, err, st.date)
		assert.Equal(t, st.status, d.Classification.Status, st.date)
		assert.Equal(t, money.MustParse(st.total), d.Total, st.date)
		next := payment.NextCurrent(d)
		assert.Equal(t, st.next, next, st.date)
		req.Current = next
	}
}

// The payment carried is the household's whole: a 低保 household of one
// aged 85 in 道里区 with a pension of 600 is paid 850 − 600 = 250 and the
// 老年人 supplement 0.15 × 850 = 127.50 (四（二）), 377.50 in all; under a
// tier table whose tier lines are the members' own, the tiers are carried
// too.
func TestNextCurrentCarriesEveryLine(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	req, err := payment.DecodeRequest([]byte(`{"date": "2024-06-01", "household": {"region": "230102", "area": "urban",
	  "members": [{"id": "a", "birth_date": "1939-01-01", "relation": "applicant", "labour": "none",
	    "incomes": [{"kind": "pension", "amount": "600", "period": "monthly"}]}], "supporter": "able"}}`))
	require.NoError(t, err)
	d, err := payment.Decide(req, set)
	require.NoError(t, err)
	require.Equal(t, eligibility.Dibao, d.Classification.Status)
	require.Equal(t, money.MustParse("377.5"), d.Total)
	next := payment.NextCurrent(d)
	assert.Equal(t, money.MustParse("377.5"), next.MonthlyAmount)
	assert.Equal(t, eligibility.Dibao, next.Status)
	assert.Equal(t, standards.MustParseDate("2024-06-01"), next.Since)
}
