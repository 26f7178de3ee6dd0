// Package conformance holds the library's conformance suite: language-neutral
// JSON cases, each with exact expected figures computed by hand from the rule
// text (the arithmetic is in each case's note), the harness that runs them
// (`go test ./conformance/`), and a line protocol to check any other
// implementation against them (Serve, Program, Check; the runner is
// `go run ./examples/conform`).
//
// # Case form
//
//	{
//	  "id": "r6-gap-order",                  // unique, stable
//	  "rules": ["R6"],                        // the rules of the policy notes it exercises
//	  "description": "…",
//	  "standards": {
//	    "base": "heilongjiang",               // the embedded data (standards/heilongjiang) …
//	    "settings": { … },                    // … with local settings merged over it, or
//	    "inline": { … },                      // a complete standards file, its own division register included
//	    "allow_out_of_range": false
//	  },
//	  "request": { … a decision request (package payment) … },
//	  "expect": {
//	    "error": {"kind": "invalid_household", "path": "household.members[0].birth_date", "code": "future_date"},
//	    "status": "dibao",
//	    "edge_band": "",                      // checked when present, even if ""
//	    "countable": "2500/3",
//	    "members": {"c": "single_person"},
//	    "members_not": {"a": ["single_person"]},
//	    "lines": [{"code": "gap", "amount": "800.00", "exact": "800",
//	               "figures": {"standard": "600", "members": "3", "line": "1800", "countable": "1000"}}],
//	    "total": "800.00",
//	    "reasons": ["dibao.below_line", "single_person.r3@c"], "reasons_absent": ["…"],
//	    "flags": ["monitor.near_threshold"], "flags_absent": ["…"],
//	    "gradual_exit_end": "2024-06-30",
//	    "verification_required": true,
//	    "temporary": {"cap": "8500", "approved": "8500.00", "instalments": ["2833.33", "2833.33", "2833.34"], "paid_first": true},
//	    "difference": {"case": "other-case-id", "total": "15.00"}
//	  },
//	  "note": "600 × 3 − 1000 = 800.00 …"    // the hand arithmetic
//	}
//
// Fields absent from "expect" are not checked. "lines" lists exactly the
// lines the answer must have, in any order ([] for none); a line's figures,
// when given, must be among the answer line's. "reasons" and "flags" name
// codes ("code" or "code@member") that must be among the answer's; the
// *_absent ones must not. "difference" asserts this case's total minus
// another case's in the same run (a back-pay: the same month decided as
// known before and after a retroactive standard). A case whose standards
// are to be refused expects the error kind "bad_standards" with the code
// and path of a problem.
//
// Settings merge over the base by dated values per parameter, region and
// area class (standards.Merge): a settings series for a region replaces
// that region's own history from its first value on, and nothing else. A
// settings series for a prefecture or the province that no county would
// see is refused (no_effect). An inline file carries its own register and
// only the parameters its case uses.
//
// # Figures
//
// Every figure is a string compared exactly. Amounts paid have two decimals
// ("800.00"); exact figures (countable income, a line's "exact", thresholds,
// figures) are plain decimals with no trailing zeros ("127.5") when finite,
// else reduced fractions of a yuan ("2500/3"); rates are plain decimals
// ("0.15"); dates are YYYY-MM-DD.
//
// # Lookups
//
// A parameter is looked up for a region, an area class and a date: the
// region's own series first, then its prefecture's, then the province's; at
// each level a series for the asked area class before an unsplit one; the
// first series with a value in force on the date answers. A value is in
// force from its "from" date through its "until" date, or until the next
// value of its series starts. With "known_on" in the request, values
// published after that date are passed over. The minimum wage of a place of
// work is the rate of the tier the place's own series (or its prefecture's,
// or the province's) gives on the date.
//
// # The protocol
//
// The runner writes one JSON object per line to the implementation's
// standard input:
//
//	{"id": "r6-gap-order", "standards": { a complete standards file }, "request": { … }}
//
// "standards" is the complete file to load: the base with the case's
// settings merged in, or the case's own file. For settings that must be
// refused, "standards" is absent and "base" and "settings" come apart.
// "allow_out_of_range" is passed when the case sets it.
//
// The implementation writes one JSON line back:
//
//   - a decision, with at least the fields the expectations read, named as in
//     the payment package's decision record: "classification" {"status",
//     "edge_band", "countable", "gradual_exit_end", "verification_required",
//     "members" [{"id", "status"}], "reasons" and "flags" [{"code",
//     "member"}]}, "lines" [{"code", "member", "amount", "exact",
//     "figures" {name: value}}], "total", "temporary" {"cap", "approved",
//     "instalments", "paid_first"};
//   - an error: {"error": kind, "problems": [{"path", "code"}]}, kind one of
//     the error kinds below;
//   - {"unsupported": "why"} for a case it does not implement: counted apart,
//     so that a partial implementation sees its real failures.
//
// A line is at most MaxLine bytes each way. An implementation that crashes
// or does not answer within the runner's timeout fails that case and is
// started again for the next.
//
// # Error kinds
//
//	bad_input          the line is not an input (not JSON, or over MaxLine)
//	bad_standards      the standards (or the settings over the base) do not load
//	invalid_request    the request is wrong outside its household
//	invalid_household  the household is wrong (paths start with "household.")
//	not_covered        the standards hold no value the decision needs
//	unknown_region     a region (of the household, a place of work or an
//	                   emergency) the division register does not hold: the
//	                   input's mistake, checked before anything else
//	rounding_required  a figure needs a rounding rule the standards do not declare
//
// A place of work given as a prefecture whose counties sit in different
// minimum-wage tiers is invalid_household with the code "ambiguous".
//
// # What the suite catches
//
// The package's tests run deliberately wrong implementations through the
// protocol — half-to-even rounding instead of half up at every rounding
// point, "≤" instead of "<" at the 低保 line and the 单人户 standard, the
// minimum wage of the place of residence instead of the place of work, the
// gap computed per person and multiplied by the members — and require each
// to fail at least two cases.
//
// # Codes
//
// The codes of reasons, flags, payment lines and decisions (the library's
// explain.Codes table), and the problem codes of error answers
// (problem.Codes):
//
//	— reasons —
//	rigid.deducted                     Rigid expenditure deducted: countable income {countable} − monthly rigid expenditure {rigid} = {tested} yuan (MCA-2021-57)
//	dibao.below_line                   Countable income of {countable} yuan is below the standard {standard} × {members} members = {line} yuan (MCA-2021-57)
//	dibao.not_below_line               Countable income of {countable} yuan is not below the standard {standard} × {members} members = {line} yuan (MCA-2021-57)
//	dibao.property_exceeds             Property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed}) (MCA-2021-57)
//	edge.below_band                    {band}: countable income of {countable} yuan is below {multiple} the line ({threshold} yuan) (HLJ-2021-11 §4(1))
//	edge.not_below_band                {band}: countable income of {countable} yuan is not below {multiple} the line ({threshold} yuan) (HLJ-2021-11 §4(1))
//	edge.property_exceeds              Property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed}) (HLJ-2021-11 §4(1))
//	gradual_exit.start                 Income is no longer below the standard but meets the edge-household conditions: a gradual exit (at most {months} months) until {end} (HLJ-2021-11 §4(1))
//	gradual_exit.continue              The gradual exit continues until {end} (HLJ-2021-11 §4(1))
//	gradual_exit.ended                 The gradual exit ended on {end} (HLJ-2021-11 §4(1))
//	gradual_exit.no_maximum            No longest gradual exit is declared, so no gradual exit can be dated (HLJ-2021-11 §4(1))
//	exit.immediate                     Previously {previous}; no longer meets even the edge-household conditions: exit (MCA-2021-57)
//	single_person.r3                   Member {member} ({category}) is brought into dibao as a single-person household: own income of {countable} yuan is below the standard {standard} (HLJ-2021-11 §4(1))
//	single_person.disabled_adult       Member {member} (adult, unemployed, severely disabled) is assessed alone and brought into dibao: own income of {countable} yuan is below the standard {standard} (HLJ-2023-1)
//	single_person.income_not_below     Member {member} ({category}): own income of {countable} yuan is not below the standard {standard}, so not brought in alone (HLJ-2021-11 §4(1))
//	single_person.property_exceeds     Member {member}'s property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed}) (HLJ-2021-11 §4(1))
//	tekun.qualifies                    Member {member} (aged {age}) qualifies as a person in extreme poverty: no labour capacity, own income of {countable} yuan below the standard {standard}, legal supporter: {supporter} (Interim Measures on Social Assistance Art. 14)
//	tekun.supporter                    Member {member} (aged {age}) has no labour capacity, but the legal supporter's standing is: {supporter}; not a person in extreme poverty (Interim Measures on Social Assistance Art. 14)
//	tekun.income_not_below             Member {member} (aged {age}): own income of {countable} yuan is not below the standard {standard}; not a person in extreme poverty (Interim Measures on Social Assistance Art. 14)
//	tekun.property_exceeds             Member {member}'s property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed}) (Interim Measures on Social Assistance Art. 14)
//	r11.verification_required          Unverified suspicions: with them, countable income is {countable_all} yuan ({status_all}); verified items only, {countable_verified} yuan ({status_verified}). Verification is required; no benefit is reduced or stopped on suspicions (current benefit kept: {kept}) (HLJ-2021-11 §4(8))
//	tekun.supporter_in_household       Member {member} (aged {age}) has no labour capacity but lives with {supporter}, an adult household member who can work and owes support; not a person in extreme poverty (Interim Measures on Social Assistance Art. 14)
//	tekun.mixed_whole                  Member {member} qualifies as a person in extreme poverty, but a household living together is tested as a whole, so not supported alone (Interim Measures on Social Assistance Art. 14)
//	tekun.no_gradual_exit              Previously tekun, no longer qualifying: the gradual exit is given to dibao households only, so the household is classified afresh (HLJ-2021-11 §4(1))
//	single_person.in_household_payment Member {member} is covered by the household's {status} payment and is not paid again as a single-person household (HLJ-2021-11 §4(1))
//	single_person.exit_start           Member {member}, a single-person household, now has own income not below the standard but meets the edge conditions: a gradual exit (at most {months} months) until {end} (HLJ-2021-11 §4(1))
//	single_person.exit_continue        Member {member}'s gradual exit continues until {end} (HLJ-2021-11 §4(1))
//	single_person.exit_ended           Member {member}'s gradual exit ended on {end} (HLJ-2021-11 §4(1))
//	single_person.exit_immediate       Member {member}, previously {previous}, no longer meets the single-person or edge conditions: exit (MCA-2021-57)
//	single_person.exemption_not_applied Member {member}: the case-level exemption of support applies only to an adult, unemployed, severely disabled member assessed alone; not applied (HLJ-2023-1)
//	property.shared                    {scheme} property test: jointly held financial assets of {shared} yuan count {part}/{of} (MCA-2021-57)
//	r1.normal_rules                    The household is {poverty}; members who fully or partly lost labour capacity ({members}) are assessed for dibao and tekun support under the normal rules (HLJ-2021-11 §4(1))
//	— flags —
//	monitor.near_threshold             Monitoring: countable income of {countable} yuan is near the line of {line} (alert below {upper}) (HLJ-2021-11 §4(3))
//	monitor.sharp_drop                 Monitoring: countable income fell from {previous} to {countable} yuan, a drop of at least {share} (HLJ-2021-11 §4(3))
//	monitor.rigid_expenditure          Monitoring: rigid expenditure of {rigid} yuan over 12 months exceeds {share} of the income over 12 months, {income} yuan (MCA-2024-57)
//	monitor.newly_ill                  Monitoring: member {member} is newly seriously ill (HLJ-2021-11 §4(3))
//	monitor.newly_disabled             Monitoring: member {member} is newly severely disabled (HLJ-2021-11 §4(3))
//	referral.employment                Referral to employment assistance: member {member} can work and has no earnings (HLJ-2021-11 §4(5))
//	referral.education                 Referral to education assistance: member {member} is a student (HLJ-2021-11 §4(5))
//	referral.education_expenditure     Referral to education assistance: education expenditure of {education} yuan over 12 months (HLJ-2021-11 §4(5))
//	referral.medical                   Referral to medical assistance: medical and rehabilitation expenditure of {medical} yuan over 12 months (HLJ-2021-11 §4(5))
//	referral.medical_illness           Referral to medical assistance: member {member} is seriously ill (HLJ-2021-11 §4(5))
//	referral.housing                   Referral to housing and other special assistance: disaster and accident expenditure of {disaster} yuan over 12 months (HLJ-2021-11 §4(5))
//	referral.r1                        Referral: temporary assistance and special assistance by hardship type ({members}) (HLJ-2021-11 §4(1))
//	— decisions —
//	decision.not_eligible              Decision: not eligible for dibao, edge-household status or tekun support (MCA-2021-57)
//	decision.edge                      Decision: edge household ({band}) (HLJ-2021-11 §4(1))
//	decision.gradual_exit              Decision: gradual exit until {end} (HLJ-2021-11 §4(1))
//	decision.dibao                     Decision: dibao (MCA-2021-57)
//	decision.tekun                     Decision: tekun support (Interim Measures on Social Assistance Art. 14)
//	decision.single_person             Member {member} is brought into dibao as a single-person household (HLJ-2021-11 §4(1))
//	decision.member_gradual_exit       Member {member} is in a single-person gradual exit until {end} (HLJ-2021-11 §4(1))
//	decision.member_tekun              Member {member} is supported alone as a person in extreme poverty (Interim Measures on Social Assistance Art. 14)
//	— lines —
//	gap                                Gap payment: standard {standard} × {members} members = {line} yuan, less countable income {countable} yuan = {exact} yuan; paid {paid} yuan (Interim Measures on Social Assistance Art. 12)
//	gap.minimum                        Gap payment: standard {standard} × {members} members = {line} yuan, less countable income {countable} yuan = {gap} yuan, below {share} of the line: counted as {share}, {exact} yuan; paid {paid} yuan (Interim Measures on Social Assistance Art. 12)
//	tier                               Member {member}: tiered payment; countable income of {countable} yuan for {members} members falls in tier {tier}: paid {paid} yuan (HLJ-2021-11 §4(2))
//	tier.placed                        Member {member}: tiered payment; {category} are placed in tier {tier}: paid {paid} yuan (HLJ-2021-11 §4(2))
//	supplement                         Member {member}: supplement of {rate} × the standard {standard} ({categories}; counted {count}) = {exact} yuan; paid {paid} yuan (HLJ-2021-11 §4(2))
//	supplement.rates                   Member {member}: supplement; categories {categories}, local age groups {groups}; by the stacking rule {rate} × the standard {standard} = {exact} yuan; paid {paid} yuan (HLJ-2021-11 §4(2))
//	single_person                      Member {member}: single-person gap = standard {standard} − own income {countable} = {exact} yuan; paid {paid} yuan (HLJ-2021-11 §4(1))
//	gradual_exit                       During the gradual exit the last monthly amount continues until {end}: {paid} yuan (HLJ-2021-11 §4(1))
//	price_subsidy                      Member {member} ({group}): price subsidy; {index} rose {rise} year on year; standard {standard} × the rise = {exact} yuan; paid {paid} yuan (HLJ-2021-11 §4(2))
//	price_subsidy.not_triggered        No price subsidy: {index} rose {rise} year on year, below the trigger of {trigger} (HLJ-2021-11 §4(2))
//	price_subsidy.floor                Member {member} ({group}): price subsidy; {index} rose {rise} year on year; standard {standard} × the rise = {computed} yuan, below the least of {floor} yuan a person: paid {paid} yuan (HLJ-2021-11 §4(2))
//	price_subsidy.fixed                Member {member} ({group}): price subsidy; {index} rose {rise} year on year; a fixed {amount} yuan a person by local rule = {exact} yuan; paid {paid} yuan (HLJ-2021-11 §4(2))
//	price_subsidy.banded               Member {member} ({group}): price subsidy; {index} rose {rise} year on year, in the band from {from}: standard {standard} × {share} = {exact} yuan; paid {paid} yuan (HLJ-2021-11 §4(2))
//	price_subsidy.multiplied           Member {member} ({group}): price subsidy; {index} rose {rise} year on year; by the formula ({formula}) {base} yuan a person, × {multiplier} for the period = {exact} yuan; paid {paid} yuan (HLJ-2021-11 §4(2))
//	tekun_basic                        Member {member}: tekun basic living standard ({area}; equalised institution: {equalised}) {basic} yuan; paid {paid} yuan (Interim Measures on Social Assistance Art. 14)
//	tekun_care                         Member {member}: tekun care standard ({level}): {paid} yuan (Interim Measures on Social Assistance Art. 14)
//	payment.tekun_formula              Member {member}: by the formula, {factor} the standard {standard}, rounded as declared, is {formula} yuan (for comparison; the published amount is paid) (Interim Measures on Social Assistance Art. 14)
//	payment.total                      Monthly total paid: {total} yuan (Interim Measures on Social Assistance Art. 12)
//	payment.temporary                  Temporary assistance ({hardship}; emergency in {place}): cap {cap} yuan, approved {approved} yuan, paid in {instalments} instalments (HLJ-2021-11 §4(6))
//	payment.temporary.paid_first       Temporary assistance ({hardship}; emergency in {place}): cap {cap} yuan, approved {approved} yuan, paid in {instalments} instalments; paid first, verified after (HLJ-2021-11 §4(6))
//	payment.instalment                 Instalment {number}: {amount} yuan (HLJ-2021-11 §4(6))
//	— steps —
//	income.window                      Income is averaged per month over the 12 months before the assessment month ({from} to {to}) (MCA-2021-57)
//	income.counted.monthly             Member {member}: {kind} of {amount} yuan a month, counted (MCA-2021-57)
//	income.counted.annual              Member {member}: {kind} of {amount} yuan a year ÷ 12 = {monthly} yuan a month, counted (MCA-2021-57)
//	income.counted.total               Member {member}: {kind} of {amount} yuan received within the 12 months ÷ 12 = {monthly} yuan a month, counted (MCA-2021-57)
//	income.counted.total_months        Member {member}: {kind} of {amount} yuan received in {months} of the 12 months, averaged over the 12: ÷ 12 = {monthly} yuan a month, counted (MCA-2021-57)
//	income.excluded.monthly            Member {member}: {kind} of {amount} yuan a month, not counted (MCA-2021-57)
//	income.excluded.annual             Member {member}: {kind} of {amount} yuan a year ({monthly} yuan a month), not counted (MCA-2021-57)
//	income.excluded.total              Member {member}: {kind} of {amount} yuan within the 12 months ({monthly} yuan a month), not counted (MCA-2021-57)
//	income.support_received.monthly    Member {member}: support received, {amount} yuan a month, by {basis}, counted (HLJ-2021-11 §4(8))
//	income.support_received.annual     Member {member}: support received, {amount} yuan a year ÷ 12 = {monthly} yuan a month, by {basis}, counted (HLJ-2021-11 §4(8))
//	income.support_received.total      Member {member}: support received, {amount} yuan within the 12 months ÷ 12 = {monthly} yuan a month, by {basis}, counted (HLJ-2021-11 §4(8))
//	income.support_paid.monthly        Member {member}: support paid, {amount} yuan a month, by {basis}, deducted (HLJ-2021-11 §4(8))
//	income.support_paid.annual         Member {member}: support paid, {amount} yuan a year ÷ 12 = {monthly} yuan a month, by {basis}, deducted (HLJ-2021-11 §4(8))
//	income.support_paid.total          Member {member}: support paid, {amount} yuan within the 12 months ÷ 12 = {monthly} yuan a month, by {basis}, deducted (HLJ-2021-11 §4(8))
//	income.residence                   The household applies where it lives, with residence permits: the standards of {region} apply (HLJ-2021-11 §4(9))
//	income.rounded                     Countable income of {raw} yuan is rounded as the locality declares: {rounded} yuan (MCA-2021-57)
//	income.support_exempted            Member {member}: support of {monthly} yuan a month from siblings or people aged 60 or more is exempted case by case and not counted as the member's own income (HLJ-2023-1)
//	income.suspected                   Member {member}'s {kind} is a suspicion from data matching, not yet verified (HLJ-2021-11 §4(8))
//	income.employment_deduction        Member {member}: employment-cost deduction = {months} months × the minimum wage of the place of work, {place} (tier {tier}), {wage} yuan ÷ 12 = {full} yuan a month; at most the wage income of {wages} yuan a month: {deducted} yuan deducted (HLJ-2021-11 §4(8))
//	income.caregiver                   Member {member}, caring for {cared}: labour income of {labour} yuan a month counts at {factor}, {reduction} yuan less (HLJ-2021-11 §4(8))
//	income.total                       Countable monthly income = counted income {gross} − support paid {paid} − employment-cost deductions {deductions} − caregiver reductions {reductions} = {total} yuan (MCA-2021-57)
//	income.total.shown                 Countable monthly income = counted income {gross} − support paid {paid} − employment-cost deductions {deductions} − caregiver reductions {reductions} = {total} yuan (each figure shown to the fen; the total is computed from the exact figures) (MCA-2021-57)
//	income.floor                       Countable income came to {raw} yuan, below zero, and counts as 0 (MCA-2021-57)
//	income.total_verified              Counting verified items only, countable monthly income is {total} yuan (suspicions from data matching may not reduce or stop a benefit before they are verified) (HLJ-2021-11 §4(8))
//	income.per_capita                  Per-capita monthly income (for display) = {countable} ÷ {members} members, rounded as declared: {per_capita} yuan (MCA-2021-57)
//	income.per_capita_exact            Per-capita monthly income (for display) is about {per_capita} yuan ({countable} ÷ {members} members; no rounding rule for the display is declared) (MCA-2021-57)
//	— problems —
//	syntax                             not JSON, or something after the document
//	too_large                          the input, or a list in it, exceeds its documented bound
//	invalid_utf8                       text that is not UTF-8
//	too_deep                           nested deeper than the format allows
//	unknown_field                      a field the format does not define
//	duplicate                          the same key, ID, code or value given twice
//	required                           a required field is missing or empty
//	type                               a field has the wrong JSON type
//	bad_number                         not a plain decimal string or a whole number in range
//	bad_code                           an unknown name, code or identifier
//	bad_date                           not a YYYY-MM-DD calendar date from 1900 to 2200
//	too_many_problems                  further problems were not listed
//	negative                           a negative amount where none may be
//	too_precise                        more decimal places than the field allows
//	out_of_range                       outside the documented or the policy's range
//	insane                             outside any sensible range
//	unordered                          dates or tiers not in order
//	overlap                            two values, series or tiers cover the same point
//	gap                                a hole between two values or tiers
//	too_few_tiers                      a tier table with fewer than five tiers (R6)
//	equal_amounts                      tier amounts not strictly falling (R6)
//	missing_tier                       a region without a minimum-wage tier, or a tier without a wage
//	unknown_region                     a region the division register does not hold
//	area_required                      an area-split parameter without an area class
//	inconsistent                       values that contradict each other
//	below_floor                        a local standard below the provincial guidance floor
//	no_effect                          a change that no lookup would ever see
//	uncovered                          a tier table that leaves incomes below the standard without a tier
//	future_date                        a birth or start date after the assessment date
//	empty                              a household without members
//	unknown_member                     a reference to no member of the household
//	bad_reference                      a reference or combination the rules do not allow
//	applicant                          not exactly one applicant
//	missing_workplace                  wage income without a place of work (R13)
//	ambiguous                          a place of work whose counties sit in different wage tiers
//	not_covered                        the standards hold no value for the region and date
//	rounding_required                  a figure needs a rounding rule the standards do not declare
//	method                             an HTTP method the address does not answer
//	media_type                         a request body of a media type the address does not read
//	unreadable                         a request body that could not be read
//	unavailable                        the service failed on a request; nothing was decided
package conformance

//go:generate go run ./internal/gendoc
