package income

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/dibao-go/dibao/internal/cite"
	"github.com/dibao-go/dibao/internal/msgcat"
	"github.com/dibao-go/dibao/standards"
)

// RuleID identifies the rule behind an explanation step. IDs are stable.
type RuleID string

// Rule IDs.
const (
	RuleWindow              RuleID = "income.window"               // the 12-month averaging window
	RulePeriod              RuleID = "income.period"               // an item converted to its monthly average and counted
	RuleExcluded            RuleID = "income.excluded"             // an item of an excluded kind
	RuleSupportReceived     RuleID = "income.support_received"     // R12: support received, counted
	RuleSupportPaid         RuleID = "income.support_paid"         // R12: support paid, deducted
	RuleEmploymentDeduction RuleID = "income.employment_deduction" // R13
	RuleCaregiver           RuleID = "income.caregiver"            // R14
	RuleTotal               RuleID = "income.total"                // the household's countable income
	RuleFloor               RuleID = "income.floor"                // a negative total counted as 0
	RulePerCapita           RuleID = "income.per_capita"           // the displayed per-capita figure
)

// ParamUse is a standard a step used, with its provenance.
type ParamUse struct {
	Param      standards.Param
	Value      any // as the Set returned it (Value.V), or the case-level value
	Provenance standards.Provenance
	// CaseLevel marks a value set for this household by a caseworker
	// (Household.CaregiverFactor) rather than taken from the Set.
	CaseLevel bool
}

func paramUse[T any](v standards.Value[T]) ParamUse {
	return ParamUse{Param: v.Param, Value: v.V, Provenance: v.Provenance}
}

// Step explains one figure: the rule, its citation, the standards used, and
// the result. Render it with Text.
type Step struct {
	Rule   RuleID
	Cite   standards.Citation
	Member string // member ID, "" for the household
	Item   int    // index into the member's Incomes, −1 when not an item
	Params []ParamUse
	Result Amount

	key  string
	args []any
	msgs catalog.Catalog // the catalog holding key; nil for this package's
}

// NewStep builds a step whose sentence is the message key in msgs (another
// package's catalog, in zh-Hans and en), formatted with args. Arguments of
// type Amount are written exactly (875/3 (≈291.67)); others with %v. Rule
// packages built on this one use it so that all explanations share one form.
func NewStep(rule RuleID, cite standards.Citation, msgs catalog.Catalog, key string, args ...any) Step {
	return Step{Rule: rule, Cite: cite, Item: -1, key: key, args: args, msgs: msgs}
}

// Label is a step argument rendered through the step's own catalog: the
// message whose key it is (a status, a category, …), so that codes kept
// stable in data read as words in each language.
type Label string

// Labels is a list of Labels, rendered and joined in the step's language.
type Labels []string

// StandardsLabel and StandardsLabels are rendered through the standards
// package's catalog instead ("category.minor", "area.urban").
type (
	StandardsLabel  string
	StandardsLabels []string
)

// joinLabels renders keys with p and joins them in the language of tag.
func joinLabels(p *message.Printer, keys []string, tag language.Tag) string {
	parts := make([]string, len(keys))
	for j, k := range keys {
		parts[j] = p.Sprintf(k)
	}
	sep := ", "
	if tag == language.SimplifiedChinese {
		sep = "、"
	}
	return strings.Join(parts, sep)
}

// kindArg and basisArg are rendered through the catalogs at Text time.
type (
	kindArg  standards.IncomeKind
	basisArg SupportBasis
	fracArg  struct {
		a Amount
		n int64
	}
)

// Text renders the step in a language (zh-Hans or en): the sentence, then
// the citation, then one line per standard used.
func (s Step) Text(tag language.Tag) string {
	return s.text(matchTag(tag), NewPrinter(tag), standards.NewPrinter(tag), nil)
}

// text renders in the (matched) language tag with printers over this
// package's and the standards catalogs; a step with its own catalog gets a
// printer over it, cached in own when given.
func (s Step) text(tag language.Tag, p, sp *message.Printer, own map[catalog.Catalog]*message.Printer) string {
	sentence := p
	if s.msgs != nil {
		sentence = own[s.msgs]
		if sentence == nil {
			sentence = message.NewPrinter(tag, message.Catalog(s.msgs))
			if own != nil {
				own[s.msgs] = sentence
			}
		}
	}
	args := make([]any, len(s.args))
	for i, a := range s.args {
		switch v := a.(type) {
		case Amount:
			args[i] = showAmount(v)
		case kindArg:
			args[i] = sp.Sprintf("income." + string(v))
		case basisArg:
			args[i] = p.Sprintf("basis." + SupportBasis(v).String())
		case fracArg:
			args[i] = showFraction(v.a, v.n)
		case Label:
			args[i] = sentence.Sprintf(string(v))
		case Labels:
			args[i] = joinLabels(sentence, v, tag)
		case StandardsLabel:
			args[i] = sp.Sprintf(string(v))
		case StandardsLabels:
			args[i] = joinLabels(sp, v, tag)
		case standards.RoundingRule:
			args[i] = standards.FormatValue(sp, standards.RoundPerCapitaDisplay.Param(), v)
		default:
			args[i] = v
		}
	}
	var b strings.Builder
	b.WriteString(sentence.Sprintf(s.key, args...))
	b.WriteString(p.Sprintf("cite", s.Cite.Format(sp)))
	for _, u := range s.Params {
		b.WriteString("\n    ")
		value := standards.FormatValue(sp, u.Param, u.Value)
		if u.CaseLevel {
			b.WriteString(p.Sprintf("param.case", u.Param.Label(sp), value))
		} else {
			b.WriteString(p.Sprintf("param", u.Param.Label(sp), value, standards.FormatProvenance(sp, u.Provenance)))
		}
	}
	return b.String()
}

// Explain renders every step of an assessment, one paragraph each.
func (a *Assessment) Explain(tag language.Tag) string { return ExplainSteps(a.Steps, tag) }

// ExplainSteps renders steps in a language, one paragraph each.
func ExplainSteps(steps []Step, tag language.Tag) string {
	p, sp := NewPrinter(tag), standards.NewPrinter(tag)
	own := map[catalog.Catalog]*message.Printer{}
	t := matchTag(tag)
	var b strings.Builder
	for i, s := range steps {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(s.text(t, p, sp, own))
	}
	return b.String()
}

// showAmount writes an amount for explanations: two decimals when exact to
// the fen, otherwise the exact fraction with an approximation.
func showAmount(a Amount) string {
	if d, ok := a.Decimal(); ok {
		if d.Equal(d.Truncate(2)) {
			return d.StringFixed(2)
		}
		return d.String()
	}
	return a.String() + " (" + a.Approx() + ")"
}

// showFraction writes a ÷ n exactly: as a decimal when it has a finite
// expansion, otherwise as a fraction with an approximation.
func showFraction(a Amount, n int64) string {
	r := new(big.Rat).Quo(a.Rat(), new(big.Rat).SetInt64(n))
	if finiteDecimal(r) {
		return decimal.NewFromBigRat(r, 40).String()
	}
	return r.RatString() + " (≈" + decimal.NewFromBigRat(r, 2).StringFixed(2) + ")"
}

// finiteDecimal reports whether r's denominator has no prime factor but 2 and 5.
func finiteDecimal(r *big.Rat) bool {
	d := new(big.Int).Set(r.Denom())
	for _, f := range []int64{2, 5} {
		bf := big.NewInt(f)
		m := new(big.Int)
		for {
			q, rem := new(big.Int).QuoRem(d, bf, m)
			if rem.Sign() != 0 {
				break
			}
			d = q
		}
	}
	return d.Cmp(big.NewInt(1)) == 0
}

// explainer builds steps during an assessment.
type explainer struct {
	steps []Step
}

func (x *explainer) add(s Step) { x.steps = append(x.steps, s) }

func (x *explainer) window(r *Assessment) {
	x.add(Step{Rule: RuleWindow, Cite: cite.MeansTest(), Item: -1, key: "step.window", args: []any{r.WindowFrom.String(), r.WindowTo.String()}})
}

func (x *explainer) item(h *Household, i, j int, in *Income, div int64, line Line, hp *hhParams) {
	m := &h.Members[i]
	monthly := line.Monthly
	if line.Treatment == SupportPaid {
		monthly = monthly.Neg()
	}
	orig, _ := FromDecimal(in.Amount)
	var period Step
	switch in.Period.Unit {
	case PerMonth:
		period = Step{key: "step.period.monthly", args: []any{m.ID, kindArg(in.Kind), orig}}
	case PerYear:
		period = Step{key: "step.period.annual", args: []any{m.ID, kindArg(in.Kind), orig, monthly}}
	default:
		period = Step{key: "step.period.months", args: []any{m.ID, kindArg(in.Kind), orig, int(div), monthly}}
	}
	period.Rule, period.Cite, period.Member, period.Item, period.Result = RulePeriod, cite.MeansTest(), m.ID, j, monthly
	switch line.Treatment {
	case Excluded:
		period.Rule, period.Cite = RuleExcluded, standards.CitationOf(hp.excludedV.Provenance)
		period.key += ".excluded"
		period.Params = []ParamUse{paramUse(hp.excludedV)}
	case SupportPaid:
		period.Rule, period.Cite = RuleSupportPaid, cite.HLJ("四（八）")
		period.key += ".support_paid"
		period.args = append(period.args, basisArg(in.Basis))
	default:
		if in.Kind == standards.IncomeSupportReceived {
			period.Rule, period.Cite = RuleSupportReceived, cite.HLJ("四（八）")
			period.key += ".support_received"
			period.args = append(period.args, basisArg(in.Basis))
		} else {
			period.key += ".counted"
		}
	}
	if in.Verification == Suspected {
		period.key += ".suspected"
	}
	x.add(period)
}

func (x *explainer) deduction(h *Household, i int, hp *hhParams, w *wageParams, full, wage, ded Amount) {
	m := &h.Members[i]
	wageFen := FromFen(w.fen)
	x.add(Step{Rule: RuleEmploymentDeduction, Cite: cite.HLJ("四（八）"), Member: m.ID, Item: -1, Result: ded,
		Params: []ParamUse{paramUse(hp.monthsV), paramUse(w.at.Tier), {Param: standards.ParamMinimumWage,
			Value: standards.MinimumWage{Tiers: []standards.WageRate{w.at.Rate.V}}, Provenance: w.at.Rate.Provenance}},
		key:  "step.deduction",
		args: []any{m.ID, int(hp.months), m.Workplace.String(), w.at.Tier.V, wageFen, full, wage, ded}})
}

func (x *explainer) caregiver(h *Household, i int, hp *hhParams, fromCase bool, pct int64, labour, red Amount) {
	m := &h.Members[i]
	use := paramUse(hp.factorV)
	if fromCase {
		use = ParamUse{Param: standards.ParamCaregiverIncomeFactor, Value: h.CaregiverFactor, CaseLevel: true}
	}
	x.add(Step{Rule: RuleCaregiver, Cite: cite.HLJ("四（八）"), Member: m.ID, Item: -1, Result: red,
		Params: []ParamUse{use}, key: "step.caregiver",
		args: []any{m.ID, strings.Join(m.CaresFor, ", "), labour, decimal.New(pct, 0).String(), red}})
}

func (x *explainer) total(r *Assessment, hp *hhParams) {
	raw := r.Gross.Sub(r.SupportPaid).Sub(r.EmploymentDeduction).Sub(r.CaregiverReduction)
	x.add(Step{Rule: RuleTotal, Cite: cite.MeansTest(), Item: -1, Result: raw, key: "step.total",
		args: []any{r.Gross, r.SupportPaid, r.EmploymentDeduction, r.CaregiverReduction, raw}})
	if r.Floored {
		x.add(Step{Rule: RuleFloor, Cite: cite.MeansTest(), Item: -1, Result: r.Countable, key: "step.floor", args: []any{raw}})
	}
	if r.Suspected {
		x.add(Step{Rule: RuleTotal, Cite: cite.HLJ("四（八）"), Item: -1, Result: r.CountableVerified,
			key: "step.total_verified", args: []any{r.CountableVerified}})
	}
	n := int64(r.Size)
	if pc, ok := r.PerCapita(); ok {
		x.add(Step{Rule: RulePerCapita, Cite: standards.CitationOf(hp.perCapita.Provenance), Item: -1, Result: r.Countable,
			Params: []ParamUse{paramUse(hp.perCapita)}, key: "step.per_capita",
			args: []any{r.Countable, int(n), hp.perCapita.V, pc.String()}})
	} else {
		x.add(Step{Rule: RulePerCapita, Cite: cite.MeansTest(), Item: -1, Result: r.Countable, key: "step.per_capita.none",
			args: []any{r.Countable, int(n), fracArg{r.Countable, n}}})
	}
}

// ---- the package's own message catalog

var messages = []msgcat.Entry{
	{"step.window", "收入按评估月前 12 个月（%s 至 %s）按月平均计算", "Income is averaged per month over %s to %s, the 12 months before the assessment month"},
	{"step.period.monthly.counted", "成员 %[1]s：%[2]s 每月 %[3]s 元，计入", "Member %[1]s: %[2]s of %[3]s yuan a month, counted"},
	{"step.period.annual.counted", "成员 %[1]s：%[2]s 全年 %[3]s 元 ÷ 12 = 月均 %[4]s 元，计入", "Member %[1]s: %[2]s of %[3]s yuan a year ÷ 12 = %[4]s yuan a month, counted"},
	{"step.period.months.counted", "成员 %[1]s：%[2]s %[4]d 个月合计 %[3]s 元 ÷ %[4]d = 月均 %[5]s 元，计入", "Member %[1]s: %[2]s of %[3]s yuan over %[4]d months ÷ %[4]d = %[5]s yuan a month, counted"},
	{"step.period.monthly.excluded", "成员 %[1]s：%[2]s 每月 %[3]s 元，不计入家庭收入", "Member %[1]s: %[2]s of %[3]s yuan a month, not counted"},
	{"step.period.annual.excluded", "成员 %[1]s：%[2]s 全年 %[3]s 元（月均 %[4]s 元），不计入家庭收入", "Member %[1]s: %[2]s of %[3]s yuan a year (%[4]s yuan a month), not counted"},
	{"step.period.months.excluded", "成员 %[1]s：%[2]s %[4]d 个月合计 %[3]s 元（月均 %[5]s 元），不计入家庭收入", "Member %[1]s: %[2]s of %[3]s yuan over %[4]d months (%[5]s yuan a month), not counted"},
	{"step.period.monthly.support_received", "成员 %[1]s：收到的赡养（抚养、扶养）费每月 %[3]s 元，依据%[4]s，计入", "Member %[1]s: support received, %[3]s yuan a month, by %[4]s, counted"},
	{"step.period.annual.support_received", "成员 %[1]s：收到的赡养（抚养、扶养）费全年 %[3]s 元 ÷ 12 = 月均 %[4]s 元，依据%[5]s，计入", "Member %[1]s: support received, %[3]s yuan a year ÷ 12 = %[4]s yuan a month, by %[5]s, counted"},
	{"step.period.months.support_received", "成员 %[1]s：收到的赡养（抚养、扶养）费 %[4]d 个月合计 %[3]s 元 ÷ %[4]d = 月均 %[5]s 元，依据%[6]s，计入", "Member %[1]s: support received, %[3]s yuan over %[4]d months ÷ %[4]d = %[5]s yuan a month, by %[6]s, counted"},
	{"step.period.monthly.support_paid", "成员 %[1]s：支付的赡养（抚养、扶养）费每月 %[3]s 元，依据%[4]s，从家庭收入中扣除", "Member %[1]s: support paid, %[3]s yuan a month, by %[4]s, deducted"},
	{"step.period.annual.support_paid", "成员 %[1]s：支付的赡养（抚养、扶养）费全年 %[3]s 元 ÷ 12 = 月均 %[4]s 元，依据%[5]s，从家庭收入中扣除", "Member %[1]s: support paid, %[3]s yuan a year ÷ 12 = %[4]s yuan a month, by %[5]s, deducted"},
	{"step.period.months.support_paid", "成员 %[1]s：支付的赡养（抚养、扶养）费 %[4]d 个月合计 %[3]s 元 ÷ %[4]d = 月均 %[5]s 元，依据%[6]s，从家庭收入中扣除", "Member %[1]s: support paid, %[3]s yuan over %[4]d months ÷ %[4]d = %[5]s yuan a month, by %[6]s, deducted"},
	{"step.deduction", "成员 %[1]s：就业成本扣减 = %[2]d 个月 × 务工地 %[3]s（第 %[4]d 档）最低工资 %[5]s 元 ÷ 12 = 月均 %[6]s 元；以月均工资收入 %[7]s 元为限，扣减 %[8]s 元",
		"Member %[1]s: employment-cost deduction = %[2]d months × the minimum wage of the place of work %[3]s (tier %[4]d), %[5]s yuan, ÷ 12 = %[6]s yuan a month; at most the wage income of %[7]s yuan a month: %[8]s yuan deducted"},
	{"step.caregiver", "成员 %[1]s 照护 %[2]s：劳动收入月均 %[3]s 元按 %[4]s%% 计入，少计 %[5]s 元", "Member %[1]s, caring for %[2]s: labour income of %[3]s yuan a month counts at %[4]s%%, %[5]s yuan less"},
	{"step.total", "家庭月收入 = 计入收入 %s − 支付的赡养费 %s − 就业成本扣减 %s − 照护少计 %s = %s 元", "Countable monthly income = counted income %s − support paid %s − employment-cost deductions %s − caregiver reductions %s = %s yuan"},
	{"step.total_verified", "只计已核实项目时，家庭月收入为 %s 元（疑点信息未经核实，不得据以调整或停发）", "Counting verified items only, countable monthly income is %s yuan (suspicions from data matching may not reduce or stop a benefit before they are verified)"},
	{"step.floor", "家庭月收入为负（%s 元），按 0 计", "Countable income came to %s yuan, below zero, and counts as 0"},
	{"step.per_capita", "人均月收入（仅供显示）= %s ÷ %d 人，%s，为 %s 元", "Per-capita monthly income (for display) = %s ÷ %d members, %s: %s yuan"},
	{"step.per_capita.none", "未设定人均收入显示的舍入规则，人均月收入不舍入：%s ÷ %d = %s 元", "No rounding rule for the per-capita display is declared, so it is left exact: %s ÷ %d = %s yuan"},
	{"cite", "（依据 %s）", " (per %s)"},
	{"param", "参数 %s：%s；%s", "parameter %s: %s; %s"},
	{"param.case", "参数 %s：%s（个案认定）", "parameter %s: %s (set for this case)"},
	{"basis.court_order", "法院判决", "court order"},
	{"basis.agreement", "协议", "agreement"},
	{"basis.assessed", "依法核定", "assessment by law"},
}

// msgs is the package's own catalog. The sentences of period steps exist
// twice: as written, and marked as a suspicion for unverified items.
var msgs = msgcat.Build(withSuspected(messages))

func withSuspected(in []msgcat.Entry) []msgcat.Entry {
	out := append([]msgcat.Entry(nil), in...)
	for _, m := range in {
		if strings.HasPrefix(m[0], "step.period.") {
			out = append(out, msgcat.Entry{m[0] + ".suspected", m[1] + "（疑点信息，未经核实）",
				m[2] + " (a suspicion from data matching, not verified)"})
		}
	}
	return out
}

// NewPrinter returns a printer over the package's own catalog: Chinese for
// zh, zh-Hans, zh-CN and the like, English otherwise.
func NewPrinter(tag language.Tag) *message.Printer { return msgcat.Printer(tag, msgs) }

// matchTag returns the supported language for tag: zh-Hans or en.
func matchTag(tag language.Tag) language.Tag { return msgcat.Match(tag) }
