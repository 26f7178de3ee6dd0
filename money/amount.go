package money

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// The grid. See the package documentation.
const (
	// UnitsPerFen is the number of grid units in one fen.
	UnitsPerFen = 13_860_000
	// UnitsPerYuan is the number of grid units in one yuan.
	UnitsPerYuan = UnitsPerFen * 100
	// MaxYuan bounds every Amount: |a| ≤ MaxYuan yuan. Arithmetic whose
	// result would pass it reports failure instead of wrapping.
	MaxYuan = 1_000_000_000

	maxUnits = MaxYuan * UnitsPerYuan // 1.386 × 10^18, below 2^63 / 6
)

// Errors returned by the constructors and parsers.
var (
	// ErrSyntax: not a plain decimal ("12", "-3.5") or, for ParseExact, a
	// fraction ("875/3").
	ErrSyntax = errors.New("money: not a plain decimal")
	// ErrPrecision: more decimal places than allowed (two for an amount of
	// money, six for a rate), or an exact figure finer than the grid.
	ErrPrecision = errors.New("money: too many decimal places")
	// ErrRange: beyond ±MaxYuan (amounts) or ±MaxRate (rates).
	ErrRange = errors.New("money: out of range")
)

// Amount is an exact amount of yuan: a whole number of grid units of
// 1/13,860,000 fen, within ±MaxYuan. The zero Amount is 0 yuan. Amounts are
// small comparable values; == compares them exactly.
type Amount struct {
	u int64
}

// Zero is 0 yuan.
var Zero = Amount{}

// FromFen returns n fen.
func FromFen(n int64) (Amount, error) {
	if n > MaxYuan*100 || n < -MaxYuan*100 {
		return Amount{}, fmt.Errorf("%w: %d fen is beyond ±%d yuan", ErrRange, n, MaxYuan)
	}
	return Amount{n * UnitsPerFen}, nil
}

// FromYuan returns n yuan.
func FromYuan(n int64) (Amount, error) {
	if n > MaxYuan || n < -MaxYuan {
		return Amount{}, fmt.Errorf("%w: %d yuan is beyond ±%d", ErrRange, n, MaxYuan)
	}
	return Amount{n * UnitsPerYuan}, nil
}

// Parse reads an amount of money written as a plain decimal of yuan with at
// most two decimal places: "850", "-12.5", "0.01". Signs other than a
// leading minus, exponents, spaces and separators are refused (ErrSyntax), as
// are a third decimal place (ErrPrecision) and amounts beyond ±MaxYuan
// (ErrRange).
func Parse(s string) (Amount, error) {
	d, err := parsePlain(s, 2)
	if err != nil {
		return Amount{}, err
	}
	return amountOf(d, s)
}

// ParseBytes is Parse for a byte slice; it allocates nothing unless the
// text is refused.
func ParseBytes(b []byte) (Amount, error) {
	d, err := parsePlain(b, 2)
	if err != nil {
		return Amount{}, err
	}
	return amountOf(d, b)
}

// MustParse is Parse for literals known to be valid; it panics otherwise.
func MustParse(s string) Amount {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// ParseExact reads any exact figure this package writes (String): a plain
// decimal of any number of places that lies on the grid ("127.5015"), or a
// reduced fraction of yuan ("875/3"). It is for reading stored decisions
// back; inputs of money use Parse.
func ParseExact(s string) (Amount, error) {
	if num, den, ok := strings.Cut(s, "/"); ok {
		n, err1 := strconv.ParseInt(num, 10, 64)
		d, err2 := strconv.ParseInt(den, 10, 64)
		if err1 != nil || err2 != nil || d <= 0 || strings.HasPrefix(den, "+") || strings.HasPrefix(num, "+") {
			return Amount{}, fmt.Errorf("%w: %q is not a fraction p/q", ErrSyntax, s)
		}
		p := imul(n, UnitsPerYuan)
		q, r, ok := p.m.quoRem(uint64(d))
		switch {
		case !ok || q > maxUnits:
			return Amount{}, fmt.Errorf("%w: %q", ErrRange, s)
		case r != 0:
			return Amount{}, fmt.Errorf("%w: %q is finer than the grid", ErrPrecision, s)
		}
		u := int64(q)
		if p.neg {
			u = -u
		}
		return Amount{u}, nil
	}
	d, err := parsePlain(s, 18)
	if err != nil {
		return Amount{}, err
	}
	return amountOf(d, s)
}

// FromDecimal converts a decimal with at most two decimal places.
func FromDecimal(d decimal.Decimal) (Amount, error) {
	if d.NumDigits() > 19 {
		return Amount{}, fmt.Errorf("%w: %s", ErrRange, d)
	}
	return Parse(d.String())
}

// Decimal returns a as a decimal when it has a finite decimal expansion
// (291.5), and false otherwise (875/3 = 291.666…).
func (a Amount) Decimal() (decimal.Decimal, bool) {
	if a.u%exactDivisor != 0 {
		return decimal.Decimal{}, false
	}
	return decimal.New(a.u/exactDivisor*5, -7), true
}

// exactDivisor: UnitsPerYuan = 2^7 · 3^2 · 5^6 · 7 · 11, so an amount has a
// finite decimal expansion exactly when its unit count is a multiple of
// 3^2 · 7 · 11 = 693; u/693 is then a count of 693 units = 5 × 10^-7 yuan.
const exactDivisor = 693

// Fen returns a as a whole number of fen, and false when it is not one.
func (a Amount) Fen() (int64, bool) {
	return a.u / UnitsPerFen, a.u%UnitsPerFen == 0
}

// IsFen reports whether a is a whole number of fen.
func (a Amount) IsFen() bool { return a.u%UnitsPerFen == 0 }

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

// Neg returns −a (always in range: the range is symmetric).
func (a Amount) Neg() Amount { return Amount{-a.u} }

// Abs returns |a|.
func (a Amount) Abs() Amount {
	if a.u < 0 {
		return Amount{-a.u}
	}
	return a
}

// Min returns the smaller of a and b; Max the larger.
func Min(a, b Amount) Amount {
	if b.u < a.u {
		return b
	}
	return a
}

// Max returns the larger of a and b.
func Max(a, b Amount) Amount {
	if b.u > a.u {
		return b
	}
	return a
}

// inRange reports whether u is a valid unit count.
func inRange(u int64) bool { return u <= maxUnits && u >= -maxUnits }

// Add returns a + b, and false when the sum lies beyond ±MaxYuan. (Both
// operands are within ±maxUnits, so the int64 sum itself cannot wrap.)
func (a Amount) Add(b Amount) (Amount, bool) {
	s := a.u + b.u
	return Amount{s}, inRange(s)
}

// Sub returns a − b, and false when the difference lies beyond ±MaxYuan.
func (a Amount) Sub(b Amount) (Amount, bool) {
	s := a.u - b.u
	return Amount{s}, inRange(s)
}

// MulInt returns a × n, and false when the product lies beyond ±MaxYuan.
func (a Amount) MulInt(n int64) (Amount, bool) {
	p := imul(a.u, n)
	if p.m.hi != 0 || p.m.lo > maxUnits {
		return Amount{}, false
	}
	u := int64(p.m.lo)
	if p.neg {
		u = -u
	}
	return Amount{u}, true
}

// QuoInt returns a ÷ n when the quotient is exact on the grid — always so
// for a whole number of fen and n from 1 to 12 — and false otherwise (n < 1,
// or a remainder).
func (a Amount) QuoInt(n int64) (Amount, bool) {
	if n < 1 || a.u%n != 0 {
		return Amount{}, false
	}
	return Amount{a.u / n}, true
}

// MulRate returns a × r when the product lies on the grid — always so for a
// whole number of fen and a rate of at most four decimal places, or a
// figure of the 12-month grid and a rate of at most two — and false
// otherwise or beyond the range. MulRateRound rounds any product.
func (a Amount) MulRate(r Rate) (Amount, bool) {
	p := imul(a.u, r.m)
	q, rem, ok := p.m.quoRem(rateScale)
	if !ok || rem != 0 || q > maxUnits {
		return Amount{}, false
	}
	u := int64(q)
	if p.neg {
		u = -u
	}
	return Amount{u}, true
}

// CmpProduct compares a with b × r exactly, without rounding or overflow:
// it answers "countable < 1.5 × line" for any rate.
func (a Amount) CmpProduct(b Amount, r Rate) int {
	return imul(a.u, rateScale).cmp(imul(b.u, r.m))
}

// CmpProduct2 compares a × s with b × r exactly.
func (a Amount) CmpProduct2(s Rate, b Amount, r Rate) int {
	x, y := imul(a.u, s.m), imul(b.u, r.m)
	return x.cmp(y)
}

// CmpScaled compares a × x with b × y exactly, for any amounts and
// factors: it answers "own + shared × part ÷ of ≤ limit" without dividing.
func CmpScaled(a Amount, x int64, b Amount, y int64) int {
	return imul(a.u, x).cmp(imul(b.u, y))
}

// String writes a in yuan exactly: a plain decimal when a has a finite
// expansion ("850", "127.5", "-0.01"), else the reduced fraction ("875/3").
// This is the machine form (JSON "exact"); people see Display.
func (a Amount) String() string {
	var b [48]byte
	return string(a.AppendTo(b[:0]))
}

// AppendTo appends String's form to b.
func (a Amount) AppendTo(b []byte) []byte {
	if a.u%exactDivisor == 0 {
		return appendDecimal(b, a.u/exactDivisor*5, 7)
	}
	num, den := a.u, int64(UnitsPerYuan)
	g := gcd(abs64(num), den)
	b = strconv.AppendInt(b, num/g, 10)
	b = append(b, '/')
	return strconv.AppendInt(b, den/g, 10)
}

// Display writes a in yuan with two decimals, rounded half up to the fen
// when it is finer: "754.17" for 4525/6. It is the form people read.
func (a Amount) Display() string { return string(a.AppendDisplay(nil)) }

// Shown returns a as Display shows it: rounded half up to the fen (754.17
// for 4525/6), so that figures can be added as people read them.
func (a Amount) Shown() Amount {
	r, _ := a.Round(Rule{UnitFen, ModeHalfUp})
	return r
}

// AppendDisplay appends Display's form to b.
func (a Amount) AppendDisplay(b []byte) []byte {
	fen := a.Shown().u / UnitsPerFen
	if fen < 0 {
		b = append(b, '-')
		fen = -fen
	}
	b = strconv.AppendInt(b, fen/100, 10)
	return append(b, '.', byte('0'+fen/10%10), byte('0'+fen%10))
}

// decimalString writes n × 10^-places. With places == 2 (money for people)
// it keeps both decimals; otherwise it trims trailing zeros and a bare point.
func decimalString(n int64, places int) string {
	var b [48]byte
	return string(appendDecimal(b[:0], n, places))
}

// appendDecimal appends decimalString's form to b.
func appendDecimal(b []byte, n int64, places int) []byte {
	var digits [24]byte
	u := uint64(n)
	if n < 0 {
		u = -u // the magnitude, math.MinInt64 included
	}
	ds := strconv.AppendUint(digits[:0], u, 10)
	// Left-pad to at least places+1 digits: one before the point.
	var pad [24]byte
	if len(ds) <= places {
		k := places - len(ds) + 1
		for i := range k {
			pad[i] = '0'
		}
		ds = append(pad[:k], ds...)
	}
	ip, fp := ds[:len(ds)-places], ds[len(ds)-places:]
	if places != 2 {
		for len(fp) > 0 && fp[len(fp)-1] == '0' {
			fp = fp[:len(fp)-1]
		}
	}
	if n < 0 && (len(fp) > 0 || len(ip) != 1 || ip[0] != '0') {
		b = append(b, '-')
	}
	b = append(b, ip...)
	if len(fp) > 0 {
		b = append(b, '.')
		b = append(b, fp...)
	}
	return b
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

// MarshalText writes String.
func (a Amount) MarshalText() ([]byte, error) { return []byte(a.String()), nil }

// UnmarshalText reads the exact form (ParseExact).
func (a *Amount) UnmarshalText(b []byte) error {
	v, err := ParseExact(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// Sum adds amounts and remembers whether any partial sum left the range, so
// that a loop can add freely and check once.
type Sum struct {
	a   Amount
	bad bool
}

// Add adds a to the sum.
func (s *Sum) Add(a Amount) {
	var ok bool
	s.a, ok = s.a.Add(a)
	s.bad = s.bad || !ok
}

// Sub subtracts a from the sum.
func (s *Sum) Sub(a Amount) {
	var ok bool
	s.a, ok = s.a.Sub(a)
	s.bad = s.bad || !ok
}

// Amount returns the sum, and false when some partial sum left the range
// (the sum is then meaningless).
func (s Sum) Amount() (Amount, bool) { return s.a, !s.bad }

// plain is a parsed plain decimal: sign, integer part and fraction digits.
type plain struct {
	neg    bool
	ip     uint64 // integer part
	frac   uint64 // the fraction's digits, trailing zeros dropped, as a number
	places int    // how many digits frac has
}

// text is what the parsers read: a string or a byte slice.
type text interface{ ~string | ~[]byte }

// parsePlain parses an optional minus, 1–18 digits, and optionally a point
// and 1–maxPlaces digits (more are allowed when they are trailing zeros).
func parsePlain[T text](s T, maxPlaces int) (plain, error) {
	var d plain
	i := 0
	if i < len(s) && s[i] == '-' {
		d.neg = true
		i++
	}
	start := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		d.ip = d.ip*10 + uint64(s[i]-'0')
		i++
		if i-start > 18 {
			return d, fmt.Errorf("%w: %q has too many digits", ErrRange, string(s))
		}
	}
	if i == start {
		return d, fmt.Errorf("%w: %q", ErrSyntax, string(s))
	}
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		if i == fs {
			return d, fmt.Errorf("%w: %q", ErrSyntax, string(s))
		}
		end := i
		for end > fs && s[end-1] == '0' {
			end--
		}
		d.places = end - fs
		if d.places > maxPlaces {
			if i != len(s) {
				return d, fmt.Errorf("%w: %q", ErrSyntax, string(s))
			}
			return d, fmt.Errorf("%w: %q has more than %d decimal places", ErrPrecision, string(s), maxPlaces)
		}
		for k := fs; k < end; k++ {
			d.frac = d.frac*10 + uint64(s[k]-'0')
		}
	}
	if i != len(s) {
		return d, fmt.Errorf("%w: %q", ErrSyntax, string(s))
	}
	return d, nil
}

// amount converts a parsed decimal to grid units.
func amountOf[T text](d plain, s T) (Amount, error) {
	if d.ip > MaxYuan {
		return Amount{}, fmt.Errorf("%w: %q is beyond ±%d yuan", ErrRange, string(s), MaxYuan)
	}
	u := int64(d.ip) * UnitsPerYuan
	if d.places > 0 {
		den := pow10[d.places]
		p := mul64(d.frac, UnitsPerYuan)
		q, r, ok := p.quoRem(den)
		if !ok || r != 0 {
			return Amount{}, fmt.Errorf("%w: %q is finer than the grid of 1/%d fen", ErrPrecision, string(s), UnitsPerFen)
		}
		u += int64(q)
	}
	if u > maxUnits {
		return Amount{}, fmt.Errorf("%w: %q is beyond ±%d yuan", ErrRange, string(s), MaxYuan)
	}
	if d.neg {
		u = -u
	}
	return Amount{u}, nil
}

var pow10 = [...]uint64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19}
