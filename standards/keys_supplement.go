package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
)

// The supplement (加发, R7).

// ParamSupplementRate is the supplement as a share of the 低保 standard (R7): at
// least 15 %.
var ParamSupplementRate Key[money.Rate] = paramSupplementRate

var paramSupplementRate = define(keyDef[money.Rate]{
	keyInfo: keyInfo{name: "supplement_rate", family: famSupplement,
		names: text.Pair{"加发比例", "supplement rate"},
		doc:   `"0.15"  [0.15, 1], four decimals; hard [0, 10]`},
	read: rateReader(4), write: writeRate,
	check: func(c checker, r money.Rate) { c.rate(r, rr("0", "10", false), rr("0.15", "1", false)) },
})

// ParamSupplementCategories lists the categories that receive the supplement (R7).
var ParamSupplementCategories Key[[]Category] = paramSupplementCategories

var paramSupplementCategories = define(keyDef[[]Category]{
	keyInfo: keyInfo{name: "supplement_categories", family: famSupplement,
		names: text.Pair{"加发对象类别", "supplement categories"},
		doc:   `["severe_disability", "serious_illness", "elderly", "minor", "martyr_family", "returned_veteran"]`},
	read: readEnumList(categoryNames, 16), write: writeEnumList(categoryNames),
	check: checkEnumList(categoryNames), clone: cloneSlice[Category],
})

// ParamSupplementStacking says how supplements combine for a person in several
// categories.
var ParamSupplementStacking Key[Stacking] = paramSupplementStacking

var paramSupplementStacking = define(keyDef[Stacking]{
	keyInfo: keyInfo{name: "supplement_stacking", family: famSupplement,
		names: text.Pair{"加发叠加规则", "supplement stacking"},
		doc:   `"highest" | "sum"`},
	read: readEnum(stackingNames), write: writeEnum(stackingNames),
	check: func(c checker, s Stacking) { checkEnum(c, stackingNames, s) },
})

// ParamElderlyAge is the age from which a person counts as 老年人 for the supplement.
var ParamElderlyAge Key[int] = paramElderlyAge

var paramElderlyAge = define(keyDef[int]{
	keyInfo: keyInfo{name: "elderly_age", family: famSupplement,
		names: text.Pair{"老年人年龄", "elderly age"},
		doc:   `60  [60, 100]; hard [0, 130]`},
	read: readInt, write: writeInt,
	check: func(c checker, n int) { c.count(n, 0, 130, 60, 100) },
})

var (
	readCategoryRates, writeCategoryRates = listOf(categoryRateFields, 16)
	readAgeGroups, writeAgeGroups         = listOf(ageGroupFields, 16)
)

// ParamSupplementRates gives some categories a supplement rate of their own
// instead of supplement_rate (a locality's rule; R7 sets the least).
var ParamSupplementRates Key[[]CategoryRate] = paramSupplementRates

var paramSupplementRates = define(keyDef[[]CategoryRate]{
	keyInfo: keyInfo{name: "supplement_rates", family: famSupplement,
		names: text.Pair{"分类加发比例", "supplement rates by category"},
		doc:   `[{category, rate}]  a rate of its own for a listed supplement category, [0.15, 1], four decimals; each category once`},
	read: readCategoryRates, write: writeCategoryRates, clone: cloneSlice[CategoryRate],
	check: func(c checker, l []CategoryRate) {
		seen := map[Category]bool{}
		for i, x := range l {
			ic := c.index(i)
			checkEnum(ic.at("category"), categoryNames, x.Category)
			ic.at("rate").rate(x.Rate, rr("0", "10", false), rr("0.15", "1", false))
			if seen[x.Category] {
				ic.at("category").add(report.MsgDuplicateValue, report.Str("value", x.Category.String()))
			}
			seen[x.Category] = true
		}
	},
})

// ParamSupplementAgeGroups are supplement categories of a locality's own,
// by age (and, optionally, within existing categories).
var ParamSupplementAgeGroups Key[[]AgeGroup] = paramSupplementAgeGroups

var paramSupplementAgeGroups = define(keyDef[[]AgeGroup]{
	keyInfo: keyInfo{name: "supplement_age_groups", family: famSupplement,
		names: text.Pair{"按年龄加发类别", "supplement age groups"},
		doc: `[{name, name_en?, min_age?, max_age?, of?, rate}]  people aged min_age to max_age (inclusive; max_age 0: no bound), ` +
			`within the categories "of" lists when it does, receive rate × the standard; they count as a category for the stacking rule`},
	read: readAgeGroups, write: writeAgeGroups,
	clone: func(l []AgeGroup) []AgeGroup {
		out := cloneSlice(l)
		for i := range out {
			out[i].Of = cloneSlice(out[i].Of)
		}
		return out
	},
	check: func(c checker, l []AgeGroup) {
		for i, g := range l {
			ic := c.index(i)
			if g.Name == "" {
				ic.at("name").add(report.MsgRequired)
			}
			if g.MaxAge != 0 && g.MaxAge < g.MinAge {
				ic.at("max_age").add(report.MsgAgeOrder, report.Int("max", int64(g.MaxAge)), report.Int("min", int64(g.MinAge)))
			}
			checkEnumList(categoryNames)(ic.at("of"), g.Of)
			ic.at("rate").rate(g.Rate, rr("0", "10", false), rr("0", "1", false))
		}
	},
})
