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
		doc: `{cpi_trigger, food_cpi_trigger, covered, floor?, formula?, amount?, bands?, multiplier?}  triggers (0, 0.035] and (0, 0.06], four decimals; ` +
			`formula "standard_rise" (standard × rise, the default) | "fixed" (amount a person) | "banded" (standard × the share of the rise's band: bands [{from, share}], ascending); ` +
			`multiplier (0, 10] multiplies the result (a temporary increase)`},
	read: readPrice, write: writePrice,
	clone: func(p PriceLinkage) PriceLinkage {
		p.Covered, p.Bands = cloneSlice(p.Covered), cloneSlice(p.Bands)
		return p
	},
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
		checkEnum(c.at("formula"), priceFormulaNames, p.Formula)
		switch p.Formula {
		case PriceFixed:
			c.at("amount").amount(p.Amount, true)
		case PriceBanded:
			if len(p.Bands) == 0 {
				c.at("bands").add(report.MsgAtLeastOne)
			}
		}
		if p.Formula != PriceBanded && len(p.Bands) > 0 || p.Formula != PriceFixed && !p.Amount.IsZero() {
			c.at("formula").add(report.MsgInconsistentFormula, report.Str("formula", p.Formula.String()))
		}
		for i, b := range p.Bands {
			bc := c.at("bands").index(i)
			bc.at("from").rate(b.From, hard, hard)
			bc.at("share").rate(b.Share, hard, hard)
			if i > 0 && b.From.Cmp(p.Bands[i-1].From) <= 0 {
				bc.at("from").add(report.MsgBandsOrder)
			}
		}
		if p.HasMultiplier {
			c.at("multiplier").rate(p.Multiplier, rr("0", "10", true), rr("0", "10", true))
		}
	},
})
