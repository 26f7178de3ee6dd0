package batch

import (
	"bytes"
	"io"
	"strconv"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
)

// JSONLReader reads households from JSON lines: one decision request per
// line, in the form payment.DecodeRequest reads, with its problems. A
// household's key is its line number. Every field of the request is kept
// with it (Case.Request) and decided as payment.Decide decides it; blank
// lines are skipped. A line is at most payment.MaxRequestSize bytes.
type JSONLReader struct {
	s   *scanner
	c   income.Compact
	err error
}

// NewJSONLReader returns a reader of r.
func NewJSONLReader(r io.Reader) *JSONLReader {
	return &JSONLReader{s: newScanner(r)}
}

// Read reads up to max households into p, and returns how many it read:
// io.EOF once the input is done, or an error that stops the read (a read
// error, a line longer than the limit).
func (jr *JSONLReader) Read(p *Population, max int) (int, error) {
	n := 0
	for n < max {
		if jr.err != nil {
			return n, jr.err
		}
		line, at, res := jr.s.nextLine(payment.MaxRequestSize)
		switch res {
		case recEOF:
			jr.err = io.EOF
			if jr.s.err != nil {
				jr.err = jr.s.err
			}
			return n, jr.err
		case recTooLong:
			var l report.List
			l.Add("", report.MsgTooLong, report.Int("max", payment.MaxRequestSize))
			jr.err = &InputError{Line: at, Err: l.Err(problem.SubjectRequest)}
			return n, jr.err
		}
		key := strconv.Itoa(at)
		req, err := payment.DecodeRequest(line)
		if err == nil {
			var ids income.IDs
			ids, err = income.CompactOf(req.Household, &jr.c, req.Date)
			if err == nil {
				req.Household = nil // decided from the compact form
				r := req
				p.addRead([]byte(key), &jr.c, ids, Case{Date: req.Date, Status: req.Current.Status, MonthlyAmount: req.Current.MonthlyAmount,
					GradualExitEnd: req.Current.GradualExitEnd, Request: &r})
				p.setLine(at)
				n++
				continue
			}
			if pe, ok := problem.As(err); ok {
				err = pe.Prefix("household", problem.SubjectRequest)
			}
		}
		p.AddFailed(key, &InputError{Line: at, Err: err})
		p.setLine(at)
		n++
	}
	return n, nil
}

// nextLine returns the next non-blank line (without its line end) of at
// most limit bytes, and its number.
func (s *scanner) nextLine(limit int) (line []byte, at int, result int) {
	s.bom()
	for {
		data := s.buf[s.start:s.end]
		nl := bytes.IndexByte(data, '\n')
		if nl < 0 && !s.eof {
			if len(data) > limit {
				return nil, s.line + 1, recTooLong
			}
			if s.fill() {
				continue
			}
			if !s.eof {
				return nil, s.line + 1, recTooLong
			}
			data = s.buf[s.start:s.end]
		}
		if len(data) == 0 {
			return nil, s.line + 1, recEOF
		}
		end := len(data)
		if nl >= 0 {
			end = nl
		}
		s.start += min(end+1, len(data))
		s.line++
		line = data[:end]
		if len(line) > limit {
			return nil, s.line, recTooLong
		}
		blank := true
		for _, c := range line {
			if c != ' ' && c != '\t' && c != '\r' {
				blank = false
				break
			}
		}
		if !blank {
			return line, s.line, recOK
		}
	}
}
