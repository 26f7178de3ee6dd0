package main

import (
	"bytes"
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
	assert.Equal(t, 0, code)
	assert.Regexp(t, `(?m)^\d+ passed, 0 failed$`, out.String())
}

// The runner drives an external program: this package's own binary in serve mode.
func TestSuiteAgainstAProgram(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a binary")
	}
	bin := filepath.Join(t.TempDir(), "conform")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Stderr = os.Stderr
	require.NoError(t, build.Run())
	var out bytes.Buffer
	code, err := run([]string{"--", bin, "serve"}, nil, &out)
	require.NoError(t, err)
	assert.Equal(t, 0, code, out.String())
	assert.True(t, strings.HasSuffix(strings.TrimSpace(out.String()), "passed, 0 failed"))
}

func TestUsage(t *testing.T) {
	var out bytes.Buffer
	code, err := run([]string{"what"}, nil, &out)
	assert.Equal(t, 2, code)
	assert.Error(t, err)
}
