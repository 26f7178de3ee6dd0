package eligibility_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// The explanation of an edge household, 3000 for 3 in 道里区 (2023):
// 3000 is not below 850 × 3 = 2550, but below 1.2 × 2550 = 3060.
func TestExplanation(t *testing.T) {
	r := classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	english := r.Explain(en)
	for _, want := range []string{
		"Countable income of 3000.00 yuan is not below the standard 850.00 × 3 members = 2550.00 yuan (per MCA-2021-57)",
		"Urban dibao-edge household in hardship: countable income of 3000.00 yuan is below 1.2× the line (3060.00 yuan)",
		"Urban or rural dibao-edge household: countable income of 3000.00 yuan is below 1.5× the line (3825.00 yuan)",
		"Decision: edge household (urban dibao-edge household in hardship)",
		"edge-household income multiples: urban dibao-edge household in hardship 1.2× (urban), urban or rural dibao-edge household 1.5×",
		"source: HRB-2023-6 (official)",
	} {
		assert.Contains(t, english, want)
	}
	chinese := r.Explain(zh)
	assert.Contains(t, chinese, "家庭月收入 3000.00 元不低于低保标准 850.00 元 × 3 人 = 2550.00 元")
	assert.Contains(t, chinese, "结论：低保边缘家庭（城市低保边缘困难家庭）")
	assert.NotContains(t, english, "低保边缘", "the bands' names are in English")
	require.Len(t, r.Bands, 2)
	assert.Equal(t, "城市低保边缘困难家庭", r.Bands[0].Name)
	assert.Equal(t, "urban dibao-edge household in hardship", r.Bands[0].NameEN)
	j, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(j), `"name":"城市低保边缘困难家庭","name_en":"urban dibao-edge household in hardship"`)

	// The explanation is in order: the income steps, the reasons, the decision, the flags.
	require.NotEmpty(t, r.Steps)
	assert.Equal(t, explain.StepWindow, r.Steps[0].Code)
	last := -1
	for i, s := range r.Steps {
		if s.Code == explain.DecisionEdge {
			last = i
		}
	}
	require.GreaterOrEqual(t, last, 0)
	assert.Equal(t, len(r.Steps)-len(r.Flags)-1, last, "the decision comes right before the flags")
	for _, s := range r.Reasons {
		assert.Equal(t, explain.KindReason, explain.Info(s.Code).Kind, s.Code)
	}
	for _, s := range r.Flags {
		assert.Equal(t, explain.KindFlag, explain.Info(s.Code).Kind, s.Code)
	}
}

// Every code a result records is in the explanation table, and every
// placeholder of its sentence has an argument.
func TestStepsAreComplete(t *testing.T) {
	h := family("3000")
	h.Members[1].SeriousIllness = true
	h.Members[2].Disability.Category, h.Members[2].Disability.Grade = standards.DisabilityPhysical, 1
	h.Expenditures = nil
	for _, set := range []*standards.Set{baseSet(t), monitoringSet(t), propertySet(t)} {
		r := classify(t, set, eligibility.Request{Household: h, Date: d("2023-06-01"),
			Previous: &eligibility.Previous{Countable: amt("9000")}})
		for _, s := range r.Steps {
			assert.True(t, explain.Known(s.Code), s.Code)
			for _, lang := range []string{explain.Sentence(s, zh), explain.Sentence(s, en)} {
				assert.NotContains(t, lang, "?", "%s: a placeholder without an argument", s.Code)
			}
		}
	}
}

// The JSON form of the same edge household: 3000 for 3 against the line
// 850 × 3 = 2550 and the bands 1.2 × 2550 = 3060, 1.5 × 2550 = 3825.
func TestResultJSON(t *testing.T) {
	r := classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	b, err := json.Marshal(r)
	require.NoError(t, err)
	require.True(t, json.Valid(b))
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "edge", m["status"])
	assert.Equal(t, "2023-06-01", m["date"])
	assert.Equal(t, float64(3), m["size"])
	assert.Equal(t, "850", m["standard"])
	assert.Equal(t, "2550", m["line"])
	assert.Equal(t, "3000", m["countable"])
	assert.Equal(t, "all_items", m["basis"])
	assert.Equal(t, "urban_edge_hardship", m["edge_band"])
	assert.Equal(t, false, m["verification_required"])

	// The standard used, with its provenance, in the values table.
	values := m["values"].([]any)
	std := values[int(m["standard_value"].(float64))].(map[string]any)
	assert.Equal(t, "dibao_standard", std["param"])
	assert.Equal(t, "850", std["value"])
	assert.Equal(t, "2023-01-01", std["from"])
	assert.Equal(t, "official", std["source"].(map[string]any)["reliability"])

	bands := m["bands"].([]any)
	require.Len(t, bands, 2)
	b0 := bands[0].(map[string]any)
	assert.Equal(t, "urban_edge_hardship", b0["code"])
	assert.Equal(t, "1.2", b0["multiple"])
	assert.Equal(t, "3060", b0["threshold"])
	assert.Equal(t, true, b0["below"])

	var found bool
	for _, x := range m["reasons"].([]any) {
		rs := x.(map[string]any)
		if rs["code"] != "dibao.not_below_line" {
			continue
		}
		found = true
		assert.Equal(t, "民发〔2021〕57号", rs["cite"])
		args := map[string]string{}
		for _, a := range rs["args"].([]any) {
			am := a.(map[string]any)
			args[am["name"].(string)] = am["value"].(string)
		}
		assert.Equal(t, map[string]string{"countable": "3000", "standard": "850", "members": "3", "line": "2550"}, args)
		require.NotEmpty(t, rs["params"])
		p := values[int(rs["params"].([]any)[0].(float64))].(map[string]any)
		assert.Equal(t, "dibao_standard", p["param"])
	}
	assert.True(t, found)

	// Exact figures stay exact: 10000 a year is 2500/3 a month.
	h := family("0")
	h.Members[0].Incomes = []income.Income{{Kind: standards.IncomePension, Amount: amt("10000"), Period: income.Annual}}
	r = classify(t, baseSet(t), eligibility.Request{Household: h, Date: d("2023-06-01")})
	b, err = json.Marshal(r)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &m))
	assert.Equal(t, "2500/3", m["countable"])
	assert.Equal(t, "dibao", m["status"])
}

// Enum String never panics, whatever the value; a result holding values
// beyond the tables still marshals.
func TestEnumsOutOfRange(t *testing.T) {
	assert.Equal(t, "dibao", eligibility.Dibao.String())
	assert.Equal(t, "tekun", eligibility.Tekun.String())
	assert.NotPanics(t, func() {
		for i := 0; i < 256; i++ {
			_ = eligibility.Status(i).String()
			_ = eligibility.Status(i).Label()
			_ = eligibility.Status(i).Valid()
			_ = eligibility.MemberStatus(i).String()
			_ = eligibility.IncomeBasis(i).String()
			_ = eligibility.Scheme(i).String()
		}
	})
	assert.NotEmpty(t, eligibility.Status(9).String())
	assert.False(t, eligibility.Status(9).Valid())
	assert.False(t, eligibility.Status(9).Recipient())
	_, err := eligibility.Status(9).MarshalText()
	assert.Error(t, err)
	var s eligibility.Status
	assert.Error(t, s.UnmarshalText([]byte("bogus")))
	require.NoError(t, s.UnmarshalText([]byte("gradual_exit")))
	assert.Equal(t, eligibility.GradualExit, s)

	r := classify(t, baseSet(t), eligibility.Request{Household: family("3000"), Date: d("2023-06-01")})
	r.Status = eligibility.Status(9)
	r.Basis = eligibility.IncomeBasis(7)
	r.Members[0].Status = eligibility.MemberStatus(200)
	r.Property[0].Scheme = eligibility.Scheme(5)
	assert.NotPanics(t, func() {
		b, err := json.Marshal(r)
		require.NoError(t, err)
		assert.True(t, json.Valid(b))
		_ = r.Explain(en)
	})
	assert.NotPanics(t, func() {
		b, err := json.Marshal(&eligibility.Result{})
		require.NoError(t, err)
		assert.True(t, json.Valid(b))
	})
}

// A result written by MarshalJSON reads back (UnmarshalJSON): the same
// figures, members, reasons and flags — with their values and provenance,
// so that they render as they did.
func TestResultJSONReadsBack(t *testing.T) {
	h := family("3000")
	h.Members[1].SeriousIllness = true
	h.Members[1].Incomes = []income.Income{{Kind: standards.IncomePension, Amount: amt("100"), Period: income.Monthly, Verification: income.Suspected}}
	h.Expenditures = []income.Expenditure{{Kind: income.ExpenditureMedical, Amount: amt("30000")}}
	want := classify(t, monitoringSet(t), eligibility.Request{Household: h, Date: d("2023-06-01"),
		Current: eligibility.Current{Status: eligibility.Dibao}, Previous: &eligibility.Previous{Countable: amt("5000")}})
	// 3100 with b's suspected 100, 3000 without: a gradual exit either way, on the verified 3000.
	require.Equal(t, eligibility.GradualExit, want.Status)
	b, err := json.Marshal(want)
	require.NoError(t, err)
	var got eligibility.Result
	require.NoError(t, json.Unmarshal(b, &got))
	assert.Equal(t, want.Status, got.Status)
	assert.Equal(t, want.Date, got.Date)
	assert.Equal(t, want.Size, got.Size)
	assert.Equal(t, want.Standard.V, got.Standard.V)
	assert.Equal(t, want.Standard.Provenance.Source.Document, got.Standard.Provenance.Source.Document)
	assert.Equal(t, want.Line, got.Line)
	assert.Equal(t, want.Basis, got.Basis)
	assert.Equal(t, want.Countable, got.Countable)
	assert.Equal(t, want.Bands, got.Bands)
	assert.Equal(t, want.EdgeBand, got.EdgeBand)
	assert.Equal(t, want.Property, got.Property)
	assert.Equal(t, want.Members, got.Members)
	assert.Equal(t, want.GradualExitEnd, got.GradualExitEnd)
	assert.Equal(t, want.VerificationRequired, got.VerificationRequired)
	assert.Equal(t, want.Pending, got.Pending)
	assert.Equal(t, want.Unevaluated, got.Unevaluated)
	assert.Equal(t, codes(want), codes(&got))
	assert.Equal(t, flags(want), flags(&got))
	for _, tag := range []language.Tag{zh, en} {
		w, g := strings.Split(explain.Render(want.Reasons, tag), "\n"), strings.Split(explain.Render(got.Reasons, tag), "\n")
		require.Len(t, g, len(w))
		for i := range w {
			assert.Equal(t, w[i], g[i], "reasons, line %d (%s)", i+1, tag)
		}
	}
	assert.Equal(t, explain.Render(want.Flags, en), explain.Render(got.Flags, en))
	again, err := json.Marshal(&got)
	require.NoError(t, err)
	assert.JSONEq(t, string(b), string(again))

	var bad eligibility.Result
	assert.Error(t, json.Unmarshal([]byte(`{"status": "rich"}`), &bad))
}
