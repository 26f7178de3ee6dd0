package payment

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/cite"
	"github.com/dibao-go/dibao/internal/msgcat"
)

// Sentences per line code; %[n]s are the line's figures in order, the member
// ID first for member lines, the paid amount last.
var messages = []msgcat.Entry{
	{"line.gap", "差额发放：低保标准 %[1]s 元 × %[2]s 人 = %[3]s 元 − 家庭月收入 %[4]s 元 = %[5]s 元，发放 %[6]s 元", "Gap payment: standard %[1]s × %[2]s members = %[3]s − countable income %[4]s = %[5]s yuan; paid %[6]s"},
	{"line.tier", "成员 %[1]s：分档发放，第 %[2]s 档（家庭月收入 %[3]s 元，%[4]s 人），%[5]s 元", "Member %[1]s: tiered payment, tier %[2]s (countable income %[3]s for %[4]s members): %[5]s yuan"},
	{"line.supplement", "成员 %[1]s：加发 %[2]s × 标准 %[3]s 元（类别 %[4]s，计 %[5]s 项）= %[6]s 元，发放 %[7]s 元", "Member %[1]s: supplement %[2]s × standard %[3]s (categories %[4]s, counted %[5]s) = %[6]s; paid %[7]s"},
	{"line.single_person", "成员 %[1]s：单人户差额 = 标准 %[2]s 元 − 本人月收入 %[3]s 元 = %[4]s 元，发放 %[5]s 元", "Member %[1]s: single-person gap = standard %[2]s − own income %[3]s = %[4]s; paid %[5]s"},
	{"line.gradual_exit", "渐退期内按原月保障金继续发放，至 %[1]s 止：%[2]s 元", "During the gradual exit the last monthly amount continues until %[1]s: %[2]s yuan"},
	{"line.price_subsidy", "价格临时补贴：%[1]s 涨幅 %[2]s，标准 %[3]s 元 × 涨幅，每人 %[4]s 元 × %[5]s 人 = %[6]s 元", "Price subsidy: %[1]s rose %[2]s; standard %[3]s × the rise, %[4]s per person × %[5]s persons = %[6]s yuan"},
	{"line.tekun_basic", "成员 %[1]s：特困基本生活标准 %[2]s 元（%[3]s，均等化机构供养：%[4]s），发放 %[5]s 元", "Member %[1]s: tekun basic living standard %[2]s yuan (%[3]s; equalised institution: %[4]s); paid %[5]s"},
	{"line.tekun_basic.formula", "成员 %[1]s：特困基本生活标准 %[2]s 元（%[3]s，均等化机构供养：%[4]s；倍数 × 低保标准并按规则舍入为 %[5]s 元），发放 %[6]s 元", "Member %[1]s: tekun basic living standard %[2]s yuan (%[3]s; equalised institution: %[4]s; factor × standard, rounded as declared: %[5]s); paid %[6]s"},
	{"line.tekun_care", "成员 %[1]s：特困照料护理标准（%[2]s）%[3]s 元", "Member %[1]s: tekun care standard (%[2]s): %[3]s yuan"},
	{"total", "每月合计发放 %s 元", "Monthly total paid: %s yuan"},
	{"index.cpi", "居民消费价格指数", "CPI"},
	{"index.food_cpi", "食品价格指数", "food CPI"},
	{"level.self", "全自理", "self-care"},
	{"level.partial", "半护理", "partial care"},
	{"level.full", "全护理", "full care"},
	{"equalised.true", "是", "yes"},
	{"equalised.false", "否", "no"},
	{"temporary", "临时救助（%[1]s，急难发生地 %[2]s）：上限 %[3]s 元，核准 %[4]s 元，分 %[5]d 期发放", "Temporary assistance (%[1]s, emergency in %[2]s): cap %[3]s, approved %[4]s yuan, paid in %[5]d instalments"},
	{"temporary.paid_first", "临时救助（%[1]s，急难发生地 %[2]s）：上限 %[3]s 元，核准 %[4]s 元，分 %[5]d 期发放（先行救助，事后核实）", "Temporary assistance (%[1]s, emergency in %[2]s): cap %[3]s, approved %[4]s yuan, paid in %[5]d instalments (paid first, verified after)"},
	{"instalment", "第 %[1]d 期：%[2]s 元", "Instalment %[1]d: %[2]s yuan"},
}

var msgs = msgcat.Build(messages)

func (p *payer) steps() []income.Step {
	var out []income.Step
	for _, l := range p.d.Lines {
		var args []any
		if l.Member != "" {
			args = append(args, l.Member)
		}
		for _, f := range l.Figures {
			switch f.Name {
			case "categories":
				args = append(args, income.StandardsLabels(prefixed("category.", strings.Split(f.Value, ","))))
			case "area":
				args = append(args, income.StandardsLabel("area."+f.Value))
			case "index", "level", "equalised":
				args = append(args, income.Label(f.Name+"."+f.Value))
			default:
				args = append(args, f.Value)
			}
		}
		switch l.Code {
		case "gap", "single_person", "supplement":
			args = append(args, l.Exact) // the exact figure before rounding
		}
		key := "line." + l.Code
		if l.Code == "tekun_basic" && len(l.Figures) > 3 {
			key += ".formula"
		}
		args = append(args, l.Amount.StringFixed(2))
		st := income.NewStep(income.RuleID("payment."+l.Code), l.Cite, msgs, key, args...)
		st.Member, st.Result = l.Member, l.Exact
		if l.Rounding != nil {
			st.Params = []income.ParamUse{{Param: l.Rounding.Param, Value: l.Rounding.V, Provenance: l.Rounding.Provenance}}
		}
		out = append(out, st)
	}
	out = append(out, income.NewStep("payment.total", cite.Interim("第十二条"), msgs, "total", p.d.Total.StringFixed(2)))
	if t := p.d.Temporary; t != nil {
		key := "temporary"
		if t.PaidFirst {
			key = "temporary.paid_first"
		}
		out = append(out, income.NewStep("payment.temporary", cite.HLJ("四（六）"), msgs, key,
			t.Hardship, t.Place.String(), t.Cap.String(), t.Approved.StringFixed(2), len(t.Instalments)))
		for _, in := range t.Instalments {
			out = append(out, income.NewStep("payment.instalment", cite.HLJ("四（六）"), msgs, "instalment", in.Number, in.Amount.StringFixed(2)))
		}
	}
	return out
}

func prefixed(prefix string, l []string) []string {
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = prefix + x
	}
	return out
}

// Explain renders the whole decision — income, classification, payment — in
// a language.
func (d *Decision) Explain(tag language.Tag) string { return income.ExplainSteps(d.Steps, tag) }
