package view

import (
	"github.com/dibao-go/dibao/explain"
	"golang.org/x/text/language"
)

// wordPrefix names, for a choice group whose words the library's
// explanation table holds, the group of those words ("support_basis" →
// "basis.court_order"). The other groups' words are the page's own.
func wordPrefix(group string) string {
	switch group {
	case "area", "supporter", "poverty", "disability", "group", "income", "status", "method":
		return group
	case "support_basis":
		return "basis"
	case "member_status":
		return "member"
	}
	return ""
}

// Labels returns every word of the page in the language of tag: the label
// of each field, keyed by its JSON path without indices
// ("household.members.birth_date"); the words of each choice, keyed
// "group.code" ("relation.applicant"), from the library's explanation
// table where it has them; the page's headings and messages ("ui.…") and
// the headings of a decision's warnings ("warning.assumed").
func Labels(tag language.Tag) map[string]string {
	zh := Chinese(tag)
	out := make(map[string]string, 256)
	for _, w := range pageWords() {
		if zh {
			out[w[0]] = w[1]
		} else {
			out[w[0]] = w[2]
		}
	}
	for group, codes := range Choices() {
		prefix := wordPrefix(group)
		if prefix == "" {
			continue
		}
		for _, c := range codes {
			if w := explain.Words(explain.Code(prefix+"."+c), zh); w != "" {
				out[group+"."+c] = w
			}
		}
	}
	return out
}

// pageWords is the page's own text: key, Chinese, English.
func pageWords() [][3]string {
	return [][3]string{
		// The page.
		{"ui.title", "最低生活保障审核（离线）", "Minimum living guarantee: caseworker (offline)"},
		{"ui.subtitle", "在本机浏览器中审核，家庭信息不离开本机", "Decided in this browser; the household's data stays on this computer"},
		{"ui.language", "语言", "Language"},
		{"ui.skip", "跳到审核结果", "Skip to the decision"},
		{"ui.loading", "正在加载审核程序……", "Loading the decision program…"},
		{"ui.load_failed", "审核程序未能加载：", "The decision program could not be loaded: "},
		{"ui.files", "文件", "Files"},
		{"ui.open_household", "打开家庭文件（JSON）", "Open a household file (JSON)"},
		{"ui.save_household", "保存家庭文件（JSON）", "Save the household (JSON)"},
		{"ui.household_loaded", "已打开家庭文件：", "Household file opened: "},
		{"ui.household_saved", "已保存家庭文件：", "Household saved: "},
		{"ui.household_unreadable", "家庭文件未能打开：", "The household file could not be opened: "},
		{"ui.dropped_fields", "表单中没有的字段未载入：", "Fields the form does not hold were left out: "},
		{"ui.settings_file", "本地设置文件（可选，标准数据格式）", "Local settings file (optional, in the standards format)"},
		{"ui.settings_remove", "移除本地设置", "Remove the local settings"},
		{"ui.settings_none", "使用内置标准数据，未合并本地设置。", "Using the embedded standards; no local settings merged."},
		{"ui.settings_merged", "已合并本地设置：", "Local settings merged: "},
		{"ui.settings_failed", "本地设置未能合并，仍使用此前的标准数据。", "The local settings could not be merged; the standards in use are unchanged."},
		{"ui.standards", "标准数据", "Standards"},
		{"ui.data_version", "数据版本", "data version"},
		{"ui.complete_through", "数据完整至", "complete through"},
		{"ui.identity", "标识", "identity"},
		{"ui.library", "程序", "program"},
		{"ui.form", "家庭信息", "The household"},
		{"ui.assessment", "审核", "Assessment"},
		{"ui.optional", "（可选）", " (optional)"},
		{"ui.choose", "— 请选择 —", "— choose —"},
		{"ui.not_given", "— 未填 —", "— not given —"},
		{"ui.set_default", "— 按标准数据 —", "— as the standards set —"},
		{"ui.unknown_value", "（不在可选范围内）", " (not an accepted value)"},
		{"ui.prefecture_whole", "（全市）", " (whole prefecture)"},
		{"ui.member", "成员 {n}", "Member {n}"},
		{"ui.add_member", "添加成员", "Add a member"},
		{"ui.remove_member", "删除成员 {n}", "Remove member {n}"},
		{"ui.income", "收入 {n}", "Income {n}"},
		{"ui.add_income", "添加收入", "Add an income"},
		{"ui.remove_income", "删除收入 {n}", "Remove income {n}"},
		{"ui.property_item", "财产 {n}", "Property {n}"},
		{"ui.add_property", "添加财产", "Add property"},
		{"ui.remove_property", "删除财产 {n}", "Remove property {n}"},
		{"ui.expenditure_item", "支出 {n}", "Expenditure {n}"},
		{"ui.add_expenditure", "添加支出", "Add an expenditure"},
		{"ui.remove_expenditure", "删除支出 {n}", "Remove expenditure {n}"},
		{"ui.current_member", "成员待遇 {n}", "Member standing {n}"},
		{"ui.add_current_member", "添加单独享受待遇的成员", "Add a member with a standing of their own"},
		{"ui.remove_current_member", "删除成员待遇 {n}", "Remove member standing {n}"},
		{"ui.ids_hint", "成员编号，以逗号分隔", "member IDs, separated by commas"},
		{"ui.rate_hint", "小数，如 0.036 表示 3.6%", "a decimal: 0.036 is 3.6 %"},
		{"ui.amount_hint", "元，最多两位小数", "yuan, at most two decimals"},
		{"ui.decide", "审核", "Decide"},
		{"ui.deciding", "正在审核……", "Deciding…"},
		{"ui.problems", "请更正以下问题", "Please correct these problems"},
		{"ui.problems_none_here", "未审核：请先更正表单中列出的问题。", "Not decided: correct the problems listed in the form first."},
		{"ui.result", "审核结果", "Decision"},
		{"ui.no_result", "尚未审核。填写家庭信息后按“审核”。", "Nothing decided yet. Fill in the household and press Decide."},
		{"ui.status", "结论", "Status"},
		{"ui.conclusions", "认定", "Findings"},
		{"ui.lines", "每月发放", "Monthly payment"},
		{"ui.line", "项目及依据", "Line and clause"},
		{"ui.line_member", "成员", "Member"},
		{"ui.amount", "金额（元）", "Amount (yuan)"},
		{"ui.household_line", "全户", "household"},
		{"ui.no_lines", "无每月发放。", "No monthly payment."},
		{"ui.total", "每月合计", "Monthly total"},
		{"ui.temporary", "临时救助", "Temporary assistance"},
		{"ui.approved", "核准金额（元）", "Approved (yuan)"},
		{"ui.instalment", "期次", "Instalment"},
		{"ui.reasons", "认定理由", "Reasons"},
		{"ui.flags", "监测与转介", "Monitoring and referrals"},
		{"ui.warnings", "提示", "Notices"},
		{"ui.params", "所用标准", "Standards used"},
		{"ui.assumed", "假定值", "assumed"},
		{"ui.assumed_long", "依据的标准值无文件规定，为本库假定值", "rests on a value no source settles (assumed)"},
		{"ui.stale", "可能已过时", "possibly outdated"},
		{"ui.stale_long", "依据的标准值晚于数据完整日期，可能已有更新", "rests on a value past the date its data is known complete; a newer value may exist"},
		{"ui.case_level", "个案认定", "set for this case"},
		{"ui.explanation", "完整说明", "Full explanation"},
		{"ui.request_json", "请求 JSON", "Request JSON"},
		{"ui.print", "打印决定摘要", "Print the decision summary"},
		{"ui.summary_title", "最低生活保障审核决定摘要", "Minimum living guarantee: decision summary"},
		{"ui.summary_household", "家庭", "Household"},
		{"ui.summary_members", "成员", "Members"},
		{"ui.summary_age", "{n} 岁", "aged {n}"},
		{"ui.summary_date", "评估日期", "Assessment date"},
		{"ui.summary_known_on", "按该日已公布的标准", "Standards as known on"},
		{"ui.summary_method", "发放方式", "Payment method"},
		{"ui.summary_region", "申请地", "Region"},
		{"ui.summary_area", "城乡类别", "Area"},
		{"ui.summary_caseworker", "经办人", "Caseworker"},
		{"ui.summary_reviewer", "审核人", "Reviewer"},
		{"ui.summary_signed", "日期", "Date"},
		{"ui.decided_in", "审核用时 {ms} 毫秒", "decided in {ms} ms"},
		{"ui.cite", "（依据 {cite}）", " (per {cite})"},
		{"ui.colon", "：", ": "},
		{"ui.item_sep", "；", "; "},
		{"ui.list_sep", "、", ", "},

		// The decision's warnings.
		{"warning.assumed", "使用了假定值（无文件规定，本库假定）", "Assumed values used (no source settles them)"},
		{"warning.stale", "使用了数据完整日期之后的值，可能已有更新", "Values past the date their data is known complete; a newer value may exist"},
		{"warning.stale_over_a_year", "所用标准已超出数据完整日期一年以上", "The standards used are more than a year past the date their data is known complete"},
		{"warning.below_guidance", "所用标准低于省级指导标准", "A standard used is below the provincial guidance"},

		// The request's fields.
		{"date", "评估日期", "Assessment date"},
		{"known_on", "按某日已公布的标准（补发时用）", "Standards as known on (for back-pay)"},
		{"method", "发放方式", "Payment method"},
		{"explain", "说明", "Explanation"},
		{"household", "家庭", "Household"},
		{"household.region", "申请地（县级区划）", "Region applied in (county level)"},
		{"household.area", "城乡类别", "Area"},
		{"household.basis", "申请依据", "Registration basis"},
		{"household.supporter", "法定义务人情况（特困）", "Legal supporter (tekun)"},
		{"household.poverty", "脱贫人口或监测对象", "Poverty-alleviation mark"},
		{"household.caregiver_factor", "照护者劳动收入计入比例（个案认定，0–1）", "Caregiver income factor (case-level, 0–1)"},
		{"household.members", "家庭成员", "Members"},
		{"household.members.id", "成员编号或姓名", "Member ID or name"},
		{"household.members.birth_date", "出生日期", "Birth date"},
		{"household.members.relation", "与申请人关系", "Relation to the applicant"},
		{"household.members.labour", "劳动能力", "Labour capacity"},
		{"household.members.disability", "残疾", "Disability"},
		{"household.members.disability.category", "残疾类别", "Disability category"},
		{"household.members.disability.grade", "残疾等级（1–4 级）", "Disability grade (1–4)"},
		{"household.members.serious_illness", "重病患者", "Seriously ill"},
		{"household.members.service_disability_grade", "伤残军人等级（1–10 级）", "Disabled serviceman grade (1–10)"},
		{"household.members.special_care", "定期抚恤的重点优抚对象", "Special-care recipient"},
		{"household.members.martyr_family", "军烈属", "Martyr's family"},
		{"household.members.returned_veteran", "在乡老复员军人", "Returned veteran"},
		{"household.members.student", "在校学生", "Student"},
		{"household.members.dependency", "失能程度", "Care dependency"},
		{"household.members.workplace", "务工地（有工资收入时）", "Place of work (for wages)"},
		{"household.members.cares_for", "照护的家庭成员", "Cares for"},
		{"household.members.groups", "本人所属的价格补贴对象类别", "Price-subsidy groups of the member's own"},
		{"household.members.incomes", "收入（评估月前 12 个月）", "Incomes (the 12 months before the assessment month)"},
		{"household.members.incomes.kind", "收入类别", "Kind"},
		{"household.members.incomes.amount", "金额（元）", "Amount (yuan)"},
		{"household.members.incomes.period", "金额的期间", "Period of the amount"},
		{"household.members.incomes.months", "收到的月数（1–12，仅作说明）", "Months received in (1–12, for the record)"},
		{"household.members.incomes.verification", "核实情况", "Verification"},
		{"household.members.incomes.basis", "赡养（抚养、扶养）费的依据", "Basis of support"},
		{"household.members.incomes.exempt_from", "个案豁免的赡养费来源（黑民规〔2023〕1号）", "Support exempted case by case, given by (HLJ 2023-1)"},
		{"household.members.incomes.note", "备注", "Note"},
		{"household.property", "财产", "Property"},
		{"household.property.kind", "财产类别", "Kind"},
		{"household.property.value", "价值（元）", "Value (yuan)"},
		{"household.property.count", "数量（住房、车辆）", "Count (dwellings, vehicles)"},
		{"household.property.member", "所属成员（空为全户共有）", "Owner (empty: held by the household)"},
		{"household.property.exempt", "生产生活必需，不计入限额", "Needed for production and daily life (left out of the limits)"},
		{"household.expenditures", "刚性支出（近 12 个月）", "Rigid expenditure (the last 12 months)"},
		{"household.expenditures.kind", "支出类别", "Kind"},
		{"household.expenditures.amount", "金额（元）", "Amount (yuan)"},
		{"household.expenditures.member", "支出的成员（可空）", "Member (may be empty)"},
		{"current", "当前待遇（新申请可不填）", "Current standing (leave empty for a new application)"},
		{"current.status", "当前状况", "Current status"},
		{"current.since", "起始日期", "Since"},
		{"current.monthly_amount", "最近一月的保障金（元）", "Last monthly amount (yuan)"},
		{"current.gradual_exit_end", "渐退期截止日期", "Last day of the gradual exit"},
		{"current.members", "单独享受待遇的成员", "Members with a standing of their own"},
		{"current.members.id", "成员编号", "Member ID"},
		{"current.members.status", "成员待遇", "Member's standing"},
		{"current.members.since", "起始日期", "Since"},
		{"current.members.monthly_amount", "最近一月的保障金（元）", "Last monthly amount (yuan)"},
		{"current.members.gradual_exit_end", "渐退期截止日期", "Last day of the gradual exit"},
		{"previous", "上次评估（用于监测）", "Previous assessment (for monitoring)"},
		{"previous.date", "上次评估日期", "Date"},
		{"previous.countable", "上次家庭月收入（元）", "Countable income then (yuan)"},
		{"previous.seriously_ill", "上次已是重病患者的成员", "Members seriously ill then"},
		{"previous.severely_disabled", "上次已是重度残疾人的成员", "Members severely disabled then"},
		{"prices", "价格指数（价格临时补贴）", "Price indices (price subsidy)"},
		{"prices.month", "月份（该月 1 日）", "Month (its first day)"},
		{"prices.cpi", "居民消费价格指数同比涨幅", "CPI rise, year on year"},
		{"prices.food_cpi", "食品价格指数同比涨幅", "Food-CPI rise, year on year"},
		{"equalised", "在均等化机构供养的特困成员", "Tekun members in an equalised institution"},
		{"temporary", "临时救助申请", "Temporary assistance requested"},
		{"temporary.hardship", "困难类型（如 illness、disaster）", "Hardship (e.g. illness, disaster)"},
		{"temporary.place", "急难发生地（县级区划）", "Place of the emergency (county level)"},
		{"temporary.area", "急难发生地城乡类别", "Area of the place"},
		{"temporary.requested", "申请金额（元）", "Amount requested (yuan)"},
		{"temporary.instalments", "分期发放期数", "Instalments"},
		{"temporary.paid_first", "先行救助，事后核实", "Paid first, verified after"},

		// The choices the explanation table has no words for.
		{"registration.hukou", "户籍地", "at the hukou (registration)"},
		{"registration.residence", "居住地（持居住证）", "where it lives (residence permit)"},
		{"relation.applicant", "申请人", "applicant"},
		{"relation.spouse", "配偶", "spouse"},
		{"relation.child", "子女", "child"},
		{"relation.parent", "父母", "parent"},
		{"relation.grandparent", "（外）祖父母", "grandparent"},
		{"relation.grandchild", "（外）孙子女", "grandchild"},
		{"relation.sibling", "兄弟姐妹", "sibling"},
		{"relation.other", "其他", "other"},
		{"labour.full", "有劳动能力", "can work"},
		{"labour.partial", "部分丧失劳动能力", "partly lost"},
		{"labour.none", "完全丧失劳动能力", "cannot work"},
		{"dependency.none", "能自理", "none"},
		{"dependency.semi", "半失能", "semi-dependent"},
		{"dependency.full", "失能", "fully dependent"},
		{"period.monthly", "每月金额", "a month"},
		{"period.annual", "全年金额（÷ 12）", "a year (÷ 12)"},
		{"period.total", "12 个月内合计（÷ 12）", "total within the 12 months (÷ 12)"},
		{"verification.verified", "已核实", "verified"},
		{"verification.suspected", "疑点，未核实", "suspected, not verified"},
		{"giver.sibling", "兄弟姐妹", "a sibling"},
		{"giver.aged_60_plus", "60 岁以上人员", "a person aged 60 or more"},
		{"property.deposit", "存款", "deposits"},
		{"property.securities", "有价证券", "securities"},
		{"property.insurance", "商业保险（现金价值）", "commercial insurance (cash value)"},
		{"property.claim", "债权", "claims"},
		{"property.vehicle", "机动车辆", "vehicle"},
		{"property.dwelling", "住房", "dwelling"},
		{"property.business", "经营性资产", "business assets"},
		{"expenditure.medical", "医疗", "medical"},
		{"expenditure.education", "教育", "education"},
		{"expenditure.rehabilitation", "康复", "rehabilitation"},
		{"expenditure.disaster", "灾害", "disaster"},
		{"expenditure.accident", "意外事故", "accident"},
	}
}
