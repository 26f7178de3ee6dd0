// Package income holds the household model and computes a household's
// countable monthly income under 黑民规〔2021〕11号 and the national rules it
// builds on: income by kind averaged per month over the 12 months before the
// assessment month, excluded kinds, support payments (R12), the
// employment-cost deduction (R13) and the caregiver exemption (R14).
//
// # Household model
//
// A Household has the region it applies in (at its 户籍, or — R16 — where it
// lives with residence permits), an area class, and Members. A Member has an
// ID, birth date, relation to the applicant, labour capacity, disability
// category and grade (1–4; 1–2 are 重度), serious illness, disabled-serviceman
// grade (1–10), special-care, martyr's-family and returned-veteran status,
// student status, care dependency (失能 / 半失能), a place of work (a county
// code), the members they care for, and Incomes. An Income has a kind (the
// codes of standards.IncomeKind), an amount with at most two decimal places,
// a period (monthly, annual, or a total over 1–12 months), and whether it is
// verified or only a suspicion from data matching (疑点). Property and rigid
// expenditure over the last 12 months are recorded for the eligibility rules.
//
// # Countable income
//
//  1. Every item is converted to its monthly average (annual ÷ 12, a total
//     over N months ÷ N) exactly: amounts are held as Amount, a whole number
//     of 1/2,772,000 fen, so that 3500 ÷ 12 = 875/3 yuan is kept exact. Nothing
//     is rounded unless a rounding rule of the Set says so.
//  2. Items of the kinds the Set excludes (standards.ParamExcludedIncomeKinds)
//     are listed but not counted.
//  3. Support received counts; support paid is deducted (R12); each needs its
//     basis (court order, agreement, or assessed by law).
//  4. R13: for each member with wage income, the Set's deduction months (2)
//     of the minimum wage of the tier of the member's place of work, in force
//     on the assessment date, per year — months × wage ÷ 12 a month — never
//     more than the member's wage income.
//  5. R14: a member able to work who cares for a co-resident 失能/半失能
//     member or a minor has their labour income (wages after the deduction,
//     plus business income) counted at the caregiver factor: the household's
//     case-level factor if set, else the Set's.
//  6. The countable income is counted items − support paid − deductions −
//     caregiver reductions, never below zero. A second total counts verified
//     items only, for the no-sudden-stop rule (R11).
//  7. The per-capita figure is for display, rounded by the Set's
//     per-capita display rule if it declares one; thresholds compare the
//     countable income with standard × members (Amount.CmpDecimal), never
//     a divided figure.
//
// # Explanation
//
// With Options.Explain, every figure has a Step: a stable RuleID, the
// clause it rests on (黑民规〔2021〕11号 四（八）, HLJ-2021-11 §4(8)), the
// standards used with their value, effective date, source and reliability,
// and the result. Step.Text and Assessment.Explain render them in Chinese
// and English through the package's own message catalog.
//
// # Errors
//
// Bad input is an *InputError (wrapping ErrInvalidHousehold) listing every
// problem with its JSON path, e.g. members[2].incomes[0].amount: negative
// amounts where the kind cannot be negative (only business and property net
// income can), more than two decimal places, amounts beyond 10,000,000 yuan,
// unknown kinds or enum values, unknown JSON fields, birth dates after the
// assessment date, duplicate member IDs, references to unknown members, a
// caregiver caring for themselves or for a member who is neither dependent
// nor a minor, an empty household, not exactly one applicant, periods of 0 or
// more than 12 months, wage income without a place of work, support without
// a basis. Numbers are read only from plain decimal strings of at most 15
// digits each side of the point, so hostile numbers are refused before any
// arithmetic. Bounds: 50 members, 1000 income items, 1 MiB of JSON.
//
// A standard the Set does not hold is a *FieldError naming the field that
// needed it (members[0].workplace for a place of work outside the data,
// members[0].cares_for for a missing caregiver factor) and wrapping the
// standards error (standards.ErrNotCovered, standards.ErrUnknownRegion).
//
// # JSON form
//
//	{
//	  "region": "230102",                 // county-level code (required)
//	  "basis": "hukou",                   // or "residence" (R16); default hukou
//	  "area": "urban",                    // or "rural" (required)
//	  "supporter": "none",                // legal supporter outside the household: none, unable, able (for 特困)
//	  "caregiver_factor": "0.5",          // optional case-level R14 factor, [0, 1], 2 decimals
//	  "members": [
//	    {"id": "a", "birth_date": "1985-03-01",
//	     "relation": "applicant",         // applicant spouse child parent grandparent grandchild sibling other
//	     "labour": "full",                // full partial none
//	     "disability": {"category": "physical", "grade": 2},  // visual hearing speech physical intellectual psychiatric multiple
//	     "serious_illness": false, "service_disability_grade": 0, "special_care": false,
//	     "martyr_family": false, "returned_veteran": false, "student": false,
//	     "dependency": "none",            // none semi full (半失能 / 失能)
//	     "workplace": "230102",           // required with wage income
//	     "cares_for": ["c"],
//	     "incomes": [
//	       {"kind": "wage", "amount": "3000", "period": "monthly"},
//	       {"kind": "pension", "amount": "7200", "period": "months", "months": 6, "verification": "suspected"},
//	       {"kind": "support_paid", "amount": "1200", "period": "annual", "basis": "agreement", "note": "to parents"}
//	     ]}
//	  ],
//	  "property": [{"kind": "deposit", "value": "5000", "member": "a", "count": 1, "exempt": false}],
//	  "expenditures": [{"kind": "medical", "amount": "8000", "member": "a"}]
//	}
//
// (The comments are for this page only; JSON has none.) Income kinds are
// wage, business_net, property_net, pension, unemployment_insurance,
// compensation, support_received, support_paid, special_care_pension,
// family_planning_award, scholarship, heroism_award, social_assistance,
// resident_pension_basic and other; property kinds deposit, securities,
// insurance, claim, vehicle, dwelling, business; expenditure kinds medical,
// education, rehabilitation, disaster, accident. Amounts are strings.
//
// # Performance
//
// An Assessor caches the standards it looks up and reuses its buffers: with
// the explanation off it allocates nothing per household.
package income
