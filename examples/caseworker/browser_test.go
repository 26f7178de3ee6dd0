package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/conformance"
	"github.com/dibao-go/dibao/examples/caseworker/internal/view"
	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// The browser tests open the built page in headless Chromium and compare
// what it shows with what the library computes here, natively, for the
// same JSON.

// chromium returns the shared browser, or skips the test when none is
// installed.
func chromium(t *testing.T) *browser {
	t.Helper()
	if raceEnabled {
		// The page's code runs in the browser, where the race detector
		// sees nothing; the tests run without it (go test ./...).
		t.Skip("browser tests run without -race")
	}
	path, ok := findBrowser()
	if !ok {
		t.Skip("no chromium, chromium-browser or google-chrome on PATH")
	}
	shared.browserMu.Lock()
	defer shared.browserMu.Unlock()
	if b := shared.browser; b != nil {
		if b.alive() {
			return b
		}
		// Seen on a loaded two-core machine: the browser closes its pipe
		// and is gone. Another one, in a profile of its own, twice at most.
		if shared.restarts == 2 {
			t.Fatalf("the browser died a third time; its last words:\n%s", shared.stderr.String())
		}
		t.Logf("the browser died; starting another. Its last words:\n%s", shared.stderr.String())
		shared.restarts++
		b.close()
		shared.browser = nil
	}
	profile, err := os.MkdirTemp("", "caseworker-chromium-")
	require.NoError(t, err)
	shared.profiles = append(shared.profiles, profile)
	b, err := startBrowser(path, profile, &shared.stderr)
	require.NoError(t, err)
	shared.browser = b
	return b
}

// openTab opens a new tab on the page; the tab is closed, and checked for
// script errors, when the test ends.
func openTab(t *testing.T, ctx context.Context, url string) *tab {
	t.Helper()
	b := chromium(t)
	tb, err := b.newTab(ctx)
	if err != nil && !b.alive() {
		tb, err = chromium(t).newTab(ctx) // the browser died: once more on another
	}
	require.NoError(t, err)
	t.Cleanup(func() {
		assert.Empty(t, tb.errors(), "script errors on the page")
		tb.close()
	})
	require.NoError(t, tb.navigate(ctx, url))
	require.NoError(t, tb.waitFor(ctx, `document.documentElement.dataset.ready === 'true'`))
	return tb
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
	t.Cleanup(cancel)
	return ctx
}

func b64(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

// fragment is the page's test hook: a household (and settings) opened as
// if from files, in a language, decided.
func fragment(request, settings []byte, lang string, decide bool) string {
	q := "#lang=" + lang
	if settings != nil {
		q += "&settings=" + b64(settings)
	}
	if request != nil {
		q += "&household=" + b64(request)
	}
	if decide {
		q += "&decide=1"
	}
	return q
}

// shown is what the page shows, read from its DOM.
type shown struct {
	Lang            string  `json:"lang"`
	Answers         int     `json:"answers"`
	ReadyMs         float64 `json:"readyMs"`
	FirstDecisionMs float64 `json:"firstDecisionMs"`
	DecideMs        float64 `json:"decideMs"`
	MissingLabels   string  `json:"missingLabels"`
	Status          string  `json:"status"`
	StatusText      string  `json:"statusText"`
	ResultText      string  `json:"resultText"`
	Lines           []struct {
		Line, Member, Amount, Text, Cite, AmountText string
		Assumed, Stale                               bool
	} `json:"lines"`
	Total     string `json:"total"`
	TotalText string `json:"totalText"`
	Temporary *struct {
		Approved    string   `json:"approved"`
		Instalments []string `json:"instalments"`
	} `json:"temporary"`
	Identity    string   `json:"identity"`
	Request     string   `json:"request"`
	RegionLabel string   `json:"regionLabel"`
	Summary     []string `json:"summary"`
	Unlabelled  []string `json:"unlabelled"`
	Paths       []string `json:"paths"`
}

const readPage = `(() => {
	const q = (s) => document.querySelector(s);
	const d = document.documentElement.dataset;
	return {
		lang: document.documentElement.lang,
		answers: Number(d.answers || 0),
		readyMs: Number(d.readyMs || -1),
		firstDecisionMs: Number(d.firstDecisionMs || -1),
		decideMs: q('#result-body') ? Number(q('#result-body').dataset.decideMs || -1) : -1,
		missingLabels: d.missingLabels || '',
		status: q('#status') ? q('#status').dataset.status : '',
		statusText: q('#status') ? q('#status').textContent : '',
		resultText: q('#result-body') ? q('#result-body').textContent : '',
		lines: [...document.querySelectorAll('#lines tbody tr[data-line]')].map((r) => ({
			Line: r.dataset.line, Member: r.dataset.member, Amount: r.dataset.amount,
			Text: r.cells[0].firstChild.textContent,
			Cite: (r.cells[0].querySelector(':scope > .cite') || {}).textContent || '',
			AmountText: r.cells[2].textContent,
			Assumed: r.dataset.assumed === 'true', Stale: r.dataset.stale === 'true',
		})),
		total: q('#total') ? q('#total').dataset.amount : '',
		totalText: q('#total .amount') ? q('#total .amount').textContent : '',
		temporary: q('#temporary') ? {
			approved: q('#temporary').dataset.approved,
			instalments: [...document.querySelectorAll('#temporary [data-instalment]')].map((e) => e.dataset.amount),
		} : null,
		identity: q('#standards-identity') ? q('#standards-identity').dataset.identity : '',
		request: q('#request-json') ? q('#request-json').textContent : '',
		regionLabel: q('#form-fields [data-path="household.region"]') ? q('#form-fields [data-path="household.region"]').labels[0].textContent : '',
		summary: [...document.querySelectorAll('#problem-summary li')].map((li) => li.dataset.path),
		unlabelled: [...document.querySelectorAll('input, select, textarea')].filter((e) => !e.labels || !e.labels.length).map((e) => e.outerHTML),
		paths: [...document.querySelectorAll('#form-fields [data-path]')].map((e) => e.dataset.path),
	};
})()`

func read(t *testing.T, ctx context.Context, tb *tab) shown {
	t.Helper()
	var s shown
	require.NoError(t, tb.eval(ctx, readPage, &s))
	return s
}

// household is a request the page decides, with the standards it is
// decided on.
type household struct {
	name     string
	request  []byte
	settings []byte // merged over the embedded data; nil for none
	set      *standards.Set
}

func harbinSample(t *testing.T) household {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "decide", "harbin-household.json"))
	require.NoError(t, err)
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	return household{name: "harbin sample", request: data, set: set}
}

// conformanceCase returns a case of the suite, with its standards.
func conformanceCase(t *testing.T, id string) household {
	t.Helper()
	cases, err := conformance.Cases()
	require.NoError(t, err)
	for _, c := range cases {
		if c.ID != id {
			continue
		}
		require.Empty(t, c.Standards.Inline, "%s: the page merges settings over the embedded data", id)
		set, err := conformance.Build(c.Standards)
		require.NoError(t, err)
		var settings []byte
		if len(c.Standards.Settings) > 0 {
			settings = c.Standards.Settings
		}
		return household{name: id, request: c.Request, settings: settings, set: set}
	}
	t.Fatalf("no conformance case %s", id)
	return household{}
}

func tagOf(lang string) language.Tag { return view.Tag(lang) }

func sentenceOf(l payment.Line, tag language.Tag) (string, string) {
	code := l.Step
	if code == "" {
		code = l.Code
	}
	s := explain.Step{Code: code, Member: l.Member, Args: l.Args, Params: l.Params, Cite: l.Cite}
	c := s.Citation()
	if view.Chinese(tag) {
		return explain.Sentence(s, tag), c.String()
	}
	return explain.Sentence(s, tag), c.English()
}

// assertDecision compares what the page shows with the native decision of
// the same request on the same standards.
func assertDecision(t *testing.T, h household, lang string, got shown) {
	t.Helper()
	tag := tagOf(lang)
	req, err := payment.DecodeRequest(h.request)
	require.NoError(t, err)
	req.Options.Explain = true // as the page asks
	want, err := payment.Decide(req, h.set)
	require.NoError(t, err)
	assert.Equal(t, lang, got.Lang)
	assert.Equal(t, want.Classification.Status.String(), got.Status)
	assert.Equal(t, explain.Words(want.Classification.Status.Label(), view.Chinese(tag)), got.StatusText)
	for _, junk := range []string{"null", "undefined", "NaN", "[object Object]"} {
		assert.NotContains(t, got.ResultText, junk, "the decision shows no script values")
	}
	require.Len(t, got.Lines, len(want.Lines), "payment lines")
	for i, l := range want.Lines {
		g := got.Lines[i]
		assert.Equal(t, string(l.Code), g.Line, "line %d", i)
		assert.Equal(t, l.Member, g.Member, "line %d", i)
		assert.Equal(t, l.Amount.Display(), g.Amount, "line %d", i)
		assert.Equal(t, l.Amount.Display(), g.AmountText, "line %d", i)
		text, cite := sentenceOf(l, tag)
		assert.Equal(t, text, g.Text, "line %d", i)
		assert.Contains(t, g.Cite, cite, "line %d", i)
		var assumed, stale bool
		for _, p := range l.Params {
			assumed = assumed || p.Assumed()
			stale = stale || (!p.CaseLevel && p.Provenance.Stale)
		}
		assert.Equal(t, assumed, g.Assumed, "line %d assumed", i)
		assert.Equal(t, stale, g.Stale, "line %d stale", i)
	}
	assert.Equal(t, want.Total.Display(), got.Total)
	assert.Equal(t, want.Total.Display(), got.TotalText)
	if want.Temporary != nil {
		require.NotNil(t, got.Temporary, "temporary assistance")
		assert.Equal(t, want.Temporary.Approved.Display(), got.Temporary.Approved)
		var inst []string
		for _, in := range want.Temporary.Instalments {
			inst = append(inst, in.Amount.Display())
		}
		assert.Equal(t, inst, got.Temporary.Instalments)
	} else {
		assert.Nil(t, got.Temporary)
	}
	assert.Equal(t, h.set.Identity(), got.Identity, "the standards decided on (the settings merged in the browser)")
	assert.Empty(t, got.MissingLabels)
	assert.Empty(t, got.Unlabelled, "fields without a label")

	// The form gave back the request it was given: the page decided what
	// the file says, not something close to it.
	orig, err := payment.DecodeRequest(h.request)
	require.NoError(t, err)
	orig.Options.Explain = true
	back, err := payment.DecodeRequest([]byte(got.Request))
	require.NoError(t, err, "the request the page decided")
	wantJSON, _ := payment.EncodeRequest(&orig)
	gotJSON, _ := payment.EncodeRequest(&back)
	assert.JSONEq(t, string(wantJSON), string(gotJSON))
}

// TestBrowserDecisions decides households in the browser and compares every
// figure shown with the native decision: the documented sample, rural,
// 特困, 单人户, mixed, edge with temporary assistance, gradual exit, price
// subsidy and tiered households (the last ones from the conformance suite,
// with their local settings merged in the browser).
func TestBrowserDecisions(t *testing.T) {
	url := pageURL(t)
	chromium(t)
	for i, tc := range []struct {
		h    household
		lang string
	}{
		{harbinSample(t), "en"},
		{conformanceCase(t, "r2-county-rural-2023"), "zh-Hans"},   // rural 依兰县, 低保
		{conformanceCase(t, "tekun-full-care"), "en"},             // 特困, alone
		{conformanceCase(t, "r3-seriously-ill"), "zh-Hans"},       // edge household, a 单人户 member
		{conformanceCase(t, "tekun-mixed-household"), "en"},       // 特困 beside 低保
		{conformanceCase(t, "r10-instalments"), "zh-Hans"},        // edge, temporary assistance in instalments
		{conformanceCase(t, "r4-start"), "en"},                    // current status: gradual exit
		{conformanceCase(t, "r5-cpi"), "zh-Hans"},                 // price subsidy
		{conformanceCase(t, "r6-elderly-placement"), "en"},        // tiered payment
		{conformanceCase(t, "r14-caregiver-half"), "zh-Hans"},     // employment and caregiver deductions
		{conformanceCase(t, "r2-rural-1fen-below-line"), "en"},    // a payment of one fen
		{conformanceCase(t, "r11-single-person-kept"), "zh-Hans"}, // suspicions from data matching
	} {
		t.Run(tc.h.name, func(t *testing.T) {
			ctx := testContext(t)
			start := time.Now()
			tb := openTab(t, ctx, url+fragment(tc.h.request, tc.h.settings, tc.lang, true))
			require.NoError(t, tb.waitFor(ctx, `Number(document.documentElement.dataset.answers) >= 1`))
			wall := time.Since(start)
			got := read(t, ctx, tb)
			require.Empty(t, got.Summary, "problems shown")
			assertDecision(t, tc.h, tc.lang, got)
			t.Logf("load to first decision: %.0f ms by the page's clock (program ready at %.0f ms, the decision itself %.0f ms); %s by the test's, from opening a tab",
				got.FirstDecisionMs, got.ReadyMs, got.DecideMs, wall.Round(time.Millisecond))
			if i == 0 {
				assert.Greater(t, got.FirstDecisionMs, 0.0)
			}
		})
	}
}

// TestBrowserProblems decides households the library refuses and checks
// that every problem is shown next to the field at its path, associated
// with it by aria-describedby, in the page's language, and listed above
// the form.
func TestBrowserProblems(t *testing.T) {
	url := pageURL(t)
	chromium(t)
	for _, tc := range []struct {
		name    string
		request []byte
		lang    string
	}{
		{"future birth", conformanceCase(t, "error-future-birth").request, "zh-Hans"},
		{"many problems", []byte(`{"date": "2023-06-01",
			"household": {"region": "230102", "area": "urban", "members": [
				{"id": "a", "relation": "applicant", "labour": "full",
				 "incomes": [{"kind": "wage", "amount": "12.345"}]},
				{"id": "a", "birth_date": "2024-01-01", "relation": "spouse", "labour": "sometimes"}]},
			"current": {"status": "gradual_exit"},
			"temporary": {"place": "230100"}}`), "en"},
		{"no members", []byte(`{"date": "2023-06-01", "household": {"region": "230102", "area": "urban", "members": []}}`), "zh-Hans"},
		{"region not covered", []byte(`{"date": "2023-06-01", "household": {"region": "230202", "area": "urban",
			"members": [{"id": "a", "birth_date": "1970-01-01", "relation": "applicant", "labour": "full"}]}}`), "en"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := testContext(t)
			set, err := heilongjiang.Set()
			require.NoError(t, err)
			_, err = payment.DecideJSON(tc.request, set)
			pe, ok := problem.As(err)
			require.True(t, ok, "the library refuses it: %v", err)
			tag := tagOf(tc.lang)

			tb := openTab(t, ctx, url+fragment(tc.request, nil, tc.lang, true))
			require.NoError(t, tb.waitFor(ctx, `Number(document.documentElement.dataset.answers) >= 1`))
			got := read(t, ctx, tb)
			assert.Empty(t, got.Lines, "no decision")
			assert.Empty(t, got.MissingLabels)
			var summary []string
			for _, p := range pe.Problems {
				summary = append(summary, p.Path)
				var at struct {
					Found, Invalid, Near bool
					Text                 string
				}
				require.NoError(t, tb.eval(ctx, `((path) => {
					const f = document.querySelector('#form-fields [data-path="' + CSS.escape(path) + '"]');
					if (!f) return {Found: false};
					const ids = (f.getAttribute('aria-describedby') || '').split(' ').filter((x) => x);
					const boxes = ids.map((id) => document.getElementById(id)).filter((b) => b && b.classList.contains('problem'));
					return {
						Found: true,
						Invalid: f.getAttribute('aria-invalid') === 'true',
						Near: boxes.length > 0 && boxes.every((b) => b.parentElement === f.parentElement || b.parentElement === f),
						Text: boxes.map((b) => b.textContent).join('\n'),
					};
				})(`+jsString(p.Path)+`)`, &at))
				require.True(t, at.Found, "a field at %s", p.Path)
				assert.True(t, at.Invalid, "%s is marked invalid", p.Path)
				assert.True(t, at.Near, "the problem of %s is next to its field", p.Path)
				assert.Contains(t, at.Text, p.Message.In(tag), "the problem at %s", p.Path)
			}
			assert.Equal(t, summary, got.Summary, "every problem listed above the form, in order")
			var heading string
			require.NoError(t, tb.eval(ctx, `document.querySelector('#problem-summary h3').textContent`, &heading))
			assert.Equal(t, pe.Heading(tag), heading)
		})
	}
}

// TestBrowserLanguageSwitch switches the language with the keyboard and
// checks that everything is rendered again: the field labels, the status
// and every line's sentence.
func TestBrowserLanguageSwitch(t *testing.T) {
	url := pageURL(t)
	ctx := testContext(t)
	h := harbinSample(t)
	tb := openTab(t, ctx, url+fragment(h.request, nil, "zh-Hans", true))
	require.NoError(t, tb.waitFor(ctx, `Number(document.documentElement.dataset.answers) >= 1`))
	zh := read(t, ctx, tb)
	assertDecision(t, h, "zh-Hans", zh)
	assert.Equal(t, view.Labels(language.SimplifiedChinese)["household.region"], zh.RegionLabel)

	// Tab to nothing in particular: the buttons are ordinary buttons, so
	// Enter on the focused one switches.
	require.NoError(t, tb.eval(ctx, `document.querySelector('button[data-lang="en"]').focus()`, nil))
	require.NoError(t, tb.press(ctx, "Enter"))
	require.NoError(t, tb.waitFor(ctx, `document.documentElement.lang === 'en' && Number(document.documentElement.dataset.answers) >= 2`))
	en := read(t, ctx, tb)
	assertDecision(t, h, "en", en)
	t.Logf("deciding again in English took %.0f ms (the first decision %.0f ms)", en.DecideMs, zh.DecideMs)
	assert.Equal(t, view.Labels(language.English)["household.region"], en.RegionLabel)
	assert.NotEqual(t, zh.StatusText, en.StatusText)
	assert.NotEqual(t, zh.RegionLabel, en.RegionLabel)
	for i := range zh.Lines {
		assert.NotEqual(t, zh.Lines[i].Text, en.Lines[i].Text)
	}
	var pressed []string
	require.NoError(t, tb.eval(ctx, `[...document.querySelectorAll('button[data-lang]')].map((b) => b.dataset.lang + '=' + b.getAttribute('aria-pressed'))`, &pressed))
	assert.Equal(t, []string{"zh-Hans=false", "en=true"}, pressed)

	// Space on the other button switches back.
	require.NoError(t, tb.eval(ctx, `document.querySelector('button[data-lang="zh-Hans"]').focus()`, nil))
	require.NoError(t, tb.press(ctx, " "))
	require.NoError(t, tb.waitFor(ctx, `document.documentElement.lang === 'zh-Hans' && Number(document.documentElement.dataset.answers) >= 3`))
	assertDecision(t, h, "zh-Hans", read(t, ctx, tb))
}

// TestBrowserFiles opens a local settings file and a household file through
// the page's file inputs, decides with the keyboard, then opens a settings
// file that does not merge and checks its problems.
func TestBrowserFiles(t *testing.T) {
	url := pageURL(t)
	ctx := testContext(t)
	h := conformanceCase(t, "r10-instalments") // its caps are settings of its own
	dir := t.TempDir()
	settingsFile := filepath.Join(dir, "local.json")
	householdFile := filepath.Join(dir, "household.json")
	require.NoError(t, os.WriteFile(settingsFile, h.settings, 0o644))
	require.NoError(t, os.WriteFile(householdFile, h.request, 0o644))

	tb := openTab(t, ctx, url+"#lang=en")
	require.NoError(t, tb.setFiles(ctx, "#settings-file", settingsFile))
	require.NoError(t, tb.waitFor(ctx, `document.querySelector('#settings-status').dataset.state === 'merged'`))
	var identity string
	require.NoError(t, tb.eval(ctx, `document.querySelector('#standards-line').dataset.identity`, &identity))
	assert.Equal(t, h.set.Identity(), identity)

	require.NoError(t, tb.setFiles(ctx, "#open-household", householdFile))
	require.NoError(t, tb.waitFor(ctx, `document.querySelector('#form-fields [data-path="household.region"]').value === '230102'`))
	require.NoError(t, tb.eval(ctx, `document.querySelector('#form-fields [data-path="household.members[0].id"]').focus()`, nil))
	require.NoError(t, tb.press(ctx, "Enter")) // submits the form
	require.NoError(t, tb.waitFor(ctx, `Number(document.documentElement.dataset.answers) >= 1`))
	assertDecision(t, h, "en", read(t, ctx, tb))

	// Settings that do not merge: every problem listed, at its path in the
	// settings file; the standards in use stay.
	bad := []byte(`{"format": "dibao-standards/1", "name": "bad", "jurisdiction": "230000",
		"sources": {"local": {"document": "local rules", "reliability": "local"}},
		"parameters": {"dibao_standard": [{"regions": ["230102"], "area": "urban",
			"values": [{"from": "2024-01-01", "source": "nope", "value": "-5"}]}],
			"supplement_rate": [{"regions": ["230000"], "values": [{"from": "2024-01-01", "source": "local", "value": "0.05"}]}]}}`)
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	_, err = standards.Merge(set, bad, standards.MergeOptions{})
	pe, ok := problem.As(err)
	require.True(t, ok, "%v", err)
	badFile := filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(badFile, bad, 0o644))
	require.NoError(t, tb.setFiles(ctx, "#settings-file", badFile))
	require.NoError(t, tb.waitFor(ctx, `document.querySelector('#settings-status').dataset.state === 'failed'`))
	var listed []struct{ Path, Code, Text string }
	require.NoError(t, tb.eval(ctx, `[...document.querySelectorAll('#settings-problems li')].map((li) => ({Path: li.dataset.path, Code: li.dataset.code, Text: li.textContent}))`, &listed))
	require.Len(t, listed, len(pe.Problems))
	for i, p := range pe.Problems {
		assert.Equal(t, p.Path, listed[i].Path)
		assert.Equal(t, string(p.Code), listed[i].Code)
		assert.Contains(t, listed[i].Text, p.Message.In(language.English))
	}
	require.NoError(t, tb.eval(ctx, `document.querySelector('#standards-line').dataset.identity`, &identity))
	assert.Equal(t, h.set.Identity(), identity, "the merged settings stay in use")
}

// everyField is a request with every field of the JSON form set.
const everyField = `{
  "date": "2024-06-01",
  "known_on": "2024-06-01",
  "method": "gap",
  "household": {
    "region": "230102",
    "area": "urban",
    "basis": "residence",
    "supporter": "unable",
    "poverty": "monitored",
    "caregiver_factor": "0.5",
    "members": [
      {"id": "a", "birth_date": "1960-03-01", "relation": "applicant", "labour": "partial",
       "dependency": "semi", "workplace": "230103", "cares_for": ["b"], "service_disability_grade": 5,
       "disability": {"category": "physical", "grade": 2},
       "serious_illness": true, "special_care": true, "martyr_family": true, "returned_veteran": true,
       "groups": ["unemployment_insurance", "special_care"],
       "incomes": [
         {"kind": "wage", "amount": "6000", "period": "total", "months": 4, "verification": "suspected", "note": "季节性工作"},
         {"kind": "support_received", "amount": "100", "period": "monthly", "basis": "agreement", "exempt_from": "sibling"}
       ]},
      {"id": "b", "birth_date": "2010-01-01", "relation": "child", "labour": "none", "student": true, "groups": ["orphan"]}
    ],
    "property": [
      {"kind": "deposit", "value": "1000", "member": "a"},
      {"kind": "dwelling", "value": "200000", "count": 1, "exempt": true}
    ],
    "expenditures": [{"kind": "medical", "amount": "3000", "member": "a"}]
  },
  "current": {"status": "edge", "since": "2023-01-01",
    "members": [{"id": "a", "status": "single_person", "since": "2023-01-01", "monthly_amount": "500"}]},
  "previous": {"date": "2023-06-01", "countable": "2500/3", "seriously_ill": ["a"], "severely_disabled": ["a"]},
  "prices": {"month": "2024-06-01", "cpi": "0.036", "food_cpi": "0.02"},
  "equalised": ["b"],
  "temporary": {"hardship": "illness", "place": "230102", "area": "urban", "requested": "3000", "instalments": 2, "paid_first": true},
  "explain": true
}`

// TestBrowserSaveEveryField opens a request with every field of the JSON
// form set, saves it with the page's Save button, and checks that the file
// downloaded is the same request: the form holds every field. Every field
// has a label, in both languages.
func TestBrowserSaveEveryField(t *testing.T) {
	_, err := payment.DecodeRequest([]byte(everyField))
	require.NoError(t, err, "the request is valid")
	url := pageURL(t)
	ctx := testContext(t)
	tb := openTab(t, ctx, url+fragment([]byte(everyField), nil, "zh-Hans", false))
	require.NoError(t, tb.waitFor(ctx, `document.querySelector('#form-fields [data-path="household.members[1].id"]')`))
	got := read(t, ctx, tb)
	assert.Empty(t, got.MissingLabels)
	assert.Empty(t, got.Unlabelled, "fields without a label")
	assert.Len(t, got.Paths, len(uniq(got.Paths)), "data-path is unique")

	downloads := t.TempDir()
	require.NoError(t, tb.b.call(ctx, "", "Browser.setDownloadBehavior", map[string]any{"behavior": "allow", "downloadPath": downloads}, nil))
	require.NoError(t, tb.eval(ctx, `document.querySelector('#save-household').focus()`, nil))
	require.NoError(t, tb.press(ctx, "Enter"))
	var saved []byte
	require.Eventually(t, func() bool {
		saved, err = os.ReadFile(filepath.Join(downloads, "household-2024-06-01.json"))
		return err == nil && json.Valid(saved)
	}, 30*time.Second, 50*time.Millisecond, "the household was not saved")
	assert.JSONEq(t, everyField, string(saved))

	// The same in English, with every label.
	require.NoError(t, tb.eval(ctx, `document.querySelector('button[data-lang="en"]').click()`, nil))
	require.NoError(t, tb.waitFor(ctx, `document.documentElement.lang === 'en'`))
	got = read(t, ctx, tb)
	assert.Empty(t, got.MissingLabels)
	assert.Equal(t, view.Labels(language.English)["household.region"], got.RegionLabel)
}

func uniq(l []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range l {
		m[s] = true
	}
	return m
}

// mediaBox returns the size of a PDF's first page, in points.
func mediaBox(t *testing.T, pdf []byte) (float64, float64) {
	t.Helper()
	m := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`).FindSubmatch(pdf)
	require.NotNil(t, m, "a MediaBox")
	w, err := strconv.ParseFloat(string(m[1]), 64)
	require.NoError(t, err)
	h, err := strconv.ParseFloat(string(m[2]), 64)
	require.NoError(t, err)
	return w, h
}

// pdfPages counts the pages of a PDF.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1))
}

// TestBrowserPrintAndScreenshot prints the decision summary of the largest
// households to PDF (one A4 page each) and takes a screenshot of the page.
func TestBrowserPrintAndScreenshot(t *testing.T) {
	url := pageURL(t)
	out := os.Getenv(outEnv)
	if out == "" {
		out = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(out, 0o755))
	for _, tc := range []struct {
		h    household
		lang string
		file string
	}{
		{harbinSample(t), "zh-Hans", "harbin-zh"},
		{harbinSample(t), "en", "harbin-en"},
		{conformanceCase(t, "tekun-mixed-household"), "zh-Hans", "tekun-mixed-zh"},
		{conformanceCase(t, "r10-instalments"), "en", "temporary-en"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			ctx := testContext(t)
			tb := openTab(t, ctx, url+fragment(tc.h.request, tc.h.settings, tc.lang, true))
			require.NoError(t, tb.waitFor(ctx, `Number(document.documentElement.dataset.answers) >= 1`))
			assertDecision(t, tc.h, tc.lang, read(t, ctx, tb))
			pdf, err := tb.printPDF(ctx)
			require.NoError(t, err)
			require.True(t, bytes.HasPrefix(pdf, []byte("%PDF")))
			assert.Equal(t, 1, pdfPages(pdf), "the decision summary fits one page")
			w, h := mediaBox(t, pdf)
			assert.InDelta(t, 595.28, w, 1, "A4 width in points")
			assert.InDelta(t, 841.89, h, 1, "A4 height in points")
			pdfFile := filepath.Join(out, tc.file+".pdf")
			require.NoError(t, os.WriteFile(pdfFile, pdf, 0o644))
			// The same print layout as an image: 184 mm (A4 less the
			// margins of the @page rule) at 96 pixels an inch.
			preview, height, err := tb.printPreview(ctx, 695)
			require.NoError(t, err)
			require.NoError(t, os.WriteFile(filepath.Join(out, tc.file+"-print.png"), preview, 0o644))
			assert.LessOrEqual(t, height, 1123.0-2*45, "the print layout is shorter than A4 less its margins (px)")

			shot, err := tb.screenshot(ctx, 1400, 1000)
			require.NoError(t, err)
			img, err := png.Decode(bytes.NewReader(shot))
			require.NoError(t, err)
			assert.Equal(t, 1400, img.Bounds().Dx())
			shotFile := filepath.Join(out, tc.file+".png")
			require.NoError(t, os.WriteFile(shotFile, shot, 0o644))
			t.Logf("print view %s (%d page), screenshot %s (%dx%d)", pdfFile, pdfPages(pdf), shotFile, img.Bounds().Dx(), img.Bounds().Dy())
		})
	}
}
