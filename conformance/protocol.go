package conformance

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/dibao-go/dibao/money"
	"github.com/dibao-go/dibao/payment"
	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards"
)

// Input is one line of the protocol: a case's id, its standards and its
// request. Standards is the complete file to load (division register
// included) — the base with the case's settings merged, or the case's own
// file. When the case's settings are to be refused, Standards is absent and
// Base and Settings come apart.
type Input struct {
	ID              string          `json:"id"`
	Standards       json.RawMessage `json:"standards,omitempty"`
	Base            json.RawMessage `json:"base,omitempty"`
	Settings        json.RawMessage `json:"settings,omitempty"`
	AllowOutOfRange bool            `json:"allow_out_of_range,omitempty"`
	Request         json.RawMessage `json:"request,omitempty"`
}

// MaxLine bounds one protocol line (64 MiB), in both directions.
const MaxLine = 64 << 20

// Serve is this library's side of the protocol: it reads Inputs, one JSON
// object per line, and writes one answer per line until r ends. A line
// over MaxLine, or one that is not an Input, gets an error answer
// ("bad_input") and the stream goes on.
func Serve(r io.Reader, w io.Writer) error {
	br := bufio.NewReaderSize(r, 1<<20)
	for {
		line, err := readLine(br, MaxLine)
		switch {
		case errors.Is(err, errLineTooLong):
			if _, werr := w.Write(append(errorAnswer("bad_input", []AnswerProblem{{Code: string(problem.TooLarge)}}), '\n')); werr != nil {
				return werr
			}
			continue
		case errors.Is(err, io.EOF) && len(line) == 0:
			return nil
		case err != nil && !errors.Is(err, io.EOF):
			return err
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if _, err := w.Write(append(Answer1(line), '\n')); err != nil {
			return err
		}
	}
}

var errLineTooLong = errors.New("conformance: line too long")

// readLine reads one line of at most max bytes without keeping more; a
// longer line is consumed to its end and reported as errLineTooLong.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if len(line)+len(chunk) > max+1 {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = br.ReadSlice('\n')
			}
			if err != nil && !errors.Is(err, io.EOF) {
				return nil, err
			}
			return nil, errLineTooLong
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

func errorAnswer(kind string, problems []AnswerProblem) []byte {
	b, _ := json.Marshal(struct {
		Error    string          `json:"error"`
		Problems []AnswerProblem `json:"problems,omitempty"`
	}{kind, problems})
	return b
}

func problemsOf(pe *problem.Error) []AnswerProblem {
	out := make([]AnswerProblem, len(pe.Problems))
	for i, p := range pe.Problems {
		out[i] = AnswerProblem{Path: p.Path, Code: string(p.Code)}
	}
	return out
}

// Answer1 answers one input line with this library: a decision record, or
// an error answer.
func Answer1(line []byte) []byte {
	var in Input
	if err := json.Unmarshal(line, &in); err != nil {
		return errorAnswer("bad_input", nil)
	}
	var set *standards.Set
	var err error
	opts := standards.LoadOptions{AllowOutOfRange: in.AllowOutOfRange}
	if len(in.Settings) > 0 {
		var base *standards.Set
		if base, err = standards.Load(in.Base, opts); err == nil {
			set, err = standards.Merge(base, in.Settings, standards.MergeOptions{AllowOutOfRange: in.AllowOutOfRange})
		}
	} else {
		set, err = standards.Load(in.Standards, opts)
	}
	if err != nil {
		if pe, ok := problem.As(err); ok {
			return errorAnswer("bad_standards", problemsOf(pe))
		}
		return errorAnswer("bad_standards", nil)
	}
	d, err := payment.DecideJSON(in.Request, set)
	if err != nil {
		kind := ErrorKind(err)
		if pe, ok := problem.As(err); ok {
			return errorAnswer(kind, problemsOf(pe))
		}
		return errorAnswer(kind, nil)
	}
	b, err := d.MarshalJSON()
	if err != nil {
		return errorAnswer("bad_input", nil)
	}
	return b
}

// ErrorKind names the error a decision ends in, as error answers do:
// unknown_region for a region the division register does not hold,
// invalid_household and invalid_request for other input at fault,
// not_covered and rounding_required for what the standards cannot decide.
func ErrorKind(err error) string {
	pe, ok := problem.As(err)
	switch {
	case err == nil:
		return ""
	case !ok:
		return "bad_input"
	}
	for _, p := range pe.Problems {
		if p.Code == problem.UnknownRegion {
			return "unknown_region"
		}
	}
	if pe.NotCovered {
		for _, p := range pe.Problems {
			if p.Code == problem.RoundingRequired {
				return "rounding_required"
			}
		}
		return "not_covered"
	}
	for _, p := range pe.Problems {
		if strings.HasPrefix(p.Path, "household.") || p.Path == "household" {
			return "invalid_household"
		}
	}
	return "invalid_request"
}

// Implementation answers protocol lines: a program, or this library.
type Implementation interface {
	// Ask sends one input line and returns the answer line; an error is a
	// crash, a timeout or an answer that never came.
	Ask(input []byte, timeout time.Duration) ([]byte, error)
	// Close ends the implementation.
	Close() error
}

// Result is one case's outcome.
type Result struct {
	Case        Case
	Mismatches  []string // empty when the case passes
	Unsupported string   // the implementation's reason, when it does not support the case
	Total       string   // the answer's total, for the differences between cases
}

// Passed reports a passed case.
func (r Result) Passed() bool { return r.Unsupported == "" && len(r.Mismatches) == 0 }

// CheckOptions adjusts Check.
type CheckOptions struct {
	Timeout time.Duration // per case; 0 means 10 seconds
}

// Check runs every case through impl and returns the outcomes in order. A
// crash or a hang of the implementation fails that case, and the run goes
// on. Differences between cases' totals are checked once every case has
// answered.
func Check(cases []Case, impl Implementation, opts CheckOptions) ([]Result, error) {
	if opts.Timeout <= 0 {
		opts.Timeout = 10 * time.Second
	}
	out := make([]Result, 0, len(cases))
	byID := map[string]int{}
	for _, c := range cases {
		r := Result{Case: c}
		files, err := StandardsFiles(c.Standards)
		if err != nil {
			return nil, fmt.Errorf("case %s: %w", c.ID, err)
		}
		line, err := json.Marshal(Input{ID: c.ID, Standards: files.Standards, Base: files.Base, Settings: files.Settings,
			AllowOutOfRange: c.Standards.AllowOutOfRange, Request: c.Request})
		if err != nil {
			return nil, err
		}
		answer, err := impl.Ask(line, opts.Timeout)
		switch {
		case err != nil:
			r.Mismatches = []string{"no answer: " + err.Error()}
		default:
			a, perr := ParseAnswer(answer)
			switch {
			case perr != nil:
				r.Mismatches = []string{perr.Error()}
			case a.Unsupported != "":
				r.Unsupported = a.Unsupported
			default:
				r.Mismatches = Compare(c.Expect, a)
				r.Total = a.Total
			}
		}
		byID[c.ID] = len(out)
		out = append(out, r)
	}
	for i := range out {
		d := out[i].Case.Expect.Difference
		if d == nil || !out[i].Passed() {
			continue
		}
		j, ok := byID[d.Case]
		if !ok {
			out[i].Mismatches = append(out[i].Mismatches, fmt.Sprintf("difference: no case %q in this run", d.Case))
			continue
		}
		if out[j].Total == "" {
			out[i].Mismatches = append(out[i].Mismatches, fmt.Sprintf("difference: case %q has no total", d.Case))
			continue
		}
		a, err1 := money.ParseExact(out[i].Total)
		b, err2 := money.ParseExact(out[j].Total)
		diff, _ := a.Sub(b)
		if err1 != nil || err2 != nil || diff.Display() != d.Total {
			out[i].Mismatches = append(out[i].Mismatches, fmt.Sprintf("difference from %s: want %q, got %s − %s", d.Case, d.Total, out[i].Total, out[j].Total))
		}
	}
	return out, nil
}

// program is an external implementation, restarted after a crash or a hang.
type program struct {
	mu      sync.Mutex
	command func() *exec.Cmd
	cmd     *exec.Cmd
	stdin   io.WriteCloser
	answers chan []byte
	errs    chan error
}

// Program returns an implementation run by command (called again to
// restart it after a crash or a hang). The program reads one input per line
// on its standard input and writes one answer per line on its standard
// output.
func Program(command func() *exec.Cmd) Implementation { return &program{command: command} }

func (p *program) start() error {
	cmd := p.command()
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	answers, errs := make(chan []byte), make(chan error, 1)
	go func() {
		br := bufio.NewReaderSize(stdout, 1<<20)
		for {
			line, err := readLine(br, MaxLine)
			if err != nil && (len(line) == 0 || !errors.Is(err, io.EOF)) {
				if errors.Is(err, io.EOF) {
					err = errors.New("the program ended")
				}
				errs <- err
				return
			}
			answers <- line
		}
	}()
	p.cmd, p.stdin, p.answers, p.errs = cmd, stdin, answers, errs
	return nil
}

func (p *program) stop() {
	if p.cmd == nil {
		return
	}
	_ = p.stdin.Close()
	_ = p.cmd.Process.Kill()
	_ = p.cmd.Wait()
	p.cmd = nil
}

func (p *program) Ask(input []byte, timeout time.Duration) ([]byte, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil {
		if err := p.start(); err != nil {
			return nil, err
		}
	}
	if _, err := p.stdin.Write(append(input, '\n')); err != nil {
		p.stop()
		return nil, fmt.Errorf("writing to the program: %w", err)
	}
	select {
	case a := <-p.answers:
		return a, nil
	case err := <-p.errs:
		p.stop()
		return nil, err
	case <-time.After(timeout):
		p.stop()
		return nil, fmt.Errorf("no answer within %s", timeout)
	}
}

func (p *program) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cmd == nil {
		return nil
	}
	_ = p.stdin.Close()
	err := p.cmd.Wait()
	p.cmd = nil
	return err
}

// inProcess is this library answering in the same process.
type inProcess struct{}

// InProcess returns this library as an implementation, answering each line
// as Serve does.
func InProcess() Implementation { return inProcess{} }

func (inProcess) Ask(input []byte, _ time.Duration) ([]byte, error) { return Answer1(input), nil }
func (inProcess) Close() error                                      { return nil }

// Run runs one case with this library and returns its mismatches.
func Run(c Case) []string {
	results, err := Check([]Case{c}, InProcess(), CheckOptions{})
	if err != nil {
		return []string{err.Error()}
	}
	return results[0].Mismatches
}
