package secrets

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestFoldCharsASCII checks that foldCharsASCII lists exactly the non-ASCII characters whose
// case-fold orbit holds an ASCII letter.
func TestFoldCharsASCII(t *testing.T) {
	var got []rune
	for c := rune(0x80); c <= unicode.MaxRune; c++ {
		for f := unicode.SimpleFold(c); f != c; f = unicode.SimpleFold(f) {
			if f < 0x80 {
				got = append(got, c)
				break
			}
		}
	}
	if string(got) != foldCharsASCII {
		t.Errorf("non-ASCII characters folding to ASCII: %q, foldCharsASCII is %q", string(got), foldCharsASCII)
	}
}

func TestKeywordGateGeneric(t *testing.T) {
	r := ruleByID(t, newDefault(t), "generic-api-key")
	if r.gate == nil || r.follow == nil {
		t.Fatal("generic-api-key has no keyword gate or follow test")
	}
	for _, tt := range []struct {
		text string
		open bool
	}{
		{`api_key = "Zx81Qm2Lr7Vt4Nc9"` + "\n", true},
		{"token: Zx81Qm2Lr7Vt4Nc9\n", true},
		{"PASSWORD=Zx81Qm2Lr7Vt4Nc9", true}, // ends the text
		{`secret'` + "\n\n" + `=> "Zx81Qm2Lr7Vt4Nc9";`, true},
		{`api_key = os.environ["API_KEY"]` + "\n", false},
		{"token_count = 0\n", false},
		{"auth.login(user, pw)\n", false}, // no operator: the follow test
		{"secret" + strings.Repeat(" ", 24) + "= Zx81Qm2Lr7Vt4Nc9\n", false},
		{"secret" + strings.Repeat(" ", 23) + "= Zx81Qm2Lr7Vt4Nc9\n", true},
		{`aPI_key = "Zx81Qm2Lr7Vt4Nc9"` + "\n", false}, // (?-i:[Aa]pi|API)
	} {
		kw := 0 // the keyword the text opens with
		for _, k := range r.Keywords {
			if strings.HasPrefix(strings.ToLower(tt.text), k) {
				kw = max(kw, len(k))
			}
		}
		if got := r.follow.opens(tt.text, kw) && r.gate.MatchString(tt.text); got != tt.open {
			t.Errorf("opens(%q) = %v, want %v", tt.text, got, tt.open)
		}
	}
}

func ruleByID(t testing.TB, s *Scanner, id string) *rule {
	for _, r := range s.rules {
		if r.RuleID == id {
			return r
		}
	}
	t.Fatalf("no rule %s", id)
	return nil
}

// windowMismatches runs every windowed rule over the windows Scan builds for raw (gates applied)
// and over the whole of raw, and returns the matches found in only one of them. Windows must
// find exactly gitleaks' matches: dropping a hit must not lose a match nor start a window inside
// one. Rules running over the whole content are skipped.
func windowMismatches(s *Scanner, raw string) (diffs []string, matches int) {
	st := &scan{s: s, active: make([]bool, len(s.rules))}
	for i, r := range s.rules {
		st.active[i] = st.ruleApplies(r)
	}
	b := s.bufs()
	defer s.bufPool.Put(b)
	b.lower = lowerASCII(b.lower, raw)
	windows, whole := st.windows(raw, b)
	for i, r := range s.rules {
		if !st.active[i] || r.Regex == nil || whole[i] || r.window < 0 || !holdsKeyword(b.lower, r.Keywords) {
			continue // without a keyword the rule has no match (keywordInEveryMatch)
		}
		want := r.Regex.FindAllStringIndex(raw, -1)
		matches += len(want)
		var got [][]int
		for _, m := range r.directMatches(raw, b.open[i]) {
			got = append(got, []int{m.start, m.end})
		}
		for _, w := range windows[i] {
			for _, m := range r.Regex.FindAllStringIndex(raw[w.start:w.end], -1) {
				got = append(got, []int{w.start + m[0], w.start + m[1]})
			}
		}
		if !slices.EqualFunc(want, got, slices.Equal) {
			diffs = append(diffs, fmt.Sprintf("%s: whole text %v, windows %v %v in %q", r.RuleID, want, got, windows[i], raw))
		}
	}
	return diffs, matches
}

// gateTexts are adversarial texts around generic-api-key's keywords: keywords in any case, the
// characters its regex steps over between keyword, operator and value, values of every length
// around its bounds, terminators and their near misses, line breaks and wide characters.
func gateTexts(rng *rand.Rand, n int) []string {
	kws := []string{"access", "api", "API", "Api", "aPi", "auth", "key", "KEY", "credential", "creds", "passwd", "password", "Password", "secret", "token", "Token", "hvs.", "s.", "lob", "test_"}
	fill := []string{" ", "\t", "_", ".", "-", "x", "x", "x", "x", "x", "x", "x", "x", "x", "é", "\xff"}
	quotes := []string{"", "'", `"`, "`", "\n", "\r\n", " ", "="}
	ops := []string{"=", ":", ":=", "::=", ":::=", ">", "=>", "||", "|", "?=", "?", ",", ";", "=="}
	terms := []string{"", "\n", " ", "'", `"`, "`", ";", `\n`, `\r`, `\`, "+", "/", "(", "[", "日本"}
	tok := "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.=-+/"
	pick := func(l []string) string { return l[rng.IntN(len(l))] }
	var out []string
	for range n {
		var b strings.Builder
		for parts := 1 + rng.IntN(4); parts > 0; parts-- {
			// keyword, filler, quotes, operator, quotes, value, terminator: each part at a bound
			// or just past it now and then
			for k := rng.IntN(3); k > 0; k-- {
				b.WriteString(pick(fill))
			}
			b.WriteString(pick(kws))
			for k := []int{0, 1, 3, 19, 20, 21}[rng.IntN(6)]; k > 0; k-- {
				b.WriteString(pick(fill))
			}
			for k := rng.IntN(3); k > 0; k-- {
				b.WriteString(pick(quotes))
			}
			b.WriteString(pick(ops))
			for k := rng.IntN(4); k > 0; k-- {
				b.WriteString(pick(quotes))
			}
			for k := []int{rng.IntN(25), 9, 10, 11, 12, 149, 150, 151}[rng.IntN(8)]; k > 0; k-- {
				b.WriteByte(tok[rng.IntN(len(tok))])
			}
			b.WriteString(pick(terms))
		}
		out = append(out, b.String())
	}
	return out
}

// TestWindowsFindEveryMatch checks that the windows (with keyword gates) find exactly the
// whole-text matches of every windowed rule, on adversarial texts and on generated samples of
// every rule. Texts holding a character that folds to an ASCII letter are left out: there the
// scanner applies no gate, and windows are only as good as before gates.
func TestWindowsFindEveryMatch(t *testing.T) {
	s := parityScanner(t)
	rng := rand.New(rand.NewPCG(5, 8))
	texts := gateTexts(rng, 6000)
	samples := ruleSamples(rng, s)
	for i := 0; i < len(samples); i += 7 {
		texts = append(texts, strings.Join(samples[i:min(i+7, len(samples))], "\n"))
	}
	for _, snip := range benignSnippets {
		texts = append(texts, snip)
	}
	checked, matches := 0, 0
	for _, text := range texts {
		if foldsToASCII(text) {
			continue
		}
		diffs, n := windowMismatches(s, text)
		for _, d := range diffs {
			t.Error(d)
		}
		checked, matches = checked+1, matches+n
	}
	t.Logf("%d texts, %d matches checked", checked, matches)
	if matches < 1000 {
		t.Errorf("only %d matches checked", matches)
	}
}

func holdsKeyword(lower []byte, kws []string) bool {
	for _, k := range kws {
		if bytes.Contains(lower, []byte(k)) {
			return true
		}
	}
	return false
}
