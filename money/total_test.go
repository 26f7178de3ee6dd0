package money

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Total holds 2^64 amounts of the largest size without wrapping: the
// largest amount doubled 64 times is exactly MaxYuan × 2^64 yuan.
func TestTotalAtTheBound(t *testing.T) {
	largest, err := FromYuan(MaxYuan)
	require.NoError(t, err)
	for _, a := range []Amount{largest, largest.Neg()} {
		var tot Total
		tot.Add(a)
		for range 64 {
			tot.AddTotal(tot)
		}
		want := new(big.Int).Lsh(big.NewInt(a.u), 64)
		assert.Equal(t, want.String(), tot.big().String())
		_, ok := tot.Amount()
		assert.False(t, ok, "beyond an Amount")
		// MaxYuan × 2^64 yuan = 18446744073709551616000000000 yuan.
		y := "18446744073709551616000000000"
		if a.Sign() < 0 {
			y = "-" + y
		}
		assert.Equal(t, y, tot.String())
		assert.Equal(t, y+".00", tot.Display())
	}
}

// Within an Amount's range a Total agrees with Amount arithmetic, and
// beyond it keeps every unit: 1.01 + MaxYuan − 0.01 and sub-fen fractions.
func TestTotal(t *testing.T) {
	var tot Total
	assert.Equal(t, 0, tot.Sign())
	assert.Equal(t, "0", tot.String())
	tot.Add(MustParse("850"))
	tot.Add(MustParse("127.5"))
	tot.Sub(MustParse("0.01"))
	a, ok := tot.Amount()
	require.True(t, ok)
	assert.Equal(t, "977.49", a.String())
	assert.Equal(t, "977.49", tot.Display())

	var big Total
	largest, _ := FromYuan(MaxYuan)
	big.Add(largest)
	big.Add(MustParse("1.01"))
	assert.Equal(t, 1, big.Sign())
	assert.Equal(t, "1000000001.01", big.String())
	third, ok := MustParse("1").QuoInt(3) // 1/3 yuan
	require.True(t, ok)
	big.Add(third)
	// 1000000001.01 + 1/3 = (300000000303 + 100)/300 = 300000000403/300.
	assert.Equal(t, "300000000403/300", big.String())
	// 1000000001.343333… displays as 1000000001.34.
	assert.Equal(t, "1000000001.34", big.Display())
	big.Sub(largest)
	big.Sub(largest)
	// 1.01 + 1/3 − 10^9 = −999999998.656666…, displayed half up at the fen.
	assert.Equal(t, -1, big.Sign())
	assert.Equal(t, "-999999998.66", big.Display())
	var x, y Total
	x.Add(MustParse("1"))
	y.Add(MustParse("2"))
	assert.Equal(t, -1, x.Cmp(y))
	assert.Equal(t, 1, y.Cmp(x))
	assert.Equal(t, 0, x.Cmp(x))
}
