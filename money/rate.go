package money

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// rateScale: a Rate is a whole number of millionths.
const rateScale = 1_000_000

// MaxRate bounds every Rate: |r| ≤ MaxRate.
const MaxRate = 1_000_000

// Rate is an exact dimensionless number with at most six decimal places: a
// share (the 15 % supplement rate, 0.15), a multiple (the 1.5× edge band),
// a price rise (3.6 %, 0.036). The zero Rate is 0. Rates are comparable
// values.
type Rate struct {
	m int64 // millionths
}

// One is the rate 1.
var One = Rate{rateScale}

// ParseRate reads a rate written as a plain decimal with at most six
// decimal places: "0.15", "1.5", "-0.004".
func ParseRate(s string) (Rate, error) { return parseRate(s) }

// ParseRateBytes is ParseRate for a byte slice; it allocates nothing
// unless the text is refused.
func ParseRateBytes(b []byte) (Rate, error) { return parseRate(b) }

func parseRate[T text](s T) (Rate, error) {
	d, err := parsePlain(s, 6)
	if err != nil {
		return Rate{}, err
	}
	if d.ip > MaxRate {
		return Rate{}, fmt.Errorf("%w: %q is beyond ±%d", ErrRange, string(s), MaxRate)
	}
	m := int64(d.ip) * rateScale
	if d.places > 0 {
		m += int64(d.frac) * int64(pow10[6-d.places])
	}
	if d.neg {
		m = -m
	}
	return Rate{m}, nil
}

// MustRate is ParseRate for literals known to be valid; it panics otherwise.
func MustRate(s string) Rate {
	r, err := ParseRate(s)
	if err != nil {
		panic(err)
	}
	return r
}

// RateFromInt returns the rate n (|n| ≤ MaxRate).
func RateFromInt(n int64) (Rate, error) {
	if n > MaxRate || n < -MaxRate {
		return Rate{}, fmt.Errorf("%w: %d", ErrRange, n)
	}
	return Rate{n * rateScale}, nil
}

// RateFromPercent returns p/100 for a whole number p (50 → 0.5).
func RateFromPercent(p int64) (Rate, error) {
	if p > MaxRate*100 || p < -MaxRate*100 {
		return Rate{}, fmt.Errorf("%w: %d%%", ErrRange, p)
	}
	return Rate{p * (rateScale / 100)}, nil
}

// RateFromDecimal converts a decimal with at most six decimal places.
func RateFromDecimal(d decimal.Decimal) (Rate, error) {
	if d.NumDigits() > 19 {
		return Rate{}, fmt.Errorf("%w: %s", ErrRange, d)
	}
	return ParseRate(d.String())
}

// Decimal returns r as a decimal.
func (r Rate) Decimal() decimal.Decimal { return decimal.New(r.m, -6) }

// Places returns the number of decimal places r needs (0 to 6).
func (r Rate) Places() int {
	m := abs64(r.m)
	p := 6
	for p > 0 && m%10 == 0 {
		m /= 10
		p--
	}
	return p
}

// Sign returns −1, 0 or +1.
func (r Rate) Sign() int {
	switch {
	case r.m < 0:
		return -1
	case r.m > 0:
		return 1
	}
	return 0
}

// IsZero reports whether r is 0.
func (r Rate) IsZero() bool { return r.m == 0 }

// Cmp returns −1, 0 or +1 as r is less than, equal to or greater than s.
func (r Rate) Cmp(s Rate) int {
	switch {
	case r.m < s.m:
		return -1
	case r.m > s.m:
		return 1
	}
	return 0
}

// Sub returns r − s (within ±2 MaxRate; never wraps).
func (r Rate) Sub(s Rate) Rate { return Rate{r.m - s.m} }

// Add returns r + s, and false beyond ±MaxRate (two rates within range sum
// without overflow: 2 × 10^12 millionths).
func (r Rate) Add(s Rate) (Rate, bool) {
	m := r.m + s.m
	if m > MaxRate*rateScale || m < -MaxRate*rateScale {
		return Rate{}, false
	}
	return Rate{m}, true
}

// Mul returns r × s, and false when the product has more than six decimal
// places or lies beyond ±MaxRate.
func (r Rate) Mul(s Rate) (Rate, bool) {
	p := imul(r.m, s.m)
	q, rem, ok := p.m.quoRem(rateScale)
	if !ok || rem != 0 || q > MaxRate*rateScale {
		return Rate{}, false
	}
	m := int64(q)
	if p.neg {
		m = -m
	}
	return Rate{m}, true
}

// Int returns r as a whole number, and false when it has a fraction.
func (r Rate) Int() (int64, bool) { return r.m / rateScale, r.m%rateScale == 0 }

// MulInt returns r × n, and false beyond ±MaxRate.
func (r Rate) MulInt(n int64) (Rate, bool) {
	p := imul(r.m, n)
	if p.m.hi != 0 || p.m.lo > MaxRate*rateScale {
		return Rate{}, false
	}
	m := int64(p.m.lo)
	if p.neg {
		m = -m
	}
	return Rate{m}, true
}

// Hundredths returns r × 100 when that is whole (a factor of two decimal
// places as a percentage), and false otherwise.
func (r Rate) Hundredths() (int64, bool) {
	return r.m / (rateScale / 100), r.m%(rateScale/100) == 0
}

// String writes r as a plain decimal: "0.15", "1.5", "3".
func (r Rate) String() string { return decimalString(r.m, 6) }

// AppendTo appends String's form to b.
func (r Rate) AppendTo(b []byte) []byte { return appendDecimal(b, r.m, 6) }

// Percent writes r × 100 as a plain decimal without the sign: "15", "3.6".
func (r Rate) Percent() string { return decimalString(r.m, 4) }

// AppendPercent appends Percent's form to b.
func (r Rate) AppendPercent(b []byte) []byte { return appendDecimal(b, r.m, 4) }

// MarshalText writes String.
func (r Rate) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads ParseRate's form.
func (r *Rate) UnmarshalText(b []byte) error {
	v, err := ParseRate(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
