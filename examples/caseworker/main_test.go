package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/language"

	"github.com/dibao-go/dibao/examples/caseworker/internal/view"
)

// outEnv names the folder where the browser tests keep their screenshots
// and printed PDFs; without it they go to a temporary folder, removed
// after the test.
const outEnv = "CASEWORKER_OUT"

// shared holds what the tests build once per test binary: the page (the
// WebAssembly build takes a while), its server and the browser.
var shared struct {
	buildOnce sync.Once
	dir       string
	result    BuildResult
	buildErr  error

	serveOnce sync.Once
	server    *httptest.Server

	browserMu sync.Mutex
	browser   *browser
	restarts  int
	profiles  []string
	stderr    tail // the browser's last words, for a browser that dies
}

// tail keeps the last few kilobytes written to it.
type tail struct {
	mu sync.Mutex
	b  []byte
}

func (t *tail) Write(p []byte) (int, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.b = append(t.b, p...)
	if n := len(t.b) - 4<<10; n > 0 {
		t.b = append(t.b[:0], t.b[n:]...)
	}
	return len(p), nil
}

func (t *tail) String() string {
	t.mu.Lock()
	defer t.mu.Unlock()
	return string(t.b)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if shared.browser != nil {
		shared.browser.close()
	}
	if shared.server != nil {
		shared.server.Close()
	}
	for _, d := range append([]string{shared.dir}, shared.profiles...) {
		if d != "" {
			os.RemoveAll(d)
		}
	}
	os.Exit(code)
}

// builtPage builds the page once and returns its folder.
func builtPage(t *testing.T) (string, BuildResult) {
	t.Helper()
	shared.buildOnce.Do(func() {
		shared.dir, shared.buildErr = os.MkdirTemp("", "caseworker-test-")
		if shared.buildErr != nil {
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
		defer cancel()
		start := time.Now()
		shared.result, shared.buildErr = Build(ctx, shared.dir, BuildOptions{})
		t.Logf("built the page in %s", time.Since(start).Round(time.Millisecond))
	})
	require.NoError(t, shared.buildErr)
	return shared.dir, shared.result
}

// pageURL serves the built page and returns its address.
func pageURL(t *testing.T) string {
	t.Helper()
	dir, _ := builtPage(t)
	shared.serveOnce.Do(func() { shared.server = httptest.NewServer(Handler(dir)) })
	return shared.server.URL + "/"
}

// TestBuild checks the folder Build writes: the static files as embedded,
// the toolchain's own wasm_exec.js, and a WebAssembly module of bounded
// size. It logs the sizes.
func TestBuild(t *testing.T) {
	dir, res := builtPage(t)
	assert.ElementsMatch(t, []string{"index.html", "style.css", "app.js", "wasm_exec.js", "main.wasm", "main.wasm.gz"}, res.Files)
	for _, name := range []string{"index.html", "style.css", "app.js"} {
		want, err := static.ReadFile("static/" + name)
		require.NoError(t, err)
		got, err := os.ReadFile(filepath.Join(dir, name))
		require.NoError(t, err)
		assert.Equal(t, want, got, name)
	}
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	require.NoError(t, err)
	want, err := wasmExec(strings.TrimSpace(string(goroot)))
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	require.NoError(t, err)
	assert.Equal(t, want, got, "wasm_exec.js is the toolchain's")

	wasm, err := os.ReadFile(filepath.Join(dir, "main.wasm"))
	require.NoError(t, err)
	assert.True(t, bytes.HasPrefix(wasm, []byte("\x00asm")), "a WebAssembly module")
	assert.Equal(t, int64(len(wasm)), res.WasmSize)
	gz, err := os.ReadFile(filepath.Join(dir, "main.wasm.gz"))
	require.NoError(t, err)
	assert.Equal(t, int64(len(gz)), res.WasmGzipSize)
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	require.NoError(t, err)
	unzipped, err := io.ReadAll(zr)
	require.NoError(t, err)
	assert.Equal(t, wasm, unzipped, "main.wasm.gz is main.wasm compressed")
	assert.Less(t, res.WasmGzipSize, int64(4<<20), "main.wasm gzipped stays under 4 MiB")
	t.Logf("main.wasm: %d bytes (%.2f MB), gzipped (level 9) %d bytes (%.2f MB)",
		res.WasmSize, float64(res.WasmSize)/1e6, res.WasmGzipSize, float64(res.WasmGzipSize)/1e6)
}

// A browser that takes gzip gets main.wasm.gz with Content-Encoding: gzip
// and the wasm content type; one that does not gets main.wasm.
func TestHandlerSendsWasmCompressed(t *testing.T) {
	dir := t.TempDir()
	wasm := bytes.Repeat([]byte("\x00asm\x01\x00\x00\x00"), 1000)
	gz, err := gzipBytes(wasm)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.wasm"), wasm, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "main.wasm.gz"), gz, 0o644))
	h := Handler(dir)
	for _, tc := range []struct {
		accept   string
		encoding string
		body     []byte
	}{
		{"gzip, deflate, br", "gzip", gz},
		{"br;q=1.0, gzip;q=0.8", "gzip", gz},
		{"gzip;q=0", "", wasm},
		{"", "", wasm},
	} {
		req := httptest.NewRequest("GET", "/main.wasm", nil)
		if tc.accept != "" {
			req.Header.Set("Accept-Encoding", tc.accept)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		require.Equal(t, 200, rec.Code, tc.accept)
		assert.Equal(t, "application/wasm", rec.Header().Get("Content-Type"), tc.accept)
		assert.Equal(t, tc.encoding, rec.Header().Get("Content-Encoding"), tc.accept)
		assert.Equal(t, tc.body, rec.Body.Bytes(), tc.accept)
	}
}

func TestBuildFailsOutsideAToolchain(t *testing.T) {
	_, err := Build(context.Background(), t.TempDir(), BuildOptions{Go: filepath.Join(t.TempDir(), "no-go")})
	assert.Error(t, err)
}

// TestHandler checks what the server sends: main.wasm as application/wasm
// (browsers compile it while it downloads only then), the content security
// policy, no caching of stale builds, and nothing but GET and HEAD.
func TestHandler(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{"index.html": "<!doctype html><title>x</title>", "main.wasm": "\x00asm\x01\x00\x00\x00",
		"app.js": "'use strict';", "style.css": "body{}", "wasm_exec.js": "'use strict';"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644))
	}
	h := Handler(dir)
	for _, tc := range []struct {
		method, path string
		status       int
		contentType  string
	}{
		{"GET", "/", 200, "text/html; charset=utf-8"},
		{"GET", "/main.wasm", 200, "application/wasm"},
		{"HEAD", "/main.wasm", 200, "application/wasm"},
		{"GET", "/app.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/wasm_exec.js", 200, "text/javascript; charset=utf-8"},
		{"GET", "/style.css", 200, "text/css; charset=utf-8"},
		{"GET", "/missing.js", 404, ""},
		{"POST", "/", 405, ""},
	} {
		t.Run(tc.method+tc.path, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			assert.Equal(t, tc.status, rec.Code)
			if tc.contentType != "" {
				assert.Equal(t, tc.contentType, rec.Header().Get("Content-Type"))
			}
			assert.Equal(t, contentSecurityPolicy, rec.Header().Get("Content-Security-Policy"))
			assert.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))
			if tc.status == 200 {
				assert.Equal(t, "no-cache", rec.Header().Get("Cache-Control"))
			}
		})
	}
}

// TestServe runs the command with -build and -serve and fetches the page
// and main.wasm from it.
func TestServe(t *testing.T) {
	builtPage(t) // the go command's cache makes the second build quick
	dir := t.TempDir()
	ln := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr syncBuffer
	done := make(chan error, 1)
	go func() { done <- runContext(ctx, []string{"-build", dir, "-serve", ln}, &stderr) }()
	var resp *http.Response
	require.Eventually(t, func() bool {
		var err error
		resp, err = http.Get("http://" + ln + "/main.wasm")
		return err == nil
	}, 5*time.Minute, 100*time.Millisecond, "the server never answered: %s", &stderr)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, "application/wasm", resp.Header.Get("Content-Type"))
	assert.True(t, bytes.HasPrefix(body, []byte("\x00asm")))
	cancel()
	require.NoError(t, <-done)
	assert.Contains(t, stderr.String(), "serving the page on http://"+ln+"/")
	assert.FileExists(t, filepath.Join(dir, "index.html"), "-build keeps its folder")
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"extra"}, {"-build"}, {"-nope"}} {
		var stderr bytes.Buffer
		assert.Error(t, run(args, &stderr), "%q", args)
	}
}

// TestPageWordsExist checks that every word key the page's files name is
// in the page's labels, in both languages.
func TestPageWordsExist(t *testing.T) {
	js, err := static.ReadFile("static/app.js")
	require.NoError(t, err)
	html, err := static.ReadFile("static/index.html")
	require.NoError(t, err)
	keys := map[string]bool{}
	for _, m := range regexp.MustCompile(`'((?:ui|warning)\.[a-z_]+)'`).FindAllSubmatch(js, -1) {
		keys[string(m[1])] = true
	}
	for _, m := range regexp.MustCompile(`data-label="([a-z_.]+)"`).FindAllSubmatch(html, -1) {
		keys[string(m[1])] = true
	}
	require.Greater(t, len(keys), 40)
	for _, tag := range []language.Tag{language.SimplifiedChinese, language.English} {
		words := view.Labels(tag)
		for k := range keys {
			assert.NotEmpty(t, words[k], "%s in %s", k, tag)
		}
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.NotFoundHandler())
	addr := srv.Listener.Addr().String()
	srv.Close()
	return addr
}

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two
// goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
