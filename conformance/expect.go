package conformance

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Expect lists what a case checks; absent fields are not checked.
type Expect struct {
	// Error is the error the decision must end in: its kind and, when
	// given, a problem's path and code.
	Error *ErrorExpect `json:"error,omitempty"`

	Status    string  `json:"status,omitempty"`
	EdgeBand  *string `json:"edge_band,omitempty"` // checked when present, even if ""
	Countable string  `json:"countable,omitempty"`
	// Members: member ID → the status the member must have.
	Members map[string]string `json:"members,omitempty"`
	// MembersNot: member ID → statuses the member must not have.
	MembersNot map[string][]string `json:"members_not,omitempty"`
	// Lines: exactly these payment lines, in any order ([] = none).
	Lines *[]LineExpect `json:"lines,omitempty"`
	Total string        `json:"total,omitempty"`
	// Reasons and Flags must be among the answer's; the *Absent ones must
	// not. "code" or "code@member".
	Reasons       []string `json:"reasons,omitempty"`
	ReasonsAbsent []string `json:"reasons_absent,omitempty"`
	Flags         []string `json:"flags,omitempty"`
	FlagsAbsent   []string `json:"flags_absent,omitempty"`

	GradualExitEnd       string           `json:"gradual_exit_end,omitempty"`
	VerificationRequired *bool            `json:"verification_required,omitempty"`
	Temporary            *TemporaryExpect `json:"temporary,omitempty"`
	// Difference: this case's total minus another case's (a back-pay).
	Difference *DifferenceExpect `json:"difference,omitempty"`
}

// ErrorExpect is an expected error.
type ErrorExpect struct {
	Kind string `json:"kind"`
	Path string `json:"path,omitempty"`
	Code string `json:"code,omitempty"`
}

// LineExpect is an expected payment line.
type LineExpect struct {
	Code    string            `json:"code"`
	Member  string            `json:"member,omitempty"`
	Amount  string            `json:"amount"`
	Exact   string            `json:"exact,omitempty"`
	Figures map[string]string `json:"figures,omitempty"`
}

// TemporaryExpect is an expected temporary-assistance schedule.
type TemporaryExpect struct {
	Cap         string   `json:"cap,omitempty"`
	Approved    string   `json:"approved,omitempty"`
	Instalments []string `json:"instalments,omitempty"`
	PaidFirst   *bool    `json:"paid_first,omitempty"`
}

// DifferenceExpect asserts this case's total minus another's.
type DifferenceExpect struct {
	Case  string `json:"case"`
	Total string `json:"total"`
}

// Answer is what an implementation returns for a case: a decision (the
// fields below, as the payment package's decision record has them), an
// error, or "unsupported".
type Answer struct {
	Error       string          `json:"error"`
	Problems    []AnswerProblem `json:"problems"`
	Unsupported string          `json:"unsupported"`

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
	Lines     []AnswerLine `json:"lines"`
	Total     string       `json:"total"`
	Temporary *struct {
		Cap         string   `json:"cap"`
		Approved    string   `json:"approved"`
		PaidFirst   bool     `json:"paid_first"`
		Instalments []string `json:"instalments"`
	} `json:"temporary"`
}

// AnswerLine is one payment line of an answer.
type AnswerLine struct {
	Code    string            `json:"code"`
	Member  string            `json:"member"`
	Amount  string            `json:"amount"`
	Exact   string            `json:"exact"`
	Figures map[string]string `json:"figures"`
}

// AnswerProblem is one problem of an error answer.
type AnswerProblem struct {
	Path string `json:"path"`
	Code string `json:"code"`
}

type coded struct {
	Code   string `json:"code"`
	Member string `json:"member"`
}

func withMember(code, member string) string {
	if member == "" {
		return code
	}
	return code + "@" + member
}

// ParseAnswer reads an answer line.
func ParseAnswer(b []byte) (Answer, error) {
	var a Answer
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&a); err != nil {
		return Answer{}, fmt.Errorf("the answer is not JSON: %v", err)
	}
	return a, nil
}

// Compare checks an answer against a case's expectations and returns the
// mismatches (none when it passes). Figures are strings compared exactly.
func Compare(e Expect, a Answer) []string {
	var out []string
	mismatch := func(field, want, got string) {
		if want != got {
			out = append(out, fmt.Sprintf("%s: want %q, got %q", field, want, got))
		}
	}
	if e.Error != nil || a.Error != "" {
		want := ""
		if e.Error != nil {
			want = e.Error.Kind
		}
		mismatch("error", want, a.Error)
		if e.Error != nil && e.Error.Path+e.Error.Code != "" && a.Error == want {
			found := slices.ContainsFunc(a.Problems, func(p AnswerProblem) bool {
				return (e.Error.Path == "" || p.Path == e.Error.Path) && (e.Error.Code == "" || p.Code == e.Error.Code)
			})
			if !found {
				out = append(out, fmt.Sprintf("error: no problem %s at %q among %v", e.Error.Code, e.Error.Path, a.Problems))
			}
		}
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
	statusOf := func(id string) string {
		for _, m := range r.Members {
			if m.ID == id {
				return m.Status
			}
		}
		return "missing"
	}
	for _, id := range sortedKeys(e.Members) {
		mismatch("members."+id, e.Members[id], statusOf(id))
	}
	for _, id := range sortedKeys(e.MembersNot) {
		if got := statusOf(id); slices.Contains(e.MembersNot[id], got) {
			out = append(out, fmt.Sprintf("members.%s: must not be %q", id, got))
		}
	}
	if e.Lines != nil {
		out = append(out, compareLines(*e.Lines, a)...)
	}
	if e.Total != "" {
		mismatch("total", e.Total, a.Total)
	}
	codes := func(l []coded) []string {
		s := make([]string, len(l))
		for i, x := range l {
			s[i] = withMember(x.Code, x.Member)
		}
		return s
	}
	for _, c := range []struct {
		name         string
		want, absent []string
		got          []string
	}{{"reasons", e.Reasons, e.ReasonsAbsent, codes(r.Reasons)}, {"flags", e.Flags, e.FlagsAbsent, codes(r.Flags)}} {
		for _, w := range c.want {
			if !slices.Contains(c.got, w) {
				out = append(out, fmt.Sprintf("%s: %s missing from %v", c.name, w, c.got))
			}
		}
		for _, w := range c.absent {
			if slices.Contains(c.got, w) {
				out = append(out, fmt.Sprintf("%s: %s must not be given", c.name, w))
			}
		}
	}
	if e.GradualExitEnd != "" {
		mismatch("gradual_exit_end", e.GradualExitEnd, r.GradualExitEnd)
	}
	if e.VerificationRequired != nil {
		mismatch("verification_required", fmt.Sprint(*e.VerificationRequired), fmt.Sprint(r.VerificationRequired))
	}
	if t := e.Temporary; t != nil {
		if a.Temporary == nil {
			out = append(out, "temporary: no schedule in the answer")
		} else {
			if t.Cap != "" {
				mismatch("temporary.cap", t.Cap, a.Temporary.Cap)
			}
			if t.Approved != "" {
				mismatch("temporary.approved", t.Approved, a.Temporary.Approved)
			}
			if t.Instalments != nil {
				mismatch("temporary.instalments", strings.Join(t.Instalments, " "), strings.Join(a.Temporary.Instalments, " "))
			}
			if t.PaidFirst != nil {
				mismatch("temporary.paid_first", fmt.Sprint(*t.PaidFirst), fmt.Sprint(a.Temporary.PaidFirst))
			}
		}
	}
	return out
}

// compareLines checks that the answer has exactly the expected lines.
func compareLines(want []LineExpect, a Answer) []string {
	var out []string
	used := make([]bool, len(a.Lines))
	for _, w := range want {
		key := withMember(w.Code, w.Member)
		i := -1
		for j, l := range a.Lines {
			if !used[j] && l.Code == w.Code && l.Member == w.Member {
				i = j
				break
			}
		}
		if i < 0 {
			out = append(out, fmt.Sprintf("lines.%s: missing (want %s)", key, w.Amount))
			continue
		}
		used[i] = true
		l := a.Lines[i]
		if l.Amount != w.Amount {
			out = append(out, fmt.Sprintf("lines.%s: want %q, got %q", key, w.Amount, l.Amount))
		}
		if w.Exact != "" && l.Exact != w.Exact {
			out = append(out, fmt.Sprintf("lines.%s.exact: want %q, got %q", key, w.Exact, l.Exact))
		}
		for _, name := range sortedKeys(w.Figures) {
			if got, ok := l.Figures[name]; !ok || got != w.Figures[name] {
				out = append(out, fmt.Sprintf("lines.%s.figures.%s: want %q, got %q", key, name, w.Figures[name], got))
			}
		}
	}
	for i, l := range a.Lines {
		if !used[i] {
			out = append(out, fmt.Sprintf("lines.%s: unexpected line %s", withMember(l.Code, l.Member), l.Amount))
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
