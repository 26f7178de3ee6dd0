package standards_test

import (
	"bytes"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

func TestDocExampleLoads(t *testing.T) {
	s, err := standards.Load(docExample(t), standards.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "230000", s.Jurisdiction().String())
	v, err := standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustParse("850"), v.V, "the documented lookup: 850 in 2023")
}

func TestFixtureLoads(t *testing.T) {
	s := loadFixture(t)
	assert.Equal(t, "230000", s.Jurisdiction().String())
	assert.Equal(t, "2023-12-31", s.CompleteThrough().String())
	assert.Len(t, s.Params(), len(standards.Keys())-8, "every key but eight rounding points is in the fixture")
}

// Each case breaks the fixture in one way and names the problem Load must
// report (path and code). One case per validation rule.
func TestLoadProblems(t *testing.T) {
	tiers := func(m map[string]any) []any {
		return at(m, "parameters", "tier_table", 0, "values", 0, "value", "tiers").([]any)
	}
	tier := func(m map[string]any, i int) map[string]any { return tiers(m)[i].(map[string]any) }
	dibao := func(m map[string]any, i int) map[string]any {
		return obj(m, "parameters", "dibao_standard", 0, "values", i)
	}
	cases := []struct {
		name  string
		f     func(m map[string]any)
		path  string
		code  problem.Code
		allow bool // load with AllowOutOfRange
	}{
		{"unknown top-level field", func(m map[string]any) { m["colour"] = "red" }, "colour", problem.UnknownField, false},
		{"unknown field in a value", func(m map[string]any) { dibao(m, 0)["colour"] = 1 },
			"parameters.dibao_standard[0].values[0].colour", problem.UnknownField, false},
		{"unknown field in a series", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0)["colour"] = 1 },
			"parameters.dibao_standard[0].colour", problem.UnknownField, false},
		{"unknown field in a source", func(m map[string]any) { obj(m, "sources", "hlj-2021-11")["colour"] = 1 },
			"sources.hlj-2021-11.colour", problem.UnknownField, false},
		{"unknown field in a value's object", func(m map[string]any) { obj(firstValue(m, "tekun_support"), "value")["colour"] = "1" },
			"parameters.tekun_support[0].values[0].value.colour", problem.UnknownField, false},
		{"unknown parameter", func(m map[string]any) { obj(m, "parameters")["dibao_standrad"] = []any{} },
			"parameters.dibao_standrad", problem.UnknownField, false},
		{"a rounding point outside rounding", func(m map[string]any) {
			obj(m, "parameters")["price_subsidy"] = at(m, "parameters", "rounding", "price_subsidy")
		}, "parameters.price_subsidy", problem.UnknownField, false},
		{"wrong format", func(m map[string]any) { m["format"] = "dibao-standards/0" }, "format", problem.BadCode, false},
		{"missing format", func(m map[string]any) { delete(m, "format") }, "format", problem.Required, false},
		{"missing name", func(m map[string]any) { delete(m, "name") }, "name", problem.Required, false},
		{"empty name", func(m map[string]any) { m["name"] = "" }, "name", problem.Required, false},
		{"missing jurisdiction", func(m map[string]any) { delete(m, "jurisdiction") }, "jurisdiction", problem.Required, false},
		{"jurisdiction not in the register", func(m map[string]any) { m["jurisdiction"] = "220000" }, "jurisdiction", problem.UnknownRegion, false},
		{"missing complete_through", func(m map[string]any) { delete(m, "complete_through") }, "complete_through", problem.Required, false},
		{"missing sources", func(m map[string]any) { delete(m, "sources") }, "sources", problem.Required, false},
		{"missing parameters", func(m map[string]any) { delete(m, "parameters") }, "parameters", problem.Required, false},
		{"impossible date", func(m map[string]any) { dibao(m, 1)["from"] = "2023-02-30" },
			"parameters.dibao_standard[0].values[1].from", problem.BadDate, false},
		{"date in another form", func(m map[string]any) { dibao(m, 0)["from"] = "2022/01/01" },
			"parameters.dibao_standard[0].values[0].from", problem.BadDate, false},
		{"bad publication date", func(m map[string]any) { dibao(m, 1)["published"] = "2023-11-31" },
			"parameters.dibao_standard[0].values[1].published", problem.BadDate, false},
		{"bad complete_through", func(m map[string]any) { m["complete_through"] = "2023-12-32" }, "complete_through", problem.BadDate, false},
		{"missing from", func(m map[string]any) { delete(dibao(m, 0), "from") },
			"parameters.dibao_standard[0].values[0].from", problem.Required, false},
		{"missing source", func(m map[string]any) { delete(dibao(m, 0), "source") },
			"parameters.dibao_standard[0].values[0].source", problem.Required, false},
		{"missing value", func(m map[string]any) { delete(dibao(m, 0), "value") },
			"parameters.dibao_standard[0].values[0].value", problem.Required, false},
		{"no values", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0)["values"] = []any{} },
			"parameters.dibao_standard[0].values", problem.Required, false},
		{"no regions", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0)["regions"] = []any{} },
			"parameters.dibao_standard[0].regions", problem.Required, false},
		{"unordered values", func(m map[string]any) { dibao(m, 1)["from"] = "2021-06-01" },
			"parameters.dibao_standard[0].values[1].from", problem.Unordered, false},
		{"same from twice", func(m map[string]any) { dibao(m, 1)["from"] = "2022-01-01" },
			"parameters.dibao_standard[0].values[1].from", problem.Unordered, false},
		{"until overlapping the next value", func(m map[string]any) { dibao(m, 0)["until"] = "2023-06-30" },
			"parameters.dibao_standard[0].values[0].until", problem.Overlap, false},
		{"until on the next value's first day", func(m map[string]any) { dibao(m, 0)["until"] = "2023-01-01" },
			"parameters.dibao_standard[0].values[0].until", problem.Overlap, false},
		{"until leaving a gap", func(m map[string]any) { dibao(m, 0)["until"] = "2022-06-30" },
			"parameters.dibao_standard[0].values[0].until", problem.Gap, false},
		{"until leaving a gap of one day", func(m map[string]any) { dibao(m, 0)["until"] = "2022-12-30" },
			"parameters.dibao_standard[0].values[0].until", problem.Gap, false},
		{"until before from", func(m map[string]any) { dibao(m, 1)["until"] = "2022-12-31" },
			"parameters.dibao_standard[0].values[1].until", problem.Inconsistent, false},
		{"two series for one region", func(m map[string]any) {
			l := at(m, "parameters", "dibao_standard").([]any)
			obj(m, "parameters")["dibao_standard"] = append(l, l[0])
		}, "parameters.dibao_standard[1].regions[0]", problem.Overlap, false},
		{"a region listed twice in one series", func(m map[string]any) {
			obj(m, "parameters", "elderly_age", 0)["regions"] = []any{"230000", "230000"}
		}, "parameters.elderly_age[0].regions[1]", problem.Overlap, false},
		{"area missing on an area-split parameter", func(m map[string]any) { delete(obj(m, "parameters", "dibao_standard", 0), "area") },
			"parameters.dibao_standard[0].area", problem.AreaRequired, false},
		{"unknown area", func(m map[string]any) { obj(m, "parameters", "dibao_standard", 0)["area"] = "suburban" },
			"parameters.dibao_standard[0].area", problem.BadCode, false},
		{"zero standard", func(m map[string]any) { dibao(m, 0)["value"] = "0" },
			"parameters.dibao_standard[0].values[0].value", problem.OutOfRange, false},
		{"a million yuan", func(m map[string]any) { dibao(m, 0)["value"] = "1000000" },
			"parameters.dibao_standard[0].values[0].value", problem.Insane, true},
		{"four tiers", func(m map[string]any) {
			obj(m, "parameters", "tier_table", 0, "values", 0, "value")["tiers"] = tiers(m)[:4]
		}, "parameters.tier_table[0].values[0].value.tiers", problem.TooFewTiers, false},
		{"no tiers, even when allowed", func(m map[string]any) {
			obj(m, "parameters", "tier_table", 0, "values", 0, "value")["tiers"] = []any{}
		}, "parameters.tier_table[0].values[0].value.tiers", problem.TooFewTiers, true},
		{"gap between tiers", func(m map[string]any) { tier(m, 1)["from"] = "78" },
			"parameters.tier_table[0].values[0].value.tiers[1]", problem.Gap, false},
		{"gap at an edge exclusive on both sides", func(m map[string]any) { tier(m, 0)["to_inclusive"] = false },
			"parameters.tier_table[0].values[0].value.tiers[1]", problem.Gap, false},
		{"overlap at an edge inclusive on both sides", func(m map[string]any) { tier(m, 1)["from_inclusive"] = true },
			"parameters.tier_table[0].values[0].value.tiers[1]", problem.Overlap, false},
		{"overlapping tiers", func(m map[string]any) { tier(m, 1)["from"] = "70" },
			"parameters.tier_table[0].values[0].value.tiers[1]", problem.Overlap, false},
		{"first tier not from 0", func(m map[string]any) { tier(m, 0)["from"] = "1" },
			"parameters.tier_table[0].values[0].value.tiers[0]", problem.Gap, false},
		{"first tier from 0 exclusive", func(m map[string]any) { tier(m, 0)["from_inclusive"] = false },
			"parameters.tier_table[0].values[0].value.tiers[0]", problem.Gap, false},
		{"an empty tier", func(m map[string]any) { tier(m, 1)["to"] = "77"; tier(m, 2)["from"] = "77" },
			"parameters.tier_table[0].values[0].value.tiers[1]", problem.Inconsistent, false},
		{"equal tier amounts", func(m map[string]any) { tier(m, 2)["amount"] = "507" },
			"parameters.tier_table[0].values[0].value.tiers[2].amount", problem.EqualAmounts, false},
		{"rising tier amounts", func(m map[string]any) { tier(m, 2)["amount"] = "508" },
			"parameters.tier_table[0].values[0].value.tiers[2].amount", problem.EqualAmounts, false},
		{"placement in a tier that does not exist", func(m map[string]any) {
			obj(m, "parameters", "tier_table", 0, "values", 0, "value", "placements", 0)["tier"] = 6
		}, "parameters.tier_table[0].values[0].value.placements[0].tier", problem.BadCode, false},
		{"a category placed twice", func(m map[string]any) {
			v := obj(m, "parameters", "tier_table", 0, "values", 0, "value")
			v["placements"] = append(v["placements"].([]any), map[string]any{"category": "severe_disability", "tier": 2})
		}, "parameters.tier_table[0].values[0].value.placements[1].category", problem.Duplicate, false},
		{"edge multiple 2.5", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "2.5" },
			"parameters.edge_bands[0].values[0].value[0].multiple", problem.OutOfRange, false},
		{"edge multiple 1", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "1" },
			"parameters.edge_bands[0].values[0].value[0].multiple", problem.Insane, true},
		{"edge multiple 50, even when allowed", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "50" },
			"parameters.edge_bands[0].values[0].value[0].multiple", problem.Insane, true},
		{"edge multiple with five decimals", func(m map[string]any) { obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "1.50001" },
			"parameters.edge_bands[0].values[0].value[0].multiple", problem.TooPrecise, false},
		{"duplicate band code", func(m map[string]any) {
			obj(m, "parameters", "edge_bands", 1, "values", 0, "value", 0)["code"] = "edge"
		},
			"parameters.edge_bands[1].values[0].value[1].code", problem.Duplicate, false},
		{"no bands", func(m map[string]any) { firstValue(m, "edge_bands")["value"] = []any{} },
			"parameters.edge_bands[0].values[0].value", problem.Required, false},
		{"supplement rate under 15 %", func(m map[string]any) { firstValue(m, "supplement_rate")["value"] = "0.1" },
			"parameters.supplement_rate[0].values[0].value", problem.OutOfRange, false},
		{"elderly age 59", func(m map[string]any) { firstValue(m, "elderly_age")["value"] = 59 },
			"parameters.elderly_age[0].values[0].value", problem.OutOfRange, false},
		{"elderly age 131, even when allowed", func(m map[string]any) { firstValue(m, "elderly_age")["value"] = 131 },
			"parameters.elderly_age[0].values[0].value", problem.Insane, true},
		{"gradual exit of 13 months", func(m map[string]any) { firstValue(m, "gradual_exit_max_months")["value"] = 13 },
			"parameters.gradual_exit_max_months[0].values[0].value", problem.OutOfRange, false},
		{"three months of deduction", func(m map[string]any) { firstValue(m, "employment_deduction_months")["value"] = 3 },
			"parameters.employment_deduction_months[0].values[0].value", problem.OutOfRange, false},
		{"no-labour age 65", func(m map[string]any) { firstValue(m, "no_labour_age_from")["value"] = 65 },
			"parameters.no_labour_age_from[0].values[0].value", problem.OutOfRange, false},
		{"caregiver factor above 1", func(m map[string]any) { firstValue(m, "caregiver_income_factor")["value"] = "1.5" },
			"parameters.caregiver_income_factor[0].values[0].value", problem.Insane, true},
		{"caregiver factor with three decimals", func(m map[string]any) { firstValue(m, "caregiver_income_factor")["value"] = "0.333" },
			"parameters.caregiver_income_factor[0].values[0].value", problem.TooPrecise, false},
		{"CPI trigger above 3.5 %", func(m map[string]any) { obj(firstValue(m, "price_linkage"), "value")["cpi_trigger"] = "0.04" },
			"parameters.price_linkage[0].values[0].value.cpi_trigger", problem.OutOfRange, false},
		{"food CPI trigger above 6 %", func(m map[string]any) { obj(firstValue(m, "price_linkage"), "value")["food_cpi_trigger"] = "0.061" },
			"parameters.price_linkage[0].values[0].value.food_cpi_trigger", problem.OutOfRange, false},
		{"nobody covered", func(m map[string]any) { obj(firstValue(m, "price_linkage"), "value")["covered"] = []any{} },
			"parameters.price_linkage[0].values[0].value.covered", problem.Required, false},
		{"tekun factor under 1.3", func(m map[string]any) { firstValue(m, "tekun_basic_factor")["value"] = "1.2" },
			"parameters.tekun_basic_factor[0].values[0].value", problem.OutOfRange, false},
		{"care falling with need", func(m map[string]any) { obj(firstValue(m, "tekun_support"), "value")["full_care"] = "1100" },
			"parameters.tekun_support[0].values[0].value", problem.Unordered, false},
		{"seven instalments", func(m map[string]any) { firstValue(m, "temporary_assistance_max_instalments")["value"] = 7 },
			"parameters.temporary_assistance_max_instalments[0].values[0].value", problem.OutOfRange, false},
		{"duplicate hardship", func(m map[string]any) {
			v := firstValue(m, "temporary_assistance_caps")
			v["value"] = append(v["value"].([]any), map[string]any{"hardship": "illness", "multiple": "5"})
		}, "parameters.temporary_assistance_caps[0].values[0].value[1].hardship", problem.Duplicate, false},
		{"negative amount", func(m map[string]any) { dibao(m, 0)["value"] = "-1" },
			"parameters.dibao_standard[0].values[0].value", problem.Negative, false},
		{"negative care amount", func(m map[string]any) { obj(firstValue(m, "tekun_support"), "value")["self_care"] = "-0.01" },
			"parameters.tekun_support[0].values[0].value.self_care", problem.Negative, false},
		{"three decimal places", func(m map[string]any) { dibao(m, 0)["value"] = "850.001" },
			"parameters.dibao_standard[0].values[0].value", problem.TooPrecise, false},
		{"amount as a JSON number", func(m map[string]any) { dibao(m, 0)["value"] = 850 },
			"parameters.dibao_standard[0].values[0].value", problem.Type, false},
		{"exponent", func(m map[string]any) { dibao(m, 0)["value"] = "1e999999999" },
			"parameters.dibao_standard[0].values[0].value", problem.BadNumber, false},
		{"400 digits", func(m map[string]any) { dibao(m, 0)["value"] = strings.Repeat("9", 400) },
			"parameters.dibao_standard[0].values[0].value", problem.OutOfRange, true},
		{"a point without decimals", func(m map[string]any) { dibao(m, 0)["value"] = "850." },
			"parameters.dibao_standard[0].values[0].value", problem.BadNumber, false},
		{"decimals without a whole part", func(m map[string]any) { dibao(m, 0)["value"] = ".5" },
			"parameters.dibao_standard[0].values[0].value", problem.BadNumber, false},
		{"plus sign", func(m map[string]any) { dibao(m, 0)["value"] = "+850" },
			"parameters.dibao_standard[0].values[0].value", problem.BadNumber, false},
		{"spaces", func(m map[string]any) { dibao(m, 0)["value"] = " 850" },
			"parameters.dibao_standard[0].values[0].value", problem.BadNumber, false},
		{"huge count", func(m map[string]any) { firstValue(m, "elderly_age")["value"] = 1e300 },
			"parameters.elderly_age[0].values[0].value", problem.BadNumber, false},
		{"fractional count", func(m map[string]any) { firstValue(m, "elderly_age")["value"] = 60.5 },
			"parameters.elderly_age[0].values[0].value", problem.BadNumber, false},
		{"count as a string", func(m map[string]any) { firstValue(m, "elderly_age")["value"] = "60" },
			"parameters.elderly_age[0].values[0].value", problem.Type, false},
		{"unknown category", func(m map[string]any) { at(firstValue(m, "supplement_categories"), "value").([]any)[0] = "giant" },
			"parameters.supplement_categories[0].values[0].value[0]", problem.BadCode, false},
		{"category listed twice", func(m map[string]any) {
			at(firstValue(m, "supplement_categories"), "value").([]any)[1] = "severe_disability"
		}, "parameters.supplement_categories[0].values[0].value[1]", problem.Duplicate, false},
		{"unknown income kind", func(m map[string]any) { at(firstValue(m, "excluded_income_kinds"), "value").([]any)[0] = "lottery" },
			"parameters.excluded_income_kinds[0].values[0].value[0]", problem.BadCode, false},
		{"unknown stacking", func(m map[string]any) { firstValue(m, "supplement_stacking")["value"] = "average" },
			"parameters.supplement_stacking[0].values[0].value", problem.BadCode, false},
		{"unknown payment method", func(m map[string]any) { firstValue(m, "payment_method")["value"] = "flat" },
			"parameters.payment_method[0].values[0].value", problem.BadCode, false},
		{"unknown rounding mode", func(m map[string]any) {
			obj(m, "parameters", "rounding", "price_subsidy", 0, "values", 0, "value")["mode"] = "nearest"
		}, "parameters.rounding.price_subsidy[0].values[0].value.mode", problem.BadCode, false},
		{"rounding without a unit", func(m map[string]any) {
			delete(obj(m, "parameters", "rounding", "price_subsidy", 0, "values", 0, "value"), "unit")
		}, "parameters.rounding.price_subsidy[0].values[0].value.unit", problem.Required, false},
		{"unknown rounding point", func(m map[string]any) { obj(m, "parameters", "rounding")["pocket_money"] = []any{} },
			"parameters.rounding.pocket_money", problem.UnknownField, false},
		{"undeclared source", func(m map[string]any) { dibao(m, 0)["source"] = "rumour" },
			"parameters.dibao_standard[0].values[0].source", problem.BadCode, false},
		{"source without reliability", func(m map[string]any) { delete(obj(m, "sources", "hlj-2021-11"), "reliability") },
			"sources.hlj-2021-11.reliability", problem.Required, false},
		{"source without document", func(m map[string]any) { delete(obj(m, "sources", "hlj-2021-11"), "document") },
			"sources.hlj-2021-11.document", problem.Required, false},
		{"unknown reliability", func(m map[string]any) { obj(m, "sources", "hlj-2021-11")["reliability"] = "rumour" },
			"sources.hlj-2021-11.reliability", problem.BadCode, false},
		{"bad source id", func(m map[string]any) {
			obj(m, "sources")["Bad Id"] = map[string]any{"document": "x", "reliability": "press"}
		}, "sources.Bad Id", problem.BadCode, false},
		{"source id of 65 characters", func(m map[string]any) {
			obj(m, "sources")[strings.Repeat("a", 65)] = map[string]any{"document": "x", "reliability": "press"}
		}, "sources." + strings.Repeat("a", 65), problem.BadCode, false},
		{"region not in the register", func(m map[string]any) { at(m, "parameters", "dibao_standard", 0, "regions").([]any)[0] = "230104" },
			"parameters.dibao_standard[0].regions[0]", problem.UnknownRegion, false},
		{"malformed region", func(m map[string]any) { at(m, "parameters", "dibao_standard", 0, "regions").([]any)[0] = "23010" },
			"parameters.dibao_standard[0].regions[0]", problem.BadCode, false},
		{"region outside the jurisdiction", func(m map[string]any) {
			m["divisions"] = append(m["divisions"].([]any), map[string]any{"code": "220000", "name": "吉林省"})
			at(m, "parameters", "dibao_standard", 0, "regions").([]any)[0] = "220000"
		}, "parameters.dibao_standard[0].regions[0]", problem.UnknownRegion, false},
		{"region without a minimum-wage tier", func(m map[string]any) {
			tierSeries := at(m, "parameters", "minimum_wage_tier").([]any)
			obj(m, "parameters")["minimum_wage_tier"] = tierSeries[1:] // drop the province-wide tier
		}, "parameters.minimum_wage_tier", problem.MissingTier, false},
		{"tiers that stop", func(m map[string]any) {
			obj(m, "parameters", "minimum_wage_tier", 0, "values", 0)["until"] = "2024-12-31"
		},
			"parameters.minimum_wage_tier", problem.MissingTier, false},
		{"tier without a wage", func(m map[string]any) { obj(m, "parameters", "minimum_wage_tier", 1, "values", 0)["value"] = 4 },
			"parameters.minimum_wage_tier[1].values[0].value", problem.MissingTier, false},
		{"a tier before the wage table starts", func(m map[string]any) {
			obj(m, "parameters", "minimum_wage_tier", 1, "values", 0)["from"] = "2024-04-30"
			obj(m, "parameters", "minimum_wage_tier", 0, "values", 0)["from"] = "2024-04-30"
		}, "parameters.minimum_wage_tier[0].values[0]", problem.MissingTier, false},
		{"a minimum-wage table for a prefecture", func(m map[string]any) {
			l := at(m, "parameters", "minimum_wage").([]any)
			second := map[string]any{"regions": []any{"230100"}, "values": obj(l[0].(map[string]any))["values"]}
			obj(m, "parameters")["minimum_wage"] = append(l, second)
		}, "parameters.minimum_wage", problem.MissingTier, false},
		{"wage tiers out of order", func(m map[string]any) {
			obj(firstValue(m, "minimum_wage"), "value", "tiers", 1)["monthly"] = "2100"
		}, "parameters.minimum_wage[0].values[0].value.tiers[1].monthly", problem.Unordered, false},
		{"wage tiers misnumbered", func(m map[string]any) {
			obj(firstValue(m, "minimum_wage"), "value", "tiers", 1)["tier"] = 3
		}, "parameters.minimum_wage[0].values[0].value.tiers[1].tier", problem.Unordered, false},
		{"division with the wrong parent", func(m map[string]any) { obj(m, "divisions", 2)["parent"] = "230000" },
			"divisions[2].parent", problem.Inconsistent, false},
		{"division listed twice", func(m map[string]any) { m["divisions"] = append(m["divisions"].([]any), obj(m, "divisions", 2)) },
			"divisions[6].code", problem.Duplicate, false},
		{"switch given as a string", func(m map[string]any) { firstValue(m, "rigid_expenditure_deduction")["value"] = "yes" },
			"parameters.rigid_expenditure_deduction[0].values[0].value", problem.Type, false},
		{"unknown disability category", func(m map[string]any) { at(firstValue(m, "severe_grade3_categories"), "value").([]any)[0] = "mood" },
			"parameters.severe_grade3_categories[0].values[0].value[0]", problem.BadCode, false},
		{"near-threshold multiple of 5", func(m map[string]any) { obj(firstValue(m, "monitoring"), "value")["near_threshold"] = "5" },
			"parameters.monitoring[0].values[0].value.near_threshold", problem.Insane, true},
		{"empty monitoring", func(m map[string]any) { firstValue(m, "monitoring")["value"] = map[string]any{} },
			"parameters.monitoring[0].values[0].value", problem.Required, false},
		{"empty property limits", func(m map[string]any) { firstValue(m, "property_limits")["value"] = map[string]any{} },
			"parameters.property_limits[0].values[0].value", problem.Required, false},
		{"a string where an object belongs", func(m map[string]any) { obj(m, "parameters")["tekun_support"] = "1105" },
			"parameters.tekun_support", problem.Type, false},
		{"an object where a list of series belongs", func(m map[string]any) { obj(m, "parameters")["elderly_age"] = map[string]any{} },
			"parameters.elderly_age", problem.Type, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.Load(mutate(t, tc.f), standards.LoadOptions{AllowOutOfRange: tc.allow})
			require.Error(t, err)
			require.ErrorIs(t, err, standards.ErrInvalidStandards)
			require.ErrorIs(t, err, problem.ErrInvalid)
			assertProblem(t, err, tc.path, tc.code)
		})
	}
}

// A required field given as null is missing: null never stands for a value.
func TestLoadNullIsMissing(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, path string
	}{
		{"value", `"source": "harbin-2023", "value": "835"`, `"source": "harbin-2023", "value": null`,
			"parameters.dibao_standard[0].values[0].value"},
		{"from", `{"from": "2022-01-01", "source": "harbin-2023", "value": "835"}`, `{"from": null, "source": "harbin-2023", "value": "835"}`,
			"parameters.dibao_standard[0].values[0].from"},
		{"name", `"name": "示例省"`, `"name": null`, "name"},
		{"reliability of a source", `"short": "HLJ-2021-11", "reliability": "official"`, `"short": "HLJ-2021-11", "reliability": null`,
			"sources.hlj-2021-11.reliability"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.Load(replaceOnce(t, tc.old, tc.new), standards.LoadOptions{})
			assertProblem(t, err, tc.path, problem.Required)
		})
	}
}

// Duplicate keys are refused wherever they are, at the path of the second.
func TestLoadDuplicateKeys(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, path string
	}{
		{"value twice in a value object", `"source": "harbin-2023", "value": "835"`, `"source": "harbin-2023", "value": "835", "value": "836"`,
			"parameters.dibao_standard[0].values[0].value"},
		{"a source given twice", `"sources": {`, `"sources": {"harbin-2023": {"document": "x", "reliability": "press"},`,
			"sources.harbin-2023"},
		{"a top-level field twice", `"name": "示例省",`, `"name": "示例省", "name": "示例省",`, "name"},
		{"a parameter twice", `"elderly_age": [`, `"elderly_age": [], "elderly_age": [`, "parameters.elderly_age"},
		{"a rounding point twice", `"rounding": {`, `"rounding": {"price_subsidy": [],`, "parameters.rounding.price_subsidy"},
		{"rounding twice", `"rounding": {`, `"rounding": {}, "rounding": {`, "parameters.rounding"},
		{"a key twice in a band", `{"code": "edge", "multiple": "1.5", "name": "低保边缘家庭"}`,
			`{"code": "edge", "multiple": "1.5", "multiple": "1.6", "name": "低保边缘家庭"}`,
			"parameters.edge_bands[0].values[0].value[0].multiple"},
		{"a key twice in a source", `"document": "黑民规〔2021〕11号",`, `"document": "黑民规〔2021〕11号", "document": "x",`,
			"sources.hlj-2021-11.document"},
		{"a key twice in a series", `"dibao_standard": [
      {"regions": ["230102"], "area": "urban",`, `"dibao_standard": [
      {"regions": ["230102"], "area": "urban", "area": "rural",`,
			"parameters.dibao_standard[0].area"},
		{"a key twice in a division", `{"code": "230000", "name": "黑龙江省"}`, `{"code": "230000", "name": "黑龙江省", "code": "230000"}`,
			"divisions[0].code"},
		{"a key twice in a tier", `{"from": "0", "from_inclusive": true,`, `{"from": "0", "from": "0", "from_inclusive": true,`,
			"parameters.tier_table[0].values[0].value.tiers[0].from"},
		{"escaped the second time", `"name": "示例省",`, `"name": "示例省", "n\u0061me": "x",`, "name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.Load(replaceOnce(t, tc.old, tc.new), standards.LoadOptions{})
			assertProblem(t, err, tc.path, problem.Duplicate)
		})
	}
}

// Text that is not UTF-8 is refused, never replaced.
func TestLoadInvalidUTF8(t *testing.T) {
	for _, tc := range []struct{ name, old, new string }{
		{"a stray byte in a value", `"name": "示例省"`, "\"name\": \"a\xff\""},
		{"in a key", `"name": "示例省"`, "\"n\xffme\": \"示例省\""},
		{"a truncated sequence", `"name": "示例省"`, "\"name\": \"\xe7\xa4\""},
		{"an overlong encoding of /", `"name": "示例省"`, "\"name\": \"\xc0\xaf\""},
		{"a surrogate encoded in UTF-8", `"name": "示例省"`, "\"name\": \"\xed\xa0\x80\""},
		{"a code point above U+10FFFF", `"name": "示例省"`, "\"name\": \"\xf4\x90\x80\x80\""},
		{"Latin-1 in a note", `"note": "retroactive"}`, "\"note\": \"r\xe9troactive\"}"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.Load(replaceOnce(t, tc.old, tc.new), standards.LoadOptions{})
			assertProblem(t, err, "", problem.InvalidUTF8)
		})
	}
	// A lone surrogate written as an escape is not a character either.
	_, err := standards.Load(replaceOnce(t, `"name": "示例省"`, `"name": "\ud800"`), standards.LoadOptions{})
	assertProblem(t, err, "", problem.Syntax)
	// A pair of escapes is one character and fine.
	s, err := standards.Load(replaceOnce(t, `"name": "示例省"`, `"name": "\ud83d\ude00"`), standards.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, "😀", s.Name())
}

// A leading UTF-8 byte-order mark is skipped; one anywhere else is a syntax error.
func TestLoadByteOrderMark(t *testing.T) {
	const bom = "\xef\xbb\xbf"
	plain := loadFixture(t)
	s, err := standards.Load([]byte(bom+fixture), standards.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, plain.Identity(), s.Identity(), "the mark is not part of the data")

	_, err = standards.Load([]byte(bom+bom+fixture), standards.LoadOptions{})
	assertProblem(t, err, "", problem.Syntax)
	_, err = standards.Load([]byte(" "+bom+fixture), standards.LoadOptions{})
	assertProblem(t, err, "", problem.Syntax)
	_, err = standards.Load([]byte(bom), standards.LoadOptions{})
	assertProblem(t, err, "", problem.Syntax)
	// Inside a string it is an ordinary character.
	s, err = standards.Load(replaceOnce(t, `"name": "示例省"`, "\"name\": \""+bom+"示例省\""), standards.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, bom+"示例省", s.Name())
}

func TestLoadAllowOutOfRange(t *testing.T) {
	b := mutate(t, func(m map[string]any) {
		obj(firstValue(m, "edge_bands"), "value", 0)["multiple"] = "2.5"
		firstValue(m, "supplement_rate")["value"] = "0.1"
	})
	_, err := standards.Load(b, standards.LoadOptions{})
	pe := problemsOf(t, err)
	assert.Len(t, pe.Problems, 2, "%v", err)
	assert.Equal(t, []problem.Code{problem.OutOfRange, problem.OutOfRange}, pe.Codes())

	s, err := standards.Load(b, standards.LoadOptions{AllowOutOfRange: true})
	require.NoError(t, err)
	assert.True(t, s.AllowsOutOfRange())
	v, err := standards.Lookup(s, standards.ParamEdgeBands, q("230202", "2023-01-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustRate("2.5"), v.V[0].Multiple)
	rate, err := standards.Lookup(s, standards.ParamSupplementRate, q("230202", "2023-01-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustRate("0.1"), rate.V)
}

func TestLoadReportsEveryProblemAtOnce(t *testing.T) {
	b := mutate(t, func(m map[string]any) {
		m["colour"] = "red"
		obj(m, "parameters", "dibao_standard", 0, "values", 0)["value"] = "-1"
		firstValue(m, "supplement_rate")["value"] = "0.1"
		obj(m, "parameters", "tier_table", 0, "values", 0, "value", "tiers", 2)["amount"] = "507"
		firstValue(m, "gradual_exit_max_months")["from"] = "2021-13-01"
	})
	_, err := standards.Load(b, standards.LoadOptions{})
	pe := problemsOf(t, err)
	// Decoding problems and semantic problems come in one report.
	assert.True(t, pe.Has("colour", problem.UnknownField), "%v", err)
	assert.True(t, pe.Has("parameters.gradual_exit_max_months[0].values[0].from", problem.BadDate), "%v", err)
	assert.True(t, pe.Has("parameters.dibao_standard[0].values[0].value", problem.Negative), "%v", err)
	assert.True(t, pe.Has("parameters.supplement_rate[0].values[0].value", problem.OutOfRange), "%v", err)
	assert.True(t, pe.Has("parameters.tier_table[0].values[0].value.tiers[2].amount", problem.EqualAmounts), "%v", err)
	assert.Len(t, pe.Problems, 5, "%v", err)
	assert.Contains(t, err.Error(), "5 problems in the standards")
	assert.Contains(t, pe.Text(language.Chinese), "标准文件中有 5 个问题")
	for _, p := range pe.Problems {
		assert.NotEmpty(t, p.Message.ZH, p.Path)
		assert.NotEmpty(t, p.Message.EN, p.Path)
		assert.NotEqual(t, p.Message.ZH, p.Message.EN, p.Path)
	}
}

// A hostile file cannot make the report huge: past the bound, problems are counted.
func TestLoadTooManyProblems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"format": "dibao-standards/1", "name": "x", "jurisdiction": "230000", "complete_through": "2023-12-31",
	  "divisions": [{"code": "230000", "name": "黑龙江省"}], "sources": {}, "parameters": {}`)
	for i := 0; i < 500; i++ {
		b.WriteString(`, "f` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + string(rune('a'+i/26)) + `": 1`)
	}
	b.WriteString("}")
	_, err := standards.Load([]byte(b.String()), standards.LoadOptions{})
	pe := problemsOf(t, err)
	last := pe.Problems[len(pe.Problems)-1]
	assert.Equal(t, problem.TooMany, last.Code)
	assert.LessOrEqual(t, len(pe.Problems), 201)
}

func TestLoadSyntaxAndSize(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		code     problem.Code
	}{
		{"empty", "", problem.Syntax},
		{"only spaces", "  \n", problem.Syntax},
		{"not JSON", "{", problem.Syntax},
		{"trailing", `{"format":"dibao-standards/1"} {}`, problem.Syntax},
		{"trailing comma", `{"format":"dibao-standards/1",}`, problem.Syntax},
		{"comment", `{"format":"dibao-standards/1" /* x */}`, problem.Syntax},
		{"single quotes", `{'format':'dibao-standards/1'}`, problem.Syntax},
		{"NaN", `{"format": NaN}`, problem.Syntax},
		{"leading zero", `{"format": 01}`, problem.Syntax},
		{"control character in a string", "{\"format\": \"a\tb\"}", problem.Syntax},
		{"array", `[]`, problem.Type},
		{"string", `"dibao-standards/1"`, problem.Type},
		{"null", `null`, problem.Type},
		{"too deep", strings.Repeat("[", 65) + strings.Repeat("]", 65), problem.TooDeep},
		{"too deep in an object", `{"colour": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`, problem.TooDeep},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := standards.Load([]byte(tc.in), standards.LoadOptions{})
			require.ErrorIs(t, err, standards.ErrInvalidStandards)
			assertProblem(t, err, "", tc.code)
		})
	}
	big := make([]byte, standards.MaxFileSize+1)
	_, err := standards.Load(big, standards.LoadOptions{})
	assertProblem(t, err, "", problem.TooLarge)
	// Exactly the limit is read (and then refused for what it holds, not its size).
	exact := bytes.Repeat([]byte(" "), standards.MaxFileSize)
	_, err = standards.Load(exact, standards.LoadOptions{})
	pe := problemsOf(t, err)
	assert.NotContains(t, pe.Codes(), problem.TooLarge)
}

func TestLoadDivisionsTwice(t *testing.T) {
	divs, err := standards.NewDivisions([]standards.Division{{Region: r("230000"), Name: "黑龙江省"}})
	require.NoError(t, err)
	_, err = standards.Load([]byte(fixture), standards.LoadOptions{Divisions: divs})
	assertProblem(t, err, "divisions", problem.Duplicate)
}

func TestLoadWithoutDivisions(t *testing.T) {
	// The fixture's text without its register, so that nothing else moves.
	i, j := strings.Index(fixture, `"divisions": [`), strings.Index(fixture, `"sources": {`)
	require.True(t, i > 0 && j > i)
	b := []byte(fixture[:i] + fixture[j:])
	_, err := standards.Load(b, standards.LoadOptions{})
	assertProblem(t, err, "divisions", problem.Required)

	// The register may come from the caller instead.
	full := loadFixture(t)
	s, err := standards.Load(b, standards.LoadOptions{Divisions: full.Divisions()})
	require.NoError(t, err)
	assert.Equal(t, full.Identity(), s.Identity(), "the same data with the same register")
	v, err := standards.Lookup(s, standards.ParamDibaoStandard, qa("230102", standards.AreaUrban, "2023-06-01"))
	require.NoError(t, err)
	assert.Equal(t, money.MustParse("850"), v.V)
}

func TestLoadReader(t *testing.T) {
	s, err := standards.LoadReader(strings.NewReader(fixture), standards.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, loadFixture(t).Identity(), s.Identity())

	_, err = standards.LoadReader(failingReader{}, standards.LoadOptions{})
	require.Error(t, err)
	assert.False(t, errors.Is(err, standards.ErrInvalidStandards), "a reader's failure is not a problem with the file")
	assert.Contains(t, err.Error(), "disk on fire")

	_, err = standards.LoadReader(bytes.NewReader(make([]byte, standards.MaxFileSize+1)), standards.LoadOptions{})
	assertProblem(t, err, "", problem.TooLarge)
}

func TestReadAtMost(t *testing.T) {
	for _, tc := range []struct {
		n     int
		limit int64
		ok    bool
	}{
		{0, 0, true}, {10, 10, true}, {11, 10, false}, {9, 10, true},
	} {
		b, err := standards.ReadAtMost(bytes.NewReader(make([]byte, tc.n)), tc.limit)
		if tc.ok {
			require.NoError(t, err)
			assert.Len(t, b, tc.n)
		} else {
			assertProblem(t, err, "", problem.TooLarge)
		}
	}
	// It stops reading at limit + 1.
	cr := &countingReader{}
	_, err := standards.ReadAtMost(cr, 100)
	require.Error(t, err)
	assert.LessOrEqual(t, cr.n, 101+512, "read %d bytes of an endless reader", cr.n)
}

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

// countingReader is an endless reader of zeros that counts what it gives.
type countingReader struct{ n int }

func (c *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 0
	}
	c.n += len(p)
	return len(p), nil
}

// Identity is "sha256:" and 64 hex digits of the canonical form: the same
// for two loads of the same data however written, different for different
// data.
func TestIdentity(t *testing.T) {
	a := loadFixture(t)
	b := loadFixture(t)
	assert.Regexp(t, regexp.MustCompile(`^sha256:[0-9a-f]{64}$`), a.Identity())
	assert.Equal(t, a.Identity(), b.Identity())

	// The same data with other whitespace and another field order within objects.
	reordered := replaceOnce(t, `{"from": "2022-01-01", "source": "harbin-2023", "value": "835"}`,
		"{\n\t\"value\": \"835\",   \"source\": \"harbin-2023\",\n\"from\": \"2022-01-01\"}")
	c, err := standards.Load(reordered, standards.LoadOptions{})
	require.NoError(t, err)
	assert.Equal(t, a.Identity(), c.Identity())

	// One value changed by one fen.
	changed, err := standards.Load(replaceOnce(t, `"value": "835"`, `"value": "835.01"`), standards.LoadOptions{})
	require.NoError(t, err)
	assert.NotEqual(t, a.Identity(), changed.Identity())
	// A note changed.
	noted, err := standards.Load(replaceOnce(t, `"note": "retroactive"}`, `"note": "retroactive."}`), standards.LoadOptions{})
	require.NoError(t, err)
	assert.NotEqual(t, a.Identity(), noted.Identity())

	// A derived Set has its own identity; the original keeps its own.
	derived, err := a.Apply(standards.Reform{Name: "r", From: d("2024-01-01"),
		Changes: []standards.Change{standards.ChangeTo(standards.ParamElderlyAge, 65)}})
	require.NoError(t, err)
	assert.Regexp(t, regexp.MustCompile(`^sha256:[0-9a-f]{64}$`), derived.Identity())
	assert.NotEqual(t, a.Identity(), derived.Identity())
	assert.Equal(t, b.Identity(), a.Identity())
}

// The key catalogue: unique names, both languages, a documentation line.
func TestKeys(t *testing.T) {
	keys := standards.Keys()
	require.NotEmpty(t, keys)
	seen := map[string]bool{}
	han := regexp.MustCompile(`\p{Han}`)
	for _, k := range keys {
		name := k.Name()
		assert.False(t, seen[name], "%s listed twice", name)
		seen[name] = true
		assert.Regexp(t, `^[a-z0-9_]+(\.[a-z0-9_]+)?$`, name)
		zh, en := k.Label(language.Chinese), k.Label(language.English)
		assert.NotEmpty(t, zh, name)
		assert.NotEmpty(t, en, name)
		assert.NotEqual(t, zh, en, "%s has no Chinese label", name)
		assert.Regexp(t, han, zh, "%s: the Chinese label is Chinese", name)
		assert.NotRegexp(t, han, en, "%s: the English label has no Chinese characters", name)
		assert.Equal(t, zh, k.Label(language.SimplifiedChinese), name)
		assert.Equal(t, en, k.Label(language.French), "%s: another language falls back to English", name)
		assert.NotEmpty(t, strings.TrimSpace(k.Doc()), name)
		assert.NotContains(t, k.Doc(), "\n", "%s: one line", name)
		back, ok := standards.KeyByName(name)
		require.True(t, ok, name)
		assert.Equal(t, k, back, name)
	}
	_, ok := standards.KeyByName("dibao_standrad")
	assert.False(t, ok)
	_, ok = standards.KeyByName("")
	assert.False(t, ok)

	// The area-split parameters are exactly the 低保 standard, its guidance and 特困 support.
	var split []string
	for _, k := range keys {
		if k.AreaSplit() {
			split = append(split, k.Name())
		}
	}
	assert.ElementsMatch(t, []string{"dibao_standard", "dibao_guidance", "tekun_support"}, split)

	// Rounding points come last, each named rounding.<point>.
	points := standards.RoundingPoints()
	require.Len(t, points, 9)
	for _, p := range points {
		assert.Equal(t, "rounding."+p.Point(), p.Name())
	}
	for _, k := range keys[len(keys)-len(points):] {
		assert.True(t, strings.HasPrefix(k.Name(), "rounding."), k.Name())
	}
	zh, en := standards.ParamDibaoStandard.Names()
	assert.Equal(t, "低保标准", zh)
	assert.Equal(t, "dibao standard", en)
	assert.Equal(t, "dibao_standard", standards.ParamDibaoStandard.String())
}
