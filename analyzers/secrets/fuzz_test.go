package secrets

import (
	"math/rand/v2"
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

// FuzzWindows checks that the windows Scan builds around keyword hits (keyword gates applied)
// find exactly the whole-text matches of every windowed rule (windowMismatches).
func FuzzWindows(f *testing.F) {
	for _, text := range gateTexts(rand.New(rand.NewPCG(1, 2)), 40) {
		f.Add(text)
	}
	f.Add(benignSnippets[1])
	s := parityScanner(f)
	f.Fuzz(func(t *testing.T, text string) {
		if foldsToASCII(text) {
			return // no gates apply (foldsToASCII)
		}
		if diffs, _ := windowMismatches(s, text); len(diffs) > 0 {
			t.Fatal(diffs[0])
		}
	})
}
