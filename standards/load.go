package standards

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"regexp"

	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
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
// for the format). It returns every problem at once, as a *problem.Error
// with JSON paths and stable codes; no input makes it panic. It runs in time
// O(n log n) in the size of the file.
func Load(data []byte, opts LoadOptions) (*Set, error) {
	var p report.List
	s := decodeFile(data, opts, &p, SubjectFile)
	if s == nil {
		return nil, p.Err(problem.SubjectStandards)
	}
	s.validate(&p)
	if err := p.Err(problem.SubjectStandards); err != nil {
		return nil, err
	}
	s.identity = identityOf(s)
	return s, nil
}

// LoadReader is Load for an io.Reader; it reads at most MaxFileSize+1 bytes.
func LoadReader(r io.Reader, opts LoadOptions) (*Set, error) {
	data, err := ReadAtMost(r, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return Load(data, opts)
}

// ReadAtMost reads r whole unless it is longer than limit bytes, in which
// case it stops at limit+1 and returns a *problem.Error (too_large). Every
// reader of the library's inputs goes through it.
func ReadAtMost(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		var p report.List
		p.Add("", report.MsgTooLargeRead, report.Int("limit", limit))
		return nil, p.Err(problem.SubjectInput)
	}
	return data, nil
}

// Subject of a decoded file, for its problems.
type fileSubject uint8

// SubjectFile marks a complete standards file; subjectSettings a local
// settings file merged over a base Set.
const (
	SubjectFile fileSubject = iota
	subjectSettings
)

// fileDoc is the top level of a standards file while it is read.
type fileDoc struct {
	s         *Set
	format    string
	divisions []Division
	hasDivs   bool
	divsPath  string
}

func decodeFile(data []byte, opts LoadOptions, p *report.List, subj fileSubject) *Set {
	d, ok := jsonx.Parse(data, MaxFileSize, p, "")
	if !ok {
		return nil
	}
	doc := &fileDoc{s: &Set{tables: make([]table, len(registry)), sourceIndex: map[string]int{},
		allowOutOfRange: opts.AllowOutOfRange}}
	if !fileFields.Decode(d, doc) {
		return nil
	}
	s := doc.s
	if doc.format != "" && doc.format != FormatVersion {
		p.Add("format", report.MsgFormat, report.Str("value", doc.format), report.Str("want", FormatVersion))
	}
	switch {
	case doc.hasDivs && opts.Divisions != nil && subj == SubjectFile:
		p.Add("divisions", report.MsgDivisionsBoth)
	case doc.hasDivs:
		s.divisions = newDivisions(doc.divisions, p, func(i int) string { return problem.Index("divisions", i) })
		s.ownDivisions = true
	case opts.Divisions != nil:
		s.divisions = opts.Divisions
	case subj == SubjectFile:
		p.Add("divisions", report.MsgNoDivisions)
	}
	if subj == SubjectFile && s.completeThrough.IsZero() && !p.Has("complete_through") {
		p.Add("complete_through", report.MsgRequired)
	}
	if subj == subjectSettings && doc.hasDivs {
		p.Add("divisions", report.MsgDivisionsBoth)
	}
	return s
}

var divisionFields = jsonx.NewFields(
	jsonx.Field[Division]{Name: "code", Required: true, Read: func(d *jsonx.Decoder, v *Division) { v.Region, _ = readRegion(d) }},
	jsonx.Field[Division]{Name: "name", Required: true, Read: func(d *jsonx.Decoder, v *Division) { v.Name, _ = d.String() }},
	jsonx.Field[Division]{Name: "parent", Read: func(d *jsonx.Decoder, v *Division) { v.Parent, _ = readRegion(d) }},
)

var sourceFields = jsonx.NewFields(
	stringField("document", true, func(s *Source) *string { return &s.Document }),
	stringField("short", false, func(s *Source) *string { return &s.Short }),
	stringField("title", false, func(s *Source) *string { return &s.Title }),
	stringField("issuer", false, func(s *Source) *string { return &s.Issuer }),
	stringField("url", false, func(s *Source) *string { return &s.URL }),
	enumField("reliability", true, reliabilityNames, func(s *Source) *Reliability { return &s.Reliability }),
	stringField("note", false, func(s *Source) *string { return &s.Note }),
)

var fileFields = jsonx.NewFields(
	jsonx.Field[fileDoc]{Name: "format", Required: true, Read: func(d *jsonx.Decoder, f *fileDoc) { f.format, _ = d.String() }},
	jsonx.Field[fileDoc]{Name: "name", Required: true, Read: func(d *jsonx.Decoder, f *fileDoc) {
		f.s.name, _ = d.String()
		if f.s.name == "" {
			d.Problem(report.MsgNotEmpty)
		}
	}},
	jsonx.Field[fileDoc]{Name: "jurisdiction", Required: true, Read: func(d *jsonx.Decoder, f *fileDoc) { f.s.jurisdiction, _ = readRegion(d) }},
	jsonx.Field[fileDoc]{Name: "complete_through", Read: func(d *jsonx.Decoder, f *fileDoc) { f.s.completeThrough, _ = readDate(d) }},
	jsonx.Field[fileDoc]{Name: "data_version", Read: func(d *jsonx.Decoder, f *fileDoc) { f.s.dataVersion, _ = d.String() }},
	jsonx.Field[fileDoc]{Name: "divisions", Read: func(d *jsonx.Decoder, f *fileDoc) {
		f.hasDivs = true
		d.Array(MaxDivisions, func(int) {
			var v Division
			divisionFields.Decode(d, &v)
			f.divisions = append(f.divisions, v)
		})
	}},
	jsonx.Field[fileDoc]{Name: "sources", Required: true, Read: func(d *jsonx.Decoder, f *fileDoc) {
		d.Object(func(key []byte) {
			id := string(key)
			if !sourceIDPattern.MatchString(id) {
				d.Problem(report.MsgSourceID, report.Str("id", id))
			}
			src := Source{ID: id}
			sourceFields.Decode(d, &src)
			f.s.sourceIndex[id] = len(f.s.sources)
			f.s.sources = append(f.s.sources, src)
		})
	}},
	jsonx.Field[fileDoc]{Name: "parameters", Required: true, Read: func(d *jsonx.Decoder, f *fileDoc) {
		d.Object(func(key []byte) {
			name := string(key)
			if name == "rounding" {
				d.Object(func(pt []byte) {
					f.readParam(d, "rounding."+string(pt), true)
				})
				return
			}
			f.readParam(d, name, false)
		})
	}},
)

func (f *fileDoc) readParam(d *jsonx.Decoder, name string, rounding bool) {
	k, ok := KeyByName(name)
	if !ok || (k.info().point != "") != rounding {
		d.Problem(report.MsgUnknownField, report.Str("field", lastSegment(name)))
		d.Skip()
		return
	}
	f.s.tables[k.info().index] = registry[k.info().index].decodeTable(d)
}

func lastSegment(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if name[i] == '.' {
			return name[i+1:]
		}
	}
	return name
}

// identityOf hashes the Set's canonical saved form.
func identityOf(s *Set) string {
	b, err := s.Save(SaveOptions{})
	if err != nil {
		return ""
	}
	h := sha256.Sum256(b)
	return "sha256:" + hex.EncodeToString(h[:])
}
