package batch

import (
	"bytes"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanAll returns every record as its fields joined by "|", or "!what"
// for a malformed one, with its line.
func scanAll(in string, oneByte bool) []string {
	var r = strings.NewReader(in)
	s := newScanner(r)
	if oneByte {
		s = newScanner(iotest.OneByteReader(r))
	}
	var out []string
	for {
		rec, line, res, what := s.next()
		switch res {
		case recEOF:
			return out
		case recTooLong:
			return append(out, "too long")
		case recSyntax:
			out = append(out, lineOf(line)+"!"+what)
			continue
		}
		var parts []string
		for i := range rec.n {
			parts = append(parts, string(rec.at(i)))
		}
		out = append(out, lineOf(line)+strings.Join(parts, "|"))
	}
}

func lineOf(n int) string { return string(rune('0'+n)) + ":" }

func TestScanner(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"a,b\nc,d\n", []string{"1:a|b", "2:c|d"}},
		{"a,b\r\nc,d", []string{"1:a|b", "2:c|d"}},
		{"\xef\xbb\xbfa,b\n", []string{"1:a|b"}},
		{"a,,\n\n,\n", []string{"1:a||", "3:|"}},
		{`"a,b","c""d",e` + "\n", []string{`1:a,b|c"d|e`}},
		{"\"two\nlines\",x\ny,z\n", []string{"1:two\nlines|x", "3:y|z"}},
		{"\"two\r\nlines\"\r\ny\r\n", []string{"1:two\r\nlines", "3:y"}},
		{`"open,x` + "\nmore\n", []string{"1:!a quoted field is not closed"}},
		{`"a"b,c` + "\nd\n", []string{"1:!text after a closing quote", "2:d"}},
		{`a"b,c` + "\nd\n", []string{"1:!a quote inside a field that does not begin with one", "2:d"}},
		{`x,"a"` + "\n", []string{"1:x|a"}},
		{`x,"a"`, []string{"1:x|a"}}, // closed by the end of the input
		{"x,\"a\nb\"", []string{"1:x|a\nb"}},
		{`x,"a""`, []string{"1:!a quoted field is not closed"}},
		{`x,""` + "\n" + `"",y`, []string{"1:x|", "2:|y"}},
	} {
		for _, one := range []bool{false, true} {
			assert.Equal(t, tc.want, scanAll(tc.in, one), "%q (one byte at a time: %v)", tc.in, one)
		}
	}
	// A record longer than the limit stops the scan.
	long := strings.Repeat("x", MaxRecordBytes+10) + "\n"
	assert.Equal(t, []string{"too long"}, scanAll(long, false))
}

// splitPlain is splitRow one byte at a time: the reference.
func splitPlain(row []byte) (n int, cells []cell) {
	from, col := 0, 0
	for i, c := range row {
		if c == ',' {
			if i > from {
				cells = append(cells, cell{col, row[from:i]})
			}
			col++
			from = i + 1
		}
	}
	if from < len(row) {
		cells = append(cells, cell{col, row[from:]})
	}
	return col + 1, cells
}

// FuzzSplitRow: splitRow's eight bytes at a time find the fields a byte at
// a time finds — bytes next to a comma that differ from it by one bit
// ('-', '.', '+', '\xac') included, which a borrowing zero-byte test would
// take for commas —, refuse a row with a quote anywhere, and say whether
// the row is all ASCII.
func FuzzSplitRow(f *testing.F) {
	for _, s := range []string{"", ",", "a", ",,,,,,,,,,,,,,,,", "h1,household,2023-06-01,,,,230102,urban,,,,,,,,,,,,,,,,,-5",
		",-,.,+,\xac,\xad,-,,,,,,,,,,,,,,,x", "abcdefgh,,,,,,,,ijklmnop,,,,,,,q", "abcdefg\",x", "abc,\"", "a,b,\xe4\xb8\xad,c,d,e,f,g,h"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, row []byte) {
		var r record
		ok := splitRow(&r, row)
		if bytes.IndexByte(row, '"') >= 0 {
			assert.False(t, ok, "a row with a quote")
			return
		}
		require.True(t, ok)
		n, want := splitPlain(row)
		assert.Equal(t, n, r.n)
		if len(want) == 0 {
			assert.Empty(t, r.cells)
		} else {
			assert.Equal(t, want, r.cells)
		}
		ascii := true
		for _, c := range row {
			ascii = ascii && c < 0x80
		}
		assert.Equal(t, ascii, r.ascii)
	})
}
