package income_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// population builds n synthetic households of 1–5 members with wages in
// several tiers, pensions, support and the odd caregiver.
func population(n int) []income.Household {
	places := []string{"230102", "230113", "230184", "230111", "232761"}
	out := make([]income.Household, n)
	for i := range out {
		size := 1 + i%5
		h := income.Household{Region: standards.MustRegion("230102"), Area: standards.AreaUrban}
		for j := 0; j < size; j++ {
			m := income.Member{ID: fmt.Sprintf("m%d", j), BirthDate: standards.MustParseDate("1980-01-01"),
				Relation: income.RelationOther, Labour: income.LabourFull}
			if j == 0 {
				m.Relation = income.RelationApplicant
			}
			switch (i + j) % 4 {
			case 0:
				m.Workplace = standards.MustRegion(places[(i+j)%len(places)])
				m.Incomes = []income.Income{{Kind: standards.IncomeWage, Amount: dec(fmt.Sprintf("%d.%02d", 1500+i%900, i%100)), Period: income.Monthly}}
			case 1:
				m.Incomes = []income.Income{{Kind: standards.IncomePension, Amount: dec(fmt.Sprintf("%d", 9000+i%5000)), Period: income.Annual}}
			case 2:
				m.BirthDate = standards.MustParseDate("2015-06-01")
				m.Labour = income.LabourNone
			case 3:
				m.Incomes = []income.Income{
					{Kind: standards.IncomeSupportReceived, Amount: dec("1800"), Period: income.Over(6), Basis: income.SupportByAgreement},
					{Kind: standards.IncomeSpecialCarePension, Amount: dec("300"), Period: income.Monthly},
				}
			}
			h.Members = append(h.Members, m)
		}
		out[i] = h
	}
	return out
}

// BenchmarkAssessor is the batch path: one Assessor, no explanation. Report
// is per household.
func BenchmarkAssessor(b *testing.B) {
	set := testSet(b)
	pop := population(10_000)
	a := income.NewAssessor(set, income.Options{})
	date := d("2025-12-01")
	for i := range pop { // warm the caches
		if _, err := a.Assess(&pop[i], date); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if _, err := a.Assess(&pop[i], date); err != nil {
			b.Fatal(err)
		}
		i++
		if i == len(pop) {
			i = 0
		}
	}
}

// BenchmarkAssessExplained is one household with the full explanation,
// rendered in both languages.
func BenchmarkAssessExplained(b *testing.B) {
	set := testSet(b)
	h := caregiverHousehold()
	date := d("2024-06-01")
	b.ReportAllocs()
	for b.Loop() {
		a, err := income.Assess(h, set, date, income.Options{Explain: true})
		if err != nil {
			b.Fatal(err)
		}
		_ = a.Explain(language.SimplifiedChinese)
		_ = a.Explain(language.English)
	}
}

// BenchmarkAssessWithSteps is one household with explanation steps
// recorded but not rendered.
func BenchmarkAssessWithSteps(b *testing.B) {
	set := testSet(b)
	h := caregiverHousehold()
	date := d("2024-06-01")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := income.Assess(h, set, date, income.Options{Explain: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeHousehold(b *testing.B) {
	data := []byte(validJSON)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := income.DecodeHousehold(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkDecodeHostile(b *testing.B) {
	data := bad(`"amount": "3000"`, `"amount": "`+strings.Repeat("9", 500_000)+`"`)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := income.DecodeHousehold(data); err == nil {
			b.Fatal("accepted")
		}
	}
}

// The batch path allocates nothing per household once the caches are warm.
func TestBatchPathDoesNotAllocate(t *testing.T) {
	set := testSet(t)
	pop := population(200)
	a := income.NewAssessor(set, income.Options{})
	date := d("2025-12-01")
	for i := range pop {
		_, err := a.Assess(&pop[i], date)
		require.NoError(t, err)
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		_, _ = a.Assess(&pop[i%len(pop)], date)
		i++
	})
	assert.Zero(t, allocs)
}

// The Assessor and the package function agree on every household.
func TestAssessorMatchesAssess(t *testing.T) {
	set := testSet(t)
	pop := population(300)
	a := income.NewAssessor(set, income.Options{})
	date := d("2025-12-01")
	for i := range pop {
		got, err := a.Assess(&pop[i], date)
		require.NoError(t, err)
		want, err := income.Assess(&pop[i], set, date, income.Options{Explain: true})
		require.NoError(t, err)
		require.Equal(t, want.Countable, got.Countable, "household %d", i)
		require.Equal(t, len(want.Lines), len(got.Lines), "household %d", i)
		for j := range want.Lines {
			require.Equal(t, want.Lines[j], got.Lines[j], "household %d line %d", i, j)
		}
	}
}
