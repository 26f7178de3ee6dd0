package standards_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/standards"
)

func TestDocExampleLoads(t *testing.T) {
	s := loadExample(t)
	assert.Equal(t, "230000", s.Jurisdiction().String())
	assert.Equal(t, "2023-12-31", s.CompleteThrough().String())
	assert.Len(t, s.Params(), len(standards.AllParams())-7, "every parameter but seven rounding points is in the example")
}

// Each case breaks the documented example in one way and names the problem
// Load must report (path and code). One case per validation rule.
func TestLoadProblems(t *testing.T) {
	tiers := func(m map[string]any) []any {
		return at(m, "parameters", "tier_table", 0, "values", 0, "value", "tiers").([]any)
	}
	cases := []struct {
		name  string
		f     func(m map[string]any)
		path  string
		code  standards.ProblemCode
		allow bool // load with AllowOutOfRange
	}{
		{"unknown top-level field", func(m map[string]any) { m["colour"] = "red" }, "colour", standards.CodeUnknownField, false},
		{"unknown field in a value", func(m map[string]any) { firstValue(m, "dibao_standard")["colour"] = 1 },
			"parameters.dibao_standard[0].values[0].colour", standards.CodeUnknownField, false},
		{"unknown parameter", func(m map[string]any) { obj(m, "parameters")["dibao_standrad"] = []any{} },
			"parameters.dibao_standrad", standards.CodeUnknownField, false},
		{"wrong format", func(m map[string]any) { m["format"] = "dibao-standards/0" }, "format", standards.CodeBadCode, false},
		{"missing name", func(m map[string]any) { delete(m, "name") }, "name", standards.CodeRequired, false},
		{"impossible date", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0, "values", 1)["from"] = "2023-02-30" },
			"parameters.dibao_standard[0].values[1].from", standards.CodeBadDate, false},
		{"date in another form", func(m map[string]any) { firstValue(m, "dibao_standard")["from"] = "2022/01/01" },
			"parameters.dibao_standard[0].values[0].from", standards.CodeBadDate, false},
		{"unordered values", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0, "values", 1)["from"] = "2021-06-01" },
			"parameters.dibao_standard[0].values[1].from", standards.CodeUnordered, false},
		{"same from twice", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0, "values", 1)["from"] = "2022-01-01" },
			"parameters.dibao_standard[0].values[1].from", standards.CodeUnordered, false},
		{"until overlapping the next value", func(m map[string]any) { firstValue(m, "dibao_standard")["until"] = "2023-06-30" },
			"parameters.dibao_standard[0].values[0].until", standards.CodeOverlap, false},
		{"until leaving a gap", func(m map[string]any) { firstValue(m, "dibao_standard")["until"] = "2022-06-30" },
			"parameters.dibao_standard[0].values[0].until", standards.CodeGap, false},
		{"until before from", func(m map[string]any) {
			obj(m, "parameters", "dibao_standard", 0, "values", 1)["until"] = "2022-12-31"
		}, "parameters.dibao_standard[0].values[1].until", standards.CodeInconsistent, false},
		{"two series for one region", func(m map[string]any) {
			l := at(m, "parameters", "dibao_standard").([]any)
			obj(m, "parameters")["dibao_standard"] = append(l, l[0])
		}, "parameters.dibao_standard[1].regions[0]", standards.CodeOverlap, false},
		{"area missing on an area-split parameter", func(m map[string]any) { delete(obj(m, "parameters", "dibao_standard", 0), "area") },
			"parameters.dibao_standard[0].area", standards.CodeAreaRequired, false},
		{"unknown area", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0)["area"] = "suburban" },
			"parameters.dibao_standard[0].area", standards.CodeBadCode, false},
		{"four tiers", func(m map[string]any) {
			obj(m, "parameters", "tier_table", 0, "values", 0, "value")["tiers"] = tiers(m)[:4]
		}, "parameters.tier_table[0].values[0].value.tiers", standards.CodeTooFewTiers, false},
		{"gap between tiers", func(m map[string]any) { tiers(m)[1].(map[string]any)["from"] = "78" },
			"parameters.tier_table[0].values[0].value.tiers[1]", standards.CodeGap, false},
		{"gap at an edge exclusive on both sides", func(m map[string]any) { tiers(m)[0].(map[string]any)["to_inclusive"] = false },
			"parameters.tier_table[0].values[0].value.tiers[1]", standards.CodeGap, false},
		{"overlap at an edge inclusive on both sides", func(m map[string]any) { tiers(m)[1].(map[string]any)["from_inclusive"] = true },
			"parameters.tier_table[0].values[0].value.tiers[1]", standards.CodeOverlap, false},
		{"overlapping tiers", func(m map[string]any) { tiers(m)[1].(map[string]any)["from"] = "70" },
			"parameters.tier_table[0].values[0].value.tiers[1]", standards.CodeOverlap, false},
		{"first tier not from 0", func(m map[string]any) { tiers(m)[0].(map[string]any)["from"] = "1" },
			"parameters.tier_table[0].values[0].value.tiers[0]", standards.CodeGap, false},
		{"equal tier amounts", func(m map[string]any) { tiers(m)[2].(map[string]any)["amount"] = "507" },
			"parameters.tier_table[0].values[0].value.tiers[2].amount", standards.CodeEqualAmounts, false},
		{"placement in a tier that does not exist", func(m map[string]any) {
			obj(m, "parameters", "tier_table", 0, "values", 0, "value", "placements", 0)["tier"] = 6
		}, "parameters.tier_table[0].values[0].value.placements[0].tier", standards.CodeBadCode, false},
		{"edge multiple 2.5", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "2.5" },
			"parameters.edge_bands[0].values[0].value[0].multiple", standards.CodeOutOfRange, false},
		{"edge multiple 1", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "1" },
			"parameters.edge_bands[0].values[0].value[0].multiple", standards.CodeInsane, true},
		{"edge multiple 50, even when allowed", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "50" },
			"parameters.edge_bands[0].values[0].value[0].multiple", standards.CodeInsane, true},
		{"duplicate band code", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 1)["code"] = "edge" },
			"parameters.edge_bands[0].values[0].value[1].code", standards.CodeDuplicate, false},
		{"supplement rate under 15 %", func(m map[string]any) { firstValue(m, "supplement_rate")["value"] = "0.1" },
			"parameters.supplement_rate[0].values[0].value", standards.CodeOutOfRange, false},
		{"gradual exit of 13 months", func(m map[string]any) { firstValue(m, "gradual_exit_max_months")["value"] = 13 },
			"parameters.gradual_exit_max_months[0].values[0].value", standards.CodeOutOfRange, false},
		{"three months of deduction", func(m map[string]any) { firstValue(m, "employment_deduction_months")["value"] = 3 },
			"parameters.employment_deduction_months[0].values[0].value", standards.CodeOutOfRange, false},
		{"caregiver factor above 1", func(m map[string]any) { firstValue(m, "caregiver_income_factor")["value"] = "1.5" },
			"parameters.caregiver_income_factor[0].values[0].value", standards.CodeInsane, true},
		{"CPI trigger above 3.5 %", func(m map[string]any) { obj(firstValue(m, "price_linkage"), "value")["cpi_trigger"] = "0.04" },
			"parameters.price_linkage[0].values[0].value.cpi_trigger", standards.CodeOutOfRange, false},
		{"tekun factor under 1.3", func(m map[string]any) { firstValue(m, "tekun_basic_factor")["value"] = "1.2" },
			"parameters.tekun_basic_factor[0].values[0].value", standards.CodeOutOfRange, false},
		{"seven instalments", func(m map[string]any) { firstValue(m, "temporary_assistance_max_instalments")["value"] = 7 },
			"parameters.temporary_assistance_max_instalments[0].values[0].value", standards.CodeOutOfRange, false},
		{"negative amount", func(m map[string]any) { firstValue(m, "dibao_standard")["value"] = "-1" },
			"parameters.dibao_standard[0].values[0].value", standards.CodeNegative, false},
		{"negative care amount", func(m map[string]any) { obj(firstValue(m, "tekun_support"), "value")["self_care"] = "-0.01" },
			"parameters.tekun_support[0].values[0].value.self_care", standards.CodeNegative, false},
		{"three decimal places", func(m map[string]any) { firstValue(m, "dibao_standard")["value"] = "850.001" },
			"parameters.dibao_standard[0].values[0].value", standards.CodeTooPrecise, false},
		{"amount as a JSON number", func(m map[string]any) { firstValue(m, "dibao_standard")["value"] = 850 },
			"parameters.dibao_standard[0].values[0].value", standards.CodeType, false},
		{"exponent", func(m map[string]any) { firstValue(m, "dibao_standard")["value"] = "1e999999999" },
			"parameters.dibao_standard[0].values[0].value", standards.CodeBadNumber, false},
		{"400 digits", func(m map[string]any) { firstValue(m, "dibao_standard")["value"] = strings.Repeat("9", 400) },
			"parameters.dibao_standard[0].values[0].value", standards.CodeBadNumber, false},
		{"huge count", func(m map[string]any) { firstValue(m, "elderly_age")["value"] = 1e300 },
			"parameters.elderly_age[0].values[0].value", standards.CodeBadNumber, false},
		{"fractional count", func(m map[string]any) { firstValue(m, "elderly_age")["value"] = 60.5 },
			"parameters.elderly_age[0].values[0].value", standards.CodeBadNumber, false},
		{"unknown category", func(m map[string]any) { at(firstValue(m, "supplement_categories"), "value").([]any)[0] = "giant" },
			"parameters.supplement_categories[0].values[0].value[0]", standards.CodeBadCode, false},
		{"category listed twice", func(m map[string]any) {
			at(firstValue(m, "supplement_categories"), "value").([]any)[1] = "severe_disability"
		},
			"parameters.supplement_categories[0].values[0].value[1]", standards.CodeDuplicate, false},
		{"unknown income kind", func(m map[string]any) { at(firstValue(m, "excluded_income_kinds"), "value").([]any)[0] = "lottery" },
			"parameters.excluded_income_kinds[0].values[0].value[0]", standards.CodeBadCode, false},
		{"unknown stacking", func(m map[string]any) { firstValue(m, "supplement_stacking")["value"] = "average" },
			"parameters.supplement_stacking[0].values[0].value", standards.CodeBadCode, false},
		{"unknown rounding mode", func(m map[string]any) {
			obj(m, "parameters", "rounding", "price_subsidy", 0, "values", 0, "value")["mode"] = "nearest"
		}, "parameters.rounding.price_subsidy[0].values[0].value.mode", standards.CodeBadCode, false},
		{"unknown rounding point", func(m map[string]any) { obj(m, "parameters", "rounding")["pocket_money"] = []any{} },
			"parameters.rounding.pocket_money", standards.CodeUnknownField, false},
		{"undeclared source", func(m map[string]any) { firstValue(m, "dibao_standard")["source"] = "rumour" },
			"parameters.dibao_standard[0].values[0].source", standards.CodeBadCode, false},
		{"source without reliability", func(m map[string]any) { delete(obj(m, "sources", "hlj-2021-11"), "reliability") },
			"sources.hlj-2021-11.reliability", standards.CodeRequired, false},
		{"unknown reliability", func(m map[string]any) { obj(m, "sources", "hlj-2021-11")["reliability"] = "rumour" },
			"sources.hlj-2021-11.reliability", standards.CodeBadCode, false},
		{"bad source id", func(m map[string]any) {
			obj(m, "sources")["Bad Id"] = map[string]any{"document": "x", "reliability": "press"}
		},
			"sources.Bad Id", standards.CodeBadCode, false},
		{"region not in the register", func(m map[string]any) { at(m, "parameters", "dibao_standard", 0, "regions").([]any)[0] = "230103" },
			"parameters.dibao_standard[0].regions[0]", standards.CodeUnknownRegion, false},
		{"malformed region", func(m map[string]any) { at(m, "parameters", "dibao_standard", 0, "regions").([]any)[0] = "23010" },
			"parameters.dibao_standard[0].regions[0]", standards.CodeBadCode, false},
		{"region without a minimum-wage tier", func(m map[string]any) {
			tierSeries := at(m, "parameters", "minimum_wage_tier").([]any)
			obj(m, "parameters")["minimum_wage_tier"] = tierSeries[1:] // drop the province-wide tier
			m["divisions"] = append(m["divisions"].([]any), map[string]any{"code": "230103", "name": "南岗区", "parent": "230100"})
		}, "parameters.minimum_wage_tier", standards.CodeMissingTier, false},
		{"tier without a wage", func(m map[string]any) { obj(m, "parameters", "minimum_wage_tier", 1, "values", 0)["value"] = 4 },
			"parameters.minimum_wage_tier[1].values[0]", standards.CodeMissingTier, false},
		{"wage tiers out of order", func(m map[string]any) {
			obj(firstValue(m, "minimum_wage"), "value", "tiers", 1)["monthly"] = "2100"
		}, "parameters.minimum_wage[0].values[0].value.tiers[1].monthly", standards.CodeUnordered, false},
		{"division with the wrong parent", func(m map[string]any) { obj(m, "divisions", 2)["parent"] = "230000" },
			"divisions", standards.CodeInconsistent, false},
		{"switch given as a string", func(m map[string]any) { firstValue(m, "rigid_expenditure_deduction")["value"] = "yes" },
			"parameters.rigid_expenditure_deduction[0].values[0].value", standards.CodeType, false},
		{"unknown disability category", func(m map[string]any) { at(firstValue(m, "severe_grade3_categories"), "value").([]any)[0] = "mood" },
			"parameters.severe_grade3_categories[0].values[0].value[0]", standards.CodeBadCode, false},
		{"near-threshold multiple of 5", func(m map[string]any) { obj(firstValue(m, "monitoring"), "value")["near_threshold"] = "5" },
			"parameters.monitoring[0].values[0].value.near_threshold", standards.CodeInsane, true},
		{"empty monitoring", func(m map[string]any) { firstValue(m, "monitoring")["value"] = map[string]any{} },
			"parameters.monitoring[0].values[0].value", standards.CodeRequired, false},
		{"a string where an object belongs", func(m map[string]any) { obj(m, "parameters")["tekun_support"] = "1105" },
			"parameters.tekun_support", standards.CodeType, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.Load(mutate(t, tc.f), standards.LoadOptions{AllowOutOfRange: tc.allow})
			require.Error(t, err)
			require.ErrorIs(t, err, standards.ErrInvalidStandards)
			le, ok := standards.IsLoadError(err)
			require.True(t, ok)
			assert.True(t, le.Has(tc.path, tc.code), "want %s at %s; got:\n%v", tc.code, tc.path, err)
		})
	}
}

func TestLoadAllowOutOfRange(t *testing.T) {
	b := mutate(t, func(m map[string]any) {
		obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "2.5"
		firstValue(m, "supplement_rate")["value"] = "0.1"
	})
	_, err := standards.Load(b, standards.LoadOptions{})
	le, ok := standards.IsLoadError(err)
	require.True(t, ok)
	assert.Len(t, le.Problems, 2)

	s, err := standards.Load(b, standards.LoadOptions{AllowOutOfRange: true})
	require.NoError(t, err)
	v, err := s.EdgeBands(q("230102", "2023-01-01"))
	require.NoError(t, err)
	assert.Equal(t, "2.5", v.V[0].Multiple.String())
}

func TestLoadReportsEveryProblemAtOnce(t *testing.T) {
	b := mutate(t, func(m map[string]any) {
		m["colour"] = "red"
		firstValue(m, "dibao_standard")["value"] = "-1"
		firstValue(m, "supplement_rate")["value"] = "0.1"
		obj(m, "parameters", "tier_table", 0, "values", 0, "value", "tiers", 2)["amount"] = "507"
		firstValue(m, "gradual_exit_max_months")["from"] = "2021-13-01"
	})
	_, err := standards.Load(b, standards.LoadOptions{})
	le, ok := standards.IsLoadError(err)
	require.True(t, ok)
	// Decoding problems and semantic problems come in one report.
	assert.True(t, le.Has("colour", standards.CodeUnknownField), "%v", err)
	assert.True(t, le.Has("parameters.gradual_exit_max_months[0].values[0].from", standards.CodeBadDate), "%v", err)
	assert.True(t, le.Has("parameters.dibao_standard[0].values[0].value", standards.CodeNegative), "%v", err)
	assert.True(t, le.Has("parameters.supplement_rate[0].values[0].value", standards.CodeOutOfRange), "%v", err)
	assert.True(t, le.Has("parameters.tier_table[0].values[0].value.tiers[2].amount", standards.CodeEqualAmounts), "%v", err)
	assert.Len(t, le.Problems, 5, "%v", err)
	assert.Contains(t, err.Error(), "5 problem(s)")
}

func TestLoadSyntaxAndSize(t *testing.T) {
	for name, in := range map[string]string{
		"empty":    "",
		"not JSON": "{",
		"trailing": `{"format":"dibao-standards/1"} {}`,
		"array":    `[]`,
	} {
		t.Run(name, func(t *testing.T) {
			_, err := standards.Load([]byte(in), standards.LoadOptions{})
			require.ErrorIs(t, err, standards.ErrInvalidStandards)
		})
	}
	big := make([]byte, standards.MaxFileSize+1)
	_, err := standards.Load(big, standards.LoadOptions{})
	le, ok := standards.IsLoadError(err)
	require.True(t, ok)
	assert.True(t, le.Has("", standards.CodeTooLarge))
}

func TestLoadDivisionsTwice(t *testing.T) {
	divs, err := standards.NewDivisions([]standards.Division{{Region: r("230000"), Name: "黑龙江省"}})
	require.NoError(t, err)
	_, err = standards.Load(docExample(t), standards.LoadOptions{Divisions: divs})
	le, ok := standards.IsLoadError(err)
	require.True(t, ok)
	assert.True(t, le.Has("divisions", standards.CodeDuplicate))
}

func TestLoadWithoutDivisions(t *testing.T) {
	b := mutate(t, func(m map[string]any) { delete(m, "divisions") })
	_, err := standards.Load(b, standards.LoadOptions{})
	le, ok := standards.IsLoadError(err)
	require.True(t, ok)
	assert.True(t, le.Has("divisions", standards.CodeRequired))
}

func TestSaveLoadRoundTrip(t *testing.T) {
	s := loadExample(t)
	out, err := s.Save(standards.SaveOptions{})
	require.NoError(t, err)
	s2, err := standards.Load(out, standards.LoadOptions{})
	require.NoError(t, err)
	out2, err := s2.Save(standards.SaveOptions{})
	require.NoError(t, err)
	assert.Equal(t, string(out), string(out2))
	for _, p := range standards.AllParams() {
		for _, a := range []standards.Area{standards.AreaAny, standards.AreaUrban} {
			qq := standards.Query{Region: r("230102"), Area: a, Date: d("2024-06-01")}
			v1, err1 := s.Lookup(p, qq)
			v2, err2 := s2.Lookup(p, qq)
			assert.Equal(t, err1 == nil, err2 == nil, "%s", p)
			if err1 == nil {
				assert.Equal(t, standards.FormatValue(standards.NewPrinter(englishTag), p, v1.V),
					standards.FormatValue(standards.NewPrinter(englishTag), p, v2.V))
				assert.Equal(t, v1.Provenance, v2.Provenance)
			}
		}
	}
}

func TestLoadReaderLimit(t *testing.T) {
	_, err := standards.LoadReader(strings.NewReader(string(docExample(t))), standards.LoadOptions{})
	require.NoError(t, err)
	_, err = standards.LoadReader(failingReader{}, standards.LoadOptions{})
	require.Error(t, err)
	assert.False(t, errors.Is(err, standards.ErrInvalidStandards))
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }
