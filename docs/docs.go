// Package docs embeds the generated rule pages so the binary ships exactly what the repository
// shows: `dagwarden explain` prints them and SARIF help carries them.
package docs

import (
	"embed"
	"io/fs"
)

//go:embed rules/*.md
var pages embed.FS

// RulePage returns the generated Markdown page of a rule.
func RulePage(id string) (string, bool) {
	b, err := fs.ReadFile(pages, "rules/"+id+".md")
	if err != nil {
		return "", false
	}
	return string(b), true
}
