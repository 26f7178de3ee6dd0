package batch

import (
	"bytes"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// The columns of the CSV form besides the household's own (income.Column):
// the household's key, the row's record and, on household rows, the case.
const (
	ColumnHousehold      = "household"        // the household's key: its rows follow one another
	ColumnRecord         = "record"           // household, member, income, property or expenditure
	ColumnDate           = "date"             // the decision date (household rows; required)
	ColumnStatus         = "status"           // the current standing (household rows; not_eligible when empty)
	ColumnMonthlyAmount  = "monthly_amount"   // the last monthly payment (household rows)
	ColumnGradualExitEnd = "gradual_exit_end" // the last day of a gradual exit (household rows)
)

// MaxKeyLength bounds a household's key, in bytes.
const MaxKeyLength = 256

// role is what a header column holds.
type role uint8

const (
	roleKey role = iota + 1
	roleRecord
	roleDate
	roleStatus
	roleMonthly
	roleExitEnd
	roleHousehold // a column of the household's text form
)

var caseColumns = map[string]role{ColumnHousehold: roleKey, ColumnRecord: roleRecord, ColumnDate: roleDate,
	ColumnStatus: roleStatus, ColumnMonthlyAmount: roleMonthly, ColumnGradualExitEnd: roleExitEnd}

// InputError is why a household of an input could not be read or decided:
// its problems (a *problem.Error), the line its rows begin on and, when
// the first problem is in one of its rows, that row's line.
type InputError struct {
	Line int
	Row  int // the line of the row the first problem is in; 0 when it is the whole household's
	Err  error
}

// At returns the line to look at: the first problem's row, else the
// household's first line.
func (e *InputError) At() int {
	if e.Row > 0 {
		return e.Row
	}
	return e.Line
}

func (e *InputError) Error() string { return "line " + strconv.Itoa(e.At()) + ": " + e.Err.Error() }

// Unwrap returns the problems.
func (e *InputError) Unwrap() error { return e.Err }

// CSVReader reads households from the CSV form into a Population: a header
// row naming the columns, then each household's rows — its household row
// first, then its members, incomes, property and expenditures in any order,
// all under the household's key. Column names are the JSON form's fields
// (income.Column) and the columns of this package (ColumnHousehold, …); an
// empty cell is an absent field. Each household is checked with the rules
// and problems of the JSON form; one that fails is kept in its place with
// its problems (Population.Err), and the read goes on.
//
// Bounds: a record is at most MaxRecordBytes, a key MaxKeyLength bytes; a
// household's lists have the bounds of package income. Invalid UTF-8 is
// refused.
type CSVReader struct {
	s     *scanner
	roles []role
	cols  []income.Column
	want  int // fields a record has
	keyAt int
	recAt int

	b       income.TextBuilder
	rows    [income.RecordExpenditure + 1][]int32 // the lines of the open household's rows, by record
	refusal [2]int                                // the first row refused as malformed, and for its record
	open    bool                                  // a household is being read
	key     []byte                                // its key
	line    int                                   // the line its rows begin on
	c       Case
	hasDate bool
	err     error // a fatal error: the read stops
}

// NewCSVReader reads the header of a CSV input. Its problems — an unknown or
// repeated column, a missing household, record or date column — are a
// *problem.Error about the population (problem.SubjectPopulation), as is
// a record too long to read.
func NewCSVReader(r io.Reader) (*CSVReader, error) {
	cr := &CSVReader{s: newScanner(r), keyAt: -1, recAt: -1}
	var p report.List
	rec, line, res, what := cr.s.next()
	switch res {
	case recEOF:
		p.Add("header", report.MsgRequired)
	case recSyntax:
		p.Add("header", report.MsgCSVSyntax, report.Int("line", int64(line)), report.Str("what", what))
	case recTooLong:
		p.Add("header", report.MsgTooLong, report.Int("max", MaxRecordBytes))
	}
	if p.Len() > 0 {
		return nil, p.Err(problem.SubjectPopulation)
	}
	if cr.s.err != nil {
		return nil, cr.s.err
	}
	seen := map[string]bool{}
	hasDate := false
	cr.roles = make([]role, rec.n)
	cr.cols = make([]income.Column, rec.n)
	for i := range rec.n {
		name := strings.TrimSpace(string(rec.at(i)))
		path := problem.Index("header", i)
		if seen[name] {
			p.Add(path, report.MsgDuplicateKey, report.Str("field", name))
			continue
		}
		seen[name] = true
		if r, ok := caseColumns[name]; ok {
			cr.roles[i] = r
			switch r {
			case roleKey:
				cr.keyAt = i
			case roleRecord:
				cr.recAt = i
			case roleDate:
				hasDate = true
			}
			continue
		}
		c, ok := income.ParseColumn(name)
		if !ok || c == income.ColumnNone {
			p.Add(path, report.MsgUnknownField, report.Str("field", name))
			c = income.ColumnNone
		}
		cr.roles[i], cr.cols[i] = roleHousehold, c
	}
	for _, need := range []struct {
		ok   bool
		name string
	}{{cr.keyAt >= 0, ColumnHousehold}, {cr.recAt >= 0, ColumnRecord}, {hasDate, ColumnDate}} {
		if !need.ok {
			p.Add("header", report.MsgRequired, report.Str("field", need.name))
		}
	}
	if err := p.Err(problem.SubjectPopulation); err != nil {
		return nil, err
	}
	cr.want = rec.n
	return cr, nil
}

// Read reads up to max households (max ≥ 1) into p, and returns how many it
// read: io.EOF once the input is done, or an error that stops the read (a
// read error, a record longer than MaxRecordBytes).
func (cr *CSVReader) Read(p *Population, max int) (int, error) {
	n := 0
	for n < max {
		if cr.err != nil {
			return n, cr.err
		}
		rec, line, res, what := cr.s.next()
		switch res {
		case recEOF:
			if cr.open {
				cr.finish(p)
				n++
			}
			if cr.s.err != nil {
				cr.err = cr.s.err
				return n, cr.err
			}
			cr.err = io.EOF
			return n, io.EOF
		case recTooLong:
			if cr.open {
				cr.finish(p)
				n++
			}
			var l report.List
			l.Add("", report.MsgTooLong, report.Int("max", MaxRecordBytes))
			cr.err = &InputError{Line: line, Err: l.Err(problem.SubjectPopulation)}
			return n, cr.err
		case recSyntax:
			// The row cannot be placed: it fails the household being read,
			// or stands alone as a failed household.
			if !cr.open {
				cr.start(nil, line)
			}
			cr.b.Problem("", report.MsgCSVSyntax, report.Int("line", int64(line)), report.Str("what", what))
			cr.refused(0, line)
			continue
		}
		key := rec.at(cr.keyAt)
		// The open household's key is cut to MaxKeyLength: so is the row's.
		if !cr.open || !bytes.Equal(key[:min(len(key), MaxKeyLength)], cr.key) {
			if cr.open {
				cr.finish(p)
				n++
			}
			cr.start(key, line)
			if n == max {
				// The row begins the next household: read it now, keep the
				// household open for the next call.
				cr.row(rec, line)
				return n, nil
			}
		}
		cr.row(rec, line)
	}
	return n, nil
}

// start begins a household.
func (cr *CSVReader) start(key []byte, line int) {
	cr.b.Reset()
	for i := range cr.rows {
		cr.rows[i] = cr.rows[i][:0]
	}
	cr.refusal = [2]int{}
	cr.open, cr.key, cr.line, cr.c, cr.hasDate = true, append(cr.key[:0], key...), line, Case{}, false
	switch {
	case len(key) == 0:
		cr.b.Problem(ColumnHousehold, report.MsgRequired, report.Str("field", ColumnHousehold))
	case len(key) > MaxKeyLength:
		cr.b.Problem(ColumnHousehold, report.MsgTooLong, report.Int("max", MaxKeyLength))
		cr.key = cr.key[:MaxKeyLength]
	case !asciiKey(key) && !utf8.Valid(key):
		cr.b.Problem(ColumnHousehold, report.MsgInvalidUTF8, report.Int("offset", int64(text.InvalidAt(key))))
	}
}

// row reads one row of the open household.
func (cr *CSVReader) row(r *record, line int) {
	if r.n != cr.want {
		cr.b.Problem("", report.MsgCSVFields, report.Int("line", int64(line)), report.Int("n", int64(r.n)), report.Int("want", int64(cr.want)))
		cr.refused(0, line)
		return
	}
	// A cell that is not valid UTF-8 (a file in another encoding, say) is
	// said at its own path, with the offset of its first invalid byte.
	recName := r.at(cr.recAt)
	if !r.ascii && !utf8.Valid(recName) {
		cr.b.Problem(ColumnRecord, report.MsgInvalidUTF8, report.Int("offset", int64(text.InvalidAt(recName))))
		cr.refused(1, line)
		return
	}
	rec, ok := income.ParseRecord(recName)
	if !ok || rec == income.RecordNone {
		cr.b.Problem(ColumnRecord, report.MsgBadEnum, report.Str("value", string(recName)), report.Choices("allowed", income.Records()))
		cr.refused(1, line)
		return
	}
	cr.b.Begin(rec)
	cr.rows[rec] = append(cr.rows[rec], int32(min(line, math.MaxInt32)))
	ascii := r.ascii
	for _, c := range r.cells {
		invalid := !ascii && !utf8.Valid(c.v)
		switch role := cr.roles[c.col]; role {
		case roleHousehold:
			switch col := cr.cols[c.col]; {
			case col == income.ColumnNone:
			case invalid:
				cr.b.Invalid(col, c.v, text.InvalidAt(c.v))
			default:
				cr.b.Set(col, c.v)
			}
		case roleKey, roleRecord:
		default:
			switch {
			case rec != income.RecordHousehold:
				name := caseColumn(role)
				cr.b.RowProblem(name, report.MsgColumnNotForRecord, report.Str("column", name), report.Str("record", rec.String()))
			case invalid:
				cr.b.Problem(caseColumn(role), report.MsgInvalidUTF8, report.Int("offset", int64(text.InvalidAt(c.v))))
				cr.hasDate = cr.hasDate || role == roleDate // given, not read
			default:
				readCaseCell(&cr.b, &cr.c, &cr.hasDate, role, c.v)
			}
		}
	}
}

// caseColumn is the name of a case column.
func caseColumn(r role) string {
	return [...]string{roleDate: ColumnDate, roleStatus: ColumnStatus, roleMonthly: ColumnMonthlyAmount, roleExitEnd: ColumnGradualExitEnd}[r]
}

// asciiKey reports a short key of ASCII bytes (most keys), a test the
// compiler keeps in line.
func asciiKey(k []byte) bool {
	if len(k) > 8 {
		return false
	}
	var or byte
	for _, c := range k {
		or |= c
	}
	return or < utf8.RuneSelf
}

// readCaseCell reads a cell of a household's case into c.
func readCaseCell(b *income.TextBuilder, c *Case, hasDate *bool, r role, f []byte) {
	switch r {
	case roleDate:
		d, err := standards.ParseDateBytes(f)
		if err != nil {
			b.Problem(ColumnDate, report.MsgBadDate, report.Str("value", string(f)))
		}
		c.Date, *hasDate = d, true
	case roleStatus:
		s, ok := eligibility.ParseStatus(f)
		if !ok {
			b.Problem(ColumnStatus, report.MsgBadEnum, report.Str("value", string(f)), report.Choices("allowed", eligibility.Statuses()))
		}
		c.Status = s
	case roleMonthly:
		a, err := money.ParseBytes(f)
		if err != nil {
			m, args := report.MoneyProblem(err, string(f), 2)
			b.Problem(ColumnMonthlyAmount, m, args...)
		}
		c.MonthlyAmount = a
	case roleExitEnd:
		d, err := standards.ParseDateBytes(f)
		if err != nil {
			b.Problem(ColumnGradualExitEnd, report.MsgBadDate, report.Str("value", string(f)))
		}
		c.GradualExitEnd = d
	}
}

// finish builds the open household and adds it to p, or its problems.
func (cr *CSVReader) finish(p *Population) {
	cr.open = false
	if !cr.hasDate {
		cr.b.Problem(ColumnDate, report.MsgRequired, report.Str("field", ColumnDate))
	}
	if cr.hasDate {
		checkCase(&cr.b, &cr.c)
	}
	h, err := cr.b.Build(cr.c.Date)
	if err != nil {
		row := 0
		if pe, ok := problem.As(err); ok && len(pe.Problems) > 0 {
			row = cr.rowOf(pe.Problems[0])
		}
		p.AddFailed(string(cr.key), &InputError{Line: cr.line, Row: row, Err: err})
		p.setLine(cr.line)
		return
	}
	p.addRead(cr.key, h, nil, cr.c)
	p.setLine(cr.line)
}

// refused notes the line of a row refused as malformed (kind 0) or for its
// record (kind 1), the first of each kind: only the first is reported.
func (cr *CSVReader) refused(kind, line int) {
	if cr.refusal[kind] == 0 {
		cr.refusal[kind] = line
	}
}

// rowOf returns the line of the open household's row that problem q is
// in, or 0 when it is not one row's (the household's lists as a whole).
func (cr *CSVReader) rowOf(q problem.Problem) int {
	path := q.Path
	switch {
	case path == ColumnRecord:
		return cr.refusal[1]
	case path == "" && q.Code == problem.Syntax:
		return cr.refusal[0]
	}
	at := func(rec income.Record, i int) int {
		if l := cr.rows[rec]; i >= 0 && i < len(l) {
			return int(l[i])
		}
		return 0
	}
	if i, rest, ok := indexIn(path, "members"); ok {
		if j, _, ok := indexIn(rest, ".incomes"); ok {
			return at(income.RecordIncome, cr.b.IncomeRow(i, j))
		}
		return at(income.RecordMember, i)
	}
	for _, l := range [...]struct {
		list string
		rec  income.Record
	}{{"incomes", income.RecordIncome}, {"property", income.RecordProperty}, {"expenditures", income.RecordExpenditure}} {
		if i, _, ok := indexIn(path, l.list); ok {
			return at(l.rec, i)
		}
	}
	if path == "" || strings.HasPrefix(path, "members") || strings.HasPrefix(path, "property") ||
		strings.HasPrefix(path, "expenditures") || strings.HasPrefix(path, "incomes") {
		return 0
	}
	return at(income.RecordHousehold, 0) // a household field, or a case column
}

// indexIn reads path as list[i] and the rest after it.
func indexIn(path, list string) (i int, rest string, ok bool) {
	if !strings.HasPrefix(path, list+"[") {
		return 0, "", false
	}
	end := strings.IndexByte(path, ']')
	if end < 0 {
		return 0, "", false
	}
	i, err := strconv.Atoi(path[len(list)+1 : end])
	if err != nil {
		return 0, "", false
	}
	return i, path[end+1:], true
}

// checkCase adds the problems of a case: those of a request's current
// standing, at the CSV form's columns (status, not current.status).
func checkCase(b *income.TextBuilder, c *Case) {
	req := payment.Request{Request: eligibility.Request{Date: c.Date,
		Current: eligibility.Current{Status: c.Status, MonthlyAmount: c.MonthlyAmount, GradualExitEnd: c.GradualExitEnd}}}
	if pe, ok := problem.As(payment.CheckRequest(&req, nil)); ok {
		for _, q := range pe.Problems {
			q.Path = strings.TrimPrefix(q.Path, "current.")
			b.AddProblem(q)
		}
	}
}
