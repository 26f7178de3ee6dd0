// Package payment computes the monthly payment of a classified household and
// gives one end-to-end call from a household to a complete decision:
// classification (package eligibility), payment lines, total and
// explanation.
//
// # Rules
//
// Every amount is exact (income.Amount) until a rounding rule of the Set
// says otherwise, and each line names the rule that rounded it. An amount
// that is not a whole fen where the Set declares no rule is an error
// (ErrRoundingRequired) — nothing is rounded by assumption. No payment is
// ever negative.
//
//   - Gap payment (R6; 社会救助暂行办法 第十二条): standard × members −
//     countable income (the figure the classification tested: after any
//     rigid-expenditure deduction the Set makes, and on verified items only
//     where R11 applies), then rounded by the payment_total rule: 600 × 3 −
//     1000 = 800.00, never 3 × (600 − 333.33) = 800.01.
//   - Tiered payment (R6): the tier of the household's per-capita income
//     (found without dividing: countable income against each edge × members)
//     gives a per-person amount for every member; members of a category the
//     table places in a tier (e.g. severely disabled → tier 1) get that tier's
//     amount when it is higher. Tables have at least five tiers (standards).
//   - Supplements (R7): rate × standard for each member of a 低保 household
//     (or a 单人户 member) who is 重度残疾 (incl. 1–4级伤残军人), 重病, 老年人
//     (from the Set's age), under 18, 军烈属 or 在乡老复员军人 — once, or once
//     per category, by the Set's stacking rule; rounded by the supplement
//     rule when not a whole fen.
//   - 单人户 (R3): standard − the member's own countable income, plus the
//     member's supplement.
//   - Gradual exit (R4): the last monthly amount continues through the end
//     date; nothing after it. (No source describes another rule, so the Set
//     has no parameter for it yet.)
//   - Price subsidy (R5): when the month's CPI or food-CPI rise reaches the
//     Set's trigger, each covered person gets standard × the triggering rise
//     (the higher if both), rounded by the price_subsidy rule (whole yuan,
//     四舍五入 — half away from zero), at least the Set's floor. A month with
//     no trigger pays nothing.
//   - 特困: the Set's published basic amount plus the care amount of the
//     member's level; a rural member in an equalised institution (R15) is
//     paid the urban amounts. When the Set declares a tekun_basic rounding
//     rule, factor × standard rounded by it is shown beside the published
//     amount (483 × 1.3 = 627.9 → 628 up).
//   - Temporary assistance (R10): the cap is the Set's multiple for the
//     hardship × the monthly standard of the place of the emergency (×
//     members where the Set says so); the approved amount is the request
//     within the cap; it is paid in equal instalments rounded down to the
//     instalment rule's unit (the fen without one), the last taking the
//     remainder, over at most the Set's maximum (6); 先行救助 is carried.
//     It is a schedule of its own, not part of the monthly Total.
//
// # Request JSON
//
//	{
//	  "household": { … the income package's household form … },
//	  "date": "2023-06-01",
//	  "method": "gap",                    // or "tiered"
//	  "current": {"status": "dibao", "since": "2022-01-01", "monthly_amount": "1234.50",
//	              "gradual_exit_end": ""},
//	  "previous": {"date": "2022-06-01", "countable": "4000", "seriously_ill": [], "severely_disabled": []},
//	  "prices": {"month": "2023-06-01", "cpi": "0.036", "food_cpi": "0.02"},
//	  "equalised": ["e"],
//	  "temporary": {"hardship": "illness", "place": "230102", "area": "urban",
//	                "requested": "9000", "instalments": 3, "paid_first": true},
//	  "explain": true,
//	  "known_on": ""
//	}
//
// Only household and date are required. An index absent from "prices" never
// triggers.
//
// # Decision JSON
//
//	{
//	  "classification": { … the eligibility package's result form … },
//	  "method": "gap",
//	  "lines": [{"code": "gap", "member": "", "exact": "1550", "amount": "1550.00",
//	             "rounding": {"unit": "fen", "mode": "half_up", "source": "…"},
//	             "cite": "社会救助暂行办法 第十二条", "cite_en": "Interim Measures on Social Assistance Art. 12",
//	             "figures": {"standard": "850", "members": "3", "line": "2550", "countable": "1000"}}],
//	  "total": "1550.00",
//	  "temporary": {"hardship": "illness", "place": "230102", "cap": "8500", "approved": "8500.00",
//	                "paid_first": true, "instalments": ["2833.33", "2833.33", "2833.34"]}
//	}
//
// Line codes: gap, tier, supplement, single_person, gradual_exit,
// price_subsidy, tekun_basic, tekun_care. "exact" is the figure before
// rounding (a fraction such as "5150/3" when not a finite decimal);
// "rounding" is null when none was applied.
package payment
