package income

import (
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/dibao-go/dibao/standards"
)

// Grid is the number of internal units in one fen. It is 27720 × 100:
// 27720 = lcm(1, …, 12), so that dividing a fen amount by any number of months
// from 1 to 12 is exact, and × 100 so that a factor with two decimal places
// (the caregiver factor) is exact on any such amount.
const Grid = 27720 * 100

// unitsPerYuan is Grid × 100.
const unitsPerYuan = Grid * 100

// Amount is an exact amount of yuan: a whole number of 1/Grid fen. Monthly
// averages such as 3500 ÷ 12 = 291.666… are held exactly and rounded only
// where a declared rounding rule says so. The zero Amount is 0 yuan. Amounts
// are small values, compared with Cmp, never with ==.
//
// An Amount is a rational number; it converts to a decimal.Decimal exactly
// when it has a finite decimal expansion (Decimal), and otherwise only
// through an explicit rounding rule (Round).
type Amount struct {
	u int64
}

// ErrAmountRange reports an amount too large to hold exactly.
var ErrAmountRange = errors.New("income: amount out of range")

// FromFen returns the Amount of n fen.
func FromFen(n int64) Amount { return Amount{u: n * Grid} }

// maxFen bounds the fen amounts FromDecimal accepts (10^12 fen = 10^10 yuan),
// far above any household figure and far below int64 overflow.
const maxFen = 1_000_000_000_000

// FromDecimal converts a decimal with at most two decimal places. It does not
// allocate for decimals whose coefficient fits in 18 digits.
func FromDecimal(d decimal.Decimal) (Amount, error) {
	fen, ok := fenOf(d)
	if !ok {
		return Amount{}, fmt.Errorf("%w: %s is not a whole number of fen within ±10^10 yuan", ErrAmountRange, d)
	}
	return FromFen(fen), nil
}

// FromDecimalExact converts any decimal that is a whole number of 1/Grid
// fen — e.g. a rate of up to three decimals × an amount in fen, 0.155 × 689 =
// 106.795 — and reports false for finer or larger values.
func FromDecimalExact(d decimal.Decimal) (Amount, bool) {
	u := d.Mul(decimal.NewFromInt(unitsPerYuan))
	if !u.IsInteger() || u.Abs().Cmp(decimal.NewFromInt(maxFen*Grid)) > 0 {
		return Amount{}, false
	}
	return Amount{u: u.IntPart()}, true
}

// fenOf converts an exact decimal to fen, without allocating.
func fenOf(d decimal.Decimal) (int64, bool) {
	if d.NumDigits() > 18 {
		return 0, false
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	for ; e < -2; e++ { // strip trailing zeros beyond the fen
		if c%10 != 0 {
			return 0, false
		}
		c /= 10
	}
	for ; e > -2; e-- {
		if c > maxFen || c < -maxFen {
			return 0, false
		}
		c *= 10
	}
	if c > maxFen || c < -maxFen {
		return 0, false
	}
	return c, true
}

// Add returns a + b.
func (a Amount) Add(b Amount) Amount { return Amount{u: a.u + b.u} }

// Sub returns a − b.
func (a Amount) Sub(b Amount) Amount { return Amount{u: a.u - b.u} }

// Neg returns −a.
func (a Amount) Neg() Amount { return Amount{u: -a.u} }

// MulInt returns a × n.
func (a Amount) MulInt(n int64) Amount { return Amount{u: a.u * n} }

// Sign returns −1, 0 or +1.
func (a Amount) Sign() int {
	switch {
	case a.u < 0:
		return -1
	case a.u > 0:
		return 1
	}
	return 0
}

// IsZero reports whether a is 0.
func (a Amount) IsZero() bool { return a.u == 0 }

// Cmp returns −1, 0 or +1 as a is less than, equal to or greater than b.
func (a Amount) Cmp(b Amount) int {
	switch {
	case a.u < b.u:
		return -1
	case a.u > b.u:
		return 1
	}
	return 0
}

// Min returns the smaller of a and b.
func (a Amount) Min(b Amount) Amount {
	if b.u < a.u {
		return b
	}
	return a
}

// Units returns the amount in units of 1/Grid fen, for exact arithmetic by
// other packages.
func (a Amount) Units() int64 { return a.u }

// FromUnits returns the amount of u units of 1/Grid fen.
func FromUnits(u int64) Amount { return Amount{u: u} }

// CmpDecimal compares a with any decimal exactly, without dividing: it
// answers "countable < 1.5 × standard × members" by cross-multiplication. It
// does not allocate for decimals whose coefficient fits in 18 digits.
func (a Amount) CmpDecimal(d decimal.Decimal) int {
	if d.NumDigits() > 18 {
		return a.cmpRat(new(big.Rat).SetFrac(d.Coefficient(), big.NewInt(1)), d.Exponent())
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	// a.u / unitsPerYuan  vs  c × 10^e
	// ⇔ a.u × 10^(−e)  vs  c × unitsPerYuan        (e < 0)
	// ⇔ a.u            vs  c × 10^e × unitsPerYuan (e ≥ 0)
	left, right := wide(a.u), wide(c).mul(unitsPerYuan)
	if e < 0 {
		for i := int32(0); i < -e; i++ {
			left = left.mul(10)
		}
	} else {
		for i := int32(0); i < e; i++ {
			right = right.mul(10)
		}
	}
	if left.ovf || right.ovf {
		return a.cmpRat(new(big.Rat).SetInt64(c), e)
	}
	return left.cmp(right)
}

func (a Amount) cmpRat(coef *big.Rat, exp int32) int {
	r := new(big.Rat).Set(coef)
	if exp != 0 {
		p := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs32(exp))), nil)
		if exp > 0 {
			r.Mul(r, new(big.Rat).SetInt(p))
		} else {
			r.Quo(r, new(big.Rat).SetInt(p))
		}
	}
	return a.Rat().Cmp(r)
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// wideInt is a signed 128-bit integer for exact cross-multiplication.
type wideInt struct {
	neg    bool
	hi, lo uint64
	ovf    bool
}

func wide(x int64) wideInt {
	if x < 0 {
		return wideInt{neg: true, lo: uint64(-x)}
	}
	return wideInt{lo: uint64(x)}
}

func (w wideInt) mul(m uint64) wideInt {
	hi1, lo := bits.Mul64(w.lo, m)
	hi2, hiLo := bits.Mul64(w.hi, m)
	hi, carry := bits.Add64(hi1, hiLo, 0)
	w.ovf = w.ovf || hi2 != 0 || carry != 0 || hi>>62 != 0
	w.hi, w.lo = hi, lo
	return w
}

func (w wideInt) cmp(v wideInt) int {
	wz, vz := w.hi == 0 && w.lo == 0, v.hi == 0 && v.lo == 0
	switch {
	case wz && vz:
		return 0
	case w.neg && !wz && (!v.neg || vz):
		return -1
	case (!w.neg || wz) && v.neg && !vz:
		return 1
	}
	c := 0
	switch {
	case w.hi != v.hi:
		c = cmpU(w.hi, v.hi)
	default:
		c = cmpU(w.lo, v.lo)
	}
	if w.neg && !wz {
		return -c
	}
	return c
}

func cmpU(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Rat returns the amount in yuan as a big.Rat (allocates).
func (a Amount) Rat() *big.Rat { return big.NewRat(a.u, unitsPerYuan) }

// exactDivisor: unitsPerYuan = 2^7 · 3^2 · 5^5 · 7 · 11, so an amount has a
// finite decimal expansion exactly when its unit count is divisible by
// 3^2 · 7 · 11 = 693.
const exactDivisor = 693

// Decimal returns the amount as a decimal when it has a finite decimal
// expansion (291.5), and false otherwise (291.666…).
func (a Amount) Decimal() (decimal.Decimal, bool) {
	if a.u%exactDivisor != 0 {
		return decimal.Decimal{}, false
	}
	// a.u / 693 units of 693/Grid fen = 1/4000 fen = 1/400000 yuan = 25 × 10^−7 yuan.
	return decimal.New(a.u/exactDivisor*25, -7), true
}

// Round rounds the amount by a declared rule.
func (a Amount) Round(rule standards.RoundingRule) decimal.Decimal {
	return roundFrac(a.u, 1, rule)
}

// DivRound divides the amount by n (a positive count, e.g. household members)
// and rounds by the rule, in one exact step.
func (a Amount) DivRound(n int64, rule standards.RoundingRule) decimal.Decimal {
	return roundFrac(a.u, n, rule)
}

// roundFrac rounds u / (n × Grid) fen to the rule's unit.
func roundFrac(u, n int64, rule standards.RoundingRule) decimal.Decimal {
	places := rule.Unit.Places()
	q, ok := divRound(u, unitUnits(rule.Unit), n, rule.Mode)
	if !ok {
		// Far beyond household figures: round a 40-digit decimal of the yuan value.
		r := new(big.Rat).SetFrac(big.NewInt(u), new(big.Int).Mul(big.NewInt(unitsPerYuan), big.NewInt(n)))
		return rule.Apply(decimal.NewFromBigRat(r, 40))
	}
	return decimal.New(q, -places)
}

// unitUnits returns the units in one rounding unit (fen, jiao, yuan).
func unitUnits(u standards.RoundingUnit) int64 {
	switch u {
	case standards.UnitJiao:
		return Grid * 10
	case standards.UnitYuan:
		return Grid * 100
	}
	return Grid
}

// divRound returns u / (per × n) rounded to an integer by mode.
func divRound(u, per, n int64, mode standards.RoundingMode) (int64, bool) {
	hi, den := bits.Mul64(uint64(per), uint64(n))
	if hi != 0 || den > 1<<62 {
		return 0, false
	}
	d := int64(den)
	neg := u < 0
	if neg {
		u = -u
	}
	q, r := u/d, u%d
	if r != 0 {
		switch mode {
		case standards.ModeHalfUp:
			if 2*r >= d {
				q++
			}
		case standards.ModeUp:
			q++
		case standards.ModeDown:
		case standards.ModeHalfEven:
			if 2*r > d || 2*r == d && q%2 == 1 {
				q++
			}
		default:
			return 0, false
		}
	}
	if neg {
		q = -q
	}
	return q, true
}

// String writes the amount in yuan: as a decimal when exact ("291.5"),
// otherwise as a reduced fraction ("875/3").
func (a Amount) String() string {
	if d, ok := a.Decimal(); ok {
		return d.String()
	}
	num, den := a.u, int64(unitsPerYuan)
	g := gcd(abs64(num), den)
	return strconv.FormatInt(num/g, 10) + "/" + strconv.FormatInt(den/g, 10)
}

func gcd(a, b int64) int64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// Approx writes the amount rounded half-up to the fen, for display only,
// prefixed by "≈" when it is not exact to the fen.
func (a Amount) Approx() string {
	fen, _ := divRound(a.u, Grid, 1, standards.ModeHalfUp)
	s := decimal.New(fen, -2).StringFixed(2)
	if fen*Grid != a.u {
		return "≈" + s
	}
	return s
}

// MarshalText writes String.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }
