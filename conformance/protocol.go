package conformance

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"sync"

	"github.com/dibao-go/dibao/standards"
)

// Input is one line of the protocol sent to an implementation: a case's
// id, its complete standards file (division register included) and its
// decision request (the payment package's request JSON).
type Input struct {
	ID        string          `json:"id"`
	Standards json.RawMessage `json:"standards"`
	Request   json.RawMessage `json:"request"`
}

// MaxLine bounds one protocol line (64 MiB).
const MaxLine = 64 << 20

// Serve is this library's side of the protocol: it reads Inputs, one JSON
// object per line, and writes one answer per line — a decision in the
// payment JSON form, or {"error": kind} — until r ends.
func Serve(r io.Reader, w io.Writer) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), MaxLine)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		answer := serveOne(sc.Bytes())
		if _, err := w.Write(append(answer, '\n')); err != nil {
			return err
		}
	}
	return sc.Err()
}

func serveOne(line []byte) []byte {
	var in Input
	if err := json.Unmarshal(line, &in); err != nil {
		b, _ := json.Marshal(map[string]string{"error": "bad_input: " + err.Error()})
		return b
	}
	set, err := standards.Load(in.Standards, standards.LoadOptions{})
	if err != nil {
		b, _ := json.Marshal(map[string]string{"error": "bad_standards: " + err.Error()})
		return b
	}
	b, err := decideWith(set, in.Request)
	if err != nil {
		b, _ = json.Marshal(map[string]string{"error": "other: " + err.Error()})
	}
	return b
}

// Asker sends one Input line and returns the answer line.
type Asker func(input []byte) ([]byte, error)

// Result is one case's outcome against an implementation.
type Result struct {
	ID         string
	Mismatches []string // empty when the case passes
}

// Check runs every case through ask and returns the outcomes in order.
func Check(cases []Case, ask Asker) ([]Result, error) {
	var out []Result
	for _, c := range cases {
		std, err := StandardsFile(c.Standards)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
		line, err := json.Marshal(Input{ID: c.ID, Standards: std, Request: c.Request})
		if err != nil {
			return nil, err
		}
		answer, err := ask(line)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
		out = append(out, Result{ID: c.ID, Mismatches: Compare(c.Expect, answer)})
	}
	return out, nil
}

// Program starts an external implementation that speaks the protocol on
// its standard input and output, and returns an Asker for it and a function
// that closes its input and waits for it.
func Program(cmd *exec.Cmd) (Asker, func() error, error) {
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, nil, err
	}
	return lineAsker(stdin, stdout), func() error {
		_ = stdin.Close()
		return cmd.Wait()
	}, nil
}

// lineAsker writes a line to w and reads the answer line from r.
func lineAsker(w io.Writer, r io.Reader) Asker {
	br := bufio.NewReaderSize(r, 1<<20)
	var mu sync.Mutex
	return func(input []byte) ([]byte, error) {
		mu.Lock()
		defer mu.Unlock()
		if _, err := w.Write(append(input, '\n')); err != nil {
			return nil, err
		}
		line, err := br.ReadBytes('\n')
		if err != nil && !(errors.Is(err, io.EOF) && len(line) > 0) {
			return nil, fmt.Errorf("reading the answer: %w", err)
		}
		return line, nil
	}
}

// InProcess returns an Asker served by this library in the same process,
// through the same line protocol.
func InProcess() (Asker, func() error) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		err := Serve(inR, outW)
		_ = outW.CloseWithError(err)
		done <- err
	}()
	return lineAsker(inW, outR), func() error {
		_ = inW.Close()
		return <-done
	}
}
