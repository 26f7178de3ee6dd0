package main

import (
	"encoding/json"
	"errors"
	"log"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/explain"
	"github.com/dibao-go/dibao/internal/report"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Options adjusts the service.
type Options struct {
	// RefuseStale refuses (422) a decision resting on standards more than a
	// year past the date their data is known complete through; by default
	// it is decided with a warning.
	RefuseStale bool
	// Timeout bounds the handling of one request (0: 10 seconds).
	Timeout time.Duration
	// Log receives the access log; nil logs nothing.
	Log *log.Logger
}

// New returns the service's handler for a standards Set.
func New(set *standards.Set, opts Options) http.Handler {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	s := &server{set: set, opts: opts}
	s.workers.New = func() any { return new(worker) }
	mux := http.NewServeMux()
	mux.HandleFunc("/v1/decide", s.only(http.MethodPost, s.jsonBody(s.decide)))
	mux.HandleFunc("/v1/check", s.only(http.MethodPost, s.jsonBody(s.check)))
	mux.HandleFunc("/v1/standards", s.only(http.MethodGet, s.standards))
	mux.HandleFunc("/healthz", s.only(http.MethodGet, s.health))
	timeoutBody, _ := json.Marshal(map[string]string{"error": "timeout"})
	return s.logged(http.TimeoutHandler(mux, opts.Timeout, string(timeoutBody)))
}

type server struct {
	set  *standards.Set
	opts Options
	// workers keeps warm Deciders (their buffers, and the plans they
	// compiled for the places and dates of earlier requests) with the
	// buffers their answers were written in.
	workers sync.Pool
}

// worker decides one request at a time.
type worker struct {
	dc  payment.Decider
	buf []byte // the last answer's, kept for the next up to maxKeptBuffer
}

// maxKeptBuffer bounds the answer buffer a worker keeps between requests.
const maxKeptBuffer = 1 << 20

// only refuses other methods with 405.
func (s *server) only(method string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method {
			w.Header().Set("Allow", method)
			s.problems(w, r, http.StatusMethodNotAllowed, "method_not_allowed", serviceError(report.MsgMethod, report.Str("method", method)))
			return
		}
		h(w, r)
	}
}

// jsonBody refuses with 415 a body declared to be other than JSON in UTF-8: a
// Content-Type of application/json or application/…+json, with no charset
// or utf-8 (utf8), is read, and so is a body without a Content-Type.
func (s *server) jsonBody(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if ct := r.Header.Get("Content-Type"); ct != "" && !isJSON(ct) {
			w.Header().Set("Accept", "application/json")
			s.problems(w, r, http.StatusUnsupportedMediaType, "media_type", serviceError(report.MsgMediaType, report.Str("type", ct)))
			return
		}
		h(w, r)
	}
}

// isJSON reports a Content-Type of JSON in UTF-8.
func isJSON(ct string) bool {
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	if mt != "application/json" && !(strings.HasPrefix(mt, "application/") && strings.HasSuffix(mt, "+json")) {
		return false
	}
	for k, v := range params {
		if k != "charset" || !strings.EqualFold(v, "utf-8") && !strings.EqualFold(v, "utf8") {
			return false
		}
	}
	return true
}

// lang picks the language from Accept-Language: zh-Hans unless English is preferred.
func lang(r *http.Request) language.Tag {
	tags, _, err := language.ParseAcceptLanguage(r.Header.Get("Accept-Language"))
	if err != nil || len(tags) == 0 {
		return language.SimplifiedChinese
	}
	m := language.NewMatcher([]language.Tag{language.SimplifiedChinese, language.English})
	tag, _, conf := m.Match(tags...)
	if base, _ := tag.Base(); conf != language.No && base.String() == "en" {
		return language.English
	}
	return language.SimplifiedChinese
}

func langName(tag language.Tag) string {
	if tag == language.English {
		return "en"
	}
	return "zh-Hans"
}

func (s *server) write(w http.ResponseWriter, r *http.Request, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"internal"}`)
	}
	s.writeJSON(w, r, status, append(b, '\n'))
}

// writeJSON answers with b, JSON ending in a newline.
func (s *server) writeJSON(w http.ResponseWriter, r *http.Request, status int, b []byte) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Language", langName(lang(r)))
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// problemBody is the JSON of an answer that is not a decision.
type problemBody struct {
	Error    string            `json:"error"`
	Heading  string            `json:"heading,omitempty"`
	Problems []problem.Problem `json:"problems,omitempty"`
}

func (s *server) problems(w http.ResponseWriter, r *http.Request, status int, kind string, pe *problem.Error) {
	body := problemBody{Error: kind}
	if pe != nil {
		body.Heading, body.Problems = pe.Heading(lang(r)), pe.Problems
	}
	s.write(w, r, status, body)
}

// read reads a request body up to payment.MaxRequestSize, answering 413
// beyond it.
func (s *server) read(w http.ResponseWriter, r *http.Request) ([]byte, bool) {
	data, err := readBody(w, r, payment.MaxRequestSize)
	var tooLarge *http.MaxBytesError
	switch {
	case errors.As(err, &tooLarge):
		s.problems(w, r, http.StatusRequestEntityTooLarge, "too_large", tooLargeError(payment.MaxRequestSize))
		return nil, false
	case err != nil:
		s.problems(w, r, http.StatusBadRequest, "unreadable", serviceError(report.MsgUnreadable))
		return nil, false
	}
	return data, true
}

// answerError answers a library error: 400 for the input's fault, 422 for
// what the standards cannot decide.
func (s *server) answerError(w http.ResponseWriter, r *http.Request, err error) {
	pe, ok := problem.As(err)
	switch {
	case !ok:
		s.problems(w, r, http.StatusInternalServerError, "internal", serviceError(report.MsgUnavailable))
	case pe.NotCovered:
		s.problems(w, r, http.StatusUnprocessableEntity, "not_covered", pe)
	default:
		s.problems(w, r, http.StatusBadRequest, "invalid", pe)
	}
}

func (s *server) decide(w http.ResponseWriter, r *http.Request) {
	data, ok := s.read(w, r)
	if !ok {
		return
	}
	wk := s.workers.Get().(*worker)
	defer s.workers.Put(wk) // after the decision, which lives in its buffers, is written
	d, err := wk.dc.DecideJSON(data, s.set)
	if err != nil {
		s.answerError(w, r, err)
		return
	}
	tag := lang(r)
	if s.opts.RefuseStale && d.StaleOverAYear() {
		s.problems(w, r, http.StatusUnprocessableEntity, "stale", staleError(s.set))
		return
	}
	b, err := wk.answer(d, tag)
	if err != nil {
		s.problems(w, r, http.StatusInternalServerError, "internal", serviceError(report.MsgUnavailable))
		return
	}
	s.writeJSON(w, r, http.StatusOK, b)
}

// answer writes a decision's answer, {"decision":…,"explanation":…,
// "language":…} and a newline, in the worker's buffer: the record appended
// in place rather than built apart and copied in. The answer is valid until
// the worker's next. (The record's strings are written without the HTML
// escapes encoding/json adds; the explanation's keep them.)
func (wk *worker) answer(d *payment.Decision, tag language.Tag) ([]byte, error) {
	explanation, err := json.Marshal(d.Explain(tag))
	if err != nil {
		return nil, err
	}
	b := append(wk.buf[:0], `{"decision":`...)
	if b, err = d.AppendJSON(b); err != nil {
		return nil, err
	}
	b = append(append(b, `,"explanation":`...), explanation...)
	b = append(append(append(b, `,"language":"`...), langName(tag)...), "\"}\n"...)
	if cap(b) <= maxKeptBuffer {
		wk.buf = b
	}
	return b, nil
}

func (s *server) check(w http.ResponseWriter, r *http.Request) {
	data, ok := s.read(w, r)
	if !ok {
		return
	}
	if _, err := payment.DecodeRequest(data); err != nil {
		s.answerError(w, r, err)
		return
	}
	s.write(w, r, http.StatusOK, map[string]bool{"ok": true})
}

// need is one entry of the /v1/standards answer.
type need struct {
	Param       string           `json:"param"`
	Name        string           `json:"name"`
	Area        string           `json:"area,omitempty"`
	When        string           `json:"when"`
	Held        bool             `json:"held"`
	Value       json.RawMessage  `json:"value,omitempty"`
	Shown       string           `json:"shown,omitempty"`
	From        string           `json:"from,omitempty"`
	Source      string           `json:"source,omitempty"`
	Reliability string           `json:"reliability,omitempty"`
	Stale       bool             `json:"stale,omitempty"`
	Assumed     bool             `json:"assumed,omitempty"`
	Missing     *problem.Problem `json:"missing,omitempty"`
}

func (s *server) standards(w http.ResponseWriter, r *http.Request) {
	tag := lang(r)
	q := r.URL.Query()
	if pe := queryProblems(q.Get("region"), q.Get("date"), q.Get("area")); pe != nil {
		s.problems(w, r, http.StatusBadRequest, "invalid", pe)
		return
	}
	region, _ := standards.ParseRegion(q.Get("region"))
	date, _ := standards.ParseDate(q.Get("date"))
	area, _ := standards.ParseArea(q.Get("area"))
	needs, err := standards.Needs(s.set, region, area, date, standards.Date{})
	if err != nil {
		if p, ok := standards.ProblemOf(err, "region"); ok {
			s.problems(w, r, http.StatusBadRequest, "invalid", &problem.Error{Subject: problem.SubjectInput, Problems: []problem.Problem{p}})
			return
		}
		s.problems(w, r, http.StatusInternalServerError, "internal", serviceError(report.MsgUnavailable))
		return
	}
	out := make([]need, 0, len(needs))
	for _, n := range needs {
		e := need{Param: n.Key.Name(), Name: n.Key.Label(tag), Area: n.Area.String(), When: n.When.Words(tag), Held: n.Held}
		if n.Held {
			e.Value, _ = standards.EncodeValue(n.Key, n.Value)
			e.Shown = explain.FormatValue(n.Key, n.Value, tag)
			e.From, e.Source = n.Provenance.From.String(), n.Provenance.Source.Document
			e.Reliability, e.Stale, e.Assumed = n.Provenance.Source.Reliability.String(), n.Provenance.Stale, n.Provenance.Assumed()
		} else if n.Err != nil {
			if p, ok := standards.ProblemOf(n.Err, ""); ok {
				e.Missing = &p
			}
		}
		out = append(out, e)
	}
	s.write(w, r, http.StatusOK, struct {
		Region    string `json:"region"`
		Name      string `json:"name"`
		Date      string `json:"date"`
		Standards string `json:"standards"`
		Needs     []need `json:"needs"`
	}{region.String(), s.set.Divisions().Name(region), date.String(), s.set.Identity(), out})
}

func (s *server) health(w http.ResponseWriter, r *http.Request) {
	s.write(w, r, http.StatusOK, map[string]any{"status": "ok", "standards": map[string]string{
		"name": s.set.Name(), "identity": s.set.Identity(), "data_version": s.set.DataVersion(),
		"complete_through": s.set.CompleteThrough().String()}})
}

// statusWriter remembers the status and size of an answer, for the log.
type statusWriter struct {
	http.ResponseWriter
	status, size int
}

func (w *statusWriter) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.size += n
	return n, err
}

// logged writes the access log: method, path, status, size, time. No
// query string, no body, nothing about the household.
func (s *server) logged(h http.Handler) http.Handler {
	if s.opts.Log == nil {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		s.opts.Log.Printf("%s %s %d %dB %s", r.Method, r.URL.Path, sw.status, sw.size,
			strconv.FormatFloat(time.Since(start).Seconds()*1000, 'f', 1, 64)+"ms")
	})
}
