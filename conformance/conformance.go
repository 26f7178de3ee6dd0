package conformance

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/payment"
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

// BuildSet loads the standards a case names.
func BuildSet(ref StandardsRef) (*standards.Set, error) {
	divs, err := heilongjiang.Divisions()
	if err != nil {
		return nil, err
	}
	if len(ref.Inline) > 0 {
		return standards.Load(ref.Inline, standards.LoadOptions{Divisions: divs})
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

// Run runs one case and returns its mismatches (none when it passes).
func Run(c Case) []string {
	set, err := BuildSet(c.Standards)
	if err != nil {
		return []string{"standards: " + err.Error()}
	}
	d, err := payment.DecideJSON(c.Request, set)
	var out []string
	mismatch := func(field, want, got string) {
		if want != got {
			out = append(out, fmt.Sprintf("%s: want %q, got %q", field, want, got))
		}
	}
	if c.Expect.Error != "" {
		mismatch("error", c.Expect.Error, errorKind(err))
		return out
	}
	if err != nil {
		return []string{"unexpected error: " + err.Error()}
	}
	r := d.Classification
	e := c.Expect
	if e.Status != "" {
		mismatch("status", e.Status, r.Status.String())
	}
	if e.EdgeBand != nil {
		mismatch("edge_band", *e.EdgeBand, r.EdgeBand)
	}
	if e.Countable != "" {
		mismatch("countable", e.Countable, r.Countable.String())
	}
	for id, want := range e.Members {
		got := "missing"
		for _, m := range r.Members {
			if m.ID == id {
				got = m.Status.String()
			}
		}
		mismatch("members."+id, want, got)
	}
	if e.Lines != nil {
		got := map[string]string{}
		for _, l := range d.Lines {
			key := l.Code
			if l.Member != "" {
				key += "@" + l.Member
			}
			got[key] = l.Amount.StringFixed(2)
		}
		for k, want := range e.Lines {
			mismatch("lines."+k, want, got[k])
		}
		for k, v := range got {
			if _, ok := e.Lines[k]; !ok {
				out = append(out, fmt.Sprintf("lines.%s: unexpected line %s", k, v))
			}
		}
	}
	if e.Total != "" {
		mismatch("total", e.Total, d.Total.StringFixed(2))
	}
	have := func(list []string, want string) bool {
		for _, x := range list {
			if x == want {
				return true
			}
		}
		return false
	}
	var reasons, flags []string
	for _, rs := range r.Reasons {
		reasons = append(reasons, withMember(rs.Code, rs.Member))
	}
	for _, f := range r.Flags {
		flags = append(flags, withMember(f.Code, f.Member))
	}
	for _, want := range e.Reasons {
		if !have(reasons, want) {
			out = append(out, fmt.Sprintf("reasons: %s missing from %v", want, reasons))
		}
	}
	for _, want := range e.Flags {
		if !have(flags, want) {
			out = append(out, fmt.Sprintf("flags: %s missing from %v", want, flags))
		}
	}
	if e.GradualExitEnd != "" {
		mismatch("gradual_exit_end", e.GradualExitEnd, r.GradualExitEnd.String())
	}
	if e.VerificationRequired != nil {
		mismatch("verification_required", fmt.Sprint(*e.VerificationRequired), fmt.Sprint(r.VerificationRequired))
	}
	if e.Instalments != nil {
		var got []string
		if d.Temporary != nil {
			for _, in := range d.Temporary.Instalments {
				got = append(got, in.Amount.StringFixed(2))
			}
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
	switch {
	case err == nil:
		return ""
	case errors.Is(err, payment.ErrRoundingRequired):
		return "rounding_required"
	case errors.Is(err, standards.ErrNotCovered):
		return "not_covered"
	case errors.Is(err, standards.ErrUnknownRegion):
		return "unknown_region"
	case errors.Is(err, income.ErrInvalidHousehold):
		return "invalid_household"
	case errors.Is(err, payment.ErrInvalidRequest), errors.Is(err, eligibility.ErrInvalidRequest):
		return "invalid_request"
	}
	return "other: " + err.Error()
}
