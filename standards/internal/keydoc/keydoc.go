package keydoc

import (
	"errors"
	"strings"

	"github.com/dibao-go/dibao/standards"
)

// KeyList returns the documentation's list of parameters: one line per key,
// its name padded, then its Doc line.
func KeyList() string {
	var b strings.Builder
	for _, k := range standards.Keys() {
		name := k.Name()
		if k.AreaSplit() {
			name += " (by area)"
		}
		b.WriteString("//\t")
		b.WriteString(name)
		for i := len([]rune(name)); i < 42; i++ {
			b.WriteByte(' ')
		}
		b.WriteString(" ")
		b.WriteString(k.Doc())
		b.WriteString("\n")
	}
	return b.String()
}

// The list stands between these two lines of doc.go.
const (
	begin = "// keys by go generate; a test keeps it current):\n//\n"
	end   = "//\n// Save writes"
)

// WithKeyList returns the text of doc.go with its list of parameters made
// current.
func WithKeyList(doc string) (string, error) {
	i := strings.Index(doc, begin)
	if i < 0 {
		return "", errors.New("keydoc: doc.go has no list of parameters")
	}
	i += len(begin)
	j := strings.Index(doc[i:], end)
	if j < 0 {
		return "", errors.New("keydoc: doc.go's list of parameters has no end")
	}
	return doc[:i] + KeyList() + doc[i+j:], nil
}
