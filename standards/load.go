package standards

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/dibao-go/dibao/internal/jsonw"
)

// FormatVersion is the value of the "format" field this package reads and writes.
const FormatVersion = "dibao-standards/1"

// MaxFileSize is the largest standards file Load accepts (16 MiB).
const MaxFileSize = 16 << 20

// LoadOptions adjusts Load. The zero value is the strict default.
type LoadOptions struct {
	// AllowOutOfRange accepts values outside the policy's range (an edge
	// multiple of 2.5, a supplement rate under 15 %, fewer than five tiers,
	// …) for reform simulations. Values outside any sensible range (negative
	// amounts, a multiple of 50) are refused all the same.
	AllowOutOfRange bool
	// Divisions supplies the division register when the file has no
	// "divisions" field. Giving both is an error.
	Divisions *Divisions
}

var sourceIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._:-]{0,63}$`)

// Load reads and validates a standards file (see the package documentation
// for the format). It returns every problem at once as a *LoadError, each
// with its JSON path; no input makes it panic.
func Load(data []byte, opts LoadOptions) (*Set, error) {
	p := &problems{}
	root, ok := jsonw.Parse(data, MaxFileSize, p)
	if !ok {
		return nil, loadError(p)
	}
	s := decodeSet(p, root, opts)
	if s == nil {
		return nil, loadError(p)
	}
	// The semantic checks run even when decoding found problems, so that
	// one pass reports everything; values that failed to decode are skipped.
	s.validateInto(p)
	if err := loadError(p); err != nil {
		return nil, err
	}
	return s, nil
}

func decodeSet(p *problems, root any, opts LoadOptions) *Set {
	o, ok := jsonw.AsObject(p, root, "")
	if !ok {
		return nil
	}
	s := &Set{sources: map[string]Source{}, tables: map[Param]*table{}, allowOutOfRange: opts.AllowOutOfRange}
	if f := o.Str("format", true); f != "" && f != FormatVersion {
		p.Add("format", CodeBadCode, "format %q is not %q", f, FormatVersion)
	}
	s.name = o.Str("name", true)
	s.jurisdiction = jsonw.Parsed(o, "jurisdiction", true, CodeBadCode, ParseRegion)
	s.completeThrough = dateField(o, "complete_through", true)

	if dv, dp, present := o.Get("divisions"); present {
		if opts.Divisions != nil {
			p.Add(dp, CodeDuplicate, "the file has divisions and LoadOptions.Divisions is set; give one")
		}
		s.divisions = decodeDivisions(p, dv, dp)
		s.filedDivisions = true
	} else if opts.Divisions != nil {
		s.divisions = opts.Divisions
	} else {
		p.Add(dp, CodeRequired, "no division register: add \"divisions\" or pass LoadOptions.Divisions")
	}
	if s.divisions != nil && s.jurisdiction.IsValid() && !s.divisions.Has(s.jurisdiction) {
		p.Add("jurisdiction", CodeUnknownRegion, "jurisdiction %s is not in the division register", s.jurisdiction)
	}

	if sv, sp, present := o.Get("sources"); !present {
		p.Add(sp, CodeRequired, "required")
	} else if so, ok := jsonw.AsObject(p, sv, sp); ok {
		for _, id := range so.Keys() {
			src, ok := decodeSource(p, so, id)
			if ok {
				s.sources[id] = src
				s.sourceOrder = append(s.sourceOrder, id)
			}
		}
		so.Close()
	}

	if pv, pp, present := o.Get("parameters"); !present {
		p.Add(pp, CodeRequired, "required")
	} else if po, ok := jsonw.AsObject(p, pv, pp); ok {
		for _, sp := range specs() {
			if strings.HasPrefix(string(sp.param), "rounding.") {
				continue
			}
			if v, path, present := po.Get(string(sp.param)); present {
				s.tables[sp.param] = decodeTable(p, sp, v, path)
			}
		}
		if rv, rp, present := po.Get("rounding"); present {
			if ro, ok := jsonw.AsObject(p, rv, rp); ok {
				for _, pt := range roundingPoints {
					if v, path, present := ro.Get(string(pt)); present {
						sp, _ := specByParam(pt.Param())
						s.tables[sp.param] = decodeTable(p, *sp, v, path)
					}
				}
				ro.Close()
			}
		}
		po.Close()
	}
	o.Close()
	return s
}

func decodeDivisions(p *problems, v any, path string) *Divisions {
	arr, ok := jsonw.AsArray(p, v, path)
	if !ok {
		return nil
	}
	list := make([]Division, 0, len(arr))
	for i, x := range arr {
		o, ok := jsonw.AsObject(p, x, jsonw.Index(path, i))
		if !ok {
			continue
		}
		d := Division{
			Region: jsonw.Parsed(o, "code", true, CodeBadCode, ParseRegion),
			Name:   o.Str("name", true),
			Parent: jsonw.Parsed(o, "parent", false, CodeBadCode, ParseRegion),
		}
		o.Close()
		list = append(list, d)
	}
	divs, err := NewDivisions(list)
	if err != nil {
		p.Add(path, CodeInconsistent, "%v", strings.ReplaceAll(err.Error(), "\n", "; "))
		return nil
	}
	return divs
}

func decodeSource(p *problems, so *object, id string) (Source, bool) {
	v, path, _ := so.Get(id)
	if !sourceIDPattern.MatchString(id) {
		p.Add(path, CodeBadCode, "source id %q must be 1–64 of a-z 0-9 . _ : - starting with a letter or digit", id)
		return Source{}, false
	}
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return Source{}, false
	}
	src := Source{ID: id}
	src.Document = o.Str("document", true)
	src.Short = o.Str("short", false)
	src.Title = o.Str("title", false)
	src.Issuer = o.Str("issuer", false)
	src.URL = o.Str("url", false)
	src.Note = o.Str("note", false)
	if r := o.Str("reliability", true); r != "" {
		rel, err := ParseReliability(r)
		if err != nil {
			p.Add(jsonw.Join(path, "reliability"), CodeBadCode, "%v", err)
		}
		src.Reliability = rel
	}
	o.Close()
	return src, true
}

func decodeTable(p *problems, sp spec, v any, path string) *table {
	arr, ok := jsonw.AsArray(p, v, path)
	if !ok {
		return nil
	}
	t := &table{param: sp.param}
	for i, x := range arr {
		sPath := jsonw.Index(path, i)
		o, ok := jsonw.AsObject(p, x, sPath)
		if !ok {
			continue
		}
		ser := &series{path: sPath}
		if rv, rp, present := o.Get("regions"); !present {
			p.Add(rp, CodeRequired, "required")
		} else if ra, ok := jsonw.AsArray(p, rv, rp); ok {
			for j, rx := range ra {
				rs, ok := jsonw.String(p, rx, jsonw.Index(rp, j))
				if !ok {
					continue
				}
				r, err := ParseRegion(rs)
				if err != nil {
					p.Add(jsonw.Index(rp, j), CodeBadCode, "%v", err)
					continue
				}
				ser.regions = append(ser.regions, r)
			}
		}
		a, err := ParseArea(o.Str("area", false))
		if err != nil {
			p.Add(jsonw.Join(sPath, "area"), CodeBadCode, "%v", err)
		}
		ser.area = a
		ser.completeThrough = dateField(o, "complete_through", false)
		if vv, vp, present := o.Get("values"); !present {
			p.Add(vp, CodeRequired, "required")
		} else if va, ok := jsonw.AsArray(p, vv, vp); ok {
			for j, ex := range va {
				if e, ok := decodeEntry(p, sp, ex, jsonw.Index(vp, j)); ok {
					ser.values = append(ser.values, e)
				}
			}
		}
		o.Close()
		t.series = append(t.series, ser)
	}
	return t
}

func decodeEntry(p *problems, sp spec, v any, path string) (entry, bool) {
	o, ok := jsonw.AsObject(p, v, path)
	if !ok {
		return entry{}, false
	}
	e := entry{path: path}
	e.from = dateField(o, "from", true)
	e.until = dateField(o, "until", false)
	e.published = dateField(o, "published", false)
	e.publishedGiven = !e.published.IsZero()
	e.source = o.Str("source", true)
	e.clause = o.Str("clause", false)
	e.note = o.Str("note", false)
	vv, vp, present := o.Get("value")
	if !present {
		p.Add(vp, CodeRequired, "required")
	} else if val, ok := sp.decode(p, vv, vp); ok {
		e.v = val
	}
	o.Close()
	return e, true
}

// validate checks a decoded (or reformed) Set as a whole and builds its
// indexes. Every problem is reported, with the path of the value at fault.
func (s *Set) validate() error {
	p := &problems{}
	s.validateInto(p)
	return loadError(p)
}

func (s *Set) validateInto(p *problems) {
	c := &checker{p: p, allow: s.allowOutOfRange}
	for _, sp := range specs() {
		t := s.tables[sp.param]
		if t == nil {
			continue
		}
		t.index = map[seriesKey]*series{}
		for _, ser := range t.series {
			s.validateSeries(c, sp, t, ser)
		}
	}
	s.validateTierMap(p)
}

func (s *Set) validateSeries(c *checker, sp spec, t *table, ser *series) {
	p := c.p
	if sp.areaRequired && ser.area == AreaAny {
		p.Add(jsonw.Join(ser.path, "area"), CodeAreaRequired, "%s is split by area: give \"urban\" or \"rural\"", sp.param)
	}
	if len(ser.regions) == 0 {
		p.Add(jsonw.Join(ser.path, "regions"), CodeRequired, "at least one region is required")
	}
	for j, r := range ser.regions {
		rp := jsonw.Index(jsonw.Join(ser.path, "regions"), j)
		// Without a usable register (already reported) regions are still
		// indexed, so that overlaps are found.
		if s.divisions != nil && !s.divisions.Has(r) {
			p.Add(rp, CodeUnknownRegion, "region %s is not in the division register", r)
			continue
		}
		if s.jurisdiction.IsValid() && !s.jurisdiction.Contains(r) {
			p.Add(rp, CodeUnknownRegion, "region %s is outside the jurisdiction %s", r, s.jurisdiction)
		}
		k := seriesKey{r, ser.area}
		if prev := t.index[k]; prev != nil {
			p.Add(rp, CodeOverlap, "region %s%s already has a %s series at %s", r, areaSuffix(ser.area), sp.param, prev.path)
			continue
		}
		t.index[k] = ser
	}
	if len(ser.values) == 0 {
		p.Add(jsonw.Join(ser.path, "values"), CodeRequired, "at least one value is required")
	}
	for j := range ser.values {
		e := &ser.values[j]
		if _, ok := s.sources[e.source]; !ok && e.source != "" {
			p.Add(jsonw.Join(e.path, "source"), CodeBadCode, "source %q is not declared in \"sources\"", e.source)
		}
		if !e.until.IsZero() && e.until.Before(e.from) {
			p.Add(jsonw.Join(e.path, "until"), CodeInconsistent, "until %s is before from %s", e.until, e.from)
		}
		if e.v != nil {
			sp.check(c, e.v, jsonw.Join(e.path, "value"))
		}
		if j == 0 {
			continue
		}
		prev := &ser.values[j-1]
		if e.from.IsZero() || prev.from.IsZero() {
			continue // a bad date, already reported
		}
		if !e.from.After(prev.from) {
			p.Add(jsonw.Join(e.path, "from"), CodeUnordered, "from %s is not after the previous value's %s", e.from, prev.from)
			continue
		}
		if !prev.until.IsZero() {
			next := prev.until.AddDays(1)
			if next.Before(e.from) {
				p.Add(jsonw.Join(prev.path, "until"), CodeGap, "nothing is in force from %s to %s", next, e.from.AddDays(-1))
			} else if e.from.Before(next) {
				p.Add(jsonw.Join(prev.path, "until"), CodeOverlap, "until %s overlaps the next value from %s", prev.until, e.from)
			}
		}
	}
}

func areaSuffix(a Area) string {
	if a == AreaAny {
		return ""
	}
	return " (" + a.String() + ")"
}

// validateTierMap checks that on every date the minimum-wage tier map or the
// minimum-wage table changes, every county-level division of the register
// resolves to a tier, and that the tier has a rate in the table in force.
func (s *Set) validateTierMap(p *problems) {
	tiers := s.tables[ParamMinimumWageTier]
	if tiers == nil || s.divisions == nil || p.Len() > 0 {
		// With other problems present the map may hold undecoded values;
		// its coverage is checked once they are fixed.
		return
	}
	var dates []Date
	var first Date
	for _, param := range []Param{ParamMinimumWageTier, ParamMinimumWage} {
		t := s.tables[param]
		if t == nil {
			continue
		}
		for _, ser := range t.series {
			for _, e := range ser.values {
				dates = append(dates, e.from)
				if !e.until.IsZero() {
					dates = append(dates, e.until.AddDays(1))
				}
				if param == ParamMinimumWageTier && (first.IsZero() || e.from.Before(first)) {
					first = e.from
				}
			}
		}
	}
	slices.SortFunc(dates, Date.Compare)
	dates = slices.Compact(dates)
	for _, d := range dates {
		if d.Before(first) {
			continue
		}
		for _, div := range s.divisions.All() {
			if div.Level != LevelCounty || s.jurisdiction.IsValid() && !s.jurisdiction.Contains(div.Region) {
				continue
			}
			q := Query{Region: div.Region, Date: d}
			_, e, err := s.find(ParamMinimumWageTier, q)
			if err != nil {
				p.Add("parameters."+string(ParamMinimumWageTier), CodeMissingTier, "region %s (%s) has no minimum-wage tier on %s", div.Region, div.Name, d)
				continue
			}
			if s.tables[ParamMinimumWage] == nil {
				continue
			}
			_, we, err := s.find(ParamMinimumWage, q)
			if err != nil {
				p.Add("parameters."+string(ParamMinimumWage), CodeMissingTier, "no minimum-wage table on %s, when region %s has tier %d", d, div.Region, e.v.(int))
				continue
			}
			if _, ok := we.v.(MinimumWage).Tier(e.v.(int)); !ok {
				p.Add(e.path, CodeMissingTier, "tier %d of region %s on %s has no rate in the minimum-wage table in force (%s)", e.v.(int), div.Region, d, we.path)
			}
		}
	}
}

// LoadReader is Load for an io.Reader; it reads at most MaxFileSize+1 bytes.
func LoadReader(r io.Reader, opts LoadOptions) (*Set, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("standards: reading: %w", err)
	}
	return Load(data, opts)
}

// IsLoadError reports whether err is (or wraps) a *LoadError and returns it.
func IsLoadError(err error) (*LoadError, bool) {
	var le *LoadError
	ok := errors.As(err, &le)
	return le, ok
}
