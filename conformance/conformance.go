package conformance

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

//go:embed cases/*.json
var embedded embed.FS

// Cases returns the suite's cases, in file-name order.
func Cases() ([]Case, error) { return ReadCases(embedded, "cases") }

// Case is one conformance case. See the package documentation for the JSON form.
type Case struct {
	ID          string          `json:"id"`
	Rules       []string        `json:"rules"`
	Description string          `json:"description"`
	Standards   StandardsRef    `json:"standards"`
	Request     json.RawMessage `json:"request"`
	Expect      Expect          `json:"expect"`
	Note        string          `json:"note"`
}

// StandardsRef names the standards a case runs on: a base data set
// ("heilongjiang", the embedded data) with parameters and sources merged
// over it, or a complete inline standards file.
type StandardsRef struct {
	Base       string                     `json:"base,omitempty"`
	Sources    map[string]json.RawMessage `json:"sources,omitempty"`
	Parameters map[string]json.RawMessage `json:"parameters,omitempty"`
	Inline     json.RawMessage            `json:"inline,omitempty"`
}

// Expect lists what a case checks; absent fields are not checked.
type Expect struct {
	Error                string            `json:"error,omitempty"` // not_covered, rounding_required, invalid_household, invalid_request
	Status               string            `json:"status,omitempty"`
	EdgeBand             *string           `json:"edge_band,omitempty"`
	Countable            string            `json:"countable,omitempty"`
	Members              map[string]string `json:"members,omitempty"`
	Lines                map[string]string `json:"lines,omitempty"` // "code" or "code@member" → amount
	Total                string            `json:"total,omitempty"`
	Reasons              []string          `json:"reasons,omitempty"` // codes ("code@member") that must be present
	Flags                []string          `json:"flags,omitempty"`
	GradualExitEnd       string            `json:"gradual_exit_end,omitempty"`
	VerificationRequired *bool             `json:"verification_required,omitempty"`
	Instalments          []string          `json:"instalments,omitempty"`
}

// ReadCases reads every *.json file of dir in fsys as a Case.
func ReadCases(fsys fs.FS, dir string) ([]Case, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Case
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, err
		}
		var c Case
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&c); err != nil {
			return nil, fmt.Errorf("%s: %w", n, err)
		}
		if c.ID == "" || c.Note == "" || len(c.Rules) == 0 {
			return nil, fmt.Errorf("%s: a case needs an id, its rules and a note with the hand arithmetic", n)
		}
		out = append(out, c)
	}
	return out, nil
}

// StandardsFile returns the complete standards file a case names (the base
// data with the case's parameters and sources merged over it, or the inline
// file), with the division register included, as sent to other programs.
func StandardsFile(ref StandardsRef) ([]byte, error) {
	set, err := BuildSet(ref)
	if err != nil {
		return nil, err
	}
	return set.Save(standards.SaveOptions{})
}

// BuildSet loads the standards a case names.
func BuildSet(ref StandardsRef) (*standards.Set, error) {
	divs, err := heilongjiang.Divisions()
	if err != nil {
		return nil, err
	}
	if len(ref.Inline) > 0 {
		return standards.Load(ref.Inline, standards.LoadOptions{})
	}
	if ref.Base != "heilongjiang" {
		return nil, fmt.Errorf("conformance: unknown base %q", ref.Base)
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(heilongjiang.JSON(), &doc); err != nil {
		return nil, err
	}
	merge := func(key string, add map[string]json.RawMessage) error {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(doc[key], &m); err != nil {
			return err
		}
		for k, v := range add {
			if k == "rounding" && key == "parameters" {
				var base, extra map[string]json.RawMessage
				_ = json.Unmarshal(m["rounding"], &base)
				if err := json.Unmarshal(v, &extra); err != nil {
					return err
				}
				if base == nil {
					base = map[string]json.RawMessage{}
				}
				for p, s := range extra {
					base[p] = s
				}
				v, _ = json.Marshal(base)
			}
			m[k] = v
		}
		b, err := json.Marshal(m)
		doc[key] = b
		return err
	}
	if err := merge("sources", ref.Sources); err != nil {
		return nil, err
	}
	if err := merge("parameters", ref.Parameters); err != nil {
		return nil, err
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return nil, err
	}
	return standards.Load(b, standards.LoadOptions{Divisions: divs})
}

// Answer is what an implementation returns for a case: a decision in the
// payment package's JSON form, or {"error": kind}. Only the fields the
// expectations check are read.
type Answer struct {
	Error          string `json:"error"`
	Classification struct {
		Status               string `json:"status"`
		EdgeBand             string `json:"edge_band"`
		Countable            string `json:"countable"`
		GradualExitEnd       string `json:"gradual_exit_end"`
		VerificationRequired bool   `json:"verification_required"`
		Members              []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"members"`
		Reasons []coded `json:"reasons"`
		Flags   []coded `json:"flags"`
	} `json:"classification"`
	Lines []struct {
		Code   string `json:"code"`
		Member string `json:"member"`
		Amount string `json:"amount"`
	} `json:"lines"`
	Total     string `json:"total"`
	Temporary *struct {
		Instalments []string `json:"instalments"`
	} `json:"temporary"`
}

type coded struct {
	Code   string `json:"code"`
	Member string `json:"member"`
}

// Decide answers a case with this library: the reference answer.
func Decide(c Case) ([]byte, error) {
	set, err := BuildSet(c.Standards)
	if err != nil {
		return nil, err
	}
	return decideWith(set, c.Request)
}

func decideWith(set *standards.Set, request []byte) ([]byte, error) {
	d, err := payment.DecideJSON(request, set)
	if err != nil {
		return json.Marshal(map[string]string{"error": errorKind(err)})
	}
	return json.Marshal(d)
}

// Run runs one case with this library and returns its mismatches (none
// when it passes).
func Run(c Case) []string {
	answer, err := Decide(c)
	if err != nil {
		return []string{"standards: " + err.Error()}
	}
	return Compare(c.Expect, answer)
}

// Compare checks an answer (JSON) against a case's expectations and returns
// the mismatches.
func Compare(e Expect, answer []byte) []string {
	var a Answer
	if err := json.Unmarshal(answer, &a); err != nil {
		return []string{"answer is not JSON: " + err.Error()}
	}
	var out []string
	mismatch := func(field, want, got string) {
		if want != got {
			out = append(out, fmt.Sprintf("%s: want %q, got %q", field, want, got))
		}
	}
	if e.Error != "" || a.Error != "" {
		mismatch("error", e.Error, a.Error)
		return out
	}
	r := a.Classification
	if e.Status != "" {
		mismatch("status", e.Status, r.Status)
	}
	if e.EdgeBand != nil {
		mismatch("edge_band", *e.EdgeBand, r.EdgeBand)
	}
	if e.Countable != "" {
		mismatch("countable", e.Countable, r.Countable)
	}
	for id, want := range e.Members {
		got := "missing"
		for _, m := range r.Members {
			if m.ID == id {
				got = m.Status
			}
		}
		mismatch("members."+id, want, got)
	}
	if e.Lines != nil {
		got := map[string]string{}
		for _, l := range a.Lines {
			got[withMember(l.Code, l.Member)] = l.Amount
		}
		keys := make([]string, 0, len(e.Lines))
		for k := range e.Lines {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			mismatch("lines."+k, e.Lines[k], got[k])
		}
		for k, v := range got {
			if _, ok := e.Lines[k]; !ok {
				out = append(out, fmt.Sprintf("lines.%s: unexpected line %s", k, v))
			}
		}
	}
	if e.Total != "" {
		mismatch("total", e.Total, a.Total)
	}
	codes := func(l []coded) []string {
		var s []string
		for _, x := range l {
			s = append(s, withMember(x.Code, x.Member))
		}
		return s
	}
	reasons, flags := codes(r.Reasons), codes(r.Flags)
	for _, want := range e.Reasons {
		if !slices.Contains(reasons, want) {
			out = append(out, fmt.Sprintf("reasons: %s missing from %v", want, reasons))
		}
	}
	for _, want := range e.Flags {
		if !slices.Contains(flags, want) {
			out = append(out, fmt.Sprintf("flags: %s missing from %v", want, flags))
		}
	}
	if e.GradualExitEnd != "" {
		mismatch("gradual_exit_end", e.GradualExitEnd, r.GradualExitEnd)
	}
	if e.VerificationRequired != nil {
		mismatch("verification_required", fmt.Sprint(*e.VerificationRequired), fmt.Sprint(r.VerificationRequired))
	}
	if e.Instalments != nil {
		var got []string
		if a.Temporary != nil {
			got = a.Temporary.Instalments
		}
		mismatch("instalments", strings.Join(e.Instalments, " "), strings.Join(got, " "))
	}
	return out
}

func withMember(code, member string) string {
	if member == "" {
		return code
	}
	return code + "@" + member
}

// errorKind classifies an error for Expect.Error.
func errorKind(err error) string {
	pe, ok := problem.As(err)
	switch {
	case err == nil:
		return ""
	case !ok:
		return "other: " + err.Error()
	case pe.NotCovered:
		for _, p := range pe.Problems {
			switch p.Code {
			case problem.RoundingRequired:
				return "rounding_required"
			case problem.UnknownRegion:
				return "unknown_region"
			}
		}
		return "not_covered"
	}
	for _, p := range pe.Problems {
		if strings.HasPrefix(p.Path, "household.") || p.Path == "household" {
			return "invalid_household"
		}
	}
	return "invalid_request"
}
