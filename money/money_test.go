package money

import (
	"errors"
	"math"
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // String() of the result, or "" on error
		err  error
	}{
		{"850", "850", nil},
		{"850.00", "850", nil},
		{"-12.5", "-12.5", nil},
		{"0.01", "0.01", nil},
		{"0", "0", nil},
		{"-0", "0", nil},
		{"007", "7", nil},
		{"1000000000", "1000000000", nil},   // MaxYuan: accepted
		{"-1000000000", "-1000000000", nil}, // −MaxYuan: accepted
		{"1000000000.01", "", ErrRange},     // 1 fen beyond
		{"999999999.99", "999999999.99", nil},
		{"0.001", "", ErrPrecision}, // a third decimal place
		{"0.010", "0.01", nil},      // trailing zeros are not places
		{"1e3", "", ErrSyntax},
		{"+1", "", ErrSyntax},
		{" 1", "", ErrSyntax},
		{"1.", "", ErrSyntax},
		{".5", "", ErrSyntax},
		{"1,000", "", ErrSyntax},
		{"", "", ErrSyntax},
		{"-", "", ErrSyntax},
		{"1234567890123456789", "", ErrRange},
	} {
		got, err := Parse(tc.in)
		if tc.err != nil {
			assert.ErrorIs(t, err, tc.err, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got.String(), tc.in)
	}
}

func TestStringAndDisplay(t *testing.T) {
	y := func(s string) Amount { return MustParse(s) }
	third, ok := y("3500").QuoInt(12) // 3500 ÷ 12 = 875/3
	require.True(t, ok)
	sixth, ok := y("4525").QuoInt(6) // 4525 ÷ 6
	require.True(t, ok)
	for _, tc := range []struct {
		a              Amount
		exact, display string
	}{
		{y("850"), "850", "850.00"},
		{y("127.5"), "127.5", "127.50"},
		{y("-0.01"), "-0.01", "-0.01"},
		{third, "875/3", "291.67"},
		{sixth, "4525/6", "754.17"},
		{third.Neg(), "-875/3", "-291.67"},
		{Zero, "0", "0.00"},
	} {
		assert.Equal(t, tc.exact, tc.a.String())
		assert.Equal(t, "x"+tc.exact, string(tc.a.AppendTo([]byte("x"))))
		assert.Equal(t, tc.display, tc.a.Display())
		// Shown is the amount Display writes: a whole fen, written the same.
		assert.Equal(t, y(tc.display), tc.a.Shown(), tc.exact)
		assert.Equal(t, tc.display, tc.a.Shown().Display(), tc.exact)
		back, err := ParseExact(tc.exact)
		require.NoError(t, err, tc.exact)
		assert.Equal(t, tc.a, back, tc.exact)
	}
	// 15.01 % of 851.37 = 127.790637: off the fen, on the grid, a finite decimal.
	p, ok := y("851.37").MulRate(MustRate("0.1501"))
	require.True(t, ok)
	assert.Equal(t, "127.790637", p.String())
	assert.Equal(t, "127.79", p.Display())
}

func TestParseExactRefuses(t *testing.T) {
	for _, s := range []string{"1/0", "1/-3", "+1/3", "a/b", "1/13", "0.0000000001", "1/3/4"} {
		_, err := ParseExact(s)
		assert.Error(t, err, s)
	}
}

// The range is checked at its bound: one fen more is refused, never wrapped.
func TestArithmeticAtTheBound(t *testing.T) {
	max := MustParse("1000000000")
	fen := MustParse("0.01")
	_, ok := max.Add(fen)
	assert.False(t, ok, "MaxYuan + 1 fen")
	s, ok := max.Add(Zero)
	assert.True(t, ok)
	assert.Equal(t, max, s)
	_, ok = max.Neg().Sub(fen)
	assert.False(t, ok, "−MaxYuan − 1 fen")
	_, ok = max.MulInt(2)
	assert.False(t, ok)
	_, ok = max.MulInt(math.MinInt64)
	assert.False(t, ok)
	h, ok := MustParse("500000000").MulInt(2)
	assert.True(t, ok)
	assert.Equal(t, max, h)
	// The overflow of issue: 3,328 deposits of 10,000,000 yuan do not wrap to
	// a small number; they leave the range and Sum says so.
	var sum Sum
	ten := MustParse("10000000")
	for range 3328 {
		sum.Add(ten)
	}
	_, ok = sum.Amount()
	assert.False(t, ok)
	var fine Sum
	for range 100 {
		fine.Add(ten)
	}
	got, ok := fine.Amount()
	assert.True(t, ok)
	assert.Equal(t, "1000000000", got.String())
	// Products with rates at the extremes compare exactly and never wrap.
	assert.Equal(t, 1, max.CmpProduct(max, MustRate("0.999999")))
	assert.Equal(t, -1, max.CmpProduct(max, MustRate("1000000")))
	_, ok = max.MulRate(MustRate("1.000001"))
	assert.False(t, ok)
}

func TestRoundingEngine(t *testing.T) {
	rule := func(u Unit, m Mode) Rule { return Rule{u, m} }
	y := MustParse
	third, _ := y("5150").QuoInt(3) // 1716.666…
	for _, tc := range []struct {
		name string
		a    Amount
		r    Rule
		want string
	}{
		// Exactly on the half of each unit.
		{"fen half up on .005", half(t, "1716.665"), rule(UnitFen, ModeHalfUp), "1716.67"},
		{"fen half even on .005 (6 even)", half(t, "1716.665"), rule(UnitFen, ModeHalfEven), "1716.66"},
		{"fen half even on .015 (1 odd)", half(t, "1716.675"), rule(UnitFen, ModeHalfEven), "1716.68"},
		{"fen down on .005", half(t, "1716.665"), rule(UnitFen, ModeDown), "1716.66"},
		{"fen up on .005", half(t, "1716.665"), rule(UnitFen, ModeUp), "1716.67"},
		{"yuan half up on .5", y("1500.5"), rule(UnitYuan, ModeHalfUp), "1501"},
		{"yuan half even on .5", y("1500.5"), rule(UnitYuan, ModeHalfEven), "1500"},
		{"yuan half even on 1501.5", y("1501.5"), rule(UnitYuan, ModeHalfEven), "1502"},
		{"jiao half up on .05", y("30.25"), rule(UnitJiao, ModeHalfUp), "30.3"},
		{"jiao half even on .05", y("30.25"), rule(UnitJiao, ModeHalfEven), "30.2"},
		// Just below and above the half.
		{"fen half up below half", third, rule(UnitFen, ModeHalfUp), "1716.67"},
		{"yuan half up just below .5", y("1500.49"), rule(UnitYuan, ModeHalfUp), "1500"},
		{"yuan half up just above .5", y("1500.51"), rule(UnitYuan, ModeHalfUp), "1501"},
		// One grid unit above the half: to the even multiple no longer.
		{"fen half even just above .005", Amount{half(t, "1716.665").u + 1}, rule(UnitFen, ModeHalfEven), "1716.67"},
		{"jiao half even just above .05", Amount{y("30.25").u + 1}, rule(UnitJiao, ModeHalfEven), "30.3"},
		{"fen half even just below .005 (7 odd)", Amount{half(t, "1716.675").u - 1}, rule(UnitFen, ModeHalfEven), "1716.67"},
		// Negative: half away from zero.
		{"negative half up", y("-1500.5"), rule(UnitYuan, ModeHalfUp), "-1501"},
		{"negative fen half up on .005", half(t, "-1716.665"), rule(UnitFen, ModeHalfUp), "-1716.67"},
		{"negative fen half even on .005", half(t, "-1716.665"), rule(UnitFen, ModeHalfEven), "-1716.66"},
		{"negative jiao down", y("-30.29"), rule(UnitJiao, ModeDown), "-30.2"},
		{"negative jiao up", y("-30.21"), rule(UnitJiao, ModeUp), "-30.3"},
		{"negative down", y("-1500.9"), rule(UnitYuan, ModeDown), "-1500"},
		{"negative up", y("-1500.1"), rule(UnitYuan, ModeUp), "-1501"},
		// Already a whole unit: unchanged by every mode.
		{"whole", y("850"), rule(UnitYuan, ModeUp), "850"},
	} {
		got, ok := tc.a.Round(tc.r)
		require.True(t, ok, tc.name)
		assert.Equal(t, tc.want, got.String(), tc.name)
		rr, ok := tc.r.Rounder()
		require.True(t, ok, tc.name)
		got, ok = rr.Round(tc.a)
		require.True(t, ok, tc.name)
		assert.Equal(t, tc.want, got.String(), "%s: the rule's Rounder", tc.name)
	}
	// A multiple of the unit — 0 among them — stays as it is, by every
	// rule (the modes add nothing when nothing is left over).
	for _, u := range Units() {
		for _, m := range Modes() {
			for _, a := range []string{"0", "-3", "1500", "-1500"} {
				got, ok := y(a).Round(rule(u, m))
				require.True(t, ok)
				assert.Equal(t, a, got.String(), "%s by %s", a, rule(u, m))
			}
		}
	}
	_, ok := y("1").Round(Rule{})
	assert.False(t, ok, "an unset rule rounds nothing")
	for _, r := range []Rule{{}, {UnitFen, ModeUnset}, {UnitUnset, ModeHalfUp}, {Unit(9), ModeHalfUp}, {UnitFen, Mode(9)}} {
		_, ok = r.Rounder()
		assert.False(t, ok, "%v has no Rounder", r)
	}
	for _, a := range []Amount{half(t, "1716.665"), y("0"), y("0.01"), y("-0.5")} {
		got, ok := Rounder{}.Round(a)
		assert.False(t, ok, "the zero Rounder rounds nothing (%s), and does not divide by zero", a)
		assert.Equal(t, a, got, "and leaves the figure as it is")
	}
	_, ok = y("1").QuoRound(0, rule(UnitFen, ModeHalfUp))
	assert.False(t, ok, "÷ 0 is refused, not a panic")
	_, ok = y("1").QuoRound(-3, rule(UnitFen, ModeHalfUp))
	assert.False(t, ok)
	// 4525/6 ÷ 3 = 251.3888… → 251.39 (per-capita display).
	pc, ok := y("4525").QuoRound(18, rule(UnitFen, ModeHalfUp))
	require.True(t, ok)
	assert.Equal(t, "251.39", pc.String())
	// 850 × 3.6 % = 30.6 → 31 yuan; 835 × 3.0 % = 25.05 → 25; 689 × 6.15 % = 42.3735 → 42.
	for _, tc := range []struct{ std, rise, want string }{{"850", "0.036", "31"}, {"835", "0.03", "25"}, {"689", "0.0615", "42"}, {"850", "0.0350588", ""}} {
		if tc.want == "" {
			_, err := ParseRate(tc.rise)
			assert.ErrorIs(t, err, ErrPrecision)
			continue
		}
		got, ok := y(tc.std).MulRateRound(MustRate(tc.rise), rule(UnitYuan, ModeHalfUp))
		require.True(t, ok)
		assert.Equal(t, tc.want, got.String())
	}
}

// half returns an amount with a third decimal place (a half fen), made on
// the grid by dividing a whole number of fen.
func half(t *testing.T, s string) Amount {
	t.Helper()
	d := decimal.RequireFromString(s).Mul(decimal.NewFromInt(2))
	a, err := FromDecimal(d)
	require.NoError(t, err)
	h, ok := a.QuoInt(2)
	require.True(t, ok)
	return h
}

func TestRate(t *testing.T) {
	for _, tc := range []struct{ in, str, pct string }{
		{"0.15", "0.15", "15"}, {"1.5", "1.5", "150"}, {"0.036", "0.036", "3.6"}, {"0.000001", "0.000001", "0.0001"}, {"-0.5", "-0.5", "-50"},
	} {
		r, err := ParseRate(tc.in)
		require.NoError(t, err)
		assert.Equal(t, tc.str, r.String())
		assert.Equal(t, "x"+tc.str, string(r.AppendTo([]byte("x"))))
		assert.Equal(t, tc.pct, r.Percent())
		assert.Equal(t, "x"+tc.pct, string(r.AppendPercent([]byte("x"))))
	}
	_, err := ParseRate("0.0000001")
	assert.ErrorIs(t, err, ErrPrecision)
	_, err = ParseRate("1000001")
	assert.ErrorIs(t, err, ErrRange)
	assert.Equal(t, 4, MustRate("0.1501").Places())
	assert.Equal(t, 0, MustRate("2").Places())
}

func TestEnumsNeverPanic(t *testing.T) {
	assert.Equal(t, "unit(9)", Unit(9).String())
	assert.Equal(t, "mode(9)", Mode(9).String())
	_, err := Mode(9).MarshalText()
	assert.Error(t, err)
	var m Mode
	assert.Error(t, m.UnmarshalText([]byte("nearest")))
	require.NoError(t, m.UnmarshalText([]byte("half_even")))
	assert.Equal(t, ModeHalfEven, m)
	assert.False(t, Rule{UnitFen, Mode(9)}.Valid())
}

func TestErrorsWrap(t *testing.T) {
	_, err := FromFen(MaxYuan*100 + 1)
	assert.True(t, errors.Is(err, ErrRange))
	_, err = FromYuan(-MaxYuan - 1)
	assert.True(t, errors.Is(err, ErrRange))
}

// ---- the same operations in math/big, for the fuzz target

func ratOf(a Amount) *big.Rat { return big.NewRat(a.u, UnitsPerYuan) }

func rateRat(r Rate) *big.Rat { return big.NewRat(r.m, rateScale) }

var maxRat = new(big.Rat).SetInt64(MaxYuan)

func inRat(x *big.Rat) bool { return new(big.Rat).Abs(x).Cmp(maxRat) <= 0 }

// roundRat rounds x (yuan) to the rule's unit the slow way.
func roundRat(x *big.Rat, r Rule) *big.Rat {
	unit := big.NewRat(1, 100)
	switch r.Unit {
	case UnitJiao:
		unit = big.NewRat(1, 10)
	case UnitYuan:
		unit = big.NewRat(1, 1)
	}
	q := new(big.Rat).Quo(new(big.Rat).Abs(x), unit)
	fl := new(big.Int).Quo(q.Num(), q.Denom())
	frac := new(big.Rat).Sub(q, new(big.Rat).SetInt(fl))
	halfR := big.NewRat(1, 2)
	up := false
	switch r.Mode {
	case ModeHalfUp:
		up = frac.Cmp(halfR) >= 0
	case ModeUp:
		up = frac.Sign() > 0
	case ModeHalfEven:
		c := frac.Cmp(halfR)
		up = c > 0 || c == 0 && fl.Bit(0) == 1
	}
	if up {
		fl.Add(fl, big.NewInt(1))
	}
	out := new(big.Rat).Mul(new(big.Rat).SetInt(fl), unit)
	if x.Sign() < 0 {
		out.Neg(out)
	}
	return out
}

func FuzzArithmetic(f *testing.F) {
	f.Add(int64(850_00), int64(12), int64(150000), int64(3), uint8(1), uint8(1))
	f.Add(int64(-5), int64(1e11), int64(-999999), int64(12), uint8(3), uint8(4))
	f.Add(int64(MaxYuan*100), int64(MaxYuan*100), int64(1), int64(1), uint8(2), uint8(2))
	f.Fuzz(func(t *testing.T, fenA, fenB, micro, n int64, unit, mode uint8) {
		a, errA := FromFen(fenA % (MaxYuan*100 + 1))
		b, errB := FromFen(fenB % (MaxYuan*100 + 1))
		if errA != nil || errB != nil {
			t.Fatal("in-range fen refused")
		}
		if k := n % 13; k >= 1 {
			// A ÷ k with k from 1 to 12 is always exact for whole fen.
			q, ok := a.QuoInt(k)
			if !ok {
				t.Fatalf("%s ÷ %d not exact", a, k)
			}
			if ratOf(q).Cmp(new(big.Rat).Quo(ratOf(a), big.NewRat(k, 1))) != 0 {
				t.Fatal("QuoInt")
			}
			a = q
		}
		r := Rate{micro % (MaxRate*rateScale + 1)}
		ra, rb, rr := ratOf(a), ratOf(b), rateRat(r)
		check := func(name string, got Amount, ok bool, want *big.Rat) {
			if inRat(want) != ok {
				t.Fatalf("%s: ok=%v, exact %s", name, ok, want.RatString())
			}
			if ok && ratOf(got).Cmp(want) != 0 {
				t.Fatalf("%s: got %s, want %s", name, got, want.RatString())
			}
		}
		s, ok := a.Add(b)
		check("add", s, ok, new(big.Rat).Add(ra, rb))
		s, ok = a.Sub(b)
		check("sub", s, ok, new(big.Rat).Sub(ra, rb))
		s, ok = a.MulInt(n)
		check("mulint", s, ok, new(big.Rat).Mul(ra, new(big.Rat).SetInt64(n)))
		prod := new(big.Rat).Mul(ra, rr)
		s, ok = a.MulRate(r)
		onGrid := new(big.Rat).Mul(prod, new(big.Rat).SetInt64(UnitsPerYuan)).IsInt()
		if ok && (!onGrid || ratOf(s).Cmp(prod) != 0) || !ok && onGrid && inRat(prod) {
			t.Fatalf("mulrate %s × %s: ok=%v", a, r, ok)
		}
		if c := a.CmpProduct(b, r); c != ra.Cmp(new(big.Rat).Mul(rb, rr)) {
			t.Fatalf("cmpproduct %s vs %s × %s: %d", a, b, r, c)
		}
		rule := Rule{Unit(unit%3 + 1), Mode(mode%4 + 1)}
		s, ok = a.Round(rule)
		check("round", s, ok, roundRat(ra, rule))
		// The 64-bit path (Rounder) and the 128-bit one (roundQuo) alike.
		rounder, _ := rule.Rounder()
		s, ok = rounder.Round(a)
		check("rounder", s, ok, roundRat(ra, rule))
		s, ok = a.QuoRound(1, rule)
		check("quoround 1", s, ok, roundRat(ra, rule))
		s, ok = a.MulRateRound(r, rule)
		check("mulrateround", s, ok, roundRat(prod, rule))
		if n >= 1 && n <= 1e9 {
			s, ok = a.QuoRound(n, rule)
			check("quoround", s, ok, roundRat(new(big.Rat).Quo(ra, big.NewRat(n, 1)), rule))
		}
		back, err := ParseExact(a.String())
		if err != nil || back != a {
			t.Fatalf("ParseExact(%s): %v", a, err)
		}
	})
}

// CmpScaled at the int64 bounds and across signs, against big.Int.
func TestCmpScaled(t *testing.T) {
	vals := []int64{math.MinInt64, -maxUnits, -3, -1, 0, 1, 2, 3, maxUnits, math.MaxInt64}
	for _, a := range vals {
		for _, x := range vals {
			for _, b := range []int64{-maxUnits, -1, 0, 7, maxUnits} {
				for _, y := range []int64{math.MinInt64, -50, 0, 1, 50, math.MaxInt64} {
					l := new(big.Int).Mul(big.NewInt(a), big.NewInt(x))
					r := new(big.Int).Mul(big.NewInt(b), big.NewInt(y))
					assert.Equal(t, l.Cmp(r), CmpScaled(Amount{a}, x, Amount{b}, y), "%d×%d vs %d×%d", a, x, b, y)
				}
			}
		}
	}
}

// The byte-slice parsers agree with the string ones on every input, and
// allocate nothing on good input.
func FuzzParseBytes(f *testing.F) {
	for _, s := range []string{"0", "-0", "850", "127.5", "0.01", "1.000", "1.001", "10000000000", "1e3", "", ".5", "5.", "-", "+1", " 1", "999999999.99", "0.0000001"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err1 := Parse(s)
		b, err2 := ParseBytes([]byte(s))
		if a != b || (err1 == nil) != (err2 == nil) || err1 != nil && err1.Error() != err2.Error() {
			t.Fatalf("%q: Parse %v %v, ParseBytes %v %v", s, a, err1, b, err2)
		}
		r1, err1 := ParseRate(s)
		r2, err2 := ParseRateBytes([]byte(s))
		if r1 != r2 || (err1 == nil) != (err2 == nil) {
			t.Fatalf("%q: ParseRate %v %v, ParseRateBytes %v %v", s, r1, err1, r2, err2)
		}
	})
}

// decimalString at the extremes of int64 and around the point.
func TestDecimalString(t *testing.T) {
	for _, tc := range []struct {
		n      int64
		places int
		want   string
	}{
		{0, 7, "0"}, {-0, 2, "0.00"}, {5, 2, "0.05"}, {-5, 2, "-0.05"}, {100, 2, "1.00"}, {1000000, 6, "1"}, {-1, 6, "-0.000001"},
		{120, 6, "0.00012"}, {9223372036854775807, 7, "922337203685.4775807"}, {-9223372036854775808, 7, "-922337203685.4775808"},
		{-9223372036854775808, 0, "-9223372036854775808"},
	} {
		assert.Equal(t, tc.want, decimalString(tc.n, tc.places), "%d places %d", tc.n, tc.places)
	}
	buf := make([]byte, 0, 64)
	if n := testing.AllocsPerRun(100, func() { buf = appendDecimal(buf[:0], -12345, 7) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
}

func TestParseBytesAllocatesNothing(t *testing.T) {
	b := []byte("12345.67")
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseBytes(b) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = ParseRateBytes([]byte("0.15")) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
}

// Rate.Add at the bound: MaxRate + 0 holds, one millionth more does not.
func TestRateAdd(t *testing.T) {
	top := MustRate("1000000")
	got, ok := top.Add(Rate{})
	assert.True(t, ok)
	assert.Equal(t, top, got)
	_, ok = top.Add(MustRate("0.000001"))
	assert.False(t, ok)
	_, ok = MustRate("-1000000").Add(MustRate("-0.000001"))
	assert.False(t, ok)
	sum, ok := MustRate("0.15").Add(MustRate("0.05"))
	assert.True(t, ok)
	assert.Equal(t, "0.2", sum.String())
}

// Rate.Mul is exact or refused: 0.15 × 1.1 = 0.165; 0.123456 × 0.1 has
// seven places; the largest rate × 1.000001 leaves the range.
func TestRateMul(t *testing.T) {
	p, ok := MustRate("0.15").Mul(MustRate("1.1"))
	assert.True(t, ok)
	assert.Equal(t, "0.165", p.String())
	_, ok = MustRate("0.123456").Mul(MustRate("0.1"))
	assert.False(t, ok)
	_, ok = MustRate("1000000").Mul(MustRate("1.000001"))
	assert.False(t, ok)
	p, ok = MustRate("-0.5").Mul(MustRate("3"))
	assert.True(t, ok)
	assert.Equal(t, "-1.5", p.String())
	n, ok := MustRate("60").Int()
	assert.True(t, ok)
	assert.Equal(t, int64(60), n)
	_, ok = MustRate("60.5").Int()
	assert.False(t, ok)
}

// Round at the ends of the range, one grid unit inside them: rounding away
// from zero reaches the bound (a whole number of yuan) and never passes it,
// toward zero falls to the unit below it.
func TestRoundAtTheBounds(t *testing.T) {
	for _, tc := range []struct {
		a    int64
		r    Rule
		want int64
	}{
		{maxUnits - 1, Rule{UnitFen, ModeUp}, maxUnits},
		{maxUnits - 1, Rule{UnitYuan, ModeHalfUp}, maxUnits},
		{maxUnits - 1, Rule{UnitJiao, ModeHalfEven}, maxUnits},
		{maxUnits - 1, Rule{UnitFen, ModeDown}, maxUnits - UnitsPerFen},
		{maxUnits - 1, Rule{UnitYuan, ModeDown}, maxUnits - UnitsPerYuan},
		{-(maxUnits - 1), Rule{UnitYuan, ModeUp}, -maxUnits},
		{-(maxUnits - 1), Rule{UnitFen, ModeDown}, -(maxUnits - UnitsPerFen)},
		{maxUnits, Rule{UnitYuan, ModeUp}, maxUnits},
		{-maxUnits, Rule{UnitFen, ModeHalfUp}, -maxUnits},
	} {
		got, ok := Amount{tc.a}.Round(tc.r)
		require.True(t, ok, "%d %s", tc.a, tc.r)
		assert.Equal(t, tc.want, got.u, "%d %s", tc.a, tc.r)
	}
}
