package eligibility_test

import (
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func d(s string) standards.Date        { return standards.MustParseDate(s) }
func amt(s string) money.Amount        { return money.MustParse(s) }
func rate(s string) money.Rate         { return money.MustRate(s) }
func region(s string) standards.Region { return standards.MustRegion(s) }

// baseSet is the embedded Heilongjiang data: Harbin 市区 2023 urban standard
// 850, rural 640; 县(市) 689 / 483; edge bands 1.2× (urban only) and 1.5×;
// gradual exit ≤ 12 months; no property limits, monitoring thresholds or
// rigid-expenditure switch.
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

// pension is a verified monthly pension.
func pension(amount string) income.Income {
	return income.Income{Kind: standards.IncomePension, Amount: amt(amount), Period: income.Monthly}
}

// person is a member able to work, born on birth.
func person(id, birth string, rel income.Relation, incomes ...income.Income) income.Member {
	return income.Member{ID: id, BirthDate: d(birth), Relation: rel, Labour: income.LabourFull, Incomes: incomes}
}

// family is a 3-person urban household in 道里区 (230102) whose applicant
// (born 1960) has the given monthly pension; the spouse (born 1962) and the
// child (born 1990) have none.
func family(applicantIncome string) *income.Household {
	return &income.Household{Region: region("230102"), Area: standards.AreaUrban, Members: []income.Member{
		person("a", "1960-01-01", income.RelationApplicant, pension(applicantIncome)),
		person("b", "1962-01-01", income.RelationSpouse),
		person("c", "1990-01-01", income.RelationChild),
	}}
}

func classify(t testing.TB, set *standards.Set, req eligibility.Request) *eligibility.Result {
	t.Helper()
	req.Options.Explain = true
	r, err := eligibility.Classify(req, set)
	require.NoError(t, err)
	return r
}

func suffix(member string) string {
	if member == "" {
		return ""
	}
	return "@" + member
}

// codes lists the reasons as "code@member".
func codes(r *eligibility.Result) []string {
	var out []string
	for _, s := range r.Reasons {
		out = append(out, string(s.Code)+suffix(s.Member))
	}
	return out
}

// flags lists the flags as "code@member".
func flags(r *eligibility.Result) []string {
	var out []string
	for _, s := range r.Flags {
		out = append(out, string(s.Code)+suffix(s.Member))
	}
	return out
}

// step returns the first step of steps with the code (and member).
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

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var (
	zh = language.SimplifiedChinese
	en = language.English
)
