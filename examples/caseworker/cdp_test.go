package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// A minimal client of the Chrome DevTools protocol over
// --remote-debugging-pipe: the browser reads commands from its file
// descriptor 3 and writes answers and events to its descriptor 4, each a
// JSON object ended by a NUL byte. Only the standard library.

// findBrowser returns the first of chromium, chromium-browser and
// google-chrome on PATH.
func findBrowser() (string, bool) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, true
		}
	}
	return "", false
}

type cdpError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
	Data    string `json:"data"`
}

type cdpMessage struct {
	ID        int64           `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *cdpError       `json:"error,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
}

// browser is a headless Chromium driven over its pipe.
type browser struct {
	cmd  *exec.Cmd
	in   *os.File // our end of the browser's descriptor 3
	out  *os.File // our end of its descriptor 4
	done chan struct{}

	mu      sync.Mutex
	next    int64
	pending map[int64]chan cdpMessage
	events  map[string][]cdpMessage // by session: exceptions and console errors
	readErr error
}

func startBrowser(path, profile string, stderr io.Writer) (*browser, error) {
	r3, w3, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	r4, w4, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(path,
		"--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
		"--user-data-dir="+profile, "--no-first-run", "--no-default-browser-check",
		"--disable-extensions", "--disable-dev-shm-usage", "--disable-background-networking",
		"--hide-scrollbars", "--mute-audio", "--window-size=1280,1600", "about:blank")
	cmd.ExtraFiles = []*os.File{r3, w4} // descriptors 3 and 4
	cmd.Stderr = stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	r3.Close()
	w4.Close()
	b := &browser{cmd: cmd, in: w3, out: r4, done: make(chan struct{}),
		pending: map[int64]chan cdpMessage{}, events: map[string][]cdpMessage{}}
	go b.read()
	return b, nil
}

func (b *browser) read() {
	defer close(b.done)
	br := bufio.NewReaderSize(b.out, 1<<20)
	for {
		line, err := br.ReadBytes(0)
		if err != nil {
			b.mu.Lock()
			b.readErr = err
			for id, ch := range b.pending {
				close(ch)
				delete(b.pending, id)
			}
			b.mu.Unlock()
			return
		}
		var m cdpMessage
		if json.Unmarshal(line[:len(line)-1], &m) != nil {
			continue
		}
		b.mu.Lock()
		if m.ID != 0 {
			if ch, ok := b.pending[m.ID]; ok {
				ch <- m
				delete(b.pending, m.ID)
			}
		} else if m.Method == "Runtime.exceptionThrown" || (m.Method == "Runtime.consoleAPICalled" && strings.Contains(string(m.Params), `"type":"error"`)) {
			b.events[m.SessionID] = append(b.events[m.SessionID], m)
		}
		b.mu.Unlock()
	}
}

// call sends a command (to a page's session, or to the browser when
// session is "") and decodes its result into result.
func (b *browser) call(ctx context.Context, session, method string, params, result any) error {
	ch := make(chan cdpMessage, 1)
	b.mu.Lock()
	if b.readErr != nil {
		b.mu.Unlock()
		return fmt.Errorf("%s: the browser is gone: %w", method, b.readErr)
	}
	b.next++
	id := b.next
	b.pending[id] = ch
	b.mu.Unlock()
	msg := map[string]any{"id": id, "method": method}
	if params != nil {
		msg["params"] = params
	}
	if session != "" {
		msg["sessionId"] = session
	}
	data, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	if _, err := b.in.Write(append(data, 0)); err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return fmt.Errorf("%s: the browser closed the pipe", method)
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %s %s", method, m.Error.Message, m.Error.Data)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		b.mu.Lock()
		delete(b.pending, id)
		b.mu.Unlock()
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// errorsOf returns the exceptions and console errors a page reported.
func (b *browser) errorsOf(session string) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []string
	for _, m := range b.events[session] {
		out = append(out, m.Method+": "+string(m.Params))
	}
	return out
}

// alive reports whether the browser's pipe is still open.
func (b *browser) alive() bool {
	select {
	case <-b.done:
		return false
	default:
		return true
	}
}

func (b *browser) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = b.call(ctx, "", "Browser.close", nil, nil)
	select {
	case <-b.done:
	case <-time.After(5 * time.Second):
		_ = b.cmd.Process.Kill()
	}
	b.in.Close()
	_ = b.cmd.Wait()
	b.out.Close()
}

// tab is one page of the browser.
type tab struct {
	b       *browser
	target  string
	session string
}

func (b *browser) newTab(ctx context.Context) (*tab, error) {
	var created struct {
		TargetID string `json:"targetId"`
	}
	if err := b.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &created); err != nil {
		return nil, err
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := b.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": created.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	t := &tab{b: b, target: created.TargetID, session: attached.SessionID}
	for _, m := range []string{"Runtime.enable", "Page.enable"} {
		if err := t.call(ctx, m, nil, nil); err != nil {
			return nil, err
		}
	}
	return t, nil
}

func (t *tab) call(ctx context.Context, method string, params, result any) error {
	return t.b.call(ctx, t.session, method, params, result)
}

func (t *tab) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = t.b.call(ctx, "", "Target.closeTarget", map[string]any{"targetId": t.target}, nil)
}

// errors returns the page's uncaught exceptions and console errors.
func (t *tab) errors() []string { return t.b.errorsOf(t.session) }

func (t *tab) navigate(ctx context.Context, url string) error {
	var res struct {
		ErrorText string `json:"errorText"`
	}
	if err := t.call(ctx, "Page.navigate", map[string]any{"url": url}, &res); err != nil {
		return err
	}
	if res.ErrorText != "" {
		return errors.New("navigate: " + res.ErrorText)
	}
	return nil
}

// eval evaluates a JavaScript expression (awaiting a promise) and decodes
// its JSON value into out.
func (t *tab) eval(ctx context.Context, expr string, out any) error {
	var res struct {
		Result struct {
			Value json.RawMessage `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text      string `json:"text"`
			Exception struct {
				Description string `json:"description"`
			} `json:"exception"`
		} `json:"exceptionDetails"`
	}
	err := t.call(ctx, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true, "awaitPromise": true}, &res)
	if err != nil {
		return err
	}
	if d := res.ExceptionDetails; d != nil {
		return fmt.Errorf("evaluate: %s %s", d.Text, d.Exception.Description)
	}
	if out == nil || len(res.Result.Value) == 0 {
		return nil
	}
	return json.Unmarshal(res.Result.Value, out)
}

// waitFor waits until a JavaScript condition holds in the page, through
// navigations (an evaluation in a document being replaced is retried).
func (t *tab) waitFor(ctx context.Context, cond string) error {
	expr := `new Promise((resolve) => {
		const t0 = Date.now();
		(function poll() {
			let ok = false;
			try { ok = !!(` + cond + `); } catch (e) {}
			if (ok) resolve(true); else if (Date.now() - t0 > 2000) resolve(false); else setTimeout(poll, 10);
		})();
	})`
	for {
		var ok bool
		err := t.eval(ctx, expr, &ok)
		if err == nil && ok {
			return nil
		}
		if ctx.Err() != nil {
			msg := "condition never held"
			if err != nil {
				msg = err.Error()
			}
			return fmt.Errorf("waiting for %s: %s (%w)", cond, msg, ctx.Err())
		}
		if err != nil {
			time.Sleep(20 * time.Millisecond) // a document being replaced
		}
	}
}

// setFiles chooses files for the file input the selector finds, as a
// person would in the file dialog: the input's change event fires.
func (t *tab) setFiles(ctx context.Context, selector string, files ...string) error {
	var res struct {
		Result struct {
			ObjectID string `json:"objectId"`
		} `json:"result"`
	}
	if err := t.call(ctx, "Runtime.evaluate", map[string]any{"expression": "document.querySelector(" + jsString(selector) + ")"}, &res); err != nil {
		return err
	}
	if res.Result.ObjectID == "" {
		return fmt.Errorf("no element %s", selector)
	}
	return t.call(ctx, "DOM.setFileInputFiles", map[string]any{"files": files, "objectId": res.Result.ObjectID}, nil)
}

// press sends a key press (down and up) to the focused element.
func (t *tab) press(ctx context.Context, key string) error {
	codes := map[string]int{"Enter": 13, "Tab": 9, " ": 32}
	code, ok := codes[key]
	if !ok {
		return fmt.Errorf("press: no key code for %q", key)
	}
	down := map[string]any{"type": "keyDown", "key": key, "code": key, "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
	switch key {
	case "Enter":
		down["text"] = "\r"
	case " ":
		down["text"], down["code"] = " ", "Space"
	}
	if err := t.call(ctx, "Input.dispatchKeyEvent", down, nil); err != nil {
		return err
	}
	up := map[string]any{"type": "keyUp", "key": key, "code": down["code"], "windowsVirtualKeyCode": code, "nativeVirtualKeyCode": code}
	return t.call(ctx, "Input.dispatchKeyEvent", up, nil)
}

// screenshot captures the whole page as PNG.
func (t *tab) screenshot(ctx context.Context, width, height int) ([]byte, error) {
	if err := t.call(ctx, "Emulation.setDeviceMetricsOverride", map[string]any{
		"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}, nil); err != nil {
		return nil, err
	}
	var res struct {
		Data string `json:"data"`
	}
	if err := t.call(ctx, "Page.captureScreenshot", map[string]any{"format": "png", "captureBeyondViewport": true}, &res); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(res.Data)
}

// printPreview captures the page as the print style sheet lays it out,
// width pixels wide (the printable width of the paper), and the height
// of that layout in CSS pixels.
func (t *tab) printPreview(ctx context.Context, width int) ([]byte, float64, error) {
	if err := t.call(ctx, "Emulation.setEmulatedMedia", map[string]any{"media": "print"}, nil); err != nil {
		return nil, 0, err
	}
	defer t.call(ctx, "Emulation.setEmulatedMedia", map[string]any{"media": ""}, nil)
	shot, err := t.screenshot(ctx, width, 400)
	if err != nil {
		return nil, 0, err
	}
	var height float64
	err = t.eval(ctx, `document.documentElement.getBoundingClientRect().height`, &height)
	return shot, height, err
}

// printPDF prints the page with its print style sheet, on the paper its
// @page rule asks for.
func (t *tab) printPDF(ctx context.Context) ([]byte, error) {
	var res struct {
		Data string `json:"data"`
	}
	if err := t.call(ctx, "Page.printToPDF", map[string]any{"preferCSSPageSize": true, "printBackground": true}, &res); err != nil {
		return nil, err
	}
	return base64.StdEncoding.DecodeString(res.Data)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
