package conformance

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

//go:embed cases/*.json
var embedded embed.FS

// Cases returns the suite's cases, in file-name order.
func Cases() ([]Case, error) { return ReadCases(embedded, "cases") }

// Case is one conformance case. See the package documentation for the form.
type Case struct {
	ID          string          `json:"id"`
	Rules       []string        `json:"rules"`
	Description string          `json:"description"`
	Standards   StandardsRef    `json:"standards"`
	Request     json.RawMessage `json:"request,omitempty"`
	Expect      Expect          `json:"expect"`
	Note        string          `json:"note"`
	// File is the case's file name (not part of the form).
	File string `json:"-"`
}

// StandardsRef names the standards a case runs on: the embedded
// Heilongjiang data ("base": "heilongjiang") with optional local settings
// merged over it by dated values, or a complete file of its own ("inline",
// its own division register included).
type StandardsRef struct {
	Base            string          `json:"base,omitempty"`
	Settings        json.RawMessage `json:"settings,omitempty"`
	Inline          json.RawMessage `json:"inline,omitempty"`
	AllowOutOfRange bool            `json:"allow_out_of_range,omitempty"`
}

// MaxCaseSize bounds a case file.
const MaxCaseSize = 16 << 20

// ReadCases reads every *.json file of dir in fsys as a Case. A case file
// must be strict JSON (no key twice) with no unknown fields, and have an id,
// its rules and a note with the hand arithmetic; ids are unique.
func ReadCases(fsys fs.FS, dir string) ([]Case, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Case
	seen := map[string]string{}
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		c, err := ParseCase(b)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if other, dup := seen[c.ID]; dup {
			return nil, fmt.Errorf("%s: id %q is used by %s too", n, c.ID, other)
		}
		seen[c.ID] = n
		c.File = path.Base(n)
		out = append(out, c)
	}
	return out, nil
}

// ParseCase reads one case.
func ParseCase(b []byte) (Case, error) {
	var p report.List
	if !jsonx.Strict(b, MaxCaseSize, &p) {
		return Case{}, p.Err(problem.SubjectCase)
	}
	var c Case
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return Case{}, err
	}
	if c.ID == "" || c.Note == "" || len(c.Rules) == 0 {
		return Case{}, fmt.Errorf("a case needs an id, its rules and a note with the hand arithmetic")
	}
	if (c.Standards.Base == "") == (len(c.Standards.Inline) == 0) {
		return Case{}, fmt.Errorf("a case names its standards: a base or an inline file")
	}
	if len(c.Standards.Inline) > 0 && len(c.Standards.Settings) > 0 {
		return Case{}, fmt.Errorf("settings go with a base, not with an inline file")
	}
	return c, nil
}

// Files are the standards a case sends: the file to load (the base with its
// settings merged, or the inline file) and, for settings that must be
// refused, the base and the settings apart.
type Files struct {
	Standards []byte // a complete standards file; nil when the merge is refused
	Base      []byte // with Settings: the complete base file the settings merge over
	Settings  []byte
	Refusal   error // why this library refuses them (nil when it loads them)
}

// Build returns the Set a case runs on, or the error that refuses it.
func Build(ref StandardsRef) (*standards.Set, error) {
	if len(ref.Inline) > 0 {
		return standards.Load(ref.Inline, standards.LoadOptions{AllowOutOfRange: ref.AllowOutOfRange})
	}
	if ref.Base != "heilongjiang" {
		return nil, fmt.Errorf("conformance: unknown base %q (the suite knows \"heilongjiang\")", ref.Base)
	}
	base, err := heilongjiang.Set()
	if err != nil || len(ref.Settings) == 0 {
		return base, err
	}
	return standards.Merge(base, ref.Settings, standards.MergeOptions{AllowOutOfRange: ref.AllowOutOfRange})
}

// StandardsFiles returns the files a case sends to an implementation.
func StandardsFiles(ref StandardsRef) (Files, error) {
	if len(ref.Inline) > 0 {
		_, err := Build(ref)
		return Files{Standards: ref.Inline, Refusal: err}, nil
	}
	set, err := Build(ref)
	if err == nil {
		b, err := set.Save(standards.SaveOptions{})
		return Files{Standards: b}, err
	}
	if _, ok := problem.As(err); !ok {
		return Files{}, err
	}
	base, err2 := heilongjiang.Set()
	if err2 != nil {
		return Files{}, err2
	}
	b, err2 := base.Save(standards.SaveOptions{})
	return Files{Base: b, Settings: ref.Settings, Refusal: err}, err2
}
