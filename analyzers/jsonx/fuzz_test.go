package jsonx

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func FuzzParse(f *testing.F) {
	sourcetest.AddSeeds(f, filepath.Join(fixtures, "*"), "\xef\xbb\xbf{\"a\\u00\": [1e5, -0.5, \"\x00\xff\"]}")
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(source.NewFile("fuzz.json", source.JSON, b))
		if err != nil {
			t.Fatal(err)
		}
		sourcetest.CheckSpans(t, doc, len(b))
	})
}

func TestHugeLine(t *testing.T) {
	long := strings.Repeat("x", 4<<20)
	doc, _ := Parse(source.NewFile("big.json", source.JSON, []byte(`{"k": "`+long+`"}`)))
	n := doc.Root().Get("k")
	if n == nil || len(n.Text) != len(long) || n.TextSpan.End.Col != 8+len(long) {
		t.Errorf("huge line: %v", n == nil)
	}
}
