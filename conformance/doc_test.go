package conformance_test

import (
	"os"
	"testing"

	"github.com/dibao-go/dibao/conformance/internal/codedoc"
)

// The package documentation lists every code of the library's tables;
// `go generate ./conformance` rewrites the list.
func TestDocListsEveryCode(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	want, err := codedoc.WithTable(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if want != string(b) {
		t.Fatal("doc.go's table of codes is out of date: run go generate ./conformance")
	}
}
