package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

// run runs the command until it is done or interrupted.
func run(args []string, stderr io.Writer) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runContext(ctx, args, stderr)
}

// runContext builds the page and, with -serve, serves it until ctx is done.
func runContext(ctx context.Context, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("caseworker", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("build", "", "build the page into this folder")
	addr := fs.String("serve", "", "serve the page on this address, e.g. :8080 (built into a temporary folder without -build)")
	debug := fs.Bool("debug", false, "keep the symbol table and debug information in main.wasm")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 || (*dir == "" && *addr == "") {
		return errors.New("usage: go run ./examples/caseworker [-build DIR] [-serve ADDR] [-debug]")
	}
	logger := log.New(stderr, "", log.LstdFlags)
	out := *dir
	if out == "" {
		tmp, err := os.MkdirTemp("", "caseworker-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		out = tmp
	}
	start := time.Now()
	res, err := Build(ctx, out, BuildOptions{Debug: *debug, Stderr: stderr})
	if err != nil {
		return err
	}
	logger.Printf("built %s in %s: main.wasm %s (%s gzipped)", out, time.Since(start).Round(time.Millisecond),
		size(res.WasmSize), size(res.WasmGzipSize))
	if *addr == "" {
		return nil
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: Handler(out), ReadHeaderTimeout: 5 * time.Second}
	logger.Printf("serving the page on http://%s/ (Ctrl-C stops)", browsable(ln.Addr()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

// browsable returns an address a browser can open: localhost for an
// unspecified host.
func browsable(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && t.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", t.Port)
	}
	return a.String()
}

func size(n int64) string { return fmt.Sprintf("%.2f MB", float64(n)/1e6) }
