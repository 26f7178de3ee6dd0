package settings

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/dibao-go/dibao/problem"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

func TestLoad(t *testing.T) {
	set, err := Load("")
	require.NoError(t, err)
	embedded, err := heilongjiang.Set()
	require.NoError(t, err)
	assert.Equal(t, embedded.Identity(), set.Identity(), "no file: the embedded data")

	_, err = Load(filepath.Join(t.TempDir(), "missing.json"))
	assert.True(t, os.IsNotExist(err), "%v", err)

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"name": "x"}`), 0o644))
	_, err = Load(bad)
	_, ok := problem.As(err)
	assert.True(t, ok, "a file that does not merge: its problems, %v", err)
}
