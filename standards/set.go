package standards

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/problem"
)

// ErrNotCovered is wrapped by every *LookupError: the Set holds no value of
// the parameter for the region and date asked. It is problem.ErrNotCovered.
var ErrNotCovered = problem.ErrNotCovered

// ErrInvalidStandards is the kind of every error about a standards file,
// local settings or a reform: problem.ErrInvalid.
var ErrInvalidStandards = problem.ErrInvalid

// ErrAreaRequired reports a lookup of an area-split parameter (the 低保
// standard, 特困 support) without an area class.
var ErrAreaRequired = errors.New("standards: area class required")

// Set is a validated, immutable collection of dated, sourced parameters for
// one jurisdiction. Build one with Load (or derive one with Apply or Merge);
// the zero Set holds nothing and answers every lookup with an error. A *Set
// is safe for concurrent use.
type Set struct {
	name            string
	jurisdiction    Region
	completeThrough Date
	dataVersion     string
	divisions       *Divisions
	ownDivisions    bool // the divisions came from the file
	sources         []Source
	sourceIndex     map[string]int
	tables          []table // by key index; nil where the Set holds nothing
	allowOutOfRange bool
	identity        string
}

// Source is a document values come from. Sources are declared once in a
// standards file and referred to by ID from each value.
type Source struct {
	ID          string      // key within the file, e.g. "harbin-2023"
	Document    string      // document number or name, e.g. 哈民政规〔2023〕6号
	Short       string      // English short name for citations, e.g. HLJ-2021-11 ("" to use Document)
	Title       string      // title, if known
	Issuer      string      // issuing body, if known
	URL         string      // where it was read, if known
	Reliability Reliability // how far the copy used can be trusted
	Note        string      // anything a reader should know: for an assumed value, why it is assumed
}

// Query asks for the value in force for a region, an area class and a date.
//
// Region is the division the household is assessed in (for the minimum-wage
// tier: the place of work). Area is needed for the area-split parameters
// (the 低保 standard, 特困 support) and otherwise selects an area-specific
// value where one exists. KnownOn, when set, makes the lookup "as of": values
// published after KnownOn are ignored, so a past month can be recomputed
// exactly as it was then.
type Query struct {
	Region  Region
	Area    Area
	Date    Date
	KnownOn Date
}

// Provenance tells where a value came from and when it applies. Every value a
// Set returns carries one.
type Provenance struct {
	Key    AnyKey // the parameter looked up
	Region Region // the region of the series that answered (may be an ancestor of the one asked for)
	Area   Area   // the area class of that series (AreaAny when it is not split)

	From  Date // first day the value is in force
	Until Date // last day it is in force; zero when open-ended
	// Published is the day the value was made public. When the source gives
	// no date, Published equals From and PublishedGiven is false.
	Published      Date
	PublishedGiven bool

	Source Source // the document
	Clause string // clause or table within it, e.g. 四（一）
	Note   string // remarks recorded with the value

	// Stale is set when the date looked up lies after the date through which
	// the data is known complete: the value is the latest the data holds,
	// but a newer one may exist.
	Stale bool
	// CompleteThrough is the date through which the data behind this value
	// is declared complete (the series' own, or the Set's).
	CompleteThrough Date
	// ValidThrough is the last day on which the same query (region, area,
	// as-of date) would give this same value and provenance; zero when open.
	ValidThrough Date
}

// Assumed reports a value no source settles, embedded because a decision
// cannot be made without it.
func (p Provenance) Assumed() bool { return p.Source.Reliability == ReliabilityAssumed }

// Value is a parameter's value together with its provenance.
type Value[T any] struct {
	V T
	Provenance
}

// Name returns the Set's name.
func (s *Set) Name() string { return s.name }

// Jurisdiction returns the region the Set is for (a province, usually).
func (s *Set) Jurisdiction() Region { return s.jurisdiction }

// CompleteThrough returns the date through which the data is declared
// complete; lookups after it are marked Stale.
func (s *Set) CompleteThrough() Date { return s.completeThrough }

// DataVersion returns the data's version as the file declares it ("" when
// it declares none).
func (s *Set) DataVersion() string { return s.dataVersion }

// Identity returns a content hash of the Set ("sha256:…" of its canonical
// saved form), so that a decision can name exactly the standards it used.
func (s *Set) Identity() string { return s.identity }

// Divisions returns the Set's division register.
func (s *Set) Divisions() *Divisions { return s.divisions }

// Sources returns the sources the Set declares, in file order.
func (s *Set) Sources() []Source { return append([]Source(nil), s.sources...) }

// AllowsOutOfRange reports a Set that accepted values outside the policy's
// range (a reform simulation).
func (s *Set) AllowsOutOfRange() bool { return s.allowOutOfRange }

// Params returns the parameters the Set holds values for, in the order of
// Keys.
func (s *Set) Params() []AnyKey {
	var out []AnyKey
	for _, k := range Keys() {
		if s.tables[k.info().index] != nil {
			out = append(out, k)
		}
	}
	return out
}

// Has reports whether the Set holds any value of the key.
func (s *Set) Has(k AnyKey) bool {
	i := k.info().index
	return s != nil && i < len(s.tables) && s.tables[i] != nil
}

// Lookup returns a parameter's value in force for the query, with its
// provenance. It walks the region's chain from the region itself up to the
// province; at each level an area-specific series is tried before an
// unsplit one, and the first series with a value in force answers. A
// parameter the Set does not hold for the region and date is a
// *LookupError (wrapping ErrNotCovered), never a default.
func Lookup[T any](s *Set, k Key[T], q Query) (Value[T], error) {
	if err := s.checkQuery(k, q); err != nil {
		return Value[T]{}, err
	}
	t, _ := s.tables[k.d.index].(*tableOf[T])
	var vt Date
	if t != nil {
		var ser *series[T]
		var e *entry[T]
		if ser, e, vt = t.find(q); e != nil {
			v := e.v
			if k.d.clone != nil {
				v = k.d.clone(v)
			}
			return Value[T]{V: v, Provenance: s.provenance(k, &ser.head, &e.meta, q, vt)}, nil
		}
	}
	err := s.notCovered(k, q)
	err.ValidThrough = vt
	return Value[T]{}, err
}

// LookupAny is Lookup for a key of any type; V is the value as Lookup
// would return it. It serves listings.
func LookupAny(s *Set, k AnyKey, q Query) (any, Provenance, error) {
	return k.lookupAny(s, q)
}

func (s *Set) checkQuery(k AnyKey, q Query) error {
	if s == nil || s.tables == nil {
		return &LookupError{Key: k, Region: q.Region, Area: q.Area, Date: q.Date, KnownOn: q.KnownOn}
	}
	if q.Date.IsZero() {
		return fmt.Errorf("standards: lookup of %s without a date: %w", k.Name(), ErrInvalidDate)
	}
	if !s.divisions.Has(q.Region) {
		return fmt.Errorf("standards: lookup of %s: %w", k.Name(), &RegionError{Region: q.Region})
	}
	if k.AreaSplit() && q.Area == AreaAny {
		return fmt.Errorf("standards: lookup of %s for %s: %w", k.Name(), q.Region, ErrAreaRequired)
	}
	return nil
}

func (s *Set) provenance(k AnyKey, ser *seriesHead, e *entryMeta, q Query, vt Date) Provenance {
	pr := Provenance{
		Key:            k,
		Region:         ser.regionFor(q.Region),
		Area:           ser.area,
		From:           e.from,
		Until:          e.until,
		Published:      e.knownFrom(),
		PublishedGiven: e.publishedGiven,
		Clause:         e.clause,
		Note:           e.note,
		ValidThrough:   vt,
	}
	if e.source >= 0 && e.source < len(s.sources) {
		pr.Source = s.sources[e.source]
	}
	ct := s.completeThrough
	if !ser.completeThrough.IsZero() {
		ct = ser.completeThrough
	}
	pr.CompleteThrough = ct
	pr.Stale = !ct.IsZero() && q.Date.After(ct)
	if !pr.Stale && !ct.IsZero() && (pr.ValidThrough.IsZero() || ct.Before(pr.ValidThrough)) {
		pr.ValidThrough = ct // the next day turns stale
	}
	return pr
}

// LookupError reports a parameter the Set does not hold for a region, area
// and date. It wraps ErrNotCovered.
type LookupError struct {
	Key     AnyKey
	Region  Region
	Area    Area
	Date    Date
	KnownOn Date // zero unless an as-of lookup
	// RegionName is the region's name in the Set's register.
	RegionName string
	// Covered says what the Set holds for the parameter along the region's
	// chain, or for which regions it holds it at all ("" when nothing), in
	// Chinese and English.
	Covered [2]string
	// ValidThrough is the last day on which the same query finds nothing
	// either (zero: no value ever starts later).
	ValidThrough Date
}

func (e *LookupError) Error() string {
	var b strings.Builder
	name := "?"
	if e.Key != nil {
		name = e.Key.Name()
	}
	fmt.Fprintf(&b, "standards: no %s for region %s", name, e.Region)
	if e.Area != AreaAny {
		fmt.Fprintf(&b, " (%s)", e.Area)
	}
	fmt.Fprintf(&b, " on %s", e.Date)
	if !e.KnownOn.IsZero() {
		fmt.Fprintf(&b, " as known on %s", e.KnownOn)
	}
	if e.Covered[1] != "" {
		b.WriteString("; the data covers ")
		b.WriteString(e.Covered[1])
	} else {
		b.WriteString("; the data holds no value for this region or the divisions above it")
	}
	return b.String()
}

// Unwrap returns ErrNotCovered.
func (e *LookupError) Unwrap() error { return ErrNotCovered }

// notCovered builds the error for a lookup the Set cannot answer, saying
// what it does hold for the parameter (regions named).
func (s *Set) notCovered(k AnyKey, q Query) *LookupError {
	e := &LookupError{Key: k, Region: q.Region, Area: q.Area, Date: q.Date, KnownOn: q.KnownOn, RegionName: s.divisions.Name(q.Region)}
	if t := s.tables[k.info().index]; t != nil {
		e.Covered = t.coverage(s, q)
	}
	return e
}

// Problem returns the error as a not_covered problem at path, with a
// message in both languages that names the parameter, the region (with its
// name), the area class, the date, and what the data covers; the hint says
// how to supply the value.
func (e *LookupError) Problem(path string) problem.Problem {
	param := text.Pair{"?", "?"}
	if e.Key != nil {
		param = e.Key.info().names
	}
	region := e.Region.String()
	if e.RegionName != "" {
		region = e.RegionName + " (" + region + ")"
	}
	area := text.AreaAfter(e.Area.String())
	args := []report.Arg{report.Words("param", param[0], param[1]), report.Str("region", region),
		report.Words("area", area[0], area[1]), report.Date("date", e.Date.Year(), int(e.Date.Month()), e.Date.Day())}
	m := report.MsgNotCoveredAnywhere
	if e.Covered[0] != "" {
		m = report.MsgNotCovered
		args = append(args, report.Words("covered", e.Covered[0], e.Covered[1]))
	}
	pr := report.New(path, m, args...)
	name := "?"
	if e.Key != nil {
		name = e.Key.Name()
	}
	pr.Hint = "give " + name + " for this region and date in a local settings file (standards.Merge) or a standards file of your own (standards.Load)"
	return pr
}

// ProblemOf returns a lookup's error as a problem at path: a value the Set
// does not hold (not_covered) or a region its register does not hold
// (unknown_region). It reports false for other errors.
func ProblemOf(err error, path string) (problem.Problem, bool) {
	var le *LookupError
	var re *RegionError
	switch {
	case errors.As(err, &le):
		return le.Problem(path), true
	case errors.As(err, &re):
		return report.New(path, report.MsgRegionUnknown, report.Str("region", re.Region.String())), true
	}
	return problem.Problem{}, false
}
