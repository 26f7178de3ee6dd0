// Package income computes a household's countable monthly income under
// Heilongjiang's plan 黑民规〔2021〕11号: the 12-month average of every item,
// the income kinds that do not count, support received and paid (R12), the
// employment-cost deduction at the minimum wage of the place of work (R13)
// and the caregiver's reduced count (R14). Every figure is exact
// (money.Amount) and, on request, explained step by step with the clause
// and the standards value it rests on.
//
// # The assessment
//
// The income window is the 12 whole months before the assessment month
// (民发〔2021〕57号: income averaged over the 12 months before the
// application month); an assessment on 2023-06-15 averages June 2022 to May
// 2023. Each item is converted to a monthly figure by its period:
//
//   - "monthly": a monthly rate, counted as it is;
//   - "annual": a figure for the 12 months, divided by 12;
//   - "total": a total received within the 12 months, divided by 12
//     whatever number of months it came in. Seasonal wages of 10,800 earned
//     in 6 of the 12 months count 900 a month, not 1,800. The optional
//     "months" (1–12) says how many months it came in; it is shown in the
//     explanation and never changes the figure.
//
// A whole number of fen divided by 12 is kept exactly (as 875/3 yuan, say);
// nothing is rounded inside the assessment. The per-capita figure is shown
// rounded only where the Set declares a display rule, and no threshold ever
// compares it: thresholds compare the exact countable income with the
// standard × the number of members.
//
// The kinds in the Set's excluded_income_kinds (优待抚恤金, scholarships,
// social-assistance money, …) are listed and left out. Support received
// counts; support paid under a court order, an agreement or an assessment
// by law is deducted (R12). A member with wage income has min(months × the
// monthly minimum wage of the place of work ÷ 12, the member's wages)
// deducted a month, months being the Set's employment-cost months (R13; the
// tier of the place of work, 务工地, not of residence). A member who cares
// for co-resident members and can work has only the Set's caregiver factor
// of labour income counted (R14), or a caseworker's case-level factor; the
// factor applies to the labour income after the employment-cost deduction
// ((wages − deduction) × factor).
// Countable income is the counted items − support paid − deductions −
// reductions, never below 0.
//
// Items marked "suspected" (疑点 from data matching) count in Countable;
// CountableVerified leaves them out. R11 forbids reducing or stopping a
// benefit on suspicions alone, and package eligibility decides which figure a
// decision may rest on.
//
// # The household's JSON form
//
// DecodeHousehold, UnmarshalJSON and the request decoders read, and
// MarshalJSON and EncodeHousehold write, this form. Names are lower case;
// amounts are JSON numbers or strings with at most two decimal places
// ("1234.56"); dates are "YYYY-MM-DD"; regions are six-digit codes. Unknown
// fields, duplicate keys, invalid UTF-8 and wrong types are refused, every
// problem at once, each at its path (members[1].incomes[0].amount):
//
//	{
//	  "region": "230102",            county-level division applied in (required)
//	  "area": "urban",               urban or rural (required)
//	  "basis": "hukou",              hukou (户籍, default) or residence (居住证, R16)
//	  "supporter": "none",           unknown (default), none, unable or able (特困)
//	  "poverty": "exited",           exited (脱贫人口) or monitored (监测对象): R1
//	  "caregiver_factor": "0.5",     case-level R14 factor, 0–1, two decimals
//	  "members": [{                  1–50 members
//	    "id": "a",                   unique, 1–64 bytes (required)
//	    "birth_date": "1980-05-01",  (required)
//	    "relation": "applicant",     applicant, spouse, child, parent, grandparent,
//	                                 grandchild, sibling or other
//	    "labour": "full",            full, partial or none
//	    "disability": {"category": "physical", "grade": 2},
//	    "serious_illness": true,     重病患者
//	    "service_disability_grade": 3, 残疾军人 grade 1–10
//	    "special_care": true,        定期抚恤的重点优抚对象
//	    "martyr_family": true,       军烈属
//	    "returned_veteran": true,    在乡老复员军人
//	    "student": true,
//	    "dependency": "semi",        none (default), semi (半失能) or full (失能)
//	    "workplace": "230103",       place of work of a wage earner (R13)
//	    "cares_for": ["b"],          IDs of members cared for (R14)
//	    "groups": ["orphan"],        price-subsidy groups of the member's own (R5):
//	                                 unemployment_insurance, special_care, orphan,
//	                                 de_facto_orphan, hiv_affected_child
//	    "incomes": [{                at most 1000 in the household
//	      "kind": "wage",            one of the kinds below
//	      "amount": "10800",         |amount| ≤ 10,000,000; only business and
//	                                 property net income may be negative
//	      "period": "total",         monthly, annual or total (required)
//	      "months": 6,               for a total: months it came in (informational)
//	      "verification": "verified", verified (default) or suspected
//	      "basis": "court_order",    support: court_order, agreement or assessed
//	      "exempt_from": "sibling",  support received: a case-level exemption under
//	                                 黑民规〔2023〕1号, from a sibling or aged_60_plus
//	      "note": "…"                at most 1000 bytes
//	    }]
//	  }],
//	  "property": [{"kind": "deposit", "value": "30000", "member": "a", "count": 1, "exempt": false}],
//	  "expenditures": [{"kind": "medical", "amount": "12000", "member": "a"}]
//	}
//
// Income kinds: wage (工资性收入), business_net (经营净收入, may be negative),
// property_net (财产净收入, may be negative), pension, unemployment_insurance,
// compensation, support_received and support_paid (赡养、抚养、扶养费,
// with their basis), special_care_pension (优待抚恤金), family_planning_award
// (计划生育奖励与扶助金), scholarship, heroism_award (见义勇为奖励),
// social_assistance (社会救助金), resident_pension_basic (城乡居民基本养老保险
// 中央基础养老金) and other. Which kinds are not counted is the Set's
// excluded_income_kinds. Property kinds: deposit, securities, insurance,
// claim, vehicle, dwelling, business. Expenditure kinds: medical,
// education, rehabilitation, disaster, accident.
//
// The period "months" of earlier versions, which divided a total by the
// number of months it came in, is refused with a message that names the
// replacement ("total").
//
// # Bounds
//
// A household has at most MaxMembers members, MaxItems income items,
// MaxProperty property items and MaxExpenditures expenditures; an item is at
// most MaxAmountYuan and the monthly items add up to at most MaxMonthlyYuan.
// These lie far above real households and keep every sum within money's
// range, so no figure of an assessment can overflow (TestSumsAtTheBounds
// proves it at the bound). A JSON document is at most MaxHouseholdSize
// bytes. Validation is linear in the household.
//
// # Errors
//
// Bad input is a *problem.Error matching problem.ErrInvalid; a standard the
// Set lacks for what this household needs (a minimum wage for a workplace,
// say) is a *problem.Error matching problem.ErrNotCovered, naming the field
// that needed it. Both list every problem at once, in Chinese and English.
//
// # Repeated assessments
//
// Assess is the simple entry point. An Assessor reuses its buffers; a Plan
// resolves every standards value an assessment needs once for a Set, region,
// area class and date range, and AssessCompact runs on the fixed-size
// Compact form (CompactOf converts a Household), allocating nothing once
// warm when no explanation is recorded. Plans are immutable and shared
// safely between goroutines; Assessors are used by one goroutine at a time.
package income
