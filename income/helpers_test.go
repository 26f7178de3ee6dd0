package income_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func d(s string) standards.Date   { return standards.MustParseDate(s) }
func r(s string) standards.Region { return standards.MustRegion(s) }
func yuan(s string) money.Amount  { return money.MustParse(s) }
func rate(s string) money.Rate    { return money.MustRate(s) }
func exact(a money.Amount) string { return a.String() }
func show(a money.Amount) string  { return a.Display() }

// The embedded Heilongjiang data leaves the caregiver factor and the
// per-capita display rounding unsettled (policy §4); the tests add them by
// reform: factor 0.5 and fen half up, from 2021-01-01.
var testSets = sync.OnceValues(func() (*standards.Set, error) {
	base, err := heilongjiang.Set()
	if err != nil {
		return nil, err
	}
	return base.Apply(standards.Reform{
		Name: "test settings",
		From: d("2021-01-01"),
		Changes: []standards.Change{
			standards.ChangeTo(standards.ParamCaregiverIncomeFactor, money.MustRate("0.5")),
			standards.ChangeTo(standards.RoundPerCapitaDisplay, money.Rule{Unit: money.UnitFen, Mode: money.ModeHalfUp}),
		},
	})
})

// testSet is the embedded data with the test settings.
func testSet(t testing.TB) *standards.Set {
	t.Helper()
	s, err := testSets()
	require.NoError(t, err)
	return s
}

// heilongjiangSet is the embedded data as shipped.
func heilongjiangSet(t testing.TB) *standards.Set {
	t.Helper()
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	return s
}

// withFactor returns the test set with another caregiver factor.
func withFactor(t testing.TB, f string) *standards.Set {
	t.Helper()
	s, err := testSet(t).Apply(standards.Reform{Name: "factor " + f, From: d("2021-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamCaregiverIncomeFactor, money.MustRate(f))}})
	require.NoError(t, err)
	return s
}

// member is a member able to work, born on birth.
func member(id, birth string, rel income.Relation, incomes ...income.Income) income.Member {
	return income.Member{ID: id, BirthDate: d(birth), Relation: rel, Labour: income.LabourFull, Incomes: incomes}
}

// dependent is a member without labour capacity.
func dependent(id, birth string, rel income.Relation, incomes ...income.Income) income.Member {
	m := member(id, birth, rel, incomes...)
	m.Labour = income.LabourNone
	return m
}

func item(kind standards.IncomeKind, amount string, p income.Period) income.Income {
	return income.Income{Kind: kind, Amount: yuan(amount), Period: p}
}

func monthly(kind standards.IncomeKind, amount string) income.Income {
	return item(kind, amount, income.Monthly)
}

func annual(kind standards.IncomeKind, amount string) income.Income {
	return item(kind, amount, income.Annual)
}

func support(kind standards.IncomeKind, amount string, p income.Period, basis income.SupportBasis) income.Income {
	in := item(kind, amount, p)
	in.Basis = basis
	return in
}

func suspected(in income.Income) income.Income {
	in.Verification = income.Suspected
	return in
}

func wage(amount string) income.Income { return monthly(standards.IncomeWage, amount) }

// worker is the applicant, with a monthly wage earned at place.
func worker(id, amount, place string) income.Member {
	m := member(id, "1985-03-01", income.RelationApplicant, wage(amount))
	m.Workplace = r(place)
	return m
}

func household(region string, members ...income.Member) *income.Household {
	return &income.Household{Region: r(region), Area: standards.AreaUrban, Members: members}
}

// applicant is a one-member household in 230102 (道里区) with the incomes.
func applicant(incomes ...income.Income) *income.Household {
	return household("230102", dependent("a", "1950-01-01", income.RelationApplicant, incomes...))
}

// assess assesses with the explanation on and requires success.
func assess(t testing.TB, h *income.Household, set *standards.Set, date string) *income.Assessment {
	t.Helper()
	a, err := income.Assess(h, set, d(date), income.Options{Explain: true})
	require.NoError(t, err)
	return a
}

// problems requires err to be a *problem.Error and returns it.
func problems(t testing.TB, err error) *problem.Error {
	t.Helper()
	require.Error(t, err)
	pe, ok := problem.As(err)
	require.True(t, ok, "%T is not a *problem.Error: %v", err, err)
	return pe
}

// requireProblem requires a problem with the code at path.
func requireProblem(t testing.TB, err error, path string, c problem.Code) *problem.Error {
	t.Helper()
	pe := problems(t, err)
	assert.True(t, pe.Has(path, c), "want %s at %q; got:\n%v", c, path, err)
	return pe
}

// stepsOf returns the steps with the code.
func stepsOf(a *income.Assessment, c string) []int {
	var out []int
	for i, s := range a.Steps {
		if string(s.Code) == c {
			out = append(out, i)
		}
	}
	return out
}

// explainText renders the assessment's steps in Chinese ("zh") or English.
func explainText(a *income.Assessment, lang string) string {
	if lang == "zh" {
		return explain.Render(a.Steps, language.Chinese)
	}
	return explain.Render(a.Steps, language.English)
}

// mustExact reads an exact figure ("875/3", "0.005").
func mustExact(s string) money.Amount {
	a, err := money.ParseExact(s)
	if err != nil {
		panic(err)
	}
	return a
}
