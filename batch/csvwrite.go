package batch

import (
	"bufio"
	"bytes"
	"io"
	"strconv"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/standards"
)

// CSVHeader is the header CSVWriter writes: the package's columns, then
// every column of the household's text form.
func CSVHeader() []string {
	h := []string{ColumnHousehold, ColumnRecord, ColumnDate, ColumnStatus, ColumnMonthlyAmount, ColumnGradualExitEnd}
	for _, c := range income.Columns() {
		if c != income.ColumnNone {
			h = append(h, c.String())
		}
	}
	return h
}

// numCSVColumns is the number of columns CSVWriter writes.
var numCSVColumns = len(CSVHeader())

// column positions in CSVWriter's rows.
const (
	atKey = iota
	atRecord
	atDate
	atStatus
	atMonthly
	atExitEnd
	atText // income.Column c is at atText + c − 1
)

// CSVWriter writes populations in the CSV form CSVReader reads (a member
// without an ID gets its index as one). It buffers; call Flush at the end.
type CSVWriter struct {
	w     *bufio.Writer
	cells [][]byte
	bufs  [][]byte
	row   []byte
}

// NewCSVWriter writes the header and returns the writer.
func NewCSVWriter(w io.Writer) (*CSVWriter, error) {
	cw := &CSVWriter{w: bufio.NewWriterSize(w, 256<<10), cells: make([][]byte, numCSVColumns), bufs: make([][]byte, numCSVColumns)}
	for i, h := range CSVHeader() {
		cw.cells[i] = []byte(h)
	}
	return cw, cw.flushRow()
}

// Flush writes what is buffered.
func (cw *CSVWriter) Flush() error { return cw.w.Flush() }

// Write writes every household of p; a household p holds only as failed is
// skipped.
func (cw *CSVWriter) Write(p *Population) error {
	var h income.Compact
	for i := range p.Len() {
		if p.Err(i) != nil {
			continue
		}
		ids, c := p.View(i, &h)
		if err := cw.household(p.KeyBytes(i), &h, ids, c); err != nil {
			return err
		}
	}
	return nil
}

// cell returns the buffer of column at, emptied, to append its text to.
func (cw *CSVWriter) cell(at int) []byte { return cw.bufs[at][:0] }

func (cw *CSVWriter) put(at int, b []byte) { cw.bufs[at], cw.cells[at] = b, b }

func (cw *CSVWriter) text(c income.Column, b []byte) { cw.put(atText+int(c)-1, b) }

func (cw *CSVWriter) str(c income.Column, s string) {
	if s != "" {
		cw.text(c, append(cw.cell(atText+int(c)-1), s...))
	}
}

func (cw *CSVWriter) begin(key []byte, rec income.Record) {
	for i := range cw.cells {
		cw.cells[i] = nil
	}
	cw.put(atKey, append(cw.cell(atKey), key...))
	cw.put(atRecord, append(cw.cell(atRecord), rec.String()...))
}

func (cw *CSVWriter) id(ids income.IDs, i int) []byte {
	b := cw.cell(atText + int(income.ColumnID) - 1)
	if ids != nil {
		return append(b, ids[i]...)
	}
	return strconv.AppendInt(b, int64(i), 10)
}

func (cw *CSVWriter) household(key []byte, h *income.Compact, ids income.IDs, c Case) error {
	cw.begin(key, income.RecordHousehold)
	cw.put(atDate, c.Date.AppendTo(cw.cell(atDate)))
	if c.Status != eligibility.NotEligible {
		cw.put(atStatus, append(cw.cell(atStatus), c.Status.String()...))
	}
	if c.MonthlyAmount.Sign() != 0 {
		cw.put(atMonthly, c.MonthlyAmount.AppendTo(cw.cell(atMonthly)))
	}
	if !c.GradualExitEnd.IsZero() {
		cw.put(atExitEnd, c.GradualExitEnd.AppendTo(cw.cell(atExitEnd)))
	}
	cw.text(income.ColumnRegion, h.Region.AppendTo(cw.cell(atText+int(income.ColumnRegion)-1)))
	cw.str(income.ColumnArea, h.Area.String())
	if h.Registration != income.RegistrationHukou {
		cw.str(income.ColumnBasis, h.Registration.String())
	}
	if h.Supporter != income.SupporterUnknown {
		cw.str(income.ColumnSupporter, h.Supporter.String())
	}
	if h.Poverty != income.PovertyNone {
		cw.str(income.ColumnPoverty, h.Poverty.String())
	}
	if h.HasCaregiverFactor {
		cw.text(income.ColumnCaregiverFactor, h.CaregiverFactor.AppendTo(cw.cell(atText+int(income.ColumnCaregiverFactor)-1)))
	}
	if err := cw.flushRow(); err != nil {
		return err
	}
	for i := range h.N {
		m := &h.Members[i]
		cw.begin(key, income.RecordMember)
		cw.text(income.ColumnID, cw.id(ids, i))
		cw.text(income.ColumnBirthDate, m.BirthDate.AppendTo(cw.cell(atText+int(income.ColumnBirthDate)-1)))
		cw.str(income.ColumnRelation, m.Relation.String())
		cw.str(income.ColumnLabour, m.Labour.String())
		if m.Disability != standards.DisabilityNone {
			cw.str(income.ColumnDisability, m.Disability.String())
			cw.text(income.ColumnDisabilityGrade, strconv.AppendInt(cw.cell(atText+int(income.ColumnDisabilityGrade)-1), int64(m.DisabilityGrade), 10))
		}
		if m.ServiceGrade != 0 {
			cw.text(income.ColumnServiceDisabilityGrade, strconv.AppendInt(cw.cell(atText+int(income.ColumnServiceDisabilityGrade)-1), int64(m.ServiceGrade), 10))
		}
		for _, f := range [...]struct {
			c income.Column
			f income.MemberFlags
		}{{income.ColumnSeriousIllness, income.SeriouslyIll}, {income.ColumnSpecialCare, income.SpecialCare},
			{income.ColumnMartyrFamily, income.MartyrFamily}, {income.ColumnReturnedVeteran, income.ReturnedVeteran},
			{income.ColumnStudent, income.Student}} {
			if m.Has(f.f) {
				cw.str(f.c, "true")
			}
		}
		if m.Dependency != income.DependencyNone {
			cw.str(income.ColumnDependency, m.Dependency.String())
		}
		if m.Workplace.IsValid() {
			cw.text(income.ColumnWorkplace, m.Workplace.AppendTo(cw.cell(atText+int(income.ColumnWorkplace)-1)))
		}
		if m.CaresFor != 0 {
			b := cw.cell(atText + int(income.ColumnCaresFor) - 1)
			for k := range h.N {
				if m.CaresFor&(1<<uint(k)) != 0 {
					if len(b) > 0 {
						b = append(b, ';')
					}
					if ids != nil {
						b = append(b, ids[k]...)
					} else {
						b = strconv.AppendInt(b, int64(k), 10)
					}
				}
			}
			cw.text(income.ColumnCaresFor, b)
		}
		if m.Groups != 0 {
			b := cw.cell(atText + int(income.ColumnGroups) - 1)
			for g := range 16 {
				if m.Groups&(1<<g) != 0 {
					if len(b) > 0 {
						b = append(b, ';')
					}
					b = append(b, standards.Group(g).String()...)
				}
			}
			cw.text(income.ColumnGroups, b)
		}
		if err := cw.flushRow(); err != nil {
			return err
		}
	}
	for i := range h.N {
		for _, in := range h.Incomes(i) {
			cw.begin(key, income.RecordIncome)
			cw.text(income.ColumnMember, cw.member(ids, i))
			cw.str(income.ColumnKind, in.Kind.String())
			cw.text(income.ColumnAmount, in.Amount.AppendTo(cw.cell(atText+int(income.ColumnAmount)-1)))
			cw.str(income.ColumnPeriod, in.Unit.String())
			if in.Months != 0 {
				cw.text(income.ColumnMonths, strconv.AppendInt(cw.cell(atText+int(income.ColumnMonths)-1), int64(in.Months), 10))
			}
			if in.Verification != income.Verified {
				cw.str(income.ColumnVerification, in.Verification.String())
			}
			if in.Basis != income.SupportBasisUnset {
				cw.str(income.ColumnBasis, in.Basis.String())
			}
			if in.ExemptFrom != income.GiverNone {
				cw.str(income.ColumnExemptFrom, in.ExemptFrom.String())
			}
			if err := cw.flushRow(); err != nil {
				return err
			}
		}
	}
	for _, pr := range h.Property {
		cw.begin(key, income.RecordProperty)
		if pr.Member >= 0 {
			cw.text(income.ColumnMember, cw.member(ids, int(pr.Member)))
		}
		cw.str(income.ColumnKind, pr.Kind.String())
		cw.text(income.ColumnValue, pr.Value.AppendTo(cw.cell(atText+int(income.ColumnValue)-1)))
		if pr.Count != 0 {
			cw.text(income.ColumnCount, strconv.AppendInt(cw.cell(atText+int(income.ColumnCount)-1), int64(pr.Count), 10))
		}
		if pr.Exempt {
			cw.str(income.ColumnExempt, "true")
		}
		if err := cw.flushRow(); err != nil {
			return err
		}
	}
	for _, ex := range h.Expenditures {
		cw.begin(key, income.RecordExpenditure)
		if ex.Member >= 0 {
			cw.text(income.ColumnMember, cw.member(ids, int(ex.Member)))
		}
		cw.str(income.ColumnKind, ex.Kind.String())
		cw.text(income.ColumnAmount, ex.Amount.AppendTo(cw.cell(atText+int(income.ColumnAmount)-1)))
		if err := cw.flushRow(); err != nil {
			return err
		}
	}
	return nil
}

// member writes member i's ID in the member column.
func (cw *CSVWriter) member(ids income.IDs, i int) []byte {
	b := cw.cell(atText + int(income.ColumnMember) - 1)
	if ids != nil {
		return append(b, ids[i]...)
	}
	return strconv.AppendInt(b, int64(i), 10)
}

// flushRow writes the row's cells, quoting those that need it.
func (cw *CSVWriter) flushRow() error {
	row := cw.row[:0]
	for i, c := range cw.cells {
		if i > 0 {
			row = append(row, ',')
		}
		row = appendCSV(row, c)
	}
	cw.row = append(row, '\n')
	_, err := cw.w.Write(cw.row)
	return err
}

// appendCSV appends a field, in quotes when it holds a comma, a quote, a
// line break or space at either end.
func appendCSV(b, f []byte) []byte {
	if bytes.IndexAny(f, ",\"\r\n") < 0 && (len(f) == 0 || f[0] != ' ' && f[len(f)-1] != ' ') {
		return append(b, f...)
	}
	b = append(b, '"')
	for {
		i := bytes.IndexByte(f, '"')
		if i < 0 {
			break
		}
		b = append(b, f[:i+1]...)
		b = append(b, '"')
		f = f[i+1:]
	}
	b = append(b, f...)
	return append(b, '"')
}
