package jsonw

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseDecimal(t *testing.T) {
	for in, want := range map[string]string{"0": "0", "850": "850", "-12.5": "-12.5", "0.015": "0.015",
		"123456789012345.123456789012345": "123456789012345.123456789012345"} {
		d, err := ParseDecimal(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, d.String())
	}
	for _, in := range []string{"", "-", ".5", "5.", "1e3", "1E3", "+1", " 1", "1 ", "1,000", "0x10", "NaN", "Inf",
		"1e999999999", strings.Repeat("9", 16), "0." + strings.Repeat("1", 16), strings.Repeat("9", 400), "--1", "1.2.3"} {
		_, err := ParseDecimal(in)
		assert.Error(t, err, "%q", in)
	}
}

func TestWalk(t *testing.T) {
	p := &Problems{}
	root, ok := Parse([]byte(`{"a": "x", "n": 12, "d": "1.5", "b": true, "extra": 1, "list": ["x", "y", "x", "z"], "big": 1234567890}`), 1<<10, p)
	require.True(t, ok)
	o, ok := AsObject(p, root, "")
	require.True(t, ok)
	assert.Equal(t, "x", o.Str("a", true))
	n, ok := o.Int("n", true)
	assert.True(t, ok)
	assert.Equal(t, 12, n)
	d, ok := o.Decimal("d", true)
	assert.True(t, ok)
	assert.Equal(t, "1.5", d.String())
	assert.True(t, o.Bool("b"))
	_, ok = o.Int("big", true)
	assert.False(t, ok)
	o.Str("missing", true)
	v, path, _ := o.Get("list")
	_, ok = Codes(p, v, path, func(s string) bool { return s != "z" }, "letter")
	assert.False(t, ok)
	o.Close()
	var got []string
	for _, pr := range p.List() {
		got = append(got, pr.Path+" "+string(pr.Code))
	}
	assert.Equal(t, []string{"big bad_number", "missing required", "list[2] duplicate", "list[3] bad_code", "extra unknown_field"}, got)
}

func TestParseRefuses(t *testing.T) {
	for in, code := range map[string]Code{"": Syntax, "{": Syntax, "{} {}": Syntax, strings.Repeat(" ", 11): TooLarge} {
		p := &Problems{}
		_, ok := Parse([]byte(in), 10, p)
		assert.False(t, ok, "%q", in)
		require.Len(t, p.List(), 1)
		assert.Equal(t, code, p.List()[0].Code, "%q", in)
	}
}

func TestProblemsAreBounded(t *testing.T) {
	p := &Problems{}
	for i := 0; i < MaxProblems+5; i++ {
		p.Add("x", Required, "required")
	}
	assert.Equal(t, MaxProblems+5, p.Len())
	l := p.List()
	assert.Len(t, l, MaxProblems+1)
	assert.Equal(t, TooMany, l[MaxProblems].Code)
	assert.Contains(t, l[MaxProblems].Msg, "5 more")
}

func TestParsed(t *testing.T) {
	p := &Problems{}
	root, _ := Parse([]byte(`{"n": "12", "bad": "x"}`), 100, p)
	o, _ := AsObject(p, root, "top")
	atoi := func(s string) (int, error) { return strconv.Atoi(s) }
	assert.Equal(t, 12, Parsed(o, "n", true, BadNumber, atoi))
	assert.Equal(t, 0, Parsed(o, "bad", false, BadNumber, atoi))
	assert.Equal(t, 0, Parsed(o, "missing", false, BadNumber, atoi))
	assert.Equal(t, 0, Parsed(o, "absent", true, BadNumber, atoi))
	var got []string
	for _, q := range p.List() {
		got = append(got, q.Path+" "+string(q.Code))
	}
	assert.Equal(t, []string{"top.bad bad_number", "top.absent required"}, got)
}
