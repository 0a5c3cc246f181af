package dotenv

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func FuzzParse(f *testing.F) {
	sourcetest.AddSeeds(f, filepath.Join(fixtures, "*"), "\xef\xbb\xbfexport A=\"\\\x00\xff\r\nB='")
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := Parse(source.NewFile(".env", source.Dotenv, b))
		if err != nil {
			t.Fatal(err)
		}
		sourcetest.CheckSpans(t, doc, len(b))
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
