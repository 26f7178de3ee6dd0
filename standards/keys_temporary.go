package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
)

// Temporary assistance (临时救助, R10).

var readCaps, writeCaps = listOf(capFields, 50)

// ParamTemporaryAssistanceCaps caps temporary assistance by hardship type (R10).
var ParamTemporaryAssistanceCaps Key[[]AssistanceCap] = paramTemporaryAssistanceCaps

var paramTemporaryAssistanceCaps = define(keyDef[[]AssistanceCap]{
	keyInfo: keyInfo{name: "temporary_assistance_caps", family: famTemporary,
		names: text.Pair{"临时救助上限", "temporary-assistance caps"},
		doc:   `[{hardship, multiple, per_member}]  multiple (0, 1000], four decimals`},
	read: readCaps, write: writeCaps, clone: cloneSlice[AssistanceCap],
	check: func(c checker, l []AssistanceCap) {
		if len(l) == 0 {
			c.add(report.MsgAtLeastOne)
		}
		r := rr("0", "1000", true)
		seen := make(map[string]bool, len(l))
		for i, x := range l {
			ic := c.index(i)
			switch {
			case x.Hardship == "":
				ic.at("hardship").add(report.MsgNotEmpty)
			case seen[x.Hardship]:
				ic.at("hardship").add(report.MsgDuplicateValue, report.Str("value", x.Hardship))
			}
			seen[x.Hardship] = true
			ic.at("multiple").rate(x.Multiple, r, r)
		}
	},
})

// ParamTemporaryAssistanceMaxInstalments is the most instalments one
// temporary-assistance approval may be paid in (R10; 民发〔2018〕23号: at
// most 6 months).
var ParamTemporaryAssistanceMaxInstalments Key[int] = paramTemporaryAssistanceMaxInstalments

var paramTemporaryAssistanceMaxInstalments = define(keyDef[int]{
	keyInfo: keyInfo{name: "temporary_assistance_max_instalments", family: famTemporary,
		names: text.Pair{"临时救助最多分期数", "temporary-assistance instalments (most)"},
		doc:   `6  [1, 6]; hard [1, 60]`},
	read: readInt, write: writeInt,
	check: func(c checker, n int) { c.count(n, 1, 60, 1, 6) },
})
