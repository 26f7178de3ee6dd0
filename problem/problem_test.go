package problem_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/problem"
)

func TestPaths(t *testing.T) {
	assert.Equal(t, "members[2].incomes", problem.Join(problem.Index("members", 2), "incomes"))
	assert.Equal(t, "date", problem.Join("", "date"))
	assert.Equal(t, "household", problem.Join("household", ""))
	for _, tc := range []struct {
		path, field string
		under       bool
	}{
		{"current", "current", true},
		{"current.since", "current", true},
		{"current.members[0].id", "current", true},
		{"current[0]", "current", true},
		{"currently", "current", false},
		{"curr", "current", false},
		{"household.current", "current", false},
		{"", "current", false},
	} {
		assert.Equal(t, tc.under, problem.Under(tc.path, tc.field), "%q under %q", tc.path, tc.field)
	}
}

func TestError(t *testing.T) {
	e := &problem.Error{Subject: problem.SubjectRequest, Problems: []problem.Problem{
		{Path: "date", Code: problem.Required, Message: problem.Message{ZH: "必填", EN: "required"}},
		{Code: problem.Syntax, Message: problem.Message{ZH: "不是 JSON", EN: "not JSON"}},
	}}
	assert.Equal(t, "2 problems in the request:\n  date: required [required]\n  not JSON [syntax]", e.Error())
	assert.Equal(t, "请求中有 2 个问题:\n  date: 必填 [required]\n  不是 JSON [syntax]", e.Text(language.Chinese))
	assert.True(t, errors.Is(e, problem.ErrInvalid))
	assert.False(t, errors.Is(e, problem.ErrNotCovered))
	assert.True(t, e.Has("date", problem.Required))
	assert.False(t, e.Has("date", problem.Syntax))
	assert.Equal(t, []problem.Code{problem.Required, problem.Syntax}, e.Codes())

	wrapped := fmt.Errorf("deciding: %w", e)
	got, ok := problem.As(wrapped)
	assert.True(t, ok)
	assert.Same(t, e, got)
	_, ok = problem.As(errors.New("other"))
	assert.False(t, ok)

	p := e.Prefix("household", problem.SubjectRequest)
	assert.Equal(t, "household.date", p.Problems[0].Path)
	assert.Equal(t, "household", p.Problems[1].Path)
	assert.Equal(t, "date", e.Problems[0].Path, "Prefix leaves the original alone")

	nc := &problem.Error{Subject: problem.SubjectRequest, NotCovered: true, Problems: e.Problems[:1]}
	assert.True(t, errors.Is(nc, problem.ErrNotCovered))
	assert.Equal(t, "the standards cannot decide the request (1 missing)", nc.Heading(language.English))
	assert.Equal(t, "1 problem in the request", (&problem.Error{Subject: problem.SubjectRequest, Problems: e.Problems[:1]}).Heading(language.English))
}

// Every code is in the table once, with a description.
func TestCodes(t *testing.T) {
	seen := map[problem.Code]bool{}
	for _, c := range problem.Codes() {
		assert.False(t, seen[c.Code], "%s twice", c.Code)
		seen[c.Code] = true
		assert.NotEmpty(t, c.Meaning, c.Code)
	}
	assert.True(t, seen[problem.BelowFloor])
	assert.True(t, seen[problem.Uncovered])
}
