package money

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWeightedTotal(t *testing.T) {
	for _, tc := range []struct {
		name  string
		terms []struct{ a, w string }
		want  string // Display, by hand
	}{
		// 250 × 1 + 300 × 2.5 = 250 + 750 = 1000.
		{"two", []struct{ a, w string }{{"250", "1"}, {"300", "2.5"}}, "1000.00"},
		// 0.01 × 0.5 = 0.005: exactly half a fen, away from zero → 0.01.
		{"half a fen", []struct{ a, w string }{{"0.01", "0.5"}}, "0.01"},
		// 0.01 × 0.499999 = 0.00499999 → 0.00.
		{"just below half", []struct{ a, w string }{{"0.01", "0.499999"}}, "0.00"},
		// −0.01 × 0.5 = −0.005 → −0.01 (away from zero).
		{"negative half", []struct{ a, w string }{{"-0.01", "0.5"}}, "-0.01"},
		// 100 × 1.5 − 100 × 1.5 = 0.
		{"cancels", []struct{ a, w string }{{"100", "1.5"}, {"-100", "1.5"}}, "0.00"},
	} {
		var tot WeightedTotal
		for _, x := range tc.terms {
			tot.Add(MustParse(x.a), MustRate(x.w))
		}
		assert.Equal(t, tc.want, tot.Display(), tc.name)
	}
}

// At the bound: the largest amount × the largest weight, added 2^20 times
// (and subtracted as often, and × n), equals the big-integer sum: no wrap.
func TestWeightedTotalAtTheBound(t *testing.T) {
	maxA := Amount{u: maxUnits}
	maxW := Rate{m: MaxRate * rateScale}
	var tot WeightedTotal
	var sum WeightSum
	want := new(big.Int)
	p := new(big.Int).Mul(big.NewInt(maxUnits), big.NewInt(MaxRate*rateScale))
	const n = 1 << 20
	for range n {
		tot.Add(maxA, maxW)
		sum.Add(maxW)
	}
	want.Mul(p, big.NewInt(n))
	require.Equal(t, 0, tot.big().Cmp(want))
	require.Equal(t, 0, sum.big().Cmp(new(big.Int).Mul(big.NewInt(MaxRate*rateScale), big.NewInt(n))))
	// The mean of 2^20 largest amounts is the largest amount.
	assert.Equal(t, "1000000000.00", tot.Mean(sum))

	// × n at its bound, negative.
	var neg WeightedTotal
	neg.AddN(maxA.Neg(), maxW, 1<<23)
	require.Equal(t, 0, neg.big().Cmp(new(big.Int).Neg(new(big.Int).Mul(p, big.NewInt(1<<23)))))
	neg.AddN(maxA, maxW, 1<<23)
	assert.Equal(t, 0, neg.Sign())

	var ws WeightSum
	ws.AddN(maxW, 1<<23)
	ws.AddN(Rate{m: -MaxRate * rateScale}, 1<<23)
	assert.Equal(t, 0, ws.Sign())
}

func TestWeightSum(t *testing.T) {
	var s WeightSum
	s.Add(MustRate("1.5"))
	s.Add(MustRate("2.25"))
	s.AddN(MustRate("0.5"), 3)
	// 1.5 + 2.25 + 1.5 = 5.25
	assert.Equal(t, "5.25", s.String())
	assert.Equal(t, "5", s.Round(0))
	assert.Equal(t, "5.3", s.Round(1)) // 5.25: exactly half → away from zero
	assert.Equal(t, "5.25", s.Round(2))
	var u WeightSum
	u.Add(MustRate("5.25"))
	assert.Equal(t, 0, s.Cmp(u))
	u.Add(MustRate("0.000001"))
	assert.Equal(t, -1, s.Cmp(u))
	// Mean: (250 × 1 + 300 × 3) ÷ 4 = 1150 ÷ 4 = 287.50.
	var tot WeightedTotal
	var w WeightSum
	tot.Add(MustParse("250"), MustRate("1"))
	tot.Add(MustParse("300"), MustRate("3"))
	w.Add(MustRate("1"))
	w.Add(MustRate("3"))
	assert.Equal(t, "287.50", tot.Mean(w))
	assert.Equal(t, "", tot.Mean(WeightSum{}))
	assert.Equal(t, "1150", tot.Rat().RatString())
}
