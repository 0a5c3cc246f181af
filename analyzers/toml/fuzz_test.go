package toml

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func FuzzParse(f *testing.F) {
	sourcetest.AddSeeds(f, filepath.Join(fixtures, "*"), "\xef\xbb\xbf[a]\r\nb = [\"\x00\xff\", {c = 1}]\n[[a.b]]\nx = \"\"\"\n")
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(source.NewFile("fuzz.toml", source.TOML, b))
		if err != nil {
			t.Fatal(err)
		}
		sourcetest.CheckSpans(t, doc, len(b))
	})
}

func TestHugeLine(t *testing.T) {
	long := strings.Repeat("x", 4<<20)
	doc, _ := Parse(source.NewFile("big.toml", source.TOML, []byte("k = \""+long+"\"\n")))
	e, ok := doc.Lookup("k")
	if !ok || len(e.Value.Text) != len(long) || e.Value.Span.End.Col != 6+len(long) {
		t.Errorf("huge line: ok %v, len %d, end col %d", ok, len(e.Value.Text), e.Value.Span.End.Col)
	}
}
