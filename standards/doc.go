// Package standards holds the dated, sourced, per-jurisdiction parameters of
// China's minimum living guarantee (最低生活保障, 低保) as Heilongjiang's plan
// 黑民规〔2021〕11号 uses them: the 低保 standard, edge-household multiples,
// supplements, tier tables, the minimum wage and its region → tier map, 特困
// support, price linkage, temporary assistance, property limits, excluded
// income kinds and rounding rules.
//
// The package holds no data of its own. A program loads a standards file
// (Load) or uses an embedded one, such as package
// github.com/dibao-go/dibao/standards/heilongjiang, the way time/tzdata
// carries the time-zone database.
//
// # Data model
//
// A Set is a validated, immutable collection for one jurisdiction (a
// province). It holds a division register (Divisions: six-digit Region
// codes whose structure gives the chain county → prefecture → province),
// sources (documents with their Reliability), and for each parameter its
// series: the history of the parameter's value for a group of regions and an
// area class. Each value has an effective-from date, an optional last day,
// an optional publication date, a source, a clause and a note.
//
// Each parameter is a typed key, Key[T], declared once with its JSON form,
// its ranges, its names in Chinese and English and its documentation line
// (the keys_*.go files, one per family). One generic function reads any of
// them:
//
//	v, err := standards.Lookup(set, standards.ParamDibaoStandard, standards.Query{
//		Region: standards.MustRegion("230102"), Area: standards.AreaUrban,
//		Date:   standards.MustParseDate("2023-06-01")})
//	// v.V is a money.Amount (850); v.Provenance says where it comes from.
//
// A lookup (Query) names a region, an area class, a date and, optionally,
// the date "as known on". It walks the region's chain from the region itself
// up to the province; at each level it tries a series for the asked area
// class, then an unsplit one; the first series with a value in force
// answers. So a province-wide rule (the 1.5× edge multiple) serves every
// county unless a prefecture (Harbin's 1.2× and 1.5× bands) or county sets
// its own. Every answer carries its Provenance (the series' region and area,
// dates, source, clause, note, Stale, and ValidThrough — the last day the
// same query gives the same answer, which lets a caller compile the values
// of a date range once). A parameter the Set does not hold is a
// *LookupError wrapping ErrNotCovered, never a silent default.
//
// # Dates
//
// Dates are calendar dates in China (Date), passed by the caller: nothing
// in the package reads the clock. A value is in force from its "from" date
// through its "until" date (inclusive) or, when "until" is absent, until
// the next value of its series takes over. Publication dates matter for
// as-of lookups: Harbin's 2023 standards (哈民政规〔2023〕6号) were issued on
// 2023-11-03 but apply from 2023-01-01, so a Query for 2023-06-01 known on
// 2023-10-01 returns the 2022 figures, and known on 2023-12-01 the 2023
// ones (the basis of back-pay). A Set declares the date through which its
// data is known complete; a lookup after it answers with the latest value,
// marked Stale.
//
// # Sources and reliability
//
// Each value refers to a declared source whose Reliability is official (a
// government site or its mirror), press (an official media reprint),
// secondary (an aggregator: a lead, not proof), assumed (no source settles
// the value but a decision cannot be made without it; its note says why),
// local (an agency's own settings) or simulation (a reform's what-if value).
// Assumed values are marked wherever they are used.
//
// # Rounding
//
// Amounts are exact (package money). Rounding is data: each rounding point
// (payment, supplement, per-capita display, price subsidy, …) is a key of
// its own holding a money.Rule — a unit (fen, jiao, yuan) and a mode
// (half_up = 四舍五入, half away from zero; up; down; half_even). A point the
// Set does not declare cannot be looked up, so no computation rounds by a
// rule nobody stated.
//
// # Errors
//
// Load, Merge and Apply return every problem at once as a *problem.Error,
// each with its JSON path and a stable code (problem.Codes lists them).
// Values outside the policy's range (an edge multiple above 2, a supplement
// rate under 15 %, fewer than five tiers, …) are refused with out_of_range
// unless LoadOptions.AllowOutOfRange (or Reform.AllowOutOfRange) is set for
// a reform simulation; values outside any sensible range (negative amounts,
// a multiple of 50) are always refused (insane). Duplicate keys and invalid
// UTF-8 are refused; a leading byte-order mark is skipped. No input makes
// Load panic.
//
// Loading runs in O(n log n) in the size of the file: values and series are
// checked once each, series are indexed by region and area, and the check
// that every county resolves to a minimum-wage tier on every day merges
// each county's chain of series once per prefecture. At the 16 MiB limit a
// load takes seconds, not hours (BenchmarkLoadWorstCase).
//
// # JSON format
//
// A standards file is one JSON object. Amounts and rates are strings ("850",
// "0.15"); counts are numbers; dates are "YYYY-MM-DD"; unknown fields are
// errors. A small example:
//
//	{
//	  "format": "dibao-standards/1",
//	  "name": "示例省",
//	  "jurisdiction": "230000",
//	  "complete_through": "2023-12-31",
//	  "data_version": "2023.1",
//	  "divisions": [
//	    {"code": "230000", "name": "黑龙江省"},
//	    {"code": "230100", "name": "哈尔滨市", "parent": "230000"},
//	    {"code": "230102", "name": "道里区", "parent": "230100"}
//	  ],
//	  "sources": {
//	    "hlj-2021-11": {"document": "黑民规〔2021〕11号", "short": "HLJ-2021-11", "reliability": "official"},
//	    "harbin-2023": {"document": "哈民政规〔2023〕6号", "issuer": "哈尔滨市民政局", "reliability": "official"}
//	  },
//	  "parameters": {
//	    "dibao_standard": [
//	      {"regions": ["230102"], "area": "urban", "values": [
//	        {"from": "2022-01-01", "source": "harbin-2023", "value": "835"},
//	        {"from": "2023-01-01", "published": "2023-11-03", "source": "harbin-2023", "value": "850"}
//	      ]}
//	    ],
//	    "edge_bands": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	      "clause": "四（一）", "value": [{"code": "edge", "multiple": "1.5", "name": "低保边缘家庭"}]}]}],
//	    "rounding": {
//	      "payment_total": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	        "value": {"unit": "fen", "mode": "half_up"}}]}]
//	    }
//	  }
//	}
//
// Fields:
//
//   - format: "dibao-standards/1"; name, jurisdiction (a division code) and
//     complete_through are required; data_version is optional.
//   - divisions: the register, as {code, name, parent}; optional when the
//     caller passes LoadOptions.Divisions (not both).
//   - sources: id → {document (required), short (an English short name for
//     citations), title, issuer, url, reliability (required), note}. Ids are
//     1–64 characters of a-z 0-9 . _ : -.
//   - parameters: parameter name → list of series; "rounding" holds one
//     entry per rounding point, each a list of series.
//   - a series: regions (codes of the register, within the jurisdiction; a
//     region may appear in one series per parameter and area class), area
//     ("urban", "rural", or absent; required for the area-split
//     parameters), complete_through (optional), values.
//   - a value: from (required), until (optional, inclusive), published
//     (optional), source (a declared id, required), clause, note, value.
//
// The parameters, with the form and range of "value" (generated from the
// keys by go generate; a test keeps it current):
//
//	dibao_guidance (by area)                   "710"  yuan per person per month, by area class; > 0, two decimals; a floor for dibao_standard
//	dibao_standard (by area)                   "850"  yuan per person per month, by area class; > 0, two decimals
//	edge_bands                                 [{code, multiple, area?, name?, name_en?}]  multiple (1, 2], four decimals; hard (1, 10]
//	monitoring                                 {near_threshold?, sharp_drop?, rigid_share?}  (1, 3], (0, 1], (0, 1]; four decimals
//	property_limits                            {dibao?, edge?, tekun?: {financial_assets_months, max_dwellings, vehicles_allowed}}  months [0, 1200]
//	rigid_expenditure_deduction                true | false  deduct rigid expenditure before the dibao test
//	severe_grade3_categories                   ["intellectual", "psychiatric"]  of visual hearing speech physical intellectual psychiatric multiple
//	shared_property                            "equal_shares" | "whole"
//	caregiver_income_factor                    "0.5"  [0, 1], two decimals
//	employment_deduction_months                2  exactly 2 (R13); hard [0, 12]
//	excluded_income_kinds                      ["special_care_pension", "scholarship", …]  income kinds
//	minimum_wage                               {tiers: [{tier, monthly, hourly?}]}  tiers 1, 2, … with falling monthly amounts
//	minimum_wage_tier                          1  a tier of the minimum_wage table in force; every county-level division must resolve to one on every date
//	elderly_age                                60  [60, 100]; hard [0, 130]
//	supplement_age_groups                      [{name, name_en?, min_age?, max_age?, of?, rate}]  people aged min_age to max_age (inclusive; max_age 0: no bound), within the categories "of" lists when it does, receive rate × the standard; they count as a category for the stacking rule
//	supplement_categories                      ["severe_disability", "serious_illness", "elderly", "minor", "martyr_family", "returned_veteran"]
//	supplement_rate                            "0.15"  [0.15, 1], four decimals; hard [0, 10]
//	supplement_rates                           [{category, rate}]  a rate of its own for a listed supplement category, [0.15, 1], four decimals; each category once
//	supplement_stacking                        "highest" | "sum"
//	gradual_exit_max_months                    12  [1, 12]; hard [0, 120]
//	minimum_gap_share                          "0.2"  (0, 1], four decimals: a gap below share × the line is paid as that
//	payment_method                             "gap" | "tiered"
//	tier_table                                 {tiers: [{from, from_inclusive, to, to_inclusive, amount}], placements: [{category, tier}]}  ≥ 5 tiers from 0 inclusive, contiguous, amounts strictly falling (R6: not averaged); it must reach the dibao standard in force
//	no_labour_age_from                         60  exactly 60; hard [0, 130]
//	no_labour_age_under                        16  exactly 16; hard [0, 130]
//	tekun_basic_factor                         "1.3"  [1.3, 3], four decimals; hard [1, 10]
//	tekun_gradual_exit                         true | false  a tekun household that no longer qualifies gets a gradual exit
//	tekun_guidance                             {basic_factor, self_care_divisor, partial_care_divisor, full_care_divisor}  "1.3", 10, 6, 4; factor [1, 3], divisors [1, 100]
//	tekun_mixed_household                      "separate" | "whole"
//	tekun_support (by area)                    {basic, self_care, partial_care, full_care}  amounts; care not falling with need
//	price_linkage                              {cpi_trigger, food_cpi_trigger, covered, floor?, formula?, amount?, bands?, multiplier?}  triggers (0, 0.035] and (0, 0.06], four decimals; formula "standard_rise" (standard × rise, the default) | "fixed" (amount a person) | "banded" (standard × the share of the rise's band: bands [{from, share}], ascending); multiplier (0, 10] multiplies the result (a temporary increase)
//	temporary_assistance_caps                  [{hardship, multiple, per_member}]  multiple (0, 1000], four decimals
//	temporary_assistance_max_instalments       6  [1, 6]; hard [1, 60]
//	rounding.band_threshold                    {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  an edge band's threshold per person, as a locality publishes it (1.2 × 732 = 878.4 published as 879)
//	rounding.countable_income                  {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  the household's monthly countable income, where a locality rounds it
//	rounding.instalment                        {unit: fen|jiao|yuan, mode: down}  the unit each instalment is rounded down to; the last takes the remainder
//	rounding.payment_total                     {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  a monthly payment line (gap, tier, single-person, 特困)
//	rounding.per_capita_display                {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  the per-capita income shown to people (never compared)
//	rounding.price_subsidy                     {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  one person's monthly price subsidy
//	rounding.supplement                        {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  one person's 加发 amount
//	rounding.tekun_basic                       {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  factor × standard for 特困 basic support, where shown
//	rounding.temporary_assistance              {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  an approved temporary-assistance amount
//
// Save writes a Set back in this format; Load(Save(s)) holds the same values
// and a second Save gives the same bytes. Identity is the SHA-256 of that
// form, so a decision can name exactly the standards it used.
//
// # Reforms
//
// Apply derives a new Set in which some parameters take new values from a
// date — for researchers' what-if runs. A Change names a key, its regions
// and area class, and whether it replaces only the regions' own series
// (ScopeOwn; a change no county-level lookup would see is refused as
// no_effect) or every series under them (ScopeUnder). The original Set is
// unchanged, and the new one is validated like a loaded file.
package standards

//go:generate go run ./internal/gendoc
