package income_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// validJSON is a household in the documented JSON form.
const validJSON = `{
  "region": "230102",
  "area": "urban",
  "supporter": "able",
  "members": [
    {"id": "a", "birth_date": "1985-03-01", "relation": "applicant", "labour": "full", "workplace": "230102",
     "cares_for": ["c"],
     "incomes": [
       {"kind": "wage", "amount": "3000", "period": "monthly"},
       {"kind": "support_paid", "amount": "1200", "period": "annual", "basis": "agreement"}
     ]},
    {"id": "b", "birth_date": "1950-07-01", "relation": "parent", "labour": "none",
     "disability": {"category": "physical", "grade": 2}, "dependency": "semi",
     "incomes": [{"kind": "pension", "amount": "7200", "period": "months", "months": 6, "verification": "suspected"}]},
    {"id": "c", "birth_date": "2015-01-01", "relation": "child", "labour": "none", "student": true}
  ],
  "property": [{"kind": "deposit", "value": "5000", "member": "a"}],
  "expenditures": [{"kind": "medical", "amount": "8000", "member": "b"}]
}`

// bad replaces the first occurrence of old in validJSON.
func bad(old, new string) []byte { return []byte(strings.Replace(validJSON, old, new, 1)) }

func TestDecodeValidHousehold(t *testing.T) {
	h, err := income.DecodeHousehold([]byte(validJSON))
	require.NoError(t, err)
	require.Len(t, h.Members, 3)
	assert.Equal(t, standards.IncomeSupportPaid, h.Members[0].Incomes[1].Kind)
	assert.Equal(t, income.SupportByAgreement, h.Members[0].Incomes[1].Basis)
	assert.Equal(t, income.Over(6), h.Members[1].Incomes[0].Period)
	assert.Equal(t, income.Suspected, h.Members[1].Incomes[0].Verification)
	assert.True(t, h.Members[1].Disability.Severe())
	assert.Equal(t, income.DependencySemi, h.Members[1].Dependency)
	assert.Equal(t, "230102", h.Members[0].Workplace.String())
	require.Len(t, h.Property, 1)
	assert.Equal(t, income.PropertyDeposit, h.Property[0].Kind)
	require.Len(t, h.Expenditures, 1)
	assert.Equal(t, "8000", h.Expenditures[0].Amount.String())

	// Encode → decode gives the same household.
	out, err := income.EncodeHousehold(&h)
	require.NoError(t, err)
	h2, err := income.DecodeHousehold(out)
	require.NoError(t, err)
	assert.Equal(t, h, h2)
}

// One case per input problem, each reported at its JSON path.
func TestHouseholdProblems(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		date string // "" decodes only
		path string
		code income.ProblemCode
	}{
		{"negative wage", bad(`"amount": "3000"`, `"amount": "-3000"`), "", "members[0].incomes[0].amount", income.CodeNegative},
		{"three decimals", bad(`"amount": "3000"`, `"amount": "3000.001"`), "", "members[0].incomes[0].amount", income.CodeTooPrecise},
		{"too large", bad(`"amount": "3000"`, `"amount": "10000000.01"`), "", "members[0].incomes[0].amount", income.CodeOutOfRange},
		{"exponent", bad(`"amount": "3000"`, `"amount": "1e999999999"`), "", "members[0].incomes[0].amount", income.CodeBadNumber},
		{"400 digits", bad(`"amount": "3000"`, `"amount": "`+strings.Repeat("9", 400)+`"`), "", "members[0].incomes[0].amount", income.CodeBadNumber},
		{"amount as a number", bad(`"amount": "3000"`, `"amount": 3000`), "", "members[0].incomes[0].amount", income.CodeType},
		{"unknown kind", bad(`"kind": "wage"`, `"kind": "lottery"`), "", "members[0].incomes[0].kind", income.CodeBadCode},
		{"unknown relation", bad(`"relation": "parent"`, `"relation": "cousin"`), "", "members[1].relation", income.CodeBadCode},
		{"unknown period", bad(`"period": "monthly"`, `"period": "weekly"`), "", "members[0].incomes[0].period", income.CodeBadCode},
		{"missing period", bad(`, "period": "monthly"`, ``), "", "members[0].incomes[0].period", income.CodeRequired},
		{"zero months", bad(`"months": 6`, `"months": 0`), "", "members[1].incomes[0].months", income.CodeOutOfRange},
		{"thirteen months", bad(`"months": 6`, `"months": 13`), "", "members[1].incomes[0].months", income.CodeOutOfRange},
		{"unknown field", bad(`"student": true`, `"student": true, "shoe_size": 31`), "", "members[2].shoe_size", income.CodeUnknownField},
		{"unknown top-level field", bad(`"area": "urban",`, `"area": "urban", "colour": "red",`), "", "colour", income.CodeUnknownField},
		{"bad birth date", bad(`"1985-03-01"`, `"1985-02-30"`), "", "members[0].birth_date", income.CodeBadDate},
		{"born after the assessment", bad(`"2015-01-01"`, `"2026-01-01"`), "2025-12-01", "members[2].birth_date", income.CodeFutureBirth},
		{"duplicate id", bad(`"id": "b"`, `"id": "a"`), "", "members[1].id", income.CodeDuplicate},
		{"unknown member cared for", bad(`"cares_for": ["c"]`, `"cares_for": ["z"]`), "", "members[0].cares_for[0]", income.CodeUnknownMember},
		{"caring for oneself", bad(`"cares_for": ["c"]`, `"cares_for": ["a"]`), "", "members[0].cares_for[0]", income.CodeBadReference},
		{"unknown property owner", bad(`"member": "a"`, `"member": "q"`), "", "property[0].member", income.CodeUnknownMember},
		{"negative property", bad(`"value": "5000"`, `"value": "-1"`), "", "property[0].value", income.CodeNegative},
		{"unknown expenditure kind", bad(`"kind": "medical"`, `"kind": "holiday"`), "", "expenditures[0].kind", income.CodeBadCode},
		{"empty household", []byte(`{"region": "230102", "area": "urban", "members": []}`), "", "members", income.CodeEmpty},
		{"no applicant", bad(`"relation": "applicant"`, `"relation": "other"`), "", "members", income.CodeApplicant},
		{"two applicants", bad(`"relation": "parent"`, `"relation": "applicant"`), "", "members", income.CodeApplicant},
		{"wage without a place of work", bad(`, "workplace": "230102"`, ``), "", "members[0].workplace", income.CodeMissingPlace},
		{"support without a basis", bad(`, "basis": "agreement"`, ``), "", "members[0].incomes[1].basis", income.CodeRequired},
		{"a basis on a wage", bad(`"period": "monthly"}`, `"period": "monthly", "basis": "agreement"}`), "", "members[0].incomes[0].basis", income.CodeBadReference},
		{"disability grade 5", bad(`"grade": 2`, `"grade": 5`), "", "members[1].disability.grade", income.CodeOutOfRange},
		{"bad region", bad(`"region": "230102"`, `"region": "2301"`), "", "region", income.CodeBadCode},
		{"unknown supporter", bad(`"supporter": "able"`, `"supporter": "rich"`), "", "supporter", income.CodeBadCode},
		{"missing area", bad(`"area": "urban",`, ``), "", "area", income.CodeRequired},
		{"bad caregiver factor", bad(`"area": "urban",`, `"area": "urban", "caregiver_factor": "1.5",`), "", "caregiver_factor", income.CodeOutOfRange},
		{"precise caregiver factor", bad(`"area": "urban",`, `"area": "urban", "caregiver_factor": "0.333",`), "", "caregiver_factor", income.CodeTooPrecise},
		{"not JSON", []byte(`{"region":`), "", "", income.CodeSyntax},
		{"trailing data", []byte(validJSON + "{}"), "", "", income.CodeSyntax},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var err error
			if tc.date == "" {
				_, err = income.DecodeHousehold(tc.in)
			} else {
				_, err = income.AssessJSON(tc.in, testSet(t), d(tc.date), income.Options{})
			}
			require.ErrorIs(t, err, income.ErrInvalidHousehold)
			var ie *income.InputError
			require.ErrorAs(t, err, &ie)
			assert.True(t, ie.Has(tc.path, tc.code), "want %s at %s; got %v", tc.code, tc.path, err)
		})
	}
}

// R14 covers caring for a 失能/半失能 member or a minor. Whether someone is a
// minor depends on the date, so the check needs one.
func TestCaringForANonDependentAdult(t *testing.T) {
	in := strings.NewReplacer(`"cares_for": ["c"]`, `"cares_for": ["b"]`, `, "dependency": "semi"`, ``).Replace(validJSON)
	_, err := income.DecodeHousehold([]byte(in))
	require.NoError(t, err, "without a date the reference cannot be judged")
	_, err = income.AssessJSON([]byte(in), testSet(t), d("2024-06-01"), income.Options{})
	var ie *income.InputError
	require.ErrorAs(t, err, &ie)
	assert.True(t, ie.Has("members[0].cares_for[0]", income.CodeBadReference), "%v", err)

	// A child turning 18: c (born 2015-01-01) is a minor on 2032-12-31, not on 2033-01-01.
	h, err := income.DecodeHousehold([]byte(validJSON))
	require.NoError(t, err)
	assert.NoError(t, income.Validate(&h, d("2032-12-31")))
	require.ErrorAs(t, income.Validate(&h, d("2033-01-01")), &ie)
	assert.True(t, ie.Has("members[0].cares_for[0]", income.CodeBadReference))
}

func TestEveryProblemAtOnce(t *testing.T) {
	in := strings.NewReplacer(
		`"amount": "3000"`, `"amount": "-3000"`,
		`"relation": "parent"`, `"relation": "cousin"`,
		`"months": 6`, `"months": 0`,
		`"id": "b"`, `"id": "a"`,
		`"2015-01-01"`, `"2027-01-01"`,
		`"student": true`, `"student": true, "x": 1`,
	).Replace(validJSON)
	_, err := income.AssessJSON([]byte(in), testSet(t), d("2025-12-01"), income.Options{})
	var ie *income.InputError
	require.ErrorAs(t, err, &ie)
	for _, want := range []struct {
		path string
		code income.ProblemCode
	}{
		{"members[0].incomes[0].amount", income.CodeNegative},
		{"members[1].relation", income.CodeBadCode},
		{"members[1].incomes[0].months", income.CodeOutOfRange},
		{"members[1].id", income.CodeDuplicate},
		{"members[2].birth_date", income.CodeFutureBirth},
		{"members[2].x", income.CodeUnknownField},
	} {
		assert.True(t, ie.Has(want.path, want.code), "want %s at %s in %v", want.code, want.path, err)
	}
	// An unknown relation is reported once, not again as "required".
	n := 0
	for _, p := range ie.Problems {
		if p.Path == "members[1].relation" {
			n++
		}
	}
	assert.Equal(t, 1, n)
}

func TestValidateGoValues(t *testing.T) {
	h := household("230102", worker("a", "3000", "230102"))
	h.Members[0].Labour = 9
	h.Members[0].Incomes[0].Period = income.Period{}
	h.Members[0].Incomes = append(h.Members[0].Incomes, income.Income{Kind: "bitcoin", Amount: dec("1"), Period: income.Monthly})
	err := income.Validate(h, d("2025-12-01"))
	var ie *income.InputError
	require.ErrorAs(t, err, &ie)
	assert.True(t, ie.Has("members[0].labour", income.CodeRequired))
	assert.True(t, ie.Has("members[0].incomes[0].period", income.CodeRequired))
	assert.True(t, ie.Has("members[0].incomes[1].kind", income.CodeBadCode))
	_, err = income.Assess(h, testSet(t), d("2025-12-01"), income.Options{})
	assert.ErrorIs(t, err, income.ErrInvalidHousehold)
	_, err = income.Assess(&income.Household{}, testSet(t), d("2025-12-01"), income.Options{})
	assert.ErrorIs(t, err, income.ErrInvalidHousehold)
	_, err = income.Assess(h, testSet(t), standards.Date{}, income.Options{})
	assert.ErrorIs(t, err, standards.ErrInvalidDate)
}

func TestBoundsOnSize(t *testing.T) {
	h := household("230102", member("a", "1970-01-01", income.RelationApplicant))
	for i := 0; i < income.MaxMembers; i++ {
		h.Members = append(h.Members, member("m"+string(rune('A'+i%26))+string(rune('a'+i/26)), "1970-01-01", income.RelationOther))
	}
	err := income.Validate(h, d("2023-06-01"))
	var ie *income.InputError
	require.ErrorAs(t, err, &ie)
	assert.True(t, ie.Has("members", income.CodeTooLarge))

	h = household("230102", member("a", "1970-01-01", income.RelationApplicant))
	for i := 0; i <= income.MaxItems; i++ {
		h.Members[0].Incomes = append(h.Members[0].Incomes, monthly(standards.IncomePension, "1"))
	}
	require.ErrorAs(t, income.Validate(h, d("2023-06-01")), &ie)
	assert.True(t, ie.Has("members", income.CodeTooLarge))
}

// Hostile input is refused before any arithmetic: long digit strings by the
// strict number syntax, deep nesting by the JSON decoder, and the report of
// problems is bounded. (BenchmarkDecodeHostile measures the cost.)
func TestHostileInputIsCheap(t *testing.T) {
	for _, in := range [][]byte{
		bad(`"amount": "3000"`, `"amount": "`+strings.Repeat("9", 500_000)+`"`),
		[]byte(strings.Repeat("[", 100_000)),
		[]byte(`{"members": [` + strings.Repeat(`{},`, 200_000) + `{}]}`),
	} {
		_, err := income.DecodeHousehold(in)
		assert.Error(t, err)
		var ie *income.InputError
		if assert.ErrorAs(t, err, &ie) {
			assert.LessOrEqual(t, len(ie.Problems), 201, "the report is bounded")
		}
	}
}
