package payment_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// requestJSON is a request for the 道里区 family of three, the applicant's
// pension given, with the extra top-level fields (",\"method\": …") added.
func requestJSON(date, birthA, pensionA, extra string) []byte {
	return []byte(`{"date": "` + date + `", "household": {"region": "230102", "area": "urban", "members": [
	  {"id": "a", "birth_date": "` + birthA + `", "relation": "applicant", "labour": "full",
	   "incomes": [{"kind": "pension", "amount": "` + pensionA + `", "period": "monthly"}]},
	  {"id": "b", "birth_date": "1972-01-01", "relation": "spouse", "labour": "full"},
	  {"id": "c", "birth_date": "1995-01-01", "relation": "child", "labour": "full"}]}` + extra + `}`)
}

func decodeErr(t testing.TB, data []byte) *problem.Error {
	t.Helper()
	_, err := payment.DecodeRequest(data)
	require.Error(t, err)
	assert.ErrorIs(t, err, problem.ErrInvalid)
	pe, ok := problem.As(err)
	require.True(t, ok, "%T", err)
	assert.Equal(t, problem.SubjectRequest, pe.Subject)
	return pe
}

func TestDecodeRequest(t *testing.T) {
	r, err := payment.DecodeRequest(requestJSON("2023-06-01", "1970-01-01", "1000", `, "explain": true, "method": "gap"`))
	require.NoError(t, err)
	assert.Equal(t, d("2023-06-01"), r.Date)
	assert.Equal(t, standards.MethodGap, r.Method)
	assert.True(t, r.Options.Explain)
	require.NotNil(t, r.Household)
	require.Len(t, r.Household.Members, 3)
	assert.Equal(t, "1000", r.Household.Members[0].Incomes[0].Amount.String())
	dcs, err := payment.Decide(r, testSet(t))
	require.NoError(t, err)
	checkLines(t, dcs)
	assert.Equal(t, "1550.00", dcs.Total.Display()) // 2550 − 1000
}

// The household is read in place with the request's date: a member born
// after the date is a problem of the request, reported together with the
// request's own problems in one error.
func TestDecodeRequestReadsTheHouseholdWithItsDate(t *testing.T) {
	// Born 2023-07-01, after the date 2023-06-01; and an unknown method.
	pe := decodeErr(t, requestJSON("2023-06-01", "2023-07-01", "1000", `, "method": "bogus"`))
	assert.True(t, pe.Has("household.members[0].birth_date", problem.FutureDate), "%v", pe)
	assert.True(t, pe.Has("method", problem.BadCode), "%v", pe)

	// Decoded alone, without a date, the same household has no problem.
	var doc map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(requestJSON("2023-06-01", "2023-07-01", "1000", ""), &doc))
	_, err := income.DecodeHousehold(doc["household"])
	require.NoError(t, err)
	// And born on the date itself is fine.
	_, err = payment.DecodeRequest(requestJSON("2023-07-01", "2023-07-01", "1000", ""))
	require.NoError(t, err)
}

// The request's own checks (current status, prices, equalised members)
// are reported with the household's problems, not instead of them, nor only
// once the household is right.
func TestDecodeRequestReportsEverythingAtOnce(t *testing.T) {
	pe := decodeErr(t, requestJSON("2023-06-01", "2023-07-01", "1000",
		`, "current": {"status": "dibao", "since": "2024-01-01"}, "prices": {"cpi": "0.04"}`))
	assert.True(t, pe.Has("household.members[0].birth_date", problem.FutureDate), "%v", pe)
	assert.True(t, pe.Has("current.since", problem.FutureDate), "%v", pe)
	assert.True(t, pe.Has("prices.month", problem.Required), "%v", pe)
}

func TestDecodeRequestProblems(t *testing.T) {
	for _, tc := range []struct {
		name  string
		extra string
		path  string
		code  problem.Code
	}{
		{"current.since after the date", `, "current": {"status": "dibao", "since": "2023-06-02"}`, "current.since", problem.FutureDate},
		{"prices without a month", `, "prices": {"cpi": "0.04"}`, "prices.month", problem.Required},
		{"equalised naming no member", `, "equalised": ["a", "zz"]`, "equalised[1]", problem.UnknownMember},
		{"a last amount beyond 1,000,000", `, "current": {"status": "dibao", "monthly_amount": "1000000.01"}`, "current.monthly_amount", problem.OutOfRange},
		{"a CPI beyond 1 (3.6 for 3.6 %: the hint says 0.036)", `, "prices": {"month": "2023-06-01", "cpi": "3.6"}`, "prices.cpi", problem.OutOfRange},
		{"a CPI beyond 1", `, "prices": {"month": "2023-06-01", "cpi": "1.5"}`, "prices.cpi", problem.OutOfRange},
		{"a food CPI below −1", `, "prices": {"month": "2023-06-01", "food_cpi": "-1.01"}`, "prices.food_cpi", problem.OutOfRange},
		{"a gradual exit without its end", `, "current": {"status": "gradual_exit", "monthly_amount": "100"}`, "current.gradual_exit_end", problem.Required},
		{"a gradual exit without its last amount", `, "current": {"status": "gradual_exit", "gradual_exit_end": "2023-12-31"}`, "current.monthly_amount", problem.Required},
		{"an unknown status", `, "current": {"status": "retired"}`, "current.status", problem.BadCode},
		{"an unknown method", `, "method": "average"`, "method", problem.BadCode},
		{"an unknown field", `, "rounding": "fen"`, "rounding", problem.UnknownField},
		{"a bad date", `, "known_on": "2023-02-30"`, "known_on", problem.BadDate},
		{"a previous countable income that is not a number", `, "previous": {"countable": "lots"}`, "previous.countable", problem.BadNumber},
		{"temporary assistance without its fields", `, "temporary": {}`, "temporary.hardship", problem.Required},
		{"temporary assistance at a bad place", `, "temporary": {"hardship": "illness", "place": "23010", "instalments": 1}`, "temporary.place", problem.BadCode},
		{"a request with too many decimals", `, "temporary": {"hardship": "illness", "place": "230102", "instalments": 1, "requested": "1.001"}`,
			"temporary.requested", problem.TooPrecise},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pe := decodeErr(t, requestJSON("2023-06-01", "1970-01-01", "1000", tc.extra))
			assert.True(t, pe.Has(tc.path, tc.code), "want %s at %s in\n%v", tc.code, tc.path, pe)
		})
	}
	// Without household and date.
	pe := decodeErr(t, []byte(`{}`))
	assert.True(t, pe.Has("household", problem.Required), "%v", pe)
	assert.True(t, pe.Has("date", problem.Required), "%v", pe)
	pe = decodeErr(t, []byte(`{"date": "2023-06-01", "household": []}`))
	assert.True(t, pe.Has("household", problem.Type), "%v", pe)
	pe = decodeErr(t, []byte(`{"date": "2023-06-01", "household": {}`))
	assert.Equal(t, []problem.Code{problem.Syntax}, pe.Codes())
}

func TestRequestErrorHeading(t *testing.T) {
	pe := decodeErr(t, requestJSON("2023-06-01", "1970-01-01", "1000",
		`, "method": "bogus", "current": {"status": "dibao", "since": "2024-01-01"}, "prices": {"cpi": "0.04"}`))
	require.Len(t, pe.Problems, 3, "%v", pe)
	assert.Equal(t, "3 problems in the request", pe.Heading(en))
	assert.True(t, strings.HasPrefix(pe.Error(), "3 problems in the request:\n"), pe.Error())
	assert.Equal(t, "请求中有 3 个问题", pe.Heading(zh))

	pe = decodeErr(t, requestJSON("2023-06-01", "1970-01-01", "1000", `, "method": "bogus"`))
	assert.Equal(t, "1 problem in the request", pe.Heading(en))
}

// Every key once: a second "date" is refused, never silently taken.
func TestDecodeRequestDuplicateKey(t *testing.T) {
	data := []byte(`{"date": "2023-06-01", "date": "2023-06-02", "household": {"region": "230102", "area": "urban", "members": [
	  {"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}]}}`)
	pe := decodeErr(t, data)
	assert.True(t, pe.Has("date", problem.Duplicate), "%v", pe)
	// Inside the household too.
	data = []byte(`{"date": "2023-06-01", "household": {"region": "230102", "region": "230103", "area": "urban", "members": [
	  {"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}]}}`)
	pe = decodeErr(t, data)
	assert.True(t, pe.Has("household.region", problem.Duplicate), "%v", pe)
}

// Text that is not UTF-8 is refused, never replaced: two IDs that differ
// only in their invalid bytes are never taken for one another.
func TestDecodeRequestInvalidUTF8(t *testing.T) {
	one := []byte("{\"date\": \"2023-06-01\", \"household\": {\"region\": \"230102\", \"area\": \"urban\", \"members\": [" +
		"{\"id\": \"a\xff\", \"birth_date\": \"1970-01-01\", \"relation\": \"applicant\", \"labour\": \"full\"}]}}")
	pe := decodeErr(t, one)
	assert.Contains(t, pe.Codes(), problem.InvalidUTF8)

	two := []byte("{\"date\": \"2023-06-01\", \"household\": {\"region\": \"230102\", \"area\": \"urban\", \"members\": [" +
		"{\"id\": \"a\xff\", \"birth_date\": \"1970-01-01\", \"relation\": \"applicant\", \"labour\": \"full\"}," +
		"{\"id\": \"a\xfe\", \"birth_date\": \"1972-01-01\", \"relation\": \"spouse\", \"labour\": \"full\"}]}}")
	pe = decodeErr(t, two)
	assert.Contains(t, pe.Codes(), problem.InvalidUTF8)
	assert.NotContains(t, pe.Codes(), problem.Duplicate, "the IDs were not merged into one")
	assert.NotContains(t, pe.Error(), "\ufffd")
}

// Two members whose IDs differ only in bytes that are not UTF-8: the library
// either refuses them as bad input or keeps them apart everywhere, its
// decision record included.
func TestInvalidUTF8IDsNeverCollide(t *testing.T) {
	h := family("1000")
	h.Members[1].ID, h.Members[2].ID = "a\xff", "a\xfe"
	h.Members[1].SeriousIllness = true
	h.Members[2].SeriousIllness = true
	r := req(h, "2023-06-01")
	r.Options.Explain = true
	dcs, err := payment.Decide(r, testSet(t))
	if err != nil {
		assert.ErrorIs(t, err, problem.ErrInvalid)
		return
	}
	// Kept apart in the decision: a supplement each (0.15 × 850 = 127.5).
	got := lines(dcs)
	assert.Equal(t, "127.50", got["supplement@a\xff"])
	assert.Equal(t, "127.50", got["supplement@a\xfe"])
	// And in the record.
	b, err := json.Marshal(dcs)
	require.NoError(t, err)
	var rec struct {
		Lines []struct {
			Code   string `json:"code"`
			Member string `json:"member"`
		} `json:"lines"`
	}
	require.NoError(t, json.Unmarshal(b, &rec))
	members := map[string]bool{}
	for _, l := range rec.Lines {
		if l.Code == "supplement" {
			members[l.Member] = true
		}
	}
	assert.Len(t, members, 2, "the two members' supplements are written under one ID: %v", members)
}

// A large request well under the 1 MiB limit — 180 income items with long
// notes — decodes and decides; one over the limit is refused.
func TestDecodeLargeRequest(t *testing.T) {
	note := strings.Repeat("收入说明", 83) // 12 bytes × 83 = 996 ≤ 1000, the longest note
	var items []string
	for i := 0; i < 180; i++ {
		items = append(items, `{"kind": "pension", "amount": "4", "period": "monthly", "note": "`+note+`"}`)
	}
	data := []byte(`{"date": "2023-06-01", "household": {"region": "230102", "area": "urban", "members": [
	  {"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full", "incomes": [` + strings.Join(items, ",") + `]}]}}`)
	require.Greater(t, len(data), 180_000)
	require.Less(t, len(data), payment.MaxRequestSize)
	r, err := payment.DecodeRequest(data)
	require.NoError(t, err)
	require.Len(t, r.Household.Members[0].Incomes, 180)
	assert.Equal(t, note, r.Household.Members[0].Incomes[179].Note)
	dcs, err := payment.Decide(r, testSet(t))
	require.NoError(t, err)
	checkLines(t, dcs)
	// 180 × 4 = 720 a month < 850: 850 − 720 = 130.
	assert.Equal(t, "720", dcs.Classification.Countable.String())
	assert.Equal(t, "130.00", dcs.Total.Display())

	big := append([]byte(`{"date": "2023-06-01", "pad": "`), make([]byte, payment.MaxRequestSize)...)
	for i := len(big) - payment.MaxRequestSize; i < len(big); i++ {
		big[i] = 'x'
	}
	big = append(big, `"}`...)
	pe := decodeErr(t, big)
	assert.Equal(t, []problem.Code{problem.TooLarge}, pe.Codes())
}

// fullRequest uses every block of a request.
func fullRequest() payment.Request {
	h := &income.Household{Region: region("230102"), Area: standards.AreaRural, Supporter: income.SupporterUnable,
		HasCaregiverFactor: true, CaregiverFactor: rate("0.5"),
		Members: []income.Member{
			{ID: "a", BirthDate: d("1950-03-04"), Relation: income.RelationApplicant, Labour: income.LabourNone,
				Dependency: income.DependencyFull, SeriousIllness: true,
				Incomes: []income.Income{
					{Kind: standards.IncomePension, Amount: amt("1200.5"), Period: income.Annual, Note: "养老金"},
					{Kind: standards.IncomeSupportReceived, Amount: amt("300"), Period: income.TotalOver(3), Basis: income.SupportByAgreement,
						Verification: income.Suspected}}},
			{ID: "b", BirthDate: d("1980-01-01"), Relation: income.RelationChild, Labour: income.LabourPartial,
				Disability: income.Disability{Category: standards.DisabilityIntellectual, Grade: 3}, CaresFor: []string{"a"},
				MartyrFamily: true, ReturnedVeteran: true, SpecialCare: true, ServiceDisabilityGrade: 5,
				Incomes: []income.Income{{Kind: standards.IncomeBusinessNet, Amount: amt("-50"), Period: income.Monthly}}},
		},
		Property:     []income.Property{{Kind: income.PropertyDeposit, Value: amt("1000.01"), Member: "a"}, {Kind: income.PropertyDwelling, Count: 2, Exempt: true}},
		Expenditures: []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: amt("600"), Member: "a"}},
	}
	prevCountable, _ := amt("2500").QuoInt(3)
	return payment.Request{
		Request: eligibility.Request{Household: h, Date: d("2023-07-01"),
			Current:  eligibility.Current{Status: eligibility.GradualExit, Since: d("2023-06-15"), MonthlyAmount: amt("1234.5"), GradualExitEnd: d("2024-06-30")},
			Previous: &eligibility.Previous{Date: d("2022-07-01"), Countable: prevCountable, SeriouslyIll: []string{"a"}, SeverelyDisabled: []string{"b"}},
			Options:  income.Options{KnownOn: d("2023-12-01")}},
		Method:    standards.MethodTiered,
		Prices:    &payment.Prices{Month: d("2023-07-01"), CPI: rate("0.036"), HasCPI: true},
		Equalised: []string{"a"},
		Temporary: &payment.Temporary{Hardship: "illness", Place: region("230123"), Area: standards.AreaUrban,
			Requested: amt("5000"), HasRequested: true, Instalments: 3, PaidFirst: true},
	}
}

func TestEncodeRequestRoundTrip(t *testing.T) {
	want := fullRequest()
	b, err := payment.EncodeRequest(&want)
	require.NoError(t, err)
	require.True(t, json.Valid(b), "%s", b)
	got, err := payment.DecodeRequest(b)
	require.NoError(t, err, "%s", b)
	assert.Equal(t, want, got)
	// And again: the same bytes.
	b2, err := payment.EncodeRequest(&got)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))

	// The smallest request.
	small := req(family("1000"), "2023-06-01")
	b, err = payment.EncodeRequest(&small)
	require.NoError(t, err)
	got, err = payment.DecodeRequest(b)
	require.NoError(t, err)
	assert.Equal(t, small, got)
}

// "explain" is a field of the request DecodeRequest reads; EncodeRequest
// writes it, so a request asking for the explanation still asks after the
// round trip.
func TestEncodeRequestKeepsExplain(t *testing.T) {
	want := req(family("1000"), "2023-06-01")
	want.Options.Explain = true
	b, err := payment.EncodeRequest(&want)
	require.NoError(t, err)
	got, err := payment.DecodeRequest(b)
	require.NoError(t, err)
	assert.True(t, got.Options.Explain, "%s", b)
}

// known_on: standards as known on a date. The 2023 standard (850) was
// published on 2023-11-03; known on 2023-06-01, 2022's 835 applied:
// 835 × 3 − 2000 = 505; known on 2023-12-01, 850: 550.
func TestKnownOn(t *testing.T) {
	set := testSet(t)
	for _, tc := range []struct{ knownOn, standard, total string }{
		{"2023-06-01", "835", "505.00"},
		{"2023-12-01", "850", "550.00"},
	} {
		data := requestJSON("2023-06-01", "1970-01-01", "2000", `, "known_on": "`+tc.knownOn+`"`)
		dcs, err := payment.DecideJSON(data, set)
		require.NoError(t, err)
		checkLines(t, dcs)
		assert.Equal(t, tc.standard, dcs.Classification.Standard.V.String(), tc.knownOn)
		assert.Equal(t, tc.total, dcs.Total.Display(), tc.knownOn)
	}
}

func TestDecideJSON(t *testing.T) {
	set := testSet(t)
	dcs, err := payment.DecideJSON(requestJSON("2023-06-01", "1970-01-01", "2549.99", ""), set)
	require.NoError(t, err)
	checkLines(t, dcs)
	assert.Equal(t, map[string]string{"gap": "0.01"}, lines(dcs)) // 2550 − 2549.99

	dcs, err = payment.DecideJSON(requestJSON("2023-06-01", "1970-01-01", "2549.99", `, "explain": true`), set)
	require.NoError(t, err)
	assert.NotEmpty(t, dcs.Steps)
	assert.Equal(t, explain.StepPaymentTotal, dcs.Steps[len(dcs.Steps)-1].Code)

	_, err = payment.DecideJSON([]byte(`not json`), set)
	pe, ok := problem.As(err)
	require.True(t, ok)
	assert.Equal(t, []problem.Code{problem.Syntax}, pe.Codes())

	// A request the standards cannot decide: a region without a standard.
	data := []byte(strings.Replace(string(requestJSON("2023-06-01", "1970-01-01", "1000", "")), "230102", "230202", 1))
	_, err = payment.DecideJSON(data, set)
	requireProblem(t, err, problem.ErrNotCovered, "household.region", problem.NotCovered)
}

// From Go values too, every problem at once: a missing date does not hide
// the household's problems, and a missing Set is a problem, not a panic.
func TestDecideReportsEverythingAtOnce(t *testing.T) {
	h := family("1000")
	h.Members[0].Incomes[0].Period = income.Period{}
	h.Members[1].Relation = income.RelationUnset
	_, err := payment.Decide(payment.Request{Request: eligibility.Request{Household: h}}, nil)
	pe := requireProblem(t, err, problem.ErrInvalid, "date", problem.Required)
	assert.True(t, pe.Has("standards", problem.Required), "%v", err)
	assert.True(t, pe.Has("household.members[0].incomes[0].period", problem.Required), "%v", err)
	assert.True(t, pe.Has("household.members[1].relation", problem.Required), "%v", err)
	assert.NotPanics(t, func() { _, _ = payment.Decide(req(family("1000"), "2023-06-01"), nil) })
	_, err = eligibility.Classify(eligibility.Request{Household: family("1000")}, nil)
	requireProblem(t, err, problem.ErrInvalid, "standards", problem.Required)
	_, err = income.Assess(family("1000"), nil, d("2023-06-01"), income.Options{})
	requireProblem(t, err, problem.ErrInvalid, "standards", problem.Required)
}

// A date past income.LastDecisionDate (2190-12-31) is the request's
// problem at date — in decoding, in deciding, once — not the household's
// (household.date is no field of the request). A day earlier is decided
// far past the data, with warnings.
func TestRequestDatePastTheLast(t *testing.T) {
	set := base(t)
	for _, tc := range []struct {
		date string
		ok   bool
	}{{"2190-12-31", true}, {"2191-01-01", false}, {"2195-06-01", false}} {
		data := requestJSON(tc.date, "1960-01-01", "300", "")
		_, derr := payment.DecodeRequest(data)
		req := payment.Request{Request: eligibility.Request{Date: standards.MustParseDate(tc.date), Household: &income.Household{
			Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Members: []income.Member{
				{ID: "a", BirthDate: standards.MustParseDate("1960-01-01"), Relation: income.RelationApplicant, Labour: income.LabourNone}}}}}
		_, err := payment.Decide(req, set)
		if tc.ok {
			require.NoError(t, derr, tc.date)
			require.NoError(t, err, tc.date)
			continue
		}
		for _, e := range []error{derr, err} {
			pe, ok := problem.As(e)
			require.True(t, ok, "%s: %v", tc.date, e)
			var paths []string
			for _, q := range pe.Problems {
				paths = append(paths, q.Path)
			}
			assert.Equal(t, []string{"date"}, paths, tc.date)
			assert.Equal(t, problem.OutOfRange, pe.Problems[0].Code)
		}
	}
}

// The English explanation of the Harbin household cites every document by
// its English short name: no source or citation left in Chinese (region and
// edge-band names aside, which are names).
func TestExplanationCitesInEnglish(t *testing.T) {
	data, err := os.ReadFile("testdata/harbin-household.json")
	require.NoError(t, err)
	data = []byte(strings.Replace(string(data), `"date"`, `"explain": true, "date"`, 1))
	d, err := payment.DecideJSON(data, base(t))
	require.NoError(t, err)
	en := d.Explain(language.English)
	require.NotEmpty(t, en)
	assert.Contains(t, en, "MCA-2021-57")
	for _, zh := range []string{"民发〔2021〕57号", "哈民政规〔2023〕6号", "发改价格〔2021〕1553号", "黑龙江省2017年最低工资标准", "黑民规〔2021〕11号"} {
		assert.NotContains(t, en, zh)
	}
	assert.Contains(t, d.Explain(language.Chinese), "民发〔2021〕57号")
}

// A stored record whose figures contradict each other is refused: a total
// that is not the sum of the lines (2245.83 + 127.50 + 127.50 = 2500.83),
// a line's amount that is not its exact figure rounded by its rule
// (13475/6 = 2245.8333… → 2245.83 to the fen, half up), an amount paid
// without a rule that is not its exact figure (127.5). The record as made
// reads back.
func TestDecodeDecisionRefusesContradictions(t *testing.T) {
	data, err := os.ReadFile("testdata/harbin-household.json")
	require.NoError(t, err)
	d, err := payment.DecideJSON(data, base(t))
	require.NoError(t, err)
	rec, err := d.MarshalJSON()
	require.NoError(t, err)
	_, err = payment.DecodeDecision(rec)
	require.NoError(t, err, "the record as made")
	for _, tc := range []struct {
		name, from, to, path string
	}{
		{"a total not the sum", `"total":"2500.83"`, `"total":"9999.00"`, "total"},
		{"a gap not its exact figure rounded", `"exact":"13475/6","amount":"2245.83"`, `"exact":"13475/6","amount":"1.00"`, "lines[0].amount"},
		{"a supplement not its exact figure", `"exact":"127.5","amount":"127.50"`, `"exact":"127.5","amount":"127.51"`, "lines[1].amount"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(rec), tc.from, tc.to, 1)
			require.NotEqual(t, string(rec), bad, "the edit applies")
			_, err := payment.DecodeDecision([]byte(bad))
			pe, ok := problem.As(err)
			require.True(t, ok, "%v", err)
			assert.True(t, pe.Has(tc.path, problem.Inconsistent), "%v", pe)
		})
	}
}

// Without the whole explanation (explain not asked for), Explain still
// says why and how much: the reasons and flags every decision keeps and
// the monthly total (2245.83 + 2 × 127.50 = 2500.83), in both languages;
// with it, the whole explanation says the same and more.
func TestExplainWithoutTheWholeExplanation(t *testing.T) {
	data, err := os.ReadFile("testdata/harbin-household.json")
	require.NoError(t, err)
	d, err := payment.DecideJSON(data, base(t))
	require.NoError(t, err)
	require.Nil(t, d.Steps)
	en, zh := d.Explain(language.English), d.Explain(language.Chinese)
	assert.Contains(t, en, "Monthly total paid: 2500.83 yuan")
	assert.Contains(t, zh, "每月合计发放 2500.83 元")
	assert.Contains(t, en, "is below the standard 850.00 × 3 members = 2550.00 yuan")
	assert.Contains(t, en, "Referral", "the flags")
	full, err := payment.DecideJSON([]byte(strings.Replace(string(data), `"date"`, `"explain": true, "date"`, 1)), base(t))
	require.NoError(t, err)
	whole := full.Explain(language.English)
	assert.Greater(t, len(whole), len(en))
	for _, line := range strings.Split(en, "\n") {
		assert.Contains(t, whole, line, "each sentence of the short form is in the whole one")
	}
}

// A CPI written as a percentage (3.6 for 3.6 %) is out of range, and the
// problem's hint says how a rise is written.
func TestCPIHint(t *testing.T) {
	pe := decodeErr(t, requestJSON("2023-06-01", "1980-01-01", "300", `, "prices": {"month": "2023-06-01", "cpi": "3.6"}`))
	require.True(t, pe.Has("prices.cpi", problem.OutOfRange), "%v", pe)
	for _, q := range pe.Problems {
		if q.Path == "prices.cpi" {
			assert.Contains(t, q.Hint, "0.036")
		}
	}
}

// Prices given that reach no trigger pay nothing, and the explanation says
// so for each index given: the Harbin household's CPI rose 1 % (trigger
// 3.5 %) and its food CPI 2 % (trigger 6 %). The record reads back with
// those steps.
func TestPriceNotTriggeredIsExplained(t *testing.T) {
	data, err := os.ReadFile("testdata/harbin-household.json")
	require.NoError(t, err)
	d, err := payment.DecideJSON([]byte(strings.Replace(string(data), `"date"`, `"explain": true, "date"`, 1)), base(t))
	require.NoError(t, err)
	for _, l := range d.Lines {
		require.NotEqual(t, explain.LinePriceSubsidy, l.Code)
	}
	en, zh := d.Explain(language.English), d.Explain(language.Chinese)
	assert.Contains(t, en, "No price subsidy: the CPI rose 1% year on year, below the trigger of 3.5%")
	assert.Contains(t, en, "No price subsidy: the food CPI rose 2% year on year, below the trigger of 6%")
	assert.Contains(t, zh, "价格临时补贴未启动")
	rec, err := d.MarshalJSON()
	require.NoError(t, err)
	back, err := payment.DecodeDecision(rec)
	require.NoError(t, err)
	assert.Equal(t, en, back.Explain(language.English))

	// A CPI that reaches its trigger (3.6 % ≥ 3.5 %) pays (850 × 3.6 % =
	// 30.60 → 31 each), and no step says there is no subsidy — not even for
	// the food CPI below its own trigger.
	triggered := strings.Replace(string(data), `"date"`, `"explain": true, "date"`, 1)
	triggered = strings.Replace(triggered, `"cpi": "0.01"`, `"cpi": "0.036"`, 1)
	require.Contains(t, triggered, `"cpi": "0.036"`)
	d, err = payment.DecideJSON([]byte(triggered), base(t))
	require.NoError(t, err)
	paid := false
	for _, l := range d.Lines {
		paid = paid || l.Code == explain.LinePriceSubsidy
	}
	assert.True(t, paid, "a price subsidy line")
	en = d.Explain(language.English)
	assert.Contains(t, en, "standard 850.00 × the rise = 30.60 yuan; paid 31.00 yuan")
	assert.NotContains(t, en, "No price subsidy")
}

// When the countable-income sentence's figures, each shown to the fen, do
// not add up to the total shown, it says the total is computed exactly:
// Harbin's 900.00 − 0.00 − 291.67 − 304.17 = 304.16 as shown, 304.17 exactly
// (900 − 875/3 − 1825/6 = 1825/6). A sentence that adds up (the README's
// household: 1200.00 − 0.00 − 280.00 − 0.00 = 920.00) says nothing more.
func TestCountableSentenceShownToTheFen(t *testing.T) {
	data, err := os.ReadFile("testdata/harbin-household.json")
	require.NoError(t, err)
	d, err := payment.DecideJSON([]byte(strings.Replace(string(data), `"date"`, `"explain": true, "date"`, 1)), base(t))
	require.NoError(t, err)
	en := d.Explain(language.English)
	assert.Contains(t, en, "caregiver reductions 304.17 = 304.17 yuan (each figure shown to the fen; the total is computed from the exact figures)")
	assert.Contains(t, d.Explain(language.Chinese), "（各项按分显示，合计按精确数额计算）")

	readme := []byte(`{"date": "2023-06-01", "explain": true, "household": {"region": "230102", "area": "urban", "members": [
	  {"id": "a", "birth_date": "1985-03-01", "relation": "applicant", "labour": "full", "workplace": "230102",
	   "incomes": [{"kind": "wage", "amount": "1200", "period": "monthly"}]},
	  {"id": "b", "birth_date": "2015-09-01", "relation": "child", "labour": "none"}]}}`)
	d, err = payment.DecideJSON(readme, base(t))
	require.NoError(t, err)
	en = d.Explain(language.English)
	assert.Contains(t, en, "employment-cost deductions 280.00 − caregiver reductions 0.00 = 920.00 yuan (per")
	assert.NotContains(t, en, "each figure shown to the fen")
}
