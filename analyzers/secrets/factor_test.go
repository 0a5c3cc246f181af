package secrets

import (
	"math/rand/v2"
	"regexp/syntax"
	"strings"
	"testing"
)

func TestFactorOf(t *testing.T) {
	tests := []struct {
		re   string
		want string // factors joined by |, "" for none
	}{
		{`(?i)lob[\w]{3}`, "lob"},
		{`(?i)key=\w+`, ""},                  // k folds with the Kelvin sign: no factor
		{`(?i)secret`, ""},                   // s folds with the long s
		{`sk_live_[0-9a-z]{24}`, "sk_live_"}, // case-sensitive: any ASCII letter is fine
		{`ab(?:cdx|efy)+`, "cdx|efy"},        // the longest of the required parts
		{`x?y*`, ""},
		{`(?i)[a-z]{3}`, ""},
		{`caf\x{e9}`, ""}, // non-ASCII
		{`(?:hvs\.\w{90}|s\.\w{24})`, "hvs.|s."},
	}
	for _, tt := range tests {
		re, err := syntax.Parse(tt.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		fs, _ := factorOf(re.Simplify(), false)
		if got := strings.Join(fs, "|"); got != tt.want {
			t.Errorf("factorOf(%s) = %q, want %q", tt.re, got, tt.want)
		}
	}
}

// TestFactorsHoldInEveryMatch runs every rule's regex over generated samples of every rule (and
// the samples with wide characters mixed in) and checks each match holds one of the rule's
// factors: the windows the prefilter skips could not have held a match.
func TestFactorsHoldInEveryMatch(t *testing.T) {
	s := newDefault(t)
	rng := rand.New(rand.NewPCG(3, 9))
	lines := ruleSamples(rng, s)
	for _, l := range lines[:min(len(lines), 400)] {
		lines = append(lines, strings.ReplaceAll(l, "k", "\u212a"), strings.ReplaceAll(l, "s", "\u017f"))
	}
	checked := 0
	for _, r := range s.rules {
		if r.factors == nil || r.Regex == nil {
			continue
		}
		for _, l := range lines {
			for _, m := range r.Regex.FindAllString(l, -1) {
				checked++
				if !holdsFactor(lowerASCII(nil, m), r.factors) {
					t.Errorf("%s: match %q holds none of its factors", r.RuleID, m)
				}
			}
		}
	}
	if checked < 500 {
		t.Errorf("only %d matches checked", checked)
	}
}
