package standards

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
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

var levelNames = enum.New[Level]("level", "unknown", "province", "prefecture", "county")

// String returns "province", "prefecture", "county" or "unknown".
func (l Level) String() string { return levelNames.String(l) }

// MarshalText returns the level's name.
func (l Level) MarshalText() ([]byte, error) { return levelNames.Marshal(l) }

// UnmarshalText reads a level's name.
func (l *Level) UnmarshalText(b []byte) error { return levelNames.Unmarshal(b, l) }

// ErrInvalidRegion reports a string that is not a six-digit division code.
var ErrInvalidRegion = errors.New("standards: invalid region code")

// ErrUnknownRegion reports a well-formed code that the register does not hold.
var ErrUnknownRegion = errors.New("standards: unknown region")

// ParseRegion parses a six-digit division code. It checks the form only
// (six digits, a province part from 11 to 82, county part not 00 under a
// prefecture part 00); whether the code exists is checked against a register.
func ParseRegion(s string) (Region, error) { return parseRegion(s) }

// ParseRegionBytes is ParseRegion for a byte slice; it allocates nothing
// unless the text is refused.
func ParseRegionBytes(b []byte) (Region, error) { return parseRegion(b) }

func parseRegion[T ~string | ~[]byte](s T) (Region, error) {
	if len(s) != 6 {
		return Region{}, fmt.Errorf("%w: %q is not six digits", ErrInvalidRegion, string(s))
	}
	n, ok := digits(s)
	if !ok {
		return Region{}, fmt.Errorf("%w: %q is not six digits", ErrInvalidRegion, string(s))
	}
	r := Region{code: uint32(n)}
	if !r.IsValid() {
		return Region{}, fmt.Errorf("%w: %q is not a division code", ErrInvalidRegion, string(s))
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
	var b [10]byte
	return string(r.AppendTo(b[:0]))
}

// AppendTo appends String's form to b.
func (r Region) AppendTo(b []byte) []byte {
	if r.code == 0 {
		return b
	}
	if r.code > 999999 {
		return strconv.AppendUint(b, uint64(r.code), 10)
	}
	c := r.code
	return append(b, byte('0'+c/100000), byte('0'+c/10000%10), byte('0'+c/1000%10), byte('0'+c/100%10), byte('0'+c/10%10), byte('0'+c%10))
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

// MarshalText encodes the six-digit code; the zero Region encodes as "".
func (r Region) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText decodes a six-digit code ("" gives the zero Region).
func (r *Region) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*r = Region{}
		return nil
	}
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
	byCode map[Region]int // index into list
	list   []Division     // in code order
}

// MaxDivisions bounds a register.
const MaxDivisions = 100_000

// NewDivisions checks and indexes a list of divisions: every code valid and
// unique, every name given, every parent present and the code's structural
// parent. Every problem is reported, in a *problem.Error. It runs in
// O(n log n).
func NewDivisions(list []Division) (*Divisions, error) {
	var p report.List
	d := newDivisions(list, &p, func(i int) string { return problem.Index("divisions", i) })
	if err := p.Err(problem.SubjectStandards); err != nil {
		return nil, err
	}
	return d, nil
}

// newDivisions builds a register, reporting problems at path(i) of entry i.
func newDivisions(list []Division, p *report.List, path func(i int) string) *Divisions {
	d := &Divisions{byCode: make(map[Region]int, len(list))}
	if len(list) > MaxDivisions {
		p.Add(path(MaxDivisions), report.MsgTooManyItems, report.Int("n", int64(len(list))), report.Int("max", MaxDivisions))
		return nil
	}
	bad := p.Len()
	for i, div := range list {
		if !div.Region.IsValid() {
			p.Add(problem.Join(path(i), "code"), report.MsgBadRegion, report.Str("value", div.Region.String()))
			continue
		}
		if _, dup := d.byCode[div.Region]; dup {
			p.Add(problem.Join(path(i), "code"), report.MsgDivisionDuplicate, report.Str("code", div.Region.String()))
			continue
		}
		if strings.TrimSpace(div.Name) == "" {
			p.Add(problem.Join(path(i), "name"), report.MsgDivisionName, report.Str("code", div.Region.String()))
		}
		div.Level = div.Region.Level()
		want, hasParent := div.Region.Parent()
		if hasParent && div.Parent != want || !hasParent && div.Parent != (Region{}) {
			p.Add(problem.Join(path(i), "parent"), report.MsgDivisionParent, report.Str("code", div.Region.String()),
				report.Str("parent", div.Parent.String()), report.Str("want", want.String()))
		}
		d.byCode[div.Region] = len(d.list)
		d.list = append(d.list, div)
	}
	for i, div := range d.list {
		if div.Parent != (Region{}) {
			if _, ok := d.byCode[div.Parent]; !ok {
				p.Add(problem.Join(path(i), "parent"), report.MsgDivisionParentMissing, report.Str("code", div.Region.String()),
					report.Str("parent", div.Parent.String()))
			}
		}
	}
	if p.Len() > bad {
		return nil
	}
	slices.SortFunc(d.list, func(a, b Division) int { return int(a.Region.code) - int(b.Region.code) })
	for i, div := range d.list {
		d.byCode[div.Region] = i
	}
	return d
}

// DivisionsHeader is the header line of the register's CSV form.
const DivisionsHeader = "code,name,parent_code,level"

// ParseDivisionsCSV reads a register in the CSV form "code,name,parent_code,level"
// with that header line, as published from the National Bureau of
// Statistics division-code list. The level column must agree with the
// code's structure. It reads at most MaxFileSize bytes, and reports every
// problem (paths are "line N") in a *problem.Error.
func ParseDivisionsCSV(r io.Reader) (*Divisions, error) {
	var p report.List
	cr := csv.NewReader(io.LimitReader(r, MaxFileSize+1))
	cr.FieldsPerRecord = 4
	cr.ReuseRecord = true
	line := func(n int) string { return fmt.Sprintf("line %d", n) }
	var list []Division
	var lines []int
	n := 0
	read := int64(0)
	for {
		row, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		n++
		off := cr.InputOffset()
		if off > MaxFileSize {
			p.Add("", report.MsgTooLargeRead, report.Int("limit", MaxFileSize))
			break
		}
		read = off
		if err != nil {
			p.Add(line(n), report.MsgSyntax, report.Int("offset", read), report.Words("what", "CSV 格式错误", err.Error()))
			break
		}
		if n == 1 {
			if strings.Join(row, ",") != DivisionsHeader {
				p.Add(line(1), report.MsgDivisionHeader, report.Str("want", DivisionsHeader))
				break
			}
			continue
		}
		code, err := ParseRegion(row[0])
		if err != nil {
			p.Add(line(n), report.MsgBadRegion, report.Str("value", row[0]))
			continue
		}
		var parent Region
		if row[2] != "" {
			if parent, err = ParseRegion(row[2]); err != nil {
				p.Add(line(n), report.MsgBadRegion, report.Str("value", row[2]))
				continue
			}
		}
		if row[3] != code.Level().String() {
			p.Add(line(n), report.MsgDivisionLevel, report.Str("level", row[3]), report.Str("code", code.String()),
				report.Str("want", code.Level().String()))
			continue
		}
		list = append(list, Division{Region: code, Name: row[1], Parent: parent})
		lines = append(lines, n)
	}
	if n == 0 {
		p.Add(line(1), report.MsgDivisionHeader, report.Str("want", DivisionsHeader))
	}
	if err := p.Err(problem.SubjectStandards); err != nil {
		return nil, err
	}
	d := newDivisions(list, &p, func(i int) string {
		if i < len(lines) {
			return line(lines[i])
		}
		return ""
	})
	if err := p.Err(problem.SubjectStandards); err != nil {
		return nil, err
	}
	return d, nil
}

// Lookup returns the division with code r, or an error wrapping
// ErrUnknownRegion that names the code.
func (d *Divisions) Lookup(r Region) (Division, error) {
	if d != nil {
		if i, ok := d.byCode[r]; ok {
			return d.list[i], nil
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

// Index returns r's position in the register's code order (0 … Len−1), for
// tables indexed by division.
func (d *Divisions) Index(r Region) (int, bool) {
	if d == nil {
		return 0, false
	}
	i, ok := d.byCode[r]
	return i, ok
}

// Name returns the division's Chinese name, or "" when the register does
// not hold it.
func (d *Divisions) Name(r Region) string {
	if d != nil {
		if i, ok := d.byCode[r]; ok {
			return d.list[i].Name
		}
	}
	return ""
}

// Len returns the number of divisions.
func (d *Divisions) Len() int {
	if d == nil {
		return 0
	}
	return len(d.list)
}

// All returns the divisions in code order (a fresh slice).
func (d *Divisions) All() []Division {
	if d == nil {
		return nil
	}
	return slices.Clone(d.list)
}

// At returns the i-th division in code order.
func (d *Divisions) At(i int) Division { return d.list[i] }

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

// Label returns "道里区 (230102)" — the name and code, or the code alone when
// the register does not hold it.
func (d *Divisions) Label(r Region) string {
	if n := d.Name(r); n != "" {
		return n + " (" + r.String() + ")"
	}
	return r.String()
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
