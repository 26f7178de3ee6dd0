package money

import "math/bits"

// u128 is an unsigned 128-bit integer, for exact products and comparisons.
type u128 struct{ hi, lo uint64 }

func mul64(a, b uint64) u128 {
	hi, lo := bits.Mul64(a, b)
	return u128{hi, lo}
}

// mul returns x × m and whether it overflowed 128 bits.
func (x u128) mul(m uint64) (u128, bool) {
	hi1, lo := bits.Mul64(x.lo, m)
	hi2, mid := bits.Mul64(x.hi, m)
	hi, carry := bits.Add64(hi1, mid, 0)
	return u128{hi, lo}, hi2 == 0 && carry == 0
}

func (x u128) cmp(y u128) int {
	switch {
	case x.hi < y.hi:
		return -1
	case x.hi > y.hi:
		return 1
	case x.lo < y.lo:
		return -1
	case x.lo > y.lo:
		return 1
	}
	return 0
}

func (x u128) isZero() bool { return x.hi == 0 && x.lo == 0 }

// quoRem divides x by d (> 0); ok is false when the quotient needs more
// than 64 bits.
func (x u128) quoRem(d uint64) (q, r uint64, ok bool) {
	if x.hi >= d {
		return 0, 0, false
	}
	q, r = bits.Div64(x.hi, x.lo, d)
	return q, r, true
}

// i128 is a signed 128-bit integer as sign and magnitude.
type i128 struct {
	neg bool
	m   u128
}

func mag(x int64) (uint64, bool) {
	if x < 0 {
		return uint64(-x), true // −MinInt64 wraps to its own magnitude as uint64
	}
	return uint64(x), false
}

// imul returns a × b exactly.
func imul(a, b int64) i128 {
	ma, na := mag(a)
	mb, nb := mag(b)
	p := mul64(ma, mb)
	return i128{neg: na != nb && !p.isZero(), m: p}
}

func (x i128) cmp(y i128) int {
	switch {
	case x.neg && !y.neg:
		return -1
	case !x.neg && y.neg:
		return 1
	case x.neg:
		return y.m.cmp(x.m)
	}
	return x.m.cmp(y.m)
}
