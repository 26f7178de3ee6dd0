package batch_test

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// resultRows reads a results CSV.
func resultRows(t testing.TB, data []byte) [][]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	require.NoError(t, err)
	require.Equal(t, batch.ResultHeader(), rows[0])
	return rows[1:]
}

// figuresRow is the results row Run writes for a decided household.
func figuresRow(key string, f payment.Figures) []string {
	row := []string{key, f.Status.String()}
	for _, a := range []money.Amount{f.Total, f.Gap, f.Supplements, f.SinglePerson, f.GradualExit, f.PriceSubsidy, f.Tekun} {
		row = append(row, a.Display())
	}
	return append(row, strconv.Itoa(f.Alone), f.Countable.Display(), strconv.Itoa(f.Tested), "", "", "", "", "")
}

// resultCol returns the index of a results column, by its name.
func resultCol(t *testing.T, name string) int {
	i := slices.Index(batch.ResultHeader(), name)
	require.GreaterOrEqual(t, i, 0, name)
	return i
}

// Run on a CSV file writes, in input order, the figures Engine.Decide
// gives for the same households, with chunks and workers splitting the
// work in every way; the summary counts them.
func TestRunCSV(t *testing.T) {
	set := benchSet(t)
	pop, err := batch.Synthesize(3000, batch.SynthOptions{Seed: 5, Date: standards.MustParseDate("2023-06-01")})
	require.NoError(t, err)
	want := make([]batch.Result, pop.Len())
	batch.New(set, batch.Options{Workers: 1}).Decide(pop, want)
	data := writeCSV(t, pop)
	for _, tc := range []struct{ chunk, workers int }{{1, 1}, {7, 2}, {4096, 3}} {
		var out bytes.Buffer
		r, err := batch.NewCSVReader(bytes.NewReader(data))
		require.NoError(t, err)
		sum, err := batch.New(set, batch.Options{Workers: tc.workers}).Run(r, &out, batch.RunOptions{Chunk: tc.chunk})
		require.NoError(t, err)
		rows := resultRows(t, out.Bytes())
		require.Len(t, rows, pop.Len())
		var total money.Total
		statuses := map[eligibility.Status]int{}
		for i, row := range rows {
			require.NoError(t, want[i].Err)
			require.Equal(t, figuresRow(pop.Key(i), want[i].Figures), row, "household %d, chunk %d", i, tc.chunk)
			total.Add(want[i].Total)
			statuses[want[i].Status]++
		}
		assert.Equal(t, pop.Len(), sum.Households)
		assert.Equal(t, 0, sum.Failed)
		assert.Equal(t, total, sum.Total)
		for s, n := range statuses {
			assert.Equal(t, n, sum.ByStatus[s], "%s", s)
		}
		assert.Greater(t, statuses[eligibility.Dibao], 0)
		assert.Greater(t, statuses[eligibility.NotEligible], 0)
	}
}

// A household that cannot be read or decided is a row with the line its
// rows begin on and its first problem, in its place; the rest are decided.
func TestRunCSVErrors(t *testing.T) {
	in := header +
		"a,household,2023-06-01,,,,230102,urban,,,,,,,,,,\n" +
		"a,member,,,,,,,x,1980-01-01,applicant,full,,,,,,\n" +
		"b,household,2023-06-01,,,,230102,urban,,,,,,,,,,\n" +
		"b,member,,,,,,,x,1980-01-01,boss,full,,,,,,\n" +
		"c,household,2023-06-01,,,,110101,urban,,,,,,,,,,\n" +
		"c,member,,,,,,,x,1980-01-01,applicant,full,,,,,,\n"
	for _, tc := range []struct {
		tag  language.Tag
		want string
	}{{language.English, `relation: unknown value "boss"`}, {language.SimplifiedChinese, "boss"}} {
		var out bytes.Buffer
		r, err := batch.NewCSVReader(strings.NewReader(in))
		require.NoError(t, err)
		sum, err := batch.New(benchSet(t), batch.Options{}).Run(r, &out, batch.RunOptions{Language: tc.tag})
		require.NoError(t, err)
		rows := resultRows(t, out.Bytes())
		require.Len(t, rows, 3)
		assert.Equal(t, "a", rows[0][0])
		assert.Equal(t, "dibao", rows[0][1])
		line, code, path, msg, n := resultCol(t, "line"), resultCol(t, "error_code"), resultCol(t, "error_path"), resultCol(t, "error"), resultCol(t, "problems")
		// The line of the row at fault: b's member row, line 5.
		assert.Equal(t, []string{"b", "", "5", "bad_code", "members[0].relation"}, []string{rows[1][0], rows[1][1], rows[1][line], rows[1][code], rows[1][path]})
		assert.Contains(t, rows[1][msg], "boss")
		assert.Equal(t, "2", rows[1][n], "the relation, and then no applicant — as the JSON form reports it")
		assert.Equal(t, []string{"c", "6", "unknown_region"}, []string{rows[2][0], rows[2][line], rows[2][code]}, "a region not in the register: decided, and refused")
		for _, c := range []string{"status", "total", "alone", "countable", "tested"} {
			assert.Empty(t, rows[1][resultCol(t, c)], "%s of a household not decided", c)
		}
		assert.Equal(t, 3, sum.Households)
		assert.Equal(t, 2, sum.Failed)
	}
}

// Run on JSON lines decides each request as payment.Decide does, with its
// own current standing and options; a bad line is a row of its own.
func TestRunJSONL(t *testing.T) {
	set := benchSet(t)
	pop, err := batch.Synthesize(400, batch.SynthOptions{Seed: 9, Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	var in bytes.Buffer
	var want []payment.Figures
	var view income.Compact
	for i := range pop.Len() {
		ids, c := pop.View(i, &view)
		req := payment.Request{Request: eligibility.Request{Household: household(&view, ids), Date: c.Date,
			Current: eligibility.Current{Status: c.Status, MonthlyAmount: c.MonthlyAmount, GradualExitEnd: c.GradualExitEnd}}}
		if i%3 == 0 { // the request's own prices and method
			req.Prices = &payment.Prices{Month: standards.MustParseDate("2024-06-01"), CPI: money.MustRate("0.036"), HasCPI: true}
			req.Method = standards.MethodGap
		}
		d, err := payment.Decide(req, set)
		require.NoError(t, err)
		want = append(want, payment.FiguresOf(d))
		b, err := payment.EncodeRequest(&req)
		require.NoError(t, err)
		in.Write(b)
		in.WriteByte('\n')
		if i == 10 {
			in.WriteString("\n{\"date\": \"2024-06-01\"}\n") // a blank line, then a request without a household
		}
	}
	var out bytes.Buffer
	sum, err := batch.New(set, batch.Options{}).Run(batch.NewJSONLReader(&in), &out, batch.RunOptions{Chunk: 64})
	require.NoError(t, err)
	rows := resultRows(t, out.Bytes())
	require.Len(t, rows, pop.Len()+1)
	line := 0
	for i, row := range rows {
		line++
		if i == 11 {
			line++ // the blank line
			assert.Equal(t, []string{strconv.Itoa(line), strconv.Itoa(line), "required", "household"}, []string{row[0], row[resultCol(t, "line")], row[resultCol(t, "error_code")], row[resultCol(t, "error_path")]})
			continue
		}
		k := i
		if i > 11 {
			k--
		}
		require.Equal(t, figuresRow(strconv.Itoa(line), want[k]), row, "line %d", line)
	}
	assert.Equal(t, 1, sum.Failed)
}

// Household i of a synthetic population depends on the seed and i alone.
func TestSynthesizeByIndex(t *testing.T) {
	whole, err := batch.Synthesize(300, batch.SynthOptions{Seed: 7})
	require.NoError(t, err)
	var w1, w2 income.Compact
	for _, cut := range []int{1, 100, 299} {
		part, err := batch.Synthesize(300-cut, batch.SynthOptions{Seed: 7, FirstKey: cut})
		require.NoError(t, err)
		for i := 0; i < part.Len(); i++ {
			ids1, c1 := whole.View(cut+i, &w1)
			ids2, c2 := part.View(i, &w2)
			require.Equal(t, whole.Key(cut+i), part.Key(i))
			require.Equal(t, flat(w1), flat(w2), "household %d", cut+i)
			require.Equal(t, ids1, ids2)
			require.Equal(t, c1, c2)
		}
	}
	other, err := batch.Synthesize(300, batch.SynthOptions{Seed: 8})
	require.NoError(t, err)
	same := 0
	for i := 0; i < 300; i++ {
		whole.View(i, &w1)
		other.View(i, &w2)
		if reflect.DeepEqual(flat(w1), flat(w2)) {
			same++
		}
	}
	assert.Less(t, same, 5, "another seed draws other households")
}

// flat is h with empty lists as nil, for comparing views.
func flat(h income.Compact) income.Compact {
	if len(h.Members) == 0 {
		h.Members = nil
	}
	if len(h.Items) == 0 {
		h.Items = nil
	}
	if len(h.Property) == 0 {
		h.Property = nil
	}
	if len(h.Expenditures) == 0 {
		h.Expenditures = nil
	}
	return h
}

// A compact form that cannot be read (income.CheckCompact's problems),
// handed to Population.Add, is held as failed with its problems, which
// deciding it gives: never read out of its bounds, never decided. The
// valid household beside them is decided.
func TestAddUnvalidatedForms(t *testing.T) {
	var good income.Compact
	ids, c := synth(t, 1, true).View(0, &good)
	last := good.N - 1
	lastKind := "members[" + strconv.Itoa(last) + "].incomes[" + strconv.Itoa(int(good.Members[last].End-good.Members[last].First)) + "].kind"
	cases := []struct {
		name  string
		spoil func(h *income.Compact, x income.IDs) income.IDs
		path  string // the first problem's ("": decided)
	}{
		{"valid", func(h *income.Compact, x income.IDs) income.IDs { return x }, ""},
		{"negative count", func(h *income.Compact, x income.IDs) income.IDs { h.N = -1; return x }, "members"},
		{"more members than the list", func(h *income.Compact, x income.IDs) income.IDs { h.N = len(h.Members) + 1; return x }, "members"},
		{"fewer IDs than members", func(h *income.Compact, x income.IDs) income.IDs { return x[:h.N-1] }, "members"},
		{"incomes past the list", func(h *income.Compact, x income.IDs) income.IDs {
			h.Members[0].End = int32(len(h.Items) + 3)
			return x
		}, "members[0].incomes"},
		{"incomes inverted", func(h *income.Compact, x income.IDs) income.IDs {
			h.Members[0].First, h.Members[0].End = 2, 1
			return x
		}, "members[0].incomes"},
		{"incomes overlapping", func(h *income.Compact, x income.IDs) income.IDs { h.Members[last].First = 0; return x }, "members[" + strconv.Itoa(last) + "].incomes"},
		{"a supporter beyond the table", func(h *income.Compact, x income.IDs) income.IDs { h.Supporter = 77; return x }, "supporter"},
		{"no area class", func(h *income.Compact, x income.IDs) income.IDs { h.Area = 9; return x }, "area"},
		{"a kind beyond the table", func(h *income.Compact, x income.IDs) income.IDs {
			h.Items = append(h.Items, income.CompactIncome{Kind: 250, Unit: income.PerMonth, Amount: money.MustParse("1")})
			h.Members[last].End++
			return x
		}, lastKind},
	}
	var p batch.Population
	for _, tc := range cases {
		h := good
		h.Members = append([]income.CompactMember(nil), good.Members...)
		h.Items = append([]income.CompactIncome(nil), good.Items...)
		p.Add(tc.name, &h, tc.spoil(&h, append(income.IDs(nil), ids...)), c)
	}
	out := make([]batch.Result, p.Len())
	batch.New(benchSet(t), batch.Options{}).Decide(&p, out)
	for i, tc := range cases {
		r := out[i]
		if tc.path == "" {
			require.NoError(t, r.Err, tc.name)
			assert.True(t, r.Status.Valid(), tc.name)
			continue
		}
		pe, ok := problem.As(r.Err)
		require.True(t, ok, "%s: %T %v", tc.name, r.Err, r.Err)
		require.NotEmpty(t, pe.Problems, tc.name)
		assert.Equal(t, tc.path, pe.Problems[0].Path, tc.name)
		assert.ErrorIs(t, r.Err, problem.ErrInvalid, tc.name)
	}
}

// DecideAt, the batch loop's form, decides household i as DecideInto
// decides its view, on one worker, through a population of every rule:
// households the fast path takes and households it leaves, interleaved;
// cases of their own fields and, every tenth, a whole request; under the
// embedded standards and under local settings that test property and
// rigid expenditure (which the fast path does not read, and the general
// path then must be given). A household that could not be read gives its
// error.
func TestDecideAtIsDecideInto(t *testing.T) {
	src := synth(t, 400, false)
	pop := &batch.Population{}
	var view income.Compact
	for i := range src.Len() {
		ids, c := src.View(i, &view)
		if i%10 == 0 {
			c.Request = &payment.Request{Request: eligibility.Request{Date: c.Date,
				Current: eligibility.Current{Status: c.Status, MonthlyAmount: c.MonthlyAmount, GradualExitEnd: c.GradualExitEnd}}}
		}
		pop.Add(src.Key(i), &view, ids, c)
	}
	failed := errors.New("unreadable")
	pop.AddFailed("bad", failed)
	for _, tc := range []struct {
		name string
		set  *standards.Set
		fast bool // some households take the fast path
	}{
		{"embedded", benchSet(t), true},
		{"local settings", localSettings(t, benchSet(t)), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := batch.New(tc.set, batch.Options{})
			at, into := e.Worker(), e.Worker()
			var probe payment.Decider
			plans := map[[2]uint32]*payment.Plan{}
			fast, general := 0, 0
			for i := range pop.Len() {
				var got, want batch.Result
				at.DecideAt(pop, i, &got)
				if err := pop.Err(i); err != nil {
					assert.Equal(t, batch.Result{Err: failed}, got, "household %d", i)
					continue
				}
				ids, c := pop.View(i, &view)
				into.DecideInto(&view, ids, c, &want)
				require.Equal(t, want, got, "household %d", i)
				// Which path it took: the fast path's own answer.
				k := [2]uint32{view.Region.Code(), uint32(view.Area)}
				if plans[k] == nil {
					pl, err := payment.NewPlan(tc.set, view.Region, view.Area, c.Date, standards.Date{}, nil)
					require.NoError(t, err)
					plans[k] = pl
				}
				req := payment.Request{Request: eligibility.Request{Date: c.Date,
					Current: eligibility.Current{Status: c.Status, MonthlyAmount: c.MonthlyAmount, GradualExitEnd: c.GradualExitEnd}}}
				var f payment.Figures
				if c.Request == nil && probe.FastFigures(plans[k], &view, &req, &f) {
					fast++
				} else {
					general++
				}
			}
			assert.Equal(t, tc.fast, fast > 0, "households on the fast path: %d", fast)
			assert.Positive(t, general, "households on the general path")
		})
	}
}

// An engine without standards decides nothing: every household's result is
// the problem "standards required", for Decide and for Run, not a panic.
func TestEngineWithoutStandards(t *testing.T) {
	pop := synth(t, 3, true)
	e := batch.New(nil, batch.Options{Workers: 1})
	out := make([]batch.Result, pop.Len())
	e.Decide(pop, out)
	for i, r := range out {
		pe, ok := problem.As(r.Err)
		require.True(t, ok, "%d: %T %v", i, r.Err, r.Err)
		assert.Equal(t, "standards", pe.Problems[0].Path)
		assert.Equal(t, problem.Required, pe.Problems[0].Code)
	}
	var csvIn bytes.Buffer
	cw, err := batch.NewCSVWriter(&csvIn)
	require.NoError(t, err)
	require.NoError(t, cw.Write(pop))
	require.NoError(t, cw.Flush())
	r, err := batch.NewCSVReader(&csvIn)
	require.NoError(t, err)
	var res bytes.Buffer
	sum, err := e.Run(r, &res, batch.RunOptions{})
	require.NoError(t, err)
	assert.Equal(t, pop.Len(), sum.Failed)
	for _, row := range resultRows(t, res.Bytes()) {
		assert.Contains(t, row, "standards", row)
	}
}

// Decide fills out[:p.Len()] and returns it: an out too short (nil, or
// shorter than the population) is grown, not indexed past its end; a longer
// one is cut to the population, its array reused. Each way gives the
// results of one worker's DecideAt, household by household.
func TestEngineDecideOut(t *testing.T) {
	pop := synth(t, 600, true) // more than one worker's chunk of 256
	set := benchSet(t)
	w := batch.New(set, batch.Options{}).Worker()
	want := make([]batch.Result, pop.Len())
	for i := range want {
		w.DecideAt(pop, i, &want[i])
	}
	e := batch.New(set, batch.Options{Workers: 2})
	long := make([]batch.Result, pop.Len()+5)
	for _, tc := range []struct {
		name string
		out  []batch.Result
	}{
		{"nil", nil},
		{"empty", []batch.Result{}},
		{"short", make([]batch.Result, 10, 20)},
		{"short, with room", make([]batch.Result, 10, pop.Len())},
		{"exact", make([]batch.Result, pop.Len())},
		{"long", long},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := e.Decide(pop, tc.out)
			require.Len(t, got, pop.Len())
			for i := range got {
				require.Equal(t, want[i], got[i], "household %d", i)
			}
			if cap(tc.out) >= pop.Len() {
				assert.Same(t, &tc.out[0], &got[0], "the caller's array is reused")
			}
		})
	}
	assert.Empty(t, e.Decide(&batch.Population{}, nil), "an empty population")
}

// Add checks what it is given as ValidateCompact does, for the case's
// date: a member with a wage but neither relation nor place of work is a
// failed household with those problems (not the general path's later
// "region  is not in the division register"), and deciding it gives them.
// The same household with both is added and decided.
func TestPopulationAddValidates(t *testing.T) {
	date := standards.MustParseDate("2023-06-01")
	h := income.Compact{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, N: 1,
		Members: []income.CompactMember{{BirthDate: standards.MustParseDate("1980-01-01"), Labour: income.LabourFull, First: 0, End: 1}},
		Items:   []income.CompactIncome{{Kind: standards.IncomeWage, Unit: income.PerMonth, Amount: money.MustParse("500")}}}
	want := income.ValidateCompact(&h, income.IDs{"a"}, date)
	pe, ok := problem.As(want)
	require.True(t, ok, "%v", want)
	var paths []string
	for _, q := range pe.Problems {
		paths = append(paths, q.Path)
	}
	assert.Contains(t, paths, "members[0].relation")
	assert.Contains(t, paths, "members[0].workplace")

	var pop batch.Population
	pop.Add("bad", &h, income.IDs{"a"}, batch.Case{Date: date})
	h.Members[0].Relation, h.Members[0].Workplace = income.RelationApplicant, standards.MustRegion("230102")
	pop.Add("good", &h, income.IDs{"a"}, batch.Case{Date: date})
	assert.Equal(t, want, pop.Err(0))
	require.NoError(t, pop.Err(1))
	w := batch.New(benchSet(t), batch.Options{}).Worker()
	var r batch.Result
	w.DecideAt(&pop, 0, &r)
	assert.Equal(t, want, r.Err)
	w.DecideAt(&pop, 1, &r)
	require.NoError(t, r.Err)
	// A case whose request carries the date: checked for that date — a
	// member born after it is a problem, as Validate says.
	h.Members[0].BirthDate = standards.MustParseDate("2023-07-01")
	pop.Add("born later", &h, income.IDs{"a"}, batch.Case{Request: &payment.Request{Request: eligibility.Request{Date: date}}})
	pe, ok = problem.As(pop.Err(2))
	require.True(t, ok, "%v", pop.Err(2))
	assert.True(t, pe.Has("members[0].birth_date", problem.FutureDate), "%v", pe)
	h.Members[0].BirthDate = standards.MustParseDate("1980-01-01")

	// 道里区, June 2023: R13 deducts 2 months × 1680 (its minimum wage) ÷ 12
	// = 280 from the wage, so 500 counts as 220; the line for one member is
	// the standard, 850; the gap is 850 − 220 = 630.
	assert.Equal(t, eligibility.Dibao, r.Figures.Status)
	assert.Equal(t, money.MustParse("220"), r.Figures.Countable)
	assert.Equal(t, money.MustParse("630"), r.Figures.Total)
}
