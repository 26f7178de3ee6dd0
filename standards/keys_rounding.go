package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
)

// Rounding points: each a parameter of its own under "rounding", holding a
// rule {unit, mode}, so that a Set declares exactly the rounding it knows.

var readRounding, writeRounding = fieldsOf(roundingFields)

func point(name string, names text.Pair, doc string) Key[RoundingRule] {
	return define(keyDef[RoundingRule]{
		keyInfo: keyInfo{name: "rounding." + name, point: name, family: famRounding, names: names,
			doc: `{unit: fen|jiao|yuan, mode: half_up|up|down|half_even}  ` + doc},
		read: readRounding, write: writeRounding,
		check: checkRule,
	})
}

func checkRule(c checker, r RoundingRule) {
	if !r.Valid() {
		c.add(report.MsgRoundingUnset)
	}
}

// downOnly is the check of a rounding point whose remainder is paid apart:
// rounding up could leave less than nothing for the last instalment.
func downOnly(k Key[RoundingRule]) Key[RoundingRule] {
	k.d.check = func(c checker, r RoundingRule) {
		checkRule(c, r)
		if r.Valid() && r.Mode != money.ModeDown {
			c.at("mode").add(report.MsgRoundingDown, report.Str("mode", r.Mode.String()))
		}
	}
	k.d.doc = `{unit: fen|jiao|yuan, mode: down}  ` + "the unit each instalment is rounded down to; the last takes the remainder"
	return k
}

// Rounding points.
var (
	RoundPaymentTotal        = point("payment_total", text.Pair{"保障金舍入", "rounding of payments"}, "a monthly payment line (gap, tier, single-person, 特困)")
	RoundPerCapitaDisplay    = point("per_capita_display", text.Pair{"人均收入显示舍入", "rounding of the per-capita display"}, "the per-capita income shown to people (never compared)")
	RoundCountableIncome     = point("countable_income", text.Pair{"家庭月收入舍入", "rounding of countable income"}, "the household's monthly countable income, where a locality rounds it")
	RoundSupplement          = point("supplement", text.Pair{"加发金额舍入", "rounding of supplements"}, "one person's 加发 amount")
	RoundPriceSubsidy        = point("price_subsidy", text.Pair{"价格临时补贴舍入", "rounding of price subsidies"}, "one person's monthly price subsidy")
	RoundTekunBasic          = point("tekun_basic", text.Pair{"特困基本生活费舍入", "rounding of the tekun basic formula"}, "factor × standard for 特困 basic support, where shown")
	RoundTemporaryAssistance = point("temporary_assistance", text.Pair{"临时救助金舍入", "rounding of temporary assistance"}, "an approved temporary-assistance amount")
	RoundInstalment          = downOnly(point("instalment", text.Pair{"分期金额舍入", "rounding of instalments"}, ""))
	RoundBandThreshold       = point("band_threshold", text.Pair{"边缘标准舍入", "rounding of band thresholds"}, "an edge band's threshold per person, as a locality publishes it (1.2 × 732 = 878.4 published as 879)")
)
