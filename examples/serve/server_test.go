package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func sample(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("../decide/harbin-household.json")
	require.NoError(t, err)
	return b
}

func newTestServer(t *testing.T, opts Options) *httptest.Server {
	t.Helper()
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	srv := httptest.NewServer(New(set, opts))
	t.Cleanup(srv.Close)
	return srv
}

type answer struct {
	status int
	header http.Header
	body   map[string]any
}

func call(t *testing.T, srv *httptest.Server, method, path, lang string, body []byte) answer {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, bytes.NewReader(body))
	require.NoError(t, err)
	if lang != "" {
		req.Header.Set("Accept-Language", lang)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(b, &m), string(b))
	return answer{resp.StatusCode, resp.Header, m}
}

func problemCodes(a answer) []string {
	var out []string
	list, _ := a.body["problems"].([]any)
	for _, p := range list {
		pm := p.(map[string]any)
		out = append(out, pm["path"].(string)+" "+pm["code"].(string))
	}
	return out
}

// The sample household (examples/decide): total 2500.83 (hand arithmetic in
// examples/decide/main_test.go).
func TestDecideInBothLanguages(t *testing.T) {
	srv := newTestServer(t, Options{})
	zh := call(t, srv, http.MethodPost, "/v1/decide", "", sample(t))
	require.Equal(t, http.StatusOK, zh.status, "%v", zh.body)
	assert.Equal(t, "zh-Hans", zh.header.Get("Content-Language"))
	d := zh.body["decision"].(map[string]any)
	assert.Equal(t, "2500.83", d["total"])
	assert.Equal(t, "dibao-decision/1", d["format"])
	assert.Contains(t, zh.body["explanation"], "每月合计发放 2500.83 元")
	en := call(t, srv, http.MethodPost, "/v1/decide", "en-GB,en;q=0.9", sample(t))
	require.Equal(t, http.StatusOK, en.status)
	assert.Equal(t, "en", en.header.Get("Content-Language"))
	assert.Contains(t, en.body["explanation"], "Monthly total paid: 2500.83 yuan")
}

// The decision in an answer is the record the library writes for the same
// request, byte for byte, though each worker writes its answers in the
// buffer of its last one: a larger household's answer, then a smaller
// one's, then the larger again, each as if alone.
func TestAnswersDoNotShareBuffers(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	srv := newTestServer(t, Options{})
	large := sample(t)
	small := []byte(`{"date":"2024-06-01","household":{"region":"230113","area":"urban","members":[{"id":"a","birth_date":"1950-01-01","relation":"applicant","labour":"none"}]}}`)
	want := map[string][]byte{}
	for _, body := range [][]byte{large, small} {
		d, err := payment.DecideJSON(body, set)
		require.NoError(t, err)
		rec, err := d.MarshalJSON()
		require.NoError(t, err)
		want[string(body)] = rec
	}
	for _, body := range [][]byte{large, small, large, small} {
		resp, err := srv.Client().Post(srv.URL+"/v1/decide", "application/json", bytes.NewReader(body))
		require.NoError(t, err)
		b, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		require.NoError(t, err)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &m), string(b))
		assert.Equal(t, string(want[string(body)]), string(m["decision"]))
		assert.Equal(t, `"zh-Hans"`, string(m["language"]))
		require.True(t, bytes.HasSuffix(b, []byte("}\n")), "one answer, one line")
	}
}

// One worker, its buffer reused for certain: each answer is the decision's
// own record, whatever the worker answered before.
func TestWorkerAnswers(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	small := []byte(`{"date":"2024-06-01","household":{"region":"230113","area":"urban","members":[{"id":"a","birth_date":"1950-01-01","relation":"applicant","labour":"none"}]}}`)
	var wk worker
	var lastCap int
	for i, body := range [][]byte{sample(t), small, sample(t), small} {
		want, err := payment.DecideJSON(body, set)
		require.NoError(t, err)
		wantRecord, err := want.MarshalJSON()
		require.NoError(t, err)
		d, err := wk.dc.DecideJSON(body, set)
		require.NoError(t, err)
		b, err := wk.answer(d, language.English)
		require.NoError(t, err)
		var m map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(b, &m), string(b))
		assert.Equal(t, string(wantRecord), string(m["decision"]), "answer %d", i)
		assert.Equal(t, `"en"`, string(m["language"]))
		require.True(t, bytes.HasSuffix(b, []byte("}\n")))
		if i > 0 {
			assert.GreaterOrEqual(t, cap(wk.buf), lastCap, "the buffer is kept, not made anew")
		}
		lastCap = cap(wk.buf)
	}
}

func TestBadRequests(t *testing.T) {
	srv := newTestServer(t, Options{})
	for _, tc := range []struct {
		name   string
		body   []byte
		status int
		kind   string
		codes  []string
	}{
		{"not JSON", []byte(`{"date": `), http.StatusBadRequest, "invalid", []string{" syntax"}},
		// Every problem at once: the repeated date, and the empty household's.
		{"a duplicate key", []byte(`{"date": "2023-06-01", "date": "2099-01-01", "household": {}}`), http.StatusBadRequest, "invalid",
			[]string{"date duplicate", "household.region required", "household.area required", "household.members empty"}},
		{"born after the date", []byte(`{"date": "2023-06-01", "household": {"region": "230102", "area": "urban",
			"members": [{"id": "a", "birth_date": "2024-01-01", "relation": "applicant", "labour": "full"}]}}`),
			http.StatusBadRequest, "invalid", []string{"household.members[0].birth_date future_date"}},
		// 齐齐哈尔 has no 低保 standard in the embedded data.
		{"not covered", []byte(`{"date": "2023-06-01", "household": {"region": "230202", "area": "urban",
			"members": [{"id": "a", "birth_date": "1980-01-01", "relation": "applicant", "labour": "full"}]}}`),
			http.StatusUnprocessableEntity, "not_covered", []string{"household.region not_covered"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := call(t, srv, http.MethodPost, "/v1/decide", "en", tc.body)
			assert.Equal(t, tc.status, a.status)
			assert.Equal(t, tc.kind, a.body["error"])
			assert.Equal(t, tc.codes, problemCodes(a))
			assert.NotEmpty(t, a.body["heading"])
		})
	}
}

func TestOversizedRequest(t *testing.T) {
	srv := newTestServer(t, Options{})
	big := append([]byte(`{"note": "`), bytes.Repeat([]byte("x"), 2<<20)...)
	a := call(t, srv, http.MethodPost, "/v1/decide", "", big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, a.status)
	assert.Equal(t, []string{" too_large"}, problemCodes(a))
}

// The embedded data is complete through 2023-12-31: a decision for
// 2025-06-01 rests on standards more than a year stale.
func TestStaleStandards(t *testing.T) {
	req := bytes.Replace(sample(t), []byte(`"date": "2024-06-01"`), []byte(`"date": "2025-06-01"`), 1)
	req = bytes.Replace(req, []byte(`"month": "2024-06-01"`), []byte(`"month": "2025-06-01"`), 1)
	a := call(t, newTestServer(t, Options{}), http.MethodPost, "/v1/decide", "", req)
	require.Equal(t, http.StatusOK, a.status, "%v", a.body)
	assert.Contains(t, string(mustJSON(t, a.body["decision"])), `"code":"stale_over_a_year"`)
	refused := call(t, newTestServer(t, Options{RefuseStale: true}), http.MethodPost, "/v1/decide", "", req)
	assert.Equal(t, http.StatusUnprocessableEntity, refused.status)
	assert.Equal(t, "stale", refused.body["error"])
	// A year and less after is decided all the same: 2024-06-01 in the sample.
	ok := call(t, newTestServer(t, Options{RefuseStale: true}), http.MethodPost, "/v1/decide", "", sample(t))
	assert.Equal(t, http.StatusOK, ok.status)
}

func mustJSON(t *testing.T, v any) []byte {
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}

func TestCheck(t *testing.T) {
	srv := newTestServer(t, Options{})
	ok := call(t, srv, http.MethodPost, "/v1/check", "", sample(t))
	assert.Equal(t, http.StatusOK, ok.status)
	assert.Equal(t, true, ok.body["ok"])
	bad := call(t, srv, http.MethodPost, "/v1/check", "", []byte(`{"household": {}}`))
	assert.Equal(t, http.StatusBadRequest, bad.status)
	assert.Contains(t, problemCodes(bad), "date required")
}

func TestStandardsEndpoint(t *testing.T) {
	srv := newTestServer(t, Options{})
	a := call(t, srv, http.MethodGet, "/v1/standards?region=230102&date=2023-06-01&area=urban", "en", nil)
	require.Equal(t, http.StatusOK, a.status, "%v", a.body)
	assert.Equal(t, "道里区", a.body["name"])
	found := map[string]map[string]any{}
	for _, n := range a.body["needs"].([]any) {
		nm := n.(map[string]any)
		found[nm["param"].(string)] = nm
	}
	// 哈民政规〔2023〕6号: 道里区 urban 850 from 2023-01-01.
	assert.Equal(t, "850", found["dibao_standard"]["value"])
	assert.Equal(t, "official", found["dibao_standard"]["reliability"])
	assert.Equal(t, true, found["rounding.payment_total"]["assumed"])
	assert.Equal(t, false, found["tier_table"]["held"], "no tier table is embedded")
	bad := call(t, srv, http.MethodGet, "/v1/standards?region=23&date=2023-13-01&area=town", "", nil)
	assert.Equal(t, http.StatusBadRequest, bad.status)
	assert.Equal(t, []string{"region bad_code", "date bad_date", "area bad_code"}, problemCodes(bad))
}

func TestHealthAndMethods(t *testing.T) {
	srv := newTestServer(t, Options{})
	h := call(t, srv, http.MethodGet, "/healthz", "", nil)
	assert.Equal(t, http.StatusOK, h.status)
	assert.Equal(t, "ok", h.body["status"])
	m := call(t, srv, http.MethodGet, "/v1/decide", "", nil)
	assert.Equal(t, http.StatusMethodNotAllowed, m.status)
	assert.Equal(t, http.MethodPost, m.header.Get("Allow"))
	// Every error body has problems with a code and a message in both
	// languages, this one too.
	ps := m.body["problems"].([]any)
	require.Len(t, ps, 1)
	p0 := ps[0].(map[string]any)
	assert.Equal(t, "method", p0["code"])
	assert.Equal(t, "此地址只接受 POST 请求", p0["message"].(map[string]any)["zh-Hans"])

	// /v1/standards without a date: required, not "not a date".
	s := call(t, srv, http.MethodGet, "/v1/standards?region=230102", "", nil)
	assert.Equal(t, http.StatusBadRequest, s.status)
	p0 = s.body["problems"].([]any)[0].(map[string]any)
	assert.Equal(t, "date", p0["path"])
	assert.Equal(t, "required", p0["code"])
}

// A body is read when it has no Content-Type or JSON's in UTF-8; one
// declared to be anything else is refused with 415 before it is read.
func TestContentType(t *testing.T) {
	srv := newTestServer(t, Options{})
	long := "text/" + strings.Repeat("汉", 70)
	for _, tc := range []struct {
		ct     string
		status int
		shown  string // in the message, when not ct
	}{
		{"", http.StatusOK, ""},
		{"application/json", http.StatusOK, ""},
		{"Application/JSON; charset=UTF-8", http.StatusOK, ""},
		{"application/problem+json", http.StatusOK, ""},
		{"application/json; charset=gbk", http.StatusUnsupportedMediaType, ""},
		{"application/json; version=2", http.StatusUnsupportedMediaType, ""},
		{"application/x-www-form-urlencoded", http.StatusUnsupportedMediaType, ""}, // curl -d without -H
		{"text/plain", http.StatusUnsupportedMediaType, ""},
		{"multipart/form-data; boundary=x", http.StatusUnsupportedMediaType, ""},
		{"application/jsonx", http.StatusUnsupportedMediaType, ""},
		{"text/+json", http.StatusUnsupportedMediaType, ""},
		{"application/json; charset", http.StatusUnsupportedMediaType, ""}, // malformed
		{"application/json; charset=utf8", http.StatusOK, ""},
		// In the message, a long type is cut to 60 characters, whole; bytes
		// that are not UTF-8 are shown as U+FFFD.
		{long, http.StatusUnsupportedMediaType, "text/" + strings.Repeat("汉", 55) + "…"},
		{"text/\xff\xfeplain", http.StatusUnsupportedMediaType, "text/\uFFFDplain"},
	} {
		t.Run(tc.ct, func(t *testing.T) {
			for _, path := range []string{"/v1/decide", "/v1/check"} {
				req, err := http.NewRequest(http.MethodPost, srv.URL+path, bytes.NewReader(sample(t)))
				require.NoError(t, err)
				if tc.ct != "" {
					req.Header.Set("Content-Type", tc.ct)
				}
				resp, err := srv.Client().Do(req)
				require.NoError(t, err)
				var m map[string]any
				require.NoError(t, json.NewDecoder(resp.Body).Decode(&m))
				resp.Body.Close()
				assert.Equal(t, tc.status, resp.StatusCode, path)
				if tc.status != http.StatusUnsupportedMediaType {
					continue
				}
				assert.Equal(t, "application/json", resp.Header.Get("Accept"))
				assert.Equal(t, "media_type", m["error"])
				ps := m["problems"].([]any)
				require.Len(t, ps, 1)
				p0 := ps[0].(map[string]any)
				assert.Equal(t, "media_type", p0["code"])
				shown := tc.shown
				if shown == "" {
					shown = tc.ct
				}
				assert.Equal(t, "请求内容须为 UTF-8 编码的 JSON（Content-Type: application/json），收到的是 "+shown,
					p0["message"].(map[string]any)["zh-Hans"])
			}
		})
	}
}

// Concurrent decisions on one Set give the same answers (run with -race).
func TestConcurrentRequests(t *testing.T) {
	srv := newTestServer(t, Options{})
	body := sample(t)
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := srv.Client().Post(srv.URL+"/v1/decide", "application/json", bytes.NewReader(body))
			if !assert.NoError(t, err) {
				return
			}
			defer resp.Body.Close()
			var m map[string]any
			assert.NoError(t, json.NewDecoder(resp.Body).Decode(&m))
			assert.Equal(t, "2500.83", m["decision"].(map[string]any)["total"])
		}()
	}
	wg.Wait()
}

// The access log has the method, path and status — never the household.
func TestAccessLogHasNoPersonalData(t *testing.T) {
	var buf bytes.Buffer
	srv := newTestServer(t, Options{Log: log.New(&buf, "", 0)})
	call(t, srv, http.MethodPost, "/v1/decide", "", sample(t))
	line := buf.String()
	assert.True(t, strings.HasPrefix(line, "POST /v1/decide 200 "), line)
	for _, personal := range []string{"wang-li", "230113", "1978-05-12", "10800"} {
		assert.NotContains(t, line, personal)
	}
}

// Shutting down lets a request in flight finish.
func TestGracefulShutdown(t *testing.T) {
	set, err := heilongjiang.Set()
	require.NoError(t, err)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		time.Sleep(200 * time.Millisecond)
		New(set, Options{}).ServeHTTP(w, r)
	})
	srv := &http.Server{Handler: slow, WriteTimeout: 5 * time.Second}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, srv, ln, log.New(io.Discard, "", 0)) }()
	got := make(chan int, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
		if err != nil {
			got <- 0
			return
		}
		resp.Body.Close()
		got <- resp.StatusCode
	}()
	<-started
	cancel()
	assert.Equal(t, http.StatusOK, <-got, "the request in flight finished")
	assert.NoError(t, <-done)
}

// Texts are in Chinese unless the client prefers English: a language the
// service does not speak (French) gets the default, Chinese.
func TestLanguageChoice(t *testing.T) {
	for _, tc := range []struct {
		header string
		want   language.Tag
	}{
		{"", language.SimplifiedChinese},
		{"en", language.English},
		{"en-GB,en;q=0.8", language.English},
		{"zh-CN,zh;q=0.9,en;q=0.5", language.SimplifiedChinese},
		{"fr", language.SimplifiedChinese},
		{"fr-FR,fr;q=0.9,en;q=0.5", language.English},
		{"not a header;;", language.SimplifiedChinese},
	} {
		r := httptest.NewRequest(http.MethodGet, "/healthz", nil)
		r.Header.Set("Accept-Language", tc.header)
		assert.Equal(t, tc.want, lang(r), "%q", tc.header)
	}
}

// A query's area that is neither urban nor rural is an unknown value
// (bad_code), not a missing one; an absent area is any.
func TestStandardsQueryArea(t *testing.T) {
	pe := queryProblems("230102", "2023-06-01", "x")
	require.NotNil(t, pe)
	assert.True(t, pe.Has("area", problem.BadCode), "%v", pe)
	assert.Nil(t, queryProblems("230102", "2023-06-01", ""))
	assert.Nil(t, queryProblems("230102", "2023-06-01", "rural"))
}
