package income_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// population builds n households of 1–5 members in 道里区 or 双城区: wages
// earned in several tiers and places (a prefecture among them), pensions,
// children, support received, excluded kinds, suspicions and caregivers.
func population(n int) []income.Household {
	places := []string{"230102", "230113", "230184", "230111", "232761", "232700"}
	regions := []string{"230102", "230113"}
	out := make([]income.Household, n)
	for i := range out {
		size := 1 + i%5
		h := income.Household{Region: standards.MustRegion(regions[i%2]), Area: standards.AreaUrban}
		if i%7 == 0 {
			h.Area = standards.AreaRural
		}
		for j := range size {
			m := income.Member{ID: fmt.Sprintf("m%d", j), BirthDate: standards.MustParseDate("1980-01-01"),
				Relation: income.RelationOther, Labour: income.LabourFull}
			switch (i + j) % 5 {
			case 0:
				m.Workplace = standards.MustRegion(places[(i+j)%len(places)])
				m.Incomes = []income.Income{
					{Kind: standards.IncomeWage, Amount: yuan(fmt.Sprintf("%d.%02d", 100+i%3000, i%100)), Period: income.Monthly},
					{Kind: standards.IncomeWage, Amount: yuan(fmt.Sprintf("%d", 1000*(i%11))), Period: income.TotalOver(1 + i%12),
						Verification: income.Verification(i % 2)},
				}
				if size > 1 && i%3 == 0 {
					m.CaresFor = []string{fmt.Sprintf("m%d", (j+1)%size)}
				}
			case 1:
				m.Incomes = []income.Income{{Kind: standards.IncomePension, Amount: yuan(fmt.Sprintf("%d", 9000+i%5000)), Period: income.Annual}}
				m.Labour = income.LabourNone
				m.Dependency = income.DependencySemi
			case 2:
				m.BirthDate = standards.MustParseDate("2015-06-01")
				m.Labour = income.LabourNone
				m.Relation = income.RelationChild
				m.Dependency = income.DependencyFull
			case 3:
				m.Incomes = []income.Income{
					{Kind: standards.IncomeSupportReceived, Amount: yuan("1800"), Period: income.TotalOver(6), Basis: income.SupportByAgreement},
					{Kind: standards.IncomeSpecialCarePension, Amount: yuan("300"), Period: income.Monthly},
					{Kind: standards.IncomeResidentPensionBasic, Amount: yuan("150"), Period: income.Monthly},
				}
				m.Labour = income.LabourNone
				m.Dependency = income.DependencyFull
			case 4:
				m.Incomes = []income.Income{
					{Kind: standards.IncomeBusinessNet, Amount: yuan(fmt.Sprintf("%d", 12000-i%24000)), Period: income.Annual},
					{Kind: standards.IncomeSupportPaid, Amount: yuan("100"), Period: income.Monthly, Basis: income.SupportByCourtOrder,
						Verification: income.Verification(i % 2)},
				}
				m.Dependency = income.DependencySemi
			}
			if j == 0 {
				m.Relation = income.RelationApplicant
			}
			h.Members = append(h.Members, m)
		}
		// Caring only for someone dependent.
		for j := range h.Members {
			if len(h.Members[j].CaresFor) > 0 {
				k := (j + 1) % size
				h.Members[k].Dependency = income.DependencyFull
			}
		}
		out[i] = h
	}
	return out
}

// batch is a population in compact form with a plan per region and area,
// all sharing one wage table: the batch path.
type batch struct {
	date  standards.Date
	c     []income.Compact
	ids   []income.IDs
	plans []*income.Plan
}

func newBatch(t testing.TB, set *standards.Set, date standards.Date, pop []income.Household) *batch {
	t.Helper()
	b := &batch{date: date, c: make([]income.Compact, len(pop)), ids: make([]income.IDs, len(pop)), plans: make([]*income.Plan, len(pop))}
	wages := income.NewWages(set, date, standards.Date{})
	plans := map[string]*income.Plan{}
	for i := range pop {
		ids, err := income.CompactOf(&pop[i], &b.c[i], date)
		require.NoError(t, err, "household %d", i)
		b.ids[i] = ids
		key := pop[i].Region.String() + pop[i].Area.String()
		if plans[key] == nil {
			pl, err := income.NewPlan(set, pop[i].Region, pop[i].Area, date, standards.Date{}, wages)
			require.NoError(t, err)
			require.Same(t, wages, pl.Wages, "the plans share the wage table")
			plans[key] = pl
		}
		b.plans[i] = plans[key]
	}
	return b
}

func (b *batch) assess(a *income.Assessor, i int) (*income.Assessment, error) {
	return a.AssessCompact(b.plans[i], &b.c[i], b.ids[i], b.date, nil)
}

// The batch path — an Assessor on compact households and warm plans,
// without an explanation — allocates nothing per household.
func TestBatchPathDoesNotAllocate(t *testing.T) {
	set := testSet(t)
	pop := population(200)
	b := newBatch(t, set, d("2025-12-01"), pop)
	var a income.Assessor
	for i := range pop { // warm the buffers
		_, err := b.assess(&a, i)
		require.NoError(t, err)
	}
	i := 0
	allocs := testing.AllocsPerRun(1000, func() {
		_, _ = b.assess(&a, i%len(pop))
		i++
	})
	assert.Zero(t, allocs)
}

// The batch path and the package function agree on every household.
func TestAssessCompactMatchesAssess(t *testing.T) {
	set := testSet(t)
	pop := population(300)
	for _, date := range []string{"2024-06-01", "2025-12-01"} {
		b := newBatch(t, set, d(date), pop)
		var a income.Assessor
		for i := range pop {
			got, err := b.assess(&a, i)
			require.NoError(t, err)
			want, err := income.Assess(&pop[i], set, d(date), income.Options{Explain: true})
			require.NoError(t, err)
			want.Steps = nil
			require.Equal(t, want, got, "household %d on %s", i, date)
		}
	}
}

// Plans are shared by concurrent Assessors, one per goroutine.
func TestPlanConcurrentUse(t *testing.T) {
	set := testSet(t)
	pop := population(400)
	b := newBatch(t, set, d("2025-12-01"), pop)
	want := make([]string, len(pop))
	var a income.Assessor
	for i := range pop {
		res, err := b.assess(&a, i)
		require.NoError(t, err)
		want[i] = res.Countable.String() + " " + res.CountableVerified.String()
	}
	errs := make(chan error, 4)
	for g := range 4 {
		go func() {
			var a income.Assessor
			for k := range pop {
				i := (k*7 + g*101) % len(pop)
				res, err := b.assess(&a, i)
				if err == nil && res.Countable.String()+" "+res.CountableVerified.String() != want[i] {
					err = fmt.Errorf("household %d: %s, want %s", i, res.Countable, want[i])
				}
				if err != nil {
					errs <- err
					return
				}
			}
			errs <- nil
		}()
	}
	for range 4 {
		assert.NoError(t, <-errs)
	}
}

// An Assessor reused for households of different sizes gives each its own
// figures; its Assess with an explanation records the same steps as the
// package function.
func TestAssessorReuse(t *testing.T) {
	set := testSet(t)
	var a income.Assessor
	for _, tc := range []struct {
		h         *income.Household
		countable string
	}{
		{validHousehold(), "5480/3"},                                   // TestAssessJSON
		{caregiverHousehold(), "3080/3"},                               // TestCaregiverExemption, factor 0.5
		{applicant(), "0"},                                             // no income
		{validHousehold(), "5480/3"},                                   // again
		{household("230113", worker("a", "3000", "230113")), "8125/3"}, // 3000 − 875/3
	} {
		got, err := a.Assess(tc.h, set, d("2024-06-01"), income.Options{Explain: true})
		require.NoError(t, err)
		assert.Equal(t, tc.countable, exact(got.Countable))
		assert.Len(t, got.Members, len(tc.h.Members))
		want, err := income.Assess(tc.h, set, d("2024-06-01"), income.Options{Explain: true})
		require.NoError(t, err)
		assert.Equal(t, want.Steps, got.Steps)
	}
	// A refused household leaves the Assessor usable.
	_, err := a.Assess(&income.Household{}, set, d("2024-06-01"), income.Options{})
	requireProblem(t, err, "members", problem.Empty)
	got, err := a.Assess(caregiverHousehold(), set, d("2024-06-01"), income.Options{})
	require.NoError(t, err)
	assert.Equal(t, "3080/3", exact(got.Countable))
	assert.Empty(t, got.Steps)
}

// AssessCompact records into a recorder it is given.
func TestAssessCompactRecords(t *testing.T) {
	set := testSet(t)
	h := validHousehold()
	var c income.Compact
	ids, err := income.CompactOf(h, &c, d("2024-06-01"))
	require.NoError(t, err)
	pl, err := income.NewPlan(set, h.Region, h.Area, d("2024-06-01"), standards.Date{}, nil)
	require.NoError(t, err)
	var rec explain.Recorder
	var a income.Assessor
	got, err := a.AssessCompact(pl, &c, ids, d("2024-06-01"), &rec)
	require.NoError(t, err)
	want, err := income.Assess(h, set, d("2024-06-01"), income.Options{Explain: true})
	require.NoError(t, err)
	assert.Equal(t, want.Steps, got.Steps)
	assert.Equal(t, rec.Len(), len(got.Steps))
}

func TestNewPlanUnknownRegion(t *testing.T) {
	_, err := income.NewPlan(testSet(t), r("110101"), standards.AreaUrban, d("2024-06-01"), standards.Date{}, nil)
	require.Error(t, err)
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	pe := problems(t, income.NotCovered("region", err))
	assert.True(t, pe.Has("region", problem.UnknownRegion))
}

// A plan holds from its date until the first value it uses changes: a plan
// of 2024-06-01 holds through 2025-11-30, the day before the minimum wages
// and 双城区's tier changed (policy §3).
func TestPlanValidity(t *testing.T) {
	pl, err := income.NewPlan(testSet(t), r("230102"), standards.AreaUrban, d("2024-06-01"), standards.Date{}, nil)
	require.NoError(t, err)
	assert.Equal(t, d("2024-06-01"), pl.Date)
	assert.Equal(t, r("230102"), pl.Region)
	assert.True(t, pl.Covers(d("2024-06-01")))
	assert.True(t, pl.Covers(d("2025-11-30")))
	assert.False(t, pl.Covers(d("2024-05-31")), "before the plan's date")
	assert.False(t, pl.Covers(d("2025-12-01")), "the wages changed")
	assert.True(t, pl.Wages.Covers(d("2025-11-30")))
	assert.False(t, pl.Wages.Covers(d("2025-12-01")))

	// A plan holding on 2025-12-31, the last day the resident basic pension
	// is excluded, does not hold on 2026-01-01.
	pl, err = income.NewPlan(testSet(t), r("230102"), standards.AreaUrban, d("2025-12-31"), standards.Date{}, nil)
	require.NoError(t, err)
	assert.False(t, pl.Covers(d("2026-01-01")))
}

// A plan that says it holds on a date assesses every household there as a
// plan compiled for that date does — across the dates where values start
// or change: the tier map (2017-10-01), the excluded kinds (2021-01-01),
// the 2024-05-01 and 2025-12-01 wages and tiers, the end of the
// resident-pension exclusion (2025-12-31).
func TestPlanCoversOnlyWhereItHolds(t *testing.T) {
	set := testSet(t)
	dates := []string{"2017-09-30", "2017-10-01", "2020-12-31", "2021-01-01", "2023-06-01", "2024-04-30", "2024-05-01", "2024-06-01", "2025-11-30", "2025-12-01",
		"2025-12-31", "2026-01-01", "2027-01-01"}
	pop := population(40)
	for _, from := range dates {
		for _, on := range dates {
			if on < from {
				continue
			}
			pl, err := income.NewPlan(set, r("230102"), standards.AreaUrban, d(from), standards.Date{}, nil)
			require.NoError(t, err)
			if !pl.Covers(d(on)) {
				continue
			}
			t.Run(from+" on "+on, func(t *testing.T) {
				var a income.Assessor
				for i := range pop {
					h := pop[i]
					h.Region, h.Area = r("230102"), standards.AreaUrban
					var c income.Compact
					ids, err := income.CompactOf(&h, &c, d(on))
					require.NoError(t, err)
					want, wantErr := income.Assess(&h, set, d(on), income.Options{})
					got, gotErr := a.AssessCompact(pl, &c, ids, d(on), nil)
					if wantErr != nil || gotErr != nil {
						// Both refused, for the same fields (the messages name the date).
						require.Equal(t, pathsAndCodes(wantErr), pathsAndCodes(gotErr), "household %d:\n%v\n%v", i, wantErr, gotErr)
						continue
					}
					want.Steps = nil
					require.Equal(t, want, got, "household %d", i)
				}
			})
		}
	}
}

// pathsAndCodes lists an error's problems as "path code" ("" for nil).
func pathsAndCodes(err error) []string {
	if err == nil {
		return nil
	}
	pe, ok := problem.As(err)
	if !ok {
		return []string{err.Error()}
	}
	var out []string
	for _, p := range pe.Problems {
		out = append(out, p.Path+" "+string(p.Code))
	}
	return out
}

// A wage table passed to NewPlan is used only where it holds: one compiled
// on another date — before the tier map (which starts on 2017-10-01), or
// under the 2017 wages — cannot serve a plan of 2024-06-01, when 道里区 is
// 一档 at 2080: 2 × 2080 ÷ 12 = 1040/3.
func TestWagesReusedOnlyWhereTheyHold(t *testing.T) {
	set := testSet(t)
	h := household("230102", worker("a", "3000", "230102"))
	for _, from := range []string{"2017-09-30", "2017-10-01", "2023-06-01", "2024-04-30", "2024-05-01", "2024-06-01"} {
		t.Run(from, func(t *testing.T) {
			w := income.NewWages(set, d(from), standards.Date{})
			pl, err := income.NewPlan(set, r("230102"), standards.AreaUrban, d("2024-06-01"), standards.Date{}, w)
			require.NoError(t, err)
			var c income.Compact
			ids, err := income.CompactOf(h, &c, d("2024-06-01"))
			require.NoError(t, err)
			var a income.Assessor
			got, err := a.AssessCompact(pl, &c, ids, d("2024-06-01"), nil)
			require.NoError(t, err)
			assert.Equal(t, "1040/3", exact(got.EmploymentDeduction))
		})
	}
}

// The wage table gives each place of work its tier and wage (policy §3).
func TestWagesAt(t *testing.T) {
	set := testSet(t)
	for _, tc := range []struct {
		date, place string
		tier        int
		monthly     string
	}{
		{"2023-06-01", "230102", 1, "1680"}, // the 2017 notice's tiers and wages
		{"2023-06-01", "230111", 2, "1450"},
		{"2023-06-01", "230113", 3, "1270"},
		{"2023-06-01", "232700", 3, "1270"},
		{"2024-06-01", "230102", 1, "2080"}, // 道里区
		{"2024-06-01", "230111", 2, "1850"}, // 呼兰区
		{"2024-06-01", "230113", 3, "1750"}, // 双城区
		{"2024-06-01", "230184", 3, "1750"}, // 五常市, a 县(市)
		{"2024-06-01", "232700", 3, "1750"}, // 大兴安岭地区: every unit in 三档
		{"2025-12-01", "230102", 1, "2270"},
		{"2025-12-01", "230113", 2, "2010"}, // moved to 二档
		{"2025-12-01", "232761", 2, "2010"}, // 加格达奇区, with 大兴安岭地区
		{"2025-12-01", "232700", 2, "2010"},
		{"2025-12-01", "230184", 3, "1910"},
	} {
		w := income.NewWages(set, d(tc.date), standards.Date{})
		at, _, err := w.At(r(tc.place))
		require.NoError(t, err, "%s on %s", tc.place, tc.date)
		require.NotNil(t, at)
		assert.Equal(t, tc.tier, at.Tier.V, "%s on %s", tc.place, tc.date)
		assert.Equal(t, tc.monthly, exact(at.Monthly), "%s on %s", tc.place, tc.date)
		assert.Equal(t, r(tc.place), at.Place)
	}
	w := income.NewWages(set, d("2024-06-01"), standards.Date{})
	// Harbin's counties sit in three tiers: the prefecture has no one wage.
	at, _, err := w.At(r("230100"))
	assert.Nil(t, at)
	assert.NoError(t, err)
	// Outside the register, or outside the province.
	_, _, err = w.At(r("110101"))
	assert.ErrorIs(t, err, standards.ErrUnknownRegion)
	// Before the tier map, which starts on 2017-10-01.
	early := income.NewWages(set, d("2017-09-30"), standards.Date{})
	_, _, err = early.At(r("230113"))
	assert.ErrorIs(t, err, standards.ErrNotCovered)
	// … and that table does not hold once the tier map has started.
	assert.False(t, early.Covers(d("2017-10-01")))
}

// Monthly reads a compiled table's known wages from a table of its own:
// it agrees with the wages worked out place by place (WagesOn) for every
// division of the register, prefectures whose counties differ, places
// outside the province or the register, on dates before and across the
// tier map and each wage change.
func TestWagesMonthlyMatchesWagesOn(t *testing.T) {
	set := testSet(t)
	places := []standards.Region{{}, r("110101"), r("230100"), r("239999"), r("230102")}
	divs := set.Divisions()
	for i := 0; i < divs.Len(); i++ {
		places = append(places, divs.At(i).Region)
	}
	for _, date := range []string{"2017-09-30", "2017-10-01", "2023-06-01", "2024-04-30", "2024-05-01", "2025-12-01"} {
		table, each := income.NewWages(set, d(date), standards.Date{}), income.WagesOn(set, d(date), standards.Date{}, standards.Region{})
		known := 0
		for _, p := range places {
			got, ok := table.Monthly(p)
			want, wantOK := each.Monthly(p)
			require.Equal(t, wantOK, ok, "%s on %s", p, date)
			require.Equal(t, want, got, "%s on %s", p, date)
			if ok {
				known++
			}
		}
		// A home place worked out at once answers as when worked out on
		// asking: a county, a prefecture whose counties differ, one outside
		// the province, one outside the register.
		for _, home := range places[:5] {
			near := income.WagesOn(set, d(date), standards.Date{}, home)
			for _, p := range places[:5] {
				wantV, wantState, wantErr := each.At(p)
				gotV, gotState, gotErr := near.At(p)
				require.Equal(t, wantState, gotState, "%s from home %s on %s", p, home, date)
				require.Equal(t, wantErr, gotErr, "%s from home %s on %s", p, home, date)
				require.Equal(t, wantV, gotV, "%s from home %s on %s", p, home, date)
			}
		}
		if date != "2017-09-30" {
			assert.Greater(t, known, 100, date) // the comparison is not between two empty tables
		}
	}
	// 道里区 in 一档 from 2024-05-01 (policy §3): 2080 a month.
	got, ok := income.NewWages(set, d("2024-06-01"), standards.Date{}).Monthly(r("230102"))
	require.True(t, ok)
	assert.Equal(t, "2080", exact(got))
}

// EmploymentCost is months × the monthly minimum wage ÷ 12, exact: R13's
// 2 months of 一档 (1680) and 三档 (1270) of 2017, no months, and the
// largest wage the standards admit over all 12 months.
func TestEmploymentCost(t *testing.T) {
	for _, tc := range []struct {
		wage   string
		months int64
		want   string
	}{
		{"1680", 2, "280"},             // 3360 ÷ 12
		{"1270", 2, "635/3"},           // 2540 ÷ 12 = 211.666…
		{"1270", 0, "0"},               // no deduction
		{"999999.99", 12, "999999.99"}, // at the bounds: within range, exact
	} {
		got := income.EmploymentCost(money.MustParse(tc.wage), tc.months)
		assert.Equal(t, tc.want, got.String(), "%s × %d ÷ 12", tc.wage, tc.months)
	}
}
