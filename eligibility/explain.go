package eligibility

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/cite"
	"github.com/dibao-go/dibao/internal/msgcat"
	"github.com/dibao-go/dibao/standards"
)

// Each reason and flag code has a sentence; %[n]s are its figures in order
// (member-level sentences take the member ID first).
var messages = []msgcat.Entry{
	{"reason.rigid.deducted", "扣除刚性支出：家庭月收入 %[1]s 元 − 月均刚性支出 %[2]s 元 = %[3]s 元", "Rigid expenditure deducted: countable income %[1]s − monthly rigid expenditure %[2]s = %[3]s yuan"},
	{"reason.dibao.below_line", "家庭月收入 %[1]s 元低于低保标准 %[2]s 元 × %[3]s 人 = %[4]s 元", "Countable income %[1]s yuan is below the standard %[2]s × %[3]s members = %[4]s yuan"},
	{"reason.dibao.not_below_line", "家庭月收入 %[1]s 元不低于低保标准 %[2]s 元 × %[3]s 人 = %[4]s 元", "Countable income %[1]s yuan is not below the standard %[2]s × %[3]s members = %[4]s yuan"},
	{"reason.dibao.property_exceeds", "家庭财产超出%[1]s限额：金融资产 %[2]s 元（限额 %[3]s 元），住房 %[4]s 套（限 %[5]s 套），车辆 %[6]s 辆（允许：%[7]s）", "Property exceeds the %[1]s limits: financial assets %[2]s yuan (limit %[3]s), dwellings %[4]s (at most %[5]s), vehicles %[6]s (allowed: %[7]s)"},
	{"reason.edge.property_exceeds", "家庭财产超出%[1]s限额：金融资产 %[2]s 元（限额 %[3]s 元），住房 %[4]s 套（限 %[5]s 套），车辆 %[6]s 辆（允许：%[7]s）", "Property exceeds the %[1]s limits: financial assets %[2]s yuan (limit %[3]s), dwellings %[4]s (at most %[5]s), vehicles %[6]s (allowed: %[7]s)"},
	{"reason.edge.below_band", "边缘档 %[1]s：家庭月收入 %[2]s 元低于 %[3]s 倍标准 = %[4]s 元", "Edge band %[1]s: countable income %[2]s yuan is below %[3]s× the line = %[4]s yuan"},
	{"reason.edge.not_below_band", "边缘档 %[1]s：家庭月收入 %[2]s 元不低于 %[3]s 倍标准 = %[4]s 元", "Edge band %[1]s: countable income %[2]s yuan is not below %[3]s× the line = %[4]s yuan"},
	{"reason.gradual_exit.start", "家庭人均收入超过低保标准但符合边缘家庭条件，给予渐退期（最长 %[1]s 个月），至 %[2]s 止", "Income is above the standard but meets the edge conditions: gradual exit (at most %[1]s months) until %[2]s"},
	{"reason.gradual_exit.continue", "渐退期继续，至 %[1]s 止", "The gradual exit continues until %[1]s"},
	{"reason.gradual_exit.ended", "渐退期已于 %[1]s 结束", "The gradual exit ended on %[1]s"},
	{"reason.gradual_exit.no_maximum", "未设定渐退期最长月数，无法确定渐退期", "No longest gradual exit is declared, so no gradual exit can be dated"},
	{"reason.exit.immediate", "原为%[1]s，现不符合边缘家庭条件，退出", "Previously %[1]s; no longer meets even the edge conditions: exit"},
	{"reason.single_person.r3", "成员 %[1]s（%[2]s）按单人户纳入低保：本人月收入 %[3]s 元低于标准 %[4]s 元", "Member %[1]s (%[2]s) is brought into dibao as a single-person household: own income %[3]s yuan is below the standard %[4]s"},
	{"reason.single_person.disabled_adult", "成员 %[1]s（成年无业重度残疾人）单独评估，按单人户纳入低保：本人月收入 %[3]s 元低于标准 %[4]s 元", "Member %[1]s (adult, unemployed, severely disabled) is assessed alone and brought into dibao: own income %[3]s yuan is below the standard %[4]s"},
	{"reason.single_person.income_not_below", "成员 %[1]s（%[2]s）本人月收入 %[3]s 元不低于标准 %[4]s 元，不按单人户纳入", "Member %[1]s (%[2]s): own income %[3]s yuan is not below the standard %[4]s, so not brought in alone"},
	{"reason.single_person.property_exceeds", "成员 %[1]s 本人财产超出%[2]s限额：金融资产 %[3]s 元（限额 %[4]s 元）", "Member %[1]s: own property exceeds the %[2]s limits: financial assets %[3]s yuan (limit %[4]s)"},
	{"reason.tekun.qualifies", "成员 %[1]s（%[2]s 岁）符合特困条件：无劳动能力，本人月收入 %[3]s 元低于标准 %[4]s 元，法定义务人：%[5]s", "Member %[1]s (aged %[2]s) qualifies as tekun: no labour capacity, own income %[3]s yuan below the standard %[4]s, legal supporter: %[5]s"},
	{"reason.tekun.supporter", "成员 %[1]s（%[2]s 岁）无劳动能力，但法定义务人情况：%[5]s，不符合特困条件", "Member %[1]s (aged %[2]s) has no labour capacity, but the legal supporter's standing is: %[5]s — not tekun"},
	{"reason.tekun.income_not_below", "成员 %[1]s（%[2]s 岁）本人月收入 %[3]s 元不低于标准 %[4]s 元，不符合特困条件", "Member %[1]s (aged %[2]s): own income %[3]s yuan is not below the standard %[4]s: not tekun"},
	{"reason.tekun.property_exceeds", "成员 %[1]s 本人财产超出%[2]s限额：金融资产 %[3]s 元（限额 %[4]s 元）", "Member %[1]s: own property exceeds the %[2]s limits: financial assets %[3]s yuan (limit %[4]s)"},
	{"reason.r11.verification_required", "存在未经核实的疑点信息：计入疑点时月收入 %[1]s 元（%[3]s），仅计已核实项目时 %[2]s 元（%[4]s）；需调查核实，不得据疑点调整或停发（维持原待遇：%[5]s）", "Unverified suspicions: with them, countable income is %[1]s yuan (%[3]s); verified items only, %[2]s yuan (%[4]s). Verification required; no benefit is reduced or stopped on suspicions (current benefit kept: %[5]s)"},
	{"flag.monitor.near_threshold", "监测：家庭月收入 %[1]s 元接近低保线 %[2]s 元（预警上限 %[3]s 元）", "Monitoring: countable income %[1]s yuan is near the line %[2]s (alert below %[3]s)"},
	{"flag.monitor.sharp_drop", "监测：家庭月收入由 %[1]s 元降至 %[2]s 元，降幅达到 %[3]s", "Monitoring: countable income fell from %[1]s to %[2]s yuan, a drop of at least %[3]s"},
	{"flag.monitor.rigid_expenditure", "监测：近 12 个月刚性支出 %[1]s 元超过同期收入 %[2]s 元的 %[3]s", "Monitoring: rigid expenditure of %[1]s yuan over 12 months exceeds %[3]s of income over 12 months, %[2]s yuan"},
	{"flag.monitor.newly_ill", "监测：成员 %[1]s 新患重病", "Monitoring: member %[1]s is newly seriously ill"},
	{"flag.monitor.newly_disabled", "监测：成员 %[1]s 新认定重度残疾", "Monitoring: member %[1]s is newly severely disabled"},
	{"flag.referral.employment", "转介就业救助：成员 %[1]s 有劳动能力而无就业收入", "Referral to employment assistance: member %[1]s can work and has no earnings"},
	{"flag.referral.education.member", "转介教育救助：成员 %[1]s 为在校学生", "Referral to education assistance: member %[1]s is a student"},
	{"flag.referral.education", "转介教育救助：近 12 个月教育支出 %[1]s 元", "Referral to education assistance: education expenditure of %[1]s yuan over 12 months"},
	{"flag.referral.medical", "转介医疗救助：近 12 个月医疗、康复支出 %[1]s 元", "Referral to medical assistance: medical and rehabilitation expenditure of %[1]s yuan over 12 months"},
	{"flag.referral.housing", "转介住房等专项救助：近 12 个月灾害、意外支出 %[1]s 元", "Referral to housing and other special assistance: disaster and accident expenditure of %[1]s yuan over 12 months"},
	{"status.not_eligible", "不符合条件", "not eligible"},
	{"status.edge", "低保边缘家庭", "edge household"},
	{"status.gradual_exit", "低保渐退期", "gradual exit"},
	{"status.dibao", "低保", "dibao"},
	{"status.tekun", "特困", "tekun"},
	{"supporter.unknown", "未登记", "not recorded"},
	{"supporter.none", "无法定义务人", "none"},
	{"supporter.unable", "法定义务人无履行能力", "unable to support"},
	{"supporter.able", "法定义务人有履行能力", "able to support"},
	{"category.serious_illness", "重病患者", "seriously ill"},
	{"category.severe_disability", "重度残疾人", "severely disabled"},
	{"category.disabled_serviceman_1_6", "1-6级伤残军人", "disabled serviceman, grade 1–6"},
	{"category.special_care", "定期抚恤的重点优抚对象", "special-care recipient"},
	{"category.severe_disability_adult_unemployed", "成年无业重度残疾人", "adult, unemployed, severely disabled"},
	{"bool.true", "是", "yes"},
	{"bool.false", "否", "no"},
	{"scheme.dibao", "低保", "dibao"},
	{"scheme.edge", "低保边缘家庭", "edge-household"},
	{"scheme.tekun", "特困", "tekun"},
	{"decision.not_eligible", "结论：不符合低保、低保边缘家庭及特困条件", "Decision: not eligible for dibao, edge-household status or tekun support"},
	{"decision.edge", "结论：低保边缘家庭（%[1]s）", "Decision: edge household (%[1]s)"},
	{"decision.gradual_exit", "结论：低保渐退期，至 %[2]s 止", "Decision: gradual exit until %[2]s"},
	{"decision.dibao", "结论：最低生活保障", "Decision: dibao"},
	{"decision.tekun", "结论：特困人员救助供养", "Decision: tekun support"},
	{"decision.single_person", "成员 %[1]s 按单人户纳入最低生活保障", "Member %[1]s is brought into dibao as a single-person household"},
}

var msgs = msgcat.Build(messages)

// memberFirst lists the codes whose sentences take the member ID first.
func memberFirst(code string) bool {
	return strings.HasPrefix(code, "single_person.") || strings.HasPrefix(code, "tekun.")
}

// steps explains the decision after the income steps: one step per reason
// and flag, with the standards each used.
func (c *classifier) steps(r *Result) []income.Step {
	var out []income.Step
	for _, rs := range r.Reasons {
		args := figureArgs(rs.Member, memberFirst(rs.Code), rs.Figures)
		st := income.NewStep(income.RuleID("eligibility."+rs.Code), rs.Cite, msgs, "reason."+rs.Code, args...)
		st.Member = rs.Member
		st.Params = c.paramsFor(rs.Code)
		out = append(out, st)
	}
	out = append(out, income.NewStep("eligibility.decision", cite.MeansTest(), msgs, "decision."+r.Status.String(),
		r.EdgeBand, r.GradualExitEnd.String()))
	for _, m := range r.Members {
		if m.Status == MemberSinglePerson {
			st := income.NewStep("eligibility.single_person", cite.HLJ("四（一）"), msgs, "decision.single_person", m.ID)
			st.Member = m.ID
			out = append(out, st)
		}
	}
	for _, f := range r.Flags {
		key := "flag." + f.Code
		withMember := f.Member != ""
		if f.Code == "referral.education" && withMember {
			key += ".member"
		}
		st := income.NewStep(income.RuleID("eligibility."+f.Code), f.Cite, msgs, key, figureArgs(f.Member, withMember, f.Figures)...)
		st.Member = f.Member
		if c.hasMon && strings.HasPrefix(f.Code, "monitor.") {
			st.Params = []income.ParamUse{{Param: c.monitor.Param, Value: c.monitor.V, Provenance: c.monitor.Provenance}}
		}
		out = append(out, st)
	}
	return out
}

// labelled lists the figures whose values are codes with a sentence of
// their own in the catalog (key prefix + value).
var labelled = map[string]string{
	"status_all_items": "status.", "status_verified": "status.", "previous": "status.",
	"supporter": "supporter.", "category": "category.", "kept": "bool.", "scheme": "scheme.", "vehicles_allowed": "bool.",
}

func figureArgs(member string, withMember bool, figs []Figure) []any {
	var args []any
	if withMember {
		args = append(args, member)
	}
	for _, f := range figs {
		if prefix, ok := labelled[f.Name]; ok {
			args = append(args, income.Label(prefix+f.Value))
			continue
		}
		args = append(args, f.Value)
	}
	return args
}

// paramsFor lists the standards a reason rests on.
func (c *classifier) paramsFor(code string) []income.ParamUse {
	use := func(p standards.Param, v any, pr standards.Provenance) income.ParamUse {
		return income.ParamUse{Param: p, Value: v, Provenance: pr}
	}
	std := use(c.std.Param, c.std.V, c.std.Provenance)
	switch {
	case strings.HasSuffix(code, ".property_exceeds"):
		return []income.ParamUse{use(c.limits.Param, c.limits.V, c.limits.Provenance)}
	case strings.HasPrefix(code, "dibao."), strings.HasPrefix(code, "single_person."), strings.HasPrefix(code, "tekun."):
		return []income.ParamUse{std}
	case strings.HasPrefix(code, "edge."):
		return []income.ParamUse{std, use(c.bands.Param, c.bands.V, c.bands.Provenance)}
	case code == "gradual_exit.start":
		return []income.ParamUse{use(c.exitV.Param, c.exitV.V, c.exitV.Provenance)}
	case code == "rigid.deducted":
		return []income.ParamUse{use(c.rigidV.Param, c.rigidV.V, c.rigidV.Provenance)}
	}
	return nil
}

// Explain renders the decision's steps (income first) in a language.
func (r *Result) Explain(tag language.Tag) string { return income.ExplainSteps(r.Steps, tag) }
