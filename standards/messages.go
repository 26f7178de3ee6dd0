package standards

import (
	"strings"

	"github.com/shopspring/decimal"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/dibao-go/dibao/internal/msgcat"
)

// Languages are the languages the package's messages are written in.
var languages = []language.Tag{language.SimplifiedChinese, language.English}

// Languages returns the languages the package's catalog holds.
func Languages() []language.Tag { return append([]language.Tag(nil), languages...) }

// msgs is the package's own message catalog (never the global one). It is
// filled once here and only read afterwards.
var msgs = msgcat.Build(messages)

var messages = []msgcat.Entry{
	{"param." + string(ParamDibaoStandard), "低保标准", "dibao standard"},
	{"param." + string(ParamEdgeBands), "低保边缘家庭收入倍数", "edge-household income multiples"},
	{"param." + string(ParamSupplementRate), "加发比例", "supplement rate"},
	{"param." + string(ParamSupplementCategories), "加发对象类别", "supplement categories"},
	{"param." + string(ParamSupplementStacking), "加发叠加规则", "supplement stacking"},
	{"param." + string(ParamElderlyAge), "老年人年龄", "elderly age"},
	{"param." + string(ParamTierTable), "分档发放档次表", "tier table"},
	{"param." + string(ParamGradualExitMaxMonths), "渐退期最长月数", "longest gradual exit (months)"},
	{"param." + string(ParamEmploymentDeductionMonths), "就业成本扣减月数（每年）", "employment-cost deduction (months a year)"},
	{"param." + string(ParamMinimumWage), "最低工资标准", "minimum wage"},
	{"param." + string(ParamMinimumWageTier), "最低工资档次", "minimum-wage tier"},
	{"param." + string(ParamCaregiverIncomeFactor), "照护者收入计算比例", "caregiver income factor"},
	{"param." + string(ParamPriceLinkage), "价格联动机制", "price linkage"},
	{"param." + string(ParamTekunBasicFactor), "特困基本生活标准倍数", "tekun basic factor"},
	{"param." + string(ParamTekunSupport), "特困人员救助供养标准", "tekun support"},
	{"param." + string(ParamTemporaryAssistanceCaps), "临时救助上限", "temporary-assistance caps"},
	{"param." + string(ParamTemporaryAssistanceMaxInstalments), "临时救助最多分期数", "temporary-assistance instalments (most)"},
	{"param." + string(ParamPropertyLimits), "家庭财产限额", "property limits"},
	{"param." + string(ParamExcludedIncomeKinds), "不计入收入的项目", "excluded income kinds"},
	{"param." + string(ParamRigidExpenditureDeduction), "刚性支出扣减", "rigid-expenditure deduction"},
	{"param." + string(ParamSevereGrade3Categories), "三级亦视为重度残疾的类别", "categories where grade 3 counts as severe"},
	{"param." + string(ParamMonitoring), "动态监测阈值", "monitoring thresholds"},
	{"fmt.yes", "是", "yes"},
	{"fmt.no", "否", "no"},
	{"disability.visual", "视力残疾", "visual"},
	{"disability.hearing", "听力残疾", "hearing"},
	{"disability.speech", "言语残疾", "speech"},
	{"disability.physical", "肢体残疾", "physical"},
	{"disability.intellectual", "智力残疾", "intellectual"},
	{"disability.psychiatric", "精神残疾", "psychiatric"},
	{"disability.multiple", "多重残疾", "multiple"},
	{"fmt.monitoring", "接近低保线：< %s 倍；收入骤降：≥ %s；刚性支出：> 收入的 %s", "near the line: < %s× line; sharp drop: ≥ %s; rigid expenditure: > %s of income"},
	{"param.rounding", "舍入规则", "rounding"},
	{"rounding." + string(RoundPaymentTotal), "保障金合计", "payment total"},
	{"rounding." + string(RoundPerCapitaDisplay), "人均收入显示", "per-capita display"},
	{"rounding." + string(RoundCountableIncome), "家庭月收入", "countable income"},
	{"rounding." + string(RoundSupplement), "加发金额", "supplement"},
	{"rounding." + string(RoundPriceSubsidy), "价格临时补贴", "price subsidy"},
	{"rounding." + string(RoundTekunBasic), "特困基本生活费", "tekun basic"},
	{"rounding." + string(RoundTemporaryAssistance), "临时救助金", "temporary assistance"},
	{"rounding." + string(RoundInstalment), "分期金额", "instalment"},
	{"area.urban", "城市", "urban"},
	{"area.rural", "农村", "rural"},
	{"reliability.official", "官方", "official"},
	{"reliability.press", "媒体转载", "press"},
	{"reliability.secondary", "二手资料", "secondary"},
	{"reliability.simulation", "模拟", "simulation"},
	{"unit.fen", "分", "fen"},
	{"unit.jiao", "角", "jiao"},
	{"unit.yuan", "元", "yuan"},
	{"mode.half_up", "四舍五入", "half up"},
	{"mode.up", "进位", "up"},
	{"mode.down", "舍去", "down"},
	{"mode.half_even", "银行家舍入", "half even"},
	{"stacking.highest", "取最高一项", "highest once"},
	{"stacking.sum", "累加", "sum"},
	{"category.severe_disability", "重度残疾人", "severely disabled"},
	{"category.serious_illness", "重病患者", "seriously ill"},
	{"category.elderly", "老年人", "elderly"},
	{"category.minor", "未成年人", "minor"},
	{"category.martyr_family", "军烈属", "martyr's family"},
	{"category.returned_veteran", "在乡老复员军人", "returned veteran"},
	{"group.dibao", "低保对象", "dibao recipients"},
	{"group.tekun", "特困人员", "tekun persons"},
	{"group.unemployment_insurance", "领取失业保险金人员", "unemployment-insurance recipients"},
	{"group.special_care", "定期抚恤补助优抚对象", "special-care recipients"},
	{"group.orphan", "孤儿", "orphans"},
	{"group.de_facto_orphan", "事实无人抚养儿童", "de-facto orphans"},
	{"group.hiv_affected_child", "艾滋病病毒感染儿童", "HIV-affected children"},
	{"group.edge_household", "低保边缘家庭成员", "edge-household members"},
	{"income.wage", "工资性收入", "wages"},
	{"income.business_net", "经营净收入", "business net income"},
	{"income.property_net", "财产净收入", "property net income"},
	{"income.pension", "养老金", "pensions"},
	{"income.unemployment_insurance", "失业保险金", "unemployment insurance"},
	{"income.compensation", "赔偿金", "compensation"},
	{"income.support_received", "收到的赡养（抚养、扶养）费", "support received"},
	{"income.support_paid", "支付的赡养（抚养、扶养）费", "support paid"},
	{"income.special_care_pension", "优待抚恤金", "special-care pensions"},
	{"income.family_planning_award", "计划生育奖励与扶助金", "family-planning awards"},
	{"income.scholarship", "奖学金", "scholarships"},
	{"income.heroism_award", "见义勇为奖励", "heroism awards"},
	{"income.social_assistance", "社会救助金", "social-assistance money"},
	{"income.resident_pension_basic", "城乡居民基本养老保险中央基础养老金", "central basic pension (resident scheme)"},
	{"income.other", "其他收入", "other income"},
	{"fmt.yuan_month", "%s 元/人·月", "%s yuan per person per month"},
	{"fmt.yuan", "%s 元", "%s yuan"},
	{"fmt.times", "%s 倍", "%s×"},
	{"fmt.percent", "%s%%", "%s%%"},
	{"fmt.months", "%d 个月", "%d months"},
	{"fmt.years", "%d 岁", "%d years"},
	{"fmt.tier", "%d 档", "tier %d"},
	{"fmt.wage_tier", "%d 档 %s 元/月（%s 元/小时）", "tier %d: %s yuan/month (%s yuan/hour)"},
	{"fmt.tier_row", "%s → %s 元", "%s → %s yuan"},
	{"fmt.placement", "%s → 第 %d 档", "%s → tier %d"},
	{"fmt.price", "CPI 涨幅 ≥ %s%% 或食品 CPI 涨幅 ≥ %s%%；对象：%s", "CPI rise ≥ %s%% or food-CPI rise ≥ %s%%; covered: %s"},
	{"fmt.price_floor", "；最低 %s 元", "; at least %s yuan"},
	{"fmt.tekun", "基本生活 %s 元 + 照料护理 全自理 %s / 半护理 %s / 全护理 %s 元", "basic %s + care %s (self) / %s (partial) / %s (full) yuan"},
	{"fmt.cap", "%s：≤ %s 倍标准", "%s: ≤ %s× standard"},
	{"fmt.cap_member", "%s：≤ %s 倍标准 × 人数", "%s: ≤ %s× standard × members"},
	{"fmt.property", "%s：金融资产 ≤ %s 个月标准/人，住房 ≤ %d 套，车辆 %s", "%s: assets ≤ %s months of standard per person, dwellings ≤ %d, vehicles %s"},
	{"fmt.allowed", "允许", "allowed"},
	{"fmt.not_allowed", "不允许", "not allowed"},
	{"fmt.rounding", "舍入到%s，%s", "to the %s, %s"},
	{"fmt.from", "自 %s 起施行", "in force from %s"},
	{"fmt.until", "至 %s", "until %s"},
	{"fmt.published", "公布于 %s", "published %s"},
	{"fmt.published_unknown", "公布日期不详", "publication date not given"},
	{"fmt.source", "来源：%s（%s）", "source: %s (%s)"},
	{"fmt.stale", "注意：查询日期晚于数据完整日期 %s，可能已有更新", "note: the date is after %s, through which the data is known complete; a newer value may exist"},
	{"fmt.region_fallback", "取自上级区划 %s", "taken from the parent division %s"},
	{"fmt.list_sep", "、", ", "},
	{"fmt.cite_by_language", "%[1]s", "%[2]s"},
	{"fmt.not_in_data", "数据未设定（需自行提供）：", "Not set in the data (supply your own):"},
	{"fmt.not_covered", "数据未覆盖该地区或日期：", "Not covered for this region or date:"},
	{"fmt.covered", "%s（数据覆盖：%s）", "%s (the data covers %s)"},
	{"fmt.with_area", "%s（%s）", "%s (%s)"},
	{"fmt.part_sep", "；", "; "},
	{"fmt.place_wage", "本地最低工资（务工地 %s）", "minimum wage of this place (%s)"},
	{"scheme.dibao", "低保", "dibao"},
	{"scheme.edge", "低保边缘", "edge"},
	{"scheme.tekun", "特困", "tekun"},
}

// NewPrinter returns a printer for tag over the package's own catalog:
// Chinese for zh, zh-Hans, zh-CN and the like, English otherwise.
func NewPrinter(tag language.Tag) *message.Printer { return msgcat.Printer(tag, msgs) }

// Label returns the parameter's name in the printer's language.
func (p Param) Label(pr *message.Printer) string {
	if pt, ok := strings.CutPrefix(string(p), "rounding."); ok {
		return pr.Sprintf("param.rounding") + " · " + pr.Sprintf("rounding."+pt)
	}
	return pr.Sprintf("param." + string(p))
}

// Label returns the area class's name in the printer's language ("" for AreaAny).
func (a Area) Label(pr *message.Printer) string {
	if a == AreaAny {
		return ""
	}
	return pr.Sprintf("area." + a.String())
}

// Label returns the reliability grade in the printer's language.
func (r Reliability) Label(pr *message.Printer) string {
	return pr.Sprintf("reliability." + r.String())
}

func money(d decimal.Decimal) string { return d.StringFixed(2) }

func percent(d decimal.Decimal) string { return d.Shift(2).String() }

func listOf[T ~string](pr *message.Printer, prefix string, l []T) string {
	parts := make([]string, len(l))
	for i, x := range l {
		parts[i] = pr.Sprintf(prefix + string(x))
	}
	return strings.Join(parts, pr.Sprintf("fmt.list_sep"))
}

// FormatValue renders a parameter's value in the printer's language. v is
// Value.V of the parameter (as Lookup returns it).
func FormatValue(pr *message.Printer, p Param, v any) string {
	switch x := v.(type) {
	case decimal.Decimal:
		switch p {
		case ParamDibaoStandard:
			return pr.Sprintf("fmt.yuan_month", money(x))
		case ParamSupplementRate, ParamCaregiverIncomeFactor:
			return pr.Sprintf("fmt.percent", percent(x))
		}
		return pr.Sprintf("fmt.times", x.String())
	case int:
		switch p {
		case ParamElderlyAge:
			return pr.Sprintf("fmt.years", x)
		case ParamMinimumWageTier:
			return pr.Sprintf("fmt.tier", x)
		case ParamTemporaryAssistanceMaxInstalments:
			return pr.Sprint(x)
		}
		return pr.Sprintf("fmt.months", x)
	case []Band:
		parts := make([]string, len(x))
		for i, b := range x {
			s := b.Code + " " + pr.Sprintf("fmt.times", b.Multiple.String())
			if b.Name != "" {
				s = b.Name + " " + s
			}
			if b.Area != AreaAny {
				s = pr.Sprintf("fmt.with_area", s, b.Area.Label(pr))
			}
			parts[i] = s
		}
		return strings.Join(parts, pr.Sprintf("fmt.list_sep"))
	case []Category:
		return listOf(pr, "category.", x)
	case []IncomeKind:
		return listOf(pr, "income.", x)
	case Stacking:
		return pr.Sprintf("stacking." + x.String())
	case TierTable:
		var parts []string
		for _, t := range x.Tiers {
			parts = append(parts, pr.Sprintf("fmt.tier_row", t.interval(), money(t.Amount)))
		}
		for _, pl := range x.Placements {
			parts = append(parts, pr.Sprintf("fmt.placement", pr.Sprintf("category."+string(pl.Category)), pl.Tier))
		}
		return strings.Join(parts, "; ")
	case MinimumWage:
		parts := make([]string, len(x.Tiers))
		for i, w := range x.Tiers {
			parts[i] = pr.Sprintf("fmt.wage_tier", w.Tier, money(w.Monthly), w.Hourly.String())
		}
		return strings.Join(parts, "; ")
	case PriceLinkage:
		s := pr.Sprintf("fmt.price", percent(x.CPITrigger), percent(x.FoodCPITrigger), listOf(pr, "group.", x.Covered))
		if x.HasFloor {
			s += pr.Sprintf("fmt.price_floor", money(x.Floor))
		}
		return s
	case TekunSupport:
		return pr.Sprintf("fmt.tekun", money(x.Basic), money(x.SelfCare), money(x.PartialCare), money(x.FullCare))
	case []AssistanceCap:
		parts := make([]string, len(x))
		for i, c := range x {
			key := "fmt.cap"
			if c.PerMember {
				key = "fmt.cap_member"
			}
			parts[i] = pr.Sprintf(key, c.Hardship, c.Multiple.String())
		}
		return strings.Join(parts, "; ")
	case PropertyLimits:
		var parts []string
		add := func(has bool, l PropertyLimit, scheme string) {
			if !has {
				return
			}
			veh := pr.Sprintf("fmt.not_allowed")
			if l.VehiclesAllowed {
				veh = pr.Sprintf("fmt.allowed")
			}
			parts = append(parts, pr.Sprintf("fmt.property", pr.Sprintf("scheme."+scheme), l.FinancialAssetsMonths.String(), l.MaxDwellings, veh))
		}
		add(x.HasDibao, x.Dibao, "dibao")
		add(x.HasEdge, x.Edge, "edge")
		add(x.HasTekun, x.Tekun, "tekun")
		return strings.Join(parts, "; ")
	case RoundingRule:
		return pr.Sprintf("fmt.rounding", pr.Sprintf("unit."+x.Unit.String()), pr.Sprintf("mode."+x.Mode.String()))
	case bool:
		if x {
			return pr.Sprintf("fmt.yes")
		}
		return pr.Sprintf("fmt.no")
	case []string:
		return listOf(pr, "disability.", x)
	case Monitoring:
		dash := func(has bool, d decimal.Decimal) string {
			if has {
				return d.String()
			}
			return "—"
		}
		return pr.Sprintf("fmt.monitoring", dash(x.HasNearThreshold, x.NearThreshold), dash(x.HasSharpDrop, x.SharpDrop), dash(x.HasRigidShare, x.RigidShare))
	}
	return pr.Sprint(v)
}

// FormatProvenance renders a value's dates and source in the printer's language.
func FormatProvenance(pr *message.Printer, p Provenance) string {
	parts := []string{pr.Sprintf("fmt.from", p.From.String())}
	if !p.Until.IsZero() {
		parts = append(parts, pr.Sprintf("fmt.until", p.Until.String()))
	}
	if p.PublishedGiven {
		parts = append(parts, pr.Sprintf("fmt.published", p.Published.String()))
	} else {
		parts = append(parts, pr.Sprintf("fmt.published_unknown"))
	}
	parts = append(parts, pr.Sprintf("fmt.source", CitationOf(p).Format(pr), p.Source.Reliability.Label(pr)))
	if p.Stale {
		parts = append(parts, pr.Sprintf("fmt.stale", p.CompleteThrough.String()))
	}
	return strings.Join(parts, pr.Sprintf("fmt.part_sep"))
}
