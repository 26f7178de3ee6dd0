package standards

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Region is a six-digit administrative division code (行政区划代码) such as
// 230102 (道里区, 哈尔滨市, 黑龙江省).
//
// The code's structure gives its level and its parent chain: the last two
// digits 00 mark a prefecture-level unit, the last four 0000 a province.
// Whether a code exists is a question for a Divisions register (or a Set,
// which carries one). The zero Region is "no region": IsValid reports false.
type Region struct {
	code uint32
}

// Level is the level of a division.
type Level uint8

// Levels of the division hierarchy.
const (
	LevelUnknown    Level = iota
	LevelProvince         // 省级
	LevelPrefecture       // 地级
	LevelCounty           // 县级
)

// String returns "province", "prefecture", "county" or "unknown".
func (l Level) String() string {
	switch l {
	case LevelProvince:
		return "province"
	case LevelPrefecture:
		return "prefecture"
	case LevelCounty:
		return "county"
	}
	return "unknown"
}

// ErrInvalidRegion reports a string that is not a six-digit division code.
var ErrInvalidRegion = errors.New("standards: invalid region code")

// ErrUnknownRegion reports a well-formed code that the register does not hold.
var ErrUnknownRegion = errors.New("standards: unknown region")

// ParseRegion parses a six-digit division code. It checks the form only
// (six digits, a province part from 11 to 82, county part not 00 under a
// prefecture part 00); whether the code exists is checked against a register.
func ParseRegion(s string) (Region, error) {
	if len(s) != 6 {
		return Region{}, fmt.Errorf("%w: %q is not six digits", ErrInvalidRegion, s)
	}
	n, ok := digits(s)
	if !ok {
		return Region{}, fmt.Errorf("%w: %q is not six digits", ErrInvalidRegion, s)
	}
	r := Region{code: uint32(n)}
	if !r.IsValid() {
		return Region{}, fmt.Errorf("%w: %q is not a division code", ErrInvalidRegion, s)
	}
	return r, nil
}

// MustRegion is ParseRegion for literals known to be valid; it panics otherwise.
func MustRegion(s string) Region {
	r, err := ParseRegion(s)
	if err != nil {
		panic(err)
	}
	return r
}

// IsValid reports whether r has the form of a division code.
func (r Region) IsValid() bool {
	c := r.code
	if c < 110000 || c > 829999 {
		return false
	}
	// A county part under a province-level "00" prefecture part does not exist.
	return !(c/100%100 == 0 && c%100 != 0)
}

// Code returns the six-digit code as an integer (0 for the zero Region).
func (r Region) Code() uint32 { return r.code }

// String returns the six-digit code ("" for the zero Region).
func (r Region) String() string {
	if r.code == 0 {
		return ""
	}
	return fmt.Sprintf("%06d", r.code)
}

// Level returns the level the code's structure implies.
func (r Region) Level() Level {
	switch {
	case !r.IsValid():
		return LevelUnknown
	case r.code%10000 == 0:
		return LevelProvince
	case r.code%100 == 0:
		return LevelPrefecture
	}
	return LevelCounty
}

// Parent returns the next level up (county → prefecture → province) and
// false for a province or an invalid code.
func (r Region) Parent() (Region, bool) {
	switch r.Level() {
	case LevelCounty:
		return Region{code: r.code / 100 * 100}, true
	case LevelPrefecture:
		return Region{code: r.code / 10000 * 10000}, true
	}
	return Region{}, false
}

// Province returns the province r belongs to (r itself for a province).
func (r Region) Province() Region {
	if !r.IsValid() {
		return Region{}
	}
	return Region{code: r.code / 10000 * 10000}
}

// Chain returns r and its ancestors, most specific first, in a fixed array
// (so that the lookup path does not allocate) and how many are used.
func (r Region) Chain() ([3]Region, int) {
	var out [3]Region
	n := 0
	for cur, ok := r, r.IsValid(); ok; cur, ok = cur.Parent() {
		out[n] = cur
		n++
	}
	return out, n
}

// Contains reports whether r is other or one of its ancestors.
func (r Region) Contains(other Region) bool {
	chain, n := other.Chain()
	for i := 0; i < n; i++ {
		if chain[i] == r {
			return true
		}
	}
	return false
}

// MarshalText encodes the six-digit code.
func (r Region) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText decodes a six-digit code.
func (r *Region) UnmarshalText(b []byte) error {
	v, err := ParseRegion(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Division is one entry of a register: a code, its Chinese name and its parent.
type Division struct {
	Region Region
	Name   string // official Chinese name, e.g. 道里区
	Parent Region // zero for a province
	Level  Level
}

// Divisions is an immutable register of division codes and names. Build one
// with NewDivisions or ParseDivisionsCSV; the zero value is an empty register.
// It is safe for concurrent use.
type Divisions struct {
	byCode map[Region]Division
	order  []Region
}

// NewDivisions checks and indexes a list of divisions: every code valid and
// unique, every parent present, and each parent the code's structural parent.
func NewDivisions(list []Division) (*Divisions, error) {
	d := &Divisions{byCode: make(map[Region]Division, len(list))}
	var errs []error
	for i, div := range list {
		if !div.Region.IsValid() {
			errs = append(errs, fmt.Errorf("divisions[%d]: %w: %q", i, ErrInvalidRegion, div.Region.String()))
			continue
		}
		if _, dup := d.byCode[div.Region]; dup {
			errs = append(errs, fmt.Errorf("divisions[%d]: duplicate code %s", i, div.Region))
			continue
		}
		if strings.TrimSpace(div.Name) == "" {
			errs = append(errs, fmt.Errorf("divisions[%d]: code %s has no name", i, div.Region))
		}
		div.Level = div.Region.Level()
		want, hasParent := div.Region.Parent()
		if hasParent && div.Parent != want || !hasParent && div.Parent != (Region{}) {
			errs = append(errs, fmt.Errorf("divisions[%d]: code %s has parent %q, want %q", i, div.Region, div.Parent.String(), want.String()))
		}
		d.byCode[div.Region] = div
		d.order = append(d.order, div.Region)
	}
	for i, r := range d.order {
		div := d.byCode[r]
		if div.Parent != (Region{}) {
			if _, ok := d.byCode[div.Parent]; !ok {
				errs = append(errs, fmt.Errorf("divisions[%d]: parent %s of %s is not in the register", i, div.Parent, r))
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(d.order, func(i, j int) bool { return d.order[i].code < d.order[j].code })
	return d, nil
}

// ParseDivisionsCSV reads a register in the CSV form
// "code,name,parent_code,level" with that header line, as published from the
// National Bureau of Statistics division-code list. The level column must
// agree with the code's structure.
func ParseDivisionsCSV(r io.Reader) (*Divisions, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = 4
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("standards: divisions CSV: %w", err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "code,name,parent_code,level" {
		return nil, errors.New("standards: divisions CSV: header must be code,name,parent_code,level")
	}
	var list []Division
	var errs []error
	for i, row := range rows[1:] {
		line := i + 2
		code, err := ParseRegion(row[0])
		if err != nil {
			errs = append(errs, fmt.Errorf("line %d: %w", line, err))
			continue
		}
		var parent Region
		if row[2] != "" {
			if parent, err = ParseRegion(row[2]); err != nil {
				errs = append(errs, fmt.Errorf("line %d: parent: %w", line, err))
				continue
			}
		}
		if row[3] != code.Level().String() {
			errs = append(errs, fmt.Errorf("line %d: level %q disagrees with code %s (%s)", line, row[3], code, code.Level()))
			continue
		}
		list = append(list, Division{Region: code, Name: row[1], Parent: parent})
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("standards: divisions CSV: %w", errors.Join(errs...))
	}
	return NewDivisions(list)
}

// Lookup returns the division with code r, or an error wrapping
// ErrUnknownRegion that names the code.
func (d *Divisions) Lookup(r Region) (Division, error) {
	if d != nil {
		if div, ok := d.byCode[r]; ok {
			return div, nil
		}
	}
	return Division{}, &RegionError{Region: r}
}

// Has reports whether the register holds r.
func (d *Divisions) Has(r Region) bool {
	if d == nil {
		return false
	}
	_, ok := d.byCode[r]
	return ok
}

// Len returns the number of divisions.
func (d *Divisions) Len() int {
	if d == nil {
		return 0
	}
	return len(d.order)
}

// All returns the divisions in code order (a fresh slice).
func (d *Divisions) All() []Division {
	if d == nil {
		return nil
	}
	out := make([]Division, len(d.order))
	for i, r := range d.order {
		out[i] = d.byCode[r]
	}
	return out
}

// FullName returns the names from the province down, e.g. 黑龙江省哈尔滨市道里区.
func (d *Divisions) FullName(r Region) (string, error) {
	chain, n := r.Chain()
	if n == 0 {
		return "", &RegionError{Region: r}
	}
	var b strings.Builder
	for i := n - 1; i >= 0; i-- {
		div, err := d.Lookup(chain[i])
		if err != nil {
			return "", err
		}
		b.WriteString(div.Name)
	}
	return b.String(), nil
}

// RegionError reports a region code the register does not hold.
type RegionError struct {
	Region Region
}

func (e *RegionError) Error() string {
	return fmt.Sprintf("standards: unknown region %s", e.Region)
}

// Unwrap returns ErrUnknownRegion.
func (e *RegionError) Unwrap() error { return ErrUnknownRegion }
