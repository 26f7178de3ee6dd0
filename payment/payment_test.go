package payment_test

import (
	"errors"
	"strconv"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// requireProblem asserts an error of the kind with a problem of the code at path.
func requireProblem(t testing.TB, err error, kind error, path string, code problem.Code) *problem.Error {
	t.Helper()
	require.Error(t, err)
	assert.ErrorIs(t, err, kind)
	other := problem.ErrNotCovered
	if kind == problem.ErrNotCovered {
		other = problem.ErrInvalid
	}
	assert.False(t, errors.Is(err, other), "%v", err)
	pe, ok := problem.As(err)
	require.True(t, ok, "%T", err)
	assert.True(t, pe.Has(path, code), "want %s at %q in:\n%v", code, path, pe)
	return pe
}

// 600 × 3 − 1000 = 800.00 exactly; rounding a per-capita 1000 ÷ 3 = 333.33
// first would give 3 × (600 − 333.33) = 800.01.
func TestGapOrderOfOperations(t *testing.T) {
	set := hypotheticalSet(t, standards.ChangeTo(standards.ParamDibaoStandard, amt("600")).In(region("230102")).For(standards.AreaUrban))
	dcs := decide(t, set, req(family("1000"), "2023-06-01"))
	assert.Equal(t, eligibility.Dibao, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"gap": "800.00"}, lines(dcs))
	assert.Equal(t, "800.00", dcs.Total.Display())
	assert.Equal(t, "800", dcs.Total.String())
	gap := line(t, dcs, explain.LineGap, "")
	assert.Equal(t, "800", gap.Exact.String())
	assert.Nil(t, gap.Rounding, "800 exactly: nothing to round, no rule rested on")
	s := step(t, dcs.Steps, explain.LineGap, "")
	assert.Equal(t, "600", arg(t, s, "standard"))
	assert.Equal(t, "3", arg(t, s, "members"))
	assert.Equal(t, "1800", arg(t, s, "line"))
	assert.Equal(t, "1000", arg(t, s, "countable"))
	assert.Equal(t, "800", arg(t, s, "exact"))
	assert.Equal(t, "800", arg(t, s, "paid"))
	assert.Contains(t, dcs.Explain(en),
		"Gap payment: standard 600.00 × 3 members = 1800.00 yuan, less countable income 1000.00 yuan = 800.00 yuan; paid 800.00 yuan")
	assert.Contains(t, dcs.Explain(zh), "每月合计发放 800.00 元")
}

// 道里区 urban 2023: 850 × 3 = 2550; the gap is rounded once, at the end,
// by the Set's payment rule.
func TestGapRounding(t *testing.T) {
	u := func(unit money.Unit) func(money.Mode) money.Rule {
		return func(m money.Mode) money.Rule { return rule(unit, m) }
	}
	fen, jiao, yuan := u(money.UnitFen), u(money.UnitJiao), u(money.UnitYuan)
	up, down, halfUp, halfEven := money.ModeUp, money.ModeDown, money.ModeHalfUp, money.ModeHalfEven
	for _, tc := range []struct {
		name  string
		in    income.Income
		rule  money.Rule
		exact string // "" = not 低保: no line
		gap   string
	}{
		{"1 fen below the line", pension("2549.99"), fen(halfUp), "0.01", "0.01"},
		{"at the line", pension("2550"), fen(halfUp), "", ""},
		{"1 fen above the line", pension("2550.01"), fen(halfUp), "", ""},
		// 10000 a year: 2500/3 a month; 2550 − 2500/3 = 5150/3 = 1716.666…
		{"a third: fen half-up", annual("10000"), fen(halfUp), "5150/3", "1716.67"},
		{"a third: fen half-even", annual("10000"), fen(halfEven), "5150/3", "1716.67"},
		{"a third: fen up", annual("10000"), fen(up), "5150/3", "1716.67"},
		{"a third: fen down", annual("10000"), fen(down), "5150/3", "1716.66"},
		{"a third: jiao half-up", annual("10000"), jiao(halfUp), "5150/3", "1716.70"},
		{"a third: jiao down", annual("10000"), jiao(down), "5150/3", "1716.60"},
		{"a third: yuan half-up", annual("10000"), yuan(halfUp), "5150/3", "1717.00"},
		{"a third: yuan up", annual("10000"), yuan(up), "5150/3", "1717.00"},
		{"a third: yuan down", annual("10000"), yuan(down), "5150/3", "1716.00"},
		// A half fen: 12000.06 a year is 1000.005 a month; 2550 − 1000.005 = 1549.995.
		{"½ fen, even above: half-up", annual("12000.06"), fen(halfUp), "1549.995", "1550.00"},
		{"½ fen, even above: half-even", annual("12000.06"), fen(halfEven), "1549.995", "1550.00"},
		{"½ fen, even above: up", annual("12000.06"), fen(up), "1549.995", "1550.00"},
		{"½ fen, even above: down", annual("12000.06"), fen(down), "1549.995", "1549.99"},
		// 12000.18 a year is 1000.015 a month; 2550 − 1000.015 = 1549.985: the even fen is below.
		{"½ fen, even below: half-up", annual("12000.18"), fen(halfUp), "1549.985", "1549.99"},
		{"½ fen, even below: half-even", annual("12000.18"), fen(halfEven), "1549.985", "1549.98"},
		{"½ fen, even below: up", annual("12000.18"), fen(up), "1549.985", "1549.99"},
		{"½ fen, even below: down", annual("12000.18"), fen(down), "1549.985", "1549.98"},
		// Half a jiao: 2550 − 1049.95 = 1500.05 (even jiao below); 2550 − 1049.85 = 1500.15 (even jiao above).
		{"½ jiao, even below: half-up", pension("1049.95"), jiao(halfUp), "1500.05", "1500.10"},
		{"½ jiao, even below: half-even", pension("1049.95"), jiao(halfEven), "1500.05", "1500.00"},
		{"½ jiao, even below: up", pension("1049.95"), jiao(up), "1500.05", "1500.10"},
		{"½ jiao, even below: down", pension("1049.95"), jiao(down), "1500.05", "1500.00"},
		{"½ jiao, even above: half-even", pension("1049.85"), jiao(halfEven), "1500.15", "1500.20"},
		{"½ jiao, even above: down", pension("1049.85"), jiao(down), "1500.15", "1500.10"},
		// Half a yuan: 2550 − 1049.5 = 1500.5 (even yuan below); 2550 − 1048.5 = 1501.5 (even yuan above).
		{"½ yuan, even below: half-up", pension("1049.5"), yuan(halfUp), "1500.5", "1501.00"},
		{"½ yuan, even below: half-even", pension("1049.5"), yuan(halfEven), "1500.5", "1500.00"},
		{"½ yuan, even below: up", pension("1049.5"), yuan(up), "1500.5", "1501.00"},
		{"½ yuan, even below: down", pension("1049.5"), yuan(down), "1500.5", "1500.00"},
		{"½ yuan, even above: half-up", pension("1048.5"), yuan(halfUp), "1501.5", "1502.00"},
		{"½ yuan, even above: half-even", pension("1048.5"), yuan(halfEven), "1501.5", "1502.00"},
		{"½ yuan, even above: down", pension("1048.5"), yuan(down), "1501.5", "1501.00"},
		// A whole yuan is left alone by every rule.
		{"whole: yuan up", pension("1050"), yuan(up), "1500", "1500.00"},
		{"whole: yuan down", pension("1050"), yuan(down), "1500", "1500.00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := testSet(t, standards.ChangeTo(standards.RoundPaymentTotal, tc.rule))
			h := family("0")
			h.Members[0].Incomes = []income.Income{tc.in}
			dcs := decide(t, set, req(h, "2023-06-01"))
			if tc.exact == "" {
				assert.NotEqual(t, eligibility.Dibao, dcs.Classification.Status)
				assert.Empty(t, dcs.Lines)
				assert.True(t, dcs.Total.IsZero())
				assert.Equal(t, "0.00", dcs.Total.Display())
				return
			}
			assert.Equal(t, eligibility.Dibao, dcs.Classification.Status)
			gap := line(t, dcs, explain.LineGap, "")
			assert.Equal(t, tc.exact, gap.Exact.String())
			assert.Equal(t, tc.gap, gap.Amount.Display())
			if ex := gap.Exact; ex.IsFen() && ex.Display() == tc.gap {
				assert.Nil(t, gap.Rounding, "a whole-fen gap rests on no rounding rule")
			} else {
				require.NotNil(t, gap.Rounding)
				assert.Equal(t, tc.rule, gap.Rounding.V)
			}
			assert.Equal(t, tc.gap, dcs.Total.Display())
		})
	}
}

// Without a payment rounding rule, an amount that is not a whole fen is an
// error, never a silent rounding; a whole-fen amount needs no rule.
func TestRoundingRuleRequired(t *testing.T) {
	plain := apply(t, without(t, "rounding.payment_total", "rounding.supplement"),
		standards.ChangeTo(standards.ParamElderlyAge, 60), standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingHighest))
	h := family("0")
	h.Members[0].Incomes = []income.Income{annual("10000")} // 2550 − 2500/3 = 5150/3: not a whole fen
	_, err := payment.Decide(req(h, "2023-06-01"), plain)
	pe := requireProblem(t, err, problem.ErrNotCovered, "household.region", problem.RoundingRequired)
	assert.Contains(t, pe.Error(), "rounding.payment_total")

	dcs := decide(t, plain, req(family("1000"), "2023-06-01"))
	assert.Equal(t, "1550.00", lines(dcs)["gap"]) // 2550 − 1000, a whole fen
	gap := line(t, dcs, explain.LineGap, "")
	assert.Nil(t, gap.Rounding)
	assert.Equal(t, "1550", gap.Exact.String())

	// A supplement of 0.15 × 850 = 127.5 is a whole fen too: no rule needed.
	h = family("1000")
	h.Members[1].SeriousIllness = true
	dcs = decide(t, plain, req(h, "2023-06-01"))
	sup := line(t, dcs, explain.LineSupplement, "b")
	assert.Nil(t, sup.Rounding)
	assert.Equal(t, "127.50", sup.Amount.Display())
}

// 尤溪县 (Fujian, 2021): standard 640; per-capita ≤ 77 (or severely
// disabled) → 640; ≤ 200 → 507; ≤ 312.5 → 384; ≤ 412 → 272; < 640 → 174.
// Tested with 道里区 rural 2023, whose standard is also 640.
func yuxi() standards.TierTable {
	t := func(from, to string, fromIncl, toIncl bool, amount string) standards.Tier {
		return standards.Tier{From: amt(from), To: amt(to), FromInclusive: fromIncl, ToInclusive: toIncl, Amount: amt(amount)}
	}
	return standards.TierTable{Tiers: []standards.Tier{
		t("0", "77", true, true, "640"), t("77", "200", false, true, "507"), t("200", "312.5", false, true, "384"),
		t("312.5", "412", false, true, "272"), t("412", "640", false, false, "174")},
		Placements: []standards.Placement{{Category: standards.CategorySevereDisability, Tier: 1}}}
}

func tierSet(t testing.TB, extra ...standards.Change) *standards.Set {
	return testSet(t, append([]standards.Change{
		standards.ChangeTo(standards.ParamTierTable, yuxi()).In(region("230102")).For(standards.AreaRural)}, extra...)...)
}

// rural builds a rural 道里区 household of n members, the applicant with the pension.
func rural(n int, countable string) *income.Household {
	h := &income.Household{Region: region("230102"), Area: standards.AreaRural, Members: []income.Member{
		person("a", "1970-01-01", income.RelationApplicant, pension(countable))}}
	for i := 1; i < n; i++ {
		h.Members = append(h.Members, person(string(rune('a'+i)), "1972-01-01", income.RelationSpouse))
	}
	if n > 2 {
		for i := 2; i < n; i++ {
			h.Members[i].Relation = income.RelationChild
			h.Members[i].BirthDate = d("1995-01-01")
		}
	}
	return h
}

func TestTieredPayment(t *testing.T) {
	set := tierSet(t)
	for _, tc := range []struct {
		n         int
		countable string
		tier      string
		each      string
	}{
		{2, "0", "1", "640.00"},       // per capita 0: tier 1 (from 0 inclusive)
		{2, "154", "1", "640.00"},     // 154 ÷ 2 = 77: tier 1 (to 77 inclusive)
		{2, "154.01", "2", "507.00"},  // 77.005 > 77: tier 2
		{2, "400", "2", "507.00"},     // 200: tier 2
		{2, "400.01", "3", "384.00"},  // 200.005: tier 3
		{2, "625", "3", "384.00"},     // 312.5: tier 3
		{2, "625.01", "4", "272.00"},  // 312.505: tier 4
		{2, "824", "4", "272.00"},     // 412: tier 4
		{2, "824.01", "5", "174.00"},  // 412.005: tier 5
		{2, "1279.99", "5", "174.00"}, // 639.995 < 640: tier 5
		// 3 members: per capita is not a finite decimal; compared without dividing.
		{3, "231", "1", "640.00"},    // 231 ÷ 3 = 77: tier 1
		{3, "231.01", "2", "507.00"}, // 77.00333…: tier 2 (77.00 if the per capita were rounded first)
		{3, "1919.99", "5", "174.00"},
	} {
		t.Run(tc.countable, func(t *testing.T) {
			r := req(rural(tc.n, tc.countable), "2023-06-01")
			r.Method = standards.MethodTiered
			dcs := decide(t, set, r)
			require.Equal(t, eligibility.Dibao, dcs.Classification.Status)
			assert.Equal(t, standards.MethodTiered, dcs.Method)
			got := lines(dcs)
			require.Len(t, got, tc.n)
			for i := 0; i < tc.n; i++ {
				id := string(rune('a' + i))
				assert.Equal(t, tc.each, got["tier@"+id], id)
				assert.Equal(t, tc.tier, arg(t, step(t, dcs.Steps, explain.LineTier, id), "tier"))
			}
			assert.NotContains(t, got, "gap")
			each, _ := money.Parse(tc.each)
			total, _ := each.MulInt(int64(tc.n))
			assert.Equal(t, total.Display(), dcs.Total.Display())
		})
	}
	// 1280 for 2 is at the line 640 × 2: not 低保, nothing paid.
	r := req(rural(2, "1280"), "2023-06-01")
	r.Method = standards.MethodTiered
	dcs := decide(t, set, r)
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.Empty(t, dcs.Lines)

	// A severely disabled member is placed in tier 1 whatever the household's
	// tier: 824 ÷ 2 = 412, tier 4 (272) for a; 640 for b; plus b's supplement
	// 0.15 × 640 = 96; 272 + 640 + 96 = 1008.
	h := rural(2, "824")
	h.Members[1].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 1}
	r = req(h, "2023-06-01")
	r.Method = standards.MethodTiered
	dcs = decide(t, set, r)
	assert.Equal(t, map[string]string{"tier@a": "272.00", "tier@b": "640.00", "supplement@b": "96.00"}, lines(dcs))
	assert.Equal(t, "1008.00", dcs.Total.Display())
	placed := line(t, dcs, explain.LineTier, "b")
	assert.Equal(t, explain.LineTierPlaced, placed.Step)
	s := step(t, dcs.Steps, explain.LineTierPlaced, "b")
	assert.Equal(t, "1", arg(t, s, "tier"))
	assert.Equal(t, "category.severe_disability", arg(t, s, "category"))
	// A placement never lowers a member: in tier 1 already, b stays in it.
	h = rural(2, "100")
	h.Members[1].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 1}
	r = req(h, "2023-06-01")
	r.Method = standards.MethodTiered
	dcs = decide(t, set, r)
	assert.Equal(t, "640.00", lines(dcs)["tier@a"])
	assert.Equal(t, "640.00", lines(dcs)["tier@b"])
}

// The method: the request's, else the Set's payment_method, else the gap.
func TestPaymentMethod(t *testing.T) {
	h := rural(2, "824") // gap: 1280 − 824 = 456; tiered: 2 × 272 = 544
	for _, tc := range []struct {
		name      string
		setMethod standards.Method // MethodUnset: the Set declares none
		request   standards.Method
		want      standards.Method
		total     string
	}{
		{"nothing declared: gap", standards.MethodUnset, standards.MethodUnset, standards.MethodGap, "456.00"},
		{"the Set's gap", standards.MethodGap, standards.MethodUnset, standards.MethodGap, "456.00"},
		{"the Set's tiered", standards.MethodTiered, standards.MethodUnset, standards.MethodTiered, "544.00"},
		{"the request's gap over the Set's tiered", standards.MethodTiered, standards.MethodGap, standards.MethodGap, "456.00"},
		{"the request's tiered over the Set's gap", standards.MethodGap, standards.MethodTiered, standards.MethodTiered, "544.00"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			changes := append(settings(), standards.ChangeTo(standards.ParamTierTable, yuxi()).In(region("230102")).For(standards.AreaRural))
			if tc.setMethod != standards.MethodUnset {
				changes = append(changes, standards.ChangeTo(standards.ParamPaymentMethod, tc.setMethod))
			}
			r := req(h, "2023-06-01")
			r.Method = tc.request
			dcs := decide(t, apply(t, without(t, "payment_method"), changes...), r)
			assert.Equal(t, tc.want, dcs.Method)
			assert.Equal(t, tc.total, dcs.Total.Display())
		})
	}
	// Tiered payment where the Set holds no tier table: the standards cannot decide.
	r := req(family("1000"), "2023-06-01")
	r.Method = standards.MethodTiered
	_, err := payment.Decide(r, testSet(t))
	requireProblem(t, err, problem.ErrNotCovered, "household.region", problem.NotCovered)
}

// R7: 15 % of 850 = 127.5 for each qualifying member of a 低保 household.
func TestSupplements(t *testing.T) {
	h := family("1000")
	h.Members[0].BirthDate = d("1960-01-01") // 63: elderly
	h.Members[0].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 2}
	h.Members[1].MartyrFamily = true
	h.Members[2].BirthDate = d("2010-01-01") // 13: minor
	for _, tc := range []struct {
		stacking standards.Stacking
		a        string
		count    string
	}{
		{standards.StackingHighest, "127.50", "1"}, // elderly and severely disabled: once
		{standards.StackingSum, "255.00", "2"},     // twice: 2 × 127.5
	} {
		t.Run(tc.stacking.String(), func(t *testing.T) {
			set := testSet(t, standards.ChangeTo(standards.ParamSupplementStacking, tc.stacking))
			dcs := decide(t, set, req(h, "2023-06-01"))
			got := lines(dcs)
			assert.Equal(t, tc.a, got["supplement@a"])
			assert.Equal(t, "127.50", got["supplement@b"])
			assert.Equal(t, "127.50", got["supplement@c"])
			assert.Equal(t, "1550.00", got["gap"]) // 2550 − 1000
			s := step(t, dcs.Steps, explain.LineSupplement, "a")
			assert.Equal(t, "category.severe_disability,category.elderly", arg(t, s, "categories"))
			assert.Equal(t, tc.count, arg(t, s, "count"))
			assert.Equal(t, "0.15", arg(t, s, "rate"))
			assert.Equal(t, "850", arg(t, s, "standard"))
		})
	}

	for _, tc := range []struct {
		name   string
		date   string
		modify func(m *income.Member)
		want   string // "" = no supplement
	}{
		{"disabled serviceman grade 4 (1–4级伤残军人)", "2023-06-01", func(m *income.Member) { m.ServiceDisabilityGrade = 4 }, "127.50"},
		{"disabled serviceman grade 5", "2023-06-01", func(m *income.Member) { m.ServiceDisabilityGrade = 5 }, ""},
		{"60 on the day", "2023-06-01", func(m *income.Member) { m.BirthDate = d("1963-06-01") }, "127.50"},
		{"a day short of 60", "2023-05-31", func(m *income.Member) { m.BirthDate = d("1963-06-01") }, ""},
		{"17, a day short of 18", "2023-05-31", func(m *income.Member) { m.BirthDate = d("2005-06-01") }, "127.50"},
		{"18 on the day", "2023-06-01", func(m *income.Member) { m.BirthDate = d("2005-06-01") }, ""},
		{"seriously ill", "2023-06-01", func(m *income.Member) { m.SeriousIllness = true }, "127.50"},
		{"returned veteran", "2023-06-01", func(m *income.Member) { m.ReturnedVeteran = true }, "127.50"},
		{"special care is not a supplement category", "2023-06-01", func(m *income.Member) { m.SpecialCare = true }, ""},
		{"physical grade 3 is not severe", "2023-06-01", func(m *income.Member) {
			m.Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 3}
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := family("1000")
			tc.modify(&h.Members[1])
			dcs := decide(t, testSet(t), req(h, tc.date))
			require.Equal(t, eligibility.Dibao, dcs.Classification.Status)
			got, ok := lines(dcs)["supplement@b"]
			if tc.want == "" {
				assert.False(t, ok, got)
				return
			}
			assert.Equal(t, tc.want, got)
		})
	}

	// The Set's age for 老年人: with 65, a 63-year-old gets nothing, a 65-year-old 127.5.
	set := testSet(t, standards.ChangeTo(standards.ParamElderlyAge, 65))
	h = family("1000")
	h.Members[1].BirthDate = d("1960-01-01")
	h.Members[2].BirthDate = d("1958-06-01")
	got := lines(decide(t, set, req(h, "2023-06-01")))
	assert.NotContains(t, got, "supplement@b")
	assert.Equal(t, "127.50", got["supplement@c"])

	// Grade 3 counts as severe for the categories the Set lists.
	set = testSet(t, standards.ChangeTo(standards.ParamSevereGrade3Categories, []standards.DisabilityCategory{standards.DisabilityIntellectual}))
	h = family("1000")
	h.Members[1].Disability = income.Disability{Category: standards.DisabilityIntellectual, Grade: 3}
	assert.Equal(t, "127.50", lines(decide(t, set, req(h, "2023-06-01")))["supplement@b"])
	assert.NotContains(t, lines(decide(t, testSet(t), req(h, "2023-06-01"))), "supplement@b")

	// No supplement outside 低保: an edge household (3000 for 3) with a minor.
	h = family("3000")
	h.Members[2].BirthDate = d("2010-01-01")
	dcs := decide(t, testSet(t), req(h, "2023-06-01"))
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.Empty(t, dcs.Lines)
}

// A supplement that is not a whole fen needs the Set's supplement rule:
// 0.155 × 689 (依兰县 urban) = 106.795; 0.1525 × 850 = 129.625.
func TestSupplementRounding(t *testing.T) {
	county := family("1000") // 689 × 3 = 2067; gap 1067
	county.Region = region("230123")
	county.Members[1].SeriousIllness = true
	rate155 := standards.ChangeTo(standards.ParamSupplementRate, rate("0.155"))
	noRule := apply(t, without(t, "rounding.supplement"), append(settings(), rate155)...)
	_, err := payment.Decide(req(county, "2023-06-01"), noRule)
	requireProblem(t, err, problem.ErrNotCovered, "household.region", problem.RoundingRequired)

	city := family("1000")
	city.Members[1].SeriousIllness = true
	rate1525 := standards.ChangeTo(standards.ParamSupplementRate, rate("0.1525"))
	for _, tc := range []struct {
		mode   money.Mode
		county string // 106.795: the even fen is above
		city   string // 129.625: the even fen is below
	}{
		{money.ModeHalfUp, "106.80", "129.63"},
		{money.ModeHalfEven, "106.80", "129.62"},
		{money.ModeUp, "106.80", "129.63"},
		{money.ModeDown, "106.79", "129.62"},
	} {
		t.Run(tc.mode.String(), func(t *testing.T) {
			sup := standards.ChangeTo(standards.RoundSupplement, rule(money.UnitFen, tc.mode))
			dcs := decide(t, testSet(t, rate155, sup), req(county, "2023-06-01"))
			assert.Equal(t, tc.county, lines(dcs)["supplement@b"])
			assert.Equal(t, "106.795", line(t, dcs, explain.LineSupplement, "b").Exact.String())
			assert.Equal(t, "1067.00", lines(dcs)["gap"])
			dcs = decide(t, testSet(t, rate1525, sup), req(city, "2023-06-01"))
			assert.Equal(t, tc.city, lines(dcs)["supplement@b"])
		})
	}
}

// A person's supplements are summed exactly and rounded once: with a
// standard of 630, 2 × 0.15 × 630 = 189 exactly — not 2 × round(94.5) = 190.
func TestSupplementRoundedOncePerPerson(t *testing.T) {
	set := hypotheticalSet(t,
		standards.ChangeTo(standards.ParamDibaoStandard, amt("630")).In(region("230102")).For(standards.AreaUrban),
		standards.ChangeTo(standards.ParamSupplementStacking, standards.StackingSum),
		standards.ChangeTo(standards.RoundSupplement, rule(money.UnitYuan, money.ModeHalfUp)))
	h := family("1000")
	h.Members[1].BirthDate = d("1950-01-01") // elderly
	h.Members[1].MartyrFamily = true
	h.Members[2].SeriousIllness = true // one category: 94.5 → 95
	dcs := decide(t, set, req(h, "2023-06-01"))
	assert.Equal(t, "189.00", lines(dcs)["supplement@b"])
	assert.Equal(t, "95.00", lines(dcs)["supplement@c"])
	assert.Equal(t, "94.5", line(t, dcs, explain.LineSupplement, "c").Exact.String())
	assert.Equal(t, "890.00", lines(dcs)["gap"]) // 630 × 3 − 1000
}

// R3: an edge household (2900 + 100 = 3000 for 3) with a seriously ill
// member whose own income is 100: 850 − 100 = 750, plus the supplement 127.5.
func TestSinglePersonPayment(t *testing.T) {
	h := family("2900")
	h.Members[2].SeriousIllness = true
	h.Members[2].Incomes = []income.Income{pension("100")}
	dcs := decide(t, testSet(t), req(h, "2023-06-01"))
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"single_person@c": "750.00", "supplement@c": "127.50"}, lines(dcs))
	assert.Equal(t, "877.50", dcs.Total.Display())
	s := step(t, dcs.Steps, explain.LineSinglePerson, "c")
	assert.Equal(t, "850", arg(t, s, "standard"))
	assert.Equal(t, "100", arg(t, s, "countable"))

	// Own income of 1000 a year: 250/3 a month; 850 − 250/3 = 2300/3 = 766.666… → 766.67.
	h.Members[2].Incomes = []income.Income{annual("1000")}
	dcs = decide(t, testSet(t), req(h, "2023-06-01"))
	l := line(t, dcs, explain.LineSinglePerson, "c")
	assert.Equal(t, "2300/3", l.Exact.String())
	assert.Equal(t, "766.67", l.Amount.Display())
	assert.Equal(t, "894.17", dcs.Total.Display()) // 766.67 + 127.50

	// 黑民规〔2023〕1号: the adult, unemployed, severely disabled member of a
	// household above every band (5000 ≥ 3825): 850 − 0 + 127.5 = 977.5.
	h = family("5000")
	h.Members[2].Disability = income.Disability{Category: standards.DisabilityPhysical, Grade: 2}
	dcs = decide(t, testSet(t), req(h, "2023-06-01"))
	assert.Equal(t, eligibility.NotEligible, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"single_person@c": "850.00", "supplement@c": "127.50"}, lines(dcs))
	assert.Equal(t, "977.50", dcs.Total.Display())

	// A grade-6 disabled serviceman is brought in alone (R3 covers 1–6) but
	// gets no supplement (R7 covers 1–4): 850.
	h = family("3000")
	h.Members[2].ServiceDisabilityGrade = 6
	dcs = decide(t, testSet(t), req(h, "2023-06-01"))
	assert.Equal(t, map[string]string{"single_person@c": "850.00"}, lines(dcs))
}

func TestGradualExitPayment(t *testing.T) {
	// Entering: a 低保 household at 3000 (≥ 2550, < 3825) keeps its last amount.
	r := req(family("3000"), "2023-06-15")
	r.Current = eligibility.Current{Status: eligibility.Dibao, Since: d("2022-01-01"), MonthlyAmount: amt("1234.5")}
	dcs := decide(t, testSet(t), r)
	assert.Equal(t, eligibility.GradualExit, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"gradual_exit": "1234.50"}, lines(dcs))
	assert.Equal(t, "2024-06-30", arg(t, step(t, dcs.Steps, explain.LineGradualExit, ""), "end"))
	// The last amount is all that is paid: no supplement on top, even for a minor.
	withMinor := req(family("3000"), "2023-06-15")
	withMinor.Household.Members[2].BirthDate = d("2010-01-01")
	withMinor.Current = r.Current
	assert.Equal(t, map[string]string{"gradual_exit": "1234.50"}, lines(decide(t, testSet(t), withMinor)))

	current := eligibility.Current{Status: eligibility.GradualExit, Since: d("2023-06-15"), GradualExitEnd: d("2024-06-30"), MonthlyAmount: amt("1234.5")}
	r = req(family("3000"), "2024-06-30")
	r.Current = current
	dcs = decide(t, testSet(t), r)
	assert.Equal(t, map[string]string{"gradual_exit": "1234.50"}, lines(dcs))
	assert.Equal(t, "1234.50", dcs.Total.Display())
	r.Date = d("2024-07-01")
	dcs = decide(t, testSet(t), r)
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.Empty(t, dcs.Lines, "nothing after the end")
	// Back below the line during the exit: the gap again, not the last amount.
	r = req(family("2000"), "2024-01-10")
	r.Current = current
	dcs = decide(t, testSet(t), r)
	assert.Equal(t, map[string]string{"gap": "550.00"}, lines(dcs)) // 2550 − 2000

	// A gradual exit needs the last amount, greater than 0 and a whole fen.
	for _, last := range []string{"0", "-1"} {
		r = req(family("3000"), "2024-06-30")
		r.Current = current
		r.Current.MonthlyAmount = amt(last)
		_, err := payment.Decide(r, testSet(t))
		requireProblem(t, err, problem.ErrInvalid, "current.monthly_amount", problem.Required)
	}
}

// A 低保 recipient found to enter the gradual exit without its last monthly
// amount in the request: the request is incomplete — bad input, not
// something the standards lack.
func TestGradualExitStartWithoutLastAmount(t *testing.T) {
	r := req(family("3000"), "2023-06-15")
	r.Current = eligibility.Current{Status: eligibility.Dibao, Since: d("2022-01-01")}
	_, err := payment.Decide(r, testSet(t))
	requireProblem(t, err, problem.ErrInvalid, "current.monthly_amount", problem.Required)
}

// R5: the standard × the triggering rise, to the yuan half-up, per covered person.
func TestPriceSubsidy(t *testing.T) {
	set := testSet(t)
	for _, tc := range []struct {
		name, date, cpi, food string
		per                   string // "" = none
		gap                   string
	}{
		{"CPI 3.6 %", "2023-06-01", "0.036", "0.01", "31", "550"},                // 850 × 0.036 = 30.6 → 31
		{"CPI at 3.5 %", "2023-06-01", "0.035", "0", "30", "550"},                // 29.75 → 30
		{"CPI 3.49 %, food 5.99 %", "2023-06-01", "0.0349", "0.0599", "", "550"}, // below both triggers
		{"food at 6 %", "2023-06-01", "0", "0.06", "51", "550"},                  // 850 × 0.06 = 51
		{"both trigger: the higher", "2023-06-01", "0.04", "0.061", "52", "550"}, // CPI 34; food 51.85 → 52
		{"x.5: half-up, not banker's", "2023-06-01", "0.05", "0", "43", "550"},   // 42.5 → 43
		{"a fall", "2023-06-01", "-0.01", "-0.02", "", "550"},
		{"temporary 3.0 % trigger (2022)", "2022-10-01", "0.03", "0", "25", "505"},     // 835 × 0.03 = 25.05 → 25; gap 835 × 3 − 2000
		{"first day of the temporary trigger", "2022-09-01", "0.03", "0", "25", "505"}, // 25.05 → 25
		{"before the temporary trigger", "2022-08-31", "0.03", "0", "", "505"},
		{"last day of the temporary trigger", "2023-03-31", "0.03", "0", "26", "550"}, // 850 × 0.03 = 25.5 → 26
		{"3.0 % after the temporary period", "2023-04-01", "0.03", "0", "", "550"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := req(family("2000"), tc.date)
			r.Prices = &payment.Prices{Month: d(tc.date), CPI: rate(tc.cpi), HasCPI: true, FoodCPI: rate(tc.food), HasFoodCPI: true}
			dcs := decide(t, set, r)
			got, n := priceSubsidy(dcs)
			gap := amt(tc.gap)
			if tc.per == "" {
				assert.Zero(t, n, got)
				assert.Equal(t, gap.Display(), dcs.Total.Display())
				return
			}
			// One line per covered person, 3 members of a 低保 household.
			assert.Equal(t, 3, n)
			for _, id := range []string{"a", "b", "c"} {
				assert.Equal(t, amt(tc.per).Display(), line(t, dcs, explain.LinePriceSubsidy, id).Amount.Display(), id)
			}
			per, _ := amt(tc.per).MulInt(3)
			assert.Equal(t, per.Display(), got)
			total, _ := gap.Add(per)
			assert.Equal(t, total.Display(), dcs.Total.Display())
			s := step(t, dcs.Steps, explain.LinePriceSubsidy, "a")
			assert.Equal(t, tc.per, arg(t, s, "paid"))
			assert.Equal(t, "group.dibao", arg(t, s, "group"))
		})
	}

	// An index not given does not trigger, whatever its value.
	r := req(family("2000"), "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.05"), FoodCPI: rate("0.09"), HasFoodCPI: false}
	got, _ := priceSubsidy(decide(t, set, r))
	assert.Empty(t, got)
	r.Prices = &payment.Prices{Month: d("2023-06-01"), FoodCPI: rate("0.06"), HasFoodCPI: true}
	got, _ = priceSubsidy(decide(t, set, r))
	assert.Equal(t, "153.00", got) // 51 × 3

	// An edge household is not covered by the embedded data.
	r = req(family("3000"), "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.04"), HasCPI: true}
	got, _ = priceSubsidy(decide(t, set, r))
	assert.Empty(t, got)

	// A single-person member of an edge household is covered, alone: 31 × 1.
	h := family("2900")
	h.Members[2].SeriousIllness = true
	h.Members[2].Incomes = []income.Income{pension("100")}
	r = req(h, "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	dcs := decide(t, set, r)
	assert.Equal(t, "31.00", lines(dcs)["price_subsidy@c"])
	assert.Equal(t, "908.50", dcs.Total.Display()) // 750 + 127.5 + 31

	// A household in its gradual exit is covered: 1234.5 + 31 × 3.
	r = req(family("3000"), "2023-06-15")
	r.Current = eligibility.Current{Status: eligibility.Dibao, MonthlyAmount: amt("1234.5")}
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	dcs = decide(t, set, r)
	assert.Equal(t, map[string]string{"gradual_exit": "1234.50", "price_subsidy@a": "31.00", "price_subsidy@b": "31.00", "price_subsidy@c": "31.00"}, lines(dcs))
	assert.Equal(t, "1327.50", dcs.Total.Display())

	// A 特困 person (依兰县 rural, 483): 483 × 0.036 = 17.388 → 17; 628 + 440 + 17 = 1085.
	r = req(tekunHousehold(), "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	dcs = decide(t, set, r)
	assert.Equal(t, "17.00", lines(dcs)["price_subsidy@e"])
	assert.Equal(t, "group.tekun", arg(t, step(t, dcs.Steps, explain.LinePriceSubsidy, "e"), "group"))
	assert.Equal(t, "1085.00", dcs.Total.Display())

	// Prices with a rise but no month: a problem at prices.month.
	r = req(family("2000"), "2023-06-01")
	r.Prices = &payment.Prices{CPI: rate("0.04"), HasCPI: true}
	_, err := payment.Decide(r, set)
	requireProblem(t, err, problem.ErrInvalid, "prices.month", problem.Required)
}

// The subsidy uses the standard of its month: assessed on 2023-06-01 (850),
// a December 2022 subsidy uses 2022's 835: 835 × 0.036 = 30.06 → 30 a person.
func TestPriceSubsidyMonthStandard(t *testing.T) {
	r := req(family("2000"), "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2022-12-01"), CPI: rate("0.036"), HasCPI: true}
	dcs := decide(t, testSet(t), r)
	got, _ := priceSubsidy(dcs)
	assert.Equal(t, "90.00", got)
	assert.Equal(t, "835", arg(t, step(t, dcs.Steps, explain.LinePriceSubsidy, "a"), "standard"))

	// And the trigger of its month: March 2023 had the temporary 3.0 %
	// trigger, June the standing 3.5 %. 850 × 0.03 = 25.5 → 26 a person; × 3 = 78.
	r.Prices = &payment.Prices{Month: d("2023-03-01"), CPI: rate("0.03"), HasCPI: true}
	got, _ = priceSubsidy(decide(t, testSet(t), r))
	assert.Equal(t, "78.00", got)
}

// A locality's floor: at least 40 a person, when the subsidy would be 31.
func TestPriceSubsidyFloor(t *testing.T) {
	linkage := func(floor string) *standards.Set {
		return testSet(t, standards.ChangeTo(standards.ParamPriceLinkage, standards.PriceLinkage{
			CPITrigger: rate("0.035"), FoodCPITrigger: rate("0.06"), Covered: []standards.Group{standards.GroupDibao},
			Floor: amt(floor), HasFloor: true}))
	}
	r := req(family("2000"), "2023-06-01")
	r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("0.036"), HasCPI: true}
	dcs := decide(t, linkage("40"), r)
	got, _ := priceSubsidy(dcs)
	assert.Equal(t, "120.00", got) // 850 × 0.036 = 30.6 → 31 < 40: 40 × 3
	l := line(t, dcs, explain.LinePriceSubsidy, "a")
	assert.Equal(t, explain.LinePriceSubsidyFloor, l.Step)
	assert.Equal(t, "40", l.Exact.String(), "the floor is paid as it is")
	assert.Nil(t, l.Rounding, "nothing is rounded at the floor")
	s := step(t, dcs.Steps, explain.LinePriceSubsidyFloor, "a")
	assert.Equal(t, "31", arg(t, s, "computed"))
	assert.Equal(t, "40", arg(t, s, "floor"))

	r.Prices.CPI = rate("0.06")
	dcs = decide(t, linkage("40"), r)
	got, _ = priceSubsidy(dcs)
	assert.Equal(t, "153.00", got) // 51 ≥ 40: 51 × 3
	l = line(t, dcs, explain.LinePriceSubsidy, "a")
	assert.Equal(t, "51", l.Exact.String())
	assert.Nil(t, l.Rounding, "51 exactly: nothing rounded")

	// At the floor exactly (850 × 0.036 → 31, floor 31): the computed amount
	// is not below it, so it is paid as computed and rounded.
	r.Prices.CPI = rate("0.036")
	l = line(t, decide(t, linkage("31"), r), explain.LinePriceSubsidy, "a")
	assert.Equal(t, "30.6", l.Exact.String())
	assert.Equal(t, "31.00", l.Amount.Display())
	// 1 fen above the computed amount: the floor, 31.01.
	l = line(t, decide(t, linkage("31.01"), r), explain.LinePriceSubsidy, "a")
	assert.Equal(t, "31.01", l.Exact.String())
	assert.Equal(t, "31.01", l.Amount.Display())

	// A floor with jiao: 40.50 a person, 3 persons: 121.50 is paid, and each
	// line says so consistently (decide checks every line).
	got, _ = priceSubsidy(decide(t, linkage("40.5"), r))
	assert.Equal(t, "121.50", got)
}

// 特困 (依兰县 rural): a 73-year-old without labour capacity, half-dependent,
// no supporter, pension 300 < 483.
func tekunHousehold() *income.Household {
	e := person("e", "1950-01-01", income.RelationApplicant, pension("300"))
	e.Labour = income.LabourNone
	e.Dependency = income.DependencySemi
	return &income.Household{Region: region("230123"), Area: standards.AreaRural, Supporter: income.SupporterNone, Members: []income.Member{e}}
}

// Harbin 2023 (哈民政规〔2023〕6号): 县(市) rural basic 628 + 半护理 440 = 1068;
// in an equalised institution the 县(市) urban 957 + 779 = 1736 (R15). The
// formula 483 × 1.3 = 627.9 → 628 (yuan, up) is shown beside the published amount.
func TestTekunSupport(t *testing.T) {
	set := testSet(t, standards.ChangeTo(standards.RoundTekunBasic, rule(money.UnitYuan, money.ModeUp)))
	dcs := decide(t, set, req(tekunHousehold(), "2023-06-01"))
	assert.Equal(t, eligibility.Tekun, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"tekun_basic@e": "628.00", "tekun_care@e": "440.00"}, lines(dcs))
	assert.Equal(t, "1068.00", dcs.Total.Display())
	f := step(t, dcs.Steps, explain.StepTekunFormula, "e")
	assert.Equal(t, "1.3", arg(t, f, "factor"))
	assert.Equal(t, "483", arg(t, f, "standard"))
	assert.Equal(t, "628", arg(t, f, "formula"))
	assert.Contains(t, dcs.Explain(en), "Member e: tekun basic living standard (rural; equalised institution: no) 628.00 yuan; paid 628.00 yuan")
	assert.Contains(t, dcs.Explain(zh), "成员 e：特困人员基本生活标准（农村，均等化机构供养：否）628.00 元；发放 628.00 元")
	assert.Contains(t, dcs.Explain(en), "Member e: tekun care standard (partial care): 440.00 yuan")

	// Without a tekun_basic rule the formula is not shown; the payment is the same.
	dcs = decide(t, testSet(t), req(tekunHousehold(), "2023-06-01"))
	assert.Equal(t, "1068.00", dcs.Total.Display())
	for _, s := range dcs.Steps {
		assert.NotEqual(t, explain.StepTekunFormula, s.Code)
	}

	// R15: in an equalised institution, the urban standard: 957 + 779; the
	// formula on the urban 低保 standard: 689 × 1.3 = 895.7 → 896.
	r := req(tekunHousehold(), "2023-06-01")
	r.Equalised = []string{"e"}
	dcs = decide(t, set, r)
	assert.Equal(t, map[string]string{"tekun_basic@e": "957.00", "tekun_care@e": "779.00"}, lines(dcs))
	assert.Equal(t, "1736.00", dcs.Total.Display())
	b := step(t, dcs.Steps, explain.LineTekunBasic, "e")
	assert.Equal(t, "true", arg(t, b, "equalised"))
	assert.Equal(t, "area.urban", arg(t, b, "area"))
	assert.Equal(t, "896", arg(t, step(t, dcs.Steps, explain.StepTekunFormula, "e"), "formula"))

	// Care levels (县(市) rural): 全自理 390, 全护理 490.
	for dep, care := range map[income.Dependency]string{income.DependencyNone: "390.00", income.DependencyFull: "490.00"} {
		h := tekunHousehold()
		h.Members[0].Dependency = dep
		assert.Equal(t, care, lines(decide(t, set, req(h, "2023-06-01")))["tekun_care@e"], dep.String())
	}

	// 市区 urban (道里区): 1105 + 全护理 1166 = 2271; "equalised" changes nothing for an urban member.
	h := tekunHousehold()
	h.Region, h.Area = region("230102"), standards.AreaUrban
	h.Members[0].Dependency = income.DependencyFull
	r = req(h, "2023-06-01")
	r.Equalised = []string{"e"}
	dcs = decide(t, set, r)
	assert.Equal(t, map[string]string{"tekun_basic@e": "1105.00", "tekun_care@e": "1166.00"}, lines(dcs))
	assert.Equal(t, "2271.00", dcs.Total.Display())
	assert.Equal(t, "false", arg(t, step(t, dcs.Steps, explain.LineTekunBasic, "e"), "equalised"))

	// With a supporter able to support: 低保 instead (conformance case 051):
	// 483 − 300 = 183; elderly supplement 0.15 × 483 = 72.45; 255.45.
	h = tekunHousehold()
	h.Supporter = income.SupporterAble
	dcs = decide(t, set, req(h, "2023-06-01"))
	assert.Equal(t, eligibility.Dibao, dcs.Classification.Status)
	assert.Equal(t, map[string]string{"gap": "183.00", "supplement@e": "72.45"}, lines(dcs))
	assert.Equal(t, "255.45", dcs.Total.Display())

	// No 特困 standard in the data for 2022: the standards cannot decide.
	_, err := payment.Decide(req(tekunHousehold(), "2022-06-01"), set)
	requireProblem(t, err, problem.ErrNotCovered, "household.region", problem.NotCovered)
}

// R10: caps as multiples of the monthly standard of the place of the emergency.
func capsSet(t testing.TB, extra ...standards.Change) *standards.Set {
	return testSet(t, append([]standards.Change{standards.ChangeTo(standards.ParamTemporaryAssistanceCaps, []standards.AssistanceCap{
		{Hardship: "illness", Multiple: rate("10")}, {Hardship: "disaster", Multiple: rate("3"), PerMember: true},
		{Hardship: "odd", Multiple: rate("2.5555")}})}, extra...)...)
}

func TestTemporaryAssistance(t *testing.T) {
	set := capsSet(t)
	// A 依兰县 household (689; 3000 for 3: an edge household) whose emergency
	// happened in 道里区 (850): the cap is 10 × 850 = 8500, not 10 × 689.
	h := family("3000")
	h.Region = region("230123")
	r := req(h, "2023-06-01")
	r.Temporary = &payment.Temporary{Hardship: "illness", Place: region("230102"), Requested: amt("9000"), HasRequested: true, Instalments: 3, PaidFirst: true}
	dcs := decide(t, set, r)
	assert.Equal(t, eligibility.Edge, dcs.Classification.Status)
	assert.True(t, dcs.Total.IsZero(), "temporary assistance is not a monthly line")
	s := dcs.Temporary
	require.NotNil(t, s)
	assert.Equal(t, "8500", s.Cap.String())
	assert.Equal(t, "8500.00", s.Approved.Display())
	assert.Equal(t, region("230102"), s.Place)
	assert.True(t, s.PaidFirst)
	// 8500 ÷ 3 = 2833.333…: 2833.33, 2833.33 and the remainder 8500 − 5666.66 = 2833.34.
	assert.Equal(t, []string{"2833.33", "2833.33", "2833.34"}, instalments(s))
	st := step(t, dcs.Steps, explain.StepPaidFirst, "")
	assert.Equal(t, "8500", arg(t, st, "cap"))
	assert.Equal(t, "3", arg(t, st, "instalments"))
	assert.Contains(t, dcs.Explain(en), "paid first, verified after")
	var steps []string
	for _, st := range dcs.Steps {
		if st.Code == explain.StepInstalment {
			steps = append(steps, arg(t, st, "number")+": "+arg(t, st, "amount"))
		}
	}
	assert.Equal(t, []string{"1: 2833.33", "2: 2833.33", "3: 2833.34"}, steps)

	for _, tc := range []struct {
		name string
		t    payment.Temporary
		cap  string
		want []string
	}{
		// Per member: 3 × 850 × 3 members = 7650; a smaller request is approved as asked.
		{"per member, less requested", payment.Temporary{Hardship: "disaster", Place: region("230102"), Requested: amt("5000"), HasRequested: true, Instalments: 1},
			"7650", []string{"5000.00"}},
		// A request above the cap: the cap.
		{"more than the cap requested", payment.Temporary{Hardship: "disaster", Place: region("230102"), Requested: amt("7650.01"), HasRequested: true, Instalments: 1}, "7650", []string{"7650.00"}},
		// Exactly the cap.
		{"the cap requested", payment.Temporary{Hardship: "disaster", Place: region("230102"), Requested: amt("7650"), HasRequested: true, Instalments: 1}, "7650", []string{"7650.00"}},
		// 1 fen below the cap: as asked.
		{"1 fen below the cap requested", payment.Temporary{Hardship: "disaster", Place: region("230102"), Requested: amt("7649.99"), HasRequested: true, Instalments: 1}, "7650", []string{"7649.99"}},
		// The household's own place: 10 × 689 = 6890.
		{"at home", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230123"), Instalments: 2}, "6890", []string{"3445.00", "3445.00"}},
		// The place's rural standard: 10 × 640 = 6400.
		{"the place's rural standard", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102"), Area: standards.AreaRural, Instalments: 1},
			"6400", []string{"6400.00"}},
		// At most 6 instalments: 8500 ÷ 6 = 1416.666…: five of 1416.66, the last 8500 − 7083.30 = 1416.70.
		{"six instalments", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102"), Instalments: 6}, "8500",
			[]string{"1416.66", "1416.66", "1416.66", "1416.66", "1416.66", "1416.70"}},
		// 2.5555 × 850 = 2172.175 is not a whole fen; a whole-fen request needs no rule.
		{"a request below an odd cap", payment.Temporary{Hardship: "odd", Place: region("230102"), Requested: amt("1000"), HasRequested: true, Instalments: 1},
			"2172.175", []string{"1000.00"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := tc.t
			r := req(h, "2023-06-01")
			r.Temporary = &tmp
			dcs := decide(t, set, r)
			require.NotNil(t, dcs.Temporary)
			assert.Equal(t, tc.cap, dcs.Temporary.Cap.String())
			assert.Equal(t, tc.want, instalments(dcs.Temporary))
			checkSchedule(t, dcs.Temporary)
			assert.False(t, dcs.Temporary.PaidFirst)
			assert.Equal(t, explain.StepTemporary, step(t, dcs.Steps, explain.StepTemporary, "").Code)
		})
	}

	for _, tc := range []struct {
		name string
		t    payment.Temporary
		kind error
		path string
		code problem.Code
	}{
		{"7 instalments (民发〔2018〕23号: at most 6)", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102"), Instalments: 7},
			problem.ErrInvalid, "temporary.instalments", problem.OutOfRange},
		{"0 instalments", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102")},
			problem.ErrInvalid, "temporary.instalments", problem.OutOfRange},
		{"a hardship the Set does not list", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "flood", Place: region("230102"), Instalments: 1},
			problem.ErrInvalid, "temporary.hardship", problem.BadCode},
		{"no hardship", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Place: region("230102"), Instalments: 1},
			problem.ErrInvalid, "temporary.hardship", problem.Required},
		{"no place", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Instalments: 1},
			problem.ErrInvalid, "temporary.place", problem.Required},
		{"a negative request", payment.Temporary{Hardship: "illness", Place: region("230102"), Requested: amt("-1"), HasRequested: true, Instalments: 1},
			problem.ErrInvalid, "temporary.requested", problem.OutOfRange},
		{"a place without a standard (龙沙区)", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230202"), Instalments: 1},
			problem.ErrNotCovered, "temporary.place", problem.NotCovered},
		{"an odd cap without a rounding rule", payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "odd", Place: region("230102"), Instalments: 1},
			problem.ErrNotCovered, "temporary", problem.RoundingRequired},
		// Nothing requested: a problem, never a default of the cap.
		{"nothing requested", payment.Temporary{Hardship: "illness", Place: region("230102"), Instalments: 1},
			problem.ErrInvalid, "temporary.requested", problem.Required},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmp := tc.t
			r := req(h, "2023-06-01")
			r.Temporary = &tmp
			_, err := payment.Decide(r, set)
			requireProblem(t, err, tc.kind, tc.path, tc.code)
		})
	}
}

func instalments(s *payment.Schedule) []string {
	var out []string
	for _, in := range s.Instalments {
		out = append(out, in.Amount.Display())
	}
	return out
}

// checkSchedule: numbered from 1, adding up to the approved amount, within the cap.
func checkSchedule(t testing.TB, s *payment.Schedule) {
	t.Helper()
	var sum money.Sum
	for i, in := range s.Instalments {
		assert.Equal(t, i+1, in.Number)
		assert.GreaterOrEqual(t, in.Amount.Sign(), 0)
		sum.Add(in.Amount)
	}
	total, _ := sum.Amount()
	assert.Equal(t, s.Approved.String(), total.String(), "the instalments add up to the approved amount")
	assert.LessOrEqual(t, s.Approved.Cmp(s.Cap), 0, "approved within the cap")
}

// The temporary-assistance rules: the approved amount rounded by the Set's
// rule, never above the cap; instalments rounded down to the instalment unit.
func TestTemporaryAssistanceRounding(t *testing.T) {
	odd := func(instalments int) payment.Request {
		r := req(family("3000"), "2023-06-01")
		r.Temporary = &payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "odd", Place: region("230102"), Instalments: instalments}
		return r
	}
	for _, tc := range []struct {
		mode money.Mode
		want string
	}{
		{money.ModeHalfUp, "2172.00"}, // 2172.175 → 2172
		{money.ModeDown, "2172.00"},
		{money.ModeUp, "2172.00"}, // 2173 would exceed the cap 2172.175: down to 2172
	} {
		set := capsSet(t, standards.ChangeTo(standards.RoundTemporaryAssistance, rule(money.UnitYuan, tc.mode)))
		dcs := decide(t, set, odd(1))
		assert.Equal(t, "2172.175", dcs.Temporary.Cap.String())
		assert.Equal(t, tc.want, dcs.Temporary.Approved.Display(), tc.mode.String())
		checkSchedule(t, dcs.Temporary)
	}
	// Instalments to the yuan: 8500 ÷ 3 → 2833, 2833 and the remainder 2834.
	set := capsSet(t, standards.ChangeTo(standards.RoundInstalment, rule(money.UnitYuan, money.ModeDown)))
	r := req(family("3000"), "2023-06-01")
	r.Temporary = &payment.Temporary{Requested: amt("1000000"), HasRequested: true, Hardship: "illness", Place: region("230102"), Instalments: 3}
	dcs := decide(t, set, r)
	assert.Equal(t, []string{"2833.00", "2833.00", "2834.00"}, instalments(dcs.Temporary))
}

// Every request problem is reported at its path, all at once.
func TestRequestProblems(t *testing.T) {
	set := capsSet(t)
	for _, tc := range []struct {
		name   string
		modify func(r *payment.Request)
		path   string
		code   problem.Code
	}{
		{"no household", func(r *payment.Request) { r.Household = nil }, "household", problem.Required},
		{"no date", func(r *payment.Request) { r.Date = standards.Date{} }, "date", problem.Required},
		{"current status since after the date", func(r *payment.Request) {
			r.Current = eligibility.Current{Status: eligibility.Dibao, Since: d("2023-06-02")}
		}, "current.since", problem.FutureDate},
		{"a last monthly amount beyond 1,000,000", func(r *payment.Request) {
			r.Current = eligibility.Current{Status: eligibility.Dibao, MonthlyAmount: amt("1000000.01")}
		}, "current.monthly_amount", problem.OutOfRange},
		{"prices without a month", func(r *payment.Request) {
			r.Prices = &payment.Prices{CPI: rate("0.04"), HasCPI: true}
		}, "prices.month", problem.Required},
		{"a CPI beyond +100 %", func(r *payment.Request) {
			r.Prices = &payment.Prices{Month: d("2023-06-01"), CPI: rate("1.01"), HasCPI: true}
		}, "prices.cpi", problem.OutOfRange},
		{"a food CPI below −100 %", func(r *payment.Request) {
			r.Prices = &payment.Prices{Month: d("2023-06-01"), FoodCPI: rate("-1.5"), HasFoodCPI: true}
		}, "prices.food_cpi", problem.OutOfRange},
		{"equalised naming no member", func(r *payment.Request) { r.Equalised = []string{"a", "z"} }, "equalised[1]", problem.UnknownMember},
		{"a previous income beyond range", func(r *payment.Request) {
			r.Previous = &eligibility.Previous{Countable: amt("-1")}
		}, "previous.countable", problem.OutOfRange},
		{"a bad household is reported under household", func(r *payment.Request) {
			r.Household.Members[0].Incomes[0].Amount = amt("-1")
		}, "household.members[0].incomes[0].amount", problem.Negative},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := req(family("2000"), "2023-06-01")
			tc.modify(&r)
			_, err := payment.Decide(r, set)
			requireProblem(t, err, problem.ErrInvalid, tc.path, tc.code)
		})
	}

	// Several at once, in one error.
	r := req(family("2000"), "2023-06-01")
	r.Current = eligibility.Current{Status: eligibility.Dibao, Since: d("2024-01-01"), MonthlyAmount: amt("2000000")}
	r.Prices = &payment.Prices{CPI: rate("2"), HasCPI: true}
	r.Equalised = []string{"nobody"}
	_, err := payment.Decide(r, set)
	pe := requireProblem(t, err, problem.ErrInvalid, "current.since", problem.FutureDate)
	for _, want := range []struct {
		path string
		code problem.Code
	}{
		{"current.monthly_amount", problem.OutOfRange}, {"prices.month", problem.Required},
		{"prices.cpi", problem.OutOfRange}, {"equalised[0]", problem.UnknownMember},
	} {
		assert.True(t, pe.Has(want.path, want.code), "%s at %s in %v", want.code, want.path, pe)
	}
	assert.Equal(t, "5 problems in the request", pe.Heading(en))
}

// Decide returns a decision of its own: a second call changes nothing in
// the first; a Decider reuses its buffers.
func TestDecisionsAreIndependent(t *testing.T) {
	set := testSet(t)
	h := family("1000")
	h.Members[2].SeriousIllness = true
	first := decide(t, set, req(h, "2023-06-01"))
	want := lines(first)
	second := decide(t, set, req(family("2549.99"), "2023-06-01"))
	assert.Equal(t, map[string]string{"gap": "0.01"}, lines(second))
	assert.Equal(t, want, lines(first))
	assert.Equal(t, map[string]string{"gap": "1550.00", "supplement@c": "127.50"}, want)
	assert.Equal(t, "1000", first.Classification.Countable.String())

	var dc payment.Decider
	for _, in := range []string{"1000", "2000", "1000"} {
		r := req(family(in), "2023-06-01")
		got, err := dc.Decide(r, set)
		require.NoError(t, err)
		checkLines(t, got)
		gap, _ := amt("2550").Sub(amt(in))
		assert.Equal(t, gap.Display(), got.Total.Display())
	}
}

// One Set serves many goroutines: decisions are independent and equal.
func TestConcurrentDecisions(t *testing.T) {
	set := testSet(t)
	h := family("1000")
	h.Members[1].SeriousIllness = true
	want := decide(t, set, req(h, "2023-06-01"))
	wantText := want.Explain(en)
	var wg sync.WaitGroup
	errs := make(chan string, 16)
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			h := family("1000")
			h.Members[1].SeriousIllness = true
			r := req(h, "2023-06-01")
			r.Options.Explain = true
			got, err := payment.Decide(r, set)
			switch {
			case err != nil:
				errs <- err.Error()
			case got.Total != want.Total:
				errs <- "total " + got.Total.String()
			case got.Explain(en) != wantText:
				errs <- "a different explanation"
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	assert.Equal(t, "1677.50", want.Total.Display()) // 1550 + 127.5
}

// A gradual exit whose end lies beyond the longest exit the Set allows
// (found on 2023-06-15 at the earliest: June 2023 + 12 months ends
// 2024-06-30) is refused, at the request's own path.
func TestGradualExitEndBeyondTheMaximum(t *testing.T) {
	r := req(family("3000"), "2023-06-15")
	r.Current = eligibility.Current{Status: eligibility.GradualExit, GradualExitEnd: d("2024-07-01"), MonthlyAmount: amt("100")}
	_, err := payment.Decide(r, testSet(t))
	requireProblem(t, err, problem.ErrInvalid, "current.gradual_exit_end", problem.OutOfRange)
	// The latest end allowed is accepted.
	r.Current.GradualExitEnd = d("2024-06-30")
	dcs := decide(t, testSet(t), r)
	assert.Equal(t, map[string]string{"gradual_exit": "100.00"}, lines(dcs))
}

// A method the library does not define is refused, not paid as the gap.
func TestUndefinedMethod(t *testing.T) {
	r := req(family("1000"), "2023-06-01")
	r.Method = standards.Method(7)
	_, err := payment.Decide(r, testSet(t))
	requireProblem(t, err, problem.ErrInvalid, "method", problem.BadCode)
}

// TestFastPathAtTheBounds: the fast path's lines and edge thresholds, worked
// out once a plan for every household size, hold at the largest values the
// standards admit — a standard of 999,999.99 yuan, an edge band of 10 times
// it, 50 members: a line of 50 × 999,999.99 = 49,999,999.50 and an edge
// threshold of 10 × that = 499,999,995.00, below MaxYuan (10^9) — and give
// what the general path gives, 1 fen below, on and above the line (a
// household's items add up to at most 5 × 10^7 yuan, so incomes reach the
// line but not the edge threshold: on the line is edge only if the
// threshold was not lost).
func TestFastPathAtTheBounds(t *testing.T) {
	date := d("2023-06-01")
	set, err := testSet(t).Apply(standards.Reform{Name: "bounds", From: d("2021-01-01"), AllowOutOfRange: true, Changes: []standards.Change{
		standards.ChangeTo(standards.ParamDibaoStandard, money.MustParse("999999.99")).In(standards.MustRegion("230102")).For(standards.AreaUrban),
		standards.ChangeTo(standards.ParamEdgeBands, []standards.Band{{Code: "edge", Multiple: money.MustRate("10")}}),
	}})
	require.NoError(t, err)
	for _, tc := range []struct {
		name          string
		each, applies string // every member's monthly pension, the applicant's (an item is at most 10^7 yuan)
		status        eligibility.Status
		gap           string
	}{
		{"no income", "0", "0", eligibility.Dibao, "49999999.5"},
		// 49 × 999,999.99 + 999,999.98 = 49,999,999.49: 1 fen below the line.
		{"1 fen below the line", "999999.99", "999999.98", eligibility.Dibao, "0.01"},
		// 50 × 999,999.99 = 49,999,999.50: on the line, below the edge threshold.
		{"on the line", "999999.99", "999999.99", eligibility.Edge, "0"},
		// 49,999,999.51: 1 fen above.
		{"1 fen above the line", "999999.99", "1000000", eligibility.Edge, "0"},
	} {
		h := &income.Household{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Supporter: income.SupporterAble}
		for i := range income.MaxMembers {
			m := income.Member{ID: strconv.Itoa(i), BirthDate: d("1990-01-01"), Relation: income.RelationChild, Labour: income.LabourFull}
			pension := tc.each
			if i == 0 {
				m.Relation, pension = income.RelationApplicant, tc.applies
			}
			if pension != "0" {
				m.Incomes = []income.Income{{Kind: standards.IncomePension, Amount: money.MustParse(pension), Period: income.Period{Unit: income.PerMonth},
					Verification: income.Verified}}
			}
			h.Members = append(h.Members, m)
		}
		req := payment.Request{Request: eligibility.Request{Household: h, Date: date}}
		general, err := payment.Decide(req, set)
		require.NoError(t, err, tc.name)
		var c income.Compact
		ids, err := income.CompactOf(h, &c, date)
		require.NoError(t, err, tc.name)
		pl, err := payment.NewPlan(set, c.Region, c.Area, date, standards.Date{}, nil)
		require.NoError(t, err, tc.name)
		var dc payment.Decider
		var fast payment.Figures
		d, err := dc.FiguresDecision(pl, &c, ids, &req, &fast)
		require.NoError(t, err, tc.name)
		require.Nil(t, d, "%s: the fast path decided", tc.name)
		assert.Equal(t, payment.FiguresOf(general), fast, tc.name)
		assert.Equal(t, tc.status, fast.Status, tc.name)
		assert.Equal(t, tc.gap, fast.Gap.String(), tc.name)
	}
}

// TestFastDeductionsByPlace: the fast path keeps the employment-cost
// deduction (R13: months × the minimum wage of the place of work ÷ 12) of
// the places it met, and one Decider must not read one place's, wage
// table's or number of months' deduction for another's. One member, aged
// 43, earns 1000 a month; the countable income is 1000 less the deduction
// (the minimum wages: TestMinimumWageTable of package heilongjiang):
//
//	道里区 (一档), 2023:  1000 − 2 × 1680 ÷ 12 = 1000 − 280 = 720
//	克东县 (三档), 2023:  1000 − 2 × 1270 ÷ 12 = 1000 − 211⅔ = 788⅓ (2365/3)
//	道里区, 2024-06:  1000 − 3 × 2080 ÷ 12 = 1000 − 520 = 480
//	道里区, 2023-07:  1000 − 3 × 1680 ÷ 12 = 1000 − 420 = 580
//
// (3 months from 2023-07-01, by a reform.) 230230 and 230102 share their
// code's last four bits: a cache keyed by those bits alone would give
// 克东县 the deduction of 道里区. The July plan has the June plan's wage
// table with 3 months, the 2024 plan 3 months with another table: a cache
// without the table would give July the deduction of 2024 (countable
// 480), one without the months would give June the deduction of July
// (580). Each is also what the general path gives. A place of work whose
// wage the table lacks (哈尔滨市 230100 as a whole: its counties sit in
// different tiers) is the general path's problem each time it is met, not
// a deduction of 0 kept from the first time.
func TestFastDeductionsByPlace(t *testing.T) {
	set, err := testSet(t).Apply(standards.Reform{Name: "3 months", From: d("2023-07-01"), AllowOutOfRange: true, Changes: []standards.Change{
		standards.ChangeTo(standards.ParamEmploymentDeductionMonths, 3)}})
	require.NoError(t, err)
	require.Equal(t, region("230102").Code()%16, region("230230").Code()%16)
	wages2023 := income.NewWages(set, d("2023-06-01"), standards.Date{}) // 2017's table, in force until 2024-04-30
	plan := func(date string, w *income.Wages) *payment.Plan {
		p, err := payment.NewPlan(set, region("230102"), standards.AreaUrban, d(date), standards.Date{}, w)
		require.NoError(t, err)
		return p
	}
	p2023, p2024, pThree := plan("2023-06-01", wages2023), plan("2024-06-01", nil), plan("2023-07-01", wages2023)
	require.Same(t, p2023.Eligibility.Income.Wages, pThree.Eligibility.Income.Wages, "one wage table, two numbers of months")
	var dc payment.Decider
	for _, tc := range []struct {
		name, place, date string
		plan              *payment.Plan
		countable         string
	}{
		{"道里区 2023", "230102", "2023-06-01", p2023, "720"},
		{"克东县 2023", "230230", "2023-06-01", p2023, "2365/3"},
		{"道里区 2023 again", "230102", "2023-06-01", p2023, "720"},
		{"道里区 2024", "230102", "2024-06-01", p2024, "480"},
		{"道里区 2023-07, 3 months", "230102", "2023-07-01", pThree, "580"},
		{"道里区 2023-06, 2 months again", "230102", "2023-06-01", p2023, "720"},
	} {
		h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterAble, Members: []income.Member{
			person("a", "1980-01-01", income.RelationApplicant, income.Income{Kind: standards.IncomeWage, Amount: amt("1000"), Period: income.Monthly})}}
		h.Members[0].Workplace = region(tc.place)
		req := payment.Request{Request: eligibility.Request{Household: h, Date: d(tc.date)}}
		var c income.Compact
		ids, err := income.CompactOf(h, &c, d(tc.date))
		require.NoError(t, err, tc.name)
		var f payment.Figures
		dec, err := dc.FiguresDecision(tc.plan, &c, ids, &req, &f)
		require.NoError(t, err, tc.name)
		require.Nil(t, dec, "%s: the fast path decided", tc.name)
		assert.Equal(t, tc.countable, f.Countable.String(), tc.name)
		general, err := payment.Decide(req, set)
		require.NoError(t, err, tc.name)
		assert.Equal(t, payment.FiguresOf(general), f, tc.name)
	}
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterAble, Members: []income.Member{
		person("a", "1980-01-01", income.RelationApplicant, income.Income{Kind: standards.IncomeWage, Amount: amt("1000"), Period: income.Monthly})}}
	h.Members[0].Workplace = region("230100")
	req := payment.Request{Request: eligibility.Request{Household: h, Date: d("2023-06-01")}}
	_, want := payment.Decide(req, set)
	require.Error(t, want, "no wage for the prefecture as a whole")
	var c income.Compact
	ids, err := income.CompactOf(h, &c, d("2023-06-01"))
	require.NoError(t, err)
	for range 2 {
		var f payment.Figures
		_, err := dc.FiguresDecision(p2023, &c, ids, &req, &f)
		require.Error(t, err)
		assert.Equal(t, want.Error(), err.Error())
	}
}

// TestFastAgeDays: a Decider keeps the age days of a date for the plans
// whose age rules are the same, and works them out again for a plan with
// other rules on the same date. 南岗区 (230103) counts members without
// labour capacity from 55 and 道外区 (230104) under 18, by a reform; 道里区
// (230102) from 60 and under 16, as the embedded data does. Without an
// able supporter outside, a member without labour capacity could be 特困:
// the general path. On 2023-06-01 a member born 1966-01-01 is 57 and one
// born 2006-01-01 is 17: in 道里区 both have labour capacity (the fast
// path); the 57-year-old has none in 南岗区, the 17-year-old none in 道外区.
// A Decider that kept 道里区's age days for the others (its age rules
// compared without one of the ages) would decide them on the fast path.
func TestFastAgeDays(t *testing.T) {
	date := d("2023-06-01")
	set, err := testSet(t).Apply(standards.Reform{Name: "ages", From: d("2021-01-01"), AllowOutOfRange: true, Changes: []standards.Change{
		standards.ChangeTo(standards.ParamNoLabourAgeFrom, 55).In(region("230103")),
		standards.ChangeTo(standards.ParamNoLabourAgeUnder, 18).In(region("230104"))}})
	require.NoError(t, err)
	var dc payment.Decider
	for _, tc := range []struct {
		place, born string
		fast        bool
	}{
		{"230102", "1966-01-01", true},
		{"230103", "1966-01-01", false},
		{"230102", "1966-01-01", true},
		{"230102", "2006-01-01", true},
		{"230104", "2006-01-01", false},
		{"230102", "2006-01-01", true},
	} {
		name := tc.place + " " + tc.born
		h := &income.Household{Region: region(tc.place), Area: standards.AreaUrban, Supporter: income.SupporterNone, Members: []income.Member{
			person("a", "1983-01-01", income.RelationApplicant, pension("300")), person("b", tc.born, income.RelationChild)}}
		req := payment.Request{Request: eligibility.Request{Household: h, Date: date}}
		pl, err := payment.NewPlan(set, h.Region, h.Area, date, standards.Date{}, nil)
		require.NoError(t, err, name)
		var c income.Compact
		_, err = income.CompactOf(h, &c, date)
		require.NoError(t, err, name)
		var f payment.Figures
		assert.Equal(t, tc.fast, dc.FastFigures(pl, &c, &req, &f), name)
	}
}

// FastFigures decides a household the fast path takes as FiguresDecision
// does, reading only its member count, members, items, supporter and area:
// the same figures with its property, expenditures, registration and
// poverty spoilt. A household it leaves (a seriously ill member: a 单人户
// candidate) it reports, leaving out as it was.
func TestFastFigures(t *testing.T) {
	date := d("2023-06-01")
	set := testSet(t)
	h := family("300") // 850 × 3 − 300 = 2250
	h.Region, h.Area, h.Supporter = region("230102"), standards.AreaUrban, income.SupporterAble
	req := payment.Request{Request: eligibility.Request{Household: h, Date: date}}
	pl, err := payment.NewPlan(set, h.Region, h.Area, date, standards.Date{}, nil)
	require.NoError(t, err)
	var c income.Compact
	ids, err := income.CompactOf(h, &c, date)
	require.NoError(t, err)
	var dc payment.Decider
	var want, got payment.Figures
	d, err := dc.FiguresDecision(pl, &c, ids, &req, &want)
	require.NoError(t, err)
	require.Nil(t, d, "the fast path decided")
	require.Equal(t, "2250", want.Total.String())
	c.Property = []income.CompactProperty{{Kind: 99, Member: 7}}
	c.Expenditures = []income.CompactExpenditure{{Kind: 99, Member: 7}}
	c.Registration, c.Poverty = 99, 99
	require.True(t, dc.FastFigures(pl, &c, &req, &got))
	assert.Equal(t, want, got)

	h.Members[1].SeriousIllness = true
	ids, err = income.CompactOf(h, &c, date)
	require.NoError(t, err)
	got = payment.Figures{Total: amt("1")}
	assert.False(t, dc.FastFigures(pl, &c, &req, &got), "a 单人户 candidate: the general path")
	assert.Equal(t, payment.Figures{Total: amt("1")}, got, "left as it was")
	d, err = dc.FiguresDecision(pl, &c, ids, &req, &got)
	require.NoError(t, err)
	assert.NotNil(t, d, "the general path decided")
}

// A compact form that did not pass validation: the general path refuses
// it with CheckCompact's problems; the fast path leaves to it a form whose
// member count, runs of items or income kinds are wrong (and so refuses
// them with the same problems), never reading them wrongly — items
// inverted or overlapping another member's were once paid as no income or
// counted twice. Fields the fast path does not read (a supporter or area
// beyond their tables, property of no member) are for validation, which
// batch.Population does on every form; the valid form is decided by the
// fast path.
func TestFiguresRefuseUnreadableForms(t *testing.T) {
	date := d("2023-06-01")
	set := testSet(t)
	h := &income.Household{Region: region("230102"), Area: standards.AreaUrban, Supporter: income.SupporterAble}
	for i, id := range []string{"a", "b", "c"} {
		m := income.Member{ID: id, BirthDate: d("1980-01-01"), Relation: income.RelationChild, Labour: income.LabourFull,
			Incomes: []income.Income{pension("300")}}
		if i == 0 {
			m.Relation = income.RelationApplicant
		}
		h.Members = append(h.Members, m)
	}
	h.Property = []income.Property{{Kind: income.PropertyDeposit, Value: amt("100")}}
	req := payment.Request{Request: eligibility.Request{Household: h, Date: date}}
	pl, err := payment.NewPlan(set, region("230102"), standards.AreaUrban, date, standards.Date{}, nil)
	require.NoError(t, err)
	for _, tc := range []struct {
		name  string
		spoil func(c *income.Compact)
		path  string // the general path's first problem ("": decided)
		fast  bool   // the fast path reads what is wrong, and refuses it too
	}{
		{"valid", func(*income.Compact) {}, "", true},
		{"items inverted", func(c *income.Compact) { c.Members[0].First, c.Members[0].End = 1, 0 }, "household.members[0].incomes", true},
		{"items overlapping", func(c *income.Compact) { c.Members[2].First = 0 }, "household.members[2].incomes", true},
		{"kind 0", func(c *income.Compact) { c.Items[1].Kind = standards.IncomeNone }, "household.members[1].incomes[0].kind", true},
		{"more members than the list", func(c *income.Compact) { c.N = 4 }, "household.members", true},
		{"supporter 77", func(c *income.Compact) { c.Supporter = 77 }, "household.supporter", false},
		{"area 9", func(c *income.Compact) { c.Area = 9 }, "household.area", false},
		{"property of member 3", func(c *income.Compact) { c.Property[0].Member = 3 }, "household.property[0].member", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c income.Compact
			ids, err := income.CompactOf(h, &c, date)
			require.NoError(t, err)
			tc.spoil(&c)
			var dc payment.Decider
			_, gerr := dc.DecideCompact(pl, &c, ids, &req, false)
			var f payment.Figures
			d, ferr := dc.FiguresDecision(pl, &c, ids, &req, &f)
			if tc.path == "" {
				require.NoError(t, gerr)
				require.NoError(t, ferr)
				assert.Nil(t, d, "the fast path decided it")
				// 850 × 3 − 3 × 300 = 1650, no supplement (all aged 43).
				assert.Equal(t, "1650", f.Total.String())
				return
			}
			pe, ok := problem.As(gerr)
			require.True(t, ok, "%T %v", gerr, gerr)
			assert.Equal(t, tc.path, pe.Problems[0].Path)
			assert.ErrorIs(t, gerr, problem.ErrInvalid)
			if tc.fast {
				require.Error(t, ferr)
				assert.Equal(t, gerr.Error(), ferr.Error(), "the same problems as the general path")
				assert.Equal(t, payment.Figures{}, f)
			}
		})
	}
}
