package report

import (
	"context"
	"io"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

// BenchmarkReport renders every format from the scan of every rule fixture (a few hundred real
// findings over many files, with snippets, related locations and notices): the reporting stage of
// a scan, without the scan.
func BenchmarkReport(b *testing.B) {
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		b.Fatal(err)
	}
	res, err := engine.Run(context.Background(), engine.Options{Base: root, Roots: []string{root}, Rules: rules.All()})
	if err != nil {
		b.Fatal(err)
	}
	if len(res.Findings) < 100 {
		b.Fatalf("only %d findings in testdata: the benchmark would not measure reporting", len(res.Findings))
	}
	for _, format := range Formats {
		b.Run(format, func(b *testing.B) {
			rep, err := New(format)
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := rep(io.Discard, res, Options{ToolVersion: "bench"}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(res.Findings)), "findings")
		})
	}
}
