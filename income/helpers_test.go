package income_test

import (
	"sync"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func d(s string) standards.Date    { return standards.MustParseDate(s) }
func r(s string) standards.Region  { return standards.MustRegion(s) }
func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The embedded Heilongjiang data leaves the caregiver factor and the
// per-capita display rounding unsettled; the tests add them by reform:
// factor 0.5 and fen half-up from 2021-01-01.
var testSets = sync.OnceValues(func() (*standards.Set, error) {
	base, err := heilongjiang.Set()
	if err != nil {
		return nil, err
	}
	return base.Apply(standards.Reform{
		Name: "test settings",
		From: d("2021-01-01"),
		Changes: []standards.Change{
			{Param: standards.ParamCaregiverIncomeFactor, Value: dec("0.5")},
			{Param: standards.RoundPerCapitaDisplay.Param(), Value: standards.RoundingRule{Unit: standards.UnitFen, Mode: standards.ModeHalfUp}},
		},
	})
})

func testSet(t testing.TB) *standards.Set {
	t.Helper()
	s, err := testSets()
	require.NoError(t, err)
	return s
}

// withFactor returns the test set with another caregiver factor.
func withFactor(t testing.TB, f string) *standards.Set {
	t.Helper()
	s, err := testSet(t).Apply(standards.Reform{Name: "factor " + f, From: d("2021-01-01"),
		Changes: []standards.Change{{Param: standards.ParamCaregiverIncomeFactor, Value: dec(f)}}})
	require.NoError(t, err)
	return s
}

func member(id, birth string, rel income.Relation, incomes ...income.Income) income.Member {
	return income.Member{ID: id, BirthDate: d(birth), Relation: rel, Labour: income.LabourFull, Incomes: incomes}
}

func monthly(kind standards.IncomeKind, amount string) income.Income {
	return income.Income{Kind: kind, Amount: dec(amount), Period: income.Monthly}
}

func wage(amount string) income.Income { return monthly(standards.IncomeWage, amount) }

func worker(id, amount, place string) income.Member {
	m := member(id, "1985-03-01", income.RelationApplicant, wage(amount))
	m.Workplace = r(place)
	return m
}

func household(region string, members ...income.Member) *income.Household {
	return &income.Household{Region: r(region), Area: standards.AreaUrban, Members: members}
}

func assess(t testing.TB, h *income.Household, set *standards.Set, date string) *income.Assessment {
	t.Helper()
	a, err := income.Assess(h, set, d(date), income.Options{Explain: true})
	require.NoError(t, err)
	return a
}

func heilongjiangSet(t testing.TB) *standards.Set {
	t.Helper()
	s, err := heilongjiang.Set()
	require.NoError(t, err)
	return s
}

var englishTag = language.English
