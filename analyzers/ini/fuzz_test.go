package ini

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
	for _, s := range parityCases {
		f.Add([]byte(s))
	}
	f.Add([]byte("\xef\xbb\xbf[a]\x00\nk=\xff\xfe%(\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		src := source.NewFile("fuzz.cfg", source.INI, b)
		doc, err := Parse(src)
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
	doc, _ := Parse(source.NewFile("big.cfg", source.INI, []byte("[s]\nk = "+long+"\n")))
	o, ok := doc.Option("s", "k")
	if !ok || len(o.Raw) != len(long) || o.Value.Span.End.Col != 5+len(long) {
		t.Errorf("huge line: ok %v, len %d, end col %d", ok, len(o.Raw), o.Value.Span.End.Col)
	}
}
