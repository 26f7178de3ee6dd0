package batch

import (
	"bytes"
	"encoding/binary"
	"io"
	"math/bits"
	"unicode/utf8"
)

// MaxRecordBytes bounds one CSV record (one row, quoted line breaks
// included): a longer one stops the read.
const MaxRecordBytes = 1 << 20

// maxBuffer holds a record of MaxRecordBytes and its line end: a record
// longer than maxBuffer, its line end included, is refused. The buffer
// grows to one byte more, so that whether a record of maxBuffer bytes ends
// there is read, not guessed, whatever the reader's way of saying the
// input ended.
const maxBuffer = MaxRecordBytes + 2

// record is a CSV record: how many fields it has, and those that are not
// empty (most cells of a long-format file are), in order.
type record struct {
	n     int
	cells []cell
	ascii bool // every byte of the record is below 0x80 (valid UTF-8 as it is)
}

// cell is a non-empty field and its column.
type cell struct {
	col int
	v   []byte
}

// at returns the field of column col ("" when empty).
func (r *record) at(col int) []byte {
	for _, c := range r.cells {
		if c.col >= col {
			if c.col == col {
				return c.v
			}
			break
		}
	}
	return nil
}

// validUTF8 reports whether every field is valid UTF-8 (an all-ASCII
// record without looking at its fields).
func (r *record) validUTF8() bool {
	if r.ascii {
		return true
	}
	for _, c := range r.cells {
		if !utf8.Valid(c.v) {
			return false
		}
	}
	return true
}

// add appends field v of column col, when it is not empty.
func (r *record) add(col int, v []byte) {
	if len(v) > 0 {
		r.cells = append(r.cells, cell{col, v})
	}
}

// trimCR drops a carriage return that ends b (a CRLF line end's): a
// byte's test, where bytes.TrimSuffix calls a comparison.
func trimCR(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\r' {
		return b[:n-1]
	}
	return b
}

// scanner splits CSV (RFC 4180: comma-separated, fields optionally in
// double quotes with "" for a quote, CRLF or LF line ends) into records
// without allocating per record. The fields of a record point into its
// buffers and stay valid until the next call of next.
type scanner struct {
	r          io.Reader
	buf        []byte
	start, end int // unread data: buf[start:end]
	eof        bool
	err        error // a read error, reported once the data before it is used
	line       int   // lines consumed
	rec        record
	unq        []byte // quoted fields' text, unescaped
	first      bool   // nothing read yet (a byte-order mark may follow)
}

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 256<<10), first: true}
}

// fill reads more data, moving what is unread to the front and growing the
// buffer up to MaxRecordBytes when a record does not fit. It reports false
// when nothing more can be read: at the end of the input, after a read
// error, or with a full buffer of MaxRecordBytes.
func (s *scanner) fill() bool {
	if s.eof {
		return false
	}
	if s.start > 0 {
		n := copy(s.buf, s.buf[s.start:s.end])
		s.start, s.end = 0, n
	}
	if s.end == len(s.buf) {
		if len(s.buf) > maxBuffer {
			return false
		}
		nb := make([]byte, min(2*len(s.buf), maxBuffer+1))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	for {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			s.eof = true
			if err != io.EOF {
				s.err = err
			}
			return n > 0
		}
		if n > 0 {
			return true
		}
	}
}

// result of next.
const (
	recOK = iota
	recEOF
	recSyntax  // a malformed record, skipped to the end of its line; what says why
	recTooLong // a record longer than MaxRecordBytes: the read stops
)

// bom skips a byte-order mark at the start of the input, as spreadsheets
// write one.
func (s *scanner) bom() {
	if !s.first {
		return
	}
	s.first = false
	for s.end-s.start < 3 && s.fill() {
	}
	if bytes.HasPrefix(s.buf[s.start:s.end], []byte("\xef\xbb\xbf")) {
		s.start += 3
	}
}

// next reads the next non-empty record. line is the line it starts on.
func (s *scanner) next() (rec *record, line int, result int, what string) {
	s.bom()
	for {
		data := s.buf[s.start:s.end]
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 && !s.eof {
			if s.fill() {
				continue
			}
			if !s.eof {
				return nil, s.line + 1, recTooLong, ""
			}
			data = s.buf[s.start:s.end]
		}
		if len(data) == 0 {
			return nil, s.line + 1, recEOF, ""
		}
		lineEnd := len(data)
		if nl >= 0 {
			lineEnd = nl
		}
		if nl >= 0 && nl+1 > maxBuffer || nl < 0 && len(data) > maxBuffer {
			return nil, s.line + 1, recTooLong, ""
		}
		if row := trimCR(data[:lineEnd]); splitRow(&s.rec, row) {
			// The common case: no quotes, one line.
			s.start += min(lineEnd+1, len(data))
			s.line++
			if len(row) == 0 {
				continue // an empty line
			}
			return &s.rec, s.line, recOK, ""
		}
		n, complete, what := s.quoted(data)
		if !complete {
			wasEOF := s.eof
			if s.fill() {
				continue
			}
			if !s.eof {
				return nil, s.line + 1, recTooLong, ""
			}
			if !wasEOF {
				continue // the end of the input is known only now: read the record again
			}
			data = s.buf[s.start:s.end]
			n, what = len(data), "a quoted field is not closed"
		}
		if what != "" {
			// Skip to the end of the line where the record went wrong,
			// reading on until it is in the buffer.
			if j := bytes.IndexByte(data[n:], '\n'); j >= 0 {
				n += j + 1
			} else if !s.eof {
				if s.fill() || s.eof {
					continue
				}
				return nil, s.line + 1, recTooLong, ""
			} else {
				n = len(data)
			}
		}
		if n > maxBuffer {
			return nil, s.line + 1, recTooLong, ""
		}
		line = s.line + 1
		s.line += bytes.Count(data[:n], []byte{'\n'})
		if data[n-1] != '\n' {
			s.line++ // the last line, without a line end
		}
		s.start += n
		if what != "" {
			return nil, line, recSyntax, what
		}
		return &s.rec, line, recOK, ""
	}
}

// quoted reads one record with quoted fields from data: the bytes it
// takes, false when data ends before the record does (and more may come),
// and what is wrong with a malformed record.
func (s *scanner) quoted(data []byte) (n int, complete bool, what string) {
	r := &s.rec
	r.cells, r.n, r.ascii, s.unq = r.cells[:0], 0, false, s.unq[:0]
	i := 0
	for {
		if i < len(data) && data[i] == '"' {
			i++
			from := len(s.unq)
			for {
				j := bytes.IndexByte(data[i:], '"')
				if j < 0 {
					return 0, false, ""
				}
				s.unq = append(s.unq, data[i:i+j]...)
				i += j + 1
				if i < len(data) && data[i] == '"' {
					s.unq = append(s.unq, '"')
					i++
					continue
				}
				if i == len(data) && !s.eof {
					return 0, false, "" // a "" may follow
				}
				break
			}
			// Slices of unq stay valid when a later append moves it.
			r.add(r.n, s.unq[from:len(s.unq):len(s.unq)])
			r.n++
			switch {
			case i == len(data):
				return i, true, ""
			case data[i] == ',':
				i++
				continue
			case data[i] == '\n':
				return i + 1, true, ""
			case data[i] == '\r' && i+1 < len(data) && data[i+1] == '\n':
				return i + 2, true, ""
			case data[i] == '\r' && i+1 == len(data) && !s.eof:
				return 0, false, ""
			}
			return i, true, "text after a closing quote"
		}
		j := bytes.IndexAny(data[i:], ",\n")
		if j < 0 {
			if !s.eof {
				return 0, false, ""
			}
			j = len(data) - i
		}
		field := data[i : i+j]
		end := i + j
		last := end == len(data) || data[end] == '\n'
		if last {
			field = trimCR(field)
		}
		if bytes.IndexByte(field, '"') >= 0 {
			return i + bytes.IndexByte(field, '"'), true, "a quote inside a field that does not begin with one"
		}
		r.add(r.n, field)
		r.n++
		if last {
			if end < len(data) {
				end++
			}
			return end, true, ""
		}
		i = end + 1
	}
}

// Eight bytes at a time: the high bit of each byte, its low seven bits,
// a comma and a quote in every byte.
const (
	highBits = 0x8080808080808080
	lowBits  = 0x7f7f7f7f7f7f7f7f
	commas8  = 0x2c2c2c2c2c2c2c2c
	quotes8  = 0x2222222222222222
)

// zeros returns the high bit of each zero byte of x: exact, with no borrow
// from one byte into the next (which would take a '-' after a comma for
// one).
func zeros(x uint64) uint64 { return ^((x&lowBits + lowBits) | x) & highBits }

// splitRow splits a row at its commas into r, keeping the non-empty
// fields, and notes whether it is all ASCII; it reports false, the row
// not split, when the row holds a quote (the scanner's quoted path reads
// it). Rows are short and mostly commas: it reads eight bytes at a time,
// visits each comma by its bit, and steps over eight empty fields in one
// step.
func splitRow(r *record, row []byte) bool {
	cells := r.cells[:0]
	from, col, i := 0, 0, 0
	var seen uint64 // every byte read, or-ed: its high bits say non-ASCII
	for ; i+8 <= len(row); i += 8 {
		w := binary.LittleEndian.Uint64(row[i:])
		if zeros(w^quotes8) != 0 {
			return false
		}
		seen |= w
		m := zeros(w ^ commas8)
		if m == highBits && from == i {
			col, from = col+8, i+8 // eight empty fields
			continue
		}
		for ; m != 0; m &= m - 1 {
			j := i + bits.TrailingZeros64(m)>>3
			if j > from {
				cells = append(cells, cell{col, row[from:j:j]})
			}
			col++
			from = j + 1
		}
	}
	for ; i < len(row); i++ {
		c := row[i]
		switch {
		case c == '"':
			return false
		case c == ',':
			if i > from {
				cells = append(cells, cell{col, row[from:i:i]})
			}
			col++
			from = i + 1
		}
		seen |= uint64(c)
	}
	if from < len(row) {
		cells = append(cells, cell{col, row[from:len(row):len(row)]})
	}
	r.cells, r.n, r.ascii = cells, col+1, seen&highBits == 0
	return true
}
