package batch

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
)

// ResultHeader returns the header of the results CSV (a new slice each
// time): the household's key; its status; the monthly total and each kind
// of line in yuan with two decimals (payment.Figures); alone, the members
// with a standing of their own (单人户 or its gradual exit, 特困 beside
// others in the household); the countable monthly income of the members
// tested and how many they are (shown to the fen; the exact figure is in
// the decision); and, for a household that could not be
// decided, the line to look at (InputError.At: the row of a problem found
// in reading a CSV household, else the household's first line), the first
// problem's code, path and message, and the number of entries in its list
// of problems (past 200, the last entry counts the rest).
//
// The status is the household's; its members with a standing of their own
// are paid within it, so an edge or not_eligible household can have a
// total: those members' single_person, supplements and tekun lines.
func ResultHeader() []string {
	return []string{"household", "status", "total", "gap", "supplements", "single_person", "gradual_exit",
		"price_subsidy", "tekun", "alone", "countable", "tested", "line", "error_code", "error_path", "error", "problems"}
}

// ResultWriter writes results as CSV, one row per household. It buffers;
// call Flush at the end.
type ResultWriter struct {
	w    *bufio.Writer
	lang text.Lang
	row  []byte
}

// NewResultWriter writes the header and returns the writer; messages are
// in the language matched to tag (Chinese or English).
func NewResultWriter(w io.Writer, tag language.Tag) (*ResultWriter, error) {
	rw := &ResultWriter{w: bufio.NewWriterSize(w, 256<<10), lang: text.Match(tag)}
	for i, h := range ResultHeader() {
		if i > 0 {
			rw.row = append(rw.row, ',')
		}
		rw.row = append(rw.row, h...)
	}
	rw.row = append(rw.row, '\n')
	_, err := rw.w.Write(rw.row)
	return rw, err
}

// Flush writes what is buffered.
func (rw *ResultWriter) Flush() error { return rw.w.Flush() }

// Write writes the results of p's households (out[i] for household i).
func (rw *ResultWriter) Write(p *Population, out []Result) error {
	for i := range p.Len() {
		if err := rw.WriteOne(p.KeyBytes(i), &out[i]); err != nil {
			return err
		}
	}
	return nil
}

// WriteOne writes one household's result under its key.
func (rw *ResultWriter) WriteOne(key []byte, r *Result) error {
	rw.row = rw.appendRow(rw.row[:0], key, r)
	_, err := rw.w.Write(rw.row)
	return err
}

// appendRows appends the result rows of p's households to b.
func (rw *ResultWriter) appendRows(b []byte, p *Population, out []Result) []byte {
	for i := range p.Len() {
		b = rw.appendRow(b, p.KeyBytes(i), &out[i])
	}
	return b
}

// appendRow appends one household's result row to b.
func (rw *ResultWriter) appendRow(b, key []byte, r *Result) []byte {
	if !asciiKey(key) && !utf8.Valid(key) {
		// A key read from a file in another encoding (its problem is the
		// household's): the results stay UTF-8.
		key = bytes.ToValidUTF8(key, []byte("\uFFFD"))
	}
	b = appendCSV(b, key)
	if r.Err != nil {
		b = append(b, ",,,,,,,,,,,,"...)
		b = rw.appendError(b, r.Err)
	} else {
		f := &r.Figures
		b = append(b, ',')
		b = append(b, f.Status.String()...)
		for _, a := range [...]money.Amount{f.Total, f.Gap, f.Supplements, f.SinglePerson, f.GradualExit, f.PriceSubsidy, f.Tekun} {
			b = append(b, ',')
			b = a.AppendDisplay(b)
		}
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(f.Alone), 10)
		b = append(b, ',')
		b = f.Countable.AppendDisplay(b)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(f.Tested), 10)
		b = append(b, ",,,,,"...)
	}
	return append(b, '\n')
}

// appendError writes the error's cells: line, code, path, message and the
// number of problems.
func (rw *ResultWriter) appendError(b []byte, err error) []byte {
	var ie *InputError
	if errors.As(err, &ie) {
		b = strconv.AppendInt(b, int64(ie.At()), 10)
		err = ie.Err
	}
	b = append(b, ',')
	pe, ok := problem.As(err)
	if !ok || len(pe.Problems) == 0 {
		b = append(b, ",,"...)
		b = appendCSV(b, []byte(err.Error()))
		return append(b, ",1"...)
	}
	q := pe.Problems[0]
	b = append(b, q.Code...)
	b = append(b, ',')
	b = appendCSV(b, []byte(q.Path))
	b = append(b, ',')
	msg := q.Message.EN
	if rw.lang == text.ZH {
		msg = q.Message.ZH
	}
	b = appendCSV(b, []byte(msg))
	b = append(b, ',')
	return strconv.AppendInt(b, int64(len(pe.Problems)), 10)
}
