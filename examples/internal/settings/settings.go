package settings

import (
	"os"

	"github.com/dibao-go/dibao/standards"
	"github.com/dibao-go/dibao/standards/heilongjiang"
)

// Load returns the embedded data, with the settings file at path merged
// over it (standards.Merge) when path is not empty.
func Load(path string) (*standards.Set, error) {
	set, err := heilongjiang.Set()
	if err != nil || path == "" {
		return set, err
	}
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return standards.Merge(set, data, standards.MergeOptions{})
}

// ReadFile reads a standards or reform file, at most
// standards.MaxFileSize bytes.
func ReadFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return standards.ReadAtMost(f, standards.MaxFileSize)
}
