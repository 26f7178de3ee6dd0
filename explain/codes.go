package explain

// The codes. {member} in a sentence is the step's member; every other
// placeholder is one of the step's arguments.

// Steps of the income assessment.
const (
	StepWindow                 Code = "income.window"
	StepCountedMonthly         Code = "income.counted.monthly"
	StepCountedAnnual          Code = "income.counted.annual"
	StepCountedTotal           Code = "income.counted.total"
	StepCountedTotalMonths     Code = "income.counted.total_months"
	StepExcludedMonthly        Code = "income.excluded.monthly"
	StepExcludedAnnual         Code = "income.excluded.annual"
	StepExcludedTotal          Code = "income.excluded.total"
	StepSupportReceivedMonthly Code = "income.support_received.monthly"
	StepSupportReceivedAnnual  Code = "income.support_received.annual"
	StepSupportReceivedTotal   Code = "income.support_received.total"
	StepSupportPaidMonthly     Code = "income.support_paid.monthly"
	StepSupportPaidAnnual      Code = "income.support_paid.annual"
	StepSupportPaidTotal       Code = "income.support_paid.total"
	StepSupportExempted        Code = "income.support_exempted"
	StepSuspected              Code = "income.suspected"
	StepEmploymentDeduction    Code = "income.employment_deduction"
	StepCaregiver              Code = "income.caregiver"
	StepTotal                  Code = "income.total"
	// StepTotalShown is StepTotal when its figures, each shown to the fen,
	// do not add up to the total shown: it says the total is computed
	// exactly.
	StepTotalShown       Code = "income.total.shown"
	StepFloor            Code = "income.floor"
	StepTotalVerified    Code = "income.total_verified"
	StepPerCapita        Code = "income.per_capita"
	StepPerCapitaExact   Code = "income.per_capita_exact"
	StepResidence        Code = "income.residence"
	StepCountableRounded Code = "income.rounded"
)

// Reasons of the classification.
const (
	ReasonRigidDeducted        Code = "rigid.deducted"
	ReasonBelowLine            Code = "dibao.below_line"
	ReasonNotBelowLine         Code = "dibao.not_below_line"
	ReasonDibaoProperty        Code = "dibao.property_exceeds"
	ReasonEdgeBelow            Code = "edge.below_band"
	ReasonEdgeNotBelow         Code = "edge.not_below_band"
	ReasonEdgeProperty         Code = "edge.property_exceeds"
	ReasonExitStart            Code = "gradual_exit.start"
	ReasonExitContinue         Code = "gradual_exit.continue"
	ReasonExitEnded            Code = "gradual_exit.ended"
	ReasonExitNoMaximum        Code = "gradual_exit.no_maximum"
	ReasonExitImmediate        Code = "exit.immediate"
	ReasonSingleR3             Code = "single_person.r3"
	ReasonSingleDisabledAdult  Code = "single_person.disabled_adult"
	ReasonSingleIncome         Code = "single_person.income_not_below"
	ReasonSingleProperty       Code = "single_person.property_exceeds"
	ReasonTekunQualifies       Code = "tekun.qualifies"
	ReasonTekunSupporter       Code = "tekun.supporter"
	ReasonTekunIncome          Code = "tekun.income_not_below"
	ReasonTekunProperty        Code = "tekun.property_exceeds"
	ReasonVerificationRequired Code = "r11.verification_required"
	ReasonTekunInHousehold     Code = "tekun.supporter_in_household"
	ReasonTekunMixedWhole      Code = "tekun.mixed_whole"
	ReasonTekunNoExit          Code = "tekun.no_gradual_exit"
	ReasonSingleInHousehold    Code = "single_person.in_household_payment"
	ReasonSingleExitStart      Code = "single_person.exit_start"
	ReasonSingleExitContinue   Code = "single_person.exit_continue"
	ReasonSingleExitEnded      Code = "single_person.exit_ended"
	ReasonSingleExitImmediate  Code = "single_person.exit_immediate"
	ReasonExemptNotApplied     Code = "single_person.exemption_not_applied"
	ReasonR1                   Code = "r1.normal_rules"
	ReasonPropertyShared       Code = "property.shared"
)

// Monitoring flags and referrals (R8, R9).
const (
	FlagNearThreshold        Code = "monitor.near_threshold"
	FlagSharpDrop            Code = "monitor.sharp_drop"
	FlagRigidExpenditure     Code = "monitor.rigid_expenditure"
	FlagNewlyIll             Code = "monitor.newly_ill"
	FlagNewlyDisabled        Code = "monitor.newly_disabled"
	FlagEmployment           Code = "referral.employment"
	FlagEducation            Code = "referral.education"
	FlagEducationExpenditure Code = "referral.education_expenditure"
	FlagMedical              Code = "referral.medical"
	FlagMedicalIllness       Code = "referral.medical_illness"
	FlagHousing              Code = "referral.housing"
	FlagR1Referral           Code = "referral.r1"
)

// Decisions.
const (
	DecisionNotEligible  Code = "decision.not_eligible"
	DecisionEdge         Code = "decision.edge"
	DecisionGradualExit  Code = "decision.gradual_exit"
	DecisionDibao        Code = "decision.dibao"
	DecisionTekun        Code = "decision.tekun"
	DecisionSinglePerson Code = "decision.single_person"
	DecisionMemberExit   Code = "decision.member_gradual_exit"
	DecisionMemberTekun  Code = "decision.member_tekun"
)

// Payment lines and steps.
const (
	LineGap Code = "gap"
	// LineGapMinimum is the step of a gap line paid at a locality's least
	// gap (minimum_gap_share).
	LineGapMinimum Code = "gap.minimum"
	LineTier       Code = "tier"
	LineTierPlaced Code = "tier.placed"
	LineSupplement Code = "supplement"
	// LineSupplementRates is the step of a supplement line under a
	// locality's own rates or age groups.
	LineSupplementRates Code = "supplement.rates"
	LineSinglePerson    Code = "single_person"
	LineGradualExit     Code = "gradual_exit"
	LinePriceSubsidy    Code = "price_subsidy"
	// LinePriceSubsidyFloor is the step of a price-subsidy line paid at the
	// floor.
	LinePriceSubsidyFloor Code = "price_subsidy.floor"
	// LinePriceSubsidyFixed, LinePriceSubsidyBanded and
	// LinePriceSubsidyMultiplied are the steps of a price-subsidy line under
	// a locality's own formula (price_linkage.formula, .multiplier).
	LinePriceSubsidyFixed      Code = "price_subsidy.fixed"
	LinePriceSubsidyBanded     Code = "price_subsidy.banded"
	LinePriceSubsidyMultiplied Code = "price_subsidy.multiplied"
	// StepPriceNotTriggered says a price index given for the month rose
	// less than its trigger: no price subsidy for it.
	StepPriceNotTriggered Code = "price_subsidy.not_triggered"
	LineTekunBasic        Code = "tekun_basic"
	LineTekunCare         Code = "tekun_care"
	StepTekunFormula      Code = "payment.tekun_formula"
	StepPaymentTotal      Code = "payment.total"
	StepTemporary         Code = "payment.temporary"
	StepPaidFirst         Code = "payment.temporary.paid_first"
	StepInstalment        Code = "payment.instalment"
)

var (
	cMeans = MeansTest()
	cR4    = HLJ("四（一）")
	cR6    = HLJ("四（二）")
	cR8    = HLJ("四（三）")
	cR9    = HLJ("四（五）")
	cR10   = HLJ("四（六）")
	cR11   = HLJ("四（八）")
	cInt12 = Interim("第十二条")
	cInt14 = Interim("第十四条")
)

var sentences = []CodeInfo{
	// Income.
	{Code: StepWindow, Kind: KindStep, Cite: cMeans,
		ZH: "收入按评估月前 12 个月（{from}至{to}）的月平均计算",
		EN: "Income is averaged per month over the 12 months before the assessment month ({from} to {to})"},
	{Code: StepCountedMonthly, Kind: KindStep, Cite: cMeans,
		ZH: "成员 {member}：{kind}每月 {amount} 元，计入",
		EN: "Member {member}: {kind} of {amount} yuan a month, counted"},
	{Code: StepCountedAnnual, Kind: KindStep, Cite: cMeans,
		ZH: "成员 {member}：{kind}全年 {amount} 元 ÷ 12 = 月均 {monthly} 元，计入",
		EN: "Member {member}: {kind} of {amount} yuan a year ÷ 12 = {monthly} yuan a month, counted"},
	{Code: StepCountedTotal, Kind: KindStep, Cite: cMeans,
		ZH: "成员 {member}：{kind}在前 12 个月内合计收到 {amount} 元 ÷ 12 = 月均 {monthly} 元，计入",
		EN: "Member {member}: {kind} of {amount} yuan received within the 12 months ÷ 12 = {monthly} yuan a month, counted"},
	{Code: StepCountedTotalMonths, Kind: KindStep, Cite: cMeans,
		ZH: "成员 {member}：{kind}在前 12 个月中的 {months} 个月内合计收到 {amount} 元，按 12 个月平均：÷ 12 = 月均 {monthly} 元，计入",
		EN: "Member {member}: {kind} of {amount} yuan received in {months} of the 12 months, averaged over the 12: ÷ 12 = {monthly} yuan a month, counted"},
	{Code: StepExcludedMonthly, Kind: KindStep, Cite: cMeans,
		ZH: "成员 {member}：{kind}每月 {amount} 元，不计入家庭收入",
		EN: "Member {member}: {kind} of {amount} yuan a month, not counted"},
	{Code: StepExcludedAnnual, Kind: KindStep, Cite: cMeans,
		ZH: "成员 {member}：{kind}全年 {amount} 元（月均 {monthly} 元），不计入家庭收入",
		EN: "Member {member}: {kind} of {amount} yuan a year ({monthly} yuan a month), not counted"},
	{Code: StepExcludedTotal, Kind: KindStep, Cite: cMeans,
		ZH: "成员 {member}：{kind}在前 12 个月内合计 {amount} 元（月均 {monthly} 元），不计入家庭收入",
		EN: "Member {member}: {kind} of {amount} yuan within the 12 months ({monthly} yuan a month), not counted"},
	{Code: StepSupportReceivedMonthly, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member}：收到的赡养（抚养、扶养）费每月 {amount} 元，依据{basis}，计入",
		EN: "Member {member}: support received, {amount} yuan a month, by {basis}, counted"},
	{Code: StepSupportReceivedAnnual, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member}：收到的赡养（抚养、扶养）费全年 {amount} 元 ÷ 12 = 月均 {monthly} 元，依据{basis}，计入",
		EN: "Member {member}: support received, {amount} yuan a year ÷ 12 = {monthly} yuan a month, by {basis}, counted"},
	{Code: StepSupportReceivedTotal, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member}：收到的赡养（抚养、扶养）费在前 12 个月内合计 {amount} 元 ÷ 12 = 月均 {monthly} 元，依据{basis}，计入",
		EN: "Member {member}: support received, {amount} yuan within the 12 months ÷ 12 = {monthly} yuan a month, by {basis}, counted"},
	{Code: StepSupportPaidMonthly, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member}：支付的赡养（抚养、扶养）费每月 {amount} 元，依据{basis}，从家庭收入中扣除",
		EN: "Member {member}: support paid, {amount} yuan a month, by {basis}, deducted"},
	{Code: StepSupportPaidAnnual, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member}：支付的赡养（抚养、扶养）费全年 {amount} 元 ÷ 12 = 月均 {monthly} 元，依据{basis}，从家庭收入中扣除",
		EN: "Member {member}: support paid, {amount} yuan a year ÷ 12 = {monthly} yuan a month, by {basis}, deducted"},
	{Code: StepSupportPaidTotal, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member}：支付的赡养（抚养、扶养）费在前 12 个月内合计 {amount} 元 ÷ 12 = 月均 {monthly} 元，依据{basis}，从家庭收入中扣除",
		EN: "Member {member}: support paid, {amount} yuan within the 12 months ÷ 12 = {monthly} yuan a month, by {basis}, deducted"},
	{Code: StepResidence, Kind: KindStep, Cite: HLJ("四（九）"),
		ZH: "本户持居住证在居住地 {region} 申办，适用居住地的标准",
		EN: "The household applies where it lives, with residence permits: the standards of {region} apply"},
	{Code: StepCountableRounded, Kind: KindStep, Cite: cMeans,
		ZH: "家庭月收入 {raw} 元按当地规定舍入为 {rounded} 元", EN: "Countable income of {raw} yuan is rounded as the locality declares: {rounded} yuan"},
	{Code: StepSupportExempted, Kind: KindStep, Cite: DisabledAdult(),
		ZH: "成员 {member}：兄弟姐妹或 60 岁以上人员给予的赡养（扶养）费月均 {monthly} 元，经个案认定予以豁免，不计入本人收入",
		EN: "Member {member}: support of {monthly} yuan a month from siblings or people aged 60 or more is exempted case by case and not counted as the member's own income"},
	{Code: StepSuspected, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member} 的{kind}为数据比对发现的疑点信息，尚未核实",
		EN: "Member {member}'s {kind} is a suspicion from data matching, not yet verified"},
	{Code: StepEmploymentDeduction, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member}：就业成本扣减 = {months} 个月 × 务工地{place}（第 {tier} 档）最低工资 {wage} 元 ÷ 12 = 月均 {full} 元；以月均工资收入 {wages} 元为限，扣减 {deducted} 元",
		EN: "Member {member}: employment-cost deduction = {months} months × the minimum wage of the place of work, {place} (tier {tier}), {wage} yuan ÷ 12 = {full} yuan a month; at most the wage income of {wages} yuan a month: {deducted} yuan deducted"},
	{Code: StepCaregiver, Kind: KindStep, Cite: cR11,
		ZH: "成员 {member} 照护 {cared}：劳动收入月均 {labour} 元按 {factor} 计入，少计 {reduction} 元",
		EN: "Member {member}, caring for {cared}: labour income of {labour} yuan a month counts at {factor}, {reduction} yuan less"},
	{Code: StepTotal, Kind: KindStep, Cite: cMeans,
		ZH: "家庭月收入 = 计入收入 {gross} 元 − 支付的赡养费 {paid} 元 − 就业成本扣减 {deductions} 元 − 照护少计 {reductions} 元 = {total} 元",
		EN: "Countable monthly income = counted income {gross} − support paid {paid} − employment-cost deductions {deductions} − caregiver reductions {reductions} = {total} yuan"},
	{Code: StepTotalShown, Kind: KindStep, Cite: cMeans,
		ZH: "家庭月收入 = 计入收入 {gross} 元 − 支付的赡养费 {paid} 元 − 就业成本扣减 {deductions} 元 − 照护少计 {reductions} 元 = {total} 元（各项按分显示，合计按精确数额计算）",
		EN: "Countable monthly income = counted income {gross} − support paid {paid} − employment-cost deductions {deductions} − caregiver reductions {reductions} = {total} yuan (each figure shown to the fen; the total is computed from the exact figures)"},
	{Code: StepFloor, Kind: KindStep, Cite: cMeans,
		ZH: "家庭月收入计算为 {raw} 元，低于零，按 0 元计",
		EN: "Countable income came to {raw} yuan, below zero, and counts as 0"},
	{Code: StepTotalVerified, Kind: KindStep, Cite: cR11,
		ZH: "只计已核实项目时，家庭月收入为 {total} 元（疑点信息未经调查核实，不得据以调整或停发待遇）",
		EN: "Counting verified items only, countable monthly income is {total} yuan (suspicions from data matching may not reduce or stop a benefit before they are verified)"},
	{Code: StepPerCapita, Kind: KindStep, Cite: cMeans,
		ZH: "人均月收入（仅供显示）= {countable} 元 ÷ {members} 人，按舍入规则为 {per_capita} 元",
		EN: "Per-capita monthly income (for display) = {countable} ÷ {members} members, rounded as declared: {per_capita} yuan"},
	{Code: StepPerCapitaExact, Kind: KindStep, Cite: cMeans,
		ZH: "人均月收入（仅供显示）约为 {per_capita} 元（{countable} 元 ÷ {members} 人；未规定显示的舍入规则）",
		EN: "Per-capita monthly income (for display) is about {per_capita} yuan ({countable} ÷ {members} members; no rounding rule for the display is declared)"},

	// Classification.
	{Code: ReasonRigidDeducted, Kind: KindReason, Cite: cMeans,
		ZH: "扣除刚性支出：家庭月收入 {countable} 元 − 月均刚性支出 {rigid} 元 = {tested} 元",
		EN: "Rigid expenditure deducted: countable income {countable} − monthly rigid expenditure {rigid} = {tested} yuan"},
	{Code: ReasonBelowLine, Kind: KindReason, Cite: cMeans,
		ZH: "家庭月收入 {countable} 元低于低保标准 {standard} 元 × {members} 人 = {line} 元",
		EN: "Countable income of {countable} yuan is below the standard {standard} × {members} members = {line} yuan"},
	{Code: ReasonNotBelowLine, Kind: KindReason, Cite: cMeans,
		ZH: "家庭月收入 {countable} 元不低于低保标准 {standard} 元 × {members} 人 = {line} 元",
		EN: "Countable income of {countable} yuan is not below the standard {standard} × {members} members = {line} yuan"},
	{Code: ReasonDibaoProperty, Kind: KindReason, Cite: cMeans,
		ZH: "家庭财产超出{scheme}限额：金融资产 {assets} 元（限额 {limit} 元），住房 {dwellings} 套（至多 {max_dwellings} 套），车辆 {vehicles} 辆（可有车辆：{vehicles_allowed}）",
		EN: "Property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed})"},
	{Code: ReasonEdgeBelow, Kind: KindReason, Cite: cR4,
		ZH: "{band}：家庭月收入 {countable} 元低于 {multiple}低保线（{threshold} 元）",
		EN: "{band}: countable income of {countable} yuan is below {multiple} the line ({threshold} yuan)"},
	{Code: ReasonEdgeNotBelow, Kind: KindReason, Cite: cR4,
		ZH: "{band}：家庭月收入 {countable} 元不低于 {multiple}低保线（{threshold} 元）",
		EN: "{band}: countable income of {countable} yuan is not below {multiple} the line ({threshold} yuan)"},
	{Code: ReasonEdgeProperty, Kind: KindReason, Cite: cR4,
		ZH: "家庭财产超出{scheme}限额：金融资产 {assets} 元（限额 {limit} 元），住房 {dwellings} 套（至多 {max_dwellings} 套），车辆 {vehicles} 辆（可有车辆：{vehicles_allowed}）",
		EN: "Property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed})"},
	{Code: ReasonExitStart, Kind: KindReason, Cite: cR4,
		ZH: "家庭收入已不低于低保标准，但符合低保边缘家庭条件：给予渐退期（最长 {months} 个月），至 {end}止",
		EN: "Income is no longer below the standard but meets the edge-household conditions: a gradual exit (at most {months} months) until {end}"},
	{Code: ReasonExitContinue, Kind: KindReason, Cite: cR4,
		ZH: "渐退期继续，至 {end}止", EN: "The gradual exit continues until {end}"},
	{Code: ReasonExitEnded, Kind: KindReason, Cite: cR4,
		ZH: "渐退期已于 {end}结束", EN: "The gradual exit ended on {end}"},
	{Code: ReasonExitNoMaximum, Kind: KindReason, Cite: cR4,
		ZH: "未规定渐退期最长月数，无法确定渐退期", EN: "No longest gradual exit is declared, so no gradual exit can be dated"},
	{Code: ReasonExitImmediate, Kind: KindReason, Cite: cMeans,
		ZH: "原为{previous}，现已不符合低保边缘家庭条件：退出", EN: "Previously {previous}; no longer meets even the edge-household conditions: exit"},
	{Code: ReasonSingleR3, Kind: KindReason, Cite: cR4,
		ZH: "成员 {member}（{category}）按单人户纳入低保：本人月收入 {countable} 元低于低保标准 {standard} 元",
		EN: "Member {member} ({category}) is brought into dibao as a single-person household: own income of {countable} yuan is below the standard {standard}"},
	{Code: ReasonSingleDisabledAdult, Kind: KindReason, Cite: DisabledAdult(),
		ZH: "成员 {member}（成年无业重度残疾人）单独评估，按单人户纳入低保：本人月收入 {countable} 元低于低保标准 {standard} 元",
		EN: "Member {member} (adult, unemployed, severely disabled) is assessed alone and brought into dibao: own income of {countable} yuan is below the standard {standard}"},
	{Code: ReasonSingleIncome, Kind: KindReason, Cite: cR4,
		ZH: "成员 {member}（{category}）本人月收入 {countable} 元不低于低保标准 {standard} 元，不按单人户纳入",
		EN: "Member {member} ({category}): own income of {countable} yuan is not below the standard {standard}, so not brought in alone"},
	{Code: ReasonSingleProperty, Kind: KindReason, Cite: cR4,
		ZH: "成员 {member} 的财产超出{scheme}限额：金融资产 {assets} 元（限额 {limit} 元），住房 {dwellings} 套（至多 {max_dwellings} 套），车辆 {vehicles} 辆（可有车辆：{vehicles_allowed}）",
		EN: "Member {member}'s property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed})"},
	{Code: ReasonTekunQualifies, Kind: KindReason, Cite: cInt14,
		ZH: "成员 {member}（{age} 岁）符合特困人员条件：无劳动能力，本人月收入 {countable} 元低于低保标准 {standard} 元，法定义务人：{supporter}",
		EN: "Member {member} (aged {age}) qualifies as a person in extreme poverty: no labour capacity, own income of {countable} yuan below the standard {standard}, legal supporter: {supporter}"},
	{Code: ReasonTekunSupporter, Kind: KindReason, Cite: cInt14,
		ZH: "成员 {member}（{age} 岁）无劳动能力，但法定义务人：{supporter}，不符合特困人员条件",
		EN: "Member {member} (aged {age}) has no labour capacity, but the legal supporter's standing is: {supporter}; not a person in extreme poverty"},
	{Code: ReasonTekunIncome, Kind: KindReason, Cite: cInt14,
		ZH: "成员 {member}（{age} 岁）本人月收入 {countable} 元不低于低保标准 {standard} 元，不符合特困人员条件",
		EN: "Member {member} (aged {age}): own income of {countable} yuan is not below the standard {standard}; not a person in extreme poverty"},
	{Code: ReasonTekunProperty, Kind: KindReason, Cite: cInt14,
		ZH: "成员 {member} 的财产超出{scheme}限额：金融资产 {assets} 元（限额 {limit} 元），住房 {dwellings} 套（至多 {max_dwellings} 套），车辆 {vehicles} 辆（可有车辆：{vehicles_allowed}）",
		EN: "Member {member}'s property exceeds the {scheme} limits: financial assets {assets} yuan (limit {limit}), {dwellings} dwellings (at most {max_dwellings}), {vehicles} vehicles (vehicles allowed: {vehicles_allowed})"},
	{Code: ReasonVerificationRequired, Kind: KindReason, Cite: cR11,
		ZH: "有未经核实的疑点信息：计入疑点时家庭月收入 {countable_all} 元（{status_all}），只计已核实项目时 {countable_verified} 元（{status_verified}）；须调查核实，不得据疑点调整或停发（维持原待遇：{kept}）",
		EN: "Unverified suspicions: with them, countable income is {countable_all} yuan ({status_all}); verified items only, {countable_verified} yuan ({status_verified}). Verification is required; no benefit is reduced or stopped on suspicions (current benefit kept: {kept})"},
	{Code: ReasonTekunInHousehold, Kind: KindReason, Cite: cInt14,
		ZH: "成员 {member}（{age} 岁）无劳动能力，但与有劳动能力的成年家庭成员 {supporter} 共同生活，其为法定义务人，不符合特困人员条件",
		EN: "Member {member} (aged {age}) has no labour capacity but lives with {supporter}, an adult household member who can work and owes support; not a person in extreme poverty"},
	{Code: ReasonTekunMixedWhole, Kind: KindReason, Cite: cInt14,
		ZH: "成员 {member} 符合特困人员条件，但按规定与其他成员共同生活的家庭整户审核，不单独认定特困",
		EN: "Member {member} qualifies as a person in extreme poverty, but a household living together is tested as a whole, so not supported alone"},
	{Code: ReasonTekunNoExit, Kind: KindReason, Cite: cR4,
		ZH: "原为特困人员，现已不符合条件：低保渐退期只适用于最低生活保障家庭，重新认定",
		EN: "Previously tekun, no longer qualifying: the gradual exit is given to dibao households only, so the household is classified afresh"},
	{Code: ReasonSingleInHousehold, Kind: KindReason, Cite: cR4,
		ZH: "成员 {member} 已在家庭的{status}待遇中保障，不再按单人户重复保障",
		EN: "Member {member} is covered by the household's {status} payment and is not paid again as a single-person household"},
	{Code: ReasonSingleExitStart, Kind: KindReason, Cite: cR4,
		ZH: "成员 {member} 原按单人户纳入低保，本人收入已不低于低保标准，但符合低保边缘条件：给予渐退期（最长 {months} 个月），至 {end}止",
		EN: "Member {member}, a single-person household, now has own income not below the standard but meets the edge conditions: a gradual exit (at most {months} months) until {end}"},
	{Code: ReasonSingleExitContinue, Kind: KindReason, Cite: cR4,
		ZH: "成员 {member} 的渐退期继续，至 {end}止", EN: "Member {member}'s gradual exit continues until {end}"},
	{Code: ReasonSingleExitEnded, Kind: KindReason, Cite: cR4,
		ZH: "成员 {member} 的渐退期已于 {end}结束", EN: "Member {member}'s gradual exit ended on {end}"},
	{Code: ReasonSingleExitImmediate, Kind: KindReason, Cite: cMeans,
		ZH: "成员 {member} 原为{previous}，现已不符合单人户或低保边缘条件：退出",
		EN: "Member {member}, previously {previous}, no longer meets the single-person or edge conditions: exit"},
	{Code: ReasonExemptNotApplied, Kind: KindReason, Cite: DisabledAdult(),
		ZH: "成员 {member}：赡养（扶养）费的个案豁免只适用于单独评估的成年无业重度残疾人，本次未适用",
		EN: "Member {member}: the case-level exemption of support applies only to an adult, unemployed, severely disabled member assessed alone; not applied"},
	{Code: ReasonPropertyShared, Kind: KindReason, Cite: cMeans,
		ZH: "{scheme}财产审核：家庭共有金融资产 {shared} 元按 {part}/{of} 计入",
		EN: "{scheme} property test: jointly held financial assets of {shared} yuan count {part}/{of}"},
	{Code: ReasonR1, Kind: KindReason, Cite: cR4,
		ZH: "本户为{poverty}；完全或部分丧失劳动能力的成员（{members}）按规定条件纳入低保或特困人员救助供养审核",
		EN: "The household is {poverty}; members who fully or partly lost labour capacity ({members}) are assessed for dibao and tekun support under the normal rules"},

	// Monitoring and referrals.
	{Code: FlagNearThreshold, Kind: KindFlag, Cite: cR8,
		ZH: "监测：家庭月收入 {countable} 元接近低保线 {line} 元（预警上限 {upper} 元）",
		EN: "Monitoring: countable income of {countable} yuan is near the line of {line} (alert below {upper})"},
	{Code: FlagSharpDrop, Kind: KindFlag, Cite: cR8,
		ZH: "监测：家庭月收入由 {previous} 元降至 {countable} 元，降幅达到 {share}",
		EN: "Monitoring: countable income fell from {previous} to {countable} yuan, a drop of at least {share}"},
	{Code: FlagRigidExpenditure, Kind: KindFlag, Cite: RigidFamily(),
		ZH: "监测：近 12 个月刚性支出 {rigid} 元，超过同期收入 {income} 元的 {share}",
		EN: "Monitoring: rigid expenditure of {rigid} yuan over 12 months exceeds {share} of the income over 12 months, {income} yuan"},
	{Code: FlagNewlyIll, Kind: KindFlag, Cite: cR8,
		ZH: "监测：成员 {member} 新患重病", EN: "Monitoring: member {member} is newly seriously ill"},
	{Code: FlagNewlyDisabled, Kind: KindFlag, Cite: cR8,
		ZH: "监测：成员 {member} 新认定为重度残疾", EN: "Monitoring: member {member} is newly severely disabled"},
	{Code: FlagEmployment, Kind: KindFlag, Cite: cR9,
		ZH: "转介就业救助：成员 {member} 有劳动能力而无就业收入", EN: "Referral to employment assistance: member {member} can work and has no earnings"},
	{Code: FlagEducation, Kind: KindFlag, Cite: cR9,
		ZH: "转介教育救助：成员 {member} 为在校学生", EN: "Referral to education assistance: member {member} is a student"},
	{Code: FlagEducationExpenditure, Kind: KindFlag, Cite: cR9,
		ZH: "转介教育救助：近 12 个月教育支出 {education} 元", EN: "Referral to education assistance: education expenditure of {education} yuan over 12 months"},
	{Code: FlagMedical, Kind: KindFlag, Cite: cR9,
		ZH: "转介医疗救助：近 12 个月医疗、康复支出 {medical} 元", EN: "Referral to medical assistance: medical and rehabilitation expenditure of {medical} yuan over 12 months"},
	{Code: FlagMedicalIllness, Kind: KindFlag, Cite: cR9,
		ZH: "转介医疗救助：成员 {member} 患重病", EN: "Referral to medical assistance: member {member} is seriously ill"},
	{Code: FlagHousing, Kind: KindFlag, Cite: cR9,
		ZH: "转介住房等专项救助：近 12 个月灾害、意外支出 {disaster} 元", EN: "Referral to housing and other special assistance: disaster and accident expenditure of {disaster} yuan over 12 months"},
	{Code: FlagR1Referral, Kind: KindFlag, Cite: cR4,
		ZH: "转介：按困难类型及时给予临时救助、专项救助（{members}）",
		EN: "Referral: temporary assistance and special assistance by hardship type ({members})"},

	// Decisions.
	{Code: DecisionNotEligible, Kind: KindDecision, Cite: cMeans,
		ZH: "结论：不符合低保、低保边缘家庭及特困人员条件", EN: "Decision: not eligible for dibao, edge-household status or tekun support"},
	{Code: DecisionEdge, Kind: KindDecision, Cite: cR4,
		ZH: "结论：低保边缘家庭（{band}）", EN: "Decision: edge household ({band})"},
	{Code: DecisionGradualExit, Kind: KindDecision, Cite: cR4,
		ZH: "结论：低保渐退期，至 {end}止", EN: "Decision: gradual exit until {end}"},
	{Code: DecisionDibao, Kind: KindDecision, Cite: cMeans,
		ZH: "结论：最低生活保障", EN: "Decision: dibao"},
	{Code: DecisionTekun, Kind: KindDecision, Cite: cInt14,
		ZH: "结论：特困人员救助供养", EN: "Decision: tekun support"},
	{Code: DecisionSinglePerson, Kind: KindDecision, Cite: cR4,
		ZH: "成员 {member} 按单人户纳入最低生活保障", EN: "Member {member} is brought into dibao as a single-person household"},
	{Code: DecisionMemberExit, Kind: KindDecision, Cite: cR4,
		ZH: "成员 {member} 按单人户处于低保渐退期，至 {end}止", EN: "Member {member} is in a single-person gradual exit until {end}"},
	{Code: DecisionMemberTekun, Kind: KindDecision, Cite: cInt14,
		ZH: "成员 {member} 单独认定为特困人员", EN: "Member {member} is supported alone as a person in extreme poverty"},

	// Payment.
	{Code: LineGap, Kind: KindLine, Cite: cInt12,
		ZH: "差额发放：低保标准 {standard} 元 × {members} 人 = {line} 元，减家庭月收入 {countable} 元，为 {exact} 元；发放 {paid} 元",
		EN: "Gap payment: standard {standard} × {members} members = {line} yuan, less countable income {countable} yuan = {exact} yuan; paid {paid} yuan"},
	{Code: LineGapMinimum, Kind: KindLine, Cite: cInt12,
		ZH: "差额发放：低保标准 {standard} 元 × {members} 人 = {line} 元，减家庭月收入 {countable} 元，差额 {gap} 元低于保障线的 {share}，按 {share} 计为 {exact} 元；发放 {paid} 元",
		EN: "Gap payment: standard {standard} × {members} members = {line} yuan, less countable income {countable} yuan = {gap} yuan, below {share} of the line: counted as {share}, {exact} yuan; paid {paid} yuan"},
	{Code: LineTier, Kind: KindLine, Cite: cR6,
		ZH: "成员 {member}：分档发放，家庭月收入 {countable} 元（{members} 人）属第 {tier} 档，发放 {paid} 元",
		EN: "Member {member}: tiered payment; countable income of {countable} yuan for {members} members falls in tier {tier}: paid {paid} yuan"},
	{Code: LineTierPlaced, Kind: KindLine, Cite: cR6,
		ZH: "成员 {member}：分档发放，{category}列入第 {tier} 档，发放 {paid} 元",
		EN: "Member {member}: tiered payment; {category} are placed in tier {tier}: paid {paid} yuan"},
	{Code: LineSupplement, Kind: KindLine, Cite: cR6,
		ZH: "成员 {member}：加发 {rate} × 低保标准 {standard} 元（{categories}，计 {count} 项）= {exact} 元；发放 {paid} 元",
		EN: "Member {member}: supplement of {rate} × the standard {standard} ({categories}; counted {count}) = {exact} yuan; paid {paid} yuan"},
	{Code: LineSupplementRates, Kind: KindLine, Cite: cR6,
		ZH: "成员 {member}：加发，类别 {categories}，本地年龄类别 {groups}，按叠加规则计 {rate} × 低保标准 {standard} 元 = {exact} 元；发放 {paid} 元",
		EN: "Member {member}: supplement; categories {categories}, local age groups {groups}; by the stacking rule {rate} × the standard {standard} = {exact} yuan; paid {paid} yuan"},
	{Code: LineSinglePerson, Kind: KindLine, Cite: cR4,
		ZH: "成员 {member}：单人户差额 = 低保标准 {standard} 元 − 本人月收入 {countable} 元 = {exact} 元；发放 {paid} 元",
		EN: "Member {member}: single-person gap = standard {standard} − own income {countable} = {exact} yuan; paid {paid} yuan"},
	{Code: LineGradualExit, Kind: KindLine, Cite: cR4,
		ZH: "渐退期内按原月保障金继续发放，至 {end}止：{paid} 元",
		EN: "During the gradual exit the last monthly amount continues until {end}: {paid} yuan"},
	{Code: LinePriceSubsidy, Kind: KindLine, Cite: HLJ("四（二）"),
		ZH: "成员 {member}（{group}）：价格临时补贴，{index}同比上涨 {rise}，低保标准 {standard} 元 × 涨幅 = {exact} 元；发放 {paid} 元",
		EN: "Member {member} ({group}): price subsidy; {index} rose {rise} year on year; standard {standard} × the rise = {exact} yuan; paid {paid} yuan"},
	{Code: StepPriceNotTriggered, Kind: KindLine, Cite: HLJ("四（二）"),
		ZH: "价格临时补贴未启动：{index}同比上涨 {rise}，低于启动条件 {trigger}",
		EN: "No price subsidy: {index} rose {rise} year on year, below the trigger of {trigger}"},
	{Code: LinePriceSubsidyFloor, Kind: KindLine, Cite: HLJ("四（二）"),
		ZH: "成员 {member}（{group}）：价格临时补贴，{index}同比上涨 {rise}，低保标准 {standard} 元 × 涨幅 = {computed} 元，低于每人最低 {floor} 元，按最低额发放 {paid} 元",
		EN: "Member {member} ({group}): price subsidy; {index} rose {rise} year on year; standard {standard} × the rise = {computed} yuan, below the least of {floor} yuan a person: paid {paid} yuan"},
	{Code: LinePriceSubsidyFixed, Kind: KindLine, Cite: HLJ("四（二）"),
		ZH: "成员 {member}（{group}）：价格临时补贴，{index}同比上涨 {rise}，按本地规定每人 {amount} 元 = {exact} 元；发放 {paid} 元",
		EN: "Member {member} ({group}): price subsidy; {index} rose {rise} year on year; a fixed {amount} yuan a person by local rule = {exact} yuan; paid {paid} yuan"},
	{Code: LinePriceSubsidyBanded, Kind: KindLine, Cite: HLJ("四（二）"),
		ZH: "成员 {member}（{group}）：价格临时补贴，{index}同比上涨 {rise}，属自 {from} 起的一档：低保标准 {standard} 元 × {share} = {exact} 元；发放 {paid} 元",
		EN: "Member {member} ({group}): price subsidy; {index} rose {rise} year on year, in the band from {from}: standard {standard} × {share} = {exact} yuan; paid {paid} yuan"},
	{Code: LinePriceSubsidyMultiplied, Kind: KindLine, Cite: HLJ("四（二）"),
		ZH: "成员 {member}（{group}）：价格临时补贴，{index}同比上涨 {rise}，按公式（{formula}）每人 {base} 元，期间乘以 {multiplier} = {exact} 元；发放 {paid} 元",
		EN: "Member {member} ({group}): price subsidy; {index} rose {rise} year on year; by the formula ({formula}) {base} yuan a person, × {multiplier} for the period = {exact} yuan; paid {paid} yuan"},
	{Code: LineTekunBasic, Kind: KindLine, Cite: cInt14,
		ZH: "成员 {member}：特困人员基本生活标准（{area}，均等化机构供养：{equalised}）{basic} 元；发放 {paid} 元",
		EN: "Member {member}: tekun basic living standard ({area}; equalised institution: {equalised}) {basic} yuan; paid {paid} yuan"},
	{Code: LineTekunCare, Kind: KindLine, Cite: cInt14,
		ZH: "成员 {member}：特困人员照料护理标准（{level}）{paid} 元",
		EN: "Member {member}: tekun care standard ({level}): {paid} yuan"},
	{Code: StepTekunFormula, Kind: KindLine, Cite: cInt14,
		ZH: "成员 {member}：按公式 {factor}低保标准 {standard} 元并按规则舍入为 {formula} 元（供对照；发放按公布标准）",
		EN: "Member {member}: by the formula, {factor} the standard {standard}, rounded as declared, is {formula} yuan (for comparison; the published amount is paid)"},
	{Code: StepPaymentTotal, Kind: KindLine, Cite: cInt12,
		ZH: "每月合计发放 {total} 元", EN: "Monthly total paid: {total} yuan"},
	{Code: StepTemporary, Kind: KindLine, Cite: cR10,
		ZH: "临时救助（{hardship}，急难发生地{place}）：上限 {cap} 元，核准 {approved} 元，分 {instalments} 期发放",
		EN: "Temporary assistance ({hardship}; emergency in {place}): cap {cap} yuan, approved {approved} yuan, paid in {instalments} instalments"},
	{Code: StepPaidFirst, Kind: KindLine, Cite: cR10,
		ZH: "临时救助（{hardship}，急难发生地{place}）：上限 {cap} 元，核准 {approved} 元，分 {instalments} 期发放；先行救助，事后核实",
		EN: "Temporary assistance ({hardship}; emergency in {place}): cap {cap} yuan, approved {approved} yuan, paid in {instalments} instalments; paid first, verified after"},
	{Code: StepInstalment, Kind: KindLine, Cite: cR10,
		ZH: "第 {number} 期：{amount} 元", EN: "Instalment {number}: {amount} yuan"},
}
