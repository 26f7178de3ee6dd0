package report

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
)

// Bounds on a list of problems, so that a hostile input cannot make the
// report itself huge.
const (
	MaxProblems     = 200 // problems listed; the others are counted
	MaxMessageBytes = 600 // bytes of one message in one language
	MaxPathBytes    = 300 // bytes of one path
	maxQuotedRunes  = 60  // runes of a value quoted from the input
)

// Arg is a named value for a message's placeholders. Build one with Str,
// Int, Money, Rate, Words or Date.
type Arg struct {
	name string
	kind uint8
	s    string
	n    int64
	a    money.Amount
	r    money.Rate
	w    text.Pair
	date [3]int
}

const (
	argStr uint8 = iota
	argInt
	argMoney
	argRate
	argWords
	argDate
	argChoices
)

// Str is a value shown as it is (quoted values from the input are cut to
// 60 characters).
func Str(name, v string) Arg { return Arg{name: name, kind: argStr, s: v} }

// Int is a whole number.
func Int(name string, v int64) Arg { return Arg{name: name, kind: argInt, n: v} }

// Money is an amount of yuan, shown with two decimals.
func Money(name string, a money.Amount) Arg { return Arg{name: name, kind: argMoney, a: a} }

// Rate is a rate, shown as a plain decimal.
func Rate(name string, r money.Rate) Arg { return Arg{name: name, kind: argRate, r: r} }

// Words is a text given in both languages.
func Words(name, zh, en string) Arg { return Arg{name: name, kind: argWords, w: text.Pair{zh, en}} }

// Date is a calendar date, written in each language's form.
func Date(name string, y, m, d int) Arg { return Arg{name: name, kind: argDate, date: [3]int{y, m, d}} }

// Choices is a list of accepted values written "a, b or c"; it is shown
// whole ("a、b 或 c" in Chinese), never cut like a value quoted from the
// input.
func Choices(name, list string) Arg { return Arg{name: name, kind: argChoices, s: list} }

// New builds one problem.
func New(path string, m Msg, args ...Arg) problem.Problem {
	def := &catalog[m]
	p := problem.Problem{Path: cut(path, MaxPathBytes), Code: def.code}
	for _, l := range text.Langs {
		buf := def.tmpl[l].Render(nil, func(buf []byte, name string) []byte {
			for _, a := range args {
				if a.name == name {
					return a.append(buf, l)
				}
			}
			if name == "field" {
				return append(buf, fieldOf(path)...)
			}
			return append(buf, '?')
		})
		s := cut(string(buf), MaxMessageBytes)
		if l == text.ZH {
			p.Message.ZH = s
		} else {
			p.Message.EN = s
		}
	}
	return p
}

func (a Arg) append(buf []byte, l text.Lang) []byte {
	switch a.kind {
	case argInt:
		return strconv.AppendInt(buf, a.n, 10)
	case argMoney:
		return text.Money(buf, a.a, false)
	case argRate:
		return append(buf, a.r.String()...)
	case argWords:
		return append(buf, a.w.In(l)...)
	case argDate:
		return text.Date(buf, l, a.date[0], a.date[1], a.date[2])
	case argChoices:
		if l == text.ZH {
			return append(buf, strings.ReplaceAll(strings.ReplaceAll(a.s, ", ", "、"), " or ", " 或 ")...)
		}
		return append(buf, a.s...)
	}
	return append(buf, quote(a.s)...)
}

// fieldOf is the field a path ends in: "birth_date" for
// "household.members[0].birth_date", "members" for "members[2]".
func fieldOf(path string) string {
	for len(path) > 0 && path[len(path)-1] == ']' {
		if i := strings.LastIndexByte(path, '['); i >= 0 {
			path = path[:i]
		} else {
			break
		}
	}
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		path = path[i+1:]
	}
	if path == "" {
		return "?"
	}
	return path
}

// quote cuts a value from the input to a readable length, each byte of it
// that is not UTF-8 written U+FFFD: a message never carries invalid text.
func quote(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if utf8.RuneCountInString(s) <= maxQuotedRunes {
		return s
	}
	r := []rune(s)
	return string(r[:maxQuotedRunes]) + "…"
}

// cut shortens s to at most n bytes on a rune boundary, marking the cut.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n - len("…")
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// List collects problems. The zero value is empty and ready.
type List struct {
	list []problem.Problem
	more int
}

// Add records a problem at path.
func (l *List) Add(path string, m Msg, args ...Arg) {
	if len(l.list) >= MaxProblems {
		l.more++
		return
	}
	l.list = append(l.list, New(path, m, args...))
}

// AddProblem records a problem built elsewhere.
func (l *List) AddProblem(p problem.Problem) {
	if len(l.list) >= MaxProblems {
		l.more++
		return
	}
	l.list = append(l.list, p)
}

// AddFrom records every problem of err when it is a *problem.Error, and
// reports whether it was one.
func (l *List) AddFrom(err error) bool {
	pe, ok := problem.As(err)
	if ok {
		for _, q := range pe.Problems {
			l.AddProblem(q)
		}
	}
	return ok
}

// AddUnlisted counts n problems that are not listed (a reader that could
// not keep them), so that the count of every problem stays whole.
func (l *List) AddUnlisted(n int) {
	if n > 0 {
		l.more += n
	}
}

// Len returns the number of problems recorded (listed or not).
func (l *List) Len() int { return len(l.list) + l.more }

// Has reports whether a problem is recorded at path.
func (l *List) Has(path string) bool {
	for i := range l.list {
		if l.list[i].Path == path {
			return true
		}
	}
	return false
}

// Problems returns the problems, with a last too_many_problems entry when
// some were not listed.
func (l *List) Problems() []problem.Problem {
	if len(l.list) == 0 && l.more == 0 {
		return nil
	}
	out := make([]problem.Problem, len(l.list), len(l.list)+1)
	copy(out, l.list)
	if l.more > 0 {
		out = append(out, New("", MsgTooMany, Int("n", int64(l.more))))
	}
	return out
}

// Merge adds the problems of m, their paths prefixed by prefix.
func (l *List) Merge(prefix string, m *List) {
	for _, p := range m.list {
		p.Path = problem.Join(prefix, p.Path)
		l.AddProblem(p)
	}
	l.more += m.more
}

// Err returns nil when the list is empty, else an *Error about subject
// whose kind is ErrInvalid.
func (l *List) Err(subject problem.Subject) error {
	if l.Len() == 0 {
		return nil
	}
	return &problem.Error{Subject: subject, Problems: l.Problems()}
}

// Truncate drops the problems recorded after the first n, where n is a
// Len the list had: it is as it was then.
func (l *List) Truncate(n int) {
	if n <= len(l.list) {
		l.list, l.more = l.list[:n], 0
		return
	}
	l.more = n - len(l.list)
}

// Reset empties the list, keeping its storage.
func (l *List) Reset() {
	l.list = l.list[:0]
	l.more = 0
}

// NotCovered returns nil when the list is empty, else an *Error about
// subject whose kind is ErrNotCovered: the standards cannot decide it.
func (l *List) NotCovered(subject problem.Subject) error {
	if l.Len() == 0 {
		return nil
	}
	return &problem.Error{Subject: subject, Problems: l.Problems(), NotCovered: true}
}

// Outcome is the error of a decision's problems: the input's own mistakes
// among them — a region the division register does not hold, a place of
// work too coarse to decide — as an invalid-input error, to be fixed first;
// else every problem as one about what the standards do not cover.
func (l *List) Outcome(subject problem.Subject) error {
	var input []problem.Problem
	for _, p := range l.list {
		if p.Code == problem.UnknownRegion || p.Code == problem.Ambiguous {
			input = append(input, p)
		}
	}
	if len(input) > 0 {
		return &problem.Error{Subject: subject, Problems: input}
	}
	return l.NotCovered(subject)
}

// AddOnce records a problem at path unless one is already recorded there
// (a value the decoder refused is not reported again by validation).
func (l *List) AddOnce(path string, m Msg, args ...Arg) {
	if l.Has(path) {
		return
	}
	l.Add(path, m, args...)
}

var maxYuan = func() money.Amount { a, _ := money.FromYuan(money.MaxYuan); return a }()

// MoneyProblem is the problem of an amount or rate s that did not parse
// (err from package money), allowed places decimal places: too precise, out
// of range, or not a number. Every reader of amounts reports it the same way.
func MoneyProblem(err error, s string, places int) (Msg, []Arg) {
	switch {
	case errors.Is(err, money.ErrPrecision):
		return MsgTooPrecise, []Arg{Str("value", s), Int("places", int64(places))}
	case errors.Is(err, money.ErrRange):
		return MsgAmountRange, []Arg{Str("value", s), Money("min", maxYuan.Neg()), Money("max", maxYuan)}
	}
	return MsgBadNumber, []Arg{Str("value", s)}
}
