package python

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// corpus generates n realistic pipeline files by varying names in the fixtures, about 1.5 KB to
// 3 KB each.
func corpus(b *testing.B, n int) ([]*source.File, int64) {
	var seeds [][]byte
	for _, s := range fixtureSeeds(b) {
		if !strings.Contains(string(s), "def broken(:") { // error recovery is slow and rare in real code
			seeds = append(seeds, s)
		}
	}
	var files []*source.File
	var total int64
	for i := 0; i < n; i++ {
		s := string(seeds[i%len(seeds)])
		s = strings.ReplaceAll(s, "token", fmt.Sprintf("token%d", i))
		s = strings.ReplaceAll(s, "partner", fmt.Sprintf("partner_%d", i))
		f := source.NewFile(fmt.Sprintf("dags/f%d.py", i), source.Python, []byte(s))
		files = append(files, f)
		total += int64(len(f.Content))
	}
	return files, total
}

func benchParse(b *testing.B, model bool) {
	files, total := corpus(b, 3000)
	p, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			if !model {
				if _, ok := parseFlat(p.p, f.Content); !ok {
					b.Fatal("no tree")
				}
				continue
			}
			m, err := p.Parse(f)
			if err != nil {
				b.Fatal(err)
			}
			_ = m.SecretFlows()
		}
	}
}

// BenchmarkParse parses and models (with secret flows) a generated multi-megabyte corpus.
func BenchmarkParse(b *testing.B) { benchParse(b, true) }

// BenchmarkParseOnly is tree-sitter's parse plus the copy out of C, without the model.
func BenchmarkParseOnly(b *testing.B) { benchParse(b, false) }

// BenchmarkGoParse is goParse alone on the same corpus as BenchmarkParseOnly (files it bails on
// cost only the time to bail).
func BenchmarkGoParse(b *testing.B) {
	files, total := corpus(b, 3000)
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			goParse(f.Content)
		}
	}
}

// benchCorpusFiles reads the .py files under $DAGWARDEN_BENCH_CORPUS (skips when unset).
func benchCorpusFiles(b *testing.B) ([][]byte, int64) {
	dir := os.Getenv("DAGWARDEN_BENCH_CORPUS")
	if dir == "" {
		b.Skip("DAGWARDEN_BENCH_CORPUS not set")
	}
	var srcs [][]byte
	var total int64
	_ = filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() && strings.HasSuffix(path, ".py") {
			if s, err := os.ReadFile(path); err == nil {
				srcs = append(srcs, s)
				total += int64(len(s))
			}
		}
		return nil
	})
	return srcs, total
}

// BenchmarkCorpusGoParse and BenchmarkCorpusParseOnly compare both parsers on the real corpus.
func BenchmarkCorpusGoParse(b *testing.B) {
	srcs, total := benchCorpusFiles(b)
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range srcs {
			goParse(s)
		}
	}
}

func BenchmarkCorpusParseOnly(b *testing.B) {
	srcs, total := benchCorpusFiles(b)
	p, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range srcs {
			parseFlat(p.p, s)
		}
	}
}
