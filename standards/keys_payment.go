package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
)

// How the monthly payment is computed (R6) and the gradual exit (R4).

// MinTiers is the fewest tiers a tier table may have (R6: 不少于5个档次).
const MinTiers = 5

var readTierTable, writeTierTable = fieldsOf(tierTableFields)

// ParamTierTable is the tiered-payment table (R6).
var ParamTierTable Key[TierTable] = paramTierTable

var paramTierTable = define(keyDef[TierTable]{
	keyInfo: keyInfo{name: "tier_table", family: famPayment,
		names: text.Pair{"分档发放档次表", "tier table"},
		doc: `{tiers: [{from, from_inclusive, to, to_inclusive, amount}], placements: [{category, tier}]}  ≥ 5 tiers from 0 inclusive, ` +
			`contiguous, amounts strictly falling (R6: not averaged); it must reach the dibao standard in force`},
	read: readTierTable, write: writeTierTable,
	clone: func(t TierTable) TierTable {
		return TierTable{Tiers: cloneSlice(t.Tiers), Placements: cloneSlice(t.Placements)}
	},
	check: checkTierTable,
})

func checkTierTable(c checker, t TierTable) {
	tc := c.at("tiers")
	if n := len(t.Tiers); n < MinTiers && (n == 0 || !c.allow) {
		tc.add(report.MsgTooFewTiers, report.Int("n", int64(n)), report.Int("min", MinTiers))
	}
	for i, x := range t.Tiers {
		ic := tc.index(i)
		ic.at("from").amount(x.From, false)
		ic.at("to").amount(x.To, false)
		ic.at("amount").amount(x.Amount, true)
		if c := x.To.Cmp(x.From); c < 0 || c == 0 && !(x.FromInclusive && x.ToInclusive) {
			ic.add(report.MsgTierEmpty, report.Money("from", x.From), report.Money("to", x.To))
		}
		if i == 0 && !(x.From.IsZero() && x.FromInclusive) {
			ic.add(report.MsgTierStart)
		}
		if i == 0 {
			continue
		}
		prev := t.Tiers[i-1]
		args := []report.Arg{report.Int("i", int64(i)), report.Money("to", prev.To), report.Int("j", int64(i+1)), report.Money("from", x.From)}
		switch cmp := x.From.Cmp(prev.To); {
		case cmp > 0 || cmp == 0 && !prev.ToInclusive && !x.FromInclusive:
			ic.add(report.MsgTierGap, args...)
		case cmp < 0 || cmp == 0 && prev.ToInclusive && x.FromInclusive:
			ic.add(report.MsgTierOverlap, args...)
		}
		if x.Amount.Cmp(prev.Amount) >= 0 {
			ic.at("amount").add(report.MsgTierAmounts, report.Int("j", int64(i+1)), report.Money("amount", x.Amount),
				report.Int("i", int64(i)), report.Money("prev", prev.Amount))
		}
	}
	pc := c.at("placements")
	var seen [16]bool
	for i, pl := range t.Placements {
		ic := pc.index(i)
		if !pl.Category.Valid() {
			ic.at("category").add(report.MsgBadEnum, report.Str("value", pl.Category.String()), report.Choices("allowed", categoryNames.List()))
		} else if seen[pl.Category] {
			ic.at("category").add(report.MsgDuplicateValue, report.Str("value", pl.Category.String()))
		} else {
			seen[pl.Category] = true
		}
		if pl.Tier < 1 || pl.Tier > len(t.Tiers) {
			ic.at("tier").add(report.MsgPlacementTier, report.Int("tier", int64(pl.Tier)))
		}
	}
}

// ParamGradualExitMaxMonths is the longest 渐退期 in months (R4: generally
// at most a year).
var ParamGradualExitMaxMonths Key[int] = paramGradualExitMaxMonths

var paramGradualExitMaxMonths = define(keyDef[int]{
	keyInfo: keyInfo{name: "gradual_exit_max_months", family: famPayment,
		names: text.Pair{"渐退期最长月数", "longest gradual exit (months)"},
		doc:   `12  [1, 12]; hard [0, 120]`},
	read: readInt, write: writeInt,
	check: func(c checker, n int) { c.count(n, 0, 120, 1, 12) },
})

// ParamPaymentMethod says how the monthly 低保 payment is computed (R6): the
// gap (社会救助暂行办法 第十二条) or tiered.
var ParamPaymentMethod Key[Method] = paramPaymentMethod

var paramPaymentMethod = define(keyDef[Method]{
	keyInfo: keyInfo{name: "payment_method", family: famPayment,
		names: text.Pair{"发放方式", "payment method"},
		doc:   `"gap" | "tiered"`},
	read: readEnum(methodNames), write: writeEnum(methodNames),
	check: func(c checker, m Method) { checkEnum(c, methodNames, m) },
})

// ParamMinimumGapShare is a locality's least gap payment, as a share of the
// line: a 低保 household whose gap is below share × standard × members is
// paid that much (e.g. 0.2: "a gap below 20 % of the standard is paid as
// 20 %").
var ParamMinimumGapShare Key[money.Rate] = paramMinimumGapShare

var paramMinimumGapShare = define(keyDef[money.Rate]{
	keyInfo: keyInfo{name: "minimum_gap_share", family: famPayment,
		names: text.Pair{"最低差额比例", "minimum gap share"},
		doc:   `"0.2"  (0, 1], four decimals: a gap below share × the line is paid as that`},
	read: rateReader(4), write: writeRate,
	check: func(c checker, r money.Rate) { c.rate(r, rr("0", "1", true), rr("0", "1", true)) },
})
