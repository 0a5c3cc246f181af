package ini

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func FuzzParse(f *testing.F) {
	sourcetest.AddSeeds(f, filepath.Join(fixtures, "*"), "\xef\xbb\xbf[a]\x00\nk=\xff\xfe%(\n")
	sourcetest.AddSeeds(f, filepath.Join(fixtures, "dialects", "*"), "k = %(x\n[a]\nno delimiter\n= v\nk = 1\nk = 2\n")
	for _, s := range parityCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(source.NewFile("fuzz.cfg", source.INI, b))
		if err != nil {
			t.Fatal(err)
		}
		sourcetest.CheckSpans(t, doc, len(b))
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
