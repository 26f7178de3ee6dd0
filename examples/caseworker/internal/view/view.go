// Package view turns the library's answers into what the caseworker page
// shows: the standards' identity, the division register, the choices of
// every field, the page's words in both languages, a decision rendered for
// people and the problems of an input, each at its JSON path. The page's
// WebAssembly program (examples/caseworker/wasm) passes them to the browser
// as JSON; the package itself has no state and does not use syscall/js, so
// that it is tested like any other package.
//
// Every sentence of a decision comes from the library's renderer (package
// explain): the step's sentence, its clause, the standards values it rests
// on with their source, and whether one of them is assumed or stale. Money
// is shown as yuan with two decimals (money.Amount.Display).
package view

import (
	"encoding/json"
	"errors"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/eligibility"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/income"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Chinese reports whether tag asks for Chinese (the page's default).
func Chinese(tag language.Tag) bool {
	base, _ := tag.Base()
	return base.String() == "zh"
}

// Tag returns the language of a page's lang value: zh-Hans unless "en…".
func Tag(lang string) language.Tag {
	if strings.HasPrefix(lang, "en") {
		return language.English
	}
	return language.SimplifiedChinese
}

// LangName returns the page's name of a language: "zh-Hans" or "en".
func LangName(tag language.Tag) string {
	if Chinese(tag) {
		return "zh-Hans"
	}
	return "en"
}

// Standards names a standards Set as the page shows it.
type Standards struct {
	Name            string `json:"name"`
	Identity        string `json:"identity"`
	DataVersion     string `json:"data_version,omitempty"`
	CompleteThrough string `json:"complete_through"`
}

// StandardsOf returns a Set's name and identity.
func StandardsOf(set *standards.Set) Standards {
	return Standards{Name: set.Name(), Identity: set.Identity(), DataVersion: set.DataVersion(),
		CompleteThrough: set.CompleteThrough().String()}
}

// Region is one division of the register.
type Region struct {
	Code     string `json:"code"`
	Name     string `json:"name"`      // 道里区
	FullName string `json:"full_name"` // 黑龙江省哈尔滨市道里区
	Parent   string `json:"parent,omitempty"`
	Level    string `json:"level"` // province, prefecture or county
}

// Info is what the page needs before its first decision.
type Info struct {
	Library   string              `json:"library"`
	Standards Standards           `json:"standards"`
	Regions   []Region            `json:"regions"`
	Choices   map[string][]string `json:"choices"`
}

// NewInfo describes a Set for the page: its identity, its division
// register in code order and the choices of every field.
func NewInfo(set *standards.Set) Info {
	divs := set.Divisions()
	all := divs.All()
	regions := make([]Region, 0, len(all))
	for _, d := range all {
		full, err := divs.FullName(d.Region)
		if err != nil {
			full = d.Name
		}
		r := Region{Code: d.Region.String(), Name: d.Name, FullName: full, Level: d.Level.String()}
		if d.Parent != (standards.Region{}) {
			r.Parent = d.Parent.String()
		}
		regions = append(regions, r)
	}
	return Info{Library: "dibao " + payment.Version, Standards: StandardsOf(set), Regions: regions, Choices: Choices()}
}

// names lists the text forms of an enumeration's values, in order: every
// value from 0 to 255 whose MarshalText succeeds.
func names(text func(i uint8) ([]byte, error)) []string {
	var out []string
	for i := 0; i < 256; i++ {
		if b, err := text(uint8(i)); err == nil && len(b) > 0 {
			out = append(out, string(b))
		}
	}
	return out
}

func stringsOf[E interface{ String() string }](l []E) []string {
	out := make([]string, len(l))
	for i, e := range l {
		out[i] = e.String()
	}
	return out
}

// Choices returns the values each enumerated field accepts, as the JSON
// form writes them, taken from the library's types. The keys are the
// choice groups of the page's labels ("relation" → "relation.applicant").
func Choices() map[string][]string {
	var groups []standards.Group
	for _, g := range standards.Groups() {
		if income.MemberGroup(g) {
			groups = append(groups, g)
		}
	}
	return map[string][]string{
		"area":         {standards.AreaUrban.String(), standards.AreaRural.String()},
		"registration": names(func(i uint8) ([]byte, error) { return income.Registration(i).MarshalText() }),
		"supporter":    names(func(i uint8) ([]byte, error) { return income.Supporter(i).MarshalText() }),
		"poverty":      names(func(i uint8) ([]byte, error) { return income.Poverty(i).MarshalText() }),
		"relation":     names(func(i uint8) ([]byte, error) { return income.Relation(i).MarshalText() }),
		"labour":       names(func(i uint8) ([]byte, error) { return income.Labour(i).MarshalText() }),
		"dependency":   names(func(i uint8) ([]byte, error) { return income.Dependency(i).MarshalText() }),
		"disability":   stringsOf(standards.DisabilityCategories()),
		"group":        stringsOf(groups),
		"income":       stringsOf(standards.IncomeKinds()),
		"period":       names(func(i uint8) ([]byte, error) { return income.PeriodUnit(i).MarshalText() }),
		"verification": names(func(i uint8) ([]byte, error) { return income.Verification(i).MarshalText() }),
		"support_basis": names(func(i uint8) ([]byte, error) {
			return income.SupportBasis(i).MarshalText()
		}),
		"giver":       names(func(i uint8) ([]byte, error) { return income.Giver(i).MarshalText() }),
		"property":    names(func(i uint8) ([]byte, error) { return income.PropertyKind(i).MarshalText() }),
		"expenditure": names(func(i uint8) ([]byte, error) { return income.ExpenditureKind(i).MarshalText() }),
		"method":      names(func(i uint8) ([]byte, error) { return standards.Method(i).MarshalText() }),
		"status":      names(func(i uint8) ([]byte, error) { return eligibility.Status(i).MarshalText() }),
		"member_status": slices.DeleteFunc(names(func(i uint8) ([]byte, error) {
			return eligibility.MemberStatus(i).MarshalText()
		}), func(s string) bool { return s == eligibility.MemberNone.String() }),
	}
}

// Problems are the problems of one input, each at its JSON path, with
// messages in both languages.
type Problems struct {
	Heading    problem.Message   `json:"heading"`
	NotCovered bool              `json:"not_covered,omitempty"`
	Problems   []problem.Problem `json:"problems"`
}

// ProblemsOf returns an error's problems; an error that is not a
// *problem.Error is one problem of the whole input.
func ProblemsOf(err error) *Problems {
	if pe, ok := problem.As(err); ok {
		return &Problems{
			Heading:    problem.Message{ZH: pe.Heading(language.SimplifiedChinese), EN: pe.Heading(language.English)},
			NotCovered: pe.NotCovered,
			Problems:   pe.Problems,
		}
	}
	msg := problem.Message{ZH: err.Error(), EN: err.Error()}
	return &Problems{Heading: msg, Problems: []problem.Problem{{Code: problem.Unavailable, Message: msg}}}
}

// Check reads a request as a decision would (payment.DecodeRequest) and
// returns its problems, nil when there are none.
func Check(request []byte) *Problems {
	if _, err := payment.DecodeRequest(request); err != nil {
		return ProblemsOf(err)
	}
	return nil
}

// Merge merges a local settings file over base (standards.Merge with the
// strict options): the merged Set, or the settings' problems, at their
// paths in the settings file.
func Merge(base *standards.Set, settings []byte) (*standards.Set, *Problems) {
	if len(settings) > standards.MaxFileSize {
		return nil, ProblemsOf(errors.New("the settings file is larger than " + strconv.Itoa(standards.MaxFileSize>>20) + " MiB"))
	}
	set, err := standards.Merge(base, settings, standards.MergeOptions{})
	if err != nil {
		return nil, ProblemsOf(err)
	}
	return set, nil
}

// Param is a standards value a step rests on, rendered: its label, value,
// dates, source and reliability.
type Param struct {
	Text      string `json:"text"`
	Assumed   bool   `json:"assumed,omitempty"`
	Stale     bool   `json:"stale,omitempty"`
	CaseLevel bool   `json:"case_level,omitempty"`
}

// Step is one explained finding or figure: its sentence, the clause it
// rests on, and the standards values it used.
type Step struct {
	Code    string  `json:"code"`
	Member  string  `json:"member,omitempty"`
	Text    string  `json:"text"`
	Cite    string  `json:"cite,omitempty"`
	Assumed bool    `json:"assumed,omitempty"`
	Stale   bool    `json:"stale,omitempty"`
	Params  []Param `json:"params,omitempty"`
}

// Line is a monthly payment line.
type Line struct {
	Step
	Line   string `json:"line"`   // the line's code: gap, supplement, …
	Amount string `json:"amount"` // yuan, two decimals
}

// Instalment is one payment of temporary assistance.
type Instalment struct {
	Number int    `json:"number"`
	Amount string `json:"amount"`
	Text   string `json:"text"`
}

// Temporary is approved temporary assistance.
type Temporary struct {
	Step
	Approved    string       `json:"approved"`
	Instalments []Instalment `json:"instalments"`
}

// Warning lists the parameters of one kind of notice.
type Warning struct {
	Code   string   `json:"code"` // assumed, stale, stale_over_a_year, below_guidance
	Text   string   `json:"text"`
	Params []string `json:"params,omitempty"`
}

// Member is a member as the decision's summary lists them.
type Member struct {
	ID       string `json:"id"`
	Age      int    `json:"age"`
	Relation string `json:"relation,omitempty"`
	Status   string `json:"status,omitempty"` // the member's own standing, in words
}

// Decision is a decision rendered for people in one language.
type Decision struct {
	Lang        string     `json:"lang"`
	Status      string     `json:"status"` // the code, for data attributes
	StatusLabel string     `json:"status_label"`
	Date        string     `json:"date"`
	KnownOn     string     `json:"known_on,omitempty"`
	Region      string     `json:"region"` // full name and code
	Area        string     `json:"area"`
	Method      string     `json:"method"`
	Members     []Member   `json:"members"`
	Conclusions []Step     `json:"conclusions"`
	Lines       []Line     `json:"lines"`
	Total       string     `json:"total"`
	TotalStep   *Step      `json:"total_step,omitempty"`
	Temporary   *Temporary `json:"temporary,omitempty"`
	Reasons     []Step     `json:"reasons"`
	Flags       []Step     `json:"flags"`
	Warnings    []Warning  `json:"warnings"`
	Explanation string     `json:"explanation"`
	Standards   Standards  `json:"standards"`
	Library     string     `json:"library"`
}

// Result is the answer to a request: a decision, or its problems.
type Result struct {
	Decision *Decision `json:"decision,omitempty"`
	Problems *Problems `json:"problems,omitempty"`
}

// JSON returns the result's JSON form.
func (r Result) JSON() []byte {
	b, err := json.Marshal(r)
	if err != nil {
		b, _ = json.Marshal(Result{Problems: ProblemsOf(err)})
	}
	return b
}

// Decide decides a request in the JSON form of package payment on set,
// with its explanation whatever the request says, and renders it in the
// language of tag. dc keeps its buffers between calls; the decision is
// rendered before the next.
func Decide(dc *payment.Decider, set *standards.Set, request []byte, tag language.Tag) Result {
	req, err := payment.DecodeRequest(request)
	if err != nil {
		return Result{Problems: ProblemsOf(err)}
	}
	req.Options.Explain = true
	d, err := dc.Decide(req, set)
	if err != nil {
		return Result{Problems: ProblemsOf(err)}
	}
	return Result{Decision: Render(d, set, tag)}
}

// Render renders a decision in the language of tag; set supplies the
// division names.
func Render(d *payment.Decision, set *standards.Set, tag language.Tag) *Decision {
	zh := Chinese(tag)
	words := Labels(tag)
	c := d.Classification
	v := &Decision{
		Lang:        LangName(tag),
		Status:      c.Status.String(),
		StatusLabel: explain.Words(c.Status.Label(), zh),
		Date:        d.Request.Date.String(),
		Total:       d.Total.Display(),
		Explanation: d.Explain(tag),
		Standards: Standards{Name: d.Standards.Name, Identity: d.Standards.Identity,
			DataVersion: d.Standards.DataVersion, CompleteThrough: d.Standards.CompleteThrough.String()},
		Library:     "dibao " + payment.Version,
		Method:      explain.Words(explain.Code("method."+d.Method.String()), zh),
		Conclusions: []Step{},
		Lines:       []Line{},
		Reasons:     []Step{},
		Flags:       []Step{},
		Warnings:    []Warning{},
		Members:     []Member{},
	}
	if !d.Request.Options.KnownOn.IsZero() {
		v.KnownOn = d.Request.Options.KnownOn.String()
	}
	if h := d.Request.Household; h != nil {
		v.Region = set.Divisions().Label(h.Region)
		if full, err := set.Divisions().FullName(h.Region); err == nil {
			v.Region = full + " (" + h.Region.String() + ")"
		}
		v.Area = explain.Words(explain.Code("area."+h.Area.String()), zh)
		for _, m := range h.Members {
			mv := Member{ID: m.ID, Age: income.AgeOn(m.BirthDate, d.Request.Date), Relation: words["relation."+m.Relation.String()]}
			for _, r := range c.Members {
				if r.ID == m.ID && r.Status != eligibility.MemberNone {
					mv.Status = explain.Words(explain.Code("member."+r.Status.String()), zh)
				}
			}
			v.Members = append(v.Members, mv)
		}
	}
	for _, l := range d.Lines {
		code := l.Step
		if code == "" {
			code = l.Code
		}
		s := explain.Step{Code: code, Member: l.Member, Args: l.Args, Params: l.Params, Cite: l.Cite}
		v.Lines = append(v.Lines, Line{Step: stepOf(s, tag), Line: string(l.Code), Amount: l.Amount.Display()})
	}
	var temporary, instalments []explain.Step
	for _, s := range d.Steps {
		switch {
		case explain.Info(s.Code).Kind == explain.KindDecision:
			v.Conclusions = append(v.Conclusions, stepOf(s, tag))
		case s.Code == explain.StepPaymentTotal:
			st := stepOf(s, tag)
			v.TotalStep = &st
		case s.Code == explain.StepTemporary || s.Code == explain.StepPaidFirst:
			temporary = append(temporary, s)
		case s.Code == explain.StepInstalment:
			instalments = append(instalments, s)
		}
	}
	for _, s := range c.Reasons {
		v.Reasons = append(v.Reasons, stepOf(s, tag))
	}
	for _, s := range c.Flags {
		v.Flags = append(v.Flags, stepOf(s, tag))
	}
	if t := d.Temporary; t != nil {
		tv := &Temporary{Approved: t.Approved.Display(), Instalments: []Instalment{}}
		if len(temporary) > 0 {
			tv.Step = stepOf(temporary[0], tag)
		}
		for i, in := range t.Instalments {
			iv := Instalment{Number: in.Number, Amount: in.Amount.Display()}
			if i < len(instalments) {
				iv.Text = explain.Sentence(instalments[i], tag)
			}
			tv.Instalments = append(tv.Instalments, iv)
		}
		v.Temporary = tv
	}
	v.Warnings = warnings(d.Warnings, words, tag)
	return v
}

// warnings groups a decision's warnings by kind, in a fixed order, each
// naming its parameters in words.
func warnings(ws []payment.Warning, words map[string]string, tag language.Tag) []Warning {
	out := []Warning{}
	for _, code := range []string{payment.WarnAssumed, payment.WarnStale, payment.WarnStaleOverYear, payment.WarnBelowGuidance} {
		var w *Warning
		for _, x := range ws {
			if x.Code != code {
				continue
			}
			if w == nil {
				out = append(out, Warning{Code: code, Text: words["warning."+code]})
				w = &out[len(out)-1]
			}
			if x.Param == "" {
				continue
			}
			name := x.Param
			if k, ok := standards.KeyByName(x.Param); ok {
				name = k.Label(tag)
			}
			if !slices.Contains(w.Params, name) {
				w.Params = append(w.Params, name)
			}
		}
	}
	return out
}

// stepOf renders a step: its sentence and clause (explain.Sentence and
// Citation), and one line per standards value, as explain.Render writes
// them.
func stepOf(s explain.Step, tag language.Tag) Step {
	zh := Chinese(tag)
	out := Step{Code: string(s.Code), Member: s.Member, Text: explain.Sentence(s, tag)}
	if c := s.Citation(); !c.IsZero() {
		if zh {
			out.Cite = c.String()
		} else {
			out.Cite = c.English()
		}
	}
	// Render writes the step's line, then one indented line per value.
	lines := strings.Split(explain.Render([]explain.Step{s}, tag), "\n")[1:]
	for i, p := range s.Params {
		pv := Param{Assumed: p.Assumed(), Stale: !p.CaseLevel && p.Provenance.Stale, CaseLevel: p.CaseLevel}
		if len(lines) == len(s.Params) {
			pv.Text = strings.TrimSpace(lines[i])
		} else if p.Key != nil {
			pv.Text = p.Key.Label(tag) + ": " + explain.FormatValue(p.Key, p.Value, tag)
			if !p.CaseLevel {
				pv.Text += "; " + explain.FormatProvenance(p.Provenance, tag)
			}
		}
		out.Assumed = out.Assumed || pv.Assumed
		out.Stale = out.Stale || pv.Stale
		out.Params = append(out.Params, pv)
	}
	return out
}
