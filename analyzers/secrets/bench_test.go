package secrets

import (
	"math/rand/v2"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect"
)

// benchCorpus is a generated corpus of realistic pipeline files (about 4 MB), with a secret after
// one snippet in 100 (the real corpus has 56 gitleaks findings in 24 MB; this has far more).
func benchCorpus(b *testing.B) (paths []string, files map[string][]byte, size int64) {
	files = genCorpus(rand.New(rand.NewPCG(11, 13)), parityScanner(b), 4<<20, 100)
	paths = sortedKeys(files)
	for _, p := range paths {
		size += int64(len(files[p]))
	}
	return paths, files, size
}

func BenchmarkScan(b *testing.B) {
	s := newDefault(b)
	paths, files, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range paths {
			s.Scan(p, files[p])
		}
	}
}

// BenchmarkDetect is gitleaks' detect.Detect per file (StartLine 1, decode depth 5) on the same
// corpus, for comparison.
func BenchmarkDetect(b *testing.B) {
	d := referenceDetector(b)
	paths, files, size := benchCorpus(b)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		for _, p := range paths {
			d.Detect(detect.Fragment{Raw: string(files[p]), FilePath: p, StartLine: 1})
		}
	}
}

// BenchmarkNewScanner is the start-up cost every dagwarden process pays once (a pre-commit hook
// on two files pays little else): loading gitleaks' rules, analysing their windows, building the
// keyword automaton.
func BenchmarkNewScanner(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewScanner(); err != nil {
			b.Fatal(err)
		}
	}
}
