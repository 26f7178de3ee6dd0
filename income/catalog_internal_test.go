package income

import (
	"testing"

	"github.com/dibao-go/dibao/internal/msgcat"
)

// Every message has both languages, with the same arguments.
func TestCatalogEntries(t *testing.T) {
	for _, problem := range msgcat.Check(messages) {
		t.Error(problem)
	}
}
