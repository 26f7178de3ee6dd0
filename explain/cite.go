package explain

import (
	"strconv"
	"strings"

	"github.com/dibao-go/dibao/standards"
)

// Citation names a clause of a document, e.g. 黑民规〔2021〕11号 四（八）.
type Citation struct {
	Document string // document number or name, e.g. 黑民规〔2021〕11号
	Short    string // English short name, e.g. HLJ-2021-11 ("" to reuse Document)
	Clause   string // clause in the document's own numbering, e.g. 四（八）
}

// The documents the rules cite.
var (
	docHLJ       = Citation{Document: "黑民规〔2021〕11号", Short: "HLJ-2021-11"}
	docMeansTest = Citation{Document: "民发〔2021〕57号", Short: "MCA-2021-57"}
	docInterim   = Citation{Document: "社会救助暂行办法", Short: "Interim Measures on Social Assistance"}
	docDisabled  = Citation{Document: "黑民规〔2023〕1号", Short: "HLJ-2023-1"}
	docRigid     = Citation{Document: "民发〔2024〕57号", Short: "MCA-2024-57"}
	docTekun     = Citation{Document: "特困人员认定办法", Short: "Rules on Recognising Persons in Extreme Poverty"}
	docTemporary = Citation{Document: "民发〔2018〕23号", Short: "MCA-2018-23"}
)

// HLJ cites a clause of 黑民规〔2021〕11号, e.g. HLJ("四（八）").
func HLJ(clause string) Citation { c := docHLJ; c.Clause = clause; return c }

// MeansTest cites 民发〔2021〕57号, the national rules for assessing income.
func MeansTest() Citation { return docMeansTest }

// Interim cites an article of 社会救助暂行办法, e.g. Interim("第十四条").
func Interim(article string) Citation { c := docInterim; c.Clause = article; return c }

// DisabledAdult cites 黑民规〔2023〕1号.
func DisabledAdult() Citation { return docDisabled }

// RigidFamily cites 民发〔2024〕57号 (rigid-expenditure families).
func RigidFamily() Citation { return docRigid }

// TekunRules cites an article of 特困人员认定办法.
func TekunRules(article string) Citation { c := docTekun; c.Clause = article; return c }

// TemporaryRules cites 民发〔2018〕23号.
func TemporaryRules() Citation { return docTemporary }

// CitationOf returns the citation of a looked-up value: its source's
// document and the clause recorded with it. A source without an English
// short name that is one of the documents the rules cite takes theirs
// (民发〔2021〕57号 is MCA-2021-57 wherever it is cited).
func CitationOf(p standards.Provenance) Citation {
	short := p.Source.Short
	if short == "" {
		for _, d := range [...]Citation{docHLJ, docMeansTest, docInterim, docDisabled, docRigid, docTekun, docTemporary} {
			if d.Document == p.Source.Document {
				short = d.Short
			}
		}
	}
	return Citation{Document: p.Source.Document, Short: short, Clause: p.Clause}
}

// IsZero reports a citation of nothing.
func (c Citation) IsZero() bool { return c.Document == "" }

// String returns the Chinese form, e.g. 黑民规〔2021〕11号 四（八）.
func (c Citation) String() string {
	if c.Clause == "" {
		return c.Document
	}
	return c.Document + " " + c.Clause
}

// AppendTo appends String's form to b.
func (c Citation) AppendTo(b []byte) []byte {
	b = append(b, c.Document...)
	if c.Clause != "" {
		b = append(b, ' ')
		b = append(b, c.Clause...)
	}
	return b
}

// English returns the English form, e.g. HLJ-2021-11 §4(8).
func (c Citation) English() string { return string(c.AppendEnglish(nil)) }

// AppendEnglish appends English's form to b.
func (c Citation) AppendEnglish(b []byte) []byte {
	doc := c.Short
	if doc == "" {
		doc = c.Document
	}
	b = append(b, doc...)
	if c.Clause != "" {
		b = append(b, ' ')
		b = appendClauseEnglish(b, c.Clause)
	}
	return b
}

// cnDigit reads one Chinese digit from 一 to 九.
func cnDigit(r rune) (int, bool) {
	switch r {
	case '一':
		return 1, true
	case '二':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// cnNumber reads a Chinese numeral from 1 to 99 (一, 十, 十二, 二十三).
func cnNumber(s string) (int, bool) {
	var buf [4]rune
	r := buf[:0]
	for _, c := range s {
		if len(r) == len(buf) {
			return 0, false
		}
		r = append(r, c)
	}
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10, true
	case len(r) == 1:
		n, ok := cnDigit(r[0])
		return n, ok
	case len(r) == 2 && r[0] == '十':
		n, ok := cnDigit(r[1])
		return 10 + n, ok
	case len(r) == 2 && r[1] == '十':
		n, ok := cnDigit(r[0])
		return 10 * n, ok
	case len(r) == 3 && r[1] == '十':
		a, ok1 := cnDigit(r[0])
		b, ok2 := cnDigit(r[2])
		return 10*a + b, ok1 && ok2
	}
	return 0, false
}

// ClauseEnglish turns a clause such as 四（八） into §4(8), and an article
// such as 第十四条 into Art. 14. A clause it cannot read is returned unchanged.
func ClauseEnglish(clause string) string { return string(appendClauseEnglish(nil, clause)) }

// appendClauseEnglish appends ClauseEnglish's form to b.
func appendClauseEnglish(b []byte, clause string) []byte {
	if inner, ok := strings.CutPrefix(clause, "第"); ok {
		if num, ok := strings.CutSuffix(inner, "条"); ok {
			if n, ok := cnNumber(num); ok {
				return strconv.AppendInt(append(b, "Art. "...), int64(n), 10)
			}
		}
		return append(b, clause...)
	}
	// Brackets full-width or ASCII, in any pairing.
	head, rest, paren := strings.Cut(clause, "（")
	if !paren {
		head, rest, paren = strings.Cut(clause, "(")
	}
	n, ok := cnNumber(head)
	if !ok {
		return append(b, clause...)
	}
	m := 0
	if paren {
		inner, tail, closed := strings.Cut(rest, "）")
		if !closed {
			inner, tail, closed = strings.Cut(rest, ")")
		}
		var ok bool
		m, ok = cnNumber(inner)
		if !ok || !closed || tail != "" {
			return append(b, clause...)
		}
	}
	b = strconv.AppendInt(append(b, "§"...), int64(n), 10)
	if paren {
		b = append(strconv.AppendInt(append(b, '('), int64(m), 10), ')')
	}
	return b
}
