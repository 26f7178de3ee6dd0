package explain

import (
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
	"strconv"
)

// ArgKind is the type of a step's argument, which decides how it is written.
type ArgKind uint8

// Argument kinds.
const (
	KindText     ArgKind = iota // a text as it is (a member ID, a hardship code), or a name with its English form (Names)
	KindMoney                   // an amount: yuan with two decimals for people, exact for machines
	KindCount                   // a whole number
	KindPercent                 // a rate shown as a percentage (15%)
	KindMultiple                // a rate shown as a multiple (1.5 倍, 1.5×)
	KindDate                    // a calendar date in each language's form
	KindLabel                   // a code of the table, shown as its words (a status, a category)
	KindLabels                  // several codes, joined
	KindBool                    // 是/否, yes/no
	KindRegion                  // a division: its name, and code
)

var argKindNames = [...]string{"text", "money", "count", "percent", "multiple", "date", "label", "labels", "bool", "region"}

// String returns the kind's name ("money", "date", …).
func (k ArgKind) String() string {
	if int(k) < len(argKindNames) {
		return argKindNames[k]
	}
	return "text"
}

// Arg is a named, typed value of a step: what a sentence's placeholder
// {name} shows. Build one with Money, Count, Percent, Multiple, Date,
// Label, Labels, Text, Names, Bool or Region.
type Arg struct {
	Name   string
	Kind   ArgKind
	Amount money.Amount     // KindMoney
	Rate   money.Rate       // KindPercent, KindMultiple
	N      int64            // KindCount; KindBool (0 or 1)
	Date   standards.Date   // KindDate
	Region standards.Region // KindRegion
	Text   string           // KindText; KindLabel (the code); KindRegion (the name)
	EN     string           // KindText: its English form, when it has one (Names)
	Codes  []Code           // KindLabels
}

// Money is an amount of yuan.
func Money(name string, a money.Amount) Arg { return Arg{Name: name, Kind: KindMoney, Amount: a} }

// Count is a whole number.
func Count(name string, n int) Arg { return Arg{Name: name, Kind: KindCount, N: int64(n)} }

// Percent is a rate shown as a percentage.
func Percent(name string, r money.Rate) Arg { return Arg{Name: name, Kind: KindPercent, Rate: r} }

// Multiple is a rate shown as a multiple.
func Multiple(name string, r money.Rate) Arg { return Arg{Name: name, Kind: KindMultiple, Rate: r} }

// Date is a calendar date.
func Date(name string, d standards.Date) Arg { return Arg{Name: name, Kind: KindDate, Date: d} }

// Label is a code of the table shown as its words.
func Label(name string, c Code) Arg { return Arg{Name: name, Kind: KindLabel, Text: string(c)} }

// Labels are codes shown as their words, joined.
func Labels(name string, cs ...Code) Arg { return Arg{Name: name, Kind: KindLabels, Codes: cs} }

// Text is a text shown as it is.
func Text(name, s string) Arg { return Arg{Name: name, Kind: KindText, Text: s} }

// Names is a text with an English form (a name from the standards, such as
// an edge band's): English explanations show en, or zh when en is empty;
// its machine form is zh.
func Names(name, zh, en string) Arg { return Arg{Name: name, Kind: KindText, Text: zh, EN: en} }

// Bool is yes or no.
func Bool(name string, b bool) Arg {
	a := Arg{Name: name, Kind: KindBool}
	if b {
		a.N = 1
	}
	return a
}

// Region is a division, shown by name (and code).
func Region(name string, r standards.Region, divisionName string) Arg {
	return Arg{Name: name, Kind: KindRegion, Region: r, Text: divisionName}
}

// Value writes the argument in its exact machine form: an amount as
// money.Amount.String ("4525/6"), a rate as a decimal, a date as
// YYYY-MM-DD, a label as its code, labels joined by ",", a region as its
// code, a bool as true or false.
func (a Arg) Value() string {
	if a.Kind == KindText || a.Kind == KindLabel {
		return a.Text
	}
	var b [48]byte
	return string(a.AppendValue(b[:0]))
}

// AppendValue appends Value's form to b.
func (a *Arg) AppendValue(b []byte) []byte {
	switch a.Kind {
	case KindMoney:
		return a.Amount.AppendTo(b)
	case KindCount:
		return strconv.AppendInt(b, a.N, 10)
	case KindPercent, KindMultiple:
		return a.Rate.AppendTo(b)
	case KindDate:
		return a.Date.AppendTo(b)
	case KindLabels:
		for i, c := range a.Codes {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, c...)
		}
		return b
	case KindBool:
		return strconv.AppendBool(b, a.N != 0)
	case KindRegion:
		return a.Region.AppendTo(b)
	}
	return append(b, a.Text...)
}
