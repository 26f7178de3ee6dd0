package batch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// describe is one household of p as text: key, line, problems or the
// household and its case.
func describe(p *Population, i int) string {
	if err := p.Err(i); err != nil {
		return fmt.Sprintf("%q line %d: %v", p.Key(i), p.Line(i), err)
	}
	var h income.Compact
	ids, c := p.View(i, &h)
	return fmt.Sprintf("%q line %d: %+v ids %v case %+v", p.Key(i), p.Line(i), h, ids, c)
}

// readSequential reads data with CSVReader.Read, a few households at a
// time, and describes every household; a read that stops ends with its
// error.
func readSequential(t testing.TB, data []byte, oneByte bool) []string {
	var r io.Reader = bytes.NewReader(data)
	if oneByte {
		r = iotest.OneByteReader(r)
	}
	cr, err := NewCSVReader(r)
	require.NoError(t, err)
	return readRest(cr)
}

// readBlocks reads data as a Run does: cut into blocks of about size bytes
// (no boundary found within limit: the rest read in sequence), each block
// read by a reader of its own.
func readBlocks(t testing.TB, data []byte, size, limit int) (out []string, blocks int) {
	return readBlocksOf(t, data, size, limit, 4096)
}

// readBlocksOf is readBlocks with blocks of at most rows lines, each
// checked to hold at most rows households, or one (and the last block one
// more: the input's last row, without a line end, is not a line).
func readBlocksOf(t testing.TB, data []byte, size, limit, rows int) (out []string, blocks int) {
	cr, err := NewCSVReader(iotest.HalfReader(bytes.NewReader(data)))
	require.NoError(t, err)
	sp := newSplitter(cr, rows)
	require.NotNil(t, sp)
	sp.size, sp.limit = size, limit
	br := cr.blockReader()
	var buf []byte
	var p Population
	for {
		block, line, err := sp.next(buf)
		buf = block
		if err == errSequential {
			seq := readRest(cr)
			return append(out, seq...), blocks
		}
		blocks++
		p.Reset()
		perr := br.readBlock(block, line, &p)
		if p.Len() > 1 && p.Len() > rows && !(errors.Is(err, io.EOF) && p.Len() == rows+1) {
			t.Errorf("a block of %d households (at most %d lines)", p.Len(), rows)
		}
		for i := range p.Len() {
			out = append(out, describe(&p, i))
		}
		if perr != nil {
			return append(out, "stop: "+perr.Error()), blocks
		}
		if errors.Is(err, io.EOF) {
			return out, blocks
		}
		if err != nil {
			return append(out, "stop: "+err.Error()), blocks
		}
	}
}

// readRest reads what is left of cr's input with CSVReader.Read, three
// households at a time, and describes every household; a read that stops
// ends with its error.
func readRest(cr *CSVReader) []string {
	var out []string
	var p Population
	for {
		p.Reset()
		_, err := cr.Read(&p, 3)
		for i := range p.Len() {
			out = append(out, describe(&p, i))
		}
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			return append(out, "stop: "+err.Error())
		}
	}
}

// synthCSVBytes is the CSV of n synthetic households of every rule.
func synthCSVBytes(t testing.TB, n int) []byte {
	return csvOfSynth(t, n, SynthOptions{Seed: 7, Date: standards.MustParseDate("2023-06-01")})
}

// csvOfSynth is the CSV of the n households Synthesize draws with opts.
func csvOfSynth(t testing.TB, n int, opts SynthOptions) []byte {
	p, err := Synthesize(n, opts)
	require.NoError(t, err)
	var b bytes.Buffer
	cw, err := NewCSVWriter(&b)
	require.NoError(t, err)
	require.NoError(t, cw.Write(p))
	require.NoError(t, cw.Flush())
	return b.Bytes()
}

// mutate rewrites the lines of a CSV file after its header.
func mutate(data []byte, f func(i int, line string) string) []byte {
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	for i := 1; i < len(lines); i++ {
		lines[i] = f(i, lines[i])
	}
	return []byte(strings.Join(lines, "\n") + "\n")
}

// TestSplitMatchesSequential: the households, problems, line numbers and
// stops of an input read in blocks are those of a read in one piece, for
// blocks of every size down to a byte and inputs that put quotes, quoted
// line breaks, malformed records, empty lines, long keys, wrong field
// counts, CRLF, a byte-order mark and over-long records at block
// boundaries. A splitter that cut at any line (not where the key changes),
// counted lines from the block, not the input, missed a quoted line break
// or compared keys without MaxKeyLength's cut would fail it.
func TestSplitMatchesSequential(t *testing.T) {
	base := synthCSVBytes(t, 120)
	long := strings.Repeat("k", MaxKeyLength+5)
	cases := map[string][]byte{
		"plain":             base,
		"crlf":              bytes.ReplaceAll(base, []byte("\n"), []byte("\r\n")),
		"bom":               append([]byte("\xef\xbb\xbf"), base...),
		"no final line end": bytes.TrimSuffix(base, []byte("\n")),
		"quoted keys": mutate(base, func(i int, l string) string {
			if i%3 == 0 { // the same key, quoted: the same household
				k, rest, _ := strings.Cut(l, ",")
				return `"` + k + `",` + rest
			}
			return l
		}),
		"quoted line breaks": mutate(base, func(i int, l string) string {
			if i%5 == 0 {
				return strings.Replace(l, ",,", `,"a ""b""`+"\n"+`c",`, 1)
			}
			return l
		}),
		"malformed": mutate(base, func(i int, l string) string {
			switch i % 11 {
			case 0:
				return strings.Replace(l, ",,", `,x"y,`, 1)
			case 4:
				return strings.Replace(l, ",,", `,"x"y,`, 1)
			case 7:
				return `"open` + "\n" + l
			}
			return l
		}),
		"empty lines": mutate(base, func(i int, l string) string {
			if i%4 == 0 {
				return "\n\r\n" + l
			}
			return l
		}),
		"long keys": mutate(base, func(i int, l string) string {
			if i%9 < 3 { // three rows in a row under a key longer than allowed
				_, rest, _ := strings.Cut(l, ",")
				return long + "," + rest
			}
			if i%9 == 3 { // then one under its first MaxKeyLength bytes
				_, rest, _ := strings.Cut(l, ",")
				return long[:MaxKeyLength] + "," + rest
			}
			return l
		}),
		"long keys, quoted": mutate(base, func(i int, l string) string {
			_, rest, _ := strings.Cut(l, ",")
			switch i % 9 {
			case 0, 1:
				return long + "," + rest
			case 2:
				return `"` + long + `",` + rest
			case 3:
				return `"` + long[:MaxKeyLength] + `",` + rest
			}
			return l
		}),
		"field counts": mutate(base, func(i int, l string) string {
			if i%6 == 0 {
				return l + ",extra"
			}
			if i%13 == 0 {
				return "justakey"
			}
			return l
		}),
		"invalid utf-8": mutate(base, func(i int, l string) string {
			if i%8 == 0 {
				return strings.Replace(l, ",,", ",\xff,", 1)
			}
			return l
		}),
		"too long": mutate(base, func(i int, l string) string {
			if i == 200 {
				return l + strings.Repeat("x", MaxRecordBytes)
			}
			return l
		}),
		"quoted too long": mutate(base, func(i int, l string) string {
			if i == 150 {
				return l + `,"` + strings.Repeat("x\n", MaxRecordBytes/2) + `"`
			}
			return l
		}),
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			want := readSequential(t, data, false)
			require.Greater(t, len(want), 20)
			if !strings.Contains(name, "too long") { // a mebibyte a byte at a time is slow
				assert.Equal(t, want, readSequential(t, data, true), "one byte at a time")
			}
			for _, size := range []int{1, 97, 1000, 64 << 10, blockBytes} {
				got, blocks := readBlocks(t, data, size, maxBlockBytes)
				assert.Equal(t, want, got, "blocks of %d bytes", size)
				got, _ = readBlocksOf(t, data, size, maxBlockBytes, 3)
				assert.Equal(t, want, got, "blocks of %d bytes and 3 lines", size)
				if size == 1 && !strings.Contains(name, "too long") {
					assert.Greater(t, blocks, 50, "blocks of one byte cut at every household")
				}
			}
		})
	}
}

// TestSplitLongHousehold: a household whose rows run past the limit of a
// block is read, with the rest of the input, one household at a time — the
// same households as a read in one piece.
func TestSplitLongHousehold(t *testing.T) {
	base := synthCSVBytes(t, 40)
	data := mutate(base, func(i int, l string) string {
		if i >= 20 && i < 120 { // a hundred rows under one key
			_, rest, _ := strings.Cut(l, ",")
			return "big," + rest
		}
		return l
	})
	want := readSequential(t, data, false)
	got, blocks := readBlocks(t, data, 100, 2000)
	assert.Equal(t, want, got)
	assert.Less(t, blocks, len(want), "the rest was read in sequence")
	// Within the bytes of a block but over its lines: a block of its own
	// (readBlocksOf checks that a block of more than 10 households has one).
	got, _ = readBlocksOf(t, data, 100, maxBlockBytes, 10)
	assert.Equal(t, want, got)
}

// TestSplitShortRows: a block of many short rows — each a household that
// fails — holds at most the lines asked for (Run's Chunk), not a block's
// bytes' worth of households.
func TestSplitShortRows(t *testing.T) {
	var b strings.Builder
	b.WriteString(strings.Join(CSVHeader(), ",") + "\n")
	for i := range 20_000 {
		fmt.Fprintf(&b, "%d\n", i)
	}
	data := []byte(b.String())
	want := readSequential(t, data, false)
	require.Len(t, want, 20_000)
	got, blocks := readBlocksOf(t, data, blockBytes, maxBlockBytes, 500)
	assert.Equal(t, want, got)
	assert.GreaterOrEqual(t, blocks, 40, "500 households a block at most")
}

// TestSplitKeyColumn: the key in a column other than the first.
func TestSplitKeyColumn(t *testing.T) {
	base := synthCSVBytes(t, 60)
	rot := func(l string) string { // the first column moved to the end
		k, rest, _ := strings.Cut(strings.TrimSuffix(l, "\r"), ",")
		return rest + "," + k
	}
	lines := strings.Split(strings.TrimSuffix(string(base), "\n"), "\n")
	for i := range lines {
		lines[i] = rot(lines[i])
	}
	data := []byte(strings.Join(lines, "\n") + "\n")
	want := readSequential(t, data, false)
	for _, size := range []int{1, 300} {
		got, _ := readBlocks(t, data, size, maxBlockBytes)
		assert.Equal(t, want, got)
	}
}

// FuzzSplit: any input after a header reads the same in blocks as in one
// piece.
func FuzzSplit(f *testing.F) {
	head := strings.Join(CSVHeader(), ",") + "\n"
	f.Add([]byte("h1,household,2024-06-01\nh1,member\nh2,household\n"), uint16(3))
	f.Add([]byte("\"h1\",household\n\"h\n1\",x\n\nh2,\"a\"b\nh2\n"), uint16(1))
	f.Add(synthCSVBytes(f, 3)[len(head):], uint16(50))
	// A header of a few columns too, where short rows are well formed.
	short := "household,record,date,region,area,id,birth_date,relation,labour,member,kind,amount,period\n"
	f.Fuzz(func(t *testing.T, body []byte, size uint16) {
		h := head
		if size&1 == 1 {
			h = short
		}
		data := append([]byte(h), body...)
		want := readSequential(t, data, false)
		// Blocks of 1 to 512 bytes, at most 1 to 8 lines or 4096, and a
		// limit past which the rest is read in sequence.
		rows := 4096
		if size&2 == 2 {
			rows = int(size>>2)%8 + 1
		}
		got, _ := readBlocksOf(t, data, int(size%512)+1, 1024+int(size>>5)%4096, rows)
		if !assert.Equal(t, want, got) {
			t.Logf("input %q", data)
		}
	})
}

// TestRunBlocksMatchSequence: Run on a CSVReader (blocks read by its
// workers) writes the rows and summary of a Run on the same reader seen as
// a plain Reader (read in sequence), with one worker and with four.
func TestRunBlocksMatchSequence(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	data := mutate(synthCSVBytes(t, 3000), func(i int, l string) string {
		if rand.New(rand.NewPCG(uint64(i), 1)).IntN(40) == 0 {
			return strings.Replace(l, ",,", `,x"y,`, 1)
		}
		return l
	})
	run := func(plain bool, workers int) (string, Summary) {
		cr, err := NewCSVReader(bytes.NewReader(data))
		require.NoError(t, err)
		var in Reader = cr
		if plain {
			in = struct{ Reader }{cr}
		}
		var out bytes.Buffer
		sum, err := New(set, Options{Workers: workers}).Run(in, &out, RunOptions{Chunk: 50})
		require.NoError(t, err)
		return out.String(), sum
	}
	want, wantSum := run(true, 1)
	require.Greater(t, wantSum.Failed, 10)
	require.Equal(t, 3000, wantSum.Households)
	for _, workers := range []int{1, 4} {
		got, sum := run(false, workers)
		assert.Equal(t, want, got, "workers %d", workers)
		assert.Equal(t, wantSum, sum, "workers %d", workers)
	}
}

// TestRunAllocations: a Run's allocations do not grow with its input — the
// pieces in flight are reused — and a household of the common rules read
// from CSV and decided allocates nothing (an allocation per household would
// add 20 000 here).
func TestRunAllocations(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	csvOf := func(n int) []byte {
		return csvOfSynth(t, n, SynthOptions{Seed: 3, Date: standards.MustParseDate("2023-06-01"), Common: true})
	}
	allocs := func(data []byte) float64 {
		return testing.AllocsPerRun(2, func() {
			cr, err := NewCSVReader(bytes.NewReader(data))
			require.NoError(t, err)
			sum, err := New(set, Options{Workers: 1}).Run(cr, io.Discard, RunOptions{})
			require.NoError(t, err)
			require.Zero(t, sum.Failed)
		})
	}
	small, large := allocs(csvOf(10_000)), allocs(csvOf(30_000))
	t.Logf("allocations: %v for 10 000 households, %v for 30 000", small, large)
	assert.Less(t, large, small+500)
}

// TestViewSetsEveryField: View writes every field of its destination (it
// writes them one by one, and a field added to income.Compact that it did
// not write would keep the household before's value).
func TestViewSetsEveryField(t *testing.T) {
	var p Population
	p.Add("", &income.Compact{}, nil, Case{})
	var dst income.Compact
	v := reflect.ValueOf(&dst).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		switch f.Kind() {
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			f.SetInt(1)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			f.SetUint(1)
		case reflect.Struct:
			switch f.Interface().(type) {
			case money.Rate:
				f.Set(reflect.ValueOf(money.MustRate("1")))
			case standards.Region:
				f.Set(reflect.ValueOf(standards.MustRegion("230102")))
			default:
				t.Fatalf("field %s: type %s", v.Type().Field(i).Name, f.Type())
			}
		default:
			t.Fatalf("field %s: kind %s", v.Type().Field(i).Name, f.Kind())
		}
	}
	p.View(0, &dst)
	for i := range v.NumField() {
		f := v.Field(i)
		assert.True(t, f.IsZero() || f.Kind() == reflect.Slice && f.Len() == 0, "View left %s as it was", v.Type().Field(i).Name)
	}
}

// TestRunStops: a read that stops — a read error, a record longer than
// MaxRecordBytes — stops a Run with its error after the rows of every
// household before it are written (flushed, not left in the buffer), on
// the block path and the plain path alike; a write error stops it too.
func TestRunStops(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	data := synthCSVBytes(t, 200)
	half := data[:bytes.LastIndex(data[:len(data)/2], []byte("\nh"))+1] // whole households
	before := len(readSequential(t, half, false))
	boom := errors.New("boom")
	for name, tc := range map[string]struct {
		in   func() io.Reader
		want string
	}{
		"read error": {func() io.Reader { return io.MultiReader(bytes.NewReader(half), iotest.ErrReader(boom)) }, "boom"},
		"too long": {func() io.Reader {
			return io.MultiReader(bytes.NewReader(half), strings.NewReader("k,"+strings.Repeat("x", MaxRecordBytes)+"\nk2,household\n"))
		}, "longer than"},
	} {
		for _, plain := range []bool{false, true} {
			cr, err := NewCSVReader(tc.in())
			require.NoError(t, err)
			var in Reader = cr
			if plain {
				in = struct{ Reader }{cr}
			}
			var out bytes.Buffer
			sum, err := New(set, Options{Workers: 2}).Run(in, &out, RunOptions{Chunk: 7})
			require.ErrorContains(t, err, tc.want, "%s, plain %v", name, plain)
			assert.Equal(t, before, sum.Households, "%s, plain %v", name, plain)
			assert.Equal(t, before+1, strings.Count(out.String(), "\n"), "%s, plain %v: the header and a row a household", name, plain)
		}
	}
	// A writer that fails after a few rows: its error, and no more reading.
	cr, err := NewCSVReader(bytes.NewReader(data))
	require.NoError(t, err)
	_, err = New(set, Options{Workers: 2}).Run(cr, &failingWriter{n: 300, err: boom}, RunOptions{})
	require.ErrorIs(t, err, boom)
}

// failingWriter takes n bytes, then fails with err.
type failingWriter struct {
	n   int
	err error
}

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		k := w.n
		w.n = 0
		return k, w.err
	}
	w.n -= len(p)
	return len(p), nil
}

// TestTooLongBoundary: a record of maxBuffer bytes, its line end included,
// is read; one of maxBuffer + 1 stops the read — whatever its shape, at the
// end of the input or not, whichever way the reader says the input ended
// (with its last data or after it), read in one piece or in blocks.
func TestTooLongBoundary(t *testing.T) {
	head := strings.Join(CSVHeader(), ",") + "\nh1,household,2024-06-01\n"
	pad := func(prefix, suffix string, n int) string { // a record of n bytes
		return prefix + strings.Repeat("x", n-len(prefix)-len(suffix)) + suffix
	}
	for _, tc := range []struct {
		name   string
		record func(n int) string
		last   bool // the record ends the input
	}{
		{"plain", func(n int) string { return pad("k,", "\n", n) }, false},
		{"plain, CRLF", func(n int) string { return pad("k,", "\r\n", n) }, false},
		{"plain, no line end", func(n int) string { return pad("k,", "", n) }, true},
		{"quoted", func(n int) string { return pad(`k,"`, "\"\n", n) }, false},
		{"quoted, no line end", func(n int) string { return pad(`k,"`, `"`, n) }, true},
		{"quoted line breaks", func(n int) string { return pad(`k,"a`+"\n", "\"\n", n) }, false},
		{"not closed", func(n int) string { return pad(`k,"`, "\n", n) }, true},
		{"malformed", func(n int) string { return pad(`k,"a"b`, "\n", n) }, false},
	} {
		for _, n := range []int{maxBuffer - 1, maxBuffer, maxBuffer + 1} {
			data := head + tc.record(n)
			if !tc.last {
				data += "h2,household,2024-06-01\n"
			}
			want := readSequential(t, []byte(data), false)
			stopped := strings.HasPrefix(want[len(want)-1], "stop:")
			assert.Equal(t, n > maxBuffer, stopped, "%s, %d bytes: stopped", tc.name, n)
			// The last data and io.EOF in one call.
			cr, err := NewCSVReader(iotest.DataErrReader(strings.NewReader(data)))
			require.NoError(t, err)
			assert.Equal(t, want, readRest(cr), "%s, %d bytes: EOF with the data", tc.name, n)
			for _, size := range []int{1, 64 << 10, blockBytes} {
				got, _ := readBlocks(t, []byte(data), size, maxBlockBytes)
				assert.Equal(t, want, got, "%s, %d bytes: blocks of %d", tc.name, n, size)
			}
		}
	}
}
