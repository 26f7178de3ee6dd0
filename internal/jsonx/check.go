package jsonx

import (
	"unicode/utf8"

	"github.com/dibao-go/dibao/internal/report"
)

// MaxDepth bounds the nesting of arrays and objects.
const MaxDepth = 64

// bom is the UTF-8 byte-order mark, skipped at the start of a document.
const bom = "\xef\xbb\xbf"

type checker struct {
	data []byte
	pos  int
	err  report.Msg
	what [2]string
	at   int
}

func (c *checker) fail(what [2]string) bool {
	if c.err == 0 {
		c.err, c.what, c.at = report.MsgSyntax, what, c.pos
	}
	return false
}

var (
	wEOF     = [2]string{"文档意外结束", "the document ends too early"}
	wValue   = [2]string{"此处应为一个值", "a value was expected here"}
	wColon   = [2]string{"此处应为冒号", "a colon was expected here"}
	wComma   = [2]string{"此处应为逗号或结束括号", "a comma or a closing bracket was expected here"}
	wKey     = [2]string{"此处应为用引号括起的字段名", "a quoted field name was expected here"}
	wEscape  = [2]string{"字符串中有无效的转义", "an invalid escape in a string"}
	wControl = [2]string{"字符串中有未转义的控制字符", "an unescaped control character in a string"}
	wNumber  = [2]string{"数字写法无效", "a malformed number"}
	wLiteral = [2]string{"无效的字面量", "an invalid literal"}
	wSurr    = [2]string{"字符串中有不成对的代理项转义（\\uD800–\\uDFFF）", "an unpaired surrogate escape (\\uD800–\\uDFFF) in a string"}
)

// Check reports whether data is one strict JSON document of at most limit
// bytes; if not, it records the problem in p and returns false. It runs in
// time linear in len(data) and never recurses.
func Check(data []byte, limit int, p *report.List) (start int, ok bool) {
	if len(data) > limit {
		p.Add("", report.MsgTooLarge, report.Int("size", int64(len(data))), report.Int("limit", int64(limit)))
		return 0, false
	}
	c := &checker{data: data}
	if len(data) >= 3 && string(data[:3]) == bom {
		c.pos = 3
	}
	start = c.pos
	ok = c.document()
	if !ok {
		switch c.err {
		case report.MsgInvalidUTF8:
			p.Add("", report.MsgInvalidUTF8, report.Int("offset", int64(c.at)))
		case report.MsgTooDeep:
			p.Add("", report.MsgTooDeep, report.Int("max", MaxDepth))
		case report.MsgTrailing:
			p.Add("", report.MsgTrailing, report.Int("offset", int64(c.at)))
		default:
			p.Add("", report.MsgSyntax, report.Int("offset", int64(c.at)), report.Words("what", c.what[0], c.what[1]))
		}
	}
	return start, ok
}

func (c *checker) ws() {
	for c.pos < len(c.data) {
		switch c.data[c.pos] {
		case ' ', '\t', '\n', '\r':
			c.pos++
		default:
			return
		}
	}
}

func (c *checker) document() bool {
	c.ws()
	if !c.value() {
		return false
	}
	c.ws()
	if c.pos != len(c.data) {
		c.err, c.at = report.MsgTrailing, c.pos
		return false
	}
	return true
}

// value checks one value with an explicit stack of open containers.
func (c *checker) value() bool {
	var stack [MaxDepth]byte // '{' or '['
	depth := 0
	for {
		// A value.
		if c.pos >= len(c.data) {
			return c.fail(wEOF)
		}
		switch ch := c.data[c.pos]; {
		case ch == '{' || ch == '[':
			if depth == MaxDepth {
				c.err, c.at = report.MsgTooDeep, c.pos
				return false
			}
			stack[depth] = ch
			depth++
			c.pos++
			c.ws()
			if c.pos < len(c.data) && (ch == '{' && c.data[c.pos] == '}' || ch == '[' && c.data[c.pos] == ']') {
				c.pos++
				depth--
				break
			}
			if ch == '{' && !c.key() {
				return false
			}
			continue
		case ch == '"':
			if !c.str() {
				return false
			}
		case ch == '-' || ch >= '0' && ch <= '9':
			if !c.number() {
				return false
			}
		case ch == 't':
			if !c.literal("true") {
				return false
			}
		case ch == 'f':
			if !c.literal("false") {
				return false
			}
		case ch == 'n':
			if !c.literal("null") {
				return false
			}
		default:
			return c.fail(wValue)
		}
		// After a value: close containers or move to the next element.
		for {
			if depth == 0 {
				return true
			}
			c.ws()
			if c.pos >= len(c.data) {
				return c.fail(wEOF)
			}
			ch := c.data[c.pos]
			top := stack[depth-1]
			if ch == ',' {
				c.pos++
				c.ws()
				if top == '{' && !c.key() {
					return false
				}
				break
			}
			if top == '{' && ch == '}' || top == '[' && ch == ']' {
				c.pos++
				depth--
				continue
			}
			return c.fail(wComma)
		}
	}
}

// key checks "name" : and leaves pos at the value.
func (c *checker) key() bool {
	if c.pos >= len(c.data) || c.data[c.pos] != '"' {
		return c.fail(wKey)
	}
	if !c.str() {
		return false
	}
	c.ws()
	if c.pos >= len(c.data) || c.data[c.pos] != ':' {
		return c.fail(wColon)
	}
	c.pos++
	c.ws()
	return true
}

func (c *checker) literal(lit string) bool {
	if len(c.data)-c.pos < len(lit) || string(c.data[c.pos:c.pos+len(lit)]) != lit {
		return c.fail(wLiteral)
	}
	c.pos += len(lit)
	return true
}

func (c *checker) number() bool {
	d := c.data
	i := c.pos
	if i < len(d) && d[i] == '-' {
		i++
	}
	switch {
	case i < len(d) && d[i] == '0':
		i++
	case i < len(d) && d[i] >= '1' && d[i] <= '9':
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
	default:
		c.pos = i
		return c.fail(wNumber)
	}
	if i < len(d) && d[i] == '.' {
		i++
		s := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		if i == s {
			c.pos = i
			return c.fail(wNumber)
		}
	}
	if i < len(d) && (d[i] == 'e' || d[i] == 'E') {
		i++
		if i < len(d) && (d[i] == '+' || d[i] == '-') {
			i++
		}
		s := i
		for i < len(d) && d[i] >= '0' && d[i] <= '9' {
			i++
		}
		if i == s {
			c.pos = i
			return c.fail(wNumber)
		}
	}
	c.pos = i
	return true
}

func hex4(b []byte) (rune, bool) {
	var r rune
	for _, ch := range b {
		r <<= 4
		switch {
		case ch >= '0' && ch <= '9':
			r |= rune(ch - '0')
		case ch >= 'a' && ch <= 'f':
			r |= rune(ch-'a') + 10
		case ch >= 'A' && ch <= 'F':
			r |= rune(ch-'A') + 10
		default:
			return 0, false
		}
	}
	return r, true
}

// str checks a string: escapes, no control characters, valid UTF-8, no
// lone surrogates.
func (c *checker) str() bool {
	d := c.data
	i := c.pos + 1
	for {
		// Plain ASCII eight bytes at a time, up to the first byte of
		// another kind, which is tested below.
		i = skipPlain(d, i, highs)
		if i >= len(d) {
			c.pos = i
			return c.fail(wEOF)
		}
		ch := d[i]
		switch {
		case ch == '"':
			c.pos = i + 1
			return true
		case ch == '\\':
			if i+1 >= len(d) {
				c.pos = i
				return c.fail(wEOF)
			}
			switch d[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(d) {
					c.pos = i
					return c.fail(wEscape)
				}
				r, ok := hex4(d[i+2 : i+6])
				if !ok {
					c.pos = i
					return c.fail(wEscape)
				}
				i += 6
				if r >= 0xD800 && r < 0xDC00 {
					// A high surrogate must be followed by an escaped low one.
					if i+6 > len(d) || d[i] != '\\' || d[i+1] != 'u' {
						c.pos = i
						return c.fail(wSurr)
					}
					lo, ok := hex4(d[i+2 : i+6])
					if !ok || lo < 0xDC00 || lo > 0xDFFF {
						c.pos = i
						return c.fail(wSurr)
					}
					i += 6
				} else if r >= 0xDC00 && r <= 0xDFFF {
					c.pos = i
					return c.fail(wSurr)
				}
			default:
				c.pos = i
				return c.fail(wEscape)
			}
		case ch < 0x20:
			c.pos = i
			return c.fail(wControl)
		case ch < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRune(d[i:])
			if r == utf8.RuneError && size <= 1 {
				c.err, c.at = report.MsgInvalidUTF8, i
				return false
			}
			i += size
		}
	}
}
