package text

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/money"
)

// Lang is one of the library's languages.
type Lang uint8

// Languages. The zero value is Simplified Chinese, the caseworkers' language.
const (
	ZH Lang = iota // Simplified Chinese (zh-Hans)
	EN             // English
)

// Langs lists the languages in order.
var Langs = [...]Lang{ZH, EN}

var (
	supported = []language.Tag{language.SimplifiedChinese, language.English}
	matcher   = language.NewMatcher(supported)
)

// Match returns the language for tag: Chinese for zh, zh-Hans, zh-CN and
// the like, English otherwise.
func Match(tag language.Tag) Lang {
	// The library's own tags (Lang.Tag), without the matcher's work.
	switch tag {
	case language.SimplifiedChinese:
		return ZH
	case language.English:
		return EN
	}
	_, i, conf := matcher.Match(tag)
	if conf == language.No {
		return EN
	}
	return Lang(i)
}

// Tag returns the language's BCP 47 tag.
func (l Lang) Tag() language.Tag {
	if l == EN {
		return language.English
	}
	return language.SimplifiedChinese
}

// String returns "zh-Hans" or "en".
func (l Lang) String() string {
	if l == EN {
		return "en"
	}
	return "zh-Hans"
}

// Pair is a text in both languages.
type Pair [2]string

// In returns the text in language l.
func (p Pair) In(l Lang) string { return p[l&1] }

// AreaAfter is an area class by its code ("urban", "rural") as messages
// write it after a region's name: " 城市", " urban"; nothing for another.
func AreaAfter(code string) Pair {
	switch code {
	case "urban":
		return Pair{" 城市", " urban"}
	case "rural":
		return Pair{" 农村", " rural"}
	}
	return Pair{}
}

// Template is a sentence with named placeholders, {name}, compiled once.
type Template struct {
	segs []seg
}

type seg struct {
	lit string
	arg string // "" for a literal
}

// Compile reads a template. A placeholder is {name} with name of a-z, 0-9
// and _; other braces are refused.
func Compile(s string) (Template, error) {
	var t Template
	for s != "" {
		i := strings.IndexAny(s, "{}")
		if i < 0 {
			t.segs = append(t.segs, seg{lit: s})
			break
		}
		if s[i] == '}' {
			return Template{}, errors.New("text: unmatched } in " + strconv.Quote(s))
		}
		if i > 0 {
			t.segs = append(t.segs, seg{lit: s[:i]})
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return Template{}, errors.New("text: unclosed { in " + strconv.Quote(s))
		}
		name := s[i+1 : i+j]
		if name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789_") != "" {
			return Template{}, errors.New("text: bad placeholder {" + name + "}")
		}
		t.segs = append(t.segs, seg{arg: name})
		s = s[i+j+1:]
	}
	return t, nil
}

// MustCompile is Compile for the library's own tables; it panics on a
// malformed template, which their tests rule out.
func MustCompile(s string) Template {
	t, err := Compile(s)
	if err != nil {
		panic(err)
	}
	return t
}

// Args returns the placeholder names in order of appearance, each once.
func (t Template) Args() []string {
	var out []string
	for _, s := range t.segs {
		if s.arg != "" && !contains(out, s.arg) {
			out = append(out, s.arg)
		}
	}
	return out
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Render appends the sentence to buf, calling arg to append each placeholder.
func (t Template) Render(buf []byte, arg func(buf []byte, name string) []byte) []byte {
	for _, s := range t.segs {
		if s.arg == "" {
			buf = append(buf, s.lit...)
		} else {
			buf = arg(buf, s.arg)
		}
	}
	return buf
}

// Money appends an amount as people read it: yuan with two decimals
// ("754.17"). With technical set, an amount that is not a whole fen is
// followed by its exact form: "754.17 (4525/6)".
func Money(buf []byte, a money.Amount, technical bool) []byte {
	buf = a.AppendDisplay(buf)
	if technical && !a.IsFen() {
		buf = append(buf, " ("...)
		buf = a.AppendTo(buf)
		buf = append(buf, ')')
	}
	return buf
}

// Percent appends a rate as a percentage: "15%", "3.6%".
func Percent(buf []byte, r money.Rate) []byte {
	return append(r.AppendPercent(buf), '%')
}

// Multiple appends a rate as a multiple: "1.5 倍" or "1.5×".
func Multiple(buf []byte, l Lang, r money.Rate) []byte {
	buf = r.AppendTo(buf)
	if l == ZH {
		return append(buf, " 倍"...)
	}
	return append(buf, "×"...)
}

var monthsEN = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// Date appends a calendar date: "2023年6月1日" or "1 June 2023". A zero
// date (y == 0) appends "—".
func Date(buf []byte, l Lang, y, m, d int) []byte {
	if y == 0 || m < 1 || m > 12 {
		return append(buf, "—"...)
	}
	if l == ZH {
		buf = strconv.AppendInt(buf, int64(y), 10)
		buf = append(buf, "年"...)
		buf = strconv.AppendInt(buf, int64(m), 10)
		buf = append(buf, "月"...)
		buf = strconv.AppendInt(buf, int64(d), 10)
		return append(buf, "日"...)
	}
	buf = strconv.AppendInt(buf, int64(d), 10)
	buf = append(buf, ' ')
	buf = append(buf, monthsEN[m]...)
	buf = append(buf, ' ')
	return strconv.AppendInt(buf, int64(y), 10)
}

// Bool appends 是/否 or yes/no.
func Bool(buf []byte, l Lang, b bool) []byte {
	switch {
	case l == ZH && b:
		return append(buf, "是"...)
	case l == ZH:
		return append(buf, "否"...)
	case b:
		return append(buf, "yes"...)
	}
	return append(buf, "no"...)
}

// Sep returns the list separator of a language: "、" or ", ".
func Sep(l Lang) string {
	if l == ZH {
		return "、"
	}
	return ", "
}

// InvalidAt returns the offset of the first byte of s that is not valid
// UTF-8 (len(s) when there is none): where a problem says the text goes
// wrong.
func InvalidAt[T ~string | ~[]byte](s T) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))]))
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(s)
}
