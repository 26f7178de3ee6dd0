// Package money holds the library's exact money type, Amount, its
// dimensionless companion, Rate, and its one rounding engine.
//
// # The grid
//
// An Amount is a whole number of grid units of 1/13,860,000 fen. The figure
// is chosen so that every amount the rules produce is exact:
//
//   - 13,860,000 = 27,720 × 500, and 27,720 is the least number that 1, 2,
//     …, 12 all divide, so an income received as a yearly total or over any
//     number of months from 1 to 12 divides into months exactly: 3500 ÷ 12
//     is held as 875/3 yuan, not 291.67;
//   - a share with two decimal places (the caregiver factor, 0.5) of such a
//     monthly figure is again on the grid;
//   - 13,860,000 is a multiple of 10,000, so a rate with up to four decimal
//     places times a whole number of fen (a 1.5× band of an 850-yuan line, a
//     15.01 % supplement of 851.37) is exact too.
//
// Nothing is rounded unless a rounding rule says so. Amounts with a finite
// decimal expansion print as decimals ("127.5"); others as a reduced fraction
// of a yuan ("875/3"). People are shown Display, two decimals ("291.67").
//
// # Range and overflow
//
// Every Amount lies within ±MaxYuan (one billion yuan); within that range
// the int64 count of units never comes near overflow. Arithmetic that could
// leave the range — Add, Sub, MulInt, MulRate, QuoInt and the rounding
// functions — returns its result with a bool that is false when it did: a
// sum is never wrapped around. Sum adds many amounts and reports once.
// Comparisons with products (CmpProduct) are exact in 128-bit arithmetic and
// cannot fail. Negation and Abs stay in range because the range is symmetric.
//
// # Rates
//
// A Rate is a whole number of millionths within ±MaxRate: supplement rates,
// band multiples, price rises, caregiver factors. A.MulRate(r) is exact when
// the product lies on the grid; A.MulRateRound(r, rule) rounds any product.
//
// # Rounding
//
// A Rule is a unit (fen, jiao, yuan) and a mode (half_up = 四舍五入, half
// away from zero; up; down; half_even). Round, QuoRound (a ÷ n, e.g. a
// per-capita figure), MulRateRound and a Rule's Rounder (the rule checked
// once, for a loop that rounds many figures) all go through the same
// engine, which rounds the exact rational figure once. The rules themselves
// are data: package standards says which rule applies where.
//
// # Errors
//
// Parse, ParseRate, ParseExact, FromFen, FromYuan and FromDecimal return
// errors wrapping ErrSyntax, ErrPrecision or ErrRange. Nothing in the
// package panics except the Must functions.
package money
