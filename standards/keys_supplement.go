package standards

import (
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
