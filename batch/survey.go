package batch

import (
	"bytes"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// SurveyOptions shape a SurveyReader.
type SurveyOptions struct {
	// Date is the assessment date of households whose row gives none.
	Date standards.Date
}

// SurveyReader reads households from the survey layout into a Population:
// the usual form of household survey microdata, one file of households and
// one of persons, joined by the household's ID. It streams both files in
// step: memory holds one household, whatever the files' length.
//
// The households file has one row per household:
//
//		id,weight,region,area,supporter,property:deposit,expenditure:medical
//		h1,152.5,230102,urban,able,20000,
//
//	  - id (required): the household's ID, at most MaxKeyLength bytes;
//	  - weight: how many households it stands for (0 < weight ≤ MaxWeight,
//	    six decimal places; 1 when the column or the cell is empty);
//	  - date, status, monthly_amount, gradual_exit_end: the case, as in the
//	    CSV form (date defaults to SurveyOptions.Date);
//	  - the household fields of the text form (income.Column: region, area,
//	    basis, supporter, poverty, caregiver_factor);
//	  - property:<kind> (deposit, securities, insurance, claim, vehicle,
//	    dwelling, business): the value the household holds of that kind;
//	    expenditure:<kind> (medical, education, rehabilitation, disaster,
//	    accident): the year's spending.
//
// The members file has one row per person, the households' persons in the
// households file's order:
//
//		household,id,birth_date,relation,labour,workplace,income:wage,income:pension
//		h1,a,1980-03-01,applicant,full,230102,1200,
//
//	  - household (required): the household's ID;
//	  - the member fields of the text form (id, birth_date, relation, labour,
//	    disability, disability_grade, …, workplace, cares_for);
//	  - income:<kind> (income.Column's kinds: wage, pension, …): the
//	    member's monthly income of that kind, verified.
//
// A member without an ID is given its place in the household ("1", "2",
// …). Each household is checked with the JSON form's rules and problems
// (members[1].incomes[0].amount), failed households kept in place. A
// failed household's line is its row in the households file; a problem at
// members[i] is in the household's (i+1)-th row of the members file.
type SurveyReader struct {
	opts         SurveyOptions
	hs, ms       *scanner
	hcols, mcols []surveyCol
	hWant, mWant int
	hKey, mKey   int

	b        income.TextBuilder
	ids      income.IDs
	idBuf    []byte
	prevKey  []byte  // the household before
	pending  *record // the next members row, read ahead
	pendLine int
	pendErr  error // the members file cannot be read on: a row too long or malformed
	mDone    bool
	err      error
}

// surveyCol is what a survey column holds.
type surveyCol struct {
	role   role
	col    income.Column // roleHousehold: a field of the text form
	record income.Record // the row it fills: household, member, income, property or expenditure
	kind   string        // the kind of an income:, property: or expenditure: column
	name   string        // as the header names it
}

const roleWeight = roleHousehold + 1

// NewSurveyReader reads the headers of a households file and a members
// file. Their problems — unknown or repeated columns, a missing id or
// household column — are one *problem.Error, at paths households.header[i]
// and members.header[i].
func NewSurveyReader(households, members io.Reader, opts SurveyOptions) (*SurveyReader, error) {
	sr := &SurveyReader{opts: opts, hs: newScanner(households), ms: newScanner(members), hKey: -1, mKey: -1}
	var p report.List
	var ok bool
	if sr.hcols, sr.hWant, ok = sr.header(sr.hs, "households", &p); ok {
		sr.hKey = keyOf(sr.hcols)
		if sr.hKey < 0 {
			p.Add("households.header", report.MsgRequired, report.Str("field", "id"))
		}
	}
	if sr.mcols, sr.mWant, ok = sr.header(sr.ms, "members", &p); ok {
		sr.mKey = keyOf(sr.mcols)
		if sr.mKey < 0 {
			p.Add("members.header", report.MsgRequired, report.Str("field", ColumnHousehold))
		}
	}
	if err := p.Err(problem.SubjectPopulation); err != nil {
		return nil, err
	}
	if sr.hs.err != nil {
		return nil, sr.hs.err
	}
	if sr.ms.err != nil {
		return nil, sr.ms.err
	}
	return sr, nil
}

func keyOf(cols []surveyCol) int {
	for i, c := range cols {
		if c.role == roleKey {
			return i
		}
	}
	return -1
}

// header reads one file's header.
func (sr *SurveyReader) header(s *scanner, file string, p *report.List) ([]surveyCol, int, bool) {
	path := file + ".header"
	rec, line, res, what := s.next()
	switch res {
	case recEOF:
		p.Add(path, report.MsgRequired)
		return nil, 0, false
	case recSyntax:
		p.Add(path, report.MsgCSVSyntax, report.Int("line", int64(line)), report.Str("what", what))
		return nil, 0, false
	case recTooLong:
		p.Add(path, report.MsgTooLong, report.Int("max", MaxRecordBytes))
		return nil, 0, false
	}
	cols := make([]surveyCol, rec.n)
	seen := make(map[string]bool, rec.n)
	members := file == "members"
	for i := range rec.n {
		name := strings.TrimSpace(string(rec.at(i)))
		at := problem.Index(path, i)
		if seen[name] {
			p.Add(at, report.MsgDuplicateKey, report.Str("field", name))
			continue
		}
		seen[name] = true
		c, ok := surveyColumn(name, members)
		if !ok {
			p.Add(at, report.MsgUnknownField, report.Str("field", name))
			continue
		}
		c.name = name
		cols[i] = c
	}
	return cols, rec.n, true
}

// surveyColumn says what a column of the households (members false) or
// members file holds.
func surveyColumn(name string, members bool) (surveyCol, bool) {
	if prefix, kind, ok := strings.Cut(name, ":"); ok {
		kb := []byte(kind)
		switch {
		case members && prefix == "income":
			if _, ok := standards.ParseIncomeKind(kb); ok {
				return surveyCol{role: roleHousehold, record: income.RecordIncome, kind: kind}, true
			}
		case !members && prefix == "property":
			var k income.PropertyKind
			if k.UnmarshalText(kb) == nil {
				return surveyCol{role: roleHousehold, record: income.RecordProperty, kind: kind}, true
			}
		case !members && prefix == "expenditure":
			var k income.ExpenditureKind
			if k.UnmarshalText(kb) == nil {
				return surveyCol{role: roleHousehold, record: income.RecordExpenditure, kind: kind}, true
			}
		}
		return surveyCol{}, false
	}
	if members {
		if name == ColumnHousehold {
			return surveyCol{role: roleKey}, true
		}
		c, ok := income.ParseColumn(name)
		if ok && c != income.ColumnNone && c.Applies(income.RecordMember) {
			return surveyCol{role: roleHousehold, col: c, record: income.RecordMember}, true
		}
		return surveyCol{}, false
	}
	switch name {
	case "id":
		return surveyCol{role: roleKey}, true
	case ColumnWeight:
		return surveyCol{role: roleWeight}, true
	}
	if r, ok := caseColumns[name]; ok && r != roleKey && r != roleRecord {
		return surveyCol{role: r}, true
	}
	c, ok := income.ParseColumn(name)
	if ok && c != income.ColumnNone && c.Applies(income.RecordHousehold) {
		return surveyCol{role: roleHousehold, col: c, record: income.RecordHousehold}, true
	}
	return surveyCol{}, false
}

// ColumnWeight is the survey layout's weight column.
const ColumnWeight = "weight"

// Read reads up to max households (max ≥ 1) into p and returns how many it
// read: io.EOF once both files are done, or an error that stops the read (a
// read error, a record longer than MaxRecordBytes, members rows that do not
// follow the households file's order).
func (sr *SurveyReader) Read(p *Population, max int) (int, error) {
	n := 0
	for n < max {
		if sr.err != nil {
			return n, sr.err
		}
		rec, line, res, what := sr.hs.next()
		switch res {
		case recEOF:
			if sr.hs.err != nil {
				sr.err = sr.hs.err
				return n, sr.err
			}
			// Members left over belong to no household read.
			if r, l := sr.peek(); r != nil {
				sr.err = sr.pendErr
				if r.n >= 0 {
					sr.err = sr.stop(l, "members", string(r.at(sr.mKey)))
				}
				return n, sr.err
			}
			if sr.ms.err != nil {
				sr.err = sr.ms.err
				return n, sr.err
			}
			sr.err = io.EOF
			return n, io.EOF
		case recTooLong:
			var l report.List
			l.Add("households", report.MsgTooLong, report.Int("max", MaxRecordBytes))
			sr.err = &InputError{Line: line, Err: l.Err(problem.SubjectPopulation)}
			return n, sr.err
		}
		sr.household(p, rec, line, res, what)
		n++
	}
	return n, nil
}

// stop is the error of members rows out of the households file's order.
func (sr *SurveyReader) stop(line int, file, key string) error {
	var l report.List
	l.Add(file, report.MsgSurveyOrder, report.Str("household", key))
	return &InputError{Line: line, Err: l.Err(problem.SubjectPopulation)}
}

// peek returns the next members row, reading it ahead.
func (sr *SurveyReader) peek() (*record, int) {
	if sr.pending == nil && !sr.mDone {
		rec, line, res, what := sr.ms.next()
		switch res {
		case recEOF:
			sr.mDone = true
			return nil, 0
		case recTooLong, recSyntax:
			// A row that cannot be placed in a household: the read stops
			// there, at its line.
			var l report.List
			if res == recTooLong {
				l.Add("members", report.MsgTooLong, report.Int("max", MaxRecordBytes))
			} else {
				l.Add("members", report.MsgCSVSyntax, report.Int("line", int64(line)), report.Str("what", what))
			}
			sr.pendErr = &InputError{Line: line, Err: l.Err(problem.SubjectPopulation)}
			sr.pending, sr.pendLine = &record{n: -1}, line
			return sr.pending, line
		}
		sr.pending, sr.pendLine = rec, line
	}
	return sr.pending, sr.pendLine
}

// household reads one households row and its members.
func (sr *SurveyReader) household(p *Population, rec *record, line, res int, what string) {
	b := &sr.b
	b.Reset()
	c := Case{Date: sr.opts.Date}
	hasDate := !c.Date.IsZero()
	var weight money.Rate
	var key []byte
	switch {
	case res == recSyntax:
		b.Problem("", report.MsgCSVSyntax, report.Int("line", int64(line)), report.Str("what", what))
	case rec.n != sr.hWant:
		b.Problem("", report.MsgCSVFields, report.Int("line", int64(line)), report.Int("n", int64(rec.n)), report.Int("want", int64(sr.hWant)))
	case !rec.validUTF8():
		invalidRow(b, rec, sr.hcols, "")
		if k := rec.at(sr.hKey); utf8.Valid(k) {
			key = k // its members rows are still its own
		}
	default:
		key = rec.at(sr.hKey)
		b.Begin(income.RecordHousehold)
		var later []cell // property and expenditure cells, rows of their own
		for _, cl := range rec.cells {
			sc := &sr.hcols[cl.col]
			switch sc.role {
			case roleKey:
			case roleWeight:
				w, err := money.ParseRateBytes(cl.v)
				switch {
				case err != nil:
					m, args := report.MoneyProblem(err, string(cl.v), 6)
					b.Problem(ColumnWeight, m, args...)
				case w.Sign() <= 0 || w.Cmp(money.MustRate("1000000")) > 0:
					b.Problem(ColumnWeight, report.MsgRateRange, report.Str("value", string(cl.v)), report.Str("min", "0 (excluded)"), report.Str("max", "1000000"))
				default:
					weight = w
				}
			case roleHousehold:
				if sc.record == income.RecordHousehold {
					b.Set(sc.col, cl.v)
				} else {
					later = append(later, cl)
				}
			default:
				readCaseCell(b, &c, &hasDate, sc.role, cl.v)
			}
		}
		for _, cl := range later {
			sc := &sr.hcols[cl.col]
			b.Begin(sc.record)
			b.Set(income.ColumnKind, []byte(sc.kind))
			if sc.record == income.RecordProperty {
				b.Set(income.ColumnValue, cl.v)
			} else {
				b.Set(income.ColumnAmount, cl.v)
			}
		}
	}
	switch {
	case len(key) == 0:
		b.Problem("id", report.MsgRequired, report.Str("field", "id"))
	case len(key) > MaxKeyLength:
		b.Problem("id", report.MsgTooLong, report.Int("max", MaxKeyLength))
		key = key[:MaxKeyLength]
	}
	if len(key) > 0 && bytes.Equal(key, sr.prevKey) {
		// Its members were read with the household before it.
		b.Problem("id", report.MsgDuplicateValue, report.Str("value", string(key)))
	}
	sr.idBuf = append(sr.idBuf[:0], key...)
	key = sr.idBuf
	sr.prevKey = append(sr.prevKey[:0], key...)
	// Its members: the members rows under its ID, which come next.
	sr.ids = sr.ids[:0]
	for {
		m, mline := sr.peek()
		if m == nil {
			break
		}
		if m.n < 0 {
			sr.err = sr.pendErr
			break
		}
		if len(key) == 0 || !bytes.Equal(m.at(sr.mKey), key) {
			break
		}
		sr.member(m, mline)
		sr.pending = nil
	}
	if !hasDate {
		b.Problem(ColumnDate, report.MsgRequired, report.Str("field", ColumnDate))
	} else {
		checkCase(b, &c)
	}
	h, err := b.Build(c.Date)
	if err != nil {
		p.AddFailed(string(key), &InputError{Line: line, Err: err})
		p.setLine(line)
		return
	}
	p.addRead(key, h, sr.ids, c)
	p.setLine(line)
	if !weight.IsZero() {
		p.SetWeight(p.Len()-1, weight)
	}
}

// invalidRow refuses a row with a cell that is not valid UTF-8 (a file in
// another encoding, say): the problem is at the first such cell's column,
// as the header names it, under the row's place (a member's, members[1]),
// with the offset of its first invalid byte.
func invalidRow(b *income.TextBuilder, rec *record, cols []surveyCol, at string) {
	for _, c := range rec.cells {
		if !utf8.Valid(c.v) {
			b.Problem(problem.Join(at, cols[c.col].name), report.MsgInvalidUTF8, report.Int("offset", int64(text.InvalidAt(c.v))))
			return
		}
	}
}

// member reads one members row into the open household.
func (sr *SurveyReader) member(rec *record, line int) {
	b := &sr.b
	if rec.n != sr.mWant {
		b.Problem("", report.MsgCSVFields, report.Int("line", int64(line)), report.Int("n", int64(rec.n)), report.Int("want", int64(sr.mWant)))
		return
	}
	if !rec.validUTF8() {
		invalidRow(b, rec, sr.mcols, problem.Index("members", len(sr.ids)))
		return
	}
	b.Begin(income.RecordMember)
	var id []byte
	for _, cl := range rec.cells {
		if sc := &sr.mcols[cl.col]; sc.record == income.RecordMember {
			b.Set(sc.col, cl.v)
			if sc.col == income.ColumnID {
				id = cl.v
			}
		}
	}
	idx := len(sr.ids)
	if len(id) == 0 {
		// Its place in the household, as its ID.
		var num [8]byte
		id = strconv.AppendInt(num[:0], int64(idx+1), 10)
		b.Set(income.ColumnID, id)
	}
	if idx < income.MaxMembers {
		sr.ids = append(sr.ids, string(id))
	}
	for _, cl := range rec.cells {
		if sc := &sr.mcols[cl.col]; sc.record == income.RecordIncome {
			b.Begin(income.RecordIncome)
			b.Set(income.ColumnMember, id)
			b.Set(income.ColumnKind, []byte(sc.kind))
			b.Set(income.ColumnAmount, cl.v)
			b.Set(income.ColumnPeriod, []byte("monthly"))
		}
	}
}
