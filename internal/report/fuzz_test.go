package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/internal/suppress"
	"github.com/dagwarden/dagwarden/rules"
)

// FuzzReporters renders findings with arbitrary source text, spans and messages in every format:
// no panic, and the JSON and SARIF outputs stay valid JSON.
func FuzzReporters(f *testing.F) {
	f.Add("x = \"secret\"\n", "message", 4, 12, 5, 11)
	f.Add("\xff\xfe\r\n\x00é\t", "a\nb%0A::x", 0, 3, 1, 2)
	f.Fuzz(func(t *testing.T, src, msg string, a, b, c, d int) {
		file := source.NewFile("p/ä b.py", source.Python, []byte(src))
		n := len(src)
		a, b = order(a, b, n)
		c, d = order(c, d, n)
		fs := []rules.Finding{{RuleID: rules.InvalidSuppression.ID, Path: file.Path, Message: msg, Span: file.Span(a, b),
			Sensitive: []source.Span{file.Span(c, d)}, Severity: rules.High, Confidence: rules.ConfidenceHigh,
			Related: []rules.Related{{Path: file.Path, Span: file.Span(c, d), Message: msg}}}}
		suppress.Fingerprints(file, fs)
		res := &engine.Result{Rules: []*rules.Rule{rules.InvalidSuppression}, Findings: fs,
			Files: map[string]*source.File{file.Path: file}, Stats: engine.Stats{Files: 1}}
		for _, format := range Formats {
			rep, err := New(format)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := rep(&buf, res, Options{Color: true}); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			if (format == "json" || format == "sarif") && !json.Valid(buf.Bytes()) {
				t.Fatalf("%s output is not valid JSON", format)
			}
		}
	})
}

func order(a, b, n int) (int, int) {
	if n == 0 {
		return 0, 0
	}
	if a < 0 {
		a = -a
	}
	if b < 0 {
		b = -b
	}
	a, b = a%(n+1), b%(n+1)
	if a < 0 || b < 0 {
		return 0, 0
	}
	if a > b {
		a, b = b, a
	}
	return a, b
}
