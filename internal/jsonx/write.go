package jsonx

import (
	"encoding/binary"
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/dibao-go/dibao/money"
)

// Writer appends JSON to a buffer, compact or indented. Strings are written
// with the escapes JSON needs and nothing else (no HTML escaping).
type Writer struct {
	buf     []byte
	scratch []byte // Scratch's buffer
	indent  string
	depth   int
	fresh   bool      // just after an opening bracket
	key     bool      // just after a key
	inline  [128]byte // the scratch buffer's first storage: room for most values
}

// NewWriter returns a writer; indent "" writes compact JSON.
func NewWriter(indent string) *Writer { return newWriter(indent, nil) }

// WriterOn returns a compact writer appending to b.
func WriterOn(b []byte) *Writer { return newWriter("", b) }

// NewWriterSize is NewWriter with room for n bytes before the buffer grows.
func NewWriterSize(indent string, n int) *Writer { return newWriter(indent, make([]byte, 0, n)) }

func newWriter(indent string, b []byte) *Writer {
	w := &Writer{indent: indent, buf: b}
	// The scratch buffer with room for most values (dates, amounts,
	// citations) in the writer itself, not grown value by value.
	w.scratch = w.inline[:0]
	return w
}

// Bytes returns the JSON written so far.
func (w *Writer) Bytes() []byte { return w.buf }

// Reset empties the writer, keeping its buffer.
func (w *Writer) Reset() { w.buf, w.depth, w.fresh, w.key = w.buf[:0], 0, false, false }

func (w *Writer) newline() {
	if w.indent == "" {
		return
	}
	w.buf = append(w.buf, '\n')
	for range w.depth {
		w.buf = append(w.buf, w.indent...)
	}
}

// sep writes what comes before a value or key.
func (w *Writer) sep() {
	switch {
	case w.key:
		w.key = false
		return
	case w.fresh:
		w.fresh = false
	case w.depth > 0:
		w.buf = append(w.buf, ',')
	default:
		return
	}
	w.newline()
}

// BeginObject opens an object.
func (w *Writer) BeginObject() { w.sep(); w.buf = append(w.buf, '{'); w.depth++; w.fresh = true }

// EndObject closes it.
func (w *Writer) EndObject() { w.end('}') }

// BeginArray opens an array.
func (w *Writer) BeginArray() { w.sep(); w.buf = append(w.buf, '['); w.depth++; w.fresh = true }

// EndArray closes it.
func (w *Writer) EndArray() { w.end(']') }

func (w *Writer) end(c byte) {
	w.depth--
	if !w.fresh {
		w.newline()
	}
	w.fresh = false
	w.buf = append(w.buf, c)
}

// Key writes a field name; the next write is its value.
func (w *Writer) Key(k string) {
	w.sep()
	w.quote(k)
	w.colon()
}

// quotedKey writes a field name already quoted and followed by its colon
// (a field table's).
func (w *Writer) quotedKey(q string) {
	if w.indent != "" {
		w.sep()
		w.buf = append(w.buf, q[:len(q)-1]...)
		w.colon()
		return
	}
	// Compact: a key is never the first thing written, nor follows a key.
	if !w.fresh {
		w.buf = append(w.buf, ',')
	}
	w.fresh = false
	w.buf = append(w.buf, q...)
	w.key = true
}

func (w *Writer) colon() {
	w.buf = append(w.buf, ':')
	if w.indent != "" {
		w.buf = append(w.buf, ' ')
	}
	w.key = true
}

// String writes a string value.
func (w *Writer) String(s string) { w.sep(); w.quote(s) }

// StringBytes writes b as a string value.
func (w *Writer) StringBytes(b []byte) {
	w.sep()
	if plain(b) {
		w.buf = append(append(append(w.buf, '"'), b...), '"')
		return
	}
	w.quote(string(b))
}

// Scratch returns the writer's scratch buffer, empty, to build a string
// value in without allocating; ScratchString writes it.
func (w *Writer) Scratch() []byte { return w.scratch[:0] }

// ScratchString writes b, built on Scratch's buffer, as a string value,
// and keeps the buffer for the next Scratch.
func (w *Writer) ScratchString(b []byte) {
	w.scratch = b[:0]
	w.StringBytes(b)
}

// ScratchRaw writes b, JSON built on Scratch's buffer, as it is, and keeps
// the buffer for the next Scratch.
func (w *Writer) ScratchRaw(b []byte) {
	w.scratch = b[:0]
	w.Raw(b)
}

// plainString reports a string JSON holds as it is: valid UTF-8 with no
// quote, backslash or control character.
func plainString(s string) bool {
	ok, ascii := plainText(s)
	return ok && (ascii || utf8.ValidString(s))
}

// plain is plainString for bytes.
func plain(b []byte) bool {
	ok, ascii := plainText(b)
	return ok && (ascii || utf8.Valid(b))
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// word returns the eight bytes of s from i as a little-endian word (the
// compiler makes the shifts one load).
func word[T string | []byte](s T, i int) uint64 {
	return uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
}

// special is nonzero exactly when a byte of the word x is a quote, a
// backslash or a control character, tested without a branch on each byte.
// For n ≤ 0x20, (x - n·ones) &^ x & highs is nonzero exactly when some byte
// of x is below n: such a byte wraps to at least 0xDF, its high bit set in
// the difference and clear in x; a byte at or above n wraps only when a
// lower byte borrowed, and the lowest byte to borrow is below n; a byte
// with its high bit set is never flagged. A quote or backslash is a zero
// byte (below 1) of x XOR that character in every byte. The lowest set bit
// is in the first such byte: a false mark lies only above a true one.
func special(x uint64) uint64 {
	q, b := x^('"'*ones), x^('\\'*ones)
	return (x-0x20*ones)&^x&highs | (q-ones)&^q&highs | (b-ones)&^b&highs
}

// skipPlain returns the index of the first byte of d from i that special
// marks, or with high = highs the first from 0x80, passing plain bytes
// eight at a time; where fewer than eight are left it returns the index it
// reached, for the caller's loop over single bytes.
func skipPlain(d []byte, i int, high uint64) int {
	for i+8 <= len(d) {
		x := binary.LittleEndian.Uint64(d[i:])
		if m := special(x) | x&high; m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	return i
}

// plainText reports whether s has no quote, backslash or control
// character, and whether it is all ASCII, eight bytes at a time.
func plainText[T string | []byte](s T) (ok, ascii bool) {
	var seen uint64 // the bytes' high bits, OR-ed: zero for ASCII
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := word(s, i)
		if special(x) != 0 {
			return false, false
		}
		seen |= x
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c == '"' || c == '\\' {
			return false, false
		}
		seen |= uint64(c)
	}
	return true, seen&highs == 0
}

// Int writes a whole number.
func (w *Writer) Int(n int64) { w.sep(); w.buf = strconv.AppendInt(w.buf, n, 10) }

// Bool writes true or false.
func (w *Writer) Bool(b bool) { w.sep(); w.buf = strconv.AppendBool(w.buf, b) }

// Null writes null.
func (w *Writer) Null() { w.sep(); w.buf = append(w.buf, "null"...) }

// Raw writes a JSON value as it is (the caller vouches for it).
func (w *Writer) Raw(b []byte) { w.sep(); w.buf = append(w.buf, b...) }

// Amount writes an amount's exact form as a string ("850", "875/3").
func (w *Writer) Amount(a money.Amount) { w.ScratchString(a.AppendTo(w.Scratch())) }

// Fixed writes an amount with two decimals as a string ("850.00").
func (w *Writer) Fixed(a money.Amount) { w.ScratchString(a.AppendDisplay(w.Scratch())) }

// Rate writes a rate as a string ("0.15").
func (w *Writer) Rate(r money.Rate) { w.ScratchString(r.AppendTo(w.Scratch())) }

// Strings writes an array of strings.
func (w *Writer) Strings(l []string) {
	w.BeginArray()
	for _, s := range l {
		w.String(s)
	}
	w.EndArray()
}

const hexDigits = "0123456789abcdef"

func (w *Writer) quote(s string) {
	if plainString(s) {
		w.buf = append(append(append(w.buf, '"'), s...), '"')
		return
	}
	b := append(w.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			// Never produced from checked input; written as U+FFFD rather
			// than as invalid JSON.
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	w.buf = append(b, '"')
}
