package income

import (
	"bytes"
	"unicode/utf8"

	"github.com/dibao-go/dibao/internal/enum"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// The text form of a household is rows of cells, as a CSV file holds them:
// one household row, one row per member, one per income item, property
// item and expenditure. A TextBuilder reads the rows straight into the
// compact form, cell by cell, without building a Household, and checks the
// result with the same rules and problems as the JSON form (problem paths
// are the JSON form's: members[1].incomes[0].amount).

// Record is the kind of a row of the text form.
type Record uint8

// Records.
const (
	RecordNone Record = iota
	RecordHousehold
	RecordMember
	RecordIncome
	RecordProperty
	RecordExpenditure
)

var recordNames = enum.New[Record]("record", "", "household", "member", "income", "property", "expenditure")

// String returns the record's name, e.g. "income".
func (r Record) String() string { return recordNames.String(r) }

// ParseRecord reads a record's name without allocating.
func ParseRecord(b []byte) (Record, bool) {
	switch string(b) {
	case "household":
		return RecordHousehold, true
	case "member":
		return RecordMember, true
	case "income":
		return RecordIncome, true
	case "property":
		return RecordProperty, true
	case "expenditure":
		return RecordExpenditure, true
	}
	return RecordNone, false
}

// Records lists the record names, for messages ("household, member, …").
func Records() string { return recordNames.List() }

// Column is a cell of the text form, named as the JSON form names its field.
// Some names serve several records: kind, amount and member on income,
// property and expenditure rows; basis on household rows (the registration
// basis) and income rows (the basis of support).
type Column uint8

// Columns.
const (
	ColumnNone Column = iota
	ColumnRegion
	ColumnArea
	ColumnBasis
	ColumnSupporter
	ColumnPoverty
	ColumnCaregiverFactor
	ColumnID
	ColumnBirthDate
	ColumnRelation
	ColumnLabour
	ColumnDisability      // the category (JSON disability.category)
	ColumnDisabilityGrade // JSON disability.grade
	ColumnSeriousIllness
	ColumnServiceDisabilityGrade
	ColumnSpecialCare
	ColumnMartyrFamily
	ColumnReturnedVeteran
	ColumnStudent
	ColumnDependency
	ColumnWorkplace
	ColumnCaresFor // member IDs separated by ";"
	ColumnGroups   // group codes separated by ";"
	ColumnMember
	ColumnKind
	ColumnAmount
	ColumnValue
	ColumnPeriod
	ColumnMonths
	ColumnVerification
	ColumnExemptFrom
	ColumnNote
	ColumnCount
	ColumnExempt
	numColumns
)

var columnNames = enum.New[Column]("column", "", "region", "area", "basis", "supporter", "poverty", "caregiver_factor",
	"id", "birth_date", "relation", "labour", "disability", "disability_grade", "serious_illness", "service_disability_grade",
	"special_care", "martyr_family", "returned_veteran", "student", "dependency", "workplace", "cares_for", "groups",
	"member", "kind", "amount", "value", "period", "months", "verification", "exempt_from", "note", "count", "exempt")

// String returns the column's name, e.g. "birth_date".
func (c Column) String() string { return columnNames.String(c) }

// ParseColumn returns the column of a header name.
func ParseColumn(name string) (Column, bool) { return columnNames.Parse(name) }

// Columns returns every column, in order.
func Columns() []Column { return columnNames.Values() }

const (
	onHousehold = 1 << RecordHousehold
	onMember    = 1 << RecordMember
	onIncome    = 1 << RecordIncome
	onProperty  = 1 << RecordProperty
	onExp       = 1 << RecordExpenditure
)

// columnRecords are the records each column applies to.
var columnRecords = [numColumns]uint8{
	ColumnRegion: onHousehold, ColumnArea: onHousehold, ColumnBasis: onHousehold | onIncome, ColumnSupporter: onHousehold,
	ColumnPoverty: onHousehold, ColumnCaregiverFactor: onHousehold,
	ColumnID: onMember, ColumnBirthDate: onMember, ColumnRelation: onMember, ColumnLabour: onMember, ColumnDisability: onMember,
	ColumnDisabilityGrade: onMember, ColumnSeriousIllness: onMember, ColumnServiceDisabilityGrade: onMember,
	ColumnSpecialCare: onMember, ColumnMartyrFamily: onMember, ColumnReturnedVeteran: onMember, ColumnStudent: onMember,
	ColumnDependency: onMember, ColumnWorkplace: onMember, ColumnCaresFor: onMember, ColumnGroups: onMember,
	ColumnMember: onIncome | onProperty | onExp, ColumnKind: onIncome | onProperty | onExp, ColumnAmount: onIncome | onExp,
	ColumnValue: onProperty, ColumnPeriod: onIncome, ColumnMonths: onIncome, ColumnVerification: onIncome,
	ColumnExemptFrom: onIncome, ColumnNote: onIncome, ColumnCount: onProperty, ColumnExempt: onProperty,
}

// Applies reports whether column c is a field of record r's rows.
func (c Column) Applies(r Record) bool { return c < numColumns && columnRecords[c]&(1<<r) != 0 }

// span is a stretch of a TextBuilder's arena.
type span struct{ off, n int32 }

// pendingItem is an income, property or expenditure row until the
// household's members are all known: its member reference is resolved and
// its place in the compact lists found when the household is built.
type pendingItem struct {
	member span
	income CompactIncome
	line   int32 // the row's index among the household's rows of its record
}

// TextBuilder reads one household at a time from the text form: Begin a
// row, Set its cells, and Build the household once its rows are read.
// It keeps its buffers from one household to the next; once warm, reading
// a household without problems allocates nothing. Not safe for concurrent
// use.
type TextBuilder struct {
	c         Compact
	rec       Record
	rows      [RecordExpenditure + 1]int32 // rows read of each record
	household bool                         // the household row was read
	set       uint64                       // columns set in the current row
	arena     []byte                       // member IDs and references, as given
	ids       []span
	cares     []span
	incomes   []pendingItem
	props     []span // member of each property item
	exps      []span // member of each expenditure
	p         report.List
	late      []lateProblem // problems of income rows, placed when built
	lateMore  int           // those beyond report.MaxProblems, counted only
	order     []int32
	parts     [][]byte
}

// lateProblem is a problem in an income row, whose path is known only once
// the row's member is found.
type lateProblem struct {
	item  int32
	field string
	msg   report.Msg
	args  []report.Arg
}

// Reset starts a new household.
func (b *TextBuilder) Reset() {
	b.c.Reset()
	b.c.Members = b.c.Members[:0]
	b.rec, b.rows, b.household, b.set = RecordNone, [RecordExpenditure + 1]int32{}, false, 0
	b.arena, b.ids, b.cares, b.incomes, b.props, b.exps = b.arena[:0], b.ids[:0], b.cares[:0], b.incomes[:0], b.props[:0], b.exps[:0]
	b.p.Reset()
	b.late, b.lateMore = b.late[:0], 0
}

// Problem records a problem of the household at path (a reader's own, such
// as a cell it could not read).
func (b *TextBuilder) Problem(path string, m report.Msg, args ...report.Arg) {
	b.p.AddOnce(path, m, args...)
}

// AddProblem records a problem of the household found by a reader.
func (b *TextBuilder) AddProblem(q problem.Problem) {
	if !b.p.Has(q.Path) {
		b.p.AddProblem(q)
	}
}

// Begin starts a row of record r. A household's rows begin with its one
// household row; the others follow in any order.
func (b *TextBuilder) Begin(r Record) {
	b.End()
	if r > RecordExpenditure {
		r = RecordNone // not a record: its cells are not read
	}
	b.rec, b.set = r, 0
	switch {
	case r == RecordHousehold && b.household, r != RecordHousehold && !b.household:
		b.p.AddOnce("", report.MsgHouseholdRow)
	}
	switch r {
	case RecordHousehold:
		b.household = true
	case RecordMember:
		if len(b.c.Members) < MaxMembers {
			b.c.Members = append(b.c.Members, CompactMember{})
			b.ids = append(b.ids, span{})
			b.cares = append(b.cares, span{})
		}
		b.c.N++
	case RecordIncome:
		if len(b.incomes) < MaxItems {
			b.incomes = append(b.incomes, pendingItem{line: b.rows[r]})
		}
	case RecordProperty:
		if len(b.c.Property) < MaxProperty {
			b.c.Property = append(b.c.Property, CompactProperty{Member: -1})
			b.props = append(b.props, span{})
		}
	case RecordExpenditure:
		if len(b.c.Expenditures) < MaxExpenditures {
			b.c.Expenditures = append(b.c.Expenditures, CompactExpenditure{Member: -1})
			b.exps = append(b.exps, span{})
		}
	}
}

// End ends the current row, reporting its missing required cells (Begin
// and Build call it).
func (b *TextBuilder) End() {
	need := func(c Column) bool { return b.set&(1<<c) == 0 }
	switch b.rec {
	case RecordMember:
		if need(ColumnID) && len(b.c.Members) == b.c.N {
			b.p.AddOnce(memberPath(b.c.N-1, "id"), report.MsgRequired)
		}
	case RecordIncome:
		for _, c := range [...]Column{ColumnKind, ColumnAmount, ColumnPeriod} {
			if need(c) {
				b.late1(c.String(), report.MsgRequired)
			}
		}
	case RecordProperty:
		if need(ColumnValue) {
			b.p.AddOnce(itemPath("property", int(b.rows[RecordProperty]), "value", -1), report.MsgRequired)
		}
	case RecordExpenditure:
		if need(ColumnAmount) {
			b.p.AddOnce(itemPath("expenditures", int(b.rows[RecordExpenditure]), "amount", -1), report.MsgRequired)
		}
	}
	if b.rec != RecordNone {
		b.rows[b.rec]++
	}
	b.rec = RecordNone
}

// late1 records a problem in the current income row.
func (b *TextBuilder) late1(field string, m report.Msg, args ...report.Arg) {
	if len(b.late) >= report.MaxProblems {
		b.lateMore++ // counted with the household's problems, not listed
		return
	}
	b.late = append(b.late, lateProblem{item: b.rows[RecordIncome], field: field, msg: m, args: args})
}

// problem records a problem in the current row's cell of column c.
func (b *TextBuilder) problem(c Column, m report.Msg, args ...report.Arg) {
	field := c.String()
	switch c {
	case ColumnDisability:
		field = "disability.category"
	case ColumnDisabilityGrade:
		field = "disability.grade"
	}
	b.RowProblem(field, m, args...)
}

// RowProblem records a problem at field of the current row's place in the
// JSON form: field itself on the household row, members[1].field on a
// member row, property[0].field, and so on (a reader's own column, such as
// a date on a member row). An income row's problems are placed once its
// member is known, as its cells' are. Without a current row, it is the
// household's problem at field.
func (b *TextBuilder) RowProblem(field string, m report.Msg, args ...report.Arg) {
	i := int(b.rows[b.rec])
	switch b.rec {
	case RecordMember:
		b.p.AddOnce(memberPath(i, field), m, args...)
	case RecordIncome:
		b.late1(field, m, args...)
	case RecordProperty:
		b.p.AddOnce(itemPath("property", i, field, -1), m, args...)
	case RecordExpenditure:
		b.p.AddOnce(itemPath("expenditures", i, field, -1), m, args...)
	default:
		b.p.AddOnce(field, m, args...)
	}
}

// Invalid reads the current row's cell of column c whose text is not
// valid UTF-8, its first invalid byte at offset: the problem is placed at
// the cell's path, and the cell counts as given (no "required" after it)
// with its value unknown. Member IDs and notes are read as Set reads them,
// with the JSON form's problems for them.
func (b *TextBuilder) Invalid(c Column, v []byte, offset int) {
	if c == ColumnID || c == ColumnNote || len(v) == 0 || b.rec == RecordNone || !c.Applies(b.rec) {
		b.Set(c, v)
		return
	}
	b.set |= 1 << c
	if !b.kept() {
		return
	}
	switch b.rec {
	case RecordMember:
		if c == ColumnDisability { // given but unknown, as Set marks it: no second problem
			b.c.Members[b.c.N-1].Disability = ^standards.DisabilityCategory(0)
		}
	case RecordIncome:
		if c == ColumnMember {
			// Marked given and not valid (n = −1): it refers to no one.
			b.incomes[len(b.incomes)-1].member = span{n: -1}
		}
	case RecordProperty:
		if c == ColumnMember {
			b.props[len(b.props)-1] = span{n: -1}
		}
	case RecordExpenditure:
		if c == ColumnMember {
			b.exps[len(b.exps)-1] = span{n: -1}
		}
	case RecordHousehold:
		if c == ColumnArea {
			b.c.Area = ^standards.Area(0)
		}
	}
	b.problem(c, report.MsgInvalidUTF8, report.Int("offset", int64(offset)))
}

// Set reads the current row's cell of column c. An empty cell is an absent
// field; a cell in a column that does not apply to the row's record is a
// problem, not ignored.
func (b *TextBuilder) Set(c Column, v []byte) {
	if len(v) == 0 || b.rec == RecordNone {
		return
	}
	if !c.Applies(b.rec) {
		b.problem(c, report.MsgColumnNotForRecord, report.Str("column", c.String()), report.Str("record", b.rec.String()))
		return
	}
	b.set |= 1 << c
	if !b.kept() {
		return
	}
	switch b.rec {
	case RecordHousehold:
		b.setHousehold(c, v)
	case RecordMember:
		b.setMember(c, v)
	case RecordIncome:
		b.setIncome(&b.incomes[len(b.incomes)-1], c, v)
	case RecordProperty:
		b.setProperty(c, v)
	case RecordExpenditure:
		b.setExpenditure(c, v)
	}
}

// kept reports whether the current row is held: a row past its list's
// bound (MaxMembers, MaxItems, MaxProperty, MaxExpenditures) is counted,
// its cells not read.
func (b *TextBuilder) kept() bool {
	r := int(b.rows[b.rec])
	switch b.rec {
	case RecordMember:
		return len(b.c.Members) == b.c.N
	case RecordIncome:
		return r < len(b.incomes)
	case RecordProperty:
		return r < len(b.c.Property)
	case RecordExpenditure:
		return r < len(b.c.Expenditures)
	}
	return true
}

func (b *TextBuilder) setHousehold(c Column, v []byte) {
	h := &b.c
	switch c {
	case ColumnRegion:
		r, err := standards.ParseRegionBytes(v)
		if err != nil {
			b.problem(c, report.MsgBadRegion, report.Str("value", string(v)))
		}
		h.Region = r
	case ColumnArea:
		if err := h.Area.UnmarshalText(v); err != nil {
			b.problem(c, report.MsgBadEnum, report.Str("value", string(v)), report.Choices("allowed", "urban or rural"))
			h.Area = ^standards.Area(0) // given but unknown: no second problem
		}
	case ColumnBasis:
		h.Registration = textEnum(b, c, v, registrationNames)
	case ColumnSupporter:
		h.Supporter = textEnum(b, c, v, supporterNames)
	case ColumnPoverty:
		h.Poverty = textEnum(b, c, v, povertyNames)
	case ColumnCaregiverFactor:
		h.CaregiverFactor, _ = b.rate(c, v, 2)
		h.HasCaregiverFactor = true
	}
}

func (b *TextBuilder) setMember(c Column, v []byte) {
	i := b.c.N - 1
	m := &b.c.Members[i]
	switch c {
	case ColumnID:
		b.ids[i] = b.keep(v)
	case ColumnBirthDate:
		d, err := standards.ParseDateBytes(v)
		if err != nil {
			b.problem(c, report.MsgBadDate, report.Str("value", string(v)))
		}
		m.BirthDate = d
	case ColumnRelation:
		m.Relation = textEnum(b, c, v, relationNames)
	case ColumnLabour:
		m.Labour = textEnum(b, c, v, labourNames)
	case ColumnDisability:
		if err := m.Disability.UnmarshalText(v); err != nil {
			b.problem(c, report.MsgBadEnum, report.Str("value", string(v)),
				report.Choices("allowed", "visual, hearing, speech, physical, intellectual, psychiatric or multiple"))
			m.Disability = ^standards.DisabilityCategory(0)
		}
	case ColumnDisabilityGrade:
		m.DisabilityGrade = clamp32(int(b.int(c, v)))
	case ColumnServiceDisabilityGrade:
		m.ServiceGrade = clamp32(int(b.int(c, v)))
	case ColumnSeriousIllness:
		b.flag(c, v, m, SeriouslyIll)
	case ColumnSpecialCare:
		b.flag(c, v, m, SpecialCare)
	case ColumnMartyrFamily:
		b.flag(c, v, m, MartyrFamily)
	case ColumnReturnedVeteran:
		b.flag(c, v, m, ReturnedVeteran)
	case ColumnStudent:
		b.flag(c, v, m, Student)
	case ColumnDependency:
		m.Dependency = textEnum(b, c, v, dependencyNames)
	case ColumnWorkplace:
		r, err := standards.ParseRegionBytes(v)
		if err != nil {
			b.problem(c, report.MsgBadRegion, report.Str("value", string(v)))
		}
		m.Workplace = r
	case ColumnCaresFor:
		b.cares[i] = b.keep(v) // resolved once every member is known
	case ColumnGroups:
		for j, g := range b.split(v) {
			if j >= 16 {
				b.problem(c, report.MsgTooManyItems, report.Int("n", int64(j+1)), report.Int("max", 16))
				break
			}
			var grp standards.Group
			switch {
			case grp.UnmarshalText(g) != nil || !MemberGroup(grp):
				b.p.AddOnce(itemPath("members", i, "groups", j), report.MsgBadEnum, report.Str("value", string(g)),
					report.Choices("allowed", "unemployment_insurance, special_care, orphan, de_facto_orphan or hiv_affected_child"))
			case m.Groups&(1<<grp) != 0:
				b.p.AddOnce(itemPath("members", i, "groups", j), report.MsgDuplicateValue, report.Str("value", string(g)))
			default:
				m.Groups |= 1 << grp
			}
		}
	}
}

func (b *TextBuilder) setIncome(it *pendingItem, c Column, v []byte) {
	in := &it.income
	switch c {
	case ColumnMember:
		it.member = b.keep(v)
	case ColumnKind:
		k, known := standards.ParseIncomeKind(v)
		if !known {
			b.problem(c, report.MsgBadEnum, report.Str("value", string(v)), report.Choices("allowed", incomeKinds))
		}
		in.Kind = k
	case ColumnAmount:
		in.Amount, _ = b.amount(c, v)
	case ColumnPeriod:
		if string(v) == "months" {
			b.problem(c, report.MsgPeriodRemoved)
			return
		}
		in.Unit = textEnum(b, c, v, periodNames)
	case ColumnMonths:
		in.Months = clamp32(int(b.int(c, v)))
	case ColumnVerification:
		in.Verification = textEnum(b, c, v, verificationNames)
	case ColumnBasis:
		in.Basis = textEnum(b, c, v, supportBasisNames)
	case ColumnExemptFrom:
		in.ExemptFrom = textEnum(b, c, v, giverNames)
	case ColumnNote:
		// Kept by the general form only; checked as it checks it.
		switch {
		case len(v) > MaxNoteLength:
			b.problem(c, report.MsgTooLong, report.Int("max", MaxNoteLength))
		case !utf8.Valid(v):
			b.problem(c, report.MsgInvalidUTF8, report.Int("offset", int64(text.InvalidAt(string(v)))))
		}
	}
}

func (b *TextBuilder) setProperty(c Column, v []byte) {
	i := len(b.c.Property) - 1
	pr := &b.c.Property[i]
	switch c {
	case ColumnMember:
		b.props[i] = b.keep(v)
	case ColumnKind:
		pr.Kind = textEnum(b, c, v, propertyNames)
	case ColumnValue:
		pr.Value, _ = b.amount(c, v)
	case ColumnCount:
		pr.Count = clamp32(int(b.int(c, v)))
	case ColumnExempt:
		pr.Exempt = b.bool(c, v)
	}
}

func (b *TextBuilder) setExpenditure(c Column, v []byte) {
	i := len(b.c.Expenditures) - 1
	ex := &b.c.Expenditures[i]
	switch c {
	case ColumnMember:
		b.exps[i] = b.keep(v)
	case ColumnKind:
		ex.Kind = textEnum(b, c, v, expenditureNames)
	case ColumnAmount:
		ex.Amount, _ = b.amount(c, v)
	}
}

// keep copies a cell into the arena (the reader's buffer moves on).
func (b *TextBuilder) keep(v []byte) span {
	s := span{off: int32(len(b.arena)), n: int32(len(v))}
	b.arena = append(b.arena, v...)
	return s
}

func (b *TextBuilder) text(s span) []byte { return b.arena[s.off : s.off+s.n] }

// textEnum reads an enumerated cell as the JSON form reads the field.
func textEnum[E ~uint8](b *TextBuilder, c Column, v []byte, t *enum.Table[E]) E {
	e, ok := t.ParseBytes(v)
	if !ok {
		b.problem(c, report.MsgBadEnum, report.Str("value", string(v)), report.Choices("allowed", t.List()))
	}
	return e
}

// amount reads an amount with at most two decimal places.
func (b *TextBuilder) amount(c Column, v []byte) (money.Amount, bool) {
	a, err := money.ParseBytes(v)
	if err != nil {
		b.moneyProblem(c, err, v, 2)
		return money.Amount{}, false
	}
	return a, true
}

func (b *TextBuilder) rate(c Column, v []byte, places int) (money.Rate, bool) {
	r, err := money.ParseRateBytes(v)
	if err == nil && r.Places() > places {
		err = money.ErrPrecision
	}
	if err != nil {
		b.moneyProblem(c, err, v, places)
		return money.Rate{}, false
	}
	return r, true
}

func (b *TextBuilder) moneyProblem(c Column, err error, v []byte, places int) {
	m, args := report.MoneyProblem(err, string(v), places)
	b.problem(c, m, args...)
}

// int reads a whole number from −1 000 000 to 1 000 000, the JSON form's
// bounds for counts and grades.
func (b *TextBuilder) int(c Column, v []byte) int64 {
	n, ok := parseInt(v)
	if !ok || n < -1e6 || n > 1e6 {
		b.problem(c, report.MsgBadInt, report.Str("value", string(v)), report.Int("min", -1e6), report.Int("max", 1e6))
		return 0
	}
	return n
}

// parseInt reads an optional sign and up to 18 digits, without allocating.
func parseInt(v []byte) (int64, bool) {
	neg := len(v) > 0 && v[0] == '-'
	if neg {
		v = v[1:]
	}
	if len(v) == 0 || len(v) > 18 {
		return 0, false
	}
	var n int64
	for _, c := range v {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int64(c-'0')
	}
	if neg {
		n = -n
	}
	return n, true
}

// bool reads true or false (also TRUE/FALSE, True/False and 1/0, as
// spreadsheets write them).
func (b *TextBuilder) bool(c Column, v []byte) bool {
	switch string(v) {
	case "true", "TRUE", "True", "1":
		return true
	case "false", "FALSE", "False", "0":
		return false
	}
	b.problem(c, report.MsgBadEnum, report.Str("value", string(v)), report.Choices("allowed", "true or false"))
	return false
}

func (b *TextBuilder) flag(c Column, v []byte, m *CompactMember, f MemberFlags) {
	if b.bool(c, v) {
		m.Flags |= f
	}
}

// split splits a cell of values separated by ";" (spaces around them
// ignored) into the builder's list of parts, valid until the next split.
func (b *TextBuilder) split(v []byte) [][]byte {
	out := b.parts[:0]
	for len(v) > 0 {
		part, rest, _ := bytes.Cut(v, []byte{';'})
		if part = bytes.TrimSpace(part); len(part) > 0 {
			out = append(out, part)
		}
		v = rest
	}
	b.parts = out
	return out
}

// controlIn is hasControl for bytes, without allocating.
func controlIn(b []byte) bool {
	for _, r := range string(b) {
		if r < 0x20 || r >= 0x7f && r <= 0x9f {
			return true
		}
	}
	return false
}

// find returns the index of the member whose ID is id, or −1.
func (b *TextBuilder) find(id []byte) int {
	for i, s := range b.ids {
		if bytes.Equal(b.text(s), id) {
			return i
		}
	}
	return -1
}

// ref resolves an optional member reference ("" → −1), reporting an
// unknown ID at path.
func (b *TextBuilder) ref(s span, list string, i int, field string, j int) int32 {
	if s.n <= 0 { // none, or not valid UTF-8 (said already)
		return -1
	}
	k := b.find(b.text(s))
	if k < 0 {
		b.p.AddOnce(itemPath(list, i, field, j), report.MsgUnknownMember, report.Str("id", string(b.text(s))))
	}
	return int32(k)
}

// Build resolves the household's references, places its income items
// under their members, and checks it for an assessment on date with the
// rules of Validate (ValidateCompact). The household it returns is the
// builder's, valid until the next Reset; its member IDs are nil unless the
// household has problems. Problems are a *problem.Error with the JSON
// form's paths (an income row whose member is not found is placed at
// incomes[k], k counting the household's income rows).
func (b *TextBuilder) Build(date standards.Date) (*Compact, error) {
	b.End()
	if !b.household {
		b.p.AddOnce("", report.MsgHouseholdRow)
	}
	c := &b.c
	n := len(c.Members)
	// More members than MaxMembers: as the JSON form, only the household's
	// own fields and the members' number are checked (validate), not the
	// IDs and references among the members kept.
	tooMany := c.N > MaxMembers
	var x IDs
	if !tooMany {
		// IDs: given, at most MaxIDLength bytes, valid UTF-8 without control
		// characters, unique. The checks run on the bytes; the strings are
		// made only when one fails, for the general form's problems.
		for i, s := range b.ids {
			if id := b.text(s); len(id) == 0 || len(id) > MaxIDLength || !utf8.Valid(id) || controlIn(id) || b.find(id) != i {
				x = b.idStrings()
				x.check(&b.p)
				break
			}
		}
		for i := range n {
			for j, id := range b.split(b.text(b.cares[i])) {
				k := b.find(id)
				m := &c.Members[i]
				switch {
				case k < 0:
					b.p.AddOnce(itemPath("members", i, "cares_for", j), report.MsgUnknownMember, report.Str("id", string(id)))
				case m.CaresFor&(1<<uint(k)) != 0:
					b.p.AddOnce(itemPath("members", i, "cares_for", j), report.MsgDuplicateValue, report.Str("value", string(id)))
				default:
					m.CaresFor |= 1 << uint(k)
				}
			}
		}
	}
	// Income items, by member, in the order given: a counting sort.
	b.order = b.order[:0]
	var count [MaxMembers + 1]int32
	for k := range b.incomes {
		it := &b.incomes[k]
		m := int32(-1)
		if tooMany {
			if it.member.n > 0 {
				m = int32(b.find(b.text(it.member))) // placed, for its own cells' problems
			}
		} else if it.member.n == 0 {
			b.p.AddOnce(problem.Join(problem.Index("incomes", k), "member"), report.MsgRequired)
		} else if it.member.n < 0 {
			// Not valid UTF-8: said among the row's problems (lateAt).
		} else if m = int32(b.find(b.text(it.member))); m < 0 {
			b.p.AddOnce(problem.Join(problem.Index("incomes", k), "member"), report.MsgUnknownMember, report.Str("id", string(b.text(it.member))))
		}
		b.order = append(b.order, m)
		if m >= 0 {
			count[m+1]++
		}
	}
	for i := 1; i <= n; i++ {
		count[i] += count[i-1]
	}
	c.Items = c.Items[:0]
	placed := int(count[n])
	if cap(c.Items) < placed {
		c.Items = make([]CompactIncome, placed, MaxItems)
	}
	c.Items = c.Items[:placed]
	next := count
	for k := range b.incomes {
		m := b.order[k]
		if m < 0 {
			b.lateAt(k, -1, -1)
			continue
		}
		j := next[m] - count[m]
		c.Items[next[m]] = b.incomes[k].income
		next[m]++
		b.lateAt(k, int(m), int(j))
	}
	for i := range n {
		c.Members[i].First, c.Members[i].End = count[i], count[i+1]
	}
	b.p.AddUnlisted(b.lateMore)
	for i := range c.Property {
		c.Property[i].Member = -1
		if !tooMany {
			c.Property[i].Member = b.ref(b.props[i], "property", i, "member", -1)
		}
	}
	for i := range c.Expenditures {
		c.Expenditures[i].Member = -1
		if !tooMany {
			c.Expenditures[i].Member = b.ref(b.exps[i], "expenditures", i, "member", -1)
		}
	}
	if !tooMany && len(c.Property) == MaxProperty && int(b.rows[RecordProperty]) > MaxProperty {
		b.p.AddOnce("property", report.MsgTooManyItems, report.Int("n", int64(b.rows[RecordProperty])), report.Int("max", MaxProperty))
	}
	if !tooMany && len(c.Expenditures) == MaxExpenditures && int(b.rows[RecordExpenditure]) > MaxExpenditures {
		b.p.AddOnce("expenditures", report.MsgTooManyItems, report.Int("n", int64(b.rows[RecordExpenditure])), report.Int("max", MaxExpenditures))
	}
	checkDate(date, "date", &b.p)
	before := b.p.Len()
	b.validate(x, date)
	if x == nil && n > 0 && b.p.Len() > before {
		// Its problems may name members: by their IDs, as the JSON form's
		// do, made into strings only now.
		x = b.idStrings()
		b.p.Truncate(before)
		b.validate(x, date)
	}
	if err := b.p.Err(problem.SubjectHousehold); err != nil {
		return nil, err
	}
	return c, nil
}

// idStrings returns the members' IDs as strings.
func (b *TextBuilder) idStrings() IDs {
	x := make(IDs, len(b.ids))
	for i, s := range b.ids {
		x[i] = string(b.text(s))
	}
	return x
}

// IncomeRow returns which of the household's income rows, counted from 0
// in the order read, is the j-th income of member m once built (the JSON
// form's members[m].incomes[j]), or −1: a reader's way from a problem's
// path back to its row. It holds after Build, until Reset.
func (b *TextBuilder) IncomeRow(m, j int) int {
	if m < 0 || j < 0 {
		return -1
	}
	for k, o := range b.order {
		if int(o) == m {
			if j == 0 {
				return k
			}
			j--
		}
	}
	return -1
}

// validate checks the built household for an assessment on date, its
// members named by x (by their places when nil).
func (b *TextBuilder) validate(x IDs, date standards.Date) {
	c := &b.c
	switch {
	case c.N > MaxMembers:
		validate(c, x, date, &b.p) // the household's own fields, then the members' number
	case int(b.rows[RecordIncome]) > len(b.incomes):
		// As validate does: the household's own fields, and its checks stop
		// at too many items (more than the builder kept).
		validateFields(c, &b.p)
		b.p.AddOnce("members", report.MsgTooManyItems, report.Int("n", int64(b.rows[RecordIncome])), report.Int("max", MaxItems))
	default:
		validate(c, x, date, &b.p)
	}
}

// lateAt reports the problems of income row k, now that its place is known:
// members[m].incomes[j], or incomes[k] when its member is not found (m < 0).
func (b *TextBuilder) lateAt(k, m, j int) {
	for _, q := range b.late {
		if int(q.item) != k {
			continue
		}
		path := problem.Index("incomes", k)
		if m >= 0 {
			path = incomePath(m, j, "")
		}
		b.p.AddOnce(problem.Join(path, q.field), q.msg, q.args...)
	}
}
