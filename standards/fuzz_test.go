package standards_test

import (
	"testing"

	"github.com/dibao-go/dibao/standards"
)

// FuzzLoad checks that no input makes Load panic, that every failure is a
// *LoadError, and that whatever loads survives Save → Load unchanged.
func FuzzLoad(f *testing.F) {
	f.Add(docExample(f))
	f.Add(mutate(f, func(m map[string]any) { firstValue(m, "dibao_standard")["value"] = "1e999999999" }))
	f.Add(mutate(f, func(m map[string]any) { delete(m, "divisions") }))
	f.Add([]byte(`{}`))
	f.Add([]byte(`[`))
	f.Add([]byte(`{"format":"dibao-standards/1","parameters":{"tier_table":[{"regions":["230000"],"values":[{"value":{"tiers":[{}]}}]}]}}`))
	f.Add([]byte(`{"divisions":[{"code":"230000","name":"x"},{"code":"230000","name":"x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := standards.Load(data, standards.LoadOptions{})
		if err != nil {
			if _, ok := standards.IsLoadError(err); !ok {
				t.Fatalf("Load returned %T, not *LoadError: %v", err, err)
			}
			return
		}
		out, err := s.Save(standards.SaveOptions{})
		if err != nil {
			t.Fatalf("Save: %v", err)
		}
		s2, err := standards.Load(out, standards.LoadOptions{})
		if err != nil {
			t.Fatalf("reload of saved set: %v\n%s", err, out)
		}
		out2, err := s2.Save(standards.SaveOptions{})
		if err != nil || string(out) != string(out2) {
			t.Fatalf("save → load → save differs: %v", err)
		}
	})
}
