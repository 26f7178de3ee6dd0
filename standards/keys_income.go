package standards

import (
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
)

// What counts as income, and the deductions from it (R12–R14).

// ParamExcludedIncomeKinds lists the income kinds that are not counted.
var ParamExcludedIncomeKinds Key[[]IncomeKind] = paramExcludedIncomeKinds

var paramExcludedIncomeKinds = define(keyDef[[]IncomeKind]{
	keyInfo: keyInfo{name: "excluded_income_kinds", family: famIncome,
		names: text.Pair{"不计入收入的项目", "excluded income kinds"},
		doc:   `["special_care_pension", "scholarship", …]  income kinds`},
	read: readEnumList(incomeKindNames, 32), write: writeEnumList(incomeKindNames),
	check: checkEnumList(incomeKindNames), clone: cloneSlice[IncomeKind],
})

// ParamEmploymentDeductionMonths is the months of minimum wage deducted per year
// as the cost of employment (R13).
var ParamEmploymentDeductionMonths Key[int] = paramEmploymentDeductionMonths

var paramEmploymentDeductionMonths = define(keyDef[int]{
	keyInfo: keyInfo{name: "employment_deduction_months", family: famIncome,
		names: text.Pair{"就业成本扣减月数（每年）", "employment-cost deduction (months a year)"},
		doc:   `2  exactly 2 (R13); hard [0, 12]`},
	read: readInt, write: writeInt,
	check: func(c checker, n int) { c.count(n, 0, 12, 2, 2) },
})

var readWage, writeWage = fieldsOf(minimumWageFields)

// ParamMinimumWage is the table of minimum wages by tier.
var ParamMinimumWage Key[MinimumWage] = paramMinimumWage

var paramMinimumWage = define(keyDef[MinimumWage]{
	keyInfo: keyInfo{name: "minimum_wage", family: famIncome,
		names: text.Pair{"最低工资标准", "minimum wage"},
		doc:   `{tiers: [{tier, monthly, hourly?}]}  tiers 1, 2, … with falling monthly amounts`},
	read: readWage, write: writeWage,
	clone: func(m MinimumWage) MinimumWage { return MinimumWage{Tiers: cloneSlice(m.Tiers)} },
	check: func(c checker, m MinimumWage) {
		tc := c.at("tiers")
		if len(m.Tiers) == 0 {
			tc.add(report.MsgAtLeastOne)
		}
		for i, w := range m.Tiers {
			ic := tc.index(i)
			if w.Tier != i+1 {
				ic.at("tier").add(report.MsgWageTierOrder, report.Int("n", int64(i+1)), report.Int("tier", int64(w.Tier)))
			}
			ic.at("monthly").amount(w.Monthly, true)
			ic.at("hourly").amount(w.Hourly, false)
			if i > 0 && w.Monthly.Cmp(m.Tiers[i-1].Monthly) >= 0 {
				ic.at("monthly").add(report.MsgWageOrder, report.Int("tier", int64(w.Tier)), report.Money("amount", w.Monthly),
					report.Int("prev", int64(m.Tiers[i-1].Tier)), report.Money("prev_amount", m.Tiers[i-1].Monthly))
			}
		}
	},
})

// ParamMinimumWageTier is a region's minimum-wage tier: the dated region → tier map.
var ParamMinimumWageTier Key[int] = paramMinimumWageTier

var paramMinimumWageTier = define(keyDef[int]{
	keyInfo: keyInfo{name: "minimum_wage_tier", family: famIncome,
		names: text.Pair{"最低工资档次", "minimum-wage tier"},
		doc:   `1  a tier of the minimum_wage table in force; every county-level division must resolve to one on every date`},
	read: readInt, write: writeInt,
	check: func(c checker, n int) { c.count(n, 1, 20, 1, 20) },
})

// ParamCaregiverIncomeFactor is the share of a caregiver's labour income that is
// counted (R14), from 0 to 1 with at most two decimals.
var ParamCaregiverIncomeFactor Key[money.Rate] = paramCaregiverIncomeFactor

var paramCaregiverIncomeFactor = define(keyDef[money.Rate]{
	keyInfo: keyInfo{name: "caregiver_income_factor", family: famIncome,
		names: text.Pair{"照护者收入计算比例", "caregiver income factor"},
		doc:   `"0.5"  [0, 1], two decimals`},
	read: rateReader(2), write: writeRate,
	check: func(c checker, r money.Rate) {
		one := rr("0", "1", false)
		c.rate(r, one, one)
	},
})
