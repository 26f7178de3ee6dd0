// Package heilongjiang carries the standards data of Heilongjiang province
// (黑龙江省, 230000) in the standards JSON format, embedded in the binary.
// Set decides every household in its coverage as it is:
//
//   - the rule values of 黑民规〔2021〕11号 (edge multiple 1.5×, supplement
//     rate 15 % and its categories, gradual exit ≤ 12 months, employment-cost
//     deduction of 2 months of minimum wage a year);
//   - Harbin (哈尔滨市, 230100) 低保 standards for 市区 (2021–2023) and 县(市)
//     (2022–2023, and from 2024-07-01 the provincial guidance, derived from
//     the rule that they follow the provincial standard — reliability
//     secondary, its source naming the derivation), urban and rural, and
//     Harbin 特困 support for 2023;
//   - Harbin's edge bands (1.2× urban, 1.5×);
//   - the provincial guidance standards (2021 urban 637; 2024 urban 710,
//     rural 517; the 2024 特困 guidance), as floors local values are
//     checked against;
//   - the provincial minimum wage of 2017-10-01, 2024-05-01 and 2025-12-01,
//     with the dated region → tier map from 2017-10-01 (双城区 and
//     大兴安岭地区 move to 二档 on 2025-12-01);
//   - the age of 老年人 (60, 老年人权益保障法 第二条) and the 特困 ages;
//   - national values the province applies: excluded income kinds (to
//     2025-12-31), the price-linkage triggers, groups and subsidy rounding,
//     the 特困 basic factor, the temporary-assistance instalment limit, the
//     gap payment method;
//   - the province's division register (13 prefecture-level and 126
//     county-level codes).
//
// Every value carries its source and reliability (official, press or
// secondary). Values no source settles but no decision can do without are
// embedded with reliability "assumed" and the reason: the rounding of a
// payment and of a supplement (to the fen, half up), supplement stacking
// (the highest category once), 特困 members living with others (supported
// alone), and jointly held property for members assessed alone (equal
// shares). Values whose choice moves money and that only some decisions
// need are absent — the caregiver factor, tier tables, property limits,
// temporary-assistance caps, monitoring thresholds, the other rounding
// points —: a decision that needs one says so, and callers supply it in a
// settings file of their own (standards.Merge). Regions other than Harbin
// have no 低保 standard here: a lookup there is an error naming what is
// covered, never another city's figures.
//
// The core packages never import this one: a program chooses the data it
// carries, as with time/tzdata.
package heilongjiang
