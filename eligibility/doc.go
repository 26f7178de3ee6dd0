// Package eligibility classifies a household under 黑民规〔2021〕11号: 低保,
// 低保边缘家庭 (R2), 单人户 members (R3, and 黑民规〔2023〕1号), 低保渐退期 (R4)
// and 特困, with the no-sudden-stop guard (R11) and the monitoring flags of
// R8 and R9. "Not eligible" is a Result with reasons, never an error.
//
// # Rules
//
// With standard s (the Set's 低保 standard for the household's region, area
// class and date) and n members, and the countable income c from package
// income (minus monthly rigid expenditure when the Set's
// rigid_expenditure_deduction switch is on):
//
//   - 低保: c < s × n — exactly at the line is not below it — and property
//     within the Set's 低保 limits.
//   - 低保边缘家庭: not 低保; c < m × s × n for an edge band m of the Set
//     (1.5× by default, at most 2×; a band may apply to one area class only,
//     like Harbin's 1.2× urban band); property within the edge limits. Every
//     band's test is reported; EdgeBand names the narrowest band met.
//   - 单人户 (R3): in an edge household (or one in gradual exit), each member
//     who is 重病, 重度残疾 (grade 1–2, or 3 for the categories the Set lists),
//     a 1–6级伤残军人 or a 定期抚恤的重点优抚对象 is brought into 低保 alone
//     when the member's own countable income is below s and the member's own
//     property is within the 低保 limits. Per 黑民规〔2023〕1号, an adult,
//     unemployed, severely disabled member of any household not in 低保 is
//     assessed alone the same way.
//   - 渐退期 (R4): a 低保 (or 特困) household now at or above the line but
//     meeting the edge conditions enters a gradual exit ending on the last
//     day of the Set's maximum number of months (≤ 12) after the month of
//     the finding: found on 2023-06-15 with 12 months, it ends 2024-06-30.
//     Through that day it continues (or returns to 低保 if c falls below the
//     line); after it, the household exits. A recipient that no longer meets
//     even the edge conditions exits at once.
//   - 特困 (社会救助暂行办法 第十四条): a member with no labour capacity (aged
//     60 or more or under 16, assessed as without labour capacity, or with an
//     intellectual or psychiatric disability of grade 1–3, physical 1–2,
//     visual 1), own income below s, own property within the 特困 limits, and
//     a household without a legal supporter able to support it. When every
//     member qualifies the household is 特困, which takes precedence over
//     低保; the care level follows the member's care dependency.
//   - Property limits the Set does not declare are not tested, and the
//     PropertyTest says so.
//
// # No sudden stop (R11)
//
// When some income item is only a suspicion from data matching (疑点), the
// household is classified twice: counting every item and counting verified
// items only. If the suspicions would make things worse for a current
// recipient — a lower status, or the same status on a higher income — the
// decision rests on verified items only (Basis VerifiedOnly), says
// verification is required, and lists the suspected items in Pending: only
// verified facts can end or reduce a benefit. A new application is decided
// on every item, with the same verification notice.
//
// # Monitoring (R8, R9)
//
// Flags with stable codes and the figures behind them: monitor.near_threshold
// (s × n ≤ c < near × s × n), monitor.sharp_drop (c fell by at least the Set's
// share since Previous), monitor.rigid_expenditure (12 months of rigid
// expenditure above the Set's share of 12 months of income, as in
// 民发〔2024〕57号), monitor.newly_ill and monitor.newly_disabled (against
// Previous), and referrals referral.medical, referral.education,
// referral.housing and referral.employment. A threshold the Set does not
// declare is listed in Result.Unevaluated instead.
//
// # Result
//
// A Result carries the status, per-member statuses, the standard used with
// its provenance, the line and bands compared, property tests, reasons
// (stable codes, the clause cited, the figures compared), flags, the income
// assessment, and — with Options.Explain — explanation steps in the same form
// as package income's, rendered by Result.Explain in Chinese or English. Its
// JSON form (MarshalJSON) has exact amounts as strings ("2550", "2500/3")
// and stable codes.
//
// # JSON form
//
//	{
//	  "status": "edge",                      // not_eligible edge gradual_exit dibao tekun
//	  "date": "2023-06-01", "size": 3,
//	  "standard": {"value": "850", "from": "2023-01-01", "published": "2023-11-03",
//	               "source": "哈民政规〔2023〕6号", "reliability": "official"},
//	  "line": "2550", "basis": "all_items", "countable": "3000", "rigid": "0",
//	  "bands": [{"code": "edge", "multiple": "1.5", "threshold": "3825", "below": true}],
//	  "edge_band": "edge",
//	  "property": [{"scheme": "dibao", "tested": false, "within": true, "financial_assets": "0", …}],
//	  "members": [{"id": "a", "status": "single_person", "countable": "0"}],
//	  "gradual_exit_end": "",
//	  "verification_required": false, "pending": [{"member": "a", "item": 1}],
//	  "reasons": [{"code": "dibao.not_below_line", "member": "", "cite": "民发〔2021〕57号",
//	               "cite_en": "民发〔2021〕57号", "figures": {"countable": "3000", …}}],
//	  "flags": [{"code": "referral.medical", "member": "", "cite": "黑民规〔2021〕11号 四（五）", …}],
//	  "unevaluated": ["monitor.near_threshold"]
//	}
//
// (The comments are for this page only.) Members carry "care" (self, partial,
// full) when their status is tekun.
package eligibility
