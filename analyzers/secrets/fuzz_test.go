package secrets

import (
	"strings"
	"testing"
)

// FuzzScan checks that Scan never panics and that every match lies inside the content.
func FuzzScan(f *testing.F) {
	files := readFixtures(f)
	for _, p := range sortedKeys(files) {
		f.Add(p, files[p])
	}
	f.Add("x.yaml", []byte("kind: secret\ndata:\n  k: "+strings.Repeat("QUJD", 8)+"\n"))
	f.Add("a.env", []byte("postgresql://u:p@h\n%41%42 \\u0041 U+0041 \n"))
	s := newDefault(f)
	f.Fuzz(func(t *testing.T, path string, content []byte) {
		for _, m := range s.Scan(path, content) {
			if m.PathOnly {
				continue
			}
			if m.Start < 0 || m.End > len(content) || m.Start > m.End || m.MatchStart < 0 || m.MatchEnd > len(content) || m.MatchStart > m.MatchEnd {
				t.Fatalf("match %s out of range: %d-%d / %d-%d of %d", m.RuleID, m.Start, m.End, m.MatchStart, m.MatchEnd, len(content))
			}
		}
	})
}
