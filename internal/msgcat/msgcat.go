// Package msgcat builds the packages' own message catalogs (never the
// global one) in the two languages the library speaks: Simplified Chinese
// and English.
package msgcat

import (
	"fmt"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"
)

// Entry is one message: its key, its Chinese text and its English text.
type Entry [3]string

// Build returns a catalog holding the entries, falling back to English.
// SetString fails only for malformed messages; each package's tests render
// every entry.
func Build(entries []Entry) *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, e := range entries {
		_ = b.SetString(language.SimplifiedChinese, e[0], e[1])
		_ = b.SetString(language.English, e[0], e[2])
	}
	return b
}

var (
	supported = []language.Tag{language.English, language.SimplifiedChinese}
	matcher   = language.NewMatcher(supported)
)

// Match returns the supported language for tag: Simplified Chinese for zh,
// zh-Hans, zh-CN and the like, English otherwise.
func Match(tag language.Tag) language.Tag {
	_, i, _ := matcher.Match(tag)
	return supported[i]
}

// Printer returns a printer over cat in the language matched to tag.
func Printer(tag language.Tag, cat catalog.Catalog) *message.Printer {
	return message.NewPrinter(Match(tag), message.Catalog(cat))
}

var verb = regexp.MustCompile(`%(?:\[(\d+)\])?([a-z%])`)

// args lists the arguments a format uses, as "index:verb".
func args(format string) []string {
	var out []string
	next := 1
	for _, m := range verb.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		i := next
		if m[1] != "" {
			i, _ = strconv.Atoi(m[1])
		}
		next = i + 1
		out = append(out, strconv.Itoa(i)+":"+m[2])
	}
	sort.Strings(out)
	return slices.Compact(out)
}

// Check reports entries whose texts are empty, equal in both languages
// (untranslated), or use different arguments in the two languages — except
// keys ending in "_by_language", which pick a different argument per
// language on purpose (a Chinese or an English form passed side by side).
func Check(entries []Entry) []string {
	var bad []string
	seen := map[string]bool{}
	for _, e := range entries {
		switch {
		case seen[e[0]]:
			bad = append(bad, e[0]+": duplicate key")
		case e[1] == "" || e[2] == "":
			bad = append(bad, e[0]+": empty text")
		case e[1] == e[2] && !strings.HasPrefix(e[1], "%"):
			bad = append(bad, e[0]+": not translated")
		case !strings.HasSuffix(e[0], "_by_language") && !slices.Equal(args(e[1]), args(e[2])):
			bad = append(bad, fmt.Sprintf("%s: arguments differ: %v vs %v", e[0], args(e[1]), args(e[2])))
		}
		seen[e[0]] = true
	}
	return bad
}
