package ruledoc

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDocsUpToDate fails when docs/rules no longer matches the rule metadata and fixtures.
func TestDocsUpToDate(t *testing.T) {
	pages, err := Render(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join("..", "..", "docs", "rules")
	for name, want := range pages {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != want {
			t.Errorf("docs/rules/%s is stale: run `go generate ./rules`", name)
		}
	}
	onDisk, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, p := range onDisk {
		if _, ok := pages[filepath.Base(p)]; !ok {
			t.Errorf("docs/rules/%s belongs to no rule: run `go generate ./rules`", filepath.Base(p))
		}
	}
}
