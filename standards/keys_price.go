package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
)

// The price-linkage subsidy (R5).

var readPrice, writePrice = fieldsOf(priceLinkageFields)

// ParamPriceLinkage holds the price-linkage triggers, covered groups and floor (R5).
var ParamPriceLinkage Key[PriceLinkage] = paramPriceLinkage

var paramPriceLinkage = define(keyDef[PriceLinkage]{
	keyInfo: keyInfo{name: "price_linkage", family: famPrice,
		names: text.Pair{"价格联动机制", "price linkage"},
		doc:   `{cpi_trigger, food_cpi_trigger, covered, floor?}  triggers (0, 0.035] and (0, 0.06], four decimals`},
	read: readPrice, write: writePrice,
	clone: func(p PriceLinkage) PriceLinkage { p.Covered = cloneSlice(p.Covered); return p },
	check: func(c checker, p PriceLinkage) {
		hard := rr("0", "1", true)
		c.at("cpi_trigger").rate(p.CPITrigger, hard, rr("0", "0.035", true))
		c.at("food_cpi_trigger").rate(p.FoodCPITrigger, hard, rr("0", "0.06", true))
		if len(p.Covered) == 0 {
			c.at("covered").add(report.MsgAtLeastOne)
		}
		checkEnumList(groupNames)(c.at("covered"), p.Covered)
		if p.HasFloor {
			c.at("floor").amount(p.Floor, false)
		}
	},
})
