package income_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

func amt(t testing.TB, s string) income.Amount {
	t.Helper()
	a, err := income.FromDecimal(decimal.RequireFromString(s))
	require.NoError(t, err)
	return a
}

// perMonths returns total ÷ n exactly, the way the assessment converts periods.
func perMonths(t testing.TB, total string, n int64) income.Amount {
	t.Helper()
	return income.FromUnits(amt(t, total).Units() / n)
}

func TestAmountExactFractions(t *testing.T) {
	// 3500 ÷ 12 = 291.666…: not a finite decimal, held exactly as 875/3.
	a := perMonths(t, "3500", 12)
	_, ok := a.Decimal()
	assert.False(t, ok)
	assert.Equal(t, "875/3", a.String())
	assert.Equal(t, "≈291.67", a.Approx())
	assert.Equal(t, "335.00", perMonths(t, "4020", 12).Approx())
	assert.Equal(t, "-875/3", a.Neg().String())
	// × 12 gives back exactly 3500.
	assert.Equal(t, "3500", a.MulInt(12).String())
	// 4020 ÷ 12 = 335 exactly.
	b := perMonths(t, "4020", 12)
	d, ok := b.Decimal()
	assert.True(t, ok)
	assert.Equal(t, "335", d.String())
	// 0.01 ÷ 8 = 0.00125: finite, exact.
	c := perMonths(t, "0.01", 8)
	d, ok = c.Decimal()
	assert.True(t, ok)
	assert.Equal(t, "0.00125", d.String())
}

func TestAmountRound(t *testing.T) {
	third := perMonths(t, "1000", 3) // 333.333…
	twoThirds := perMonths(t, "2000", 3)
	half := perMonths(t, "0.01", 2) // 0.005
	rule := func(u standards.RoundingUnit, m standards.RoundingMode) standards.RoundingRule {
		return standards.RoundingRule{Unit: u, Mode: m}
	}
	for _, tc := range []struct {
		a    income.Amount
		rule standards.RoundingRule
		want string
	}{
		{third, rule(standards.UnitFen, standards.ModeHalfUp), "333.33"},
		{third, rule(standards.UnitFen, standards.ModeUp), "333.34"},
		{twoThirds, rule(standards.UnitFen, standards.ModeHalfUp), "666.67"},
		{twoThirds, rule(standards.UnitFen, standards.ModeDown), "666.66"},
		{third, rule(standards.UnitYuan, standards.ModeHalfUp), "333"},
		{third, rule(standards.UnitJiao, standards.ModeHalfUp), "333.3"},
		{half, rule(standards.UnitFen, standards.ModeHalfUp), "0.01"},
		{half, rule(standards.UnitFen, standards.ModeHalfEven), "0"},
		{perMonths(t, "0.03", 2), rule(standards.UnitFen, standards.ModeHalfEven), "0.02"},
		{perMonths(t, "-0.01", 2), rule(standards.UnitFen, standards.ModeHalfUp), "-0.01"}, // half away from zero
		{amt(t, "627.9"), rule(standards.UnitYuan, standards.ModeUp), "628"},
	} {
		assert.Equal(t, tc.want, tc.a.Round(tc.rule).String(), "%s by %s", tc.a, tc.rule)
	}
	// 1000 ÷ 3 members, to the fen: 333.33 — in one step, no intermediate rounding.
	assert.Equal(t, "333.33", amt(t, "1000").DivRound(3, rule(standards.UnitFen, standards.ModeHalfUp)).String())
	assert.Equal(t, "333.34", amt(t, "1000").DivRound(3, rule(standards.UnitFen, standards.ModeUp)).String())
}

func TestAmountCmpDecimal(t *testing.T) {
	// 1799.99 < 600 × 3 = 1800; 1800 is not below; 1800.01 is above.
	line := decimal.RequireFromString("600").Mul(decimal.NewFromInt(3))
	assert.Equal(t, -1, amt(t, "1799.99").CmpDecimal(line))
	assert.Equal(t, 0, amt(t, "1800").CmpDecimal(line))
	assert.Equal(t, 1, amt(t, "1800.01").CmpDecimal(line))
	// 1.5 × 850 × 3 = 3825; 3825 is not below.
	edge := decimal.RequireFromString("1.5").Mul(decimal.RequireFromString("850")).Mul(decimal.NewFromInt(3))
	assert.Equal(t, 0, amt(t, "3825").CmpDecimal(edge))
	assert.Equal(t, -1, amt(t, "3824.99").CmpDecimal(edge))
	// 875/3 = 291.666… against 291.6666 and 291.6667.
	a := perMonths(t, "3500", 12)
	assert.Equal(t, 1, a.CmpDecimal(decimal.RequireFromString("291.6666")))
	assert.Equal(t, -1, a.CmpDecimal(decimal.RequireFromString("291.6667")))
	assert.Equal(t, 1, amt(t, "0").CmpDecimal(decimal.RequireFromString("-5")))
	assert.Equal(t, -1, amt(t, "-5").CmpDecimal(decimal.RequireFromString("-4.99")))
	// Beyond int64: the exact fallback answers too.
	assert.Equal(t, -1, amt(t, "5").CmpDecimal(decimal.RequireFromString("123456789012345678901234567890")))
	assert.Equal(t, 1, amt(t, "5").CmpDecimal(decimal.RequireFromString("0.0000000000000000000001")))
}

func TestAmountFromDecimalRefuses(t *testing.T) {
	for _, s := range []string{"0.001", "10000000000.01", "123456789012345678901"} {
		_, err := income.FromDecimal(decimal.RequireFromString(s))
		assert.ErrorIs(t, err, income.ErrAmountRange, s)
	}
	a, err := income.FromDecimal(decimal.RequireFromString("1.500")) // trailing zeros are fine
	require.NoError(t, err)
	assert.Equal(t, "1.5", a.String())
	a, err = income.FromDecimal(decimal.New(12, 3)) // 12000
	require.NoError(t, err)
	assert.Equal(t, "12000", a.String())
}

func TestFromDecimalExact(t *testing.T) {
	a, ok := income.FromDecimalExact(dec("0.155").Mul(dec("689"))) // 106.795
	require.True(t, ok)
	assert.Equal(t, "106.795", a.String())
	_, ok = income.FromDecimalExact(dec("0.0000001"))
	assert.False(t, ok, "finer than the grid")
	_, ok = income.FromDecimalExact(dec("100000000000"))
	assert.False(t, ok, "too large")
}
