package report

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/problem"
)

// Every message has both languages, the same placeholders in each, and a
// code from the problem package's table.
func TestCatalogComplete(t *testing.T) {
	var codes []problem.Code
	for _, c := range problem.Codes() {
		codes = append(codes, c.Code)
	}
	for m := Msg(1); m < msgEnd; m++ {
		d := catalog[m]
		if d.zh == "" || d.en == "" || d.code == "" {
			t.Errorf("message %d lacks a language or a code", m)
			continue
		}
		zh, en := d.tmpl[0].Args(), d.tmpl[1].Args()
		slices.Sort(zh)
		slices.Sort(en)
		assert.Equal(t, zh, en, "message %d (%s): placeholders differ", m, d.en)
		assert.Contains(t, codes, d.code, "message %d", m)
	}
}

// AddFrom takes every problem of a *problem.Error, and nothing of another
// error or of none.
func TestAddFrom(t *testing.T) {
	var src List
	src.Add("a", MsgRequired, Str("field", "a"))
	src.Add("b", MsgNotEmpty)
	var l List
	assert.False(t, l.AddFrom(nil))
	assert.False(t, l.AddFrom(os.ErrNotExist))
	assert.Equal(t, 0, l.Len())
	assert.True(t, l.AddFrom(src.Err(problem.SubjectInput)))
	require.Equal(t, 2, l.Len())
	assert.Equal(t, []string{"a", "b"}, []string{l.Problems()[0].Path, l.Problems()[1].Path})
}

// The Chinese messages, read by caseworkers, cite the policy's clauses, not
// the rule catalogue's labels (R1–R16, which the English ones may add).
func TestChineseMessagesCiteClauses(t *testing.T) {
	for m := Msg(1); m < msgEnd; m++ {
		zh := catalog[m].zh
		for i := 0; i+1 < len(zh); i++ {
			if zh[i] == 'R' && zh[i+1] >= '0' && zh[i+1] <= '9' && (i == 0 || zh[i-1] < 'A' || zh[i-1] > 'z') {
				t.Errorf("message %d names a rule label: %s", m, zh)
			}
		}
	}
}

// Every message is used somewhere in the library (outside this package's
// own table), so the catalog holds no dead sentences.
func TestCatalogUsed(t *testing.T) {
	names := map[string]bool{}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "messages.go", nil, 0)
	require.NoError(t, err)
	for _, decl := range f.Decls {
		if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, s := range g.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if strings.HasPrefix(n.Name, "Msg") {
						names[n.Name] = false
					}
				}
			}
		}
	}
	root := filepath.Join("..", "..")
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			strings.Contains(path, filepath.Join("internal", "report")) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n := range names {
			if strings.Contains(string(b), "report."+n) {
				names[n] = true
			}
		}
		return nil
	})
	require.NoError(t, err)
	for n, used := range names {
		assert.True(t, used, "%s is not used", n)
	}
}

func TestListBounds(t *testing.T) {
	var l List
	long := strings.Repeat("字", 100000)
	for range MaxProblems + 5 {
		l.Add(long, MsgUnknownField, Str("field", long))
	}
	assert.Equal(t, MaxProblems+5, l.Len())
	ps := l.Problems()
	require.Len(t, ps, MaxProblems+1)
	assert.Equal(t, problem.TooMany, ps[MaxProblems].Code)
	assert.Equal(t, "5 more problems not listed", ps[MaxProblems].Message.EN)
	size := 0
	for _, p := range ps {
		assert.LessOrEqual(t, len(p.Message.ZH), MaxMessageBytes)
		assert.LessOrEqual(t, len(p.Message.EN), MaxMessageBytes)
		assert.LessOrEqual(t, len(p.Path), MaxPathBytes)
		size += len(p.Message.ZH) + len(p.Message.EN) + len(p.Path)
	}
	assert.Less(t, size, 300_000, "the whole report is bounded")
}

func TestErrorHeading(t *testing.T) {
	var l List
	l.Add("members[0].birth_date", MsgFutureBirth, Date("born", 2024, 1, 1), Date("date", 2023, 6, 1))
	err := l.Err(problem.SubjectRequest)
	pe, ok := problem.As(err)
	require.True(t, ok)
	assert.ErrorIs(t, err, problem.ErrInvalid)
	assert.NotErrorIs(t, err, problem.ErrNotCovered)
	assert.Equal(t, "1 problem in the request", pe.Heading(language.English))
	assert.Equal(t, "请求中有 1 个问题", pe.Heading(language.Chinese))
	assert.Equal(t, "出生日期 2024年1月1日 晚于评估日期 2023年6月1日", pe.Problems[0].Message.ZH)
	assert.Equal(t, "born 1 January 2024, after the assessment date 1 June 2023", pe.Problems[0].Message.EN)
	assert.True(t, pe.Has("members[0].birth_date", problem.FutureDate))
}

// A missing field names itself; lists of accepted values are whole and in
// each language's form.
func TestFieldAndChoices(t *testing.T) {
	p := New("household.members[0].birth_date", MsgRequired)
	assert.Equal(t, "birth_date is required", p.Message.EN)
	assert.Equal(t, "必须填写 birth_date", p.Message.ZH)
	assert.Equal(t, "members is required", New("members[2]", MsgRequired).Message.EN)
	long := "wage, business_net, property_net, pension, unemployment_insurance, compensation, support_received or other"
	p = New("kind", MsgBadEnum, Str("value", "salary"), Choices("allowed", long))
	assert.Contains(t, p.Message.EN, long, "never cut")
	assert.Contains(t, p.Message.ZH, "wage、business_net、property_net、pension、unemployment_insurance、compensation、support_received 或 other")
}

// Truncate puts a list back as it was at a Len it had: within the listed
// problems, and past MaxProblems, where the rest are only counted.
func TestListTruncate(t *testing.T) {
	for _, tc := range []struct{ before, after int }{
		{0, 0}, {0, 3}, {2, 5}, {MaxProblems - 1, MaxProblems + 4}, {MaxProblems, MaxProblems + 1}, {MaxProblems + 2, MaxProblems + 7},
	} {
		var l, want List
		for i := range tc.after {
			if i == tc.before {
				want = List{list: slices.Clone(l.list), more: l.more}
			}
			l.Add(problem.Index("p", i), MsgRequired)
		}
		if tc.before == tc.after {
			want = List{list: slices.Clone(l.list), more: l.more}
		}
		require.Equal(t, tc.after, l.Len())
		l.Truncate(tc.before)
		assert.Equal(t, tc.before, l.Len(), "%+v", tc)
		assert.Equal(t, want.Problems(), l.Problems(), "%+v", tc)
		l.Add("next", MsgRequired) // listed again, or counted, as before
		want.Add("next", MsgRequired)
		assert.Equal(t, want.Problems(), l.Problems(), "%+v", tc)
	}
}

// A value quoted in a message that is not valid UTF-8 (an ID given so
// through the Go API) is written with U+FFFD in both languages: messages
// are always valid text.
func TestQuoteInvalidUTF8(t *testing.T) {
	p := New("members[0].id", MsgUnknownMember, Str("id", "a\xffb"))
	for _, m := range []string{p.Message.EN, p.Message.ZH} {
		assert.True(t, utf8.ValidString(m), "%q", m)
		assert.Contains(t, m, "a\uFFFDb")
	}
}
