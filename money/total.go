package money

import (
	"math/big"
	"math/bits"
)

// Total is an exact sum of any number of amounts, for aggregates over
// populations (a population's monthly payments pass MaxYuan long before
// they stop being interesting): a signed 128-bit count of grid units. It
// holds at least 2^64 amounts of the largest size (2^64 × MaxYuan yuan is
// below 2^127 units), so no sum of amounts a program can make wraps. The
// zero Total is 0 yuan.
type Total struct {
	hi int64
	lo uint64
}

// Add adds an amount.
func (t *Total) Add(a Amount) { t.AddTotal(Total{hi: a.u >> 63, lo: uint64(a.u)}) }

// Sub subtracts an amount.
func (t *Total) Sub(a Amount) { t.Add(Amount{u: -a.u}) } // |a.u| ≤ maxUnits: the negation is exact

// AddTotal adds another total. Two totals of at most 2^64 amounts each sum
// within range.
func (t *Total) AddTotal(u Total) {
	lo, carry := bits.Add64(t.lo, u.lo, 0)
	t.lo = lo
	t.hi = t.hi + u.hi + int64(carry)
}

// Sign returns −1, 0 or +1.
func (t Total) Sign() int {
	switch {
	case t.hi < 0:
		return -1
	case t.hi == 0 && t.lo == 0:
		return 0
	}
	return 1
}

// Cmp compares two totals.
func (t Total) Cmp(u Total) int {
	switch {
	case t.hi < u.hi:
		return -1
	case t.hi > u.hi:
		return 1
	case t.lo < u.lo:
		return -1
	case t.lo > u.lo:
		return 1
	}
	return 0
}

// Amount returns the total as an Amount, and false when it is beyond
// ±MaxYuan.
func (t Total) Amount() (Amount, bool) {
	// In range: the 128-bit value is the sign extension of a 64-bit one.
	if t.hi != int64(t.lo)>>63 {
		return Amount{}, false
	}
	u := int64(t.lo)
	if u > maxUnits || u < -maxUnits {
		return Amount{}, false
	}
	return Amount{u: u}, true
}

// big returns the total's units.
func (t Total) big() *big.Int {
	v := new(big.Int).SetInt64(t.hi)
	v.Lsh(v, 64)
	return v.Add(v, new(big.Int).SetUint64(t.lo))
}

// String writes the total in yuan exactly, as Amount.String does: a plain
// decimal when it has a finite expansion, else the reduced fraction.
func (t Total) String() string {
	if a, ok := t.Amount(); ok {
		return a.String()
	}
	v := t.big()
	if new(big.Int).Rem(v, big.NewInt(exactDivisor)).Sign() == 0 {
		// units/693 is a count of 10^-7 yuan (see Amount.String).
		v.Quo(v, big.NewInt(exactDivisor))
		v.Mul(v, big.NewInt(5))
		return trimPoint(decimalBig(v, 7))
	}
	den := big.NewInt(UnitsPerYuan)
	g := new(big.Int).GCD(nil, nil, new(big.Int).Abs(v), den)
	return v.Quo(v, g).String() + "/" + den.Quo(den, g).String()
}

// Display writes the total in yuan with two decimals, rounded half up to
// the fen when it is finer, as Amount.Display does.
func (t Total) Display() string {
	if a, ok := t.Amount(); ok {
		return a.Display()
	}
	return decimalQuo(t.big(), big.NewInt(UnitsPerFen), 2)
}

// decimalBig writes a non-negative n × 10^-places with all its places.
func decimalBig(n *big.Int, places int) string {
	neg := n.Sign() < 0
	s := new(big.Int).Abs(n).String()
	for len(s) <= places {
		s = "0" + s
	}
	out := s[:len(s)-places] + "." + s[len(s)-places:]
	if neg {
		out = "-" + out
	}
	return out
}

// trimPoint drops trailing zeros after the point, and a bare point.
func trimPoint(s string) string {
	i := len(s)
	for i > 0 && s[i-1] == '0' {
		i--
	}
	if i > 0 && s[i-1] == '.' {
		i--
	}
	return s[:i]
}
