package secrets

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	ahocorasick "github.com/BobuSumisu/aho-corasick"
)

// keywordHits lists the occurrences walk reports, as end/length/keyword.
func keywordHits(d *keywordDFA, text []byte) []string {
	var out []string
	d.walk(text, func(end, n, kw int) { out = append(out, fmt.Sprint(end, "/", n, "/", kw)) })
	slices.Sort(out)
	return out
}

// trieHits lists the occurrences an Aho-Corasick trie (the library the scanner used before)
// reports.
func trieHits(tr *ahocorasick.Trie, text []byte) []string {
	var out []string
	tr.Walk(text, func(end, n, kw int64) bool {
		out = append(out, fmt.Sprint(end, "/", n, "/", kw))
		return true
	})
	slices.Sort(out)
	return out
}

func TestKeywordDFAOverlaps(t *testing.T) {
	d := newKeywordDFA([]string{"access", "secret", "s.", "hvs.", "key", "api", "apikey", "a"})
	got := keywordHits(d, []byte("accessecret hvs.apikey"))
	want := []string{"0/1/7", "10/6/1", "15/2/2", "15/4/3", "16/1/7", "18/3/5", "21/3/4", "21/6/6", "5/6/0"}
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("hits %v, want %v", got, want)
	}
}

// TestKeywordDFAMatchesTrie compares the automaton with an Aho-Corasick trie on the scanner's
// keywords over the fixtures, generated rule samples and random text made of keyword pieces.
func TestKeywordDFAMatchesTrie(t *testing.T) {
	d := newDefault(t).keywords
	tr := ahocorasick.NewTrieBuilder().AddStrings(d.kws).Build()
	var texts []string
	for _, b := range readFixtures(t) {
		texts = append(texts, string(b))
	}
	rng := rand.New(rand.NewPCG(4, 4))
	texts = append(texts, ruleSamples(rng, newDefault(t))...)
	for range 300 {
		var b strings.Builder
		for b.Len() < 400 {
			k := d.kws[rng.IntN(len(d.kws))]
			b.WriteString(k[rng.IntN(len(k)):]) // keyword tails and whole keywords, back to back
			if rng.IntN(3) == 0 {
				b.WriteByte(" _.-\n\xff"[rng.IntN(6)])
			}
		}
		texts = append(texts, b.String())
	}
	hits := 0
	for _, text := range texts {
		lower := lowerASCII(nil, text)
		got, want := keywordHits(d, lower), trieHits(tr, lower)
		if !slices.Equal(got, want) {
			t.Fatalf("automaton %d hits, trie %d in %q", len(got), len(want), text)
		}
		hits += len(got)
	}
	t.Logf("%d texts, %d hits", len(texts), hits)
}
