package secrets

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// realCorpus reads the text files of the tree named by DAGWARDEN_BENCH_CORPUS (the real-world
// corpus ../shared/bench/build-corpus.sh builds), keyed by their path relative to it; it skips
// the caller when the variable is unset.
func realCorpus(t testing.TB) (paths []string, files map[string][]byte, size int64) {
	root := os.Getenv("DAGWARDEN_BENCH_CORPUS")
	if root == "" {
		t.Skip("DAGWARDEN_BENCH_CORPUS is not set")
	}
	files = map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil || bytes.IndexByte(b[:min(len(b), 8000)], 0) >= 0 {
			return nil // unreadable or binary: the engine skips it too
		}
		rel, _ := filepath.Rel(root, p)
		files[filepath.ToSlash(rel)] = b
		size += int64(len(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sortedKeys(files), files, size
}

// BenchmarkScanRealCorpus is the default scanner (every rule, decode depth 5) over the real corpus.
func BenchmarkScanRealCorpus(b *testing.B) {
	s := newDefault(b)
	paths, files, size := realCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range paths {
			s.Scan(p, files[p])
		}
	}
}

// TestParityRealCorpus compares Scan with detect.Detect on every file of the real corpus.
func TestParityRealCorpus(t *testing.T) {
	_, files, _ := realCorpus(t)
	reportParity(t, "real corpus", runParity(t, files))
}
