package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
)

// The 低保 standard, the edge-household bands and the tests around them.

// ParamDibaoStandard is the 低保 standard, yuan per person per month, by area class.
var ParamDibaoStandard Key[money.Amount] = paramDibaoStandard

var paramDibaoStandard = define(keyDef[money.Amount]{
	keyInfo: keyInfo{name: "dibao_standard", area: true, family: famDibao,
		names: text.Pair{"低保标准", "dibao standard"},
		doc:   `"850"  yuan per person per month, by area class; > 0, two decimals`},
	read: readAmount, write: writeAmount,
	check: func(c checker, v money.Amount) { c.amount(v, true) },
})

// MaxBands bounds the edge bands of one value.
const MaxBands = 20

var readBands, writeBands = listOf(bandFields, MaxBands)

// ParamEdgeBands are the 低保边缘家庭 income multiples (R2), as named bands.
var ParamEdgeBands Key[[]Band] = paramEdgeBands

var paramEdgeBands = define(keyDef[[]Band]{
	keyInfo: keyInfo{name: "edge_bands", family: famDibao,
		names: text.Pair{"低保边缘家庭收入倍数", "edge-household income multiples"},
		doc:   `[{code, multiple, area?, name?, name_en?}]  multiple (1, 2], four decimals; hard (1, 10]`},
	read: readBands, write: writeBands, clone: cloneSlice[Band],
	check: func(c checker, l []Band) {
		if len(l) == 0 {
			c.add(report.MsgAtLeastOne)
		}
		hard, soft := rr("1", "10", true), rr("1", "2", true)
		seen := make(map[string]bool, len(l))
		for i, b := range l {
			bc := c.index(i)
			switch {
			case b.Code == "":
				bc.at("code").add(report.MsgNotEmpty)
			case seen[b.Code]:
				bc.at("code").add(report.MsgDuplicateValue, report.Str("value", b.Code))
			}
			seen[b.Code] = true
			if b.NameEN != "" && b.Name == "" {
				bc.at("name").add(report.MsgNotEmpty) // an English name translates a name
			}
			if b.Multiple.Places() > 4 {
				bc.at("multiple").add(report.MsgTooPrecise, report.Str("value", b.Multiple.String()), report.Int("places", 4))
			}
			bc.at("multiple").rate(b.Multiple, hard, soft)
			if b.Area != AreaAny && !b.Area.Valid() {
				bc.at("area").add(report.MsgBadEnum, report.Str("value", b.Area.String()), report.Choices("allowed", areaNames.List()))
			}
		}
	},
})

var readLimits, writeLimits = fieldsOf(propertyLimitsFields)

// ParamPropertyLimits are the property limits of 低保, edge households and 特困.
var ParamPropertyLimits Key[PropertyLimits] = paramPropertyLimits

var paramPropertyLimits = define(keyDef[PropertyLimits]{
	keyInfo: keyInfo{name: "property_limits", family: famDibao,
		names: text.Pair{"家庭财产限额", "property limits"},
		doc:   `{dibao?, edge?, tekun?: {financial_assets_months, max_dwellings, vehicles_allowed}}  months [0, 1200]`},
	read: readLimits, write: writeLimits,
	check: func(c checker, p PropertyLimits) {
		if !p.HasDibao && !p.HasEdge && !p.HasTekun {
			c.add(report.MsgAtLeastOne)
		}
		r := rr("0", "1200", false)
		for _, s := range []struct {
			name string
			has  bool
			l    PropertyLimit
		}{{"dibao", p.HasDibao, p.Dibao}, {"edge", p.HasEdge, p.Edge}, {"tekun", p.HasTekun, p.Tekun}} {
			if !s.has {
				continue
			}
			sc := c.at(s.name)
			sc.at("financial_assets_months").rate(s.l.FinancialAssetsMonths, r, r)
			if s.l.FinancialAssetsMonths.Places() > 2 {
				sc.at("financial_assets_months").add(report.MsgTooPrecise, report.Str("value", s.l.FinancialAssetsMonths.String()), report.Int("places", 2))
			}
			sc.at("max_dwellings").count(s.l.MaxDwellings, 0, 100, 0, 100)
		}
	},
})

// ParamRigidExpenditureDeduction says whether rigid expenditure (illness,
// disability, schooling, disaster, accident) is deducted from income before
// the 低保 test — a locally switchable rule (Heilongjiang county guidance).
var ParamRigidExpenditureDeduction Key[bool] = paramRigidExpenditureDeduction

var paramRigidExpenditureDeduction = define(keyDef[bool]{
	keyInfo: keyInfo{name: "rigid_expenditure_deduction", family: famDibao,
		names: text.Pair{"刚性支出扣减", "rigid-expenditure deduction"},
		doc:   `true | false  deduct rigid expenditure before the dibao test`},
	read: readBool, write: writeBool,
})

var readMonitoring, writeMonitoring = fieldsOf(monitoringFields)

// ParamMonitoring holds the thresholds of the monitoring flags (R8, R9).
var ParamMonitoring Key[Monitoring] = paramMonitoring

var paramMonitoring = define(keyDef[Monitoring]{
	keyInfo: keyInfo{name: "monitoring", family: famDibao,
		names: text.Pair{"动态监测阈值", "monitoring thresholds"},
		doc:   `{near_threshold?, sharp_drop?, rigid_share?}  (1, 3], (0, 1], (0, 1]; four decimals`},
	read: readMonitoring, write: writeMonitoring,
	check: func(c checker, m Monitoring) {
		if !m.HasNearThreshold && !m.HasSharpDrop && !m.HasRigidShare {
			c.add(report.MsgAtLeastOne)
		}
		share := rr("0", "1", true)
		if m.HasNearThreshold {
			r := rr("1", "3", true)
			c.at("near_threshold").rate(m.NearThreshold, r, r)
		}
		if m.HasSharpDrop {
			c.at("sharp_drop").rate(m.SharpDrop, share, share)
		}
		if m.HasRigidShare {
			c.at("rigid_share").rate(m.RigidShare, share, share)
		}
	},
})

// ParamSevereGrade3Categories lists the disability categories whose grade 3 also
// counts as severe for 单人户 inclusion (R3), e.g. intellectual and psychiatric.
var ParamSevereGrade3Categories Key[[]DisabilityCategory] = paramSevereGrade3Categories

var paramSevereGrade3Categories = define(keyDef[[]DisabilityCategory]{
	keyInfo: keyInfo{name: "severe_grade3_categories", family: famDibao,
		names: text.Pair{"三级亦视为重度残疾的类别", "categories where grade 3 counts as severe"},
		doc:   `["intellectual", "psychiatric"]  of visual hearing speech physical intellectual psychiatric multiple`},
	read: readEnumList(disabilityNames, 8), write: writeEnumList(disabilityNames),
	check: checkEnumList(disabilityNames), clone: cloneSlice[DisabilityCategory],
})

// ParamDibaoGuidance is the provincial guidance 低保 standard, by area class:
// a floor for local standards (the 2024 guidance: local standards may not
// fall below it). It is not a standard itself; Load checks each local
// standard against the guidance in force on the day the standard takes
// effect, and decisions warn when a standard they use is below the guidance
// in force on their date.
var ParamDibaoGuidance Key[money.Amount] = paramDibaoGuidance

var paramDibaoGuidance = define(keyDef[money.Amount]{
	keyInfo: keyInfo{name: "dibao_guidance", area: true, family: famDibao,
		names: text.Pair{"省级低保指导标准", "provincial dibao guidance"},
		doc:   `"710"  yuan per person per month, by area class; > 0, two decimals; a floor for dibao_standard`},
	read: readAmount, write: writeAmount,
	check: func(c checker, v money.Amount) { c.amount(v, true) },
})

// ParamSharedProperty says how property the household holds jointly counts
// for a member assessed alone (a 单人户 or 特困 member): in equal shares of
// the financial assets, with shared dwellings and vehicles counted for each
// member, or whole. Needed when property limits are declared and such a
// member's household holds property jointly.
var ParamSharedProperty Key[SharedProperty] = paramSharedProperty

var paramSharedProperty = define(keyDef[SharedProperty]{
	keyInfo: keyInfo{name: "shared_property", family: famDibao,
		names: text.Pair{"共有财产的计算", "jointly held property"},
		doc:   `"equal_shares" | "whole"`},
	read: readEnum(sharedNames), write: writeEnum(sharedNames),
	check: func(c checker, s SharedProperty) { checkEnum(c, sharedNames, s) },
})
