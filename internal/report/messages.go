package report

import (
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/problem"
)

// Msg names a problem message: its code and its sentence in both languages.
type Msg uint16

// Messages. The sentences are in catalog below.
const (
	msgNone Msg = iota
	// Reading input.
	MsgSyntax
	MsgTrailing
	MsgTooLarge
	MsgTooLargeRead
	MsgMethod
	MsgMediaType
	MsgUnreadable
	MsgUnavailable
	MsgInvalidUTF8
	MsgTooDeep
	MsgUnknownField
	MsgDuplicateKey
	MsgRequired
	MsgNotEmpty
	MsgType
	MsgBadNumber
	MsgBadInt
	MsgBadEnum
	MsgBadDate
	MsgBadRegion
	MsgTooMany
	MsgTooManyItems
	MsgTooLong
	MsgNulChar
	// Values.
	MsgNegative
	MsgTooPrecise
	MsgAmountRange
	MsgRateRange
	MsgPositive
	MsgTotalRange
	MsgDuplicateValue
	MsgPolicyRange
	MsgPolicyValue
	MsgInsane
	// Standards files.
	MsgFormat
	MsgDivisionsBoth
	MsgNoDivisions
	MsgDivisionDuplicate
	MsgDivisionParent
	MsgDivisionParentMissing
	MsgDivisionLevel
	MsgDivisionHeader
	MsgDivisionName
	MsgSourceID
	MsgSourceUndeclared
	MsgSourceConflict
	MsgRegionUnknown
	MsgRegionOutside
	MsgSeriesOverlap
	MsgAreaRequired
	MsgUntilBeforeFrom
	MsgFromNotAfter
	MsgValuesGap
	MsgValuesOverlap
	MsgAtLeastOne
	MsgTooFewTiers
	MsgTierEmpty
	MsgTierStart
	MsgTierGap
	MsgTierOverlap
	MsgTierAmounts
	MsgTierUncovered
	MsgPlacementTier
	MsgWageTierOrder
	MsgWageOrder
	MsgCareOrder
	MsgMissingTier
	MsgNoWageTable
	MsgTierNoRate
	MsgNoEdgeBand
	MsgBelowFloor
	MsgCategoryBounds
	MsgNoEffect
	MsgUnknownParam
	MsgValueType
	MsgJurisdiction
	MsgRoundingUnset
	MsgRoundingDown
	// Households and requests.
	MsgRegionCounty
	MsgAreaUrbanRural
	MsgNoMembers
	MsgApplicant
	MsgMemberIDDuplicate
	MsgFutureBirth
	MsgFutureSince
	MsgDateRange
	MsgGradeRange
	MsgGradeWithoutCategory
	MsgItemsOrder
	MsgServiceGrade
	MsgUnknownMember
	MsgSelfCare
	MsgNotDependent
	MsgMonthsOnlyTotal
	MsgMonthsRange
	MsgSupportBasis
	MsgBasisOnlySupport
	MsgMissingWorkplace
	MsgWorkplaceAmbiguous
	MsgFactorRange
	MsgCountRange
	MsgPeriodRemoved
	MsgExemptOnlySupport
	MsgExitEndRequired
	MsgExitEndBeyond
	MsgLastAmountRequired
	MsgPricesMonth
	MsgHardshipUnknown
	MsgInstalments
	MsgRequestedRequired
	MsgMemberStatus
	MsgMemberInHousehold
	MsgInconsistentFormula
	MsgBandsOrder
	MsgRelativeInexact
	MsgRelativeType
	MsgRelativeNothing
	MsgChangeHow
	MsgSurveyOrder
	MsgAgeOrder
	MsgCSVSyntax
	MsgCSVFields
	MsgColumnNotForRecord
	MsgHouseholdRow
	MsgRecordAmount
	MsgRecordTotal
	// The standards cannot decide.
	MsgNotCovered
	MsgNotCoveredAnywhere
	MsgRoundingRequired
	MsgCaregiverFactorMissing
	MsgStaleOverYear
	msgEnd
)

type def struct {
	code problem.Code
	zh   string
	en   string
	tmpl [2]text.Template
}

var catalog = func() [msgEnd]def {
	c := [msgEnd]def{
		MsgSyntax:       {code: problem.Syntax, zh: "第 {offset} 字节处不是有效的 JSON：{what}", en: "not valid JSON at byte {offset}: {what}"},
		MsgTrailing:     {code: problem.Syntax, zh: "JSON 文档之后（第 {offset} 字节处）还有内容", en: "there is more after the JSON document (at byte {offset})"},
		MsgTooLarge:     {code: problem.TooLarge, zh: "输入为 {size} 字节，超过上限 {limit} 字节", en: "the input is {size} bytes; the limit is {limit}"},
		MsgTooLargeRead: {code: problem.TooLarge, zh: "输入超过上限 {limit} 字节", en: "the input is longer than the limit of {limit} bytes"},
		MsgMethod:       {code: problem.Method, zh: "此地址只接受 {method} 请求", en: "this address answers {method} only"},
		MsgMediaType:    {code: problem.MediaType, zh: "请求内容须为 UTF-8 编码的 JSON（Content-Type: application/json），收到的是 {type}", en: "the request body must be JSON in UTF-8 (Content-Type: application/json); it was {type}"},
		MsgUnreadable:   {code: problem.Unreadable, zh: "无法读取请求内容", en: "the request body could not be read"},
		MsgUnavailable:  {code: problem.Unavailable, zh: "服务处理出错，未作决定；请稍后重试", en: "the service failed on this request and decided nothing; try again later"},
		MsgInvalidUTF8:  {code: problem.InvalidUTF8, zh: "第 {offset} 字节处不是有效的 UTF-8 文本", en: "not valid UTF-8 text at byte {offset}"},
		MsgTooDeep:      {code: problem.TooDeep, zh: "嵌套超过 {max} 层", en: "nested more than {max} levels deep"},
		MsgUnknownField: {code: problem.UnknownField, zh: "未知字段“{field}”", en: "unknown field \"{field}\""},
		MsgDuplicateKey: {code: problem.Duplicate, zh: "字段“{field}”出现了不止一次", en: "the field \"{field}\" is given more than once"},
		MsgRequired:     {code: problem.Required, zh: "必须填写 {field}", en: "{field} is required"},
		MsgNotEmpty:     {code: problem.Required, zh: "不能为空", en: "must not be empty"},
		MsgType:         {code: problem.Type, zh: "应为{want}，不能是{got}", en: "must be {want}, not {got}"},
		MsgBadNumber:    {code: problem.BadNumber, zh: "“{value}”不是纯数字写法的小数（可带负号，不带指数、正号或空格）", en: "\"{value}\" is not a plain decimal (an optional minus, digits, a point; no exponent, plus sign or spaces)"},
		MsgBadInt:       {code: problem.BadNumber, zh: "“{value}”不是 {min} 至 {max} 之间的整数", en: "\"{value}\" is not a whole number from {min} to {max}"},
		MsgBadEnum:      {code: problem.BadCode, zh: "“{value}”不是可选值（可选：{allowed}）", en: "\"{value}\" is not one of the accepted values ({allowed})"},
		MsgBadDate:      {code: problem.BadDate, zh: "“{value}”不是 YYYY-MM-DD 写法的有效日期（1900 至 2200 年）", en: "\"{value}\" is not a real date written YYYY-MM-DD (1900 to 2200)"},
		MsgBadRegion: {code: problem.BadCode, zh: "“{value}”不是行政区划代码：应为六位数字，前两位为省级代码 11–82（黑龙江为 23），中间两位为 00 时末两位也须为 00",
			en: "\"{value}\" is not a division code: six digits, the first two a province from 11 to 82 (23 for Heilongjiang), and the last two 00 when the middle two are 00"},
		MsgTooMany:      {code: problem.TooMany, zh: "另有 {n} 个问题未列出", en: "{n} more problems not listed"},
		MsgTooManyItems: {code: problem.TooLarge, zh: "共 {n} 项，最多 {max} 项", en: "{n} entries; at most {max}"},
		MsgTooLong:      {code: problem.OutOfRange, zh: "长度超过 {max} 字节", en: "longer than {max} bytes"},
		MsgNulChar:      {code: problem.BadCode, zh: "不能含有控制字符", en: "must not contain control characters"},

		MsgNegative:       {code: problem.Negative, zh: "金额 {value} 为负数", en: "the amount {value} is negative"},
		MsgTooPrecise:     {code: problem.TooPrecise, zh: "“{value}”的小数位数超过 {places} 位", en: "\"{value}\" has more than {places} decimal places"},
		MsgAmountRange:    {code: problem.OutOfRange, zh: "金额 {value} 超出 {min} 至 {max} 元的范围", en: "the amount {value} is outside {min} to {max} yuan"},
		MsgRateRange:      {code: problem.OutOfRange, zh: "{value} 超出 {min} 至 {max} 的范围", en: "{value} is outside {min} to {max}"},
		MsgPositive:       {code: problem.OutOfRange, zh: "必须大于 0", en: "must be greater than 0"},
		MsgTotalRange:     {code: problem.OutOfRange, zh: "各项合计超过 {max} 元", en: "the items add up to more than {max} yuan"},
		MsgDuplicateValue: {code: problem.Duplicate, zh: "“{value}”列出了不止一次", en: "\"{value}\" is listed more than once"},
		MsgPolicyRange: {code: problem.OutOfRange, zh: "{value} 超出政策规定的范围（{range}）；改革模拟可在改革文件中写 \"allow_out_of_range\": true（Go 中为 AllowOutOfRange）以允许",
			en: "{value} is outside the policy's range ({range}); a reform may go beyond it with \"allow_out_of_range\": true in its file (AllowOutOfRange in Go)"},
		MsgPolicyValue: {code: problem.OutOfRange, zh: "{value} 与政策规定的 {want} 不同；改革模拟可在改革文件中写 \"allow_out_of_range\": true（Go 中为 AllowOutOfRange）以允许",
			en: "{value} differs from the policy's {want}; a reform may differ with \"allow_out_of_range\": true in its file (AllowOutOfRange in Go)"},
		MsgInsane: {code: problem.Insane, zh: "{value} 超出合理范围（{range}）", en: "{value} is outside any sensible range ({range})"},

		MsgFormat:                {code: problem.BadCode, zh: "格式“{value}”不是“{want}”", en: "the format \"{value}\" is not \"{want}\""},
		MsgDivisionsBoth:         {code: problem.Duplicate, zh: "文件中已有区划名录，又另行提供了名录；只能二选一", en: "the file has a division register and another one was given; give one"},
		MsgNoDivisions:           {code: problem.Required, zh: "没有区划名录：请在文件中加入 divisions", en: "there is no division register: add \"divisions\""},
		MsgDivisionDuplicate:     {code: problem.Duplicate, zh: "区划代码 {code} 重复", en: "the division code {code} is listed twice"},
		MsgDivisionParent:        {code: problem.Inconsistent, zh: "区划 {code} 的上级为“{parent}”，应为“{want}”", en: "division {code} has the parent \"{parent}\"; its code implies \"{want}\""},
		MsgDivisionParentMissing: {code: problem.Inconsistent, zh: "区划 {code} 的上级 {parent} 不在名录中", en: "the parent {parent} of division {code} is not in the register"},
		MsgDivisionLevel:         {code: problem.Inconsistent, zh: "级别“{level}”与代码 {code} 不符（应为 {want}）", en: "the level \"{level}\" disagrees with the code {code} ({want})"},
		MsgDivisionHeader:        {code: problem.Syntax, zh: "首行须为 {want}", en: "the first line must be {want}"},
		MsgDivisionName:          {code: problem.Required, zh: "区划 {code} 没有名称", en: "division {code} has no name"},
		MsgSourceID:              {code: problem.BadCode, zh: "来源编号“{id}”须为 1 至 64 个 a-z、0-9、.、_、:、- 字符，以字母或数字开头", en: "the source id \"{id}\" must be 1 to 64 of a-z 0-9 . _ : - starting with a letter or digit"},
		MsgSourceUndeclared:      {code: problem.BadCode, zh: "来源“{id}”未在 sources 中声明", en: "the source \"{id}\" is not declared in \"sources\""},
		MsgSourceConflict:        {code: problem.Duplicate, zh: "来源编号“{id}”与基础数据中的同名来源不同", en: "the source id \"{id}\" is already used by a different source in the base data"},
		MsgRegionUnknown:         {code: problem.UnknownRegion, zh: "地区 {region} 不在区划名录中", en: "the region {region} is not in the division register"},
		MsgRegionOutside:         {code: problem.UnknownRegion, zh: "地区 {region} 不在辖区 {jurisdiction} 之内", en: "the region {region} is outside the jurisdiction {jurisdiction}"},
		MsgSeriesOverlap:         {code: problem.Overlap, zh: "地区 {region}{area} 的 {param} 已在 {other} 给出", en: "{param} for the region {region}{area} is already given at {other}"},
		MsgAreaRequired:          {code: problem.AreaRequired, zh: "{param} 按城乡分列：请填写 \"urban\" 或 \"rural\"", en: "{param} is split by area: give \"urban\" or \"rural\""},
		MsgUntilBeforeFrom:       {code: problem.Inconsistent, zh: "截止日 {until} 早于起始日 {from}", en: "the last day {until} is before the first day {from}"},
		MsgFromNotAfter:          {code: problem.Unordered, zh: "起始日 {from} 不晚于上一个数值的起始日 {prev}", en: "the first day {from} is not after the previous value's {prev}"},
		MsgValuesGap:             {code: problem.Gap, zh: "{from} 至 {to} 期间没有数值", en: "nothing is in force from {from} to {to}"},
		MsgValuesOverlap:         {code: problem.Overlap, zh: "截止日 {until} 与下一个数值的起始日 {from} 重叠", en: "the last day {until} overlaps the next value, from {from}"},
		MsgAtLeastOne:            {code: problem.Required, zh: "至少需要一项", en: "at least one entry is required"},
		MsgTooFewTiers:           {code: problem.TooFewTiers, zh: "只有 {n} 个档次；黑民规〔2021〕11号 四（二）要求不少于 {min} 个", en: "{n} tiers; HLJ-2021-11 §4(2) requires at least {min}"},
		MsgTierEmpty:             {code: problem.Inconsistent, zh: "空档次：自 {from} 至 {to}", en: "an empty tier: from {from} to {to}"},
		MsgTierStart:             {code: problem.Gap, zh: "第一档须从 0（含）开始", en: "the first tier must start at 0, inclusive"},
		MsgTierGap:               {code: problem.Gap, zh: "第 {i} 档（至 {to}）与第 {j} 档（自 {from}）之间有空缺", en: "a gap between tier {i} (to {to}) and tier {j} (from {from})"},
		MsgTierOverlap:           {code: problem.Overlap, zh: "第 {i} 档（至 {to}）与第 {j} 档（自 {from}）重叠", en: "tier {i} (to {to}) and tier {j} (from {from}) overlap"},
		MsgTierAmounts:           {code: problem.EqualAmounts, zh: "第 {j} 档发放 {amount} 元，不低于第 {i} 档的 {prev} 元：收入越高，金额须越低（黑民规〔2021〕11号 四（二）：不得平均化发放）", en: "tier {j} pays {amount} yuan, not less than tier {i}'s {prev}: amounts must fall as income rises (HLJ-2021-11 §4(2), R6: not averaged)"},
		MsgTierUncovered:         {code: problem.Uncovered, zh: "档次表止于 {top} 元，而 {date} 起 {region}{area} 的低保标准为 {standard} 元：人均收入在 {top} 至 {standard} 元之间的家庭没有档次", en: "the tier table ends at {top} yuan, but the dibao standard of {region}{area} from {date} is {standard} yuan: households with a per-capita income from {top} to {standard} have no tier"},
		MsgPlacementTier:         {code: problem.BadCode, zh: "第 {tier} 档不存在", en: "tier {tier} does not exist"},
		MsgWageTierOrder:         {code: problem.Unordered, zh: "第 {n} 项为第 {tier} 档：档次须按 1、2、…… 顺序列出", en: "entry {n} is tier {tier}: tiers must be numbered 1, 2, … in order"},
		MsgWageOrder:             {code: problem.Unordered, zh: "第 {tier} 档 {amount} 元不低于第 {prev} 档 {prev_amount} 元", en: "tier {tier}'s {amount} yuan is not below tier {prev}'s {prev_amount}"},
		MsgCareOrder:             {code: problem.Unordered, zh: "照料护理标准不得随护理需求上升而降低（全自理 {self}、半护理 {partial}、全护理 {full}）", en: "care amounts must not fall as care needs rise (self-care {self}, partial {partial}, full {full})"},
		MsgMissingTier:           {code: problem.MissingTier, zh: "{region}（{name}）在 {date} 没有最低工资档次", en: "{region} ({name}) has no minimum-wage tier on {date}"},
		MsgNoWageTable:           {code: problem.MissingTier, zh: "{date} 没有最低工资标准表，而 {region} 为第 {tier} 档", en: "there is no minimum-wage table on {date}, when {region} is in tier {tier}"},
		MsgTierNoRate:            {code: problem.MissingTier, zh: "{region} 在 {date} 为第 {tier} 档，但当时的最低工资标准表中没有该档", en: "{region} is in tier {tier} on {date}, but the minimum-wage table then in force has no such tier"},
		MsgNoEdgeBand:            {code: problem.Inconsistent, zh: "{region}{area} 有低保标准，但 {date} 起没有不低于 1.5 倍的边缘家庭档次（黑民规〔2021〕11号 四（一））", en: "{region}{area} has a dibao standard, but from {date} no edge band of at least 1.5× (HLJ-2021-11 §4(1))"},
		MsgBelowFloor:            {code: problem.BelowFloor, zh: "{value} 低于省级指导标准 {floor}（{source}）", en: "{value} is below the provincial guidance {floor} ({source})"},
		MsgCategoryBounds:        {code: problem.Inconsistent, zh: "年龄下限 {min} 不低于上限 {max}", en: "the lowest age {min} is not below the highest {max}"},
		MsgNoEffect:              {code: problem.NoEffect, zh: "此项改动对任何查询都不起作用：{region}{area} 的查询由 {shadow} 的数值作答", en: "this change would have no effect on any lookup: lookups for {region}{area} are answered by the values of {shadow}"},
		MsgUnknownParam:          {code: problem.BadCode, zh: "未知参数“{param}”", en: "unknown parameter \"{param}\""},
		MsgValueType:             {code: problem.Type, zh: "{param} 的取值类型不对", en: "the value has the wrong type for {param}"},
		MsgJurisdiction:          {code: problem.UnknownRegion, zh: "辖区 {region} 不在区划名录中", en: "the jurisdiction {region} is not in the division register"},
		MsgRoundingUnset:         {code: problem.Required, zh: "舍入单位或方式未设定", en: "the rounding unit or mode is not set"},
		MsgRoundingDown:          {code: problem.OutOfRange, zh: "分期金额只能向下舍入（末期领取余额），不能用“{mode}”", en: "instalments are rounded down (the last takes the remainder), not \"{mode}\""},

		MsgRegionCounty:         {code: problem.Required, zh: "需要六位行政区划代码", en: "a six-digit division code is required"},
		MsgAreaUrbanRural:       {code: problem.Required, zh: "须为 urban（城市）或 rural（农村）", en: "must be urban or rural"},
		MsgNoMembers:            {code: problem.Empty, zh: "家庭至少需要一名成员", en: "a household needs at least one member"},
		MsgApplicant:            {code: problem.Applicant, zh: "{n} 名成员为申请人；须恰有一名", en: "{n} members are the applicant; exactly one must be"},
		MsgMemberIDDuplicate:    {code: problem.Duplicate, zh: "成员编号“{id}”已被 {other} 使用", en: "the member ID \"{id}\" is used by {other} too"},
		MsgFutureBirth:          {code: problem.FutureDate, zh: "出生日期 {born} 晚于评估日期 {date}", en: "born {born}, after the assessment date {date}"},
		MsgFutureSince:          {code: problem.FutureDate, zh: "日期 {since} 晚于评估日期 {date}", en: "{since} is after the assessment date {date}"},
		MsgDateRange:            {code: problem.OutOfRange, zh: "日期 {date} 晚于可评估的最后日期 {max}", en: "{date} is after {max}, the last date decisions are made for"},
		MsgGradeRange:           {code: problem.OutOfRange, zh: "残疾等级 {grade} 不在 1 至 4 级之间", en: "the disability grade {grade} is outside 1 to 4"},
		MsgGradeWithoutCategory: {code: problem.BadReference, zh: "有残疾等级而没有残疾类别", en: "a grade without a disability category"},
		MsgItemsOrder:           {code: problem.BadReference, zh: "成员的收入项目与其他成员的交错或越界", en: "the member's income items overlap another member's or lie outside the list"},
		MsgServiceGrade:         {code: problem.OutOfRange, zh: "伤残等级 {grade} 不在 1 至 10 级之间（无则填 0）", en: "the grade {grade} is outside 1 to 10 (0 for none)"},
		MsgUnknownMember:        {code: problem.UnknownMember, zh: "没有编号为“{id}”的成员", en: "no member has the ID \"{id}\""},
		MsgSelfCare:             {code: problem.BadReference, zh: "成员不能照护自己", en: "a member cannot be their own caregiver"},
		MsgNotDependent:         {code: problem.BadReference, zh: "成员“{id}”在 {date} 既非失能或半失能，也非未成年人（黑民规〔2021〕11号 四（八）所称照护仅限这两类人员）", en: "member \"{id}\" is neither dependent on care (dependency full or semi: 失能/半失能) nor a minor on {date} (HLJ-2021-11 §4(8), R14, covers only these)"},
		MsgMonthsOnlyTotal:      {code: problem.BadReference, zh: "months 只能与 period \"total\" 同用", en: "months goes only with the period \"total\""},
		MsgMonthsRange:          {code: problem.OutOfRange, zh: "月数 {n} 不在 1 至 12 之间（收入按申请月前 12 个月计算）", en: "{n} months is outside 1 to 12 (income is taken over the 12 months before the application)"},
		MsgSupportBasis:         {code: problem.Required, zh: "赡养（抚养、扶养）费须注明依据：court_order（判决）、agreement（协议）或 assessed（依法核定）（黑民规〔2021〕11号 四（八））", en: "support payments need their basis: court_order, agreement or assessed (HLJ-2021-11 §4(8), R12)"},
		MsgBasisOnlySupport:     {code: problem.BadReference, zh: "依据只适用于收到或支付的赡养费", en: "a basis goes only with support received or paid"},
		MsgMissingWorkplace:     {code: problem.MissingWorkplace, zh: "有工资性收入的成员须填写务工地（县级代码），以计算就业成本扣减（黑民规〔2021〕11号 四（八））", en: "a member with wage income needs a place of work (a county-level code) for the employment-cost deduction (HLJ-2021-11 §4(8), R13)"},
		MsgWorkplaceAmbiguous:   {code: problem.Ambiguous, zh: "务工地 {region} 所辖各县区在 {date} 的最低工资档次不同：请填写县级代码", en: "the counties of {region} sit in different minimum-wage tiers on {date}: give a county-level code"},
		MsgFactorRange:          {code: problem.OutOfRange, zh: "比例 {value} 不在 0 至 1 之间，或超过两位小数", en: "the factor {value} is outside 0 to 1 or has more than two decimal places"},
		MsgCountRange:           {code: problem.OutOfRange, zh: "数量 {n} 不在 0 至 {max} 之间", en: "the count {n} is outside 0 to {max}"},
		MsgPeriodRemoved:        {code: problem.BadCode, zh: "period \"months\" 已取消：在 12 个月内收到的合计请用 \"total\"（一律除以 12），可用 months 注明实际月数", en: "the period \"months\" was removed: a total received within the 12 months is \"total\" (always ÷ 12), with months telling how many months it came in"},
		MsgExemptOnlySupport:    {code: problem.BadReference, zh: "个案豁免只适用于成年无业重度残疾人从兄弟姐妹或 60 岁以上人员处收到的赡养（扶养）费（黑民规〔2023〕1号）", en: "a case-level exemption applies only to support an adult, unemployed, severely disabled person receives from siblings or people aged 60+ (黑民规〔2023〕1号)"},
		MsgExitEndRequired:      {code: problem.Required, zh: "渐退期的家庭须填写渐退期截止日", en: "a gradual exit needs its last day"},
		MsgExitEndBeyond:        {code: problem.OutOfRange, zh: "渐退期截止日 {end} 晚于最长渐退期（{months} 个月）所允许的 {max}", en: "the gradual exit's last day {end} is after {max}, the latest the longest exit of {months} months allows"},
		MsgLastAmountRequired:   {code: problem.Required, zh: "渐退期内须填写上月保障金（大于 0）", en: "a gradual exit needs the last monthly amount (greater than 0)"},
		MsgPricesMonth:          {code: problem.Required, zh: "请填写价格指数公布的月份", en: "give the month the price indices were published"},
		MsgHardshipUnknown:      {code: problem.BadCode, zh: "困难类型“{value}”不在标准所列之中（{allowed}）", en: "the hardship \"{value}\" is not among the standards' types ({allowed})"},
		MsgInstalments:          {code: problem.OutOfRange, zh: "分 {n} 期不在 1 至 {max} 期之间", en: "{n} instalments is outside 1 to {max}"},
		MsgRequestedRequired:    {code: problem.Required, zh: "请填写申请救助的金额", en: "give the amount requested"},
		MsgMemberStatus:         {code: problem.BadCode, zh: "成员本人的状态只能是 single_person、gradual_exit 或 tekun，不能是“{status}”", en: "a member's own status is single_person, gradual_exit or tekun, not \"{status}\""},
		MsgMemberInHousehold:    {code: problem.Inconsistent, zh: "家庭为{status}时，成员不能另有单人户待遇：成员已在家庭待遇中保障", en: "a member cannot have a single-person standing while the household is {status}: the household's payment covers the member"},

		MsgNotCovered:          {code: problem.NotCovered, zh: "标准数据没有 {region}{area} 在 {date} 的{param}；数据覆盖：{covered}", en: "the standards hold no {param} for {region}{area} on {date}; they cover {covered}"},
		MsgNotCoveredAnywhere:  {code: problem.NotCovered, zh: "标准数据没有 {region}{area} 在 {date} 的{param}（该地区及其上级均无此项）", en: "the standards hold no {param} for {region}{area} on {date} (nor for any division above it)"},
		MsgRoundingRequired:    {code: problem.RoundingRequired, zh: "{what} {value} 不是整分，而标准数据没有规定其舍入规则（{param}）", en: "{what} of {value} is not a whole fen, and the standards declare no rounding rule for it ({param})"},
		MsgInconsistentFormula: {code: problem.Inconsistent, zh: "公式 {formula} 不用这里给出的数值", en: "the formula {formula} does not use the values given here"},
		MsgBandsOrder:          {code: problem.Unordered, zh: "各档须按起点从低到高排列", en: "bands must be in rising order of their start"},
		MsgRelativeInexact:     {code: problem.TooPrecise, zh: "{value} 按系数 {factor} 调整后不是本参数可取的精确值；请在本项调整中给出 round（舍入规则：unit 为 fen、jiao 或 yuan，mode 为 half_up、up、down 或 half_even）", en: "{value} changed by the factor {factor} is not a value the parameter can hold exactly; give the change a round rule (unit fen, jiao or yuan; mode half_up, up, down or half_even)"},
		MsgRelativeType: {code: problem.Type, zh: "只有金额、比例和整数参数可以按比例或增量调整（特困供养标准只能按比例，其各项金额一并调整）",
			en: "only amounts, rates and whole numbers can be changed by a factor or an increment (tekun_support by a factor only, every amount of it)"},
		MsgAgeOrder:               {code: problem.Inconsistent, zh: "最高年龄 {max} 小于最低年龄 {min}", en: "the highest age {max} is below the lowest age {min}"},
		MsgSurveyOrder:            {code: problem.Unordered, zh: "成员文件中户“{household}”的行不在户文件的顺序上：成员行须按户文件的户序排列，同一户的行连续", en: "the members file's rows of household \"{household}\" do not follow the households file: members rows must come in the households file's order, each household's rows together"},
		MsgChangeHow:              {code: problem.Required, zh: "每项调整须且只须给出 value（新值）、multiply（系数）或 add（增量）之一，multiply 与 add 可以同时给出", en: "each change gives exactly one of value (a new value) or multiply and/or add (a factor, an increment)"},
		MsgRelativeNothing:        {code: problem.NoEffect, zh: "标准数据中没有该参数的数值可供调整", en: "the standards hold no value of the parameter to change"},
		MsgCSVSyntax:              {code: problem.Syntax, zh: "第 {line} 行不是有效的 CSV：{what}", en: "line {line} is not valid CSV: {what}"},
		MsgCSVFields:              {code: problem.Syntax, zh: "第 {line} 行有 {n} 个字段，表头有 {want} 个", en: "line {line} has {n} fields; the header has {want}"},
		MsgColumnNotForRecord:     {code: problem.UnknownField, zh: "“{column}”列不用于 {record} 行", en: "the column \"{column}\" does not apply to {record} rows"},
		MsgRecordAmount:           {code: problem.Inconsistent, zh: "发放金额 {amount} 不是精确数额 {exact} 按所记舍入规则（{rule}）所得的 {want}", en: "the amount paid {amount} is not {want}, the exact figure {exact} rounded by the rule recorded ({rule})"},
		MsgRecordTotal:            {code: problem.Inconsistent, zh: "合计 {total} 不等于各项发放金额之和 {sum}", en: "the total {total} is not the sum of the lines' amounts, {sum}"},
		MsgHouseholdRow:           {code: problem.Required, zh: "一户的各行以且仅以一个 household 行开始", en: "a household's rows begin with its one household row"},
		MsgStaleOverYear:          {code: problem.NotCovered, zh: "标准数据只完整到 {through}，该日期已超出一年以上；本服务不据此作出决定", en: "the standards are known complete only through {through}, more than a year before this date; this service does not decide on them"},
		MsgCaregiverFactorMissing: {code: problem.NotCovered, zh: "成员照护他人，其劳动收入可少计，但未定比例：请在家庭信息中填写 caregiver_factor（个案认定），或由标准数据提供照护者收入计算比例", en: "the member is a caregiver whose labour income may count less, but no share is set: give the household's caregiver_factor (a case-level decision), or a caregiver income factor in the standards"},
	}
	for i := range c {
		if i == 0 {
			continue
		}
		c[i].tmpl = [2]text.Template{text.MustCompile(c[i].zh), text.MustCompile(c[i].en)}
	}
	return c
}()
