package income_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// One case per input problem of the JSON form, each reported at its JSON
// path with its code.
func TestHouseholdProblemsJSON(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		date string // "" decodes only; else AssessJSON on the date
		path string
		code problem.Code
	}{
		// Reading.
		{"not JSON", []byte(`{"region":`), "", "", problem.Syntax},
		{"trailing data", []byte(validJSON + "{}"), "", "", problem.Syntax},
		{"not an object", []byte(`[]`), "", "", problem.Type},
		{"too deep", []byte(`{"members": ` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`), "", "", problem.TooDeep},
		{"unknown field", bad(`"student": true`, `"student": true, "shoe_size": 31`), "", "members[2].shoe_size", problem.UnknownField},
		{"unknown top-level field", bad(`"area": "urban",`, `"area": "urban", "colour": "red",`), "", "colour", problem.UnknownField},
		{"unknown income field", bad(`"period": "monthly"}`, `"period": "monthly", "tax": "0"}`), "", "members[0].incomes[0].tax", problem.UnknownField},
		{"duplicate key", bad(`"area": "urban",`, `"area": "urban", "area": "urban",`), "", "area", problem.Duplicate},
		{"members not a list", []byte(`{"region": "230102", "area": "urban", "members": {}}`), "", "members", problem.Type},
		{"a member not an object", []byte(`{"region": "230102", "area": "urban", "members": ["a"]}`), "", "members[0]", problem.Type},
		{"a flag not a boolean", bad(`"student": true`, `"student": "yes"`), "", "members[2].student", problem.Type},

		// Amounts.
		{"negative wage", bad(`"amount": "3000"`, `"amount": "-3000"`), "", "members[0].incomes[0].amount", problem.Negative},
		{"three decimals", bad(`"amount": "3000"`, `"amount": "3000.001"`), "", "members[0].incomes[0].amount", problem.TooPrecise},
		{"above 10,000,000", bad(`"amount": "3000"`, `"amount": "10000000.01"`), "", "members[0].incomes[0].amount", problem.OutOfRange},
		{"beyond money's range", bad(`"amount": "3000"`, `"amount": "1000000000.01"`), "", "members[0].incomes[0].amount", problem.OutOfRange},
		{"400 digits", bad(`"amount": "3000"`, `"amount": "`+strings.Repeat("9", 400)+`"`), "", "members[0].incomes[0].amount", problem.OutOfRange},
		{"exponent", bad(`"amount": "3000"`, `"amount": "1e999999999"`), "", "members[0].incomes[0].amount", problem.BadNumber},
		{"plus sign", bad(`"amount": "3000"`, `"amount": "+3000"`), "", "members[0].incomes[0].amount", problem.BadNumber},
		{"spaces", bad(`"amount": "3000"`, `"amount": " 3000"`), "", "members[0].incomes[0].amount", problem.BadNumber},
		{"amount as a number", bad(`"amount": "3000"`, `"amount": 3000`), "", "members[0].incomes[0].amount", problem.Type},
		{"missing amount", bad(`"amount": "3000", `, ``), "", "members[0].incomes[0].amount", problem.Required},
		{"negative property", bad(`"value": "5000"`, `"value": "-1"`), "", "property[0].value", problem.Negative},
		{"precise property", bad(`"value": "5000"`, `"value": "0.001"`), "", "property[0].value", problem.TooPrecise},
		{"large property", bad(`"value": "5000"`, `"value": "10000000.01"`), "", "property[0].value", problem.OutOfRange},
		{"negative expenditure", bad(`"amount": "8000"`, `"amount": "-8000"`), "", "expenditures[0].amount", problem.Negative},
		{"large expenditure", bad(`"amount": "8000"`, `"amount": "10000001"`), "", "expenditures[0].amount", problem.OutOfRange},

		// Names and codes.
		{"unknown kind", bad(`"kind": "wage"`, `"kind": "lottery"`), "", "members[0].incomes[0].kind", problem.BadCode},
		{"missing kind", bad(`"kind": "wage", `, ``), "", "members[0].incomes[0].kind", problem.Required},
		{"unknown relation", bad(`"relation": "parent"`, `"relation": "cousin"`), "", "members[1].relation", problem.BadCode},
		{"missing relation", bad(`, "relation": "parent"`, ``), "", "members[1].relation", problem.Required},
		{"unknown labour", bad(`"labour": "full"`, `"labour": "some"`), "", "members[0].labour", problem.BadCode},
		{"missing labour", bad(`, "labour": "full"`, ``), "", "members[0].labour", problem.Required},
		{"unknown period", bad(`"period": "monthly"`, `"period": "weekly"`), "", "members[0].incomes[0].period", problem.BadCode},
		{"the removed period months", bad(`"period": "monthly"`, `"period": "months"`), "", "members[0].incomes[0].period", problem.BadCode},
		{"missing period", bad(`, "period": "monthly"`, ``), "", "members[0].incomes[0].period", problem.Required},
		{"unknown verification", bad(`"verification": "suspected"`, `"verification": "rumoured"`), "", "members[1].incomes[0].verification", problem.BadCode},
		{"unknown basis of support", bad(`"basis": "agreement"`, `"basis": "handshake"`), "", "members[0].incomes[1].basis", problem.BadCode},
		{"unknown disability category", bad(`"category": "physical"`, `"category": "other"`), "", "members[1].disability.category", problem.BadCode},
		{"unknown dependency", bad(`"dependency": "semi"`, `"dependency": "some"`), "", "members[1].dependency", problem.BadCode},
		{"unknown property kind", bad(`"kind": "deposit"`, `"kind": "gold"`), "", "property[0].kind", problem.BadCode},
		{"unknown expenditure kind", bad(`"kind": "medical"`, `"kind": "holiday"`), "", "expenditures[0].kind", problem.BadCode},
		{"unknown supporter", bad(`"supporter": "able"`, `"supporter": "rich"`), "", "supporter", problem.BadCode},
		{"unknown registration", bad(`"area": "urban",`, `"area": "urban", "basis": "abroad",`), "", "basis", problem.BadCode},
		{"unknown area", bad(`"area": "urban"`, `"area": "suburban"`), "", "area", problem.BadCode},
		{"missing area", bad(`"area": "urban",`, ``), "", "area", problem.Required},
		{"bad region", bad(`"region": "230102"`, `"region": "2301"`), "", "region", problem.BadCode},
		{"missing region", bad(`"region": "230102",`, ``), "", "region", problem.Required},
		{"bad place of work", bad(`"workplace": "230102"`, `"workplace": "23010x"`), "", "members[0].workplace", problem.BadCode},
		{"bad birth date", bad(`"1985-03-01"`, `"1985-02-30"`), "", "members[0].birth_date", problem.BadDate},
		{"missing birth date", bad(`"birth_date": "1985-03-01", `, ``), "", "members[0].birth_date", problem.Required},
		{"born after the assessment", bad(`"2015-01-01"`, `"2026-01-01"`), "2025-12-01", "members[2].birth_date", problem.FutureDate},

		// Numbers of months, grades, counts.
		{"thirteen months", bad(`"months": 6`, `"months": 13`), "", "members[1].incomes[0].months", problem.OutOfRange},
		{"negative months", bad(`"months": 6`, `"months": -1`), "", "members[1].incomes[0].months", problem.OutOfRange},
		{"months of a monthly rate", bad(`"period": "monthly"`, `"period": "monthly", "months": 3`), "", "members[0].incomes[0].months", problem.BadReference},
		{"months of an annual figure", bad(`"period": "annual"`, `"period": "annual", "months": 12`), "", "members[0].incomes[1].months", problem.BadReference},
		{"months beyond any integer", bad(`"months": 6`, `"months": 99999999999`), "", "members[1].incomes[0].months", problem.BadNumber},
		{"months with a fraction", bad(`"months": 6`, `"months": 6.5`), "", "members[1].incomes[0].months", problem.BadNumber},
		{"disability grade 5", bad(`"grade": 2`, `"grade": 5`), "", "members[1].disability.grade", problem.OutOfRange},
		{"disability grade 0", bad(`"grade": 2`, `"grade": 0`), "", "members[1].disability.grade", problem.OutOfRange},
		{"a grade without a category", bad(`"category": "physical", `, ``), "", "members[1].disability.grade", problem.BadReference},
		{"service grade 11", bad(`"student": true`, `"student": true, "service_disability_grade": 11`), "", "members[2].service_disability_grade", problem.OutOfRange},
		{"negative property count", bad(`"value": "5000"`, `"value": "5000", "count": -1`), "", "property[0].count", problem.OutOfRange},
		{"property count 1001", bad(`"value": "5000"`, `"value": "5000", "count": 1001`), "", "property[0].count", problem.OutOfRange},
		{"caregiver factor 1.5", bad(`"area": "urban",`, `"area": "urban", "caregiver_factor": "1.5",`), "", "caregiver_factor", problem.OutOfRange},
		{"negative caregiver factor", bad(`"area": "urban",`, `"area": "urban", "caregiver_factor": "-0.1",`), "", "caregiver_factor", problem.OutOfRange},
		{"precise caregiver factor", bad(`"area": "urban",`, `"area": "urban", "caregiver_factor": "0.333",`), "", "caregiver_factor", problem.TooPrecise},

		// Members and references.
		{"empty household", []byte(`{"region": "230102", "area": "urban", "members": []}`), "", "members", problem.Empty},
		{"no members field", []byte(`{"region": "230102", "area": "urban"}`), "", "members", problem.Empty},
		{"no applicant", bad(`"relation": "applicant"`, `"relation": "other"`), "", "members", problem.Applicant},
		{"two applicants", bad(`"relation": "parent"`, `"relation": "applicant"`), "", "members", problem.Applicant},
		{"duplicate id", bad(`"id": "b"`, `"id": "a"`), "", "members[1].id", problem.Duplicate},
		{"missing id", bad(`"id": "b", `, ``), "", "members[1].id", problem.Required},
		{"empty id", bad(`"id": "b"`, `"id": ""`), "", "members[1].id", problem.Required},
		{"id of 65 bytes", bad(`"id": "b"`, `"id": "`+strings.Repeat("b", 65)+`"`), "", "members[1].id", problem.OutOfRange},
		{"note of 1001 bytes", bad(`"period": "monthly"}`, `"period": "monthly", "note": "`+strings.Repeat("n", 1001)+`"}`), "", "members[0].incomes[0].note", problem.OutOfRange},
		{"unknown member cared for", bad(`"cares_for": ["c"]`, `"cares_for": ["z"]`), "", "members[0].cares_for[0]", problem.UnknownMember},
		{"a member cared for twice", bad(`"cares_for": ["c"]`, `"cares_for": ["c", "c"]`), "", "members[0].cares_for[1]", problem.Duplicate},
		{"51 members cared for", bad(`"cares_for": ["c"]`, `"cares_for": [`+strings.Repeat(`"c", `, 50)+`"c"]`), "", "members[0].cares_for", problem.TooLarge},
		{"caring for oneself", bad(`"cares_for": ["c"]`, `"cares_for": ["a"]`), "", "members[0].cares_for", problem.BadReference},
		{"caring for a non-dependent adult", []byte(strings.NewReplacer(`"cares_for": ["c"]`, `"cares_for": ["b"]`, `, "dependency": "semi"`, ``).Replace(validJSON)),
			"2024-06-01", "members[0].cares_for", problem.BadReference},
		{"unknown property owner", bad(`"member": "a"`, `"member": "q"`), "", "property[0].member", problem.UnknownMember},
		{"unknown expenditure member", bad(`"member": "b"`, `"member": "q"`), "", "expenditures[0].member", problem.UnknownMember},
		{"wage without a place of work", bad(`, "workplace": "230102"`, ``), "", "members[0].workplace", problem.MissingWorkplace},
		{"support without a basis", bad(`, "basis": "agreement"`, ``), "", "members[0].incomes[1].basis", problem.Required},
		{"a basis on a wage", bad(`"period": "monthly"}`, `"period": "monthly", "basis": "agreement"}`), "", "members[0].incomes[0].basis", problem.BadReference},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.date == "" {
				_, err = income.DecodeHousehold(tc.in)
			} else {
				_, err = income.AssessJSON(tc.in, testSet(t), d(tc.date), income.Options{})
			}
			requireProblem(t, err, tc.path, tc.code)
			assert.ErrorIs(t, err, problem.ErrInvalid)
			assert.NotErrorIs(t, err, problem.ErrNotCovered)
		})
	}
}

// Validate checks Go values the JSON form cannot even express, at the JSON
// path of the field they would be written to.
func TestHouseholdProblemsGo(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(h *income.Household)
		path   string
		code   problem.Code
	}{
		{"no region", func(h *income.Household) { h.Region = standards.Region{} }, "region", problem.Required},
		{"unknown registration", func(h *income.Household) { h.Registration = 7 }, "basis", problem.BadCode},
		{"unknown supporter", func(h *income.Household) { h.Supporter = 9 }, "supporter", problem.BadCode},
		{"no area", func(h *income.Household) { h.Area = standards.AreaAny }, "area", problem.Required},
		{"unknown area", func(h *income.Household) { h.Area = 9 }, "area", problem.Required},
		{"caregiver factor of three decimals", func(h *income.Household) { h.CaregiverFactor, h.HasCaregiverFactor = rate("0.333"), true },
			"caregiver_factor", problem.OutOfRange},
		{"caregiver factor above 1", func(h *income.Household) { h.CaregiverFactor, h.HasCaregiverFactor = rate("1.01"), true },
			"caregiver_factor", problem.OutOfRange},
		{"no members", func(h *income.Household) { h.Members = nil }, "members", problem.Empty},
		{"no applicant", func(h *income.Household) { h.Members[0].Relation = income.RelationOther }, "members", problem.Applicant},
		{"unset relation", func(h *income.Household) { h.Members[1].Relation = income.RelationUnset }, "members[1].relation", problem.Required},
		{"relation out of range", func(h *income.Household) { h.Members[1].Relation = 99 }, "members[1].relation", problem.Required},
		{"unset labour", func(h *income.Household) { h.Members[0].Labour = income.LabourUnset }, "members[0].labour", problem.Required},
		{"labour out of range", func(h *income.Household) { h.Members[0].Labour = 9 }, "members[0].labour", problem.Required},
		{"dependency out of range", func(h *income.Household) { h.Members[1].Dependency = 7 }, "members[1].dependency", problem.BadCode},
		{"disability category out of range", func(h *income.Household) { h.Members[1].Disability.Category = 99 },
			"members[1].disability.category", problem.BadCode},
		{"disability grade 5", func(h *income.Household) { h.Members[1].Disability.Grade = 5 }, "members[1].disability.grade", problem.OutOfRange},
		{"a grade without a category", func(h *income.Household) { h.Members[2].Disability.Grade = 1 }, "members[2].disability.grade", problem.BadReference},
		{"negative service grade", func(h *income.Household) { h.Members[2].ServiceDisabilityGrade = -1 },
			"members[2].service_disability_grade", problem.OutOfRange},
		{"no birth date", func(h *income.Household) { h.Members[2].BirthDate = standards.Date{} }, "members[2].birth_date", problem.Required},
		{"born after the assessment", func(h *income.Household) { h.Members[2].BirthDate = d("2024-06-02") }, "members[2].birth_date", problem.FutureDate},
		{"empty id", func(h *income.Household) { h.Members[1].ID = "" }, "members[1].id", problem.Required},
		{"duplicate id", func(h *income.Household) { h.Members[2].ID = "a" }, "members[2].id", problem.Duplicate},
		{"long id", func(h *income.Household) { h.Members[2].ID = strings.Repeat("長", 22) }, "members[2].id", problem.OutOfRange}, // 66 bytes
		{"unknown member cared for", func(h *income.Household) { h.Members[0].CaresFor = []string{"c", "x"} }, "members[0].cares_for[1]", problem.UnknownMember},
		{"a member cared for twice", func(h *income.Household) { h.Members[0].CaresFor = []string{"c", "c"} }, "members[0].cares_for[1]", problem.Duplicate},
		{"caring for oneself", func(h *income.Household) { h.Members[0].CaresFor = []string{"a"} }, "members[0].cares_for", problem.BadReference},
		{"caring for an adult", func(h *income.Household) {
			h.Members[0].CaresFor = []string{"b"}
			h.Members[1].Dependency = income.DependencyNone
		},
			"members[0].cares_for", problem.BadReference},
		{"income kind out of range", func(h *income.Household) { h.Members[0].Incomes[0].Kind = 99 }, "members[0].incomes[0].kind", problem.BadCode},
		{"no income kind", func(h *income.Household) { h.Members[1].Incomes[0].Kind = standards.IncomeNone }, "members[1].incomes[0].kind", problem.BadCode},
		{"no period", func(h *income.Household) { h.Members[0].Incomes[0].Period = income.Period{} }, "members[0].incomes[0].period", problem.Required},
		{"period out of range", func(h *income.Household) { h.Members[0].Incomes[0].Period.Unit = 9 }, "members[0].incomes[0].period", problem.Required},
		{"months of a monthly rate", func(h *income.Household) { h.Members[0].Incomes[0].Period.Months = 1 }, "members[0].incomes[0].months", problem.BadReference},
		{"13 months", func(h *income.Household) { h.Members[1].Incomes[0].Period = income.TotalOver(13) }, "members[1].incomes[0].months", problem.OutOfRange},
		{"verification out of range", func(h *income.Household) { h.Members[0].Incomes[0].Verification = 2 }, "members[0].incomes[0].verification", problem.BadCode},
		{"basis out of range", func(h *income.Household) { h.Members[0].Incomes[1].Basis = 9 }, "members[0].incomes[1].basis", problem.BadCode},
		{"support received without a basis", func(h *income.Household) {
			h.Members[1].Incomes = append(h.Members[1].Incomes, monthly(standards.IncomeSupportReceived, "300"))
		}, "members[1].incomes[1].basis", problem.Required},
		{"a basis on a pension", func(h *income.Household) { h.Members[1].Incomes[0].Basis = income.SupportByCourtOrder },
			"members[1].incomes[0].basis", problem.BadReference},
		{"negative pension", func(h *income.Household) { h.Members[1].Incomes[0].Amount = yuan("-1") }, "members[1].incomes[0].amount", problem.Negative},
		{"a third decimal place", func(h *income.Household) { h.Members[0].Incomes[0].Amount = mustExact("3000.005") }, "members[0].incomes[0].amount", problem.TooPrecise},
		{"above 10,000,000", func(h *income.Household) { h.Members[0].Incomes[0].Amount = yuan("10000000.01") }, "members[0].incomes[0].amount", problem.OutOfRange},
		{"business loss beyond −10,000,000", func(h *income.Household) {
			h.Members[1].Incomes[0] = item(standards.IncomeBusinessNet, "-10000000.01", income.Annual)
		}, "members[1].incomes[0].amount", problem.OutOfRange},
		{"long note", func(h *income.Household) { h.Members[0].Incomes[0].Note = strings.Repeat("注", 334) }, "members[0].incomes[0].note", problem.OutOfRange}, // 1002 bytes
		{"wage without a place of work", func(h *income.Household) { h.Members[0].Workplace = standards.Region{} }, "members[0].workplace", problem.MissingWorkplace},
		{"property kind unset", func(h *income.Household) { h.Property[0].Kind = income.PropertyUnset }, "property[0].kind", problem.BadCode},
		{"property kind out of range", func(h *income.Household) { h.Property[0].Kind = 8 }, "property[0].kind", problem.BadCode},
		{"negative property", func(h *income.Household) { h.Property[0].Value = yuan("-0.01") }, "property[0].value", problem.Negative},
		{"property count 1001", func(h *income.Household) { h.Property[0].Count = 1001 }, "property[0].count", problem.OutOfRange},
		{"unknown property owner", func(h *income.Household) { h.Property[0].Member = "q" }, "property[0].member", problem.UnknownMember},
		{"expenditure kind unset", func(h *income.Household) { h.Expenditures[0].Kind = income.ExpenditureUnset }, "expenditures[0].kind", problem.BadCode},
		{"negative expenditure", func(h *income.Household) { h.Expenditures[0].Amount = yuan("-8000") }, "expenditures[0].amount", problem.Negative},
		{"unknown expenditure member", func(h *income.Household) { h.Expenditures[0].Member = "q" }, "expenditures[0].member", problem.UnknownMember},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := validHousehold()
			require.NoError(t, income.Validate(h, d("2024-06-01")))
			tc.change(h)
			err := income.Validate(h, d("2024-06-01"))
			requireProblem(t, err, tc.path, tc.code)
			assert.ErrorIs(t, err, problem.ErrInvalid)
			// Assess refuses the same household with the same problem.
			_, err = income.Assess(h, testSet(t), d("2024-06-01"), income.Options{})
			requireProblem(t, err, tc.path, tc.code)
		})
	}
}

// Without a date, Validate skips the checks that need one.
func TestValidateWithoutADate(t *testing.T) {
	h := validHousehold()
	h.Members[2].BirthDate = d("2099-01-01")
	assert.NoError(t, income.Validate(h, standards.Date{}))
	requireProblem(t, income.Validate(h, d("2025-12-01")), "members[2].birth_date", problem.FutureDate)
	// Born on the assessment date is not born after it.
	h.Members[2].BirthDate = d("2025-12-01")
	assert.NoError(t, income.Validate(h, d("2025-12-01")))
}

// R14 covers caring for a 失能/半失能 member or a minor. Whether someone is a
// minor depends on the date: c, born 2015-01-01, turns 18 on 2033-01-01.
func TestCaringForAChildTurning18(t *testing.T) {
	h := validHousehold()
	assert.NoError(t, income.Validate(h, d("2032-12-31")))
	requireProblem(t, income.Validate(h, d("2033-01-01")), "members[0].cares_for", problem.BadReference)
	// A 半失能 adult may be cared for at any age.
	h.Members[0].CaresFor = []string{"b"}
	assert.NoError(t, income.Validate(h, d("2033-01-01")))
}

func TestEveryProblemAtOnce(t *testing.T) {
	in := strings.NewReplacer(
		`"amount": "3000"`, `"amount": "-3000"`,
		`"relation": "parent"`, `"relation": "cousin"`,
		`"months": 6`, `"months": 13`,
		`"id": "b"`, `"id": "a"`,
		`"2015-01-01"`, `"2027-01-01"`,
		`"student": true`, `"student": true, "x": 1`,
	).Replace(validJSON)
	_, err := income.AssessJSON([]byte(in), testSet(t), d("2025-12-01"), income.Options{})
	pe := problems(t, err)
	for _, want := range []struct {
		path string
		code problem.Code
	}{
		{"members[0].incomes[0].amount", problem.Negative},
		{"members[1].relation", problem.BadCode},
		{"members[1].incomes[0].months", problem.OutOfRange},
		{"members[1].id", problem.Duplicate},
		{"members[2].birth_date", problem.FutureDate},
		{"members[2].x", problem.UnknownField},
	} {
		assert.True(t, pe.Has(want.path, want.code), "want %s at %s in %v", want.code, want.path, err)
	}
	// An unknown relation is reported once, not again as "required".
	n := 0
	for _, p := range pe.Problems {
		if p.Path == "members[1].relation" {
			n++
		}
	}
	assert.Equal(t, 1, n)
	// Every problem has its message in both languages.
	for _, p := range pe.Problems {
		assert.NotEmpty(t, p.Message.ZH, p.Path)
		assert.NotEmpty(t, p.Message.EN, p.Path)
	}
}

// A list of problems is bounded: 200 are listed, the rest counted in a
// last too_many_problems entry.
func TestProblemListIsBounded(t *testing.T) {
	h := applicant(pensions(income.MaxItems, "-1", income.Monthly)...) // 1000 negative amounts
	pe := problems(t, income.Validate(h, d("2024-06-01")))
	require.Len(t, pe.Problems, 201)
	assert.True(t, pe.Has("members[0].incomes[199].amount", problem.Negative))
	last := pe.Problems[200]
	assert.Equal(t, problem.TooMany, last.Code)
	assert.Equal(t, "", last.Path)
	assert.Contains(t, last.Message.EN, "800") // 1000 − 200
}

// The library decides for dates up to LastDecisionDate (2190-12-31).
func TestLastDecisionDate(t *testing.T) {
	assert.Equal(t, d("2190-12-31"), income.LastDecisionDate())
	require.NoError(t, income.CheckDate(d("2190-12-31")))
	requireProblem(t, income.CheckDate(d("2191-01-01")), "date", problem.OutOfRange)
	h := applicant(monthly(standards.IncomePension, "900"))
	a, err := income.Assess(h, testSet(t), d("2190-12-31"), income.Options{})
	require.NoError(t, err)
	assert.Equal(t, "900", exact(a.Countable))
	_, err = income.Assess(h, testSet(t), d("2191-01-01"), income.Options{})
	requireProblem(t, err, "date", problem.OutOfRange)
	var c income.Compact
	_, err = income.CompactOf(h, &c, d("2191-01-01"))
	requireProblem(t, err, "date", problem.OutOfRange)
	out, err := income.EncodeHousehold(h)
	require.NoError(t, err)
	_, err = income.AssessJSON(out, testSet(t), d("2200-12-31"), income.Options{})
	requireProblem(t, err, "date", problem.OutOfRange)
}

func TestAssessNeedsADate(t *testing.T) {
	_, err := income.Assess(validHousehold(), testSet(t), standards.Date{}, income.Options{})
	requireProblem(t, err, "date", problem.Required)
	assert.ErrorIs(t, err, problem.ErrInvalid)
	_, err = income.AssessJSON([]byte(validJSON), testSet(t), standards.Date{}, income.Options{})
	requireProblem(t, err, "date", problem.Required)
	_, err = income.Assess(&income.Household{}, testSet(t), d("2025-12-01"), income.Options{})
	requireProblem(t, err, "members", problem.Empty)
}

// people returns n members: the applicant and n−1 others.
func people(n int) []income.Member {
	out := make([]income.Member, n)
	for i := range out {
		out[i] = dependent(fmt.Sprintf("m%d", i), "1970-01-01", income.RelationOther)
	}
	out[0].Relation = income.RelationApplicant
	return out
}

func pensions(n int, amount string, p income.Period) []income.Income {
	out := make([]income.Income, n)
	for i := range out {
		out[i] = item(standards.IncomePension, amount, p)
	}
	return out
}

func losses(n int) []income.Income {
	out := make([]income.Income, n)
	for i := range out {
		out[i] = monthly(standards.IncomeBusinessNet, "-10000000")
	}
	return out
}

func deposits(n int, value string) []income.Property {
	out := make([]income.Property, n)
	for i := range out {
		out[i] = income.Property{Kind: income.PropertyDeposit, Value: yuan(value)}
	}
	return out
}

func expenditures(n int, amount string) []income.Expenditure {
	out := make([]income.Expenditure, n)
	for i := range out {
		out[i] = income.Expenditure{Kind: income.ExpenditureMedical, Amount: yuan(amount)}
	}
	return out
}

// The documented list bounds: 50 members, 1000 income items, 1000 property
// items, 1000 expenditures. At the bound a household is accepted; one more
// is a too_large problem at the list, in the Go form and in JSON.
func TestListBounds(t *testing.T) {
	for _, tc := range []struct {
		name     string
		build    func(extra int) *income.Household
		path     string // Validate's path
		jsonPath string // the decoder's path
	}{
		{"members", func(extra int) *income.Household {
			return household("230102", people(income.MaxMembers+extra)...)
		}, "members", "members"},
		{"income items of one member", func(extra int) *income.Household {
			return applicant(pensions(income.MaxItems+extra, "1", income.Monthly)...)
		}, "members", "members[0].incomes"},
		{"income items of two members", func(extra int) *income.Household {
			h := household("230102", people(2)...)
			h.Members[0].Incomes = pensions(500, "1", income.Monthly)
			h.Members[1].Incomes = pensions(500+extra, "1", income.Monthly)
			return h
		}, "members", "members"},
		{"property items", func(extra int) *income.Household {
			h := applicant()
			h.Property = deposits(income.MaxProperty+extra, "1")
			return h
		}, "property", "property"},
		{"expenditures", func(extra int) *income.Household {
			h := applicant()
			h.Expenditures = expenditures(income.MaxExpenditures+extra, "1")
			return h
		}, "expenditures", "expenditures"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			at := tc.build(0)
			require.NoError(t, income.Validate(at, d("2024-06-01")), "at the bound")
			out, err := income.EncodeHousehold(at)
			require.NoError(t, err)
			_, err = income.DecodeHousehold(out)
			require.NoError(t, err, "at the bound, in JSON")

			over := tc.build(1)
			err = income.Validate(over, d("2024-06-01"))
			requireProblem(t, err, tc.path, problem.TooLarge)
			_, err = income.Assess(over, testSet(t), d("2024-06-01"), income.Options{})
			requireProblem(t, err, tc.path, problem.TooLarge)
			out, err = income.EncodeHousehold(over)
			require.NoError(t, err)
			_, err = income.DecodeHousehold(out)
			requireProblem(t, err, tc.jsonPath, problem.TooLarge)
		})
	}
	assert.Equal(t, 50, income.MaxMembers)
	assert.Equal(t, 1000, income.MaxItems)
	assert.Equal(t, 1000, income.MaxProperty)
	assert.Equal(t, 1000, income.MaxExpenditures)
}

// The household's monthly income items, added up without sign, are at
// most 50,000,000 yuan: at the bound accepted, beyond it an out_of_range
// problem at "members".
func TestMonthlyIncomeBound(t *testing.T) {
	for _, tc := range []struct {
		name    string
		incomes []income.Income
		ok      bool
	}{
		// 5 × 10,000,000 = 50,000,000: the bound.
		{"five items of 10,000,000 a month", pensions(5, "10000000", income.Monthly), true},
		// 6 × 10,000,000 = 60,000,000 > 50,000,000.
		{"six items of 10,000,000 a month", pensions(6, "10000000", income.Monthly), false},
		// 5 × 10,000,000 + 0.01 = 50,000,000.01.
		{"one fen beyond", append(pensions(5, "10000000", income.Monthly), monthly(standards.IncomePension, "0.01")), false},
		// 1000 × 600,000 a year: 600,000 ÷ 12 = 50,000 a month each, 50,000,000 in all.
		{"1000 annual items of 600,000", pensions(1000, "600000", income.Annual), true},
		// 999 × 50,000 + 600,000.12 ÷ 12 (= 50,000.01) = 50,000,000.01.
		{"annual items one fen beyond", append(pensions(999, "600000", income.Annual), annual(standards.IncomePension, "600000.12")), false},
		// Totals are ÷ 12 as well: 1000 × 600,000 ÷ 12 = 50,000,000.
		{"1000 totals of 600,000", pensions(1000, "600000", income.TotalOver(3)), true},
		// Without sign: 5 business losses of 10,000,000 a month are 50,000,000.
		{"losses at the bound", losses(5), true},
		// … and a pension of 0.01 more is beyond it, though the sum with sign is negative.
		{"losses one fen beyond", append(losses(5), monthly(standards.IncomePension, "0.01")), false},
		// 1000 × 10,000,000 = 10,000,000,000: past money's range (1,000,000,000)
		// too; the sum is refused, never wrapped.
		{"1000 items of 10,000,000 a month", pensions(1000, "10000000", income.Monthly), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := applicant(tc.incomes...)
			err := income.Validate(h, d("2024-06-01"))
			if tc.ok {
				require.NoError(t, err)
				return
			}
			requireProblem(t, err, "members", problem.OutOfRange)
			out, err := income.EncodeHousehold(h)
			require.NoError(t, err)
			_, err = income.DecodeHousehold(out)
			requireProblem(t, err, "members", problem.OutOfRange)
		})
	}
}

// Regression: property and expenditure items add up to at most
// 1,000,000,000 yuan (money's range). A sum past it is a problem — never a
// sum wrapped around.
func TestPropertyAndExpenditureSums(t *testing.T) {
	// 100 × 10,000,000 = 1,000,000,000: the range, accepted.
	h := applicant()
	h.Property = deposits(100, "10000000")
	h.Expenditures = expenditures(100, "10000000")
	require.NoError(t, income.Validate(h, d("2024-06-01")))

	// 101 × 10,000,000 = 1,010,000,000 > 1,000,000,000.
	h.Property = deposits(101, "10000000")
	h.Expenditures = expenditures(101, "10000000")
	err := income.Validate(h, d("2024-06-01"))
	requireProblem(t, err, "property", problem.OutOfRange)
	requireProblem(t, err, "expenditures", problem.OutOfRange)

	// 3,328 deposits of 10,000,000 yuan: 33,280,000,000 yuan, 33 times money's
	// range; in grid units (1,386,000,000 a yuan) 3328 × 10^7 × 1.386 × 10^9 ≈
	// 4.6 × 10^19, beyond int64 (≈ 9.2 × 10^18): a sum that did not check
	// would wrap. It is a problem at "property" (too many items as well).
	h = applicant()
	h.Property = deposits(3328, "10000000")
	err = income.Validate(h, d("2024-06-01"))
	pe := problems(t, err)
	assert.ErrorIs(t, err, problem.ErrInvalid)
	assert.True(t, pe.Has("property", problem.TooLarge) || pe.Has("property", problem.OutOfRange), "%v", err)
	_, err = income.Assess(h, testSet(t), d("2024-06-01"), income.Options{})
	assert.ErrorIs(t, err, problem.ErrInvalid)
	out, err := income.EncodeHousehold(h)
	require.NoError(t, err)
	_, err = income.DecodeHousehold(out)
	pe = problems(t, err)
	assert.True(t, pe.Has("property", problem.TooLarge) || pe.Has("property", problem.OutOfRange), "%v", err)

	// The same for expenditures.
	h = applicant()
	h.Expenditures = expenditures(3328, "10000000")
	pe = problems(t, income.Validate(h, d("2024-06-01")))
	assert.True(t, pe.Has("expenditures", problem.TooLarge) || pe.Has("expenditures", problem.OutOfRange), "%v", pe)

	// 1000 deposits (the most allowed) of 10,000,000: 10,000,000,000 yuan.
	h = applicant()
	h.Property = deposits(1000, "10000000")
	requireProblem(t, income.Validate(h, d("2024-06-01")), "property", problem.OutOfRange)
}

// Strings a household built in Go can hold but the JSON form cannot: IDs
// and notes with invalid UTF-8, and IDs with control characters, which
// would break a one-line explanation or collide once written as U+FFFD.
func TestGoStringsAreChecked(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(h *income.Household)
		path string
		code problem.Code
	}{
		{"ID with invalid UTF-8", func(h *income.Household) { h.Members[0].ID = "a\xff" }, "members[0].id", problem.InvalidUTF8},
		{"ID with a newline", func(h *income.Household) { h.Members[0].ID = "a\nb" }, "members[0].id", problem.BadCode},
		{"ID with NUL", func(h *income.Household) { h.Members[0].ID = "a\x00" }, "members[0].id", problem.BadCode},
		{"ID with C1 control", func(h *income.Household) { h.Members[0].ID = "a\u0085" }, "members[0].id", problem.BadCode},
		{"note with invalid UTF-8", func(h *income.Household) { h.Members[0].Incomes[0].Note = "ok\xfe" }, "members[0].incomes[0].note", problem.InvalidUTF8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := applicant(monthly(standards.IncomePension, "1000"))
			tc.edit(h)
			requireProblem(t, income.Validate(h, d("2023-06-01")), tc.path, tc.code)
		})
	}
	// What stays allowed: Chinese IDs, and notes over several lines.
	h := applicant(monthly(standards.IncomePension, "1000"))
	h.Members[0].ID = "张三"
	h.Members[0].Incomes[0].Note = "第一行\n第二行\t完"
	require.NoError(t, income.Validate(h, d("2023-06-01")))
}

// An unknown name is one problem, not two: a disability category the
// decoder does not know does not also make the grade "a grade without a
// category".
func TestNoFollowOnProblems(t *testing.T) {
	_, err := income.DecodeHousehold([]byte(`{"region": "230102", "area": "urban", "members": [{"id": "a", "birth_date": "1980-01-01",
		"relation": "applicant", "labour": "full", "disability": {"category": "limb", "grade": 2}}]}`))
	pe := requireProblem(t, err, "members[0].disability.category", problem.BadCode)
	assert.Len(t, pe.Problems, 1, "%v", err)
}

// CheckCompact refuses a compact form the decision paths cannot read —
// one that did not pass ValidateCompact — with its problems, the
// same ValidateCompact reports; AssessCompact refuses it alike, as bad
// input. Each case breaks one thing of a valid form.
func TestCheckCompact(t *testing.T) {
	date := d("2024-06-01")
	for _, tc := range []struct {
		name  string
		spoil func(c *income.Compact)
		want  []string // "path code"
	}{
		{"valid", func(*income.Compact) {}, nil},
		{"negative count", func(c *income.Compact) { c.N = -1 }, []string{"members too_large"}},
		{"more members than the list", func(c *income.Compact) { c.N = 4 }, []string{"members too_large"}},
		{"more than MaxMembers", func(c *income.Compact) { c.N = income.MaxMembers + 1 }, []string{"members too_large"}},
		{"incomes before the list", func(c *income.Compact) { c.Members[0].First = -1 }, []string{"members[0].incomes bad_reference"}},
		{"incomes past the list", func(c *income.Compact) { c.Members[2].End = int32(len(c.Items) + 1) }, []string{"members[2].incomes bad_reference"}},
		{"incomes overlapping", func(c *income.Compact) { c.Members[1].First-- }, []string{"members[1].incomes bad_reference"}},
		{"a kind beyond the table", func(c *income.Compact) { c.Items[0].Kind = 200 }, []string{"members[0].incomes[0].kind bad_code"}},
		{"property of member 3 of 3", func(c *income.Compact) { c.Property[0].Member = 3 }, []string{"property[0].member unknown_member"}},
		{"expenditure of member −2", func(c *income.Compact) { c.Expenditures[0].Member = -2 }, []string{"expenditures[0].member unknown_member"}},
		{"no area class", func(c *income.Compact) { c.Area = standards.AreaAny }, []string{"area required"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c income.Compact
			ids, err := income.CompactOf(validHousehold(), &c, date)
			require.NoError(t, err)
			tc.spoil(&c)
			assert.Equal(t, tc.want, pathsAndCodes(income.CheckCompact(&c)))
			all := pathsAndCodes(income.ValidateCompact(&c, ids, date))
			assert.Equal(t, tc.want == nil, all == nil, "ValidateCompact refuses the same forms: %v", all)
			for _, want := range tc.want {
				if tc.name != "negative count" { // which ValidateCompact reports by its consequences: no applicant, references beyond it
					assert.Contains(t, all, want)
				}
			}
			pl, err := income.NewPlan(testSet(t), c.Region, standards.AreaUrban, date, standards.Date{}, nil)
			require.NoError(t, err)
			var a income.Assessor
			_, err = a.AssessCompact(pl, &c, ids, date, nil)
			assert.Equal(t, tc.want, pathsAndCodes(err))
			if err != nil {
				assert.ErrorIs(t, err, problem.ErrInvalid)
			}
		})
	}
}

// ValidateCompact reports every problem of a form at once, as Validate
// does: a bad kind or member reference does not hide the household's
// fields or the items' other problems.
func TestValidateCompactReportsEveryProblem(t *testing.T) {
	date := d("2024-06-01")
	var c income.Compact
	ids, err := income.CompactOf(validHousehold(), &c, date)
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(c.Items), 2)
	c.Items[0].Kind = 200
	c.Items[1].Amount = yuan("-1")
	c.Area = standards.AreaAny
	c.Property[0].Member = 3
	got := pathsAndCodes(income.ValidateCompact(&c, ids, date))
	for _, want := range []string{"members[0].incomes[0].kind bad_code", "area required", "property[0].member unknown_member"} {
		assert.Contains(t, got, want)
	}
	assert.Len(t, got, 4, "and the negative amount: %v", got)
}
