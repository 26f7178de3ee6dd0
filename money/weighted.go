package money

import (
	"math/big"
	"math/bits"
)

// Weighted aggregates: a survey household stands for weight households, and
// a population's cost is Σ amount × weight. Both sums are exact integers of
// fixed width, wide enough that no sum a program can make wraps:
//
//   - a weight is a Rate (|w| ≤ MaxRate = 10^6, six places: at most 10^12
//     millionths, below 2^40);
//   - an amount is at most MaxYuan (1.386 × 10^18 grid units, below 2^61);
//   - so one product is below 2^101, and WeightedTotal's 192 bits hold 2^89
//     of them; WeightSum's 128 bits hold 2^87 weights.

// WeightedTotal is an exact sum of amount × weight products, in grid units
// × millionths, as a signed 192-bit integer. The zero value is 0 yuan.
type WeightedTotal struct {
	w [3]uint64 // two's complement, least significant word first
}

// Add adds a × w.
func (t *WeightedTotal) Add(a Amount, w Rate) {
	t.addProduct(a.u, w.m)
}

// AddN adds a × w × n, for n ≥ 0 of at most 2^23 (a count of members, of
// months): the product stays below 2^124.
func (t *WeightedTotal) AddN(a Amount, w Rate, n int64) {
	hi, lo := mulSigned(a.u, w.m)
	t.addWide(mul128(hi, lo, n))
}

func (t *WeightedTotal) addProduct(x, y int64) {
	hi, lo := mulSigned(x, y)
	t.addWide(extend(hi, lo))
}

// mulSigned returns x × y as a signed 128-bit (hi, lo); |x|, |y| < 2^63.
func mulSigned(x, y int64) (int64, uint64) {
	neg := (x < 0) != (y < 0)
	hi, lo := bits.Mul64(uabs(x), uabs(y))
	if neg {
		lo = ^lo + 1
		hi = ^hi
		if lo == 0 {
			hi++
		}
	}
	return int64(hi), lo
}

func uabs(x int64) uint64 {
	if x < 0 {
		return uint64(-x) // -MinInt64 wraps to 2^63, its absolute value
	}
	return uint64(x)
}

// extend sign-extends a 128-bit value to 192 bits.
func extend(hi int64, lo uint64) [3]uint64 {
	return [3]uint64{lo, uint64(hi), uint64(hi >> 63)}
}

// mul128 returns the 128-bit (hi, lo) × n (0 ≤ n < 2^23) in 192 bits.
func mul128(hi int64, lo uint64, n int64) [3]uint64 {
	v := extend(hi, lo)
	neg := hi < 0
	if neg {
		v = negate(v)
	}
	h1, l1 := bits.Mul64(v[0], uint64(n))
	h2, l2 := bits.Mul64(v[1], uint64(n))
	mid, c := bits.Add64(l2, h1, 0)
	out := [3]uint64{l1, mid, h2 + c}
	if neg {
		out = negate(out)
	}
	return out
}

func negate(v [3]uint64) [3]uint64 {
	var out [3]uint64
	var c uint64 = 1
	for i := range v {
		out[i], c = bits.Add64(^v[i], 0, c)
	}
	return out
}

func (t *WeightedTotal) addWide(v [3]uint64) {
	var c uint64
	for i := range t.w {
		t.w[i], c = bits.Add64(t.w[i], v[i], c)
	}
}

// AddTotal adds another weighted total.
func (t *WeightedTotal) AddTotal(u WeightedTotal) { t.addWide(u.w) }

// Sign returns −1, 0 or +1.
func (t WeightedTotal) Sign() int {
	switch {
	case int64(t.w[2]) < 0:
		return -1
	case t.w == [3]uint64{}:
		return 0
	}
	return 1
}

// big returns the total in grid units × millionths.
func (t WeightedTotal) big() *big.Int {
	neg := int64(t.w[2]) < 0
	w := t.w
	if neg {
		w = negate(w)
	}
	v := new(big.Int).SetUint64(w[2])
	for _, x := range []uint64{w[1], w[0]} {
		v.Lsh(v, 64)
		v.Or(v, new(big.Int).SetUint64(x))
	}
	if neg {
		v.Neg(v)
	}
	return v
}

// Rat returns the total in yuan, exactly.
func (t WeightedTotal) Rat() *big.Rat {
	return new(big.Rat).SetFrac(t.big(), new(big.Int).Mul(big.NewInt(UnitsPerYuan), big.NewInt(rateScale)))
}

// Display writes the total in yuan with two decimals, half a fen rounded
// away from zero.
func (t WeightedTotal) Display() string {
	return displayQuo(t.big(), new(big.Int).Mul(big.NewInt(UnitsPerFen), big.NewInt(rateScale)))
}

// Mean writes the total ÷ the weights w in yuan with two decimals (half a
// fen away from zero): the weighted mean of the amounts added. It returns
// "" when w is zero.
func (t WeightedTotal) Mean(w WeightSum) string {
	if w.Sign() == 0 {
		return ""
	}
	// total units·millionths ÷ (weights millionths) = units; ÷ UnitsPerFen = fen.
	return displayQuo(t.big(), new(big.Int).Mul(big.NewInt(UnitsPerFen), w.big()))
}

// displayQuo writes n ÷ d fen (d ≠ 0) as yuan with two decimals.
func displayQuo(n, d *big.Int) string {
	if d.Sign() < 0 {
		n, d = new(big.Int).Neg(n), new(big.Int).Neg(d)
	}
	return decimalQuo(n, d, 2)
}

// decimalQuo writes n ÷ d (d > 0) × 10^-places with all its places, half
// away from zero: the one rounding of the wide sums' display.
func decimalQuo(n, d *big.Int, places int) string {
	q, rem := new(big.Int).QuoRem(new(big.Int).Abs(n), d, new(big.Int))
	if rem.Lsh(rem, 1).Cmp(d) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	out := q.String()
	if places > 0 {
		out = decimalBig(q, places)
	}
	if n.Sign() < 0 && q.Sign() != 0 {
		out = "-" + out
	}
	return out
}

// WeightSum is an exact sum of weights (or of weight × count), as a signed
// 128-bit count of millionths: Total's arithmetic, in millionths instead of
// grid units. The zero value is 0.
type WeightSum struct {
	t Total
}

// Add adds a weight.
func (s *WeightSum) Add(w Rate) { s.t.AddTotal(Total{hi: w.m >> 63, lo: uint64(w.m)}) }

// AddN adds w × n, for a count n ≥ 0 (at most 2^23: members, months).
func (s *WeightSum) AddN(w Rate, n int64) {
	hi, lo := mulSigned(w.m, n)
	s.t.AddTotal(Total{hi: hi, lo: lo})
}

// AddSum adds another sum.
func (s *WeightSum) AddSum(u WeightSum) { s.t.AddTotal(u.t) }

// Sign returns −1, 0 or +1.
func (s WeightSum) Sign() int { return s.t.Sign() }

// Cmp compares two sums.
func (s WeightSum) Cmp(u WeightSum) int { return s.t.Cmp(u.t) }

func (s WeightSum) big() *big.Int { return s.t.big() }

// String writes the sum exactly as a decimal (trailing zeros dropped):
// "1250", "30.5".
func (s WeightSum) String() string { return trimPoint(decimalBig(s.big(), 6)) }

// Rat returns the sum exactly.
func (s WeightSum) Rat() *big.Rat { return new(big.Rat).SetFrac(s.big(), big.NewInt(rateScale)) }

// Round writes the sum rounded to places decimals (half away from zero),
// e.g. a weighted count of households to whole households; places is
// clamped to 0…6.
func (s WeightSum) Round(places int) string {
	places = max(0, min(places, 6))
	return decimalQuo(s.big(), new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(6-places)), nil), places)
}
