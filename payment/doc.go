// Package payment decides a household end to end — income (package income),
// classification (package eligibility) and the monthly payment — and keeps
// the decision as an audit-grade record.
//
//	set, _ := heilongjiang.Set()
//	d, err := payment.Decide(req, set)  // or payment.DecideJSON(data, set)
//	fmt.Println(d.Total.Display())      // the monthly total, yuan with two decimals
//	fmt.Println(d.Explain(language.Chinese))
//
// # The monthly payment
//
//   - 低保, gap (社会救助暂行办法 第十二条): the standard × the members tested
//     − their countable income, in that order and exactly (600 × 3 − 1000 =
//     800, never 3 × (600 − 333.33) = 800.01); tiered (R6): each member's
//     tier of the per-capita income, found by comparing the countable income
//     with each tier's edges × members, or the tier a category is placed in
//     when better. The Set's payment_method chooses; Request.Method
//     overrides it.
//   - Supplements (R7): rate × standard for each 低保 or 单人户 member in a
//     category (重度残疾人 incl. 1–4级伤残军人, 重病患者, 老年人 from the Set's
//     age, 未成年人, 军烈属, 在乡老复员军人), once or per category by the Set's
//     stacking rule, rounded once per person.
//   - 单人户 (R3): the standard − the member's own countable income, and the
//     member's supplement.
//   - Gradual exit (R4): the last monthly amount, continued — the
//     household's (Current.MonthlyAmount) or a 单人户 member's
//     (Current.Members[i].MonthlyAmount).
//   - 特困: the published basic support and the care amount of the member's
//     level; rural members in an equalised institution (Request.Equalised)
//     at the urban amounts (R15). Where the Set declares the basic factor and
//     a tekun_basic rounding rule, factor × standard is shown beside the
//     published amount.
//   - Price subsidy (R5), one line per covered person: the standard of the
//     month × the triggering rise (the higher if both trigger), rounded as
//     the Set declares (whole yuan, 四舍五入), at least the Set's floor. A
//     person is covered by their classification (低保, gradual exit, 单人户,
//     特困; edge households where the Set covers them) or by a group of their
//     own (income.Member.Groups: unemployment insurance, special care,
//     orphans, …), and paid once.
//   - Temporary assistance (R10), apart from the monthly total: the amount
//     requested (required; the cap is a maximum, never a default), within
//     the cap of the place where the emergency happened, in equal
//     instalments over at most the Set's number of months.
//
// Every line keeps its exact figure, the amount paid and the rounding rule
// that turned one into the other (Amount = Exact rounded by Rounding; no
// rule, no rounding: a price subsidy paid at its floor is the floor). A
// figure that is not a whole fen needs a rounding rule of the Set; without
// one the decision is refused (rounding_required), never rounded by
// assumption. The embedded data declares the rules no source settles as
// assumed values, and every line that rests on one says so.
//
// # Not monotone in income
//
// The monthly total does not always fall as income rises. At the 低保 →
// edge boundary a household stops being paid as a whole while its 单人户
// members start being paid alone: two members in 道里区 (850), one seriously
// ill with no income of her own, the other's pension 1699.99 — 低保, paid
// 1700 − 1699.99 = 0.01 and the supplement of 127.50, 127.51 in all; with a
// pension of 1700.00 the household is an edge household and the ill member
// is a 单人户, paid 850 + 127.50 = 977.50. This follows from the rules
// (四（一）); researchers simulating reforms should expect such steps.
//
// # The request's JSON form
//
// DecodeRequest reads, and EncodeRequest writes:
//
//	{
//	  "date": "2023-06-01",                 the assessment date (required)
//	  "household": { … },                   package income's form (required)
//	  "method": "gap",                      gap or tiered, over the Set's
//	  "current": {                          the standing before (default: a new application)
//	    "status": "dibao",                  not_eligible, edge, gradual_exit, dibao or tekun
//	    "since": "2022-01-01",
//	    "monthly_amount": "1000",           the last monthly payment (required in a gradual exit)
//	    "gradual_exit_end": "2024-06-30",   (required in a gradual exit)
//	    "members": [{"id": "c", "status": "single_person", "since": "…",
//	                 "monthly_amount": "877.5", "gradual_exit_end": "…"}]
//	  },
//	  "previous": {"date": "…", "countable": "2400", "seriously_ill": ["c"], "severely_disabled": []},
//	  "prices": {"month": "2023-06-01", "cpi": "0.036", "food_cpi": "0.02"},
//	  "equalised": ["e"],                   特困 members in an equalised institution (R15)
//	  "temporary": {"hardship": "illness", "place": "230102", "area": "urban",
//	                "requested": "8000", "instalments": 3, "paid_first": true},
//	  "known_on": "2023-06-01",             look standards up as known that day
//	  "explain": true
//	}
//
// Every amount and rate has a range (the household's bounds; a last
// monthly amount up to 1,000,000; a request up to 10,000,000; price rises
// from −100 % to +100 %), and every problem — in the request and in its
// household, date-dependent ones included — is reported at once, each at
// its path, in Chinese and English (*problem.Error). Duplicate keys and
// invalid UTF-8 are refused.
//
// # The decision record
//
// json.Marshal of a Decision writes the record an agency keeps, and
// DecodeDecision reads it back (Explain then renders it as when it was
// made; written again it is the same bytes):
//
//	{
//	  "format": "dibao-decision/1",
//	  "library": "dibao 0.2.0",
//	  "standards": {"name": "…", "identity": "sha256:…", "data_version": "2026-11", "complete_through": "2023-12-31"},
//	  "request": { … the request as decided … },
//	  "status": "dibao",
//	  "classification": { … eligibility's result: figures, tests, members, reasons, flags … },
//	  "method": "gap",
//	  "lines": [{"code": "gap", "member": "…", "exact": "550", "amount": "550.00",
//	             "rounding": {"unit": "fen", "mode": "half_up", "value": 1},
//	             "figures": {"standard": "850", …}, "cite": "…", "cite_en": "…"}],
//	  "total": "550.00",
//	  "temporary": {"hardship": "…", "place": "…", "cap": "…", "approved": "…", "paid_first": false, "instalments": ["…"]},
//	  "steps": [{"code": "…", "member": "…", "args": [{"name": "…", "kind": "money", "value": "…"}], "params": [0]}],
//	  "warnings": [{"code": "assumed", "param": "supplement_stacking"}],
//	  "values": [{"param": "dibao_standard", "value": "850", "region": "230102", "area": "urban",
//	              "from": "2023-01-01", "published": "2023-11-03", "source": {…}, "stale": false, …}]
//	}
//
// "values" is every standards value the record's steps and lines cite,
// once, with its provenance; they refer to it by index. With the whole
// explanation (explain) that is every value the decision used; without it,
// the values the reasons, flags and lines cite (a warning names its value
// by parameter: the standards' identity and the request find it again). Warnings name the
// assumed values used, stale values (past the data's complete-through
// date; "stale_over_a_year" when more than a year past, which a service may
// refuse: StaleOverAYear), and standards below the provincial guidance in
// force ("below_guidance").
//
// A step's argument has its kind and its exact value; a region's also its
// name ("region_name"), and a name from the standards (an edge band's, an
// age group's) its English form where the standards give one ("value_en").
//
// # Repeated decisions
//
// A Decider reuses its buffers; a Plan resolves the standards once for a
// Set, region, area class and date range; DecideCompact decides an
// income.Compact household on a plan, allocating nothing for the monthly
// payment once warm when no explanation is recorded. Plans are immutable
// and shared between goroutines; a Decider serves one goroutine at a time.
package payment
