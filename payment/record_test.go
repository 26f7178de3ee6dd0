package payment_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// The decision record: 2550 − 1000 = 1550 for the 道里区 family of three.
func TestDecisionRecord(t *testing.T) {
	set := testSet(t)
	r := req(family("1000"), "2023-06-01")
	dcs := decide(t, set, r)
	b, err := dcs.MarshalJSON()
	require.NoError(t, err)
	require.True(t, json.Valid(b), "%s", b)
	assert.True(t, bytes.Contains(b, []byte(`"format":"dibao-decision/1"`)), "%s", b)
	viaJSON, err := json.Marshal(dcs)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(viaJSON))

	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, payment.RecordFormat, m["format"])
	assert.Equal(t, "dibao "+payment.Version, m["library"])
	std := m["standards"].(map[string]any)
	assert.Equal(t, set.Identity(), std["identity"])
	assert.NotEmpty(t, std["identity"])
	assert.Equal(t, set.Name(), std["name"])
	assert.Equal(t, set.CompleteThrough().String(), std["complete_through"])
	assert.Equal(t, dcs.Standards.Identity, set.Identity())

	rq := m["request"].(map[string]any)
	assert.Equal(t, "2023-06-01", rq["date"])
	assert.Equal(t, "230102", rq["household"].(map[string]any)["region"])

	assert.Equal(t, "dibao", m["status"])
	assert.Equal(t, "dibao", m["classification"].(map[string]any)["status"])
	assert.Equal(t, "1000", m["classification"].(map[string]any)["countable"])
	assert.Equal(t, "gap", m["method"])
	assert.Equal(t, "1550.00", m["total"])

	ls := m["lines"].([]any)
	require.Len(t, ls, 1)
	l := ls[0].(map[string]any)
	assert.Equal(t, "gap", l["code"])
	assert.NotContains(t, l, "member")
	assert.Equal(t, "1550", l["exact"])
	assert.Equal(t, "1550.00", l["amount"])
	assert.Equal(t, "社会救助暂行办法 第十二条", l["cite"])
	assert.Equal(t, "Interim Measures on Social Assistance Art. 12", l["cite_en"])
	assert.Nil(t, l["rounding"], "1550 exactly: nothing rounded")

	values := m["values"].([]any)
	require.NotEmpty(t, values)

	// A gap that needs rounding names its rule, and the rule is in the
	// table of values: 2550 − 10000 ÷ 12 = 5150/3 → 1716.67.
	h := family("0")
	h.Members[0].Incomes = []income.Income{annual("10000")}
	fb, err := json.Marshal(decide(t, testSet(t), req(h, "2023-06-01")))
	require.NoError(t, err)
	var fm map[string]any
	require.NoError(t, json.Unmarshal(fb, &fm))
	fl := fm["lines"].([]any)[0].(map[string]any)
	assert.Equal(t, "5150/3", fl["exact"])
	assert.Equal(t, "1716.67", fl["amount"])
	rounding := fl["rounding"].(map[string]any)
	assert.Equal(t, "fen", rounding["unit"])
	assert.Equal(t, "half_up", rounding["mode"])
	rv := fm["values"].([]any)[int(rounding["value"].(float64))].(map[string]any)
	assert.Equal(t, "rounding.payment_total", rv["param"])

	steps := m["steps"].([]any)
	require.Len(t, steps, len(dcs.Steps))
	var codes []string
	cited := map[string]bool{}
	for i, s := range steps {
		sm := s.(map[string]any)
		codes = append(codes, sm["code"].(string))
		// Each step's own clause, in each language (not a neighbour's).
		c := dcs.Steps[i].Citation()
		assert.Equal(t, string(c.AppendTo(nil)), sm["cite"], "step %d", i)
		assert.Equal(t, string(c.AppendEnglish(nil)), sm["cite_en"], "step %d", i)
		cited[sm["cite_en"].(string)] = true
		for _, p := range asList(sm["params"]) {
			i := int(p.(float64))
			require.Less(t, i, len(values), "a step refers to a value in the table")
		}
	}
	assert.Greater(t, len(cited), 2, "the steps cite different clauses")
	assert.Contains(t, codes, "dibao.below_line")
	assert.Contains(t, codes, "decision.dibao")
	assert.Contains(t, codes, "gap")
	assert.Equal(t, "payment.total", codes[len(codes)-1])
	assert.NotNil(t, m["warnings"])

	// The request in the record reads back as the request decided.
	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(b, &raw))
	back, err := payment.DecodeRequest(raw["request"])
	require.NoError(t, err)
	want := r
	want.Options.Explain = false
	back.Options.Explain = false
	assert.Equal(t, want, back)
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

// A record with every part: temporary assistance, the price subsidy, members.
func TestDecisionRecordTemporary(t *testing.T) {
	r := req(family("2900"), "2023-06-01")
	r.Household.Members[2].SeriousIllness = true
	r.Household.Members[2].Incomes = nil
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	r.Temporary = &payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102"), Instalments: 3, PaidFirst: true}
	dcs := decide(t, capsSet(t), r)
	// 2900 for 3: edge; c alone: 850 + 127.5; the subsidy for c alone: 31.
	assert.Equal(t, map[string]string{"single_person@c": "850.00", "supplement@c": "127.50", "price_subsidy@c": "31.00"}, lines(dcs))
	b, err := json.Marshal(dcs)
	require.NoError(t, err)
	require.True(t, json.Valid(b))
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "1008.50", m["total"])
	tm := m["temporary"].(map[string]any)
	assert.Equal(t, "8500", tm["cap"])
	assert.Equal(t, "8500.00", tm["approved"])
	assert.Equal(t, true, tm["paid_first"])
	assert.Equal(t, []any{"2833.33", "2833.33", "2833.34"}, tm["instalments"])
	members := map[string]bool{}
	for _, x := range m["lines"].([]any) {
		lm := x.(map[string]any)
		if mem, ok := lm["member"].(string); ok {
			members[mem] = true
		}
		if lm["code"] == "price_subsidy" {
			assert.Equal(t, "yuan", lm["rounding"].(map[string]any)["unit"])
		}
	}
	assert.Equal(t, map[string]bool{"c": true}, members)
}

// Enum String never panics; a decision holding values beyond the tables
// still marshals to valid JSON.
func TestEnumsOutOfRange(t *testing.T) {
	assert.NotPanics(t, func() {
		for i := 0; i < 256; i++ {
			_ = standards.Method(i).String()
			_ = eligibility.Status(i).String()
			_ = standards.Stacking(i).String()
			_ = standards.CareLevel(i).String()
			_ = money.Unit(i).String()
			_ = money.Mode(i).String()
		}
	})
	assert.NotEmpty(t, standards.Method(7).String())
	assert.NotEmpty(t, eligibility.Status(9).String())
	assert.False(t, standards.Method(7).Valid())
	assert.Equal(t, "gap", standards.MethodGap.String())
	assert.Equal(t, "tiered", standards.MethodTiered.String())

	dcs := decide(t, capsSet(t), func() payment.Request {
		r := req(family("1000"), "2023-06-01")
		r.Temporary = &payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102"), Instalments: 1}
		return r
	}())
	dcs.Method = standards.Method(7)
	dcs.Classification.Status = eligibility.Status(9)
	dcs.Classification.Members[0].Status = eligibility.MemberStatus(9)
	dcs.Classification.Members[0].Care = standards.CareLevel(9)
	dcs.Lines[0].Rounding = &standards.Value[money.Rule]{V: money.Rule{Unit: money.Unit(9), Mode: money.Mode(9)}}
	dcs.Request.Method = standards.Method(7)
	dcs.Request.Current.Status = eligibility.Status(9)
	assert.NotPanics(t, func() {
		b, err := json.Marshal(dcs)
		require.NoError(t, err)
		assert.True(t, json.Valid(b))
		_ = dcs.Explain(en)
	})
	for _, x := range []*payment.Decision{{}, {Classification: &eligibility.Result{}}, {Lines: []payment.Line{{Code: "unknown"}}},
		{Temporary: &payment.Schedule{}}, {Request: &payment.Request{}}} {
		assert.NotPanics(t, func() {
			b, err := json.Marshal(x)
			require.NoError(t, err)
			assert.True(t, json.Valid(b), "%s", b)
			_ = x.Explain(zh)
		}, "%+v", x)
	}
}

// The steps of a decision: every code is in the table, every placeholder has
// its argument, every line has its step.
func TestDecisionSteps(t *testing.T) {
	set := capsSet(t, standards.ChangeTo(standards.RoundTekunBasic, rule(money.UnitYuan, money.ModeUp)))
	for _, r := range []payment.Request{
		func() payment.Request {
			h := family("1000")
			h.Members[1].BirthDate = d("1950-01-01")
			h.Members[2].SeriousIllness = true
			r := req(h, "2023-06-01")
			r.Prices = &payment.Prices{Month: d("2023-06-01"), FoodCPI: rate("0.07"), HasFoodCPI: true}
			r.Temporary = &payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "disaster", Place: region("230102"), Instalments: 2}
			return r
		}(),
		req(tekunHousehold(), "2023-06-01"),
		func() payment.Request {
			r := req(family("3000"), "2023-06-15")
			r.Current = eligibility.Current{Status: eligibility.Dibao, MonthlyAmount: amt("99.99")}
			return r
		}(),
	} {
		dcs := decide(t, set, r)
		for _, s := range dcs.Steps {
			assert.True(t, explain.Known(s.Code), s.Code)
			for _, text := range []string{explain.Sentence(s, zh), explain.Sentence(s, en)} {
				assert.NotContains(t, text, "?", "%s: a placeholder without an argument: %s", s.Code, text)
			}
		}
		for _, l := range dcs.Lines {
			code := l.Code
			if l.Step != "" {
				code = l.Step
			}
			step(t, dcs.Steps, code, l.Member)
		}
		total := step(t, dcs.Steps, explain.StepPaymentTotal, "")
		assert.Equal(t, dcs.Total.String(), arg(t, total, "total"))
	}
}

// A stored record reads back: the same figures, lines, classification and
// request, and the explanation renders as when the decision was made.
func TestDecisionRecordReadsBack(t *testing.T) {
	set := capsSet(t, standards.ChangeTo(standards.RoundTekunBasic, rule(money.UnitYuan, money.ModeUp)))
	h := family("1000")
	h.Members[1].BirthDate = d("1950-01-01")
	h.Members[2].Incomes = []income.Income{annual("1000.01")}
	withAll := req(h, "2023-06-01")
	withAll.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	withAll.Temporary = &payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102"), Instalments: 3, PaidFirst: true}
	// 3000 for 3 against 850 × 3 = 2550: an edge household (below 1.2 ×
	// 2550 = 3060), its band named in both languages.
	edge := req(family("3000"), "2023-06-01")
	for _, r := range []payment.Request{withAll, req(tekunHousehold(), "2023-06-01"), edge} {
		want := decide(t, set, r)
		b, err := json.Marshal(want)
		require.NoError(t, err)
		got, err := payment.DecodeDecision(b)
		require.NoError(t, err, "%s", b)
		assert.Equal(t, want.Total, got.Total)
		assert.Equal(t, want.Method, got.Method)
		require.Len(t, got.Lines, len(want.Lines))
		for i := range want.Lines {
			assert.Equal(t, want.Lines[i].Code, got.Lines[i].Code)
			assert.Equal(t, want.Lines[i].Member, got.Lines[i].Member)
			assert.Equal(t, want.Lines[i].Exact.String(), got.Lines[i].Exact.String())
			assert.Equal(t, want.Lines[i].Amount.String(), got.Lines[i].Amount.String())
			if want.Lines[i].Rounding != nil {
				require.NotNil(t, got.Lines[i].Rounding)
				assert.Equal(t, want.Lines[i].Rounding.V, got.Lines[i].Rounding.V)
			}
		}
		require.NotNil(t, got.Classification)
		assert.Equal(t, want.Classification.Status, got.Classification.Status)
		assert.Equal(t, want.Classification.Countable.String(), got.Classification.Countable.String())
		assert.Equal(t, want.Standards, got.Standards)
		assert.Equal(t, want.Warnings, got.Warnings)
		require.NotNil(t, got.Request)
		wantReq := *want.Request
		wantReq.Options.Explain = false
		gotReq := *got.Request
		gotReq.Options.Explain = false
		assert.Equal(t, wantReq, gotReq)
		if want.Temporary != nil {
			require.NotNil(t, got.Temporary)
			assert.Equal(t, instalments(want.Temporary), instalments(got.Temporary))
		}
		sameLines(t, want.Explain(en), got.Explain(en))
		sameLines(t, want.Explain(zh), got.Explain(zh))
		if r.Household == edge.Household {
			assert.Equal(t, eligibility.Edge, got.Classification.Status)
			assert.Contains(t, got.Explain(en), "Decision: edge household (urban dibao-edge household in hardship)")
			assert.Contains(t, got.Explain(zh), "结论：低保边缘家庭（城市低保边缘困难家庭）")
		}
		// Written again, the same record.
		b2, err := json.Marshal(got)
		require.NoError(t, err)
		var x, y any
		require.NoError(t, json.Unmarshal(b, &x))
		require.NoError(t, json.Unmarshal(b2, &y))
		for _, diff := range jsonDiff("", x, y) {
			t.Errorf("record written again: %s", diff)
		}
	}
	// Not a record.
	_, err := payment.DecodeDecision([]byte(`{"format": "something/9"}`))
	require.Error(t, err)
}

// sameLines reports the lines of two texts that differ.
func sameLines(t testing.TB, want, got string) {
	t.Helper()
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			t.Errorf("line %d:\nwant %s\ngot  %s", i+1, a, b)
		}
	}
}

// jsonDiff lists the paths where two decoded JSON values differ.
func jsonDiff(path string, a, b any) []string {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			return []string{fmt.Sprintf("%s: %v ≠ %v", path, a, b)}
		}
		var out []string
		for k := range x {
			out = append(out, jsonDiff(path+"."+k, x[k], y[k])...)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				out = append(out, fmt.Sprintf("%s.%s: absent ≠ %v", path, k, y[k]))
			}
		}
		return out
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return []string{fmt.Sprintf("%s: %v ≠ %v", path, a, b)}
		}
		var out []string
		for i := range x {
			out = append(out, jsonDiff(fmt.Sprintf("%s[%d]", path, i), x[i], y[i])...)
		}
		return out
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		return []string{fmt.Sprintf("%s: %v ≠ %v", path, a, b)}
	}
	return nil
}

// A Decider's decision lives in its buffers (steps, their values, the
// lines' figures) and the next decision writes over it; Clone keeps one.
// The clone's record and explanation, taken after a different household
// is decided on the same Decider, are those of the decision as made; the
// decision itself is the new one's.
func TestDeciderCloneKeepsDecision(t *testing.T) {
	set := testSet(t)
	first, second := req(family("1000"), "2023-06-01"), req(family("300"), "2023-06-01")
	first.Options.Explain, second.Options.Explain = true, true
	first.Household.Members[1].SeriousIllness = true
	var dc payment.Decider
	d, err := dc.Decide(first, set)
	require.NoError(t, err)
	wantRecord, err := d.MarshalJSON()
	require.NoError(t, err)
	wantText := d.Explain(zh)
	kept := d.Clone()
	withParams := 0
	for i := range d.Steps {
		if len(d.Steps[i].Params) > 0 {
			require.NotSame(t, &d.Steps[i].Params[0], &kept.Steps[i].Params[0], "step %d's values are copied", i)
			withParams++
		}
	}
	require.NotZero(t, withParams)
	_, err = dc.Decide(second, set)
	require.NoError(t, err)
	gotRecord, err := kept.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, string(wantRecord), string(gotRecord))
	assert.Equal(t, wantText, kept.Explain(zh))
	again, err := d.MarshalJSON()
	require.NoError(t, err)
	assert.NotEqual(t, string(wantRecord), string(again), "the uncloned decision is the Decider's, now the second household's")
	// Each countable income is the pension of its household (1000, 300 a month).
	assert.Contains(t, string(gotRecord), `"countable":"1000"`)
	assert.Contains(t, string(again), `"countable":"300"`)
}

// The embedded data is known complete through 2023-12-31: a decision is
// more than a year past it from 2025-01-01 (31 December 2024 is a year
// on, not past it). One Decider decides the dates in an order that would
// show a warning list kept from the decision before.
func TestStaleOverAYearBoundary(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	require.Equal(t, "2023-12-31", set.CompleteThrough().String())
	var dc payment.Decider
	for _, tc := range []struct {
		date string
		over bool
	}{{"2025-01-01", true}, {"2024-12-31", false}, {"2024-12-30", false}, {"2025-01-01", true}, {"2023-06-01", false}} {
		d, err := dc.DecideJSON([]byte(`{"date":"`+tc.date+`","household":{"region":"230102","area":"urban",
		  "members":[{"id":"a","birth_date":"1970-01-01","relation":"applicant","labour":"none"}]}}`), set)
		require.NoError(t, err, tc.date)
		assert.Equal(t, tc.over, d.StaleOverAYear(), tc.date)
		stale := false
		for _, w := range d.Warnings {
			stale = stale || w.Code == payment.WarnStale
		}
		assert.Equal(t, tc.date != "2023-06-01", stale, "%s: a stale value is warned of past the data's end", tc.date)
	}
}
