package problem

import (
	"errors"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/internal/text"
)

// Code classifies a problem. Codes are stable; the message texts are not.
type Code string

// Message is a problem's message in both languages.
type Message struct {
	ZH string `json:"zh-Hans"`
	EN string `json:"en"`
}

// In returns the message in the language matched to tag (Chinese for zh,
// English otherwise).
func (m Message) In(tag language.Tag) string {
	if text.Match(tag) == text.ZH {
		return m.ZH
	}
	return m.EN
}

// Problem is one thing wrong with an input, or one value the standards do
// not hold.
type Problem struct {
	// Path locates the field at fault in the JSON form of the input, e.g.
	// household.members[2].incomes[0].amount ("" for the whole input).
	Path string `json:"path"`
	// Code is the stable classification.
	Code Code `json:"code"`
	// Message says what is wrong, for the person who filled in the form.
	Message Message `json:"message"`
	// Hint, when set, tells a developer what to do (English), e.g. which
	// file or option supplies a missing value.
	Hint string `json:"hint,omitempty"`
}

// String returns "path: message [code]" in English.
func (p Problem) String() string {
	s := p.Message.EN + " [" + string(p.Code) + "]"
	if p.Path != "" {
		s = p.Path + ": " + s
	}
	return s
}

// Join appends a field name to a path.
func Join(path, key string) string {
	switch {
	case path == "":
		return key
	case key == "":
		return path
	}
	return path + "." + key
}

// Under reports whether path is field or lies within it ("current",
// "current.since" and "current[0]" are under "current"; "currently" is not).
func Under(path, field string) bool {
	if len(path) < len(field) || path[:len(field)] != field {
		return false
	}
	return len(path) == len(field) || path[len(field)] == '.' || path[len(field)] == '['
}

// Index appends an array index to a path.
func Index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// Subject names what was read, for the heading of an Error.
type Subject uint8

// Subjects.
const (
	SubjectInput      Subject = iota // an input of no more specific kind
	SubjectRequest                   // a decision request
	SubjectHousehold                 // a household
	SubjectStandards                 // a standards file or Set
	SubjectSettings                  // an agency's local settings merged over a Set
	SubjectReform                    // a reform
	SubjectDecision                  // a stored decision record
	SubjectCase                      // a conformance case
	SubjectPopulation                // a population file
)

var subjectNames = [...]text.Pair{
	{"输入", "the input"}, {"请求", "the request"}, {"家庭信息", "the household"}, {"标准文件", "the standards"},
	{"本地设置", "the local settings"}, {"改革方案", "the reform"}, {"决定记录", "the decision record"},
	{"测试用例", "the case"}, {"人口数据", "the population"},
}

func (s Subject) words() text.Pair {
	if int(s) < len(subjectNames) {
		return subjectNames[s]
	}
	return subjectNames[0]
}

// ErrInvalid is the kind of an Error whose input is wrong.
var ErrInvalid = errors.New("invalid input")

// ErrNotCovered is the kind of an Error about values the standards do not
// hold for the region and date asked (or a rounding rule a figure needs).
var ErrNotCovered = errors.New("not covered by the standards")

// Error lists every problem found in one input, or every value the
// standards lack for one decision. errors.Is(err, ErrInvalid) or
// errors.Is(err, ErrNotCovered) tells which.
type Error struct {
	Subject  Subject
	Problems []Problem
	// NotCovered marks an error about the standards rather than the input.
	NotCovered bool
}

// Error returns the heading and one problem per line, in English.
func (e *Error) Error() string { return e.Text(language.English) }

// Heading returns e.g. "3 problems in the request" or "请求中有 3 个问题".
func (e *Error) Heading(tag language.Tag) string {
	n := len(e.Problems)
	w := e.Subject.words()
	if e.NotCovered {
		if text.Match(tag) == text.ZH {
			return "标准数据不足，无法决定" + w.In(text.ZH) + "（" + strconv.Itoa(n) + " 项）"
		}
		return "the standards cannot decide " + w.In(text.EN) + " (" + strconv.Itoa(n) + " missing)"
	}
	if text.Match(tag) == text.ZH {
		return w.In(text.ZH) + "中有 " + strconv.Itoa(n) + " 个问题"
	}
	noun := "problems"
	if n == 1 {
		noun = "problem"
	}
	return strconv.Itoa(n) + " " + noun + " in " + w.In(text.EN)
}

// Text returns the heading and every problem, one per line, in a language.
func (e *Error) Text(tag language.Tag) string {
	var b strings.Builder
	b.WriteString(e.Heading(tag))
	b.WriteByte(':')
	zh := text.Match(tag) == text.ZH
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		if p.Path != "" {
			b.WriteString(p.Path)
			b.WriteString(": ")
		}
		if zh {
			b.WriteString(p.Message.ZH)
		} else {
			b.WriteString(p.Message.EN)
		}
		b.WriteString(" [")
		b.WriteString(string(p.Code))
		b.WriteByte(']')
	}
	return b.String()
}

// Is reports whether e is of the kind target (ErrInvalid or ErrNotCovered).
func (e *Error) Is(target error) bool {
	if e.NotCovered {
		return target == ErrNotCovered
	}
	return target == ErrInvalid
}

// Has reports whether a problem with the code is listed at path.
func (e *Error) Has(path string, code Code) bool {
	for _, p := range e.Problems {
		if p.Path == path && p.Code == code {
			return true
		}
	}
	return false
}

// Codes returns the codes of the problems, in order.
func (e *Error) Codes() []Code {
	out := make([]Code, len(e.Problems))
	for i, p := range e.Problems {
		out[i] = p.Code
	}
	return out
}

// As returns err as an *Error when it is one (or wraps one).
func As(err error) (*Error, bool) {
	// Without allocating in the common cases: no error, or an *Error itself.
	if err == nil {
		return nil, false
	}
	if e, ok := err.(*Error); ok {
		return e, true
	}
	return asWrapped(err)
}

func asWrapped(err error) (*Error, bool) {
	var e *Error
	ok := errors.As(err, &e)
	return e, ok
}

// Prefix returns a copy of e with every path prefixed (a household's
// problems inside a request: household.members[0]…).
func (e *Error) Prefix(prefix string, subject Subject) *Error {
	out := &Error{Subject: subject, NotCovered: e.NotCovered, Problems: make([]Problem, len(e.Problems))}
	for i, p := range e.Problems {
		p.Path = Join(prefix, p.Path)
		out.Problems[i] = p
	}
	return out
}
