package jsonx

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/problem"
)

func codes(l *report.List) []string {
	var out []string
	for _, p := range l.Problems() {
		out = append(out, p.Path+" "+string(p.Code))
	}
	return out
}

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		in   string
		code problem.Code // "" = accepted
	}{
		{`{"a":[1,2,{"b":null}],"c":"x"}`, ""},
		{"\xef\xbb\xbf{}", ""}, // a byte-order mark is skipped
		{` [ ] `, ""},
		{`"\ud83d\ude00"`, ""}, // a surrogate pair
		{`{"a":1,}`, problem.Syntax},
		{`{"a" 1}`, problem.Syntax},
		{`[1 2]`, problem.Syntax},
		{`{} {}`, problem.Syntax},
		{`01`, problem.Syntax},
		{`1.`, problem.Syntax},
		{`-`, problem.Syntax},
		{`tru`, problem.Syntax},
		{"\"a\x01\"", problem.Syntax},
		{`"\x"`, problem.Syntax},
		{`"\ud800"`, problem.Syntax},               // a lone high surrogate
		{`"\udc00"`, problem.Syntax},               // a lone low surrogate
		{`"\ud800\u0041"`, problem.Syntax},         // high followed by a non-surrogate
		{"\"a\xff\"", problem.InvalidUTF8},         // invalid UTF-8 is refused, never replaced
		{"\"a\xed\xa0\x80\"", problem.InvalidUTF8}, // an encoded surrogate
		{strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth), ""},
		{strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1), problem.TooDeep},
		{``, problem.Syntax},
	} {
		var l report.List
		_, ok := Check([]byte(tc.in), 1<<20, &l)
		if tc.code == "" {
			assert.True(t, ok, "%q: %v", tc.in, codes(&l))
			continue
		}
		require.False(t, ok, tc.in)
		assert.Equal(t, tc.code, l.Problems()[0].Code, tc.in)
	}
	var l report.List
	_, ok := Check([]byte(`[1,2,3]`), 5, &l)
	assert.False(t, ok)
	assert.Equal(t, problem.TooLarge, l.Problems()[0].Code)
}

type pair struct {
	Name  string
	Count int64
	Tags  []string
}

var pairFields = NewFields(
	Field[pair]{Name: "name", Required: true,
		Read:  func(d *Decoder, v *pair) { v.Name, _ = d.String() },
		Write: func(w *Writer, v *pair) { w.String(v.Name) }},
	Field[pair]{Name: "count",
		Read:  func(d *Decoder, v *pair) { v.Count, _ = d.Int(0, 10) },
		Write: func(w *Writer, v *pair) { w.Int(v.Count) },
		Omit:  func(v *pair) bool { return v.Count == 0 }},
	Field[pair]{Name: "tags",
		Read: func(d *Decoder, v *pair) {
			d.Array(3, func(int) {
				if s, ok := d.String(); ok {
					v.Tags = append(v.Tags, s)
				}
			})
		},
		Write: func(w *Writer, v *pair) { w.Strings(v.Tags) },
		Omit:  func(v *pair) bool { return len(v.Tags) == 0 }},
)

func decodePairs(t *testing.T, in string) ([]pair, []string) {
	t.Helper()
	var l report.List
	d, ok := Parse([]byte(in), 1<<20, &l, "doc")
	require.True(t, ok, in)
	var out []pair
	d.Array(10, func(int) {
		var p pair
		pairFields.Decode(d, &p)
		out = append(out, p)
	})
	return out, codes(&l)
}

func TestFieldsDecode(t *testing.T) {
	got, probs := decodePairs(t, `[{"name":"a","count":3,"tags":["x","y"]},{"name":"b","name":"c"},{"count":99,"extra":1},{"name":5,"tags":["1","2","3","4"]}, {"name":"n","count":null}, "s", {"name":null}, {"name":null,"name":"x"}]`)
	assert.Equal(t, []string{
		"doc[1].name duplicate",   // the same key twice: refused, not "last wins"
		"doc[2].count bad_number", // out of range
		"doc[2].extra unknown_field",
		"doc[2].name required",
		"doc[3].name type",
		"doc[3].tags too_large",
		"doc[5] type",
		"doc[6].name required",  // null for a required field is missing, not a zero value
		"doc[7].name duplicate", // a null counts as given for duplicates
	}, probs)
	assert.Equal(t, pair{Name: "a", Count: 3, Tags: []string{"x", "y"}}, got[0])
	assert.Equal(t, "b", got[1].Name, "the first value is kept for reading on; the problem refuses the input")
	assert.Equal(t, pair{Name: "n"}, got[4], "null counts as absent")
}

func TestEscapesAndUnicode(t *testing.T) {
	got, probs := decodePairs(t, `[{"name":"a\"b\\c\/d\n\u00e9\ud83d\ude00 王"}]`)
	assert.Empty(t, probs)
	assert.Equal(t, "a\"b\\c/d\né😀 王", got[0].Name)
}

func TestWriterRoundTrip(t *testing.T) {
	in := []pair{{Name: "王<&>\"\n", Count: 2, Tags: []string{"a"}}, {Name: "b"}}
	for _, indent := range []string{"", "  "} {
		w := NewWriter(indent)
		w.BeginArray()
		for i := range in {
			pairFields.Encode(w, &in[i])
		}
		w.EndArray()
		assert.True(t, json.Valid(w.Bytes()), string(w.Bytes()))
		assert.Contains(t, string(w.Bytes()), `王<&>\"\n`, "no HTML escaping")
		got, probs := decodePairs(t, string(w.Bytes()))
		assert.Empty(t, probs)
		assert.Equal(t, in, got)
	}
	w := NewWriter("  ")
	w.BeginObject()
	w.Key("a")
	w.BeginArray()
	w.EndArray()
	w.Key("b")
	w.BeginObject()
	w.EndObject()
	w.EndObject()
	assert.Equal(t, "{\n  \"a\": [],\n  \"b\": {}\n}", string(w.Bytes()))
}

func TestObjectDuplicates(t *testing.T) {
	var l report.List
	d, ok := Parse([]byte(`{"x":1,"y":2,"x":3}`), 100, &l, "")
	require.True(t, ok)
	var keys []string
	d.Object(func(k []byte) {
		keys = append(keys, string(k))
		d.Skip()
	})
	assert.Equal(t, []string{"x", "y"}, keys)
	assert.Equal(t, []string{"x duplicate"}, codes(&l))
}

// Check agrees with encoding/json on syntax, and is stricter only about
// text: invalid UTF-8 and unpaired surrogate escapes.
func FuzzCheck(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":"c"}]}`, `"\ud800"`, "\"\xff\"", `[1e5, -0.5, true, null]`, `{"a":1,"a":2}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var l report.List
		start, ok := Check(b, 1<<20, &l)
		stripped := b
		if start == 3 {
			stripped = b[3:]
		}
		std := json.Valid(stripped)
		if ok && !std {
			t.Fatalf("accepted what encoding/json refuses: %q", b)
		}
		if !ok && std && utf8.Valid(stripped) && !strings.Contains(string(stripped), `\u`) && l.Problems()[0].Code != problem.TooDeep {
			t.Fatalf("refused valid JSON: %q: %v", b, codes(&l))
		}
		if ok {
			d := NewDecoder(b, start, &l, "")
			walk(d, 0)
		}
	})
}

// walk reads any value the generic way, to exercise the decoder.
func walk(d *Decoder, depth int) {
	switch d.Kind() {
	case KindObject:
		d.Object(func([]byte) { walk(d, depth+1) })
	case KindArray:
		d.Array(1000, func(int) { walk(d, depth+1) })
	case KindString:
		d.String()
	case KindNumber:
		d.Int(-1e9, 1e9)
	case KindBool:
		d.Bool()
	default:
		d.Skip()
	}
}

// String and StringBytes write the same JSON for plain text, for text that
// needs escapes and for invalid UTF-8 (written as U+FFFD).
func TestStringForms(t *testing.T) {
	for _, s := range []string{"", "plain", "王 §4(8)", "a\"b", `a\b`, "tab\there", "nl\n", "\x01", "bad\xffutf8", "\u2028", "😀"} {
		w1, w2, w3 := NewWriter(""), NewWriterSize("", 4), NewWriter("")
		w1.String(s)
		w2.StringBytes([]byte(s))
		w3.ScratchString(append(w3.Scratch(), s...))
		assert.Equal(t, string(w1.Bytes()), string(w2.Bytes()), "%q", s)
		assert.Equal(t, string(w1.Bytes()), string(w3.Bytes()), "%q", s)
		require.True(t, json.Valid(w1.Bytes()), "%q: %s", s, w1.Bytes())
		var back string
		require.NoError(t, json.Unmarshal(w1.Bytes(), &back))
		if utf8.ValidString(s) {
			assert.Equal(t, s, back)
		} else {
			assert.Equal(t, strings.ToValidUTF8(s, "\uFFFD"), back)
		}
	}
	w := NewWriterSize("", 4096) // room for the 101 runs
	w.BeginArray()
	if n := testing.AllocsPerRun(100, func() { w.ScratchString(append(w.Scratch(), "2023-06-01"...)) }); n != 0 {
		t.Fatalf("%v allocations", n)
	}
}

// plainText's word-at-a-time test agrees with a test of each byte, for
// each special byte at each position of strings of 0 to 24 bytes (three
// words and the tail), on an ASCII and on a Chinese background. A
// word test that missed a borrow, a byte's high bit or the last partial
// word fails here.
func TestPlainTextEachPosition(t *testing.T) {
	byByte := func(s string) (ok, ascii bool) {
		ascii = true
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < 0x20 || c == '"' || c == '\\' {
				return false, false
			}
			ascii = ascii && c < 0x80
		}
		return true, ascii
	}
	specials := []byte{0x00, 0x01, 0x0a, 0x1f, 0x20, 0x21, '"', '#', '[', '\\', ']', 0x7f, 0x80, 0xa0, 0xdf, 0xe0, 0xff}
	backgrounds := []string{strings.Repeat("a", 24), strings.Repeat("王", 8), strings.Repeat(" ", 24), strings.Repeat("\x21", 24)}
	n := 0
	for _, bg := range backgrounds {
		for size := 0; size <= 24; size++ {
			for pos := 0; pos < size; pos++ {
				for _, c := range specials {
					b := []byte(bg[:size])
					b[pos] = c
					s := string(b)
					ok, ascii := plainText(s)
					wantOK, wantASCII := byByte(s)
					require.Equal(t, wantOK, ok, "%q", s)
					if ok {
						require.Equal(t, wantASCII, ascii, "%q", s)
					}
					okB, asciiB := plainText(b)
					require.Equal(t, ok, okB, "%q as bytes", s)
					require.Equal(t, ascii, asciiB, "%q as bytes", s)
					n++
				}
			}
		}
	}
	require.Equal(t, 4*300*len(specials), n, "every case ran")
	// Two specials in one word, the lower one of them a borrower.
	for _, s := range []string{"\x00\"aaaaaa", "a\x1f\\aaaaa", "aaaaaa\x00\x20", "aaaaaa\x20\x00"} {
		ok, _ := plainText(s)
		require.False(t, ok, "%q", s)
	}
}

// The checker and the decoder skip plain ASCII eight bytes at a time and
// stop at the first byte of another kind: a quote, backslash, control
// character or non-ASCII rune at each position of strings of 0 to 24 bytes
// is found there. Escaped, each string is accepted and reads back as it
// was; a raw control character is refused.
func TestStringsEachPosition(t *testing.T) {
	specials := []string{"\"", "\\", "\n", "\x01", "\x1f", "王", "é", "😀", "/"}
	for size := 0; size <= 24; size++ {
		for pos := 0; pos <= size; pos++ {
			for _, c := range specials {
				v := strings.Repeat("a", pos) + c + strings.Repeat("b", size-pos)
				doc, err := json.Marshal(map[string]string{"k": v})
				require.NoError(t, err)
				var l report.List
				d, ok := Parse(doc, 1<<10, &l, "")
				require.True(t, ok, "%s", doc)
				var got string
				d.Object(func(k []byte) {
					require.Equal(t, "k", string(k))
					got, _ = d.String()
				})
				require.Equal(t, v, got, "%s", doc)
				// Skip passes over the same string to the value after it.
				var l2 report.List
				d2, ok := Parse(append(append([]byte(`[`), doc...), `,7]`...), 1<<10, &l2, "")
				require.True(t, ok)
				var n int64
				d2.Array(2, func(i int) {
					if i == 0 {
						d2.Skip()
						return
					}
					n, _ = d2.Int(0, 10)
				})
				require.Equal(t, int64(7), n, "%s", doc)
				if c[0] < 0x20 {
					raw := []byte(`"` + v + `"`)
					var l3 report.List
					_, ok := Check(raw, 1<<10, &l3)
					require.False(t, ok, "%q has a raw control character", raw)
				}
			}
			// Invalid UTF-8 at the position, in a word with no quote: a
			// stray continuation byte, an encoded surrogate, a cut rune.
			for _, bad := range []string{"\xff", "\x80", "\xed\xa0\x80", "\xe7\x8e"} {
				raw := []byte(`"` + strings.Repeat("a", pos) + bad + strings.Repeat("b", size-pos) + `"`)
				var l report.List
				_, ok := Check(raw, 1<<10, &l)
				require.False(t, ok, "%q is not UTF-8", raw)
				require.Equal(t, problem.InvalidUTF8, l.Problems()[0].Code, "%q", raw)
			}
		}
	}
}
