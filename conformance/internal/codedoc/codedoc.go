package codedoc

import (
	"errors"
	"strings"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/problem"
)

// Table returns the documentation's table of codes.
func Table() string {
	var b strings.Builder
	row := func(code, meaning string) {
		b.WriteString("//\t")
		b.WriteString(code)
		for i := len(code); i < 34; i++ {
			b.WriteByte(' ')
		}
		b.WriteString(" ")
		b.WriteString(meaning)
		b.WriteString("\n")
	}
	for _, kind := range []explain.CodeKind{explain.KindReason, explain.KindFlag, explain.KindDecision, explain.KindLine, explain.KindStep} {
		b.WriteString("//\t— " + kind.String() + "s —\n")
		for _, c := range explain.Codes() {
			if c.Kind == kind {
				row(string(c.Code), c.EN+" ("+c.Cite.English()+")")
			}
		}
	}
	b.WriteString("//\t— problems —\n")
	for _, c := range problem.Codes() {
		row(string(c.Code), c.Meaning)
	}
	return b.String()
}

// The table stands between these lines of doc.go.
const (
	begin = "// (problem.Codes):\n//\n"
	end   = "package conformance"
)

// WithTable returns doc.go's text with its table of codes made current.
func WithTable(doc string) (string, error) {
	i := strings.Index(doc, begin)
	if i < 0 {
		return "", errors.New("codedoc: doc.go has no table of codes")
	}
	i += len(begin)
	j := strings.Index(doc[i:], end)
	if j < 0 {
		return "", errors.New("codedoc: doc.go's table has no end")
	}
	return doc[:i] + Table() + doc[i+j:], nil
}
