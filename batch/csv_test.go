package batch_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// writeCSV writes a population in the CSV form.
func writeCSV(t testing.TB, pop *batch.Population) []byte {
	t.Helper()
	var buf bytes.Buffer
	w, err := batch.NewCSVWriter(&buf)
	require.NoError(t, err)
	require.NoError(t, w.Write(pop))
	require.NoError(t, w.Flush())
	return buf.Bytes()
}

// readCSV reads a whole CSV input, chunk households at a time.
func readCSV(t testing.TB, data []byte, chunk int) *batch.Population {
	t.Helper()
	r, err := batch.NewCSVReader(bytes.NewReader(data))
	require.NoError(t, err)
	pop := &batch.Population{}
	for {
		_, err := r.Read(pop, chunk)
		if errors.Is(err, io.EOF) {
			return pop
		}
		require.NoError(t, err)
	}
}

// A population written as CSV reads back as the same households, cases
// and keys — whatever the chunk size splits it at.
func TestCSVRoundTrip(t *testing.T) {
	pop, err := batch.Synthesize(2000, batch.SynthOptions{Seed: 3, Date: standards.MustParseDate("2023-06-01")})
	require.NoError(t, err)
	data := writeCSV(t, pop)
	for _, chunk := range []int{1, 7, 4096} {
		back := readCSV(t, data, chunk)
		require.Equal(t, pop.Len(), back.Len(), "chunk %d", chunk)
		var a, b income.Compact
		for i := range pop.Len() {
			require.NoError(t, back.Err(i), "household %d", i)
			ids, c := pop.View(i, &a)
			_, c2 := back.View(i, &b)
			require.Equal(t, c, c2, "household %d", i)
			require.Equal(t, pop.Key(i), back.Key(i))
			// The reader keeps no IDs for good households; the writer
			// wrote the population's.
			require.Equal(t, household(&a, ids), household(&b, ids), "household %d", i)
		}
	}
	// Written again, the same bytes.
	assert.Equal(t, string(data), string(writeCSV(t, readCSVWithIDs(t, data))))
}

// readCSVWithIDs reads a CSV input and gives its members the IDs m0, m1, …
// as Synthesize does, for comparing what a writer writes.
func readCSVWithIDs(t testing.TB, data []byte) *batch.Population {
	back := readCSV(t, data, 4096)
	out := &batch.Population{}
	var h income.Compact
	for i := range back.Len() {
		_, c := back.View(i, &h)
		ids := make(income.IDs, h.N)
		for k := range ids {
			ids[k] = "m" + string(rune('0'+k))
		}
		out.Add(back.Key(i), &h, ids, c)
	}
	return out
}

// problemsOf returns the household's problems as "path code" strings.
func problemsOf(t testing.TB, err error) []string {
	t.Helper()
	var ie *batch.InputError
	require.ErrorAs(t, err, &ie)
	pe, ok := problem.As(ie.Err)
	require.True(t, ok, "%v", err)
	var out []string
	for _, q := range pe.Problems {
		out = append(out, q.Path+" "+string(q.Code))
	}
	return out
}

const header = "household,record,date,status,monthly_amount,gradual_exit_end,region,area,id,birth_date,relation,labour,cares_for,member,kind,amount,period,value\n"

// Each household's problems come with the JSON form's paths, all at once,
// and the read goes on to the next household.
func TestCSVProblems(t *testing.T) {
	for _, tc := range []struct {
		name, rows string
		want       []string
	}{
		{"good", "h,household,2023-06-01,,,,230102,urban,,,,,,,,,,\nh,member,,,,,,,a,1980-01-01,applicant,full,,,,,,\n", nil},
		{"income before its member, by ID", "h,household,2023-06-01,,,,230102,urban,,,,,,,,,,\nh,income,,,,,,,,,,,,a,pension,1000,monthly,\nh,member,,,,,,,a,1980-01-01,applicant,full,,,,,,\n", nil},
		{"bad cells", "h,household,2023-06-32,dibaoo,,,2301,town,,,,,,,,,,\nh,member,,,,,,,a,1980-01-01,boss,full,,,,,,\nh,income,,,,,,,,,,,,a,wage,10.001,weekly,\n",
			[]string{"date bad_date", "status bad_code", "region bad_code", "area bad_code", "members[0].relation bad_code",
				"members[0].incomes[0].amount too_precise", "members[0].incomes[0].period bad_code"}},
		{"unknown member", "h,household,2023-06-01,,,,230102,urban,,,,,,,,,,\nh,member,,,,,,,a,1980-01-01,applicant,full,b,,,,,\nh,income,,,,,,,,,,,,x,wage,1000,monthly,\nh,property,,,,,,,,,,,,y,deposit,,,100\n",
			[]string{"members[0].cares_for[0] unknown_member", "incomes[0].member unknown_member", "property[0].member unknown_member"}},
		{"missing cells", "h,household,,,,,230102,urban,,,,,,,,,,\nh,member,,,,,,,,1980-01-01,applicant,full,,,,,,\nh,income,,,,,,,,,,,,,,,,\n",
			[]string{"date required", "members[0].id required", "incomes[0].kind required", "incomes[0].amount required", "incomes[0].period required", "incomes[0].member required"}},
		{"a column not for the record", "h,household,2023-06-01,,,,230102,urban,a,,,,,,,,,\nh,member,2023-06-01,,,,,,a,1980-01-01,applicant,full,,,,,,\n",
			[]string{"id unknown_field", "members[0].date unknown_field"}},
		{"no household row", "h,member,,,,,,,a,1980-01-01,applicant,full,,,,,,\n", []string{" required", "date required"}},
		{"gradual exit without its end", "h,household,2023-06-01,gradual_exit,0,,230102,urban,,,,,,,,,,\nh,member,,,,,,,a,1980-01-01,applicant,full,,,,,,\n",
			[]string{"gradual_exit_end required", "monthly_amount required"}},
		{"wrong number of fields", "h,household,2023-06-01,,,,230102,urban,,,,,,,,,,\nh,member,,,,,,,a,1980-01-01,applicant,full\n",
			[]string{" syntax"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pop := readCSV(t, []byte(header+tc.rows+"next,household,2023-06-01,,,,230102,urban,,,,,,,,,,\nnext,member,,,,,,,a,1980-01-01,applicant,full,,,,,,\n"), 100)
			require.Equal(t, 2, pop.Len())
			assert.NoError(t, pop.Err(1), "the next household is read")
			if tc.want == nil {
				assert.NoError(t, pop.Err(0))
				return
			}
			got := problemsOf(t, pop.Err(0))
			for _, w := range tc.want {
				assert.Contains(t, got, w)
			}
		})
	}
}

// A cell that is not valid UTF-8 (a file saved in GBK, say) is a problem
// at its own path, with the offset of its first invalid byte in the cell,
// and counts as given: no "required" after it, no refused row and its
// follow-on problems. IDs and notes have the JSON form's problems. The key
// is a problem of the household, and the results write it with U+FFFD in
// place of each invalid byte, so that they stay UTF-8.
func TestCSVInvalidUTF8(t *testing.T) {
	const hdr = "household,record,date,region,area,id,birth_date,relation,labour,member,kind,amount,period,note,value\n"
	in := hdr +
		"h,household,2023-06\xff01,230102,urban,,,,,,,,,,\n" +
		"h,member,,,,a\xffb,1980-01-01,applicant,full,,,,,,\n" +
		"h,member,,,,c,1980-01-01,app\xfelicant,full,,,,,,\n" +
		"h,income,,,,,,,,c,pension,100,monthly,\xe6\xb3,\n" + // 注 cut short
		"h,income,,,,,,,,\xff,pension,100,monthly,,\n" +
		"h,property,,,,,,,,c\xc0,deposit,,,,100\n" +
		"k\xff,household,2023-06-01,230102,urban,,,,,,,,,,\n" +
		"k\xff,member,,,,a,1980-01-01,applicant,full,,,,,,\n"
	pop := readCSV(t, []byte(in), 100)
	require.Equal(t, 2, pop.Len())
	type prob struct{ path, code, en string }
	probs := func(err error) []prob {
		var ie *batch.InputError
		require.ErrorAs(t, err, &ie)
		pe, ok := problem.As(ie.Err)
		require.True(t, ok)
		var out []prob
		for _, q := range pe.Problems {
			out = append(out, prob{q.Path, string(q.Code), q.Message.EN})
		}
		return out
	}
	assert.ElementsMatch(t, []prob{
		{"date", "invalid_utf8", "not valid UTF-8 text at byte 7"},
		{"members[0].id", "invalid_utf8", "not valid UTF-8 text at byte 1"},
		{"members[1].relation", "invalid_utf8", "not valid UTF-8 text at byte 3"},
		{"members[1].incomes[0].note", "invalid_utf8", "not valid UTF-8 text at byte 0"},
		{"incomes[1].member", "invalid_utf8", "not valid UTF-8 text at byte 0"},
		{"property[0].member", "invalid_utf8", "not valid UTF-8 text at byte 1"},
	}, probs(pop.Err(0)))
	assert.Equal(t, []prob{{"household", "invalid_utf8", "not valid UTF-8 text at byte 1"}}, probs(pop.Err(1)))

	r, err := batch.NewCSVReader(strings.NewReader(in))
	require.NoError(t, err)
	var res bytes.Buffer
	_, err = batch.New(benchSet(t), batch.Options{Workers: 1}).Run(r, &res, batch.RunOptions{})
	require.NoError(t, err)
	require.True(t, utf8.Valid(res.Bytes()), "%q", res.String())
	assert.Contains(t, res.String(), "\nk\uFFFD,", "the key, its invalid byte replaced")
}

// Reading goes on where a household's rows or cells pass the bounds, as the
// JSON form does: the 51st member's row is not read (its cell that is not
// UTF-8 is no problem), the members' IDs are not checked, and the
// household has the one problem of too many members; more than 200 problems in income rows are all counted; a key
// longer than MaxKeyLength keeps its rows together, cut as the household's.
func TestCSVBounds(t *testing.T) {
	const hdr = "household,record,date,region,area,id,birth_date,relation,labour,disability,disability_grade,member,kind,amount,period\n"
	var in strings.Builder
	in.WriteString(hdr + "m,household,2023-06-01,230102,urban,,,,,,,,,,\n")
	for i := range income.MaxMembers + 1 {
		rel := "applicant"
		if i == income.MaxMembers {
			rel = "app\xfelicant"
		}
		id := i
		if i == income.MaxMembers-1 {
			id = 0 // a repeated ID, not looked at past the bound
		}
		fmt.Fprintf(&in, "m,member,,,,id%d,1980-01-01,%s,full,,,,,,\n", id, rel)
	}
	// A disability cell not valid UTF-8, with a grade: the category's
	// problem alone (no "a grade without a category").
	in.WriteString("d,household,2023-06-01,230102,urban,,,,,,,,,,\n" +
		"d,member,,,,a,1980-01-01,applicant,full,vis\xffual,2,,,,\n")
	// 250 income rows with an amount of three decimals.
	in.WriteString("p,household,2023-06-01,230102,urban,,,,,,,,,,\np,member,,,,a,1980-01-01,applicant,full,,,,,,\n")
	for range 250 {
		in.WriteString("p,income,,,,,,,,,,a,pension,1.001,monthly\n")
	}
	long := strings.Repeat("x", batch.MaxKeyLength+44)
	in.WriteString(long + ",household,2023-06-01,230102,urban,,,,,,,,,,\n" + long + ",member,,,,a,1980-01-01,applicant,full,,,,,,\n")
	pop := readCSV(t, []byte(in.String()), 100)
	require.Equal(t, 4, pop.Len(), "four households")

	members := problemsOf(t, pop.Err(0))
	assert.Equal(t, []string{"members too_large"}, members)

	assert.Equal(t, []string{"members[0].disability.category invalid_utf8"}, problemsOf(t, pop.Err(1)))

	var ie *batch.InputError
	require.ErrorAs(t, pop.Err(2), &ie)
	pe, ok := problem.As(ie.Err)
	require.True(t, ok)
	assert.Equal(t, 201, len(pe.Problems), "200 listed, and one counting the rest")
	last := pe.Problems[len(pe.Problems)-1]
	assert.Equal(t, problem.TooMany, last.Code)
	assert.Equal(t, "50 more problems not listed", last.Message.EN, "250 − 200")

	assert.Equal(t, []string{"household out_of_range"}, problemsOf(t, pop.Err(3)), "one household: its two rows under one key")
}

// A household's InputError gives the line of the row its first problem is
// in — members[1] its second member row, members[1].incomes[1] the second
// income row naming that member, wherever the rows lie —, and none for a
// problem of the household's lists as a whole; At is that line, else the
// household's first.
func TestCSVProblemRow(t *testing.T) {
	const hdr = "household,record,date,region,area,id,birth_date,relation,labour,member,kind,amount,period,value\n"
	const (
		hh  = "%s,household,2023-06-01,230102,urban,,,,,,,,,\n"
		mem = "%s,member,,,,%s,1980-01-01,%s,full,,,,,\n"
		inc = "%s,income,,,,,,,,%s,pension,%s,%s,\n"
	)
	for _, tc := range []struct {
		name, rows string
		path       string
		row        int // by hand: the header is line 1, the household row line 2
	}{
		{"household row", "k,household,2023-06-01,999999,urban,,,,,,,,,\n" + fmt.Sprintf(mem, "k", "a", "applicant"), "region", 2},
		{"second member", fmt.Sprintf(hh+mem+mem, "k", "k", "a", "applicant", "k", "b", "boss"), "members[1].relation", 4},
		{"an income, rows before its member", fmt.Sprintf(hh+inc+inc+mem+inc+mem, "k",
			"k", "b", "100", "monthly", // line 3: b's first income
			"k", "a", "100", "monthly", // line 4
			"k", "a", "applicant", // line 5
			"k", "b", "1.001", "monthly", // line 6: b's second income, too precise
			"k", "b", "spouse"), // line 7
			"members[1].incomes[1].amount", 6},
		{"an income of nobody", fmt.Sprintf(hh+mem+inc+inc, "k", "k", "a", "applicant", "k", "a", "100", "monthly", "k", "z", "100", "monthly"),
			"incomes[1].member", 5},
		{"property", fmt.Sprintf(hh+mem, "k", "k", "a", "applicant") + "k,property,,,,,,,,,deposit,,,-5\n", "property[0].value", 4},
		{"the date", "k,household,,230102,urban,,,,,,,,,\n" + fmt.Sprintf(mem, "k", "a", "applicant"), "date", 2},
		{"a case column on a member row", fmt.Sprintf(hh, "k") + "k,member,2023-06-01,,,a,1980-01-01,applicant,full,,,,,\n", "members[0].date", 3},
		{"no member: the whole household", fmt.Sprintf(hh, "k"), "members", 0},
		{"a row of no record", fmt.Sprintf(hh+mem, "k", "k", "a", "applicant") + "k,incme,,,,,,,,a,pension,100,monthly,\n", "record", 4},
		{"a malformed row", fmt.Sprintf(hh+mem, "k", "k", "a", "applicant") + "k,income,,,\n", "", 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pop := readCSV(t, []byte(hdr+tc.rows), 100)
			require.Equal(t, 1, pop.Len())
			var ie *batch.InputError
			require.ErrorAs(t, pop.Err(0), &ie)
			pe, ok := problem.As(ie.Err)
			require.True(t, ok)
			assert.Equal(t, tc.path, pe.Problems[0].Path, "%v", pe)
			assert.Equal(t, 2, ie.Line, "the household's first line")
			assert.Equal(t, tc.row, ie.Row)
			at := tc.row
			if at == 0 {
				at = 2
			}
			assert.Equal(t, at, ie.At())
			assert.True(t, strings.HasPrefix(ie.Error(), fmt.Sprintf("line %d: ", at)), ie.Error())
		})
	}
}

// The header names known columns once each, and the household, record
// and date columns.
func TestCSVHeader(t *testing.T) {
	for _, tc := range []struct {
		header, path string
		code         problem.Code
	}{
		{"household,record,date,colour\n", "header[3]", problem.UnknownField},
		{"household,record,date,date\n", "header[3]", problem.Duplicate},
		{"household,date\n", "header", problem.Required},
		{"", "header", problem.Required},
	} {
		_, err := batch.NewCSVReader(strings.NewReader(tc.header))
		pe, ok := problem.As(err)
		require.True(t, ok, "%q: %v", tc.header, err)
		assert.True(t, pe.Has(tc.path, tc.code), "%q: %v", tc.header, err)
		assert.Equal(t, problem.SubjectPopulation, pe.Subject, "a problem of the file, not of a household")
		assert.Contains(t, pe.Error(), "in the population", "%q", tc.header)
	}
}
