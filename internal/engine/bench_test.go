package engine

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
)

// benchCorpus copies the example pipelines and every rule fixture n times into a temporary tree:
// a realistic mix of DAGs, flows, configs and look-alikes. It returns the root and its size.
func benchCorpus(b *testing.B, n int) (string, int64) {
	b.Helper()
	root := b.TempDir()
	var size int64
	for _, src := range []string{filepath.Join("..", "..", "testdata", "pipelines"), filepath.Join("..", "..", "testdata", "rules")} {
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(src, p)
			for i := 0; i < n; i++ {
				dst := filepath.Join(root, fmt.Sprintf("copy%03d", i), filepath.Base(src), rel)
				if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
					return err
				}
				if err := os.WriteFile(dst, data, 0o644); err != nil {
					return err
				}
				size += int64(len(data))
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return root, size
}

func BenchmarkDiscover(b *testing.B) {
	root, _ := benchCorpus(b, 20)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		if err := source.Discover(root, []string{root}, source.DiscoverOptions{}, func(source.Candidate) { n++ }, func(source.Skip) {}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkScan runs the whole engine (read, classify, parse once, every rule, suppress, sort) on a
// generated corpus, or on the tree named by DAGWARDEN_BENCH_CORPUS (for example the real-world
// corpus that ../shared/bench/build-corpus.sh builds).
func BenchmarkScan(b *testing.B) {
	root, size := os.Getenv("DAGWARDEN_BENCH_CORPUS"), int64(0)
	if root == "" {
		root, size = benchCorpus(b, 20)
	} else {
		size = treeSize(b, root)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Run(context.Background(), Options{Base: root, Roots: []string{root}, Rules: rules.All()}); err != nil {
			b.Fatal(err)
		}
	}
}

func treeSize(b *testing.B, root string) int64 {
	var n int64
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}
