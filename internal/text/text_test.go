package text

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/money"
)

func TestTemplate(t *testing.T) {
	tp, err := Compile("{a} × {n} 人 = {a}")
	require.NoError(t, err)
	assert.Equal(t, []string{"a", "n"}, tp.Args())
	out := tp.Render(nil, func(buf []byte, name string) []byte {
		if name == "a" {
			return Money(buf, money.MustParse("850"), false)
		}
		return strconv.AppendInt(buf, 3, 10)
	})
	assert.Equal(t, "850.00 × 3 人 = 850.00", string(out))
	for _, bad := range []string{"{", "}", "{A}", "{}", "a {b", "{a b}"} {
		_, err := Compile(bad)
		assert.Error(t, err, bad)
	}
}

func TestForms(t *testing.T) {
	assert.Equal(t, "2023年6月1日", string(Date(nil, ZH, 2023, 6, 1)))
	assert.Equal(t, "1 June 2023", string(Date(nil, EN, 2023, 6, 1)))
	assert.Equal(t, "—", string(Date(nil, EN, 0, 0, 0)))
	assert.Equal(t, "3.6%", string(Percent(nil, money.MustRate("0.036"))))
	assert.Equal(t, "1.5 倍", string(Multiple(nil, ZH, money.MustRate("1.5"))))
	assert.Equal(t, "1.5×", string(Multiple(nil, EN, money.MustRate("1.5"))))
	sixth, _ := money.MustParse("4525").QuoInt(6)
	assert.Equal(t, "754.17", string(Money(nil, sixth, false)))
	assert.Equal(t, "754.17 (4525/6)", string(Money(nil, sixth, true)))
	assert.Equal(t, "850.00", string(Money(nil, money.MustParse("850"), true)))
}

func TestMatch(t *testing.T) {
	for _, tc := range []struct {
		tag  string
		want Lang
	}{{"zh", ZH}, {"zh-Hans", ZH}, {"zh-CN", ZH}, {"en", EN}, {"en-GB", EN}, {"fr", EN}, {"und", EN}} {
		assert.Equal(t, tc.want, Match(language.MustParse(tc.tag)), tc.tag)
	}
	// The library's own tags, matched without the matcher, as it matches them.
	for _, l := range Langs {
		_, i, _ := matcher.Match(l.Tag())
		assert.Equal(t, Lang(i), Match(l.Tag()), l.Tag().String())
		assert.Equal(t, l, Match(l.Tag()))
	}
}

// InvalidAt finds the first byte that is not UTF-8, after valid runes of
// every width, in strings and bytes alike.
func TestInvalidAt(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want int
	}{
		{"", 0}, {"abc", 3}, {"注释", 6}, {"a\xffb", 1}, {"\xe6\xb3", 0}, {"ab\xe6\xb3", 2},
		{"注\xff", 3}, {"𝄞x\xc0", 5}, {"\xed\xa0\x80", 0}, // a surrogate is not UTF-8
	} {
		assert.Equal(t, tc.want, InvalidAt(tc.s), "%q", tc.s)
		assert.Equal(t, tc.want, InvalidAt([]byte(tc.s)), "%q as bytes", tc.s)
	}
}
