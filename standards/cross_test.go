package standards_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// The checks across parameters, each at the boundary: one case that must
// load, one that must be refused, and the relaxation out-of-range values
// allow where the rule is the policy's (not the arithmetic's).
func TestCrossChecks(t *testing.T) {
	dibao := func(urban, rural string) string {
		s := `"dibao_standard": [` + series([]string{"230102"}, "urban", [2]string{"2023-01-01", `"` + urban + `"`})
		if rural != "" {
			s += `, ` + series([]string{"230102"}, "rural", [2]string{"2023-01-01", `"` + rural + `"`})
		}
		return s + `]`
	}
	bands := func(list string) string {
		return `"edge_bands": [` + series([]string{"230000"}, "", [2]string{"2021-01-01", list}) + `]`
	}
	okBands := bands(`[{"code": "edge", "multiple": "1.5"}]`)
	tiered := `"payment_method": [` + series([]string{"230000"}, "", [2]string{"2021-01-01", `"tiered"`}) + `]`
	tierTable := func(top string) string {
		return `"tier_table": [` + series([]string{"230000"}, "", [2]string{"2021-01-01", `{"tiers": [
			{"from": "0", "from_inclusive": true, "to": "100", "to_inclusive": true, "amount": "800"},
			{"from": "100", "to": "200", "to_inclusive": true, "amount": "600"},
			{"from": "200", "to": "300", "to_inclusive": true, "amount": "400"},
			{"from": "300", "to": "400", "to_inclusive": true, "amount": "200"},
			{"from": "400", "to": "` + top + `", "amount": "100"}]}`}) + `]`
	}
	wage := `"minimum_wage": [` + series([]string{"230000"}, "", [2]string{"2021-01-01", `{"tiers": [{"tier": 1, "monthly": "2080"}]}`}) + `],
		"minimum_wage_tier": [` + series([]string{"230000"}, "", [2]string{"2021-01-01", `1`}) + `]`
	tekun := func(basic, self string) string {
		return `"tekun_support": [` + series([]string{"230102"}, "urban", [2]string{"2023-01-01",
			`{"basic": "` + basic + `", "self_care": "` + self + `", "partial_care": "400", "full_care": "600"}`}) + `]`
	}
	guidance := `"tekun_guidance": [` + series([]string{"230000"}, "", [2]string{"2021-01-01",
		`{"basic_factor": "1.3", "self_care_divisor": 10, "partial_care_divisor": 6, "full_care_divisor": 4}`}) + `]`
	floor := func(v string) string {
		return `"dibao_guidance": [` + series([]string{"230000"}, "urban", [2]string{"2021-01-01", `"` + v + `"`}) + `]`
	}
	ages := func(from, under string) string {
		return `"no_labour_age_from": [` + series([]string{"230000"}, "", [2]string{"2021-01-01", from}) + `],
			"no_labour_age_under": [` + series([]string{"230000"}, "", [2]string{"2021-01-01", under}) + `]`
	}
	for _, tc := range []struct {
		name   string
		params string
		allow  bool
		path   string // "" loads
		code   problem.Code
	}{
		// 四（一）: a band of at least 1.5× for every area class with a standard.
		{"a 1.5× band", dibao("850", "640") + ", " + okBands, false, "", ""},
		{"only a 1.4999× band", dibao("850", "") + ", " + bands(`[{"code": "edge", "multiple": "1.4999"}]`), false,
			"parameters.edge_bands[0].values[0].value", problem.Inconsistent},
		{"only Harbin's 1.2× band", dibao("850", "") + ", " + bands(`[{"code": "urban_edge_hardship", "multiple": "1.2"}]`), false,
			"parameters.edge_bands[0].values[0].value", problem.Inconsistent},
		{"1.2× and 1.5× (Harbin)", dibao("850", "") + ", " + bands(`[{"code": "h", "multiple": "1.2", "area": "urban"}, {"code": "edge", "multiple": "1.5"}]`), false, "", ""},
		{"1.5× for urban only, with a rural standard", dibao("850", "640") + ", " + bands(`[{"code": "edge", "multiple": "1.5", "area": "urban"}]`), false,
			"parameters.edge_bands[0].values[0].value", problem.Inconsistent},
		{"2× (the relaxation)", dibao("850", "") + ", " + bands(`[{"code": "edge", "multiple": "2"}]`), false, "", ""},
		{"1.3× in a simulation", dibao("850", "") + ", " + bands(`[{"code": "edge", "multiple": "1.3"}]`), true, "", ""},

		// R6: a tier table in use reaches the standard.
		{"a table to 850 (exclusive), standard 850", dibao("850", "") + ", " + okBands + ", " + tiered + ", " + tierTable("850"), false, "", ""},
		{"a table to 849.99, standard 850", dibao("850", "") + ", " + okBands + ", " + tiered + ", " + tierTable("849.99"), false,
			"parameters.dibao_standard[0].values[0].value", problem.Uncovered},
		{"a table to 849.99 under the gap method", dibao("850", "") + ", " + okBands + ", " + tierTable("849.99"), false, "", ""},

		// An English name translates a name: not alone.
		{"a band with both names", dibao("850", "") + ", " + bands(`[{"code": "edge", "multiple": "1.5", "name": "低保边缘家庭", "name_en": "dibao-edge household"}]`), false, "", ""},
		{"a band with only an English name", dibao("850", "") + ", " + bands(`[{"code": "edge", "multiple": "1.5", "name_en": "dibao-edge household"}]`), false,
			"parameters.edge_bands[0].values[0].value[0].name", problem.Required},

		// The provincial guidance as a floor: 1 fen below, at.
		{"a standard at the floor", dibao("637", "") + ", " + okBands + ", " + floor("637"), false, "", ""},
		{"a standard 1 fen below the floor", dibao("636.99", "") + ", " + okBands + ", " + floor("637"), false,
			"parameters.dibao_standard[0].values[0].value", problem.BelowFloor},
		{"below the floor in a simulation", dibao("636.99", "") + ", " + okBands + ", " + floor("637"), true, "", ""},
		// 特困 basic ≥ 1.3 × 850 = 1105; self-care ≥ 2080 ÷ 10 = 208.
		{"tekun at the floors", dibao("850", "") + ", " + okBands + ", " + wage + ", " + guidance + ", " + tekun("1105", "208"), false, "", ""},
		{"tekun basic 1 fen below", dibao("850", "") + ", " + okBands + ", " + wage + ", " + guidance + ", " + tekun("1104.99", "208"), false,
			"parameters.tekun_support[0].values[0].value.basic", problem.BelowFloor},
		{"tekun self-care 1 fen below", dibao("850", "") + ", " + okBands + ", " + wage + ", " + guidance + ", " + tekun("1105", "207.99"), false,
			"parameters.tekun_support[0].values[0].value.self_care", problem.BelowFloor},

		// 特困 ages: under 16 and from 60; the lower must stay below the higher.
		{"ages 16 and 60", dibao("850", "") + ", " + okBands + ", " + ages("60", "16"), false, "", ""},
		{"ages 60 and 60", dibao("850", "") + ", " + okBands + ", " + ages("60", "60"), true,
			"parameters.no_labour_age_under[0].values[0].value", problem.Inconsistent},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.Load(small("2023-12-31", tc.params), standards.LoadOptions{AllowOutOfRange: tc.allow})
			if tc.path == "" {
				require.NoError(t, err)
				return
			}
			assertProblem(t, err, tc.path, tc.code)
		})
	}

	// The messages name the region and its area class as the not-covered
	// messages do: "道里区 (230102) 城市", "道里区 (230102) urban".
	_, err := standards.Load(small("2023-12-31", dibao("850", "")+", "+okBands+", "+tiered+", "+tierTable("849.99")), standards.LoadOptions{})
	q := problemsOf(t, err).Problems[0]
	assert.Contains(t, q.Message.ZH, "2023年1月1日 起 道里区 (230102) 城市 的低保标准为 850.00 元")
	assert.Contains(t, q.Message.EN, "the dibao standard of 道里区 (230102) urban from 1 January 2023 is 850.00 yuan")
	_, err = standards.Load(small("2023-12-31", dibao("850", "")+", "+bands(`[{"code": "edge", "multiple": "1.4999"}]`)), standards.LoadOptions{})
	q = problemsOf(t, err).Problems[0]
	assert.Contains(t, q.Message.ZH, "黑龙江省 (230000) 城市 有低保标准")
	assert.Contains(t, q.Message.EN, "黑龙江省 (230000) urban has a dibao standard")
}

// The guidance comparisons decisions use, at the bounds: 1 fen below, at.
func TestBelowGuidance(t *testing.T) {
	s, err := standards.Load(small("2023-12-31", `"dibao_standard": [`+series([]string{"230102"}, "urban", [2]string{"2021-01-01", `"850"`})+`],
		"edge_bands": [`+series([]string{"230000"}, "", [2]string{"2021-01-01", `[{"code": "edge", "multiple": "1.5"}]`})+`],
		"dibao_guidance": [`+series([]string{"230000"}, "urban", [2]string{"2024-07-01", `"710"`})+`],
		"minimum_wage": [`+series([]string{"230000"}, "", [2]string{"2021-01-01", `{"tiers": [{"tier": 1, "monthly": "2080"}]}`})+`],
		"minimum_wage_tier": [`+series([]string{"230000"}, "", [2]string{"2021-01-01", `1`})+`],
		"tekun_guidance": [`+series([]string{"230000"}, "", [2]string{"2024-07-01", `{"basic_factor": "1.3", "self_care_divisor": 10, "partial_care_divisor": 6, "full_care_divisor": 4}`})+`]`),
		standards.LoadOptions{})
	require.NoError(t, err)
	day := d("2024-07-01")
	_, below := standards.DibaoBelowGuidance(s, r("230102"), standards.AreaUrban, day, yuan("710"))
	assert.False(t, below)
	sf, below := standards.DibaoBelowGuidance(s, r("230102"), standards.AreaUrban, day, yuan("709.99"))
	assert.True(t, below)
	assert.Equal(t, "710", sf.Floor.String())
	_, below = standards.DibaoBelowGuidance(s, r("230102"), standards.AreaUrban, d("2024-06-30"), yuan("1"))
	assert.False(t, below, "no guidance the day before it applies")

	// Partial care ≥ 2080 ÷ 6 = 346.67 (1040/3): 346.66 is below, 346.67 is not.
	ts := standards.TekunSupport{Basic: yuan("1105"), SelfCare: yuan("208"), PartialCare: yuan("346.66"), FullCare: yuan("520")}
	sf, below = standards.TekunBelowGuidance(s, r("230102"), standards.AreaUrban, day, ts)
	assert.True(t, below)
	assert.Equal(t, "partial_care", sf.Field)
	assert.Equal(t, "1040/3", sf.Floor.String())
	ts.PartialCare = yuan("346.67")
	_, below = standards.TekunBelowGuidance(s, r("230102"), standards.AreaUrban, day, ts)
	assert.False(t, below)
	// Full care ≥ 2080 ÷ 4 = 520: 519.99 is below.
	ts.FullCare = yuan("519.99")
	sf, below = standards.TekunBelowGuidance(s, r("230102"), standards.AreaUrban, day, ts)
	assert.True(t, below)
	assert.Equal(t, "full_care", sf.Field)
}

func yuan(s string) money.Amount { return money.MustParse(s) }
