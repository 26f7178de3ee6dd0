package income_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
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
     "incomes": [{"kind": "pension", "amount": "7200", "period": "total", "months": 6, "verification": "suspected"}]},
    {"id": "c", "birth_date": "2015-01-01", "relation": "child", "labour": "none", "student": true}
  ],
  "property": [{"kind": "deposit", "value": "5000", "member": "a"}],
  "expenditures": [{"kind": "medical", "amount": "8000", "member": "b"}]
}`

// bad replaces the first occurrence of old in validJSON.
func bad(old, new string) []byte {
	if !strings.Contains(validJSON, old) {
		panic("validJSON has no " + old)
	}
	return []byte(strings.Replace(validJSON, old, new, 1))
}

// validHousehold is validJSON as a Go value.
func validHousehold() *income.Household {
	a := worker("a", "3000", "230102")
	a.CaresFor = []string{"c"}
	a.Incomes = append(a.Incomes, support(standards.IncomeSupportPaid, "1200", income.Annual, income.SupportByAgreement))
	b := dependent("b", "1950-07-01", income.RelationParent,
		suspected(item(standards.IncomePension, "7200", income.TotalOver(6))))
	b.Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 2}
	b.Dependency = income.DependencySemi
	c := dependent("c", "2015-01-01", income.RelationChild)
	c.Student = true
	h := household("230102", a, b, c)
	h.Supporter = income.SupporterAble
	h.Property = []income.Property{{Kind: income.PropertyDeposit, Value: yuan("5000"), Member: "a"}}
	h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: yuan("8000"), Member: "b"}}
	return h
}

func TestDecodeValidHousehold(t *testing.T) {
	h, err := income.DecodeHousehold([]byte(validJSON))
	require.NoError(t, err)
	assert.Equal(t, *validHousehold(), h)
	require.Len(t, h.Members, 3)
	assert.Equal(t, income.RegistrationHukou, h.Registration, "basis defaults to hukou")
	assert.Equal(t, income.TotalOver(6), h.Members[1].Incomes[0].Period)
	assert.True(t, h.Members[1].Disability.Severe(), "grade 2 is 重度")
	assert.Equal(t, "8000", h.Expenditures[0].Amount.String())
}

// Encode → decode gives the same household, in both written forms.
func TestEncodeDecodeRoundTrip(t *testing.T) {
	for _, h := range []*income.Household{
		validHousehold(),
		func() *income.Household {
			h := validHousehold()
			h.Registration = income.RegistrationResidence
			h.Area = standards.AreaRural
			h.Supporter = income.SupporterNone
			h.CaregiverFactor, h.HasCaregiverFactor = rate("0.3"), true
			h.Members[0].Incomes[0].Note = "季节工 \"quoted\" \\ \n tab\t"
			h.Members[0].SeriousIllness = true
			h.Members[0].ServiceDisabilityGrade = 4
			h.Members[0].SpecialCare, h.Members[0].MartyrFamily, h.Members[0].ReturnedVeteran = true, true, true
			h.Members[1].Incomes = append(h.Members[1].Incomes,
				item(standards.IncomeBusinessNet, "-2400.5", income.Annual),
				item(standards.IncomeOther, "10800", income.Total))
			h.Members[1].Dependency = income.DependencyFull
			h.Property = append(h.Property, income.Property{Kind: income.PropertyDwelling, Value: yuan("300000"), Count: 2, Exempt: true})
			h.Expenditures = append(h.Expenditures, income.Expenditure{Kind: income.ExpenditureEducation, Amount: yuan("0.01")})
			return h
		}(),
		func() *income.Household { // a case-level factor of 0 is written, not left out
			h := validHousehold()
			h.CaregiverFactor, h.HasCaregiverFactor = money.Rate{}, true
			return h
		}(),
	} {
		require.NoError(t, income.Validate(h, d("2024-06-01")))
		out, err := income.EncodeHousehold(h)
		require.NoError(t, err)
		back, err := income.DecodeHousehold(out)
		require.NoError(t, err, "%s", out)
		assert.Equal(t, *h, back)

		compact, err := json.Marshal(h)
		require.NoError(t, err)
		back, err = income.DecodeHousehold(compact)
		require.NoError(t, err, "%s", compact)
		assert.Equal(t, *h, back)

		var viaStd income.Household
		require.NoError(t, json.Unmarshal(compact, &viaStd))
		assert.Equal(t, *h, viaStd)
	}
}

// json.Marshal of a Household (a value or a pointer) writes the documented
// form: names, never enum numbers; amounts as strings; defaults left out.
func TestMarshalJSONDocumentedForm(t *testing.T) {
	h := validHousehold()
	byValue, err := json.Marshal(*h)
	require.NoError(t, err)
	byPointer, err := json.Marshal(h)
	require.NoError(t, err)
	assert.JSONEq(t, string(byValue), string(byPointer))
	assert.JSONEq(t, validJSON, string(byValue))

	var generic map[string]any
	require.NoError(t, json.Unmarshal(byValue, &generic))
	assert.Equal(t, "urban", generic["area"])
	assert.Equal(t, "able", generic["supporter"])
	assert.NotContains(t, generic, "basis", "hukou is the default and left out")
	m0 := generic["members"].([]any)[0].(map[string]any)
	assert.Equal(t, "applicant", m0["relation"])
	assert.Equal(t, "full", m0["labour"])
	in0 := m0["incomes"].([]any)[0].(map[string]any)
	assert.Equal(t, map[string]any{"kind": "wage", "amount": "3000", "period": "monthly"}, in0)

	h.Registration = income.RegistrationResidence
	out, err := json.Marshal(h)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"basis":"residence"`, "Registration is written as the field basis")
	back, err := income.DecodeHousehold(out)
	require.NoError(t, err)
	assert.Equal(t, income.RegistrationResidence, back.Registration)

	// The indented form ends with a newline and reads the same.
	indented, err := income.EncodeHousehold(h)
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(string(indented), "}\n"))
	assert.JSONEq(t, string(out), string(indented))
}

// The seasonal-wage case: 10,800 yuan earned in 6 of the 12 months is a
// total received within the 12 months, averaged over all 12 of them:
// 10800 ÷ 12 = 900 a month — not 10800 ÷ 6 = 1800. "months" is shown in the
// explanation and changes nothing.
func TestSeasonalWageIsAveragedOverTwelveMonths(t *testing.T) {
	in := []byte(`{"region": "230102", "area": "urban", "members": [
	  {"id": "a", "birth_date": "1985-03-01", "relation": "applicant", "labour": "full", "workplace": "230102",
	   "incomes": [{"kind": "wage", "amount": "10800", "period": "total", "months": 6}]}]}`)
	h, err := income.DecodeHousehold(in)
	require.NoError(t, err)
	assert.Equal(t, income.TotalOver(6), h.Members[0].Incomes[0].Period)

	a, err := income.AssessJSON(in, testSet(t), d("2024-06-01"), income.Options{Explain: true})
	require.NoError(t, err)
	require.NotEmpty(t, a.Lines)
	assert.Equal(t, "900", exact(a.Lines[0].Monthly)) // 10800 ÷ 12
	assert.Equal(t, "900", exact(a.Gross))
	// 道里区 is 一档 2080 from 2024-05-01: deduction 2 × 2080 ÷ 12 = 4160/12 = 1040/3;
	// countable 900 − 1040/3 = (2700 − 1040)/3 = 1660/3 (553.33…).
	assert.Equal(t, "1040/3", exact(a.EmploymentDeduction))
	assert.Equal(t, "1660/3", exact(a.Countable))

	// The same 10,800 without months, or in any number of months, is the same 900.
	for _, n := range []int{0, 1, 6, 12} {
		h.Members[0].Incomes[0].Period = income.TotalOver(n)
		b := assess(t, &h, testSet(t), "2024-06-01")
		assert.Equal(t, "900", exact(b.Gross), "%d months", n)
	}

	// The explanation says how many months and that the figure is ÷ 12.
	i := stepsOf(a, "income.counted.total_months")
	require.Len(t, i, 1)
	text := explainText(a, "en")
	assert.Contains(t, text, "10800.00 yuan received in 6 of the 12 months")
	assert.Contains(t, text, "÷ 12 = 900.00 yuan a month")
}

// The removed period "months" is refused with a problem saying to use "total".
func TestPeriodMonthsIsRefused(t *testing.T) {
	in := bad(`"period": "total", "months": 6`, `"period": "months", "months": 6`)
	_, err := income.DecodeHousehold(in)
	pe := requireProblem(t, err, "members[1].incomes[0].period", problem.BadCode)
	assert.ErrorIs(t, err, problem.ErrInvalid)
	for _, p := range pe.Problems {
		if p.Path == "members[1].incomes[0].period" {
			assert.Contains(t, p.Message.EN, `"total"`)
			assert.Contains(t, p.Message.ZH, `"total"`)
		}
	}
	// The first income item is at incomes[0] of the first member too.
	_, err = income.DecodeHousehold(bad(`"period": "monthly"`, `"period": "months"`))
	requireProblem(t, err, "members[0].incomes[0].period", problem.BadCode)
}

func TestDuplicateKeysAreRefused(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		path string
	}{
		{"top level", bad(`"area": "urban",`, `"area": "urban", "area": "rural",`), "area"},
		{"same value twice", bad(`"region": "230102",`, `"region": "230102", "region": "230102",`), "region"},
		{"in a member", bad(`"id": "b",`, `"id": "b", "id": "z",`), "members[1].id"},
		{"in an income", bad(`"period": "monthly"`, `"period": "monthly", "amount": "1"`), "members[0].incomes[0].amount"},
		{"in a disability", bad(`"grade": 2`, `"grade": 2, "grade": 3`), "members[1].disability.grade"},
		{"in a property item", bad(`"value": "5000"`, `"value": "5000", "value": "1"`), "property[0].value"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := income.DecodeHousehold(tc.in)
			requireProblem(t, err, tc.path, problem.Duplicate)
			assert.ErrorIs(t, err, problem.ErrInvalid)
		})
	}
}

func TestInvalidUTF8IsRefused(t *testing.T) {
	for _, in := range [][]byte{
		bad(`"student": true`, "\"student\": true, \"x\xff\": 1"),
		bad(`"id": "c"`, "\"id\": \"c\xc3\""),
		[]byte("{\"region\": \"\xed\xa0\x80\"}"), // an encoded surrogate is not UTF-8
		bad(`"id": "a"`, `"id": "\ud800"`),       // nor is an unpaired surrogate escape
	} {
		_, err := income.DecodeHousehold(in)
		pe := problems(t, err)
		assert.ErrorIs(t, err, problem.ErrInvalid)
		assert.NotEmpty(t, pe.Problems)
		if !strings.Contains(string(in), `\ud800`) {
			assert.True(t, pe.Has("", problem.InvalidUTF8), "%v", err)
		}
	}
}

func TestByteOrderMarkIsAccepted(t *testing.T) {
	h, err := income.DecodeHousehold(append([]byte("\xef\xbb\xbf"), validJSON...))
	require.NoError(t, err)
	assert.Equal(t, *validHousehold(), h)
	// Only at the start.
	_, err = income.DecodeHousehold(append([]byte(validJSON), "\xef\xbb\xbf"...))
	assert.Error(t, err)
}

// Hostile input is refused cheaply, and the report of problems is bounded.
func TestHostileInput(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   []byte
		path string
		code problem.Code
	}{
		{"half a million digits", bad(`"amount": "3000"`, `"amount": "`+strings.Repeat("9", 500_000)+`"`), "members[0].incomes[0].amount", problem.OutOfRange},
		{"deep nesting", []byte(strings.Repeat("[", 100_000)), "", problem.TooDeep},
		{"larger than 1 MiB", bad(`"student": true`, `"student": true, "x": "`+strings.Repeat("x", income.MaxHouseholdSize)+`"`), "", problem.TooLarge},
		{"200,001 members", []byte(`{"members": [` + strings.Repeat(`{},`, 200_000) + `{}]}`), "members", problem.TooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := income.DecodeHousehold(tc.in)
			pe := requireProblem(t, err, tc.path, tc.code)
			assert.LessOrEqual(t, len(pe.Problems), 201, "the report is bounded")
		})
	}
}

// DecodeHouseholdAt reports every problem under the prefix, with the checks
// that need the assessment date.
func TestDecodeHouseholdAt(t *testing.T) {
	h, ps := income.DecodeHouseholdAt([]byte(validJSON), d("2024-06-01"), "household")
	assert.Empty(t, ps)
	assert.Equal(t, *validHousehold(), h)

	in := bad(`"2015-01-01"`, `"2026-01-01"`)
	_, ps = income.DecodeHouseholdAt(in, d("2025-12-01"), "household")
	pe := &problem.Error{Problems: ps}
	assert.True(t, pe.Has("household.members[2].birth_date", problem.FutureDate), "%v", pe)
	// Without a date the birth date cannot be judged.
	_, err := income.DecodeHousehold(in)
	assert.NoError(t, err)

	_, ps = income.DecodeHouseholdAt([]byte(`{"region":`), d("2025-12-01"), "household")
	require.Len(t, ps, 1)
	assert.Equal(t, problem.Syntax, ps[0].Code)

	_, ps = income.DecodeHouseholdAt(bad(`"amount": "3000"`, `"amount": "3000.001"`), d("2025-12-01"), "household")
	pe = &problem.Error{Problems: ps}
	assert.True(t, pe.Has("household.members[0].incomes[0].amount", problem.TooPrecise), "%v", pe)
}

// UnmarshalJSON reports problems as a *problem.Error, and leaves the
// household unchanged.
func TestUnmarshalJSONProblems(t *testing.T) {
	h := *validHousehold()
	err := json.Unmarshal(bad(`"kind": "wage"`, `"kind": "lottery"`), &h)
	requireProblem(t, err, "members[0].incomes[0].kind", problem.BadCode)
	assert.Equal(t, *validHousehold(), h)
}
