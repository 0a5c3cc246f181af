package engine

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
)

// stageFiles reads the benchmark tree (DAGWARDEN_BENCH_CORPUS, or the generated corpus) and
// classifies every file as discovery would, grouped by kind.
func stageFiles(b *testing.B) map[source.Kind][]*source.File {
	b.Helper()
	root := os.Getenv("DAGWARDEN_BENCH_CORPUS")
	if root == "" {
		root, _ = benchCorpus(b, 5)
	}
	byKind := map[source.Kind][]*source.File{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		if k, ok := source.Classify(filepath.Base(p), data); ok {
			byKind[k] = append(byKind[k], source.NewFile(p, k, data))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return byKind
}

// BenchmarkParseFormat parses every file of one format, the way the engine does (one front-end
// call per file, notices included), so each format's share of a scan can be read off directly.
func BenchmarkParseFormat(b *testing.B) {
	byKind := stageFiles(b)
	for _, k := range []source.Kind{source.Python, source.YAML, source.JSON, source.INI, source.HCL, source.TOML, source.Dotenv, source.Dockerfile} {
		files := byKind[k]
		if len(files) == 0 {
			continue
		}
		var size int64
		for _, f := range files {
			size += int64(len(f.Content))
		}
		b.Run(string(k), func(b *testing.B) {
			ps := newParsers()
			defer ps.close()
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range files {
					ps.parse(f)
				}
			}
		})
	}
}

// BenchmarkRules runs every rule on documents parsed beforehand: the rules stage alone (the
// secret scan included, since it runs as the secrets rules' text hook).
func BenchmarkRules(b *testing.B) {
	byKind := stageFiles(b)
	ps := newParsers()
	defer ps.close()
	var docs []source.Document
	var size int64
	for _, files := range byKind {
		for _, f := range files {
			doc, _ := ps.parse(f)
			if _, ok := doc.(*python.Module); !ok && f.Kind == source.Python {
				continue
			}
			docs = append(docs, doc)
			size += int64(len(f.Content))
		}
	}
	all := rules.All()
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, doc := range docs {
			memo := map[string]any{}
			for _, r := range all {
				if r.Builtin || !r.Wants(doc.File().Kind) {
					continue
				}
				pass := rules.NewPass(context.Background(), r, doc.File(), nil, memo, func(rules.Finding) { n++ })
				_ = r.Run(pass, doc)
			}
		}
	}
}
