package explain

import (
	"github.com/dibao-go/dibao/internal/text"
)

// Code is a stable code: a step of the income assessment, a reason or flag
// of the classification, a payment line, a decision, or a label (the words
// for a status, a category, …). Every code is in one table with its
// sentence in Simplified Chinese and English and the clause it rests on;
// the JSON outputs and the conformance suite use exactly these codes.
type Code string

// CodeKind says what a code names.
type CodeKind uint8

// Code kinds.
const (
	KindStep     CodeKind = iota + 1 // a step of the income assessment
	KindReason                       // a reason of the classification
	KindFlag                         // a monitoring flag or referral (R8, R9)
	KindLine                         // a payment line, or a step of the payment
	KindDecision                     // the conclusion
	KindWord                         // a label: words for a code in data
)

var codeKindNames = [...]string{"", "step", "reason", "flag", "line", "decision", "label"}

// String returns "step", "reason", "flag", "line", "decision" or "label".
func (k CodeKind) String() string {
	if int(k) < len(codeKindNames) {
		return codeKindNames[k]
	}
	return ""
}

// CodeInfo is a code's entry in the table.
type CodeInfo struct {
	Code Code
	Kind CodeKind
	ZH   string // the sentence (or words) in Simplified Chinese, with {placeholders}
	EN   string // the same in English
	Cite Citation
	tmpl [2]text.Template
}

// Info returns a code's entry; an unknown code has a zero entry.
func Info(c Code) CodeInfo {
	if e := index[c]; e != nil {
		return *e
	}
	return CodeInfo{}
}

// Codes returns every code of the table, in table order.
func Codes() []CodeInfo {
	out := make([]CodeInfo, len(table))
	copy(out, table)
	return out
}

// Known reports whether c is in the table.
func Known(c Code) bool { return index[c] != nil }

// index finds an entry by code; built once from table.
var index = func() map[Code]*CodeInfo {
	m := make(map[Code]*CodeInfo, len(table))
	for i := range table {
		e := &table[i]
		if m[e.Code] != nil {
			panic("explain: code " + string(e.Code) + " twice")
		}
		e.tmpl = [2]text.Template{text.MustCompile(e.ZH), text.MustCompile(e.EN)}
		m[e.Code] = e
	}
	return m
}()

// Words returns a label's words in a language ("" for an unknown code).
func Words(c Code, zh bool) string {
	e := index[c]
	switch {
	case e == nil:
		return string(c)
	case zh:
		return e.ZH
	}
	return e.EN
}
