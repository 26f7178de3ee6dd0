package standards

import (
	"sort"
	"strings"

	"github.com/dibao-go/dibao/internal/jsonx"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/internal/text"
)

// table holds every series of one parameter.
type table interface {
	key() AnyKey
	heads() []*seriesHead
	coverage(s *Set, q Query) [2]string
	encode(w *jsonx.Writer, s *Set)
	validate(v *validator)
	copyTable() table
	mergeInto(n *Set, dst table, completeThrough Date, p *report.List) table
}

type seriesKey struct {
	region Region
	area   Area
}

// seriesHead is what a series has whatever its value type.
type seriesHead struct {
	path            string
	regions         []Region
	area            Area
	completeThrough Date // zero: the Set's
}

// regionFor returns the series region that matched r's chain.
func (h *seriesHead) regionFor(r Region) Region {
	chain, n := r.Chain()
	for i := 0; i < n; i++ {
		for _, x := range h.regions {
			if x == chain[i] {
				return x
			}
		}
	}
	return Region{}
}

// series is the history of one parameter for a group of regions and an area
// class. It is never modified once validated.
type series[T any] struct {
	head   seriesHead
	values []entry[T]
}

// entryMeta is what a dated value has besides the value.
type entryMeta struct {
	path           string
	from, until    Date
	published      Date
	publishedGiven bool
	source         int    // index into Set.sources, −1 before resolution
	sourceID       string // as written
	clause         string
	note           string
}

// knownFrom is the first day on which the value was public.
func (e *entryMeta) knownFrom() Date {
	if e.publishedGiven {
		return e.published
	}
	return e.from
}

type entry[T any] struct {
	meta entryMeta
	v    T
	ok   bool // the value decoded (or was given) well
}

// at returns the value in force on date as known on knownOn (zero: all
// known), and the last day it stays in force (zero: open); or, when none is
// in force, the first day a later value starts (zero: none).
func (s *series[T]) at(date, knownOn Date) (e *entry[T], end, next Date) {
	vals := s.values
	// The first value starting after date.
	i := sort.Search(len(vals), func(i int) bool { return vals[i].meta.from.After(date) })
	visible := func(x *entry[T]) bool { return knownOn.IsZero() || !x.meta.knownFrom().After(knownOn) }
	for j := i; j < len(vals); j++ {
		if visible(&vals[j]) {
			next = vals[j].meta.from
			break
		}
	}
	for j := i - 1; j >= 0; j-- {
		x := &vals[j]
		if !visible(x) {
			continue
		}
		if !x.meta.until.IsZero() && date.After(x.meta.until) {
			return nil, Date{}, next
		}
		end = x.meta.until
		if !next.IsZero() {
			if n := next.AddDays(-1); end.IsZero() || n.Before(end) {
				end = n
			}
		}
		return x, end, Date{}
	}
	return nil, Date{}, next
}

// tableOf is a parameter's series with their values of type T.
type tableOf[T any] struct {
	def    *keyDef[T]
	series []*series[T]
	index  map[seriesKey]*series[T]
}

func (t *tableOf[T]) key() AnyKey { return Key[T]{t.def} }

func (t *tableOf[T]) heads() []*seriesHead {
	out := make([]*seriesHead, len(t.series))
	for i, s := range t.series {
		out[i] = &s.head
	}
	return out
}

func (t *tableOf[T]) copyTable() table {
	return &tableOf[T]{def: t.def, series: append([]*series[T](nil), t.series...)}
}

func minDate(a, b Date) Date {
	switch {
	case a.IsZero():
		return b
	case b.IsZero() || a.Before(b):
		return a
	}
	return b
}

// find resolves the value in force: the region's chain from the most
// specific level up, an area-specific series before an unsplit one at each
// level. It also returns the last day the answer stays the same.
func (t *tableOf[T]) find(q Query) (*series[T], *entry[T], Date) {
	var vt Date
	chain, n := q.Region.Chain()
	areas := [2]Area{q.Area, AreaAny}
	na := 2
	if q.Area == AreaAny {
		na = 1
	}
	for i := 0; i < n; i++ {
		for _, a := range areas[:na] {
			ser := t.index[seriesKey{chain[i], a}]
			if ser == nil {
				continue
			}
			e, end, next := ser.at(q.Date, q.KnownOn)
			if e != nil {
				return ser, e, minDate(vt, end)
			}
			if !next.IsZero() {
				vt = minDate(vt, next.AddDays(-1))
			}
		}
	}
	return nil, nil, vt
}

func (k Key[T]) lookupAny(s *Set, q Query) (any, Provenance, error) {
	v, err := Lookup(s, k, q)
	return v.V, v.Provenance, err
}

func (d *keyDef[T]) decodeTable(dec *jsonx.Decoder) table {
	t := &tableOf[T]{def: d}
	d.readSeriesList(dec, t)
	return t
}

// coverage describes, in Chinese and English, what the Set holds for the
// parameter along the query's region chain, or else which regions it holds
// it for at all.
func (t *tableOf[T]) coverage(s *Set, q Query) [2]string {
	var zh, en []string
	chain, n := q.Region.Chain()
	for i := 0; i < n; i++ {
		for _, a := range []Area{AreaAny, AreaUrban, AreaRural} {
			ser := t.index[seriesKey{chain[i], a}]
			if ser == nil || len(ser.values) == 0 {
				continue
			}
			first, last := ser.values[0].meta, ser.values[len(ser.values)-1].meta
			label := s.divisions.Label(chain[i])
			after := text.AreaAfter(a.String())
			z, e := label+after[0], label+after[1]
			// Dates as the message's own date is written, in each language.
			z += " 自" + longDate(first.from, text.ZH) + "起"
			e += " from " + longDate(first.from, text.EN)
			if !last.until.IsZero() {
				z += "至" + longDate(last.until, text.ZH) + "止"
				e += " to " + longDate(last.until, text.EN)
			}
			zh, en = append(zh, z), append(en, e)
		}
	}
	if len(zh) > 0 {
		return [2]string{strings.Join(zh, "；"), strings.Join(en, "; ")}
	}
	covered := map[Region]bool{}
	for _, ser := range t.series {
		for _, r := range ser.head.regions {
			covered[r] = true
		}
	}
	if len(covered) == 0 {
		return [2]string{}
	}
	// A prefecture whose every county is covered is named once.
	whole := map[Region]bool{}
	counties := map[Region]int{}
	for i := 0; i < s.divisions.Len(); i++ {
		if d := s.divisions.At(i); d.Level == LevelCounty {
			counties[d.Parent]++
		}
	}
	under := map[Region]int{}
	for r := range covered {
		if p, ok := r.Parent(); ok && r.Level() == LevelCounty {
			under[p]++
		}
	}
	for p, n := range under {
		if n == counties[p] && n > 1 {
			whole[p] = true
		}
	}
	var zhs, ens []string
	for i := 0; i < s.divisions.Len(); i++ {
		d := s.divisions.At(i)
		switch {
		case whole[d.Region]:
			zhs = append(zhs, s.divisions.Label(d.Region)+"所辖各区县")
			ens = append(ens, "every division of "+s.divisions.Label(d.Region))
		case covered[d.Region] && !whole[d.Parent]:
			zhs, ens = append(zhs, s.divisions.Label(d.Region)), append(ens, s.divisions.Label(d.Region))
		}
	}
	const most = 12
	more := ""
	if len(zhs) > most {
		more = "…"
		zhs, ens = zhs[:most], ens[:most]
	}
	return [2]string{"仅有 " + strings.Join(zhs, "、") + more, "only " + strings.Join(ens, ", ") + more}
}

// ---- reading

// seriesFields and entryFields are built per key (they read values of T).
func (d *keyDef[T]) readSeriesList(dec *jsonx.Decoder, t *tableOf[T]) {
	entryFields := jsonx.NewFields(
		jsonx.Field[entry[T]]{Name: "from", Required: true, Read: func(dec *jsonx.Decoder, e *entry[T]) { e.meta.from, _ = readDate(dec) }},
		jsonx.Field[entry[T]]{Name: "until", Read: func(dec *jsonx.Decoder, e *entry[T]) { e.meta.until, _ = readDate(dec) }},
		jsonx.Field[entry[T]]{Name: "published", Read: func(dec *jsonx.Decoder, e *entry[T]) {
			e.meta.published, e.meta.publishedGiven = readDate(dec)
		}},
		jsonx.Field[entry[T]]{Name: "source", Required: true, Read: func(dec *jsonx.Decoder, e *entry[T]) { e.meta.sourceID, _ = dec.String() }},
		jsonx.Field[entry[T]]{Name: "clause", Read: func(dec *jsonx.Decoder, e *entry[T]) { e.meta.clause, _ = dec.String() }},
		jsonx.Field[entry[T]]{Name: "note", Read: func(dec *jsonx.Decoder, e *entry[T]) { e.meta.note, _ = dec.String() }},
		jsonx.Field[entry[T]]{Name: "value", Required: true, Read: func(dec *jsonx.Decoder, e *entry[T]) {
			before := dec.Problems().Len()
			var ok bool
			e.v, ok = d.read(dec)
			e.ok = ok && dec.Problems().Len() == before
		}},
	)
	seriesFields := jsonx.NewFields(
		jsonx.Field[series[T]]{Name: "regions", Required: true, Read: func(dec *jsonx.Decoder, s *series[T]) {
			s.head.regions = readRegions(dec)
		}},
		jsonx.Field[series[T]]{Name: "area", Read: func(dec *jsonx.Decoder, s *series[T]) {
			s.head.area, _ = readEnum(areaNames)(dec)
		}},
		jsonx.Field[series[T]]{Name: "complete_through", Read: func(dec *jsonx.Decoder, s *series[T]) {
			s.head.completeThrough, _ = readDate(dec)
		}},
		jsonx.Field[series[T]]{Name: "values", Required: true, Read: func(dec *jsonx.Decoder, s *series[T]) {
			dec.Array(MaxValues, func(int) {
				e := entry[T]{meta: entryMeta{path: dec.Path(), source: -1}}
				entryFields.Decode(dec, &e)
				s.values = append(s.values, e)
			})
		}},
	)
	dec.Array(MaxSeries, func(int) {
		s := &series[T]{head: seriesHead{path: dec.Path()}}
		seriesFields.Decode(dec, s)
		t.series = append(t.series, s)
	})
}

// Bounds on a standards file besides its size.
const (
	MaxSeries = 100_000 // series of one parameter
	MaxValues = 100_000 // values of one series
)

func readDate(d *jsonx.Decoder) (Date, bool) { return jsonx.Parsed(d, ParseDate, report.MsgBadDate) }

func readRegion(d *jsonx.Decoder) (Region, bool) {
	return jsonx.Parsed(d, ParseRegion, report.MsgBadRegion)
}

func readRegions(d *jsonx.Decoder) []Region {
	var out []Region
	d.Array(MaxDivisions, func(int) {
		if r, ok := readRegion(d); ok {
			out = append(out, r)
		}
	})
	return out
}

// ---- writing

func (t *tableOf[T]) encode(w *jsonx.Writer, s *Set) {
	w.BeginArray()
	for _, ser := range t.series {
		w.BeginObject()
		w.Key("regions")
		w.BeginArray()
		for _, r := range ser.head.regions {
			w.String(r.String())
		}
		w.EndArray()
		if ser.head.area != AreaAny {
			w.Key("area")
			w.String(ser.head.area.String())
		}
		if !ser.head.completeThrough.IsZero() {
			w.Key("complete_through")
			w.String(ser.head.completeThrough.String())
		}
		w.Key("values")
		w.BeginArray()
		for i := range ser.values {
			e := &ser.values[i]
			w.BeginObject()
			w.Key("from")
			w.String(e.meta.from.String())
			if !e.meta.until.IsZero() {
				w.Key("until")
				w.String(e.meta.until.String())
			}
			if e.meta.publishedGiven {
				w.Key("published")
				w.String(e.meta.published.String())
			}
			w.Key("source")
			w.String(s.sources[e.meta.source].ID)
			if e.meta.clause != "" {
				w.Key("clause")
				w.String(e.meta.clause)
			}
			if e.meta.note != "" {
				w.Key("note")
				w.String(e.meta.note)
			}
			w.Key("value")
			t.def.write(w, e.v)
			w.EndObject()
		}
		w.EndArray()
		w.EndObject()
	}
	w.EndArray()
}

// longDate writes a date as messages write dates: 2021年1月1日, 1 January 2021.
func longDate(d Date, l text.Lang) string {
	return string(text.Date(nil, l, d.Year(), int(d.Month()), d.Day()))
}
