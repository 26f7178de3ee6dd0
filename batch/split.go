package batch

import (
	"bytes"
	"errors"
	"io"
	"slices"
)

// blockBytes is about how much of a CSV input one block holds: some five
// hundred households of the usual size, enough that handing a block over
// costs nothing beside reading it, and small enough that the pieces in
// flight stay in a few mebibytes (a mebibyte gave the same speed on one
// core and less on two).
const blockBytes = 256 << 10

// maxBlockBytes bounds a block that has found no household boundary yet:
// beyond it (one household's rows longer than this) a Run reads the rest of
// its input one household at a time, as CSVReader.Read does.
const maxBlockBytes = 8 << 20

// splitter cuts the CSV input after a CSVReader's header into blocks of
// whole households, without reading their fields, so that the workers of a
// Run read the blocks in parallel: block i+1 begins with the row that
// CSVReader.Read would begin a household with after the rows of block i.
// The cut follows the scanner's record boundaries exactly (quoted line
// breaks, malformed records skipped to their line's end) and its rule for a
// new household (a well-formed row whose key differs from the open
// household's, the key cut to MaxKeyLength), so that the blocks read
// separately give the households, problems and line numbers of a read in
// one piece.
type splitter struct {
	cr    *CSVReader
	r     io.Reader
	carry []byte // input read beyond the last block
	eof   bool
	err   error // a read error, reported after the data before it
	line  int   // lines before carry
	q     scanner
	key   []byte
	size  int // blockBytes; smaller in tests
	limit int // maxBlockBytes; smaller in tests
	rows  int // the most lines a block holds, bounding its households
}

// newSplitter takes over cr's input after its header, for blocks of at
// most rows lines (so at most rows households), or returns nil when cr has
// begun reading households.
func newSplitter(cr *CSVReader, rows int) *splitter {
	if cr.open || cr.err != nil {
		return nil
	}
	s := cr.s
	return &splitter{cr: cr, r: s.r, carry: append([]byte(nil), s.buf[s.start:s.end]...),
		eof: s.eof, err: s.err, line: s.line, size: blockBytes, limit: maxBlockBytes, rows: rows}
}

// next fills dst with the next block and returns it with the number of
// lines before it. err is io.EOF with the last block, a read error after
// the data before it, or errSequential when no household boundary was
// found within maxBlockBytes: the block is then empty and the rest of the
// input is left to cr.Read.
func (sp *splitter) next(dst []byte) (block []byte, line int, err error) {
	dst = append(dst[:0], sp.carry...)
	sp.carry = sp.carry[:0]
	want := sp.size
	for {
		for len(dst) < want && !sp.eof {
			dst = slices.Grow(dst, want-len(dst))
			n, rerr := sp.r.Read(dst[len(dst):want])
			dst = dst[:len(dst)+n]
			if rerr != nil {
				sp.eof = true
				if rerr != io.EOF {
					sp.err = rerr
				}
			}
		}
		line = sp.line
		end := min(want, len(dst))
		all := sp.eof && len(dst) <= want // the rest of the input is here
		lines := bytes.Count(dst[:end], []byte{'\n'})
		cut, cutLines := 0, 0
		if !all || lines > sp.rows {
			// A block of many short rows stops at its rows-th line; one
			// household of more rows than that is a block of its own.
			window, inWindow := dst[:end], lines
			if lines > sp.rows {
				window, inWindow = window[:afterLines(window, sp.rows)], sp.rows
			}
			if cut = sp.cut(window); cut > 0 {
				cutLines = inWindow - bytes.Count(window[cut:], []byte{'\n'}) // the few lines after the cut
			} else if len(window) < end {
				if cut = sp.walk(dst[:end], true); cut > 0 {
					cutLines = bytes.Count(dst[:cut], []byte{'\n'})
				}
			}
		}
		if cut > 0 {
			sp.carry = append(sp.carry, dst[cut:]...)
			sp.line += cutLines
			return dst[:cut], line, nil
		}
		if all {
			// The rest of the input is one block: within a block's lines, or
			// one household of more.
			sp.line += lines
			if sp.err != nil {
				return dst, line, sp.err
			}
			return dst, line, io.EOF
		}
		if want >= sp.limit {
			// One household longer than a block: the rest is read as
			// CSVReader.Read reads, from what is buffered and then the input.
			s := newScanner(io.MultiReader(bytes.NewReader(append([]byte(nil), dst...)), sp.r))
			s.first, s.line = false, sp.line
			if sp.err != nil {
				s.r = io.MultiReader(s.r, errReader{sp.err})
			}
			sp.cr.s = s
			return dst[:0], line, errSequential
		}
		want *= 2
	}
}

// errSequential is splitter.next's sign that the rest of the input is to be
// read one household at a time.
var errSequential = errors.New("batch: the rest of the input is read in sequence")

// errReader returns a read error that came after the data buffered.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// cut returns where the last household that begins in data (not at its
// start) begins, when a whole row of it is in data; 0 when none does.
func (sp *splitter) cut(data []byte) int {
	if bytes.IndexByte(data, '"') >= 0 {
		return sp.walk(data, false)
	}
	// No quotes: every line is a record, every non-empty one well formed.
	// Walk back from the last whole row to the last change of key.
	end := bytes.LastIndexByte(data, '\n')
	if end < 0 {
		return 0
	}
	var next []byte
	nextAt := -1
	for e := end; e >= 0; {
		s := bytes.LastIndexByte(data[:e], '\n') + 1
		row := trimCR(data[s:e])
		if len(row) > 0 {
			k := fieldAt(row, sp.cr.keyAt)
			k = k[:min(len(k), MaxKeyLength)] // as CSVReader.Read compares keys
			if nextAt >= 0 && !bytes.Equal(next, k) {
				return nextAt
			}
			next, nextAt = k, s
		}
		if s == 0 {
			break
		}
		e = s - 1
	}
	return 0
}

// afterLines returns where the n-th line of data ends (after its '\n');
// data has more than n.
func afterLines(data []byte, n int) int {
	at := 0
	for range n {
		at += bytes.IndexByte(data[at:], '\n') + 1
	}
	return at
}

// walk is cut by a walk forward over data's records, as the scanner reads
// them (for data with quotes); with first, it returns the first place a
// household begins instead of the last.
func (sp *splitter) walk(data []byte, first bool) int {
	q := &sp.q
	q.eof = false
	last, open := 0, false
	for pos := 0; pos < len(data); {
		rest := data[pos:]
		nl := bytes.IndexByte(rest, '\n')
		if nl < 0 {
			break // an incomplete row
		}
		var k []byte
		if row := rest[:nl]; bytes.IndexByte(row, '"') < 0 {
			row = trimCR(row)
			if len(row) == 0 {
				pos += nl + 1
				continue
			}
			k = fieldAt(row, sp.cr.keyAt)
			nl++
		} else {
			n, complete, what := q.quoted(rest)
			if !complete {
				break
			}
			if what != "" {
				j := bytes.IndexByte(rest[n:], '\n')
				if j < 0 {
					break
				}
				// A malformed record joins the open household, or opens
				// one without a key.
				if !open {
					open, sp.key = true, sp.key[:0]
				}
				pos += n + j + 1
				continue
			}
			k, nl = q.rec.at(sp.cr.keyAt), n
		}
		k = k[:min(len(k), MaxKeyLength)] // as CSVReader.Read compares keys
		if !open || !bytes.Equal(k, sp.key) {
			if open {
				if first {
					return pos
				}
				last = pos
			}
			open, sp.key = true, append(sp.key[:0], k...)
		}
		pos += nl
	}
	return last
}

// fieldAt returns field at of an unquoted row (nil when the row has fewer
// fields).
func fieldAt(row []byte, at int) []byte {
	for ; at > 0; at-- {
		i := bytes.IndexByte(row, ',')
		if i < 0 {
			return nil
		}
		row = row[i+1:]
	}
	if i := bytes.IndexByte(row, ','); i >= 0 {
		return row[:i]
	}
	return row
}

// readBlock reads the households of a block into p: cr is a reader of the
// same header that has read nothing of its own. The error is the one that
// would stop CSVReader.Read within the block (a record longer than
// MaxRecordBytes), or nil.
func (cr *CSVReader) readBlock(block []byte, line int, p *Population) error {
	s := cr.s
	s.r, s.buf, s.start, s.end, s.eof, s.err, s.line, s.first = nil, block, 0, len(block), true, nil, line, false
	cr.open, cr.err = false, nil
	_, err := cr.Read(p, int(^uint(0)>>1))
	if err == io.EOF {
		err = nil
	}
	return err
}

// blockReader returns a reader of cr's header for readBlock.
func (cr *CSVReader) blockReader() *CSVReader {
	return &CSVReader{s: &scanner{}, roles: cr.roles, cols: cr.cols, want: cr.want, keyAt: cr.keyAt, recAt: cr.recAt}
}
