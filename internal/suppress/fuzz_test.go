package suppress

import (
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
)

func FuzzDirectives(f *testing.F) {
	for _, seed := range []string{
		"x = 1  # dagwarden: ignore[tls-verification-disabled] reviewed\n",
		"# dagwarden: file-ignore[invalid-suppression,unused-suppression] generated\nx = 1\n",
		"# dagwarden: ignore[] \n# dagwarden: ignore[nope\n# dagwarden:\n",
		"\r\n# dagwarden: ignore[a,,b] r\r\n\r\n",
	} {
		f.Add(seed, 1, 3)
	}
	f.Fuzz(func(t *testing.T, src string, a, b int) {
		file := source.NewFile("f.py", source.Text, []byte(src))
		doc := &source.PlainDocument{F: file}
		ds, bad := Parse(doc)
		for _, fd := range bad {
			if fd.Span.Start.Offset > len(src) || fd.Span.End.Offset > len(src) {
				t.Fatalf("span outside the file: %+v", fd.Span)
			}
		}
		lo, hi := clampRange(a, b, len(src))
		fs := []rules.Finding{{RuleID: rules.UnusedSuppression.ID, Path: "f.py", Span: file.Span(lo, hi)}}
		Apply("f.py", ds, fs, func(string) bool { return true })
		Fingerprints(file, fs)
		masked, mapOff := Mask(file, 0, len(src), []source.Span{file.Span(lo, hi)})
		if n := mapOff(hi); n < 0 || n > len(masked) {
			t.Fatalf("mapped offset %d outside masked text of %d bytes", n, len(masked))
		}
	})
}

func clampRange(a, b, n int) (int, int) {
	if n == 0 {
		return 0, 0
	}
	a, b = abs(a)%(n+1), abs(b)%(n+1)
	if a > b {
		a, b = b, a
	}
	return a, b
}

func abs(x int) int {
	if x < 0 {
		if x == -x { // math.MinInt
			return 0
		}
		return -x
	}
	return x
}
