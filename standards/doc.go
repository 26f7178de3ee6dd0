// Package standards holds the dated, sourced, per-jurisdiction parameters of
// China's minimum living guarantee (最低生活保障, 低保) as Heilongjiang's plan
// 黑民规〔2021〕11号 uses them: the 低保 standard, edge-household multiples,
// supplements, tier tables, the minimum wage and its region → tier map, 特困
// support, price linkage, temporary assistance, property limits, excluded
// income kinds and rounding rules.
//
// The package holds no data of its own. A program loads a standards file
// (Load) or uses an embedded one, such as package
// github.com/dibao-go/dibao/standards/heilongjiang.
//
// # Data model
//
// A Set is a validated, immutable collection for one jurisdiction (usually a
// province). It holds:
//
//   - a division register (Divisions): six-digit codes (Region) with names;
//     a code's structure gives its parent chain county → prefecture →
//     province;
//   - sources (Source): documents with their reliability;
//   - for each parameter (Param), series: the history of the parameter's
//     value for a group of regions and an area class. Each value in a series
//     has an effective-from date, an optional last day, an optional
//     publication date, a source reference, a clause and a note.
//
// A lookup (Query) names a region, an area class, a date and, optionally, the
// date "as known on". It walks the region's chain from the region itself up
// to the province; at each level it tries a series for the asked area class,
// then an unsplit one; the first series with a value in force answers. So a
// province-wide rule (the 1.5× edge multiple) serves every county unless a
// prefecture (Harbin's 1.2× and 1.5× bands) or county sets its own.
//
// Every lookup returns a Value: the typed value V and its Provenance (the
// parameter, the region and area of the series that answered, dates, source,
// clause, note, and a Stale mark). Typed methods exist for each parameter
// (DibaoStandard, EdgeBands, MinimumWage, Rounding, …); Lookup returns any
// parameter untyped, for listings.
//
// Parameters that no source settles are simply absent from a file: looking
// one up is a *LookupError, never a silent default.
//
// # Dates
//
// Dates are calendar dates in China (Date), passed by the caller: nothing in
// the package reads the clock. A value is in force from its "from" date
// through its "until" date (inclusive) or, when "until" is absent, until the
// next value of its series takes over. Values of a series must be strictly
// ordered and may not leave gaps or overlap.
//
// Publication dates matter for as-of lookups. Harbin's 2023 standards
// (哈民政规〔2023〕6号) were issued on 2023-11-03 but apply from 2023-01-01; a
// Query for 2023-06-01 with KnownOn 2023-10-01 returns the 2022 figures (as
// computed at the time), and with KnownOn 2023-12-01 the 2023 figures (the
// basis of back-pay). A value whose source gives no publication date is taken
// as published on its effective date, and Provenance.PublishedGiven says so.
//
// A Set declares the date through which its data is known complete (and a
// series may declare its own). A lookup for a later date still answers with
// the latest value, marked Stale.
//
// # Sources and reliability
//
// Each value refers to a declared source. A source has a document number or
// name, optional title, issuer and URL, and a Reliability: official (a
// government site or its mirror), press (an official media reprint) or
// secondary (an aggregator: a lead, not proof). Values a Reform introduces
// have reliability simulation.
//
// # Rounding
//
// Amounts are exact decimals (github.com/shopspring/decimal). Rounding is data:
// each RoundingPoint (payment total, per-capita display, price subsidy, …) is
// a parameter of its own holding a RoundingRule — a unit (fen, jiao, yuan)
// and a mode (half_up = 四舍五入, half away from zero; up; down; half_even).
// A point the Set does not declare cannot be looked up, so no computation
// rounds by an assumed rule.
//
// # Errors
//
// Bad input is an error; a lookup the data does not cover is an error.
//
//   - Load and Apply return a *LoadError (wrapping ErrInvalidStandards) that
//     lists every Problem at once, each with a JSON path and a stable
//     ProblemCode.
//   - Lookups return a *LookupError (wrapping ErrNotCovered) that names the
//     parameter, region, area and date, says what the data does cover, and
//     points to Load for supplying one's own file; a *RegionError (wrapping
//     ErrUnknownRegion) for a code the register does not hold;
//     ErrAreaRequired for an area-split parameter asked without an area;
//     ErrPlaceTooCoarse for a minimum wage asked for a non-county place.
//   - ParseDate and ParseRegion return errors wrapping ErrInvalidDate and
//     ErrInvalidRegion.
//
// Values outside the policy's range (an edge multiple above 2, a supplement
// rate under 15 %, fewer than five tiers, a gradual exit over 12 months, …)
// are refused with CodeOutOfRange unless LoadOptions.AllowOutOfRange (or
// Reform.AllowOutOfRange) is set for a reform simulation. Values outside any
// sensible range (negative amounts, more than two decimal places on an
// amount, a multiple of 50) are always refused. No input makes Load panic.
//
// # JSON format
//
// A standards file is one JSON object. Decimals are strings ("850",
// "0.15"); counts are numbers; dates are "YYYY-MM-DD"; unknown fields are
// errors. A complete example:
//
//	{
//	  "format": "dibao-standards/1",
//	  "name": "示例省",
//	  "jurisdiction": "230000",
//	  "complete_through": "2023-12-31",
//	  "divisions": [
//	    {"code": "230000", "name": "黑龙江省"},
//	    {"code": "230100", "name": "哈尔滨市", "parent": "230000"},
//	    {"code": "230102", "name": "道里区", "parent": "230100"}
//	  ],
//	  "sources": {
//	    "hlj-2021-11": {"document": "黑民规〔2021〕11号", "short": "HLJ-2021-11", "reliability": "official"},
//	    "harbin-2023": {"document": "哈民政规〔2023〕6号", "issuer": "哈尔滨市民政局",
//	                    "url": "", "reliability": "official", "note": "retroactive"}
//	  },
//	  "parameters": {
//	    "dibao_standard": [
//	      {"regions": ["230102"], "area": "urban", "values": [
//	        {"from": "2022-01-01", "source": "harbin-2023", "value": "835"},
//	        {"from": "2023-01-01", "published": "2023-11-03", "source": "harbin-2023", "value": "850"}
//	      ]}
//	    ],
//	    "edge_bands": [{"regions": ["230000"], "values": [{"from": "2021-01-01",
//	      "source": "hlj-2021-11", "clause": "四（一）",
//	      "value": [{"code": "edge", "multiple": "1.5", "name": "低保边缘家庭"},
//	                {"code": "urban_edge_hardship", "multiple": "1.2", "area": "urban"}]}]}],
//	    "supplement_rate": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "0.15"}]}],
//	    "supplement_categories": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	      "value": ["severe_disability", "serious_illness", "elderly", "minor", "martyr_family", "returned_veteran"]}]}],
//	    "supplement_stacking": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "highest"}]}],
//	    "elderly_age": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 60}]}],
//	    "tier_table": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": {
//	      "tiers": [
//	        {"from": "0", "from_inclusive": true, "to": "77", "to_inclusive": true, "amount": "640"},
//	        {"from": "77", "to": "200", "to_inclusive": true, "amount": "507"},
//	        {"from": "200", "to": "312.5", "to_inclusive": true, "amount": "384"},
//	        {"from": "312.5", "to": "412", "to_inclusive": true, "amount": "272"},
//	        {"from": "412", "to": "640", "amount": "174"}],
//	      "placements": [{"category": "severe_disability", "tier": 1}]}}]}],
//	    "gradual_exit_max_months": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 12}]}],
//	    "employment_deduction_months": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 2}]}],
//	    "minimum_wage": [{"regions": ["230000"], "values": [{"from": "2024-05-01", "source": "hlj-2021-11",
//	      "value": {"tiers": [{"tier": 1, "monthly": "2080", "hourly": "19"}, {"tier": 2, "monthly": "1850"}, {"tier": 3, "monthly": "1750"}]}}]}],
//	    "minimum_wage_tier": [
//	      {"regions": ["230000"], "values": [{"from": "2024-05-01", "source": "hlj-2021-11", "value": 3}]},
//	      {"regions": ["230102"], "values": [{"from": "2024-05-01", "source": "hlj-2021-11", "value": 1}]}],
//	    "caregiver_income_factor": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "0.5"}]}],
//	    "price_linkage": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	      "value": {"cpi_trigger": "0.035", "food_cpi_trigger": "0.06", "covered": ["dibao", "tekun"], "floor": "10"}}]}],
//	    "tekun_basic_factor": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": "1.3"}]}],
//	    "tekun_support": [{"regions": ["230102"], "area": "urban", "values": [{"from": "2023-01-01", "source": "harbin-2023",
//	      "value": {"basic": "1105", "self_care": "1066", "partial_care": "1116", "full_care": "1166"}}]}],
//	    "temporary_assistance_caps": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	      "value": [{"hardship": "illness", "multiple": "10", "per_member": false}]}]}],
//	    "temporary_assistance_max_instalments": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": 6}]}],
//	    "property_limits": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	      "value": {"dibao": {"financial_assets_months": "24", "max_dwellings": 1, "vehicles_allowed": false}}}]}],
//	    "excluded_income_kinds": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "until": "2025-12-31",
//	      "source": "hlj-2021-11", "value": ["scholarship", "resident_pension_basic"]}]}],
//	    "rigid_expenditure_deduction": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11", "value": false}]}],
//	    "severe_grade3_categories": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	      "value": ["intellectual", "psychiatric"]}]}],
//	    "monitoring": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	      "value": {"near_threshold": "1.2", "sharp_drop": "0.3", "rigid_share": "0.6"}}]}],
//	    "rounding": {
//	      "price_subsidy": [{"regions": ["230000"], "values": [{"from": "2021-01-01", "source": "hlj-2021-11",
//	        "value": {"unit": "yuan", "mode": "half_up"}}]}]
//	    }
//	  }
//	}
//
// Fields:
//
//   - format: "dibao-standards/1". name, jurisdiction (a division code) and
//     complete_through are required.
//   - divisions: the register, as {code, name, parent}; optional when the
//     caller passes LoadOptions.Divisions (not both).
//   - sources: id → {document (required), short (an English short name for
//     citations), title, issuer, url, reliability
//     (required: official, press, secondary or simulation), note}. Ids are 1–64
//     characters of a-z 0-9 . _ : -.
//   - parameters: parameter name → list of series. rounding holds one entry
//     per rounding point, each a list of series.
//   - a series: regions (codes of the register, within the jurisdiction; a
//     region may appear in one series per parameter and area class), area
//     ("urban", "rural", or absent; required for dibao_standard and
//     tekun_support), complete_through (optional), values.
//   - a value: from (required), until (optional, inclusive; allowed where
//     the next value starts the day after, or on the last value), published
//     (optional), source (a declared id), clause, note, value.
//
// The "value" of each parameter, with the policy's range (refused unless out-of-range
// values are allowed) and the hard limits (always refused):
//
//	dibao_standard            "850"                 amount > 0, ≤ 2 decimals
//	edge_bands                [{code, multiple, area?, name?}]   multiple (1, 2]; hard (1, 10]
//	supplement_rate           "0.15"                [0.15, 1]; hard [0, 10]
//	supplement_categories     ["severe_disability", "serious_illness", "elderly", "minor", "martyr_family", "returned_veteran"]
//	supplement_stacking       "highest" | "sum"
//	elderly_age               60                    [60, 100]; hard [0, 130]
//	tier_table                {tiers: [{from, from_inclusive, to, to_inclusive, amount}], placements: [{category, tier}]}
//	                          ≥ 5 tiers; from 0 inclusive; contiguous, no gap or overlap at any edge;
//	                          amounts strictly decreasing (R6: not averaged)
//	gradual_exit_max_months   12                    [1, 12]; hard [0, 120]
//	employment_deduction_months 2                   exactly 2; hard [0, 12]
//	minimum_wage              {tiers: [{tier, monthly, hourly?}]}  tiers 1, 2, … with falling monthly amounts
//	minimum_wage_tier         1                     a tier of the minimum_wage table in force; every
//	                          county-level division must resolve to a tier on every change date
//	caregiver_income_factor   "0.5"                 [0, 1]
//	price_linkage             {cpi_trigger, food_cpi_trigger, covered, floor?}  triggers (0, 0.035] and (0, 0.06]
//	tekun_basic_factor        "1.3"                 [1.3, 3]; hard [1, 10]
//	tekun_support             {basic, self_care, partial_care, full_care}  amounts; care not falling with need
//	temporary_assistance_caps [{hardship, multiple, per_member}]  multiple (0, 1000]
//	temporary_assistance_max_instalments 6          [1, 6]; hard [1, 60]
//	property_limits           {dibao?, edge?, tekun?: {financial_assets_months, max_dwellings, vehicles_allowed}}
//	excluded_income_kinds     ["special_care_pension", "family_planning_award", "scholarship",
//	                           "heroism_award", "social_assistance", "resident_pension_basic", …]
//	rigid_expenditure_deduction true | false        deduct rigid expenditure before the 低保 test
//	severe_grade3_categories  ["intellectual", "psychiatric"]  grade 3 of these counts as severe (R3)
//	monitoring                {near_threshold?, sharp_drop?, rigid_share?}  (1, 3], (0, 1], (0, 1]
//	rounding.<point>          {unit: fen|jiao|yuan, mode: half_up|up|down|half_even}
//
// Save writes a Set back in this format; Load(Save(s)) holds the same values.
//
// # Reform overlays
//
// Apply derives a new Set in which some parameters take new values from a
// date — for researchers' what-if runs. The original Set is unchanged, and the
// new one is validated like a loaded file.
package standards
