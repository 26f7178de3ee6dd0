// Package eligibility classifies a household under Heilongjiang's plan
// 黑民规〔2021〕11号: 低保, edge household (低保边缘家庭), 单人户 members,
// gradual exit (低保渐退期), 特困 support, with the no-sudden-stop guard of
// R11 and the monitoring flags and referrals of R8 and R9. "Not eligible" is
// a Result with its reasons, never an error.
//
// # The order of the tests
//
//  1. 特困, member by member (社会救助暂行办法 第十四条; 特困人员认定办法): no
//     labour capacity (from the Set's age, under its minimum age, found
//     unable, or disabled as the rules list), own income below the 低保
//     standard, own property within the 特困 limits, and no legal supporter
//     able to support — outside the household (Household.Supporter) or in
//     it: an adult member under the age without labour capacity, able to
//     work, neither severely disabled nor seriously ill, is a legal
//     supporter of the others (民发〔2021〕57号 defines the household as the
//     people with legal support duties living together).
//     A 特困 member's care level follows their dependency: none → 全自理
//     (self), semi (半失能) → 半护理 (partial), full (失能) → 全护理 (full).
//  2. When every member is 特困, the household is. When only some are, the
//     Set's tekun_mixed_household rule decides: "separate" (the embedded,
//     assumed rule) supports them alone and tests the others for 低保
//     without them — their income, their own property and their number —;
//     "whole" tests the household as a whole and no member is 特困.
//  3. 低保: the tested members' countable income (less rigid expenditure
//     where the Set deducts it) below the standard × their number, and
//     their property within the 低保 limits. Thresholds compare exact
//     figures; no per-capita figure is rounded before a comparison.
//  4. Edge household (R2): not 低保, income below a band's multiple of the
//     line (the Set's bands: Harbin has 1.2× for urban hardship households
//     and 1.5×), property within the edge limits.
//  5. Gradual exit (R4): a 低保 household whose income is no longer below
//     the line but which meets the edge conditions. Not a household that
//     fails on property (it is classified afresh), and not a 特困 household
//     (四（一） gives the exit to 最低生活保障家庭) unless the Set's
//     tekun_gradual_exit says so. The exit runs for the Set's longest exit
//     after the finding month: found in June 2023 with 12 months, it ends on
//     30 June 2024 — twelve monthly payments, July 2023 to June 2024, each
//     the last monthly amount. It continues while the edge conditions hold.
//  6. 单人户 (R3 and 黑民规〔2023〕1号), only beside a household that is not
//     itself paid (not 低保, not in a gradual exit): a member of an edge
//     household who is seriously ill, severely disabled, a disabled
//     serviceman of grades 1–6 or a special-care recipient, with own income
//     below the standard; or an adult, unemployed, severely disabled member,
//     assessed alone on own income and property, where support from
//     siblings or people aged 60 or more may be exempted case by case
//     (Income.ExemptFrom). A member of a paid household is covered by its
//     payment and never paid again alone.
//  7. A 单人户 recipient who no longer qualifies because their own income
//     rose, but who taken alone meets the edge conditions, gets a gradual
//     exit of their own, as a household would.
//
// Members assessed alone (单人户, 特困) carry their own property and a share
// of what the household holds jointly, by the Set's shared_property rule
// (embedded, assumed: financial assets in equal shares, compared exactly;
// jointly held dwellings and vehicles counted for each member).
//
// # R11: no sudden stop
//
// When some income items are unverified suspicions (疑点) and deciding on
// them would leave a current recipient — the household, or a member with a
// standing of their own (Current.Members) — worse off than deciding on
// verified items only, the decision rests on the verified items and says
// that verification is required; a new applicant is decided on every item
// with the same warning.
//
// # R1
//
// A household marked as 脱贫人口 or 监测对象 (income.Household.Poverty) is
// assessed under the normal rules; its members who fully or partly lost
// labour capacity are named in the explanation and referred for temporary
// and special assistance by hardship type.
//
// # Input and errors
//
// Request carries the household, the date, the current standing (Current:
// the household's status, and its members' own — 单人户, 单人户 in a gradual
// exit, or 特困 in a mixed household), the previous assessment for the
// monitoring flags, and options. CheckCurrent refuses a member with a 单人户
// standing in a household that is itself paid. Bad input is a
// *problem.Error matching problem.ErrInvalid, a standard the Set lacks one
// matching problem.ErrNotCovered.
//
// # Results
//
// Result holds the status, the figures tested (the line, the countable
// income, each band's threshold, each property test), the members' own
// statuses, the reasons and flags as explanation steps, and the whole
// explanation (Result.Explain renders it in Chinese or English). Its JSON
// form is the "classification" object of the decision record (package
// payment).
//
// A Classifier reuses its buffers across households; a Plan resolves the
// standards once for a region, area class and date range, and
// ClassifyCompact runs on income.Compact households without allocating
// when no explanation is recorded.
package eligibility
