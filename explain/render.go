package explain

import (
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/internal/text"
	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/standards"
)

// Options adjusts rendering. The zero value writes for caseworkers.
type Options struct {
	// Technical writes, after every amount that is not a whole fen, its
	// exact form: "754.17 (4525/6)".
	Technical bool
}

// Render writes steps for people in the language matched to tag (Chinese
// for zh, English otherwise): one line per step — its sentence and the
// clause it rests on — and an indented line per standard it used, with the
// standard's value, dates, source and reliability, and marks for assumed
// and stale values.
func Render(steps []Step, tag language.Tag) string { return Options{}.Render(steps, tag) }

// Render writes steps as the package function does, with these options.
func (o Options) Render(steps []Step, tag language.Tag) string {
	l := text.Match(tag)
	n := 0 // about a line a step and one a parameter, so that buf seldom grows
	for i := range steps {
		n += 192 + 320*len(steps[i].Params)
	}
	buf := make([]byte, 0, n)
	for i := range steps {
		if i > 0 {
			buf = append(buf, '\n')
		}
		buf = o.step(buf, &steps[i], l)
	}
	return string(buf)
}

// Sentence writes one step's sentence alone, in the language matched to tag.
func Sentence(s Step, tag language.Tag) string {
	return string(Options{}.sentence(nil, &s, text.Match(tag)))
}

func (o Options) sentence(buf []byte, s *Step, l text.Lang) []byte {
	e := index[s.Code]
	if e == nil {
		return append(buf, s.Code...)
	}
	start, capital := len(buf), false
	buf = e.tmpl[l].Render(buf, func(buf []byte, name string) []byte {
		if name == "member" {
			return append(buf, s.Member...)
		}
		for i := range s.Args {
			if a := &s.Args[i]; a.Name == name {
				// An English sentence that opens with words (a label, a
				// name with its English form) opens with a capital.
				capital = capital || len(buf) == start && l != text.ZH &&
					(a.Kind == KindLabel || a.Kind == KindLabels || a.Kind == KindText && a.EN != "")
				return o.arg(buf, a, l)
			}
		}
		return append(buf, '?')
	})
	if capital && len(buf) > start && buf[start] >= 'a' && buf[start] <= 'z' {
		buf[start] -= 'a' - 'A'
	}
	return buf
}

func (o Options) step(buf []byte, s *Step, l text.Lang) []byte {
	buf = o.sentence(buf, s, l)
	c := s.Citation()
	if !c.IsZero() {
		buf = append(buf, ph.citeOpen.In(l)...)
		buf = appendCite(buf, c, l)
		buf = append(buf, ph.citeClose.In(l)...)
	}
	for _, p := range s.Params {
		if p.Assumed() {
			buf = append(buf, ph.restsOnAssumed.In(l)...)
			break
		}
	}
	for i := range s.Params {
		buf = append(buf, "\n    "...)
		buf = o.param(buf, &s.Params[i], l)
	}
	return buf
}

func appendCite(buf []byte, c Citation, l text.Lang) []byte {
	if l == text.ZH {
		return c.AppendTo(buf)
	}
	return c.AppendEnglish(buf)
}

func (o Options) arg(buf []byte, a *Arg, l text.Lang) []byte {
	switch a.Kind {
	case KindMoney:
		return text.Money(buf, a.Amount, o.Technical)
	case KindCount:
		return strconv.AppendInt(buf, a.N, 10)
	case KindPercent:
		return text.Percent(buf, a.Rate)
	case KindMultiple:
		return text.Multiple(buf, l, a.Rate)
	case KindDate:
		return appendDate(buf, a.Date, l)
	case KindLabel:
		return append(buf, Words(Code(a.Text), l == text.ZH)...)
	case KindLabels:
		for i, c := range a.Codes {
			if i > 0 {
				buf = append(buf, text.Sep(l)...)
			}
			buf = append(buf, Words(c, l == text.ZH)...)
		}
		return buf
	case KindBool:
		return text.Bool(buf, l, a.N != 0)
	case KindRegion:
		return appendRegion(buf, a.Region, a.Text, l)
	}
	if l != text.ZH && a.EN != "" {
		return append(buf, a.EN...)
	}
	return append(buf, a.Text...)
}

func appendDate(buf []byte, d standards.Date, l text.Lang) []byte {
	return text.Date(buf, l, d.Year(), int(d.Month()), d.Day())
}

func appendRegion(buf []byte, r standards.Region, name string, l text.Lang) []byte {
	switch {
	case name == "":
		return append(buf, r.String()...)
	case l == text.ZH:
		return append(buf, name...)
	}
	buf = append(buf, name...)
	buf = append(buf, " ("...)
	buf = append(buf, r.String()...)
	return append(buf, ')')
}

// param writes "参数 低保标准：850.00 元/人·月；自2023年1月1日起施行；…".
func (o Options) param(buf []byte, p *Param, l text.Lang) []byte {
	buf = append(buf, ph.param.In(l)...)
	if p.Key != nil {
		buf = append(buf, p.Key.Label(l.Tag())...)
	}
	buf = append(buf, ph.colon.In(l)...)
	buf = append(buf, formatValue(p.Key, p.Value, l)...)
	if p.CaseLevel {
		return append(buf, ph.caseLevel.In(l)...)
	}
	buf = append(buf, ph.sep.In(l)...)
	return appendProvenance(buf, p.Provenance, l)
}

// FormatProvenance writes a value's dates, source and reliability, and
// marks it assumed or stale, in the language matched to tag.
func FormatProvenance(p standards.Provenance, tag language.Tag) string {
	return string(appendProvenance(nil, p, text.Match(tag)))
}

// appendProvenance appends FormatProvenance's text in l to buf: its parts
// joined by the language's separator, each phrase's placeholder filled in
// place.
func appendProvenance(buf []byte, p standards.Provenance, l text.Lang) []byte {
	sep := ph.sep.In(l)
	first := true
	part := func(phrase string) {
		if !first {
			buf = append(buf, sep...)
		}
		first = false
		buf = append(buf, phrase...)
	}
	// fill writes a phrase with its one placeholder {} filled by f.
	fill := func(phrase string, f func([]byte) []byte) {
		i := strings.Index(phrase, "{}")
		part(phrase[:i])
		buf = append(f(buf), phrase[i+2:]...)
	}
	date := func(phrase string, d standards.Date) {
		fill(phrase, func(b []byte) []byte { return appendDate(b, d, l) })
	}
	date(ph.from.In(l), p.From)
	if !p.Until.IsZero() {
		date(ph.until.In(l), p.Until)
	}
	if p.PublishedGiven {
		date(ph.published.In(l), p.Published)
	} else {
		part(ph.publishedUnknown.In(l))
	}
	src := ph.source.In(l)
	cite, rel := strings.Index(src, "{cite}"), strings.Index(src, "{rel}")
	part(src[:cite])
	buf = appendCite(buf, CitationOf(p), l)
	buf = append(buf, src[cite+len("{cite}"):rel]...)
	buf = append(buf, Words(Code("reliability."+p.Source.Reliability.String()), l == text.ZH)...)
	buf = append(buf, src[rel+len("{rel}"):]...)
	if p.Assumed() {
		why := p.Note
		if why == "" {
			why = p.Source.Note
		}
		if why != "" {
			why = strings.TrimRight(NoteIn(why, l.Tag()), "。.")
			fill(ph.assumedNote.In(l), func(b []byte) []byte { return append(b, why...) })
		}
	}
	if p.Stale {
		date(ph.stale.In(l), p.CompleteThrough)
	}
	return buf
}

// ph holds the renderer's own phrases.
var ph = struct {
	citeOpen, citeClose, restsOnAssumed, param, colon, caseLevel, sep, from, until, published,
	publishedUnknown, source, assumedNote, stale text.Pair
}{
	citeOpen:         text.Pair{"（依据 ", " (per "},
	citeClose:        text.Pair{"）", ")"},
	restsOnAssumed:   text.Pair{"［含假定值］", " [rests on an assumed value]"},
	param:            text.Pair{"参数 ", "parameter "},
	colon:            text.Pair{"：", ": "},
	caseLevel:        text.Pair{"（个案认定）", " (set for this case)"},
	sep:              text.Pair{"；", "; "},
	from:             text.Pair{"自{}起施行", "in force from {}"},
	until:            text.Pair{"至{}止", "until {}"},
	published:        text.Pair{"公布于{}", "published {}"},
	publishedUnknown: text.Pair{"公布日期不详", "publication date not given"},
	source:           text.Pair{"来源：{cite}（{rel}）", "source: {cite} ({rel})"},
	assumedNote:      text.Pair{"假定理由：{}", "why assumed: {}"},
	stale:            text.Pair{"注意：查询日期晚于数据完整日期{}，可能已有更新", "note: the date is after {}, through which the data is known complete; a newer value may exist"},
}

// FormatValue writes a parameter's value (as Lookup returns it) for people,
// in the language matched to tag.
func FormatValue(k standards.AnyKey, v any, tag language.Tag) string {
	return formatValue(k, v, text.Match(tag))
}

// formatValue is FormatValue in l.
func formatValue(k standards.AnyKey, v any, l text.Lang) string {
	zh := l == text.ZH
	w := func(c string) string { return Words(Code(c), zh) }
	join := func(parts []string) string { return strings.Join(parts, text.Sep(l)) }
	pick := func(zhs, ens string) string {
		if zh {
			return zhs
		}
		return ens
	}
	name := ""
	if k != nil {
		name = k.Name()
	}
	switch x := v.(type) {
	case money.Amount:
		if name == standards.ParamDibaoStandard.Name() || name == standards.ParamDibaoGuidance.Name() {
			return string(append(x.AppendDisplay(nil), pick(" 元/人·月", " yuan per person per month")...))
		}
		return string(append(x.AppendDisplay(nil), pick(" 元", " yuan")...))
	case money.Rate:
		switch name {
		case standards.ParamTekunBasicFactor.Name():
			return string(text.Multiple(nil, l, x))
		}
		return string(text.Percent(nil, x))
	case int:
		n := strconv.Itoa(x)
		switch name {
		case standards.ParamElderlyAge.Name(), standards.ParamNoLabourAgeFrom.Name(), standards.ParamNoLabourAgeUnder.Name():
			return n + pick(" 岁", " years")
		case standards.ParamMinimumWageTier.Name():
			return pick("第 "+n+" 档", "tier "+n)
		case standards.ParamGradualExitMaxMonths.Name(), standards.ParamEmploymentDeductionMonths.Name():
			return n + pick(" 个月", " months")
		case standards.ParamTemporaryAssistanceMaxInstalments.Name():
			return n + pick(" 期", " instalments")
		}
		return n
	case bool:
		return string(text.Bool(nil, l, x))
	case standards.Stacking:
		return w("stacking." + x.String())
	case standards.Method:
		return w("method." + x.String())
	case standards.SharedProperty:
		return w("shared_property." + x.String())
	case standards.MixedTekun:
		return w("tekun_mixed." + x.String())
	case standards.TekunGuidance:
		return pick("基本生活 ≥ "+string(text.Multiple(nil, l, x.BasicFactor))+"低保标准；照料护理 ≥ 最低工资的 1/"+strconv.Itoa(x.SelfCareDivisor)+"（全自理）、1/"+
			strconv.Itoa(x.PartialCareDivisor)+"（半护理）、1/"+strconv.Itoa(x.FullCareDivisor)+"（全护理）",
			"basic ≥ "+string(text.Multiple(nil, l, x.BasicFactor))+" the dibao standard; care ≥ 1/"+strconv.Itoa(x.SelfCareDivisor)+" (self-care), 1/"+
				strconv.Itoa(x.PartialCareDivisor)+" (partial), 1/"+strconv.Itoa(x.FullCareDivisor)+" (full) of the minimum wage")
	case standards.RoundingRule:
		return pick("舍入到"+w("unit."+x.Unit.String())+"，"+w("mode."+x.Mode.String()),
			"to the "+w("unit."+x.Unit.String())+", "+w("mode."+x.Mode.String()))
	case []standards.Category:
		return join(wordsOf(zh, "category.", x))
	case []standards.IncomeKind:
		return join(wordsOf(zh, "income.", x))
	case []standards.Group:
		return join(wordsOf(zh, "group.", x))
	case []standards.DisabilityCategory:
		return join(wordsOf(zh, "disability.", x))
	case []standards.Band:
		var parts []string
		for _, b := range x {
			s := named(zh, b.Name, b.NameEN)
			if s == "" {
				s = b.Code
			}
			s += " " + string(text.Multiple(nil, l, b.Multiple))
			if b.Area != standards.AreaAny {
				s += pick("（"+w("area."+b.Area.String())+"）", " ("+w("area."+b.Area.String())+")")
			}
			parts = append(parts, s)
		}
		return join(parts)
	case []standards.CategoryRate:
		var parts []string
		for _, c := range x {
			parts = append(parts, w("category."+c.Category.String())+" "+c.Rate.Percent()+"%")
		}
		return join(parts)
	case []standards.AgeGroup:
		var parts []string
		for _, g := range x {
			gn := named(zh, g.Name, g.NameEN)
			lo, hi := strconv.Itoa(g.MinAge), strconv.Itoa(g.MaxAge)
			var ages string
			switch {
			case g.MinAge > 0 && g.MaxAge > 0:
				ages = pick(lo+"–"+hi+" 岁", "aged "+lo+"–"+hi)
			case g.MinAge > 0:
				ages = pick(lo+" 岁及以上", "aged "+lo+" and over")
			case g.MaxAge > 0:
				ages = pick(hi+" 岁及以下", "aged up to "+hi)
			}
			if len(g.Of) > 0 {
				cats := join(wordsOf(zh, "category.", g.Of))
				switch {
				case ages == "":
					ages = cats
				case zh:
					ages += "的" + cats
				default:
					ages += ", " + cats
				}
			}
			if ages == "" {
				ages = pick("不限年龄", "any age")
			}
			parts = append(parts, pick(gn+"（"+ages+"）：标准的 "+g.Rate.Percent()+"%", gn+" ("+ages+"): "+g.Rate.Percent()+"% of the standard"))
		}
		return strings.Join(parts, pick("；", "; "))
	case standards.TierTable:
		var parts []string
		for _, t := range x.Tiers {
			lo, hi := "(", ")"
			if t.FromInclusive {
				lo = "["
			}
			if t.ToInclusive {
				hi = "]"
			}
			parts = append(parts, lo+t.From.String()+", "+t.To.String()+hi+" → "+t.Amount.Display())
		}
		for _, p := range x.Placements {
			parts = append(parts, w("category."+p.Category.String())+pick(" → 第 "+strconv.Itoa(p.Tier)+" 档", " → tier "+strconv.Itoa(p.Tier)))
		}
		return strings.Join(parts, pick("；", "; "))
	case standards.MinimumWage:
		var parts []string
		for _, r := range x.Tiers {
			s := pick("第 "+strconv.Itoa(r.Tier)+" 档 "+r.Monthly.Display()+" 元/月", "tier "+strconv.Itoa(r.Tier)+": "+r.Monthly.Display()+" yuan a month")
			if !r.Hourly.IsZero() {
				s += pick("（"+r.Hourly.Display()+" 元/小时）", " ("+r.Hourly.Display()+" yuan an hour)")
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, pick("；", "; "))
	case standards.PriceLinkage:
		s := pick("居民消费价格指数涨幅 ≥ "+x.CPITrigger.Percent()+"% 或食品价格指数涨幅 ≥ "+x.FoodCPITrigger.Percent()+"%；对象："+join(wordsOf(zh, "group.", x.Covered)),
			"CPI rise ≥ "+x.CPITrigger.Percent()+"% or food-CPI rise ≥ "+x.FoodCPITrigger.Percent()+"%; covered: "+join(wordsOf(zh, "group.", x.Covered)))
		if x.HasFloor {
			s += pick("；每人至少 "+x.Floor.Display()+" 元", "; at least "+x.Floor.Display()+" yuan per person")
		}
		return s
	case standards.TekunSupport:
		return pick("基本生活 "+x.Basic.Display()+" 元 + 照料护理 全自理 "+x.SelfCare.Display()+" / 半护理 "+x.PartialCare.Display()+" / 全护理 "+x.FullCare.Display()+" 元",
			"basic "+x.Basic.Display()+" + care "+x.SelfCare.Display()+" (self-care) / "+x.PartialCare.Display()+" (partial) / "+x.FullCare.Display()+" (full) yuan")
	case []standards.AssistanceCap:
		var parts []string
		for _, c := range x {
			s := c.Hardship + pick("：≤ "+c.Multiple.String()+" 倍低保标准", ": ≤ "+c.Multiple.String()+"× the standard")
			if c.PerMember {
				s += pick(" × 人数", " × members")
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, pick("；", "; "))
	case standards.PropertyLimits:
		var parts []string
		add := func(has bool, lim standards.PropertyLimit, scheme string) {
			if !has {
				return
			}
			veh := pick("不可有车辆", "no vehicle")
			if lim.VehiclesAllowed {
				veh = pick("可有车辆", "vehicles allowed")
			}
			parts = append(parts, pick(w("scheme."+scheme)+"：金融资产 ≤ "+lim.FinancialAssetsMonths.String()+" 个月标准/人，住房 ≤ "+strconv.Itoa(lim.MaxDwellings)+" 套，"+veh,
				w("scheme."+scheme)+": assets ≤ "+lim.FinancialAssetsMonths.String()+" months of the standard per person, dwellings ≤ "+strconv.Itoa(lim.MaxDwellings)+", "+veh))
		}
		add(x.HasDibao, x.Dibao, "dibao")
		add(x.HasEdge, x.Edge, "edge")
		add(x.HasTekun, x.Tekun, "tekun")
		return strings.Join(parts, pick("；", "; "))
	case standards.Monitoring:
		var parts []string
		if x.HasNearThreshold {
			parts = append(parts, pick("接近低保线：< "+x.NearThreshold.String()+" 倍", "near the line: < "+x.NearThreshold.String()+"×"))
		}
		if x.HasSharpDrop {
			parts = append(parts, pick("收入骤降：≥ "+x.SharpDrop.Percent()+"%", "sharp drop: ≥ "+x.SharpDrop.Percent()+"%"))
		}
		if x.HasRigidShare {
			parts = append(parts, pick("刚性支出：> 收入的 "+x.RigidShare.Percent()+"%", "rigid expenditure: > "+x.RigidShare.Percent()+"% of income"))
		}
		return strings.Join(parts, pick("；", "; "))
	case nil:
		return "—"
	}
	return "?"
}

// named picks a name from the standards in a language: the English name in
// English when there is one, else the name.
func named(zh bool, name, en string) string {
	if !zh && en != "" {
		return en
	}
	return name
}

func wordsOf[E interface{ String() string }](zh bool, prefix string, l []E) []string {
	out := make([]string, len(l))
	for i, x := range l {
		out[i] = Words(Code(prefix+x.String()), zh)
	}
	return out
}

// NoteSep separates the Chinese and the English of a note written for
// people in both languages: "中文 ‖ English".
const NoteSep = " ‖ "

// NoteIn returns the part of a note in the language matched to tag, or the
// whole note when it is in one language.
func NoteIn(note string, tag language.Tag) string {
	zh, en, both := strings.Cut(note, NoteSep)
	switch {
	case !both:
		return note
	case text.Match(tag) == text.ZH:
		return zh
	}
	return en
}
