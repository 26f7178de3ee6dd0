package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
)

// wasmPackage is the page's decision program, built for GOOS=js GOARCH=wasm.
const wasmPackage = "github.com/dibao-go/dibao/examples/caseworker/wasm"

//go:embed static
var static embed.FS

// BuildOptions adjusts Build.
type BuildOptions struct {
	// Go is the go command ("" is the go on PATH).
	Go string
	// Debug keeps the symbol table and DWARF in main.wasm.
	Debug bool
	// Stderr receives the go command's errors (nil: discarded, but they
	// are in the error returned).
	Stderr io.Writer
}

// BuildResult describes a built page.
type BuildResult struct {
	Files        []string // the files written, relative to the folder
	WasmSize     int64    // main.wasm's size in bytes
	WasmGzipSize int64    // its size gzipped (level 9), as a server would send it
}

// Build builds the page into dir: main.wasm from the decision program,
// wasm_exec.js from the Go toolchain that built it, and the page's static
// files (index.html, style.css, app.js). It must run inside the module.
func Build(ctx context.Context, dir string, opts BuildOptions) (BuildResult, error) {
	goCmd := opts.Go
	if goCmd == "" {
		goCmd = "go"
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return BuildResult{}, err
	}
	var res BuildResult
	// The static files.
	err := fs.WalkDir(static, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := static.ReadFile(p)
		if err != nil {
			return err
		}
		name := strings.TrimPrefix(p, "static/")
		res.Files = append(res.Files, name)
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(name)), b, 0o644)
	})
	if err != nil {
		return BuildResult{}, err
	}
	// wasm_exec.js of the toolchain that builds main.wasm: the two must match.
	goroot, err := goOutput(ctx, goCmd, nil, "env", "GOROOT")
	if err != nil {
		return BuildResult{}, err
	}
	support, err := wasmExec(strings.TrimSpace(goroot))
	if err != nil {
		return BuildResult{}, err
	}
	if err := os.WriteFile(filepath.Join(dir, "wasm_exec.js"), support, 0o644); err != nil {
		return BuildResult{}, err
	}
	res.Files = append(res.Files, "wasm_exec.js")
	// main.wasm.
	out, err := filepath.Abs(filepath.Join(dir, "main.wasm"))
	if err != nil {
		return BuildResult{}, err
	}
	args := []string{"build", "-trimpath", "-o", out}
	if !opts.Debug {
		args = append(args, "-ldflags=-s -w")
	}
	args = append(args, wasmPackage)
	if _, err := goOutput(ctx, goCmd, opts.Stderr, args...); err != nil {
		return BuildResult{}, err
	}
	res.Files = append(res.Files, "main.wasm")
	wasm, err := os.ReadFile(out)
	if err != nil {
		return BuildResult{}, err
	}
	res.WasmSize = int64(len(wasm))
	// main.wasm.gz beside it, for servers that send it compressed (Handler
	// does): 2.7 MB over the wire instead of 11.6.
	gz, err := gzipBytes(wasm)
	if err != nil {
		return BuildResult{}, err
	}
	res.WasmGzipSize = int64(len(gz))
	if err := os.WriteFile(out+".gz", gz, 0o644); err != nil {
		return BuildResult{}, err
	}
	res.Files = append(res.Files, "main.wasm.gz")
	return res, nil
}

// goOutput runs the go command for GOOS=js GOARCH=wasm and returns its
// standard output.
func goOutput(ctx context.Context, goCmd string, stderr io.Writer, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, goCmd, args...)
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm", "CGO_ENABLED=0")
	var errBuf bytes.Buffer
	cmd.Stderr = &errBuf
	if stderr != nil {
		cmd.Stderr = io.MultiWriter(&errBuf, stderr)
	}
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("%s %s: %w\n%s", goCmd, strings.Join(args, " "), err, bytes.TrimSpace(errBuf.Bytes()))
	}
	return string(b), nil
}

// wasmExec reads wasm_exec.js from GOROOT: lib/wasm since Go 1.24,
// misc/wasm before.
func wasmExec(goroot string) ([]byte, error) {
	var errs []error
	for _, p := range []string{"lib/wasm/wasm_exec.js", "misc/wasm/wasm_exec.js"} {
		b, err := os.ReadFile(filepath.Join(goroot, filepath.FromSlash(p)))
		if err == nil {
			return b, nil
		}
		errs = append(errs, err)
	}
	return nil, fmt.Errorf("wasm_exec.js not found in GOROOT %s: %w", goroot, errors.Join(errs...))
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// acceptsGzip reports a request that takes a gzip-encoded answer.
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, q, _ := strings.Cut(strings.TrimSpace(part), ";")
		if strings.TrimSpace(name) == "gzip" && strings.ReplaceAll(strings.TrimSpace(q), " ", "") != "q=0" {
			return true
		}
	}
	return false
}

// contentSecurityPolicy allows the page its own files and the compilation
// of its WebAssembly, and nothing else: no other origin, no inline script,
// no form submission anywhere.
const contentSecurityPolicy = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
	"style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves a built page from dir: main.wasm as application/wasm,
// with the page's content security policy, never cached stale.
func Handler(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		switch path.Ext(r.URL.Path) {
		case ".wasm":
			h.Set("Content-Type", "application/wasm")
			h.Set("Vary", "Accept-Encoding")
			if gz, err := os.Open(filepath.Join(dir, filepath.FromSlash(path.Clean("/"+r.URL.Path))+".gz")); err == nil && acceptsGzip(r) {
				defer gz.Close()
				if st, err := gz.Stat(); err == nil {
					h.Set("Content-Encoding", "gzip")
					h.Set("Cache-Control", "no-cache")
					http.ServeContent(w, r, "", st.ModTime(), gz)
					return
				}
			}
		case ".js":
			h.Set("Content-Type", "text/javascript; charset=utf-8")
		case ".css":
			h.Set("Content-Type", "text/css; charset=utf-8")
		}
		h.Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
