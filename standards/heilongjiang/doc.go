// Package heilongjiang carries the standards data of Heilongjiang province
// (黑龙江省, 230000) in the standards JSON format, embedded in the binary:
//
//   - the rule values of 黑民规〔2021〕11号 (edge multiple 1.5×, supplement
//     rate 15 % and its categories, gradual exit ≤ 12 months, employment-cost
//     deduction of 2 months of minimum wage a year);
//   - Harbin (哈尔滨市, 230100) 低保 standards for 市区 (2021–2023) and 县(市)
//     (2022–2023), urban and rural, and Harbin 特困 support for 2023;
//   - Harbin's edge bands (1.2× urban, 1.5×);
//   - the provincial minimum wage of 2017-10-01, 2024-05-01 and 2025-12-01,
//     with the dated region → tier map from 2024-05-01 (双城区 and
//     大兴安岭地区 move to 二档 on 2025-12-01);
//   - national values the province applies: excluded income kinds, the
//     price-linkage triggers and subsidy rounding, the 特困 basic factor and
//     the temporary-assistance instalment limit;
//   - the province's division register (13 prefecture-level and 126
//     county-level codes).
//
// Every value carries its source and reliability (official, press or
// secondary). Values no source settles — caregiver factor, supplement
// stacking, the 老年人 age, tier tables, property limits, temporary-assistance
// caps, and every rounding point but the price subsidy — are absent: looking
// them up is an error, and callers supply them in their own file or through a
// Reform. Regions other than Harbin have no 低保 standard here: a lookup there
// is an error naming what is covered, never another city's figures.
//
// The core packages never import this one: a program chooses the data it
// carries, as with time/tzdata.
package heilongjiang
