package standards_test

import (
	"os"
	"testing"

	"github.com/dibao-go/dibao/standards/internal/keydoc"
)

// The package documentation lists every parameter as its key declares it;
// `go generate ./standards` rewrites the list.
func TestDocListsEveryKey(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	want, err := keydoc.WithKeyList(string(b))
	if err != nil {
		t.Fatal(err)
	}
	if want != string(b) {
		t.Fatal("doc.go's list of parameters is out of date: run go generate ./standards")
	}
}
