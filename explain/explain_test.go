package explain_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// Every code has its words in both languages with the same placeholders,
// and every sentence a clause it rests on.
func TestTableComplete(t *testing.T) {
	seen := map[explain.Code]bool{}
	for _, c := range explain.Codes() {
		assert.False(t, seen[c.Code], "%s twice", c.Code)
		seen[c.Code] = true
		assert.NotEmpty(t, c.ZH, c.Code)
		assert.NotEmpty(t, c.EN, c.Code)
		assert.NotEqual(t, c.ZH, c.EN, "%s is not translated", c.Code)
		assert.Equal(t, placeholders(c.ZH), placeholders(c.EN), c.Code)
		if c.Kind != explain.KindWord {
			assert.False(t, c.Cite.IsZero(), "%s cites nothing", c.Code)
		}
		assert.NotEmpty(t, c.Kind.String(), c.Code)
	}
}

func placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], '}')
		out = append(out, s[i+1:i+j])
		s = s[i+j+1:]
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Every sentence code is used by the rules (outside this package), so the
// table holds no dead entries; labels are checked through their groups.
func TestEveryCodeUsed(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "codes.go", nil, 0)
	require.NoError(t, err)
	used := map[string]bool{}
	for _, decl := range f.Decls {
		if g, ok := decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, s := range g.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					used[n.Name] = false
				}
			}
		}
	}
	err = filepath.WalkDir("..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") ||
			filepath.Dir(path) == "." || strings.HasPrefix(path, "../explain/") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n := range used {
			if strings.Contains(string(b), "explain."+n) {
				used[n] = true
			}
		}
		return nil
	})
	require.NoError(t, err)
	for n, ok := range used {
		assert.True(t, ok, "%s is not used", n)
	}
}

func TestClauseEnglish(t *testing.T) {
	for in, want := range map[string]string{"四（八）": "§4(8)", "四(一)": "§4(1)", "十二（十一）": "§12(11)", "二十三": "§23",
		"第十四条": "Art. 14", "第十二条之一": "第十二条之一", "四（八": "四（八", "": "",
		"四(八）": "§4(8)", "四（八)": "§4(8)", "四(八": "四(八", "四（八）九": "四（八）九"} {
		assert.Equal(t, want, explain.ClauseEnglish(in), in)
	}
	c := explain.HLJ("四（八）")
	assert.Equal(t, "黑民规〔2021〕11号 四（八）", c.String())
	assert.Equal(t, "HLJ-2021-11 §4(8)", c.English())
	assert.Equal(t, "民发〔2021〕57号", explain.Citation{Document: "民发〔2021〕57号"}.English())
}

// Caseworkers see yuan with two decimals, rates as percentages, counts
// without units glued on, dates in each language's form, words for codes.
func TestRenderForms(t *testing.T) {
	sixth, _ := money.MustParse("4525").QuoInt(6)
	steps := []explain.Step{
		{Code: explain.StepCaregiver, Member: "wang-li", Args: []explain.Arg{explain.Text("cared", "wang-xiao"),
			explain.Money("labour", money.MustParse("1508.33")), explain.Percent("factor", money.MustRate("0.5")), explain.Money("reduction", sixth)}},
		{Code: explain.ReasonEdgeBelow, Args: []explain.Arg{explain.Label("band", "status.edge"), explain.Money("countable", money.MustParse("3000")),
			explain.Multiple("multiple", money.MustRate("1.5")), explain.Money("threshold", money.MustParse("3825"))}},
		{Code: explain.ReasonExitStart, Args: []explain.Arg{explain.Count("months", 12), explain.Date("end", standards.MustParseDate("2024-06-30"))}},
	}
	zh := explain.Render(steps, language.Chinese)
	en := explain.Render(steps, language.English)
	assert.Contains(t, zh, "成员 wang-li 照护 wang-xiao：劳动收入月均 1508.33 元按 50% 计入，少计 754.17 元（依据 黑民规〔2021〕11号 四（八））")
	assert.Contains(t, en, "Member wang-li, caring for wang-xiao: labour income of 1508.33 yuan a month counts at 50%, 754.17 yuan less (per HLJ-2021-11 §4(8))")
	assert.Contains(t, zh, "低保边缘家庭：家庭月收入 3000.00 元低于 1.5 倍低保线（3825.00 元）")
	assert.Contains(t, en, "\nEdge household: countable income of 3000.00 yuan is below 1.5× the line (3825.00 yuan)", "a sentence opening with words opens with a capital")
	assert.Contains(t, zh, "至 2024年6月30日止")
	assert.Contains(t, en, "until 30 June 2024")
	for _, s := range []string{zh, en} {
		assert.NotContains(t, s, "4525/6", "the exact fraction is for machines")
		assert.NotContains(t, s, "status.")
	}
	tech := explain.Options{Technical: true}.Render(steps[:1], language.English)
	assert.Contains(t, tech, "754.17 (4525/6)")
}

// Names from the standards (edge bands, age groups) show in English where
// the standards give an English name, else as they are.
func TestNamesInEnglish(t *testing.T) {
	bands := []standards.Band{
		{Code: "edge", Multiple: money.MustRate("1.5"), Name: "城乡低保边缘家庭", NameEN: "urban or rural dibao-edge household"},
		{Code: "hardship", Multiple: money.MustRate("1.2"), Area: standards.AreaUrban, Name: "城市低保边缘困难家庭"},
		{Code: "bare", Multiple: money.MustRate("2")},
	}
	assert.Equal(t, "城乡低保边缘家庭 1.5 倍、城市低保边缘困难家庭 1.2 倍（城市）、bare 2 倍",
		explain.FormatValue(standards.ParamEdgeBands, bands, language.Chinese))
	assert.Equal(t, "urban or rural dibao-edge household 1.5×, 城市低保边缘困难家庭 1.2× (urban), bare 2×",
		explain.FormatValue(standards.ParamEdgeBands, bands, language.English))

	// Ages from and to, from only, to only, neither (with and without
	// categories).
	groups := []standards.AgeGroup{
		{Name: "高龄老人", NameEN: "oldest old", MinAge: 80, Rate: money.MustRate("0.05")},
		{Name: "残疾儿童", MaxAge: 17, Of: []standards.Category{standards.CategorySevereDisability}, Rate: money.MustRate("0.1")},
		{Name: "低龄老人", MinAge: 60, MaxAge: 79, Rate: money.MustRate("0.02")},
		{Name: "重残", Of: []standards.Category{standards.CategorySevereDisability}, Rate: money.MustRate("0.03")},
		{Name: "全体", Rate: money.MustRate("0.01")},
	}
	assert.Equal(t, "高龄老人（80 岁及以上）：标准的 5%；残疾儿童（17 岁及以下的重度残疾人）：标准的 10%；低龄老人（60–79 岁）：标准的 2%；"+
		"重残（重度残疾人）：标准的 3%；全体（不限年龄）：标准的 1%",
		explain.FormatValue(standards.ParamSupplementAgeGroups, groups, language.Chinese))
	assert.Equal(t, "oldest old (aged 80 and over): 5% of the standard; 残疾儿童 (aged up to 17, severely disabled): 10% of the standard; "+
		"低龄老人 (aged 60–79): 2% of the standard; 重残 (severely disabled): 3% of the standard; 全体 (any age): 1% of the standard",
		explain.FormatValue(standards.ParamSupplementAgeGroups, groups, language.English))

	// A step's text with an English form.
	st := []explain.Step{{Code: explain.DecisionEdge, Args: []explain.Arg{explain.Names("band", "城乡低保边缘家庭", "urban or rural dibao-edge household")}}}
	assert.Contains(t, explain.Render(st, language.Chinese), "结论：低保边缘家庭（城乡低保边缘家庭）")
	assert.Contains(t, explain.Render(st, language.English), "Decision: edge household (urban or rural dibao-edge household)")
	st[0].Args[0] = explain.Names("band", "城乡低保边缘家庭", "")
	assert.Contains(t, explain.Render(st, language.English), "Decision: edge household (城乡低保边缘家庭)")
}

// Every parameter's value has a written form in both languages: a value
// of each key, the embedded data's for 道里区 in June 2023 or else the first
// sample its type accepts, is never "?".
func TestEveryValueFormats(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	q := standards.Query{Region: standards.MustRegion("230102"), Area: standards.AreaUrban, Date: standards.MustParseDate("2023-06-01")}
	samples := []string{`"850"`, `"0.15"`, `12`, `true`, `"highest"`, `"gap"`, `"equal_shares"`, `"separate"`,
		`{"unit": "fen", "mode": "half_up"}`, `[]`, `{}`,
		`{"basic_factor": "1.3", "self_care_divisor": 10, "partial_care_divisor": 6, "full_care_divisor": 4}`,
		`{"tiers": [{"from": "0", "from_inclusive": true, "to": "100", "amount": "500"}, {"from": "100", "from_inclusive": true, "to": "200", "amount": "400"},
		  {"from": "200", "from_inclusive": true, "to": "300", "amount": "300"}, {"from": "300", "from_inclusive": true, "to": "400", "amount": "200"},
		  {"from": "400", "from_inclusive": true, "to": "850", "amount": "100"}]}`}
	for _, k := range standards.Keys() {
		v, _, err := standards.LookupAny(set, k, q)
		if err != nil {
			v = nil
		}
		for _, s := range samples {
			if v != nil {
				break
			}
			if x, err := standards.DecodeValue(k, []byte(s)); err == nil {
				v = x
				break
			}
		}
		if v == nil {
			t.Errorf("%s: no sample reads as its value", k.Name())
			continue
		}
		for _, tag := range []language.Tag{language.Chinese, language.English} {
			assert.NotEqual(t, "?", explain.FormatValue(k, v, tag), "%s (%T) in %s", k.Name(), v, tag)
		}
	}
	rates := []standards.CategoryRate{{Category: standards.CategoryElderly, Rate: money.MustRate("0.15")},
		{Category: standards.CategorySevereDisability, Rate: money.MustRate("0.2")}}
	assert.Equal(t, "老年人 15%、重度残疾人 20%", explain.FormatValue(standards.ParamSupplementRates, rates, language.Chinese))
	assert.Equal(t, "elderly 15%, severely disabled 20%", explain.FormatValue(standards.ParamSupplementRates, rates, language.English))
}

// A step resting on an assumed value says so; a stale value says so.
func TestRenderParams(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	v, err := standards.Lookup(set, standards.ParamDibaoStandard, standards.Query{Region: standards.MustRegion("230102"),
		Area: standards.AreaUrban, Date: standards.MustParseDate("2024-06-01")})
	require.NoError(t, err)
	p := explain.ParamOf(v)
	p.Provenance.Source.Reliability = standards.ReliabilityAssumed
	p.Provenance.Source.Note = "no source settles it"
	p.Provenance.Note = "" // the value's own note, when present, is the reason; else the source's
	st := explain.Step{Code: explain.ReasonBelowLine, Args: []explain.Arg{explain.Money("countable", money.Zero),
		explain.Money("standard", v.V), explain.Count("members", 1), explain.Money("line", v.V)}, Params: []explain.Param{p}}
	zh := explain.Render([]explain.Step{st}, language.Chinese)
	en := explain.Render([]explain.Step{st}, language.English)
	assert.Contains(t, zh, "［含假定值］")
	assert.Contains(t, zh, "参数 低保标准：850.00 元/人·月；自2023年1月1日起施行；公布于2023年11月3日；来源：哈民政规〔2023〕6号（假定值）；假定理由：no source settles it；注意：查询日期晚于数据完整日期2023年12月31日")
	assert.Contains(t, en, "[rests on an assumed value]")
	assert.Contains(t, en, "why assumed: no source settles it")
	assert.Contains(t, en, "note: the date is after 31 December 2023")
}

func TestRecorder(t *testing.T) {
	var nilRec *explain.Recorder
	assert.Nil(t, nilRec.Add(explain.StepWindow, ""), "a nil recorder records nothing")
	assert.Equal(t, 0, nilRec.Len())
	var r explain.Recorder
	r.Add(explain.StepFloor, "", explain.Money("raw", money.MustParse("-5")))
	r.Add(explain.StepTotalVerified, "", explain.Money("total", money.MustParse("7")))
	c := explain.Clone(r.Steps())
	r.Reset()
	r.Add(explain.StepWindow, "", explain.Date("from", standards.MustParseDate("2023-01-01")), explain.Date("to", standards.MustParseDate("2023-12-31")))
	require.Len(t, c, 2)
	a, ok := c[1].Arg("total")
	require.True(t, ok)
	assert.Equal(t, "7", a.Value(), "a clone keeps its values after the recorder is reused")
	allocs := testing.AllocsPerRun(100, func() {
		r.Reset()
		r.Add(explain.StepFloor, "", explain.Money("raw", money.Zero))
	})
	assert.Zero(t, allocs, "a warm recorder allocates nothing")
}

// A step's parameters kept by the recorder: each step's its own, one
// appended to not written over the next step's, and none allocated once
// the recorder is warm.
func TestRecorderParams(t *testing.T) {
	var nilRec *explain.Recorder
	assert.Nil(t, nilRec.Params(explain.Param{Value: 1}), "a nil recorder keeps nothing")
	var r explain.Recorder
	p := func(v int) explain.Param { return explain.Param{Value: v} }
	a := r.Add(explain.StepFloor, "")
	a.Params = r.Params(p(1), p(2))
	b := r.Add(explain.StepWindow, "") // a is not to be used after this Add
	b.Params = r.Params(p(3))
	steps := r.Steps()
	require.Len(t, steps, 2)
	steps[0].Params = append(steps[0].Params, p(4))
	assert.Equal(t, []explain.Param{p(1), p(2), p(4)}, steps[0].Params)
	assert.Equal(t, []explain.Param{p(3)}, steps[1].Params, "the first step's append copied, not overwrote")
	assert.Empty(t, r.Params(), "no parameters, none kept")
	allocs := testing.AllocsPerRun(100, func() {
		r.Reset()
		st := r.Add(explain.StepFloor, "")
		st.Params = r.Params(explain.Param{CaseLevel: true}, explain.Param{CaseLevel: true})
	})
	assert.Zero(t, allocs, "a warm recorder allocates nothing for parameters")
	// Reset empties the arena: each cycle's values are at the first cycle's
	// place (an arena never emptied would move as it grew).
	r.Reset()
	first := &r.Params(p(5))[0]
	for i := range 1000 {
		r.Reset()
		require.Same(t, first, &r.Params(p(i))[0], "cycle %d", i)
	}
}

// A value's citation takes the English short name of its source, or, when
// the source has none and is a document the rules cite, that document's:
// 民发〔2021〕57号 reads MCA-2021-57 in English wherever it is cited. A
// document the package does not know keeps its own name.
func TestCitationOf(t *testing.T) {
	for _, tc := range []struct {
		doc, short, clause, en string
	}{
		{"民发〔2021〕57号", "", "", "MCA-2021-57"},
		{"黑民规〔2021〕11号", "", "四（八）", "HLJ-2021-11 §4(8)"},
		{"民发〔2021〕57号", "MZB-57", "", "MZB-57"}, // the source's own name first
		{"某县文件", "", "", "某县文件"},
	} {
		c := explain.CitationOf(standards.Provenance{Source: standards.Source{Document: tc.doc, Short: tc.short}, Clause: tc.clause})
		assert.Equal(t, tc.en, c.English(), tc.doc)
		assert.Equal(t, tc.doc, c.Document)
	}
}
