package simulation

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"math/big"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/problem"
)

// Chart is a self-contained SVG image of a report.
type Chart struct {
	Name  string // cost, deciles or caseload: a file name without extension
	Title string
	SVG   []byte
}

// words are the report's own labels, in Chinese and English.
var words = map[string][2]string{
	"cost":         {"各情景各地区月度支出（元）", "Monthly cost by scenario and region (yuan)"},
	"deciles":      {"按基线人均收入十等分组的平均变化（元/户，整个模拟期）", "Mean change by decile of baseline per-capita income (yuan per household, over the run)"},
	"costs":        {"各情景月度支出，按支出项目（元）", "Monthly cost by scenario and kind of payment (yuan)"},
	"caseload":     {"各情景按状态的户数（加权）", "Households by status and scenario (weighted)"},
	"report":       {"低保政策模拟报告", "Minimum living guarantee simulation report"},
	"households":   {"户数（加权）", "Households (weighted)"},
	"persons":      {"人数（加权）", "Persons (weighted)"},
	"unweighted":   {"户数（未加权）", "Households (unweighted)"},
	"status":       {"状态", "Status"},
	"scenario":     {"情景", "Scenario"},
	"month":        {"月份", "Month"},
	"line":         {"支出项目", "Kind of payment"},
	"total":        {"合计", "Total"},
	"gap":          {"差额（或分档）", "Gap (or tier)"},
	"supplements":  {"分类加发", "Supplements"},
	"single":       {"单人户", "单人户 members"},
	"exit":         {"渐退", "Gradual exits"},
	"price":        {"价格临时补贴", "Price subsidy"},
	"tekun":        {"特困供养", "特困 support"},
	"alone":        {"单独认定的成员", "Members with a standing of their own"},
	"run_cost":     {"模拟期支出", "Cost over the run"},
	"annual":       {"年度支出", "Annual cost"},
	"changes":      {"与基线相比", "Against the baseline"},
	"changed":      {"受影响户（加权）", "Households changed (weighted)"},
	"no_effect":    {"本改革对模拟人群没有任何影响", "This reform changes nothing for any household simulated"},
	"winners":      {"增加户", "Paid more"},
	"losers":       {"减少户", "Paid less"},
	"mean_gain":    {"平均增加", "Mean gain"},
	"mean_loss":    {"平均减少", "Mean loss"},
	"cliff_down":   {"低保→边缘", "低保 → edge"},
	"cliff_up":     {"边缘→低保", "Edge → 低保"},
	"decile":       {"十等分组", "Decile"},
	"income_range": {"人均收入范围", "Per-capita income"},
	"mean_change":  {"平均变化", "Mean change"},
	"region":       {"地区", "Region"},
	"recipients":   {"领取户（加权）", "Recipient households (weighted)"},
	"urban":        {"城市", "Urban"},
	"rural":        {"农村", "Rural"},
	"read":         {"读入户数", "Households read"},
	"failed":       {"无法读入或决定的户", "Households not read or not decided"},
	"standards":    {"标准数据", "Standards"},
	"failures":     {"无法读入或决定的户（前 20 户）", "Households not read or not decided (the first 20)"},
	"household":    {"户", "Household"},
	"file_line":    {"行", "Line"},
	"problems":     {"问题", "Problems"},
	"money_note":   {"金额为精确计算后四舍五入到分的元；户数为权重之和。", "Money is in yuan, computed exactly and rounded to the fen; households are sums of weights."},
}

func word(key string, zh bool) string {
	w := words[key]
	if zh {
		return w[0]
	}
	return w[1]
}

func isZH(tag language.Tag) bool {
	base, _ := tag.Base()
	return base.String() == "zh"
}

// Charts returns the report's charts, labelled in the language matched to
// tag (Chinese or English): the first month's cost by scenario and region,
// the mean change by decile for each reform, and the first month's
// caseload by status.
func (r *Report) Charts(tag language.Tag) []Chart {
	zh := isZH(tag)
	var names []string
	for _, s := range r.Scenarios {
		names = append(names, s.Name)
	}
	var out []Chart
	// Cost by region: the regions of the baseline's first month.
	if len(r.Scenarios) > 0 && len(r.Scenarios[0].Months) > 0 {
		var groups []string
		base := r.Scenarios[0].Months[0].Regions
		vals := make([][]*big.Rat, len(base))
		for i, g := range base {
			groups = append(groups, r.divisions.Name(g.Region))
			for _, s := range r.Scenarios {
				v := new(big.Rat)
				for _, h := range s.Months[0].Regions {
					if h.Region == g.Region {
						v = h.Cost.Rat()
					}
				}
				vals[i] = append(vals[i], v)
			}
		}
		out = append(out, Chart{Name: "cost", Title: word("cost", zh), SVG: barChart(word("cost", zh), groups, names, vals, true)})
	}
	// Change by decile.
	var reforms []string
	vals := make([][]*big.Rat, 10)
	groups := make([]string, 10)
	for i := range groups {
		groups[i] = strconv.Itoa(i + 1)
	}
	for _, s := range r.Scenarios[1:] {
		if s.Change == nil || len(s.Change.Deciles) != 10 {
			continue
		}
		reforms = append(reforms, s.Name)
		for i, d := range s.Change.Deciles {
			v, ok := new(big.Rat).SetString(d.Mean)
			if !ok {
				v = new(big.Rat)
			}
			vals[i] = append(vals[i], v)
		}
	}
	if len(reforms) > 0 {
		out = append(out, Chart{Name: "deciles", Title: word("deciles", zh), SVG: barChart(word("deciles", zh), groups, reforms, vals, true)})
	}
	// Caseload by status.
	statusGroups := []string{}
	cvals := make([][]*big.Rat, len(Statuses()))
	for i, st := range Statuses() {
		statusGroups = append(statusGroups, explain.Words(st.Label(), zh))
		for _, s := range r.Scenarios {
			cvals[i] = append(cvals[i], s.Months[0].Households[i].Rat())
		}
	}
	out = append(out, Chart{Name: "caseload", Title: word("caseload", zh), SVG: barChart(word("caseload", zh), statusGroups, names, cvals, false)})
	return out
}

// palette colours the series.
var palette = [...]string{"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948", "#b07aa1", "#ff9da7"}

// barChart draws grouped bars: vals[group][series], which may be negative.
// Money values are labelled with two decimals; counts as they are.
func barChart(title string, groups, series []string, vals [][]*big.Rat, isMoney bool) []byte {
	const (
		plotH  = 260
		top    = 50
		left   = 90
		barW   = 14
		gapW   = 18
		legend = 24
	)
	// The largest value above zero and below it set the axis.
	hi, lo := new(big.Rat), new(big.Rat)
	for _, g := range vals {
		for _, v := range g {
			if v.Cmp(hi) > 0 {
				hi = v
			}
			if v.Cmp(lo) < 0 {
				lo = v
			}
		}
	}
	span := new(big.Rat).Sub(hi, lo)
	if span.Sign() == 0 {
		span.SetInt64(1)
	}
	// y(v) = top + (hi − v) ÷ span × plotH, in whole pixels.
	y := func(v *big.Rat) int {
		q := new(big.Rat).Sub(hi, v)
		q.Mul(q, big.NewRat(plotH, 1))
		q.Quo(q, span)
		return top + int(new(big.Int).Quo(q.Num(), q.Denom()).Int64())
	}
	groupW := len(series)*barW + gapW
	width := left + len(groups)*groupW + 40
	// Wide enough for the title (a CJK character about 15 px, another
	// about 8) and the legend's columns.
	titleW := left + 20
	for _, r := range title {
		if r > 0x2e80 {
			titleW += 15
		} else {
			titleW += 8
		}
	}
	width = max(width, titleW, 720)
	const legendW = 230
	perRow := max(1, (width-left)/legendW)
	height := top + plotH + 90 + legend*((len(series)+perRow-1)/perRow)
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="%s" font-family="sans-serif" font-size="12">`, width, height, width, height, html.EscapeString(title))
	fmt.Fprintf(&b, `<title>%s</title><rect width="100%%" height="100%%" fill="#ffffff"/>`, html.EscapeString(title))
	fmt.Fprintf(&b, `<text x="%d" y="24" font-size="15" font-weight="bold">%s</text>`, left, html.EscapeString(title))
	label := func(v *big.Rat) string {
		if isMoney {
			return displayRat(v, 2)
		}
		return displayRat(v, 0)
	}
	// Axis: the top, zero and the bottom.
	zero := y(new(big.Rat))
	ticks := []*big.Rat{new(big.Rat)}
	if hi.Sign() > 0 {
		ticks = append(ticks, hi, new(big.Rat).Quo(hi, big.NewRat(2, 1)))
	}
	if lo.Sign() < 0 {
		ticks = append(ticks, lo, new(big.Rat).Quo(lo, big.NewRat(2, 1)))
	}
	for _, t := range ticks {
		ty := y(t)
		fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#cccccc"/>`, left, ty, width-20, ty)
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end">%s</text>`, left-6, ty+4, label(t))
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#333333"/>`, left, zero, width-20, zero)
	for gi, g := range groups {
		x0 := left + gi*groupW + gapW/2
		for si := range series {
			if si >= len(vals[gi]) {
				continue
			}
			v := vals[gi][si]
			vy := y(v)
			ry, rh := vy, zero-vy
			if rh < 0 {
				ry, rh = zero, -rh
			}
			fmt.Fprintf(&b, `<rect class="bar" x="%d" y="%d" width="%d" height="%d" fill="%s" data-group="%s" data-series="%s" data-value="%s"><title>%s · %s: %s</title></rect>`,
				x0+si*barW, ry, barW-2, rh, palette[si%len(palette)], html.EscapeString(g), html.EscapeString(series[si]), label(v),
				html.EscapeString(g), html.EscapeString(series[si]), label(v))
		}
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" transform="rotate(-40 %d %d)">%s</text>`,
			x0+len(series)*barW/2, top+plotH+16, x0+len(series)*barW/2, top+plotH+16, html.EscapeString(g))
	}
	for si, s := range series {
		lx := left + (si%perRow)*legendW
		ly := top + plotH + 82 + (si/perRow)*legend
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d">%s</text>`, lx, ly-10, palette[si%len(palette)], lx+18, ly, html.EscapeString(s))
	}
	b.WriteString(`</svg>`)
	return b.Bytes()
}

// displayRat writes v with places decimals, half away from zero.
func displayRat(v *big.Rat, places int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	n := new(big.Int).Mul(new(big.Int).Abs(v.Num()), scale)
	q, rem := new(big.Int).QuoRem(n, v.Denom(), new(big.Int))
	if rem.Lsh(rem, 1).Cmp(v.Denom()) >= 0 {
		q.Add(q, big.NewInt(1))
	}
	s := q.String()
	if places > 0 {
		for len(s) <= places {
			s = "0" + s
		}
		s = s[:len(s)-places] + "." + s[len(s)-places:]
	}
	if v.Sign() < 0 && q.Sign() != 0 {
		s = "-" + s
	}
	return s
}

// problemText is err's problems in one language: "path: message; …".
func problemText(err error, zh bool) string {
	pe, ok := problem.As(err)
	if !ok {
		return err.Error()
	}
	var b strings.Builder
	for i, q := range pe.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		if q.Path != "" {
			b.WriteString(q.Path + ": ")
		}
		if zh {
			b.WriteString(q.Message.ZH)
		} else {
			b.WriteString(q.Message.EN)
		}
	}
	return b.String()
}

// WriteHTML writes the report as one HTML page in the language matched to
// tag: the tables and the charts, inline — no scripts, nothing fetched.
func (r *Report) WriteHTML(w io.Writer, tag language.Tag) error {
	zh := isZH(tag)
	var b bytes.Buffer
	lang := "en"
	if zh {
		lang = "zh-Hans"
	}
	esc := html.EscapeString
	fmt.Fprintf(&b, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>%s</title>\n", lang, esc(word("report", zh)))
	b.WriteString(`<style>body{font-family:sans-serif;margin:2em;max-width:75em;color:#222}table{border-collapse:collapse;margin:1em 0}` +
		`th,td{border:1px solid #bbb;padding:.25em .6em;text-align:right}th:first-child,td:first-child{text-align:left}` +
		`caption{text-align:left;font-weight:bold;margin-bottom:.3em}.note{color:#555}.noeffect{color:#a00;font-weight:bold}figure{margin:1.5em 0}</style></head><body>` + "\n")
	fmt.Fprintf(&b, "<h1>%s</h1>\n<p class=\"note\">%s %d · %s %d · %s</p>\n", esc(word("report", zh)), esc(word("read", zh)), r.Households, esc(word("failed", zh)), r.Failed, esc(word("money_note", zh)))
	b.WriteString("<ul>")
	for _, s := range r.Scenarios {
		fmt.Fprintf(&b, "<li><b>%s</b> — %s: %s</li>", esc(s.Name), esc(word("standards", zh)), esc(s.Standard))
	}
	b.WriteString("</ul>\n")
	table := func(caption string, head []string, rows [][]string) {
		fmt.Fprintf(&b, "<table><caption>%s</caption><thead><tr>", esc(caption))
		for _, h := range head {
			fmt.Fprintf(&b, "<th scope=\"col\">%s</th>", esc(h))
		}
		b.WriteString("</tr></thead><tbody>")
		for _, row := range rows {
			b.WriteString("<tr>")
			for _, c := range row {
				fmt.Fprintf(&b, "<td>%s</td>", esc(c))
			}
			b.WriteString("</tr>")
		}
		b.WriteString("</tbody></table>\n")
	}
	// Caseload and cost, each scenario and month.
	var rows [][]string
	for _, s := range r.Scenarios {
		for m := range s.Months {
			mr := &s.Months[m]
			for i, st := range Statuses() {
				rows = append(rows, []string{s.Name, r.monthLabel(m), explain.Words(st.Label(), zh), mr.Households[i].Round(2), mr.Persons[i].Round(2), strconv.Itoa(mr.Count[i])})
			}
		}
	}
	table(word("caseload", zh), []string{word("scenario", zh), word("month", zh), word("status", zh), word("households", zh), word("persons", zh), word("unweighted", zh)}, rows)
	rows = nil
	for _, s := range r.Scenarios {
		for m := range s.Months {
			c := &s.Months[m].Cost
			rows = append(rows, []string{s.Name, r.monthLabel(m), c.Total.Display(), c.Gap.Display(), c.Supplements.Display(), c.SinglePerson.Display(),
				c.GradualExit.Display(), c.PriceSubsidy.Display(), c.Tekun.Display(), s.Months[m].Alone.String()})
		}
	}
	table(word("costs", zh), []string{word("scenario", zh), word("month", zh), word("total", zh), word("gap", zh), word("supplements", zh), word("single", zh),
		word("exit", zh), word("price", zh), word("tekun", zh), word("alone", zh)}, rows)
	// Against the baseline.
	rows = nil
	for _, s := range r.Scenarios {
		row := []string{s.Name, s.RunCost.Display(), s.Annual.Display(), "", "", "", "", "", "", ""}
		if ch := s.Change; ch != nil {
			row = []string{s.Name, s.RunCost.Display(), s.Annual.Display(), ch.Changed.Round(2), ch.Winners.Round(2), ch.Losers.Round(2),
				ch.MeanGain, ch.MeanLoss, ch.CliffDown.Round(2), ch.CliffUp.Round(2)}
		}
		rows = append(rows, row)
	}
	table(word("changes", zh), []string{word("scenario", zh), word("run_cost", zh), word("annual", zh), word("changed", zh), word("winners", zh), word("losers", zh),
		word("mean_gain", zh), word("mean_loss", zh), word("cliff_down", zh), word("cliff_up", zh)}, rows)
	for _, s := range r.Scenarios {
		if s.Change != nil && s.Change.NoEffect {
			fmt.Fprintf(&b, "<p class=\"noeffect\" data-no-effect=\"%s\">%s: %s</p>\n", esc(s.Name), esc(s.Name), esc(word("no_effect", zh)))
		}
	}
	// Deciles.
	rows = nil
	for _, s := range r.Scenarios {
		if s.Change == nil {
			continue
		}
		for _, d := range s.Change.Deciles {
			rows = append(rows, []string{s.Name, strconv.Itoa(d.Number), d.Weight.Round(2), d.From.Display() + " – " + d.To.Display(), d.Mean})
		}
	}
	if len(rows) > 0 {
		table(word("deciles", zh), []string{word("scenario", zh), word("decile", zh), word("households", zh), word("income_range", zh), word("mean_change", zh)}, rows)
	}
	// Regions and areas, first month.
	rows = nil
	for _, s := range r.Scenarios {
		mr := &s.Months[0]
		for _, g := range mr.Regions {
			rows = append(rows, []string{s.Name, r.divisions.Name(g.Region) + " (" + g.Region.String() + ")", g.Households.Round(2), g.Recipients.Round(2), g.Cost.Display()})
		}
		rows = append(rows, []string{s.Name, word("urban", zh), mr.Urban.Households.Round(2), mr.Urban.Recipients.Round(2), mr.Urban.Cost.Display()})
		rows = append(rows, []string{s.Name, word("rural", zh), mr.Rural.Households.Round(2), mr.Rural.Recipients.Round(2), mr.Rural.Cost.Display()})
	}
	table(word("region", zh)+" · "+r.monthLabel(0), []string{word("scenario", zh), word("region", zh), word("households", zh), word("recipients", zh), word("total", zh)}, rows)
	if len(r.Failures) > 0 {
		rows = nil
		for _, f := range r.Failures {
			scen, month := "", ""
			if f.Scenario >= 0 {
				scen, month = r.Scenarios[f.Scenario].Name, r.monthLabel(f.Month)
			}
			line := ""
			if f.Line > 0 {
				line = strconv.Itoa(f.Line)
			}
			rows = append(rows, []string{f.Household, line, scen, month, problemText(f.Err, zh)})
		}
		table(word("failures", zh), []string{word("household", zh), word("file_line", zh), word("scenario", zh), word("month", zh), word("problems", zh)}, rows)
	}
	for _, c := range r.Charts(tag) {
		fmt.Fprintf(&b, "<figure id=\"chart-%s\">%s<figcaption>%s</figcaption></figure>\n", c.Name, c.SVG, esc(c.Title))
	}
	b.WriteString("</body></html>\n")
	_, err := w.Write(b.Bytes())
	return err
}
