package msgcat

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/text/language"
)

func TestMatch(t *testing.T) {
	for tag, want := range map[string]language.Tag{"zh": language.SimplifiedChinese, "zh-CN": language.SimplifiedChinese,
		"zh-Hans": language.SimplifiedChinese, "en": language.English, "fr": language.English} {
		assert.Equal(t, want, Match(language.MustParse(tag)), tag)
	}
}

func TestCheck(t *testing.T) {
	assert.Empty(t, Check([]Entry{{"a", "成员 %[1]s：%[2]d 个月", "Member %[1]s: %[2]d months"}, {"b", "%s 元", "%s yuan"}}))
	assert.Equal(t, []string{
		"b: arguments differ: [1:s 2:s] vs [1:s]",
		"c: not translated",
		"d: empty text",
		"a: duplicate key",
	}, Check([]Entry{{"a", "x", "y"}, {"b", "%s %s", "%s"}, {"c", "same", "same"}, {"d", "", "x"}, {"a", "x", "y"}}))
	p := Printer(language.Chinese, Build([]Entry{{"k", "你好 %s", "hello %s"}}))
	assert.Equal(t, "你好 x", p.Sprintf("k", "x"))
}
