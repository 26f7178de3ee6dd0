package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
)

// 特困人员救助供养 (support for people in extreme poverty).

// ParamTekunBasicFactor is the 特困 basic living standard as a multiple of
// the 低保 standard.
var ParamTekunBasicFactor Key[money.Rate] = paramTekunBasicFactor

var paramTekunBasicFactor = define(keyDef[money.Rate]{
	keyInfo: keyInfo{name: "tekun_basic_factor", family: famTekun,
		names: text.Pair{"特困基本生活标准倍数", "tekun basic factor"},
		doc:   `"1.3"  [1.3, 3], four decimals; hard [1, 10]`},
	read: rateReader(4), write: writeRate,
	check: func(c checker, r money.Rate) { c.rate(r, rr("1", "10", false), rr("1.3", "3", false)) },
})

var readTekun, writeTekun = fieldsOf(tekunFields)

// ParamTekunSupport is the 特困 support standard (basic + care by level), by
// area class.
var ParamTekunSupport Key[TekunSupport] = paramTekunSupport

var paramTekunSupport = define(keyDef[TekunSupport]{
	keyInfo: keyInfo{name: "tekun_support", area: true, family: famTekun,
		names: text.Pair{"特困人员救助供养标准", "tekun support"},
		doc:   `{basic, self_care, partial_care, full_care}  amounts; care not falling with need`},
	read: readTekun, write: writeTekun,
	check: func(c checker, t TekunSupport) {
		c.at("basic").amount(t.Basic, true)
		c.at("self_care").amount(t.SelfCare, false)
		c.at("partial_care").amount(t.PartialCare, false)
		c.at("full_care").amount(t.FullCare, false)
		if t.PartialCare.Cmp(t.SelfCare) < 0 || t.FullCare.Cmp(t.PartialCare) < 0 {
			c.add(report.MsgCareOrder, report.Money("self", t.SelfCare), report.Money("partial", t.PartialCare), report.Money("full", t.FullCare))
		}
	},
})

// ParamNoLabourAgeFrom is the age from which a person is without labour
// capacity for 特困 (特困人员认定办法: 60周岁以上的老年人).
var ParamNoLabourAgeFrom Key[int] = paramNoLabourAgeFrom

var paramNoLabourAgeFrom = define(keyDef[int]{
	keyInfo: keyInfo{name: "no_labour_age_from", family: famTekun,
		names: text.Pair{"无劳动能力年龄（老年）", "no labour capacity from age"},
		doc:   `60  exactly 60; hard [0, 130]`},
	read: readInt, write: writeInt,
	check: func(c checker, n int) { c.count(n, 0, 130, 60, 60) },
})

// ParamNoLabourAgeUnder is the age under which a person is without labour
// capacity for 特困 (特困人员认定办法: 未满16周岁的未成年人).
var ParamNoLabourAgeUnder Key[int] = paramNoLabourAgeUnder

var paramNoLabourAgeUnder = define(keyDef[int]{
	keyInfo: keyInfo{name: "no_labour_age_under", family: famTekun,
		names: text.Pair{"无劳动能力年龄（未成年）", "no labour capacity under age"},
		doc:   `16  exactly 16; hard [0, 130]`},
	read: readInt, write: writeInt,
	check: func(c checker, n int) { c.count(n, 0, 130, 16, 16) },
})

// ParamTekunGradualExit says whether a 特困 household that no longer
// qualifies gets a gradual exit. 黑民规〔2021〕11号 四（一） gives the exit to
// 最低生活保障家庭; without this switch (or with false) a 特困 household is
// reclassified at once.
var ParamTekunGradualExit Key[bool] = paramTekunGradualExit

var paramTekunGradualExit = define(keyDef[bool]{
	keyInfo: keyInfo{name: "tekun_gradual_exit", family: famTekun,
		names: text.Pair{"特困人员适用渐退", "gradual exit for tekun"},
		doc:   `true | false  a tekun household that no longer qualifies gets a gradual exit`},
	read: readBool, write: writeBool,
})

// ParamTekunMixedHousehold says how a household with both 特困 members and
// other members is tested: the 特困 members supported alone and the others
// tested for 低保 without them ("separate"), or the household tested as a
// whole, no member being 特困 unless all are ("whole").
var ParamTekunMixedHousehold Key[MixedTekun] = paramTekunMixedHousehold

var paramTekunMixedHousehold = define(keyDef[MixedTekun]{
	keyInfo: keyInfo{name: "tekun_mixed_household", family: famTekun,
		names: text.Pair{"特困人员与其他成员共同生活时的认定", "tekun members living with others"},
		doc:   `"separate" | "whole"`},
	read: readEnum(mixedNames), write: writeEnum(mixedNames),
	check: func(c checker, m MixedTekun) { checkEnum(c, mixedNames, m) },
})

var readTekunGuidance, writeTekunGuidance = fieldsOf(tekunGuidanceFields)

// ParamTekunGuidance is the provincial guidance for 特困 support: a floor
// for local amounts (basic ≥ factor × the local 低保 standard; care ≥ the
// local minimum wage ÷ the level's divisor), checked as ParamDibaoGuidance
// is.
var ParamTekunGuidance Key[TekunGuidance] = paramTekunGuidance

var paramTekunGuidance = define(keyDef[TekunGuidance]{
	keyInfo: keyInfo{name: "tekun_guidance", family: famTekun,
		names: text.Pair{"省级特困供养指导标准", "provincial tekun guidance"},
		doc:   `{basic_factor, self_care_divisor, partial_care_divisor, full_care_divisor}  "1.3", 10, 6, 4; factor [1, 3], divisors [1, 100]`},
	read: readTekunGuidance, write: writeTekunGuidance,
	check: func(c checker, t TekunGuidance) {
		r := rr("1", "3", false)
		c.at("basic_factor").rate(t.BasicFactor, r, r)
	},
})
