package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSuiteInProcess(t *testing.T) {
	var out bytes.Buffer
	code, err := run(nil, nil, &out)
	require.NoError(t, err)
	assert.Equal(t, 0, code, out.String())
	assert.Regexp(t, `(?m)^\d+ passed, 0 failed, 0 unsupported\n$`, out.String())
}

func build(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "conform")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Stderr = os.Stderr
	require.NoError(t, cmd.Run())
	return bin
}

// The runner drives an external program: this package's own binary in serve mode.
func TestSuiteAgainstAProgram(t *testing.T) {
	bin := build(t)
	var out bytes.Buffer
	report := filepath.Join(t.TempDir(), "report.json")
	code, err := run([]string{"-json", report, "--", bin, "serve"}, nil, &out)
	require.NoError(t, err)
	assert.Equal(t, 0, code, out.String())
	assert.Regexp(t, `\d+ passed, 0 failed, 0 unsupported\n$`, out.String())
	var rep struct {
		Passed int `json:"passed"`
		Cases  []struct {
			ID, Outcome string
		} `json:"cases"`
	}
	b, err := os.ReadFile(report)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &rep))
	assert.Equal(t, len(rep.Cases), rep.Passed)
}

// A program that crashes on one case, hangs on another and supports only
// some: each of those cases is counted, the rest still run.
func TestCrashHangAndUnsupported(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a shell script")
	}
	script := filepath.Join(t.TempDir(), "impl.sh")
	// It reads lines: "r2-at-line" crashes it, "r2-1fen-above-line" hangs it,
	// "r2-1fen-below-line" is unsupported; anything else gets a wrong answer.
	require.NoError(t, os.WriteFile(script, []byte(`#!/bin/sh
while IFS= read -r line; do
  case "$line" in
    *'"id":"r2-at-line"'*) exit 3 ;;
    *'"id":"r2-1fen-above-line"'*) sleep 30 ;;
    *'"id":"r2-1fen-below-line"'*) echo '{"unsupported": "gap payments"}' ;;
    *) echo '{"error": "not_covered"}' ;;
  esac
done
`), 0o755))
	var out bytes.Buffer
	code, err := run([]string{"-run", "^r2-", "-timeout", "1s", "--", "/bin/sh", script}, nil, &out)
	require.NoError(t, err)
	assert.Equal(t, 1, code)
	s := out.String()
	assert.Contains(t, s, "FAIL r2-at-line (002-r2-at-line.json)")
	assert.Contains(t, s, "no answer: the program ended")
	assert.Contains(t, s, "no answer: no answer within 1s")
	assert.Contains(t, s, "hand arithmetic: ")
	lines := strings.Split(strings.TrimSpace(s), "\n")
	assert.Regexp(t, `^0 passed, \d+ failed, 1 unsupported$`, lines[len(lines)-1])
}

func TestCasesFromAFolder(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(filepath.Join("..", "..", "conformance", "cases", "024-r6-gap-order.json"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "mine.json"), src, 0o644))
	var out bytes.Buffer
	code, err := run([]string{"-cases", dir}, nil, &out)
	require.NoError(t, err)
	assert.Equal(t, 0, code)
	assert.Equal(t, "1 passed, 0 failed, 0 unsupported\n", out.String())
}

// An over-long line gets an error answer and the stream goes on.
func TestServeLongLine(t *testing.T) {
	in := strings.Repeat("x", 70<<20) + "\n" + `{"id": "x"}` + "\n"
	var out bytes.Buffer
	code, err := run([]string{"serve"}, strings.NewReader(in), &out)
	require.NoError(t, err)
	assert.Equal(t, 0, code)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	assert.Contains(t, lines[0], `"error":"bad_input"`)
	assert.Contains(t, lines[0], `"too_large"`)
	assert.Contains(t, lines[1], `"error":"bad_standards"`)
}

func TestUsage(t *testing.T) {
	var out bytes.Buffer
	code, err := run([]string{"what"}, nil, &out)
	assert.Equal(t, 2, code)
	assert.Error(t, err)
	code, _ = run([]string{"-run", "("}, nil, &out)
	assert.Equal(t, 2, code)
}
