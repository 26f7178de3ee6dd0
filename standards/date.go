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
var epochDays = int64(time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC).Unix() / 86400)

// ErrInvalidDate reports a date that is not a real calendar date in the
// supported range (1900-01-01 to 2200-12-31) or not written as YYYY-MM-DD.
var ErrInvalidDate = errors.New("standards: invalid date")

// NewDate returns the date y-m-d, or ErrInvalidDate if there is no such day
// (2023-02-29) or the year is outside 1900–2200.
func NewDate(y int, m time.Month, d int) (Date, error) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d", ErrInvalidDate, y, int(m), d)
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || t.Month() != m {
		return Date{}, fmt.Errorf("%w: %04d-%02d-%02d", ErrInvalidDate, y, int(m), d)
	}
	return Date{days: int32(t.Unix()/86400-epochDays) + 1}, nil
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
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrInvalidDate, s)
	}
	y, ok1 := digits(s[0:4])
	m, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Date{}, fmt.Errorf("%w: %q is not YYYY-MM-DD", ErrInvalidDate, s)
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

func digits(s string) (int, bool) {
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

func (d Date) time() time.Time {
	return time.Unix((int64(d.days)-1+epochDays)*86400, 0).UTC()
}

// Year, Month and Day return the parts of d; for the zero Date they are 0.
func (d Date) Year() int {
	if d.IsZero() {
		return 0
	}
	return d.time().Year()
}

// Month returns the month of d (0 for the zero Date).
func (d Date) Month() time.Month {
	if d.IsZero() {
		return 0
	}
	return d.time().Month()
}

// Day returns the day of the month of d (0 for the zero Date).
func (d Date) Day() int {
	if d.IsZero() {
		return 0
	}
	return d.time().Day()
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
	t := d.time()
	y, m := t.Year(), int(t.Month())-1+n
	y += m / 12
	m %= 12
	if m < 0 {
		m += 12
		y--
	}
	first := time.Date(y, time.Month(m+1), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	day := t.Day()
	if day > last {
		day = last
	}
	r := first.AddDate(0, 0, day-1)
	return Date{days: int32(r.Unix()/86400-epochDays) + 1}
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

// String formats d as YYYY-MM-DD ("" for the zero Date).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.time().Format("2006-01-02")
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
