package standards

import (
	"errors"
	"fmt"
	"time"
)

// Date is a calendar date in China, without a time of day or a zone.
//
// The zero Date is "no date": IsZero reports true, String returns "", and
// lookups refuse it. Dates compare with Before, After, Equal and Compare; they
// are small values, safe to copy and to use as map keys.
type Date struct {
	// days counts days from 0001-01-01 plus one, so that the zero value
	// means "no date".
	days int32
}

// Date range accepted by ParseDate and NewDate. Policy data lives well
// inside it; the bounds keep arithmetic far from overflow.
const (
	minYear = 1900
	maxYear = 2200
)

// epochDays is the day number of 0001-01-01 counted from 1970-01-01.
const epochDays = -719162

// fromCivil returns the number of days from 1970-01-01 to y-m-d in the
// proleptic Gregorian calendar (H. Hinnant's days_from_civil).
func fromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 {
		era = (y - 399) / 400
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return int64(era*146097 + doe - 719468)
}

// civil returns the date of a day counted from 1970-01-01 (H. Hinnant's
// civil_from_days), for days from 0001-01-01 on, in 32-bit arithmetic.
func civil(z int64) (y, m, d int) {
	zz := uint32(z + 719468) // days from 0000-03-01: positive for every Date
	era := zz / 146097
	doe := zz - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}

// daysIn returns the number of days in month m of year y.
func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// ErrInvalidDate reports a date that is not a real calendar date in the
// supported range (1900-01-01 to 2200-12-31) or not written as YYYY-MM-DD.
var ErrInvalidDate = errors.New("standards: invalid date")

// NewDate returns the date y-m-d, or ErrInvalidDate if there is no such day
// (2023-02-29) or the year is outside 1900–2200.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d", ErrInvalidDate, y, int(m), d)
	}
	if d > daysIn(y, int(m)) {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d", ErrInvalidDate, y, int(m), d)
	}
	return Date{days: int32(fromCivil(y, int(m), d)-epochDays) + 1}, nil
}

// MustDate is NewDate for literals known to be valid; it panics otherwise.
func MustDate(y int, m time.Month, d int) Date {
	dt, err := NewDate(y, m, d)
	if err != nil {
		panic(err)
	}
	return dt
}

// DateOf returns the calendar date of t in t's own location. Callers holding
// an instant should first convert it to China time (UTC+8).
func DateOf(t time.Time) (Date, error) {
	y, m, d := t.Date()
	return NewDate(y, m, d)
}

// ParseDate parses exactly "YYYY-MM-DD".
func ParseDate(s string) (Date, error) { return parseDate(s) }

// ParseDateBytes is ParseDate for a byte slice; it allocates nothing unless
// the text is refused.
func ParseDateBytes(b []byte) (Date, error) { return parseDate(b) }

func parseDate[T ~string | ~[]byte](s T) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrInvalidDate, string(s))
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrInvalidDate, string(s))
	}
	return NewDate(y, time.Month(m), d)
}

// MustParseDate is ParseDate for literals known to be valid; it panics otherwise.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func digits[T ~string | ~[]byte](s T) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// IsZero reports whether d is the zero Date ("no date").
func (d Date) IsZero() bool { return d.days == 0 }

// YMD returns the year, month and day of d (zeros for the zero Date).
func (d Date) YMD() (int, time.Month, int) {
	if d.IsZero() {
		return 0, 0, 0
	}
	y, m, dd := civil(int64(d.days) - 1 + epochDays)
	return y, time.Month(m), dd
}

// Year, Month and Day return the parts of d; for the zero Date they are 0.
func (d Date) Year() int {
	y, _, _ := d.YMD()
	return y
}

// Month returns the month of d (0 for the zero Date).
func (d Date) Month() time.Month {
	_, m, _ := d.YMD()
	return m
}

// Day returns the day of the month of d (0 for the zero Date).
func (d Date) Day() int {
	_, _, dd := d.YMD()
	return dd
}

// AddDays returns d moved by n days (n may be negative). The zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if d.IsZero() {
		return d
	}
	return Date{days: d.days + int32(n)}
}

// AddMonths returns the date n months after d, clamped to the last day of the
// target month (2023-01-31 + 1 month = 2023-02-28). The zero Date stays zero.
func (d Date) AddMonths(n int) Date {
	if d.IsZero() {
		return d
	}
	y0, m0, day := d.YMD()
	y, m := y0, int(m0)-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	day = min(day, daysIn(y, m+1))
	return Date{days: int32(fromCivil(y, m+1, day)-epochDays) + 1}
}

// FirstOfMonth returns the first day of d's month.
func (d Date) FirstOfMonth() Date {
	if d.IsZero() {
		return d
	}
	return d.AddDays(1 - d.Day())
}

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.days < e.days:
		return -1
	case d.days > e.days:
		return 1
	}
	return 0
}

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.days > e.days }

// Equal reports whether d and e are the same day.
func (d Date) Equal(e Date) bool { return d.days == e.days }

// Within reports whether d lies from from to through, both included; a
// zero through leaves the range open.
func (d Date) Within(from, through Date) bool {
	return !d.Before(from) && (through.IsZero() || !d.After(through))
}

// String formats d as YYYY-MM-DD ("" for the zero Date).
func (d Date) String() string {
	var b [10]byte
	return string(d.AppendTo(b[:0]))
}

// AppendTo appends String's form to b.
func (d Date) AppendTo(b []byte) []byte {
	if d.IsZero() {
		return b
	}
	y, m, dd := d.YMD()
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+int(m)/10), byte('0'+int(m)%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// MarshalText encodes d as YYYY-MM-DD; the zero Date encodes as "".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes YYYY-MM-DD; "" decodes to the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
