package standards_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// docExample returns the JSON example of the package
// documentation, so that the documented format is the tested one.
func docExample(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	var out []string
	in := false
	for _, l := range strings.Split(string(src), "\n") {
		switch {
		case strings.HasPrefix(l, "// ") && strings.HasSuffix(l, " example:"):
			in = true
		case in && strings.HasPrefix(l, "//\t"):
			out = append(out, strings.TrimPrefix(l, "//\t"))
		case in && len(out) > 0:
			return []byte(strings.Join(out, "\n"))
		}
	}
	t.Fatal("no JSON example found in doc.go")
	return nil
}

// fixture is a standards file that holds every parameter of the format
// but the rounding points other than price_subsidy. Its figures are those of
// the policy notes: Harbin's 市区 urban 低保 standard, 835 from 2022-01-01 and
// 850 from 2023-01-01 (哈民政规〔2023〕6号, issued 2023-11-03); the 1.5× edge
// multiple of 黑民规〔2021〕11号 四（一） and Harbin's 1.2× urban band; the 15 %
// supplement; the 2024 minimum wage (2080/1850/1750) with 道里区 in tier 1
// and everywhere else in tier 3; Harbin's 2023 特困 support for 市区 urban;
// the national price-linkage triggers. The tier table is 尤溪县's (≤ 77 → 640,
// ≤ 200 → 507, ≤ 312.5 → 384, ≤ 412 → 272, then 174) with its last tier
// running up to 850.
const fixture = `{
  "format": "dibao-standards/1",
  "name": "示例省",
  "jurisdiction": "230000",
  "complete_through": "2023-12-31",
  "data_version": "2023.1",
  "divisions": [
    {"code": "230000", "name": "黑龙江省"},
    {"code": "230100", "name": "哈尔滨市", "parent": "230000"},
    {"code": "230102", "name": "道里区", "parent": "230100"},
    {"code": "230103", "name": "南岗区", "parent": "230100"},
    {"code": "230200", "name": "齐齐哈尔市", "parent": "230000"},
    {"code": "230202", "name": "龙沙区", "parent": "230200"}
  ],
  "sources": {
    "hlj-2021-11": {"document": "黑民规〔2021〕11号", "short": "HLJ-2021-11", "reliability": "official"},
    "harbin-2023": {"document": "哈民政规〔2023〕6号", "issuer": "哈尔滨市民政局",
                    "url": "https://example.org/harbin-2023", "reliability": "official", "note": "retroactive"}
  },
  "parameters": {
    "dibao_standard": [
      {"regions": ["230102"], "area": "urban", "values": [
        {"from": "2022-01-01", "source": "harbin-2023", "value": "835"},
        {"from": "2023-01-01", "published": "2023-11-03", "source": "harbin-2023", "clause": "一", "note": "retroactive", "value": "850"}
      ]}
    ],
    "edge_bands": [
      {"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "clause": "四（一）",
        "value": [{"code": "edge", "multiple": "1.5", "name": "低保边缘家庭"}]}]},
      {"regions": ["230100"], "values": [{"from": "2021-01-01", "source": "harbin-2023",
        "value": [{"code": "urban_edge_hardship", "multiple": "1.2", "area": "urban", "name": "城市低保边缘困难家庭"},
                  {"code": "edge", "multiple": "1.5", "name": "城乡低保边缘家庭"}]}]}
    ],
    "supplement_rate": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "clause": "四（二）", "value": "0.15"}]}],
    "supplement_categories": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
      "value": ["severe_disability", "serious_illness", "elderly", "minor", "martyr_family", "returned_veteran"]}]}],
    "supplement_stacking": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "highest"}]}],
    "elderly_age": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 60}]}],
    "supplement_rates": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": [{"category": "severe_disability", "rate": "0.2"}]}]}],
    "supplement_age_groups": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": [{"name": "80 岁以上", "min_age": 80, "rate": "0.05"}]}]}],
    "minimum_gap_share": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "0.2"}]}],
    "payment_method": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "gap"}]}],
    "tier_table": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": {
      "tiers": [
        {"from": "0", "from_inclusive": true, "to": "77", "to_inclusive": true, "amount": "640"},
        {"from": "77", "to": "200", "to_inclusive": true, "amount": "507"},
        {"from": "200", "to": "312.5", "to_inclusive": true, "amount": "384"},
        {"from": "312.5", "to": "412", "to_inclusive": true, "amount": "272"},
        {"from": "412", "to": "850", "amount": "174"}],
      "placements": [{"category": "severe_disability", "tier": 1}]}}]}],
    "gradual_exit_max_months": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 12}]}],
    "employment_deduction_months": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 2}]}],
    "minimum_wage": [{"regions": ["230000"], "values": [{"from": "2024-05-01", "source": "hlj-2021-11",
      "value": {"tiers": [{"tier": 1, "monthly": "2080", "hourly": "19"}, {"tier": 2, "monthly": "1850"}, {"tier": 3, "monthly": "1750"}]}}]}],
    "minimum_wage_tier": [
      {"regions": ["230000"], "values": [{"from": "2024-05-01", "source": "hlj-2021-11", "value": 3}]},
      {"regions": ["230102"], "values": [{"from": "2024-05-01", "source": "hlj-2021-11", "value": 1}]}],
    "caregiver_income_factor": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "0.5"}]}],
    "price_linkage": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
      "value": {"cpi_trigger": "0.035", "food_cpi_trigger": "0.06", "covered": ["dibao", "tekun"], "floor": "10"}}]}],
    "tekun_basic_factor": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "1.3"}]}],
    "tekun_support": [{"regions": ["230102"], "area": "urban", "values": [{"from": "2023-01-01", "published": "2023-11-03", "source": "harbin-2023",
      "value": {"basic": "1105", "self_care": "1066", "partial_care": "1116", "full_care": "1166"}}]}],
    "tekun_gradual_exit": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": false}]}],
    "tekun_mixed_household": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "separate"}]}],
    "tekun_guidance": [{"regions": ["230000"], "values": [{"from": "2024-07-01", "source": "hlj-2021-11",
      "value": {"basic_factor": "1.3", "self_care_divisor": 10, "partial_care_divisor": 6, "full_care_divisor": 4}}]}],
    "dibao_guidance": [{"regions": ["230000"], "area": "urban", "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "637"}]}],
    "shared_property": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "equal_shares"}]}],
    "no_labour_age_from": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 60}]}],
    "no_labour_age_under": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 16}]}],
    "temporary_assistance_caps": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
      "value": [{"hardship": "illness", "multiple": "10", "per_member": false}]}]}],
    "temporary_assistance_max_instalments": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 6}]}],
    "property_limits": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
      "value": {"dibao": {"financial_assets_months": "24", "max_dwellings": 1, "vehicles_allowed": false}}}]}],
    "excluded_income_kinds": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "until": "2025-12-31",
      "source": "hlj-2021-11", "value": ["scholarship", "resident_pension_basic"]}]}],
    "rigid_expenditure_deduction": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": false}]}],
    "severe_grade3_categories": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
      "value": ["intellectual", "psychiatric"]}]}],
    "monitoring": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
      "value": {"near_threshold": "1.2", "sharp_drop": "0.3", "rigid_share": "0.6"}}]}],
    "rounding": {
      "price_subsidy": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
        "value": {"unit": "yuan", "mode": "half_up"}}]}]
    }
  }
}
`

// loadFixture loads the fixture.
func loadFixture(t testing.TB) *standards.Set {
	t.Helper()
	s, err := standards.Load([]byte(fixture), standards.LoadOptions{})
	require.NoError(t, err)
	return s
}

// mutate decodes the fixture, applies f to it and encodes it again.
func mutate(t testing.TB, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal([]byte(fixture), &m))
	f(m)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return b
}

// replaceOnce returns the fixture with old, which must occur exactly once,
// replaced by new: for inputs a map cannot hold (duplicate keys, bytes that
// are not UTF-8).
func replaceOnce(t testing.TB, old, new string) []byte {
	t.Helper()
	require.Equal(t, 1, strings.Count(fixture, old), "%q must occur once in the fixture", old)
	return []byte(strings.Replace(fixture, old, new, 1))
}

// small returns a standards file over the fixture's register with the given
// "parameters" body and complete_through.
func small(completeThrough, params string) []byte {
	return []byte(`{"format": "dibao-standards/1", "name": "small", "jurisdiction": "230000",
  "complete_through": "` + completeThrough + `",
  "divisions": [
    {"code": "230000", "name": "黑龙江省"},
    {"code": "230100", "name": "哈尔滨市", "parent": "230000"},
    {"code": "230102", "name": "道里区", "parent": "230100"},
    {"code": "230103", "name": "南岗区", "parent": "230100"},
    {"code": "230200", "name": "齐齐哈尔市", "parent": "230000"},
    {"code": "230202", "name": "龙沙区", "parent": "230200"}],
  "sources": {"s": {"document": "doc", "reliability": "official"}},
  "parameters": {` + params + `}}`)
}

// series is one series of a small file: regions, area ("" for none) and
// values written as from:value pairs with the source "s".
func series(regions []string, area string, values ...[2]string) string {
	var b strings.Builder
	b.WriteString(`{"regions": ["` + strings.Join(regions, `", "`) + `"]`)
	if area != "" {
		b.WriteString(`, "area": "` + area + `"`)
	}
	b.WriteString(`, "values": [`)
	for i, v := range values {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(`{"from": "` + v[0] + `", "source": "s", "value": ` + v[1] + `}`)
	}
	b.WriteString("]}")
	return b.String()
}

// at walks a decoded JSON tree by keys and indexes.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

func obj(v any, path ...any) map[string]any { return at(v, path...).(map[string]any) }

// firstValue returns the first value object of a parameter's first series.
func firstValue(m map[string]any, param string) map[string]any {
	return obj(m, "parameters", param, 0, "values", 0)
}

func d(s string) standards.Date   { return standards.MustParseDate(s) }
func r(s string) standards.Region { return standards.MustRegion(s) }
func q(region, date string) standards.Query {
	return standards.Query{Region: r(region), Date: d(date)}
}

// qa is q with an area class.
func qa(region string, a standards.Area, date string) standards.Query {
	return standards.Query{Region: r(region), Area: a, Date: d(date)}
}

// problemsOf returns err as a *problem.Error, failing the test otherwise.
func problemsOf(t testing.TB, err error) *problem.Error {
	t.Helper()
	require.Error(t, err)
	pe, ok := problem.As(err)
	require.True(t, ok, "want a *problem.Error, got %T: %v", err, err)
	return pe
}

// assertProblem checks that err lists a problem with code at path.
func assertProblem(t testing.TB, err error, path string, code problem.Code) {
	t.Helper()
	pe := problemsOf(t, err)
	assert.True(t, pe.Has(path, code), "want %s at %q; got:\n%v", code, path, err)
}
