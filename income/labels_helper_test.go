package income_test

import (
	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

func msgcatBuild() catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, e := range [][3]string{{"s", "%s：%s", "%s: %s"}, {"l.a", "甲", "A"}, {"l.b", "乙", "B"}} {
		_ = b.SetString(language.SimplifiedChinese, e[0], e[1])
		_ = b.SetString(language.English, e[0], e[2])
	}
	return b
}
