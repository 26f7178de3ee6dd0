package view

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/conformance"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

var tags = []language.Tag{language.SimplifiedChinese, language.English}

func embedded(t *testing.T) *standards.Set {
	t.Helper()
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	return set
}

func sample(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "..", "decide", "harbin-household.json"))
	require.NoError(t, err)
	return b
}

func caseOf(t *testing.T, id string) ([]byte, *standards.Set) {
	t.Helper()
	cases, err := conformance.Cases()
	require.NoError(t, err)
	for _, c := range cases {
		if c.ID == id {
			set, err := conformance.Build(c.Standards)
			require.NoError(t, err)
			return c.Request, set
		}
	}
	t.Fatalf("no case %s", id)
	return nil, nil
}

// decideExplained decides a request natively, with its explanation, as
// the page asks for it.
func decideExplained(t *testing.T, request []byte, set *standards.Set) *payment.Decision {
	t.Helper()
	req, err := payment.DecodeRequest(request)
	require.NoError(t, err)
	req.Options.Explain = true
	d, err := payment.Decide(req, set)
	require.NoError(t, err)
	return d
}

func TestTag(t *testing.T) {
	for _, tc := range []struct {
		lang    string
		chinese bool
		name    string
	}{
		{"zh-Hans", true, "zh-Hans"},
		{"", true, "zh-Hans"},
		{"zh", true, "zh-Hans"},
		{"en", false, "en"},
		{"en-GB", false, "en"},
	} {
		tag := Tag(tc.lang)
		assert.Equal(t, tc.chinese, Chinese(tag), tc.lang)
		assert.Equal(t, tc.name, LangName(tag), tc.lang)
	}
}

// TestChoicesHaveWords checks that every value of every choice has words in
// both languages, and that the values are the ones the JSON form accepts:
// a household with each is read without a problem at that field.
func TestChoicesHaveWords(t *testing.T) {
	choices := Choices()
	for _, tag := range tags {
		words := Labels(tag)
		for group, codes := range choices {
			require.NotEmpty(t, codes, group)
			for _, c := range codes {
				assert.NotEmpty(t, words[group+"."+c], "%s.%s in %s", group, c, tag)
			}
		}
	}
	assert.Equal(t, []string{"applicant", "spouse", "child", "parent", "grandparent", "grandchild", "sibling", "other"}, choices["relation"])
	assert.Equal(t, []string{"gap", "tiered"}, choices["method"])
	assert.NotContains(t, choices["member_status"], "none")
	assert.NotContains(t, choices["group"], "dibao", "a group of a classification, not of a member")

	// Each choice where the request's form takes it.
	fields := map[string]func(string) string{
		"relation": func(c string) string {
			return `"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "` + c + `", "labour": "full"}]`
		},
		"labour": func(c string) string {
			return `"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "` + c + `"}]`
		},
		"dependency": func(c string) string {
			return `"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full", "dependency": "` + c + `"}]`
		},
		"income": func(c string) string {
			return `"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full", "incomes": [{"kind": "` + c + `", "amount": "1", "period": "monthly"}]}]`
		},
		"property": func(c string) string {
			return `"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}], "property": [{"kind": "` + c + `", "value": "1"}]`
		},
		"expenditure": func(c string) string {
			return `"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}], "expenditures": [{"kind": "` + c + `", "amount": "1"}]`
		},
		"supporter": func(c string) string {
			return `"supporter": "` + c + `", "members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}]`
		},
		"registration": func(c string) string {
			return `"basis": "` + c + `", "members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}]`
		},
	}
	for group, field := range fields {
		for _, c := range choices[group] {
			req := `{"date": "2023-06-01", "household": {"region": "230102", "area": "urban", ` + field(c) + `}}`
			p := Check([]byte(req))
			if p != nil {
				for _, q := range p.Problems {
					assert.NotEqual(t, problem.BadCode, q.Code, "%s %s: %s", group, c, q)
				}
			}
		}
	}
}

func TestLabelsAreBilingual(t *testing.T) {
	zh, en := Labels(language.SimplifiedChinese), Labels(language.English)
	require.Equal(t, len(zh), len(en))
	for k, v := range zh {
		assert.NotEmpty(t, v, k)
		assert.NotEmpty(t, en[k], k)
	}
	assert.Equal(t, "出生日期", zh["household.members.birth_date"])
	assert.Equal(t, "Birth date", en["household.members.birth_date"])
	assert.Equal(t, explain.Words("income.wage", true), zh["income.wage"], "the library's words where it has them")
}

func TestNewInfo(t *testing.T) {
	set := embedded(t)
	info := NewInfo(set)
	assert.Equal(t, set.Identity(), info.Standards.Identity)
	assert.Equal(t, set.Divisions().Len(), len(info.Regions))
	var daoli *Region
	for i := range info.Regions {
		if info.Regions[i].Code == "230102" {
			daoli = &info.Regions[i]
		}
	}
	require.NotNil(t, daoli)
	assert.Equal(t, Region{Code: "230102", Name: "道里区", FullName: "黑龙江省哈尔滨市道里区", Parent: "230100", Level: "county"}, *daoli)
	assert.Equal(t, "province", info.Regions[0].Level)
	assert.Empty(t, info.Regions[0].Parent)
}

// TestDecide renders decisions and compares them with the native decision
// of the same request: figures, sentences, clauses, marks.
func TestDecide(t *testing.T) {
	type household struct {
		name    string
		request []byte
		set     *standards.Set
	}
	hs := []household{{"harbin sample", sample(t), embedded(t)}}
	for _, id := range []string{"r10-instalments", "tekun-mixed-household", "r3-seriously-ill", "r4-start", "r5-cpi"} {
		req, set := caseOf(t, id)
		hs = append(hs, household{id, req, set})
	}
	for _, h := range hs {
		for _, tag := range tags {
			t.Run(h.name+"/"+LangName(tag), func(t *testing.T) {
				want := decideExplained(t, h.request, h.set)
				var dc payment.Decider
				r := Decide(&dc, h.set, h.request, tag)
				require.Nil(t, r.Problems)
				d := r.Decision
				zh := Chinese(tag)
				assert.Equal(t, want.Classification.Status.String(), d.Status)
				assert.Equal(t, explain.Words(want.Classification.Status.Label(), zh), d.StatusLabel)
				assert.Equal(t, want.Total.Display(), d.Total)
				require.Len(t, d.Lines, len(want.Lines))
				for i, l := range want.Lines {
					code := l.Step
					if code == "" {
						code = l.Code
					}
					s := explain.Step{Code: code, Member: l.Member, Args: l.Args, Params: l.Params, Cite: l.Cite}
					assert.Equal(t, string(l.Code), d.Lines[i].Line)
					assert.Equal(t, l.Member, d.Lines[i].Member)
					assert.Equal(t, l.Amount.Display(), d.Lines[i].Amount)
					assert.Equal(t, explain.Sentence(s, tag), d.Lines[i].Text)
					if zh {
						assert.Equal(t, s.Citation().String(), d.Lines[i].Cite)
					} else {
						assert.Equal(t, s.Citation().English(), d.Lines[i].Cite)
					}
					require.Len(t, d.Lines[i].Params, len(l.Params))
					for j, p := range l.Params {
						assert.Equal(t, p.Assumed(), d.Lines[i].Params[j].Assumed)
						assert.Contains(t, d.Lines[i].Params[j].Text, p.Key.Label(tag))
					}
				}
				require.NotNil(t, d.TotalStep)
				assert.Contains(t, d.TotalStep.Text, want.Total.Display())
				assert.NotEmpty(t, d.Conclusions)
				assert.Equal(t, want.Explain(tag), d.Explanation)
				assert.Equal(t, len(want.Classification.Reasons), len(d.Reasons))
				assert.Equal(t, len(want.Classification.Flags), len(d.Flags))
				assert.Equal(t, h.set.Identity(), d.Standards.Identity)
				if want.Temporary != nil {
					require.NotNil(t, d.Temporary)
					assert.Equal(t, want.Temporary.Approved.Display(), d.Temporary.Approved)
					require.Len(t, d.Temporary.Instalments, len(want.Temporary.Instalments))
					for i, in := range want.Temporary.Instalments {
						assert.Equal(t, in.Amount.Display(), d.Temporary.Instalments[i].Amount)
						assert.Contains(t, d.Temporary.Instalments[i].Text, in.Amount.Display())
					}
				} else {
					assert.Nil(t, d.Temporary)
				}
				var back map[string]any
				require.NoError(t, json.Unmarshal(r.JSON(), &back))
				assert.Contains(t, back, "decision")
			})
		}
	}
}

// TestDecideSampleMarks checks the sample's marks: its gap line rests on
// the assumed rounding rule, and its values after 2023 are stale.
func TestDecideSampleMarks(t *testing.T) {
	var dc payment.Decider
	d := Decide(&dc, embedded(t), sample(t), language.English).Decision
	require.NotNil(t, d)
	require.NotEmpty(t, d.Lines)
	assert.Equal(t, "gap", d.Lines[0].Line)
	assert.True(t, d.Lines[0].Assumed)
	assert.True(t, d.Lines[0].Stale)
	assert.False(t, d.Lines[1].Assumed, "a supplement rests on no assumed value")
	require.Len(t, d.Warnings, 2)
	assert.Equal(t, payment.WarnAssumed, d.Warnings[0].Code)
	assert.Equal(t, []string{standards.RoundPaymentTotal.Label(language.English)}, d.Warnings[0].Params)
	assert.Equal(t, payment.WarnStale, d.Warnings[1].Code)
	assert.Contains(t, d.Warnings[1].Params, standards.ParamDibaoStandard.Label(language.English))
	assert.Equal(t, Labels(language.English)["warning.stale"], d.Warnings[1].Text)
	assert.Equal(t, "黑龙江省哈尔滨市双城区 (230113)", d.Region)
	assert.Equal(t, []Member{{"wang-li", 46, "applicant", ""}, {"zhao-min", 44, "spouse", ""}, {"wang-xiao", 11, "child", ""}}, d.Members)
}

func TestDecideProblems(t *testing.T) {
	for _, tc := range []struct {
		name       string
		request    string
		notCovered bool
	}{
		{"future birth", `{"date": "2023-06-01", "household": {"region": "230102", "area": "urban",
			"members": [{"id": "a", "birth_date": "2023-07-01", "relation": "applicant", "labour": "full"}]}}`, false},
		{"syntax", `{"date": "2023-06-01",`, false},
		{"not covered", `{"date": "2023-06-01", "household": {"region": "230202", "area": "urban",
			"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}]}}`, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			set := embedded(t)
			_, err := payment.DecideJSON([]byte(tc.request), set)
			pe, ok := problem.As(err)
			require.True(t, ok)
			var dc payment.Decider
			r := Decide(&dc, set, []byte(tc.request), language.English)
			require.Nil(t, r.Decision)
			require.NotNil(t, r.Problems)
			assert.Equal(t, pe.Problems, r.Problems.Problems)
			assert.Equal(t, tc.notCovered, r.Problems.NotCovered)
			assert.Equal(t, pe.Heading(language.SimplifiedChinese), r.Problems.Heading.ZH)
			assert.Equal(t, pe.Heading(language.English), r.Problems.Heading.EN)
			if !tc.notCovered {
				assert.Equal(t, r.Problems, Check([]byte(tc.request)))
			}
		})
	}
	assert.Nil(t, Check(sample(t)))
}

func TestMerge(t *testing.T) {
	base := embedded(t)
	cases, err := conformance.Cases()
	require.NoError(t, err)
	var ref conformance.StandardsRef
	for _, c := range cases {
		if c.ID == "r10-instalments" {
			ref = c.Standards
		}
	}
	want, err := conformance.Build(ref)
	require.NoError(t, err)
	got, p := Merge(base, ref.Settings)
	require.Nil(t, p)
	assert.Equal(t, want.Identity(), got.Identity())
	assert.NotEqual(t, base.Identity(), got.Identity())

	bad := []byte(`{"format": "dibao-standards/1", "name": "bad", "jurisdiction": "230000", "sources": {},
		"parameters": {"dibao_standard": [{"regions": ["230102"], "area": "urban", "values": [{"from": "2024-01-01", "source": "nope", "value": "850"}]}]}}`)
	_, err = standards.Merge(base, bad, standards.MergeOptions{})
	pe, ok := problem.As(err)
	require.True(t, ok)
	got, p = Merge(base, bad)
	assert.Nil(t, got)
	require.NotNil(t, p)
	assert.Equal(t, pe.Problems, p.Problems)

	got, p = Merge(base, make([]byte, standards.MaxFileSize+1))
	assert.Nil(t, got)
	require.NotNil(t, p)
	assert.Contains(t, p.Problems[0].Message.EN, "larger than 16 MiB")
}

func TestProblemsOfAPlainError(t *testing.T) {
	p := ProblemsOf(errors.New("broken"))
	assert.Equal(t, problem.Message{ZH: "broken", EN: "broken"}, p.Heading)
	require.Len(t, p.Problems, 1)
	assert.Equal(t, "", p.Problems[0].Path)
	assert.Equal(t, problem.Unavailable, p.Problems[0].Code)
}
