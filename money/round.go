package money

import "github.com/dibao-go/dibao/internal/enum"

// Unit is the unit a rounding rule rounds to.
type Unit uint8

// Units. The zero value is UnitUnset, which no rule may hold.
const (
	UnitUnset Unit = iota
	UnitFen        // 0.01 yuan (分)
	UnitJiao       // 0.1 yuan (角)
	UnitYuan       // 1 yuan (元)
)

var unitNames = enum.New[Unit]("unit", "", "fen", "jiao", "yuan")

// String returns "fen", "jiao", "yuan", "" for UnitUnset, or unit(n).
func (u Unit) String() string { return unitNames.String(u) }

// MarshalText returns the unit's name; an unset or unknown unit is an error.
func (u Unit) MarshalText() ([]byte, error) { return unitNames.Marshal(u) }

// UnmarshalText reads a unit's name.
func (u *Unit) UnmarshalText(b []byte) error { return unitNames.Unmarshal(b, u) }

// Places returns the decimal places of the unit: 2, 1 or 0 (2 for an unset unit).
func (u Unit) Places() int {
	switch u {
	case UnitJiao:
		return 1
	case UnitYuan:
		return 0
	}
	return 2
}

// units returns the grid units in one rounding unit.
func (u Unit) units() uint64 {
	switch u {
	case UnitJiao:
		return UnitsPerFen * 10
	case UnitYuan:
		return UnitsPerYuan
	}
	return UnitsPerFen
}

// Mode is how a rule rounds a figure that lies between two multiples of
// its unit.
type Mode uint8

// Modes. The zero value is ModeUnset, which no rule may hold.
const (
	ModeUnset    Mode = iota
	ModeHalfUp        // 四舍五入: to the nearest, a half away from zero
	ModeUp            // 进位: away from zero
	ModeDown          // 舍去: toward zero
	ModeHalfEven      // to the nearest, a half to the even multiple (banker's rounding)
)

var modeNames = enum.New[Mode]("mode", "", "half_up", "up", "down", "half_even")

// String returns "half_up", "up", "down", "half_even", "" for ModeUnset, or mode(n).
func (m Mode) String() string { return modeNames.String(m) }

// MarshalText returns the mode's name; an unset or unknown mode is an error.
func (m Mode) MarshalText() ([]byte, error) { return modeNames.Marshal(m) }

// UnmarshalText reads a mode's name.
func (m *Mode) UnmarshalText(b []byte) error { return modeNames.Unmarshal(b, m) }

// Units returns every unit; Modes every mode (for listings and tests).
func Units() []Unit { return unitNames.Values() }

// Modes returns every rounding mode.
func Modes() []Mode { return modeNames.Values() }

// Rule is a rounding rule: a unit and a mode, e.g. to the fen, half up. A
// rule is data: a standards Set declares which rule applies at which point
// of the computation, and every rounding in the library goes through Round,
// QuoRound or MulRateRound with such a rule.
type Rule struct {
	Unit Unit
	Mode Mode
}

// Valid reports whether the rule has a unit and a mode.
func (r Rule) Valid() bool { return unitNames.Valid(r.Unit) && modeNames.Valid(r.Mode) }

// String returns e.g. "fen half_up".
func (r Rule) String() string { return r.Unit.String() + " " + r.Mode.String() }

// A Rounder is a valid Rule made ready to round many figures: its unit
// worked out and its validity checked once. Round gives what Amount.Round
// gives with the rule. The zero Rounder rounds nothing (false).
type Rounder struct {
	unit, most uint64 // most: the largest number of units within the range
	mode       Mode
}

// Rounder returns the rule's Rounder, false for an invalid rule.
func (r Rule) Rounder() (Rounder, bool) {
	if !r.Valid() {
		return Rounder{}, false
	}
	unit := r.Unit.units()
	return Rounder{unit: unit, most: maxUnits / unit, mode: r.Mode}, true
}

// Round returns a rounded by the rounder's rule, as Amount.Round does, and
// a unchanged and false for the zero Rounder.
func (r Rounder) Round(a Amount) (Amount, bool) {
	if r.unit == 0 {
		return a, false
	}
	// roundQuo of a ÷ 1, in 64 bits (|a| is within the range), with one
	// division; a multiple of the unit stays as it is in every mode.
	m, neg := mag(a.u)
	var q uint64
	switch r.unit { // constant divisors: a multiplication, not a division
	case UnitsPerFen:
		q = m / UnitsPerFen
	case UnitsPerFen * 10:
		q = m / (UnitsPerFen * 10)
	default:
		q = m / UnitsPerYuan
	}
	out, ok := units(r.mode.next(q, m-q*r.unit, r.unit), r.unit, r.most, neg)
	if !ok {
		return a, false // not reached: the range's bound is a whole number of yuan
	}
	return out, true
}

// roundQuo rounds the exact value n / d grid units to a multiple of the
// rule's unit and returns that multiple in grid units. ok is false when the
// rule is not valid, d is 0, or the result lies outside the Amount range.
// With Rounder.Round (the same for d = 1, in 64 bits) it is the library's
// one rounding engine: both divide the exact figure once and end in next
// and units.
func roundQuo(n i128, d uint64, r Rule) (Amount, bool) {
	if !r.Valid() || d == 0 {
		return Amount{}, false
	}
	unit := r.Unit.units()
	den, ok := u128{0, d}.mul(unit)
	if !ok || den.hi != 0 {
		return Amount{}, false
	}
	q, rem, ok := n.m.quoRem(den.lo)
	if !ok {
		return Amount{}, false
	}
	return units(r.Mode.next(q, rem, den.lo), unit, maxUnits/unit, n.neg)
}

// b2u is 1 for true and 0 for false.
func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// units returns q rounding units (at most most of them within the range,
// false beyond) as an amount, negative for neg: the end of every rounding.
func units(q, unit, most uint64, neg bool) (Amount, bool) {
	if q > most {
		return Amount{}, false
	}
	u := int64(q * unit)
	if neg {
		u = -u
	}
	return Amount{u}, true
}

// next returns q whole units with rem of den left over (rem < den) moved
// to the next multiple as the mode says: by a sum, not a branch on the
// figure.
func (m Mode) next(q, rem, den uint64) uint64 {
	// up is the distance to the next multiple: den when rem is 0, which no
	// rounding to the nearest moves.
	up := den - rem
	switch m {
	case ModeHalfUp:
		q += b2u(rem >= up)
	case ModeUp:
		q += b2u(rem != 0)
	case ModeHalfEven:
		q += b2u(rem > up || rem == up && q%2 == 1)
	}
	return q
}

// Round rounds a to the rule's unit. Rounding never leaves the Amount range
// (its bound is a whole number of yuan); an invalid rule returns a unchanged
// and false.
func (a Amount) Round(r Rule) (Amount, bool) {
	rr, ok := r.Rounder()
	if !ok {
		return a, false
	}
	return rr.Round(a)
}

// QuoRound returns a ÷ n rounded by the rule in one exact step (a
// household's per-capita income for display, an instalment). ok is false
// for n < 1, n > 10^9 or an invalid rule.
func (a Amount) QuoRound(n int64, r Rule) (Amount, bool) {
	if n < 1 || n > 1e9 {
		return Amount{}, false
	}
	m, neg := mag(a.u)
	return roundQuo(i128{neg: neg, m: u128{0, m}}, uint64(n), r)
}

// MulRateRound returns a × r rounded by the rule, from the exact product
// (a price subsidy of standard × 3.6 %, a supplement of 15.01 % of 851.37).
// ok is false for an invalid rule or a result outside the Amount range.
func (a Amount) MulRateRound(r Rate, rule Rule) (Amount, bool) {
	return roundQuo(imul(a.u, r.m), rateScale, rule)
}
