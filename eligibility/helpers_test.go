package eligibility_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/fixture"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func d(s string) standards.Date    { return standards.MustParseDate(s) }
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// baseSet is the embedded Heilongjiang data: Harbin 市区 2023 urban standard
// 850, rural 640; edge bands 1.2× (urban) and 1.5×; gradual exit ≤ 12 months.
func baseSet(t testing.TB) *standards.Set {
	t.Helper()
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	return s
}

// reformed adds values the embedded data leaves unsettled, from 2021-01-01.
func reformed(t testing.TB, changes ...standards.Change) *standards.Set {
	t.Helper()
	s, err := baseSet(t).Apply(standards.Reform{Name: "test", From: d("2021-01-01"), Changes: changes})
	require.NoError(t, err)
	return s
}

func pension(amount string) income.Income { return fixture.Pension(amount) }

func person(id, birth string, rel income.Relation, incomes ...income.Income) income.Member {
	return fixture.Person(id, birth, rel, incomes...)
}

// family is a 3-person urban household in 道里区 whose applicant has the
// given monthly pension and whose other two members have none.
func family(applicantIncome string) *income.Household {
	a := person("a", "1960-01-01", income.RelationApplicant, pension(applicantIncome))
	b := person("b", "1962-01-01", income.RelationSpouse)
	c := person("c", "1990-01-01", income.RelationChild)
	return &income.Household{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Members: []income.Member{a, b, c}}
}

func classify(t testing.TB, set *standards.Set, req eligibility.Request) *eligibility.Result {
	t.Helper()
	req.Options.Explain = true
	r, err := eligibility.Classify(req, set)
	require.NoError(t, err)
	return r
}

func codes(r *eligibility.Result) []string {
	var out []string
	for _, rs := range r.Reasons {
		out = append(out, fmt.Sprintf("%s%s", rs.Code, memberSuffix(rs.Member)))
	}
	return out
}

func flags(r *eligibility.Result) []string {
	var out []string
	for _, f := range r.Flags {
		out = append(out, f.Code+memberSuffix(f.Member))
	}
	return out
}

func memberSuffix(m string) string {
	if m == "" {
		return ""
	}
	return "@" + m
}
