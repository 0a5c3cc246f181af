// Package sourcetest holds test helpers shared by the front-ends: the invariant every parsed
// document must keep on any input, and fuzz-seed loading.
package sourcetest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// AddSeeds adds every file matching glob to the fuzz corpus, plus the extra inputs.
func AddSeeds(f *testing.F, glob string, extra ...string) {
	paths, _ := filepath.Glob(glob)
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	for _, e := range extra {
		f.Add([]byte(e))
	}
}

// CheckSpans fails the test when any span a document reports (entries, comments, syntax errors)
// lies outside its n bytes or has no valid position. Keyless entries (array items) may have a
// zero key span.
func CheckSpans(t *testing.T, doc source.Document, n int) {
	t.Helper()
	check := func(what string, s source.Span) {
		if s.Start.Offset < 0 || s.End.Offset > n || s.Start.Offset > s.End.Offset || s.Start.Line < 1 || s.Start.Col < 1 {
			t.Fatalf("%s span out of range: %+v (len %d)", what, s, n)
		}
	}
	if e, ok := doc.(interface{ Entries() []value.Entry }); ok {
		for _, en := range e.Entries() {
			if !en.KeySpan.IsZero() {
				check("key", en.KeySpan)
			}
			check("value", en.Value.Span)
		}
	}
	for _, c := range doc.Comments() {
		check("comment", c.Span)
	}
	for _, e := range doc.SyntaxErrors() {
		check("error", e.Span)
	}
}
