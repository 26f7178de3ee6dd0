package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/dibao-go/dibao/examples/internal/settings"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", ":8080", "address to listen on")
	settingsPath := fs.String("settings", "", "a local settings file merged over the embedded data")
	refuseStale := fs.Bool("refuse-stale", false, "refuse (422) decisions resting on standards more than a year past their complete-through date")
	timeout := fs.Duration("timeout", 10*time.Second, "time allowed for one request")
	if err := fs.Parse(args); err != nil {
		return err
	}
	set, err := settings.Load(*settingsPath)
	if err != nil {
		return err
	}
	logger := log.New(os.Stderr, "", log.LstdFlags)
	srv := &http.Server{
		Addr:              *addr,
		Handler:           New(set, Options{RefuseStale: *refuseStale, Timeout: *timeout, Log: logger}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       *timeout,
		WriteTimeout:      *timeout + 5*time.Second,
		IdleTimeout:       time.Minute,
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	logger.Printf("serving %s (%s) on %s", set.Name(), set.Identity(), ln.Addr())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, srv, ln, logger)
}

// serve serves on ln until ctx is done, then shuts down gracefully: no new
// connections, requests in flight finish (within the write timeout).
func serve(ctx context.Context, srv *http.Server, ln net.Listener, logger *log.Logger) error {
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Printf("shutting down")
	shutdown, cancel := context.WithTimeout(context.Background(), srv.WriteTimeout+5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdown); err != nil {
		return err
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
