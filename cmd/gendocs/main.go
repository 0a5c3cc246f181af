// Command gendocs writes docs/rules/<id>.md and docs/rules/README.md from the rule metadata and
// fixtures. Run it with `go generate ./rules`.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dagwarden/dagwarden/internal/ruledoc"
)

func main() {
	root := "."
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	// go generate runs in the package directory (rules/); find the module root.
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		root = ".."
	}
	pages, err := ruledoc.Render(filepath.Join(root, "testdata"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
	dir := filepath.Join(root, "docs", "rules")
	old, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	for _, p := range old {
		if _, keep := pages[filepath.Base(p)]; !keep {
			os.Remove(p)
		}
	}
	for name, text := range pages {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "gendocs:", err)
			os.Exit(1)
		}
	}
}
