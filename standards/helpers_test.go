package standards_test

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/standards"
)

// docExample returns the complete JSON example from the package
// documentation, so that the documented format is the tested one.
func docExample(t testing.TB) []byte {
	t.Helper()
	src, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	lines := strings.Split(string(src), "\n")
	var out []string
	in := false
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "// errors. A complete example:"):
			in = true
		case in && strings.HasPrefix(l, "//\t"):
			out = append(out, strings.TrimPrefix(l, "//\t"))
		case in && len(out) > 0:
			return []byte(strings.Join(out, "\n"))
		}
	}
	t.Fatal("no JSON example found in doc.go")
	return nil
}

func loadExample(t testing.TB) *standards.Set {
	t.Helper()
	s, err := standards.Load(docExample(t), standards.LoadOptions{})
	require.NoError(t, err)
	return s
}

// mutate decodes the doc example, applies f to it and encodes it again.
func mutate(t testing.TB, f func(m map[string]any)) []byte {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(docExample(t), &m))
	f(m)
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return b
}

// at walks a decoded JSON tree by keys and indexes.
func at(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			v = v.(map[string]any)[k]
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

func obj(v any, path ...any) map[string]any { return at(v, path...).(map[string]any) }

// param returns the first value object of a parameter's first series.
func firstValue(m map[string]any, param string) map[string]any {
	return obj(m, "parameters", param, 0, "values", 0)
}

func d(s string) standards.Date   { return standards.MustParseDate(s) }
func r(s string) standards.Region { return standards.MustRegion(s) }
func q(region, date string) standards.Query {
	return standards.Query{Region: r(region), Date: d(date)}
}

var englishTag = language.English
