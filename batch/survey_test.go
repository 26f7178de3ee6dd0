package batch_test

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/batch"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func readSurvey(t *testing.T, hf, mf string) (*batch.Population, error) {
	t.Helper()
	sr, err := batch.NewSurveyReader(strings.NewReader(hf), strings.NewReader(mf), batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	var p batch.Population
	for {
		_, err := sr.Read(&p, 2)
		if errors.Is(err, io.EOF) {
			return &p, nil
		}
		if err != nil {
			return &p, err
		}
	}
}

// A household in the survey layout is decided as its JSON form is.
func TestSurveyMatchesJSON(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	p, err := readSurvey(t,
		"id,weight,region,area,supporter,property:deposit,expenditure:medical\n"+
			"h1,152.5,230113,urban,able,20000,9600\n",
		"household,id,birth_date,relation,labour,workplace,disability,disability_grade,dependency,income:wage,income:special_care_pension\n"+
			"h1,wang,1978-05-12,applicant,full,230113,,,,1800,\n"+
			"h1,zhao,1980-02-03,spouse,none,,physical,2,semi,,200\n"+
			"h1,,2012-09-01,child,none,,,,,,\n")
	require.NoError(t, err)
	require.Equal(t, 1, p.Len())
	require.NoError(t, p.Err(0))
	assert.Equal(t, money.MustRate("152.5"), p.Weight(0))
	var h income.Compact
	ids, c := p.View(0, &h)
	assert.Equal(t, income.IDs{"wang", "zhao", "3"}, ids) // the child's place as its ID
	got := batch.New(set, batch.Options{}).Worker().Decide(&h, ids, c)
	require.NoError(t, got.Err)

	req, err := payment.DecodeRequest([]byte(`{"date": "2024-06-01", "household": {"region": "230113", "area": "urban", "supporter": "able",
	  "members": [
	    {"id": "wang", "birth_date": "1978-05-12", "relation": "applicant", "labour": "full", "workplace": "230113",
	     "incomes": [{"kind": "wage", "amount": "1800", "period": "monthly"}]},
	    {"id": "zhao", "birth_date": "1980-02-03", "relation": "spouse", "labour": "none", "disability": {"category": "physical", "grade": 2},
	     "dependency": "semi", "incomes": [{"kind": "special_care_pension", "amount": "200", "period": "monthly"}]},
	    {"id": "3", "birth_date": "2012-09-01", "relation": "child", "labour": "none"}],
	  "property": [{"kind": "deposit", "value": "20000"}],
	  "expenditures": [{"kind": "medical", "amount": "9600"}]}}`))
	require.NoError(t, err)
	d, err := payment.Decide(req, set)
	require.NoError(t, err)
	assert.Equal(t, payment.FiguresOf(d), got.Figures)
}

func TestSurveyProblems(t *testing.T) {
	for _, tc := range []struct {
		name, hf, mf string
		path         string
		code         problem.Code
	}{
		{"a bad weight", "id,weight,region,area\nh1,0,230102,urban\n", "household,birth_date,relation,labour\nh1,1980-01-01,applicant,full\n",
			"weight", problem.OutOfRange},
		{"a weight too fine", "id,weight,region,area\nh1,1.0000001,230102,urban\n", "household,birth_date,relation,labour\nh1,1980-01-01,applicant,full\n",
			"weight", problem.TooPrecise},
		{"no members", "id,region,area\nh1,230102,urban\n", "household,birth_date,relation,labour\n", "members", problem.Empty},
		{"a bad amount at its JSON path", "id,region,area\nh1,230102,urban\n", "household,birth_date,relation,labour,income:pension\nh1,1980-01-01,applicant,full,12.345\n",
			"members[0].incomes[0].amount", problem.TooPrecise},
		{"an ID given twice", "id,region,area\nh1,230102,urban\nh1,230102,urban\n", "household,birth_date,relation,labour\nh1,1980-01-01,applicant,full\n",
			"id", problem.Duplicate},
		{"a bad property value", "id,region,area,property:deposit\nh1,230102,urban,-5\n", "household,birth_date,relation,labour\nh1,1980-01-01,applicant,full\n",
			"property[0].value", problem.Negative},
		// A cell that is not valid UTF-8: at its column, under its row's place.
		{"a household cell not UTF-8", "id,region,area\nh1,2301\xff02,urban\n", "household,birth_date,relation,labour\nh1,1980-01-01,applicant,full\n",
			"region", problem.InvalidUTF8},
		{"a member cell not UTF-8", "id,region,area\nh1,230102,urban\n", "household,birth_date,relation,labour\nh1,1980-01-01,applicant,full\nh1,1980-01-01,sp\xc3ouse,full\n",
			"members[1].relation", problem.InvalidUTF8},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := readSurvey(t, tc.hf, tc.mf)
			require.NoError(t, err)
			last := p.Len() - 1
			pe, ok := problem.As(p.Err(last))
			require.True(t, ok, "%v", p.Err(last))
			paths := map[string]problem.Code{}
			for _, q := range pe.Problems {
				paths[q.Path] = q.Code
			}
			assert.Equal(t, tc.code, paths[tc.path], "%v", pe.Problems)
		})
	}
}

func TestSurveyHeaderAndOrder(t *testing.T) {
	_, err := batch.NewSurveyReader(strings.NewReader("id,colour,income:wage\n"), strings.NewReader("id\n"), batch.SurveyOptions{})
	pe, ok := problem.As(err)
	require.True(t, ok, "%v", err)
	paths := map[string]bool{}
	for _, q := range pe.Problems {
		paths[q.Path] = true
	}
	// colour is unknown; income columns belong to the members file; the
	// members file has no household column.
	assert.True(t, paths["households.header[1]"])
	assert.True(t, paths["households.header[2]"])
	assert.True(t, paths["members.header"])

	// Members out of the households' order stop the read.
	_, err = readSurvey(t, "id,region,area\nh1,230102,urban\nh2,230102,urban\n",
		"household,birth_date,relation,labour\nh2,1980-01-01,applicant,full\nh1,1980-01-01,applicant,full\n")
	var ie *batch.InputError
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, 3, ie.Line)
}

// FuzzSurvey checks that the survey reader never panics, that every
// household it refuses carries problems in both languages, and that what it
// accepts validates.
func FuzzSurvey(f *testing.F) {
	f.Add([]byte("id,weight,region,area,property:deposit\nh1,2,230102,urban,100\nh2,,230102,rural,\n"),
		[]byte("household,id,birth_date,relation,labour,income:pension\nh1,a,1980-01-01,applicant,full,600\nh2,,1950-01-01,applicant,none,\n"))
	f.Add([]byte("id,region\n\"h\"\"1\",230102\n"), []byte("household,birth_date\n\"h\"\"1\",1980-02-30\n"))
	f.Add([]byte("id,status,monthly_amount,gradual_exit_end,region,area\nh,gradual_exit,300,,230102,urban\n"), []byte("household,relation\nh,applicant\nx,spouse\n"))
	f.Fuzz(func(t *testing.T, hf, mf []byte) {
		sr, err := batch.NewSurveyReader(strings.NewReader(string(hf)), strings.NewReader(string(mf)), batch.SurveyOptions{Date: standards.MustParseDate("2024-06-01")})
		if err != nil {
			if pe, ok := problem.As(err); ok {
				for _, q := range pe.Problems {
					if q.Code == "" || q.Message.ZH == "" || q.Message.EN == "" {
						t.Fatalf("incomplete problem %#v", q)
					}
				}
			}
			return
		}
		var p batch.Population
		for range 1000 {
			if _, err := sr.Read(&p, 3); err != nil {
				break
			}
		}
		var h income.Compact
		for i := 0; i < p.Len(); i++ {
			if err := p.Err(i); err != nil {
				if _, ok := problem.As(err); !ok {
					t.Fatalf("household %d: %T %v", i, err, err)
				}
				continue
			}
			ids, c := p.View(i, &h)
			if err := income.ValidateCompact(&h, ids, c.Date); err != nil {
				t.Fatalf("household %d accepted but invalid: %v", i, err)
			}
			if w := p.Weight(i); w.Sign() <= 0 {
				t.Fatalf("weight %s", w)
			}
		}
	})
}
