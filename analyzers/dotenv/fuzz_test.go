package dotenv

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

func FuzzParse(f *testing.F) {
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*"))
	for _, p := range paths {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("\xef\xbb\xbfexport A=\"\\\x00\xff\r\nB='"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(source.NewFile(".env", source.Dotenv, b))
		if err != nil {
			t.Fatal(err)
		}
		check := func(what string, s source.Span) {
			if s.Start.Offset < 0 || s.End.Offset > len(b) || s.Start.Offset > s.End.Offset || s.Start.Line < 1 || s.Start.Col < 1 {
				t.Fatalf("%s span out of range: %+v (len %d)", what, s, len(b))
			}
		}
		for _, e := range doc.Entries() {
			check("key", e.KeySpan)
			check("value", e.Value.Span)
		}
		for _, c := range doc.Comments() {
			check("comment", c.Span)
		}
		for _, e := range doc.SyntaxErrors() {
			check("error", e.Span)
		}
	})
}

func TestHugeLine(t *testing.T) {
	long := strings.Repeat("x", 4<<20)
	doc, _ := Parse(source.NewFile(".env", source.Dotenv, []byte("K=\""+long+"\"\n")))
	v, ok := doc.Lookup("K")
	if !ok || len(v.Value.Text) != len(long) || v.Value.Span.End.Col != 4+len(long) {
		t.Errorf("huge line: ok %v, len %d, end col %d", ok, len(v.Value.Text), v.Value.Span.End.Col)
	}
}
