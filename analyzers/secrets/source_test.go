package secrets

import (
	"fmt"
	"regexp/syntax"
	"strings"
	"testing"
)

// compiled is the program a pattern compiles to, as text (two patterns with the same program
// match the same strings the same way), or "" when the pattern does not parse.
func compiled(t *testing.T, pattern string) string {
	t.Helper()
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return ""
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		t.Fatal(err)
	}
	return prog.String()
}

func TestRegexSourceCompilesAlike(t *testing.T) {
	s := newDefault(t)
	patterns := []string{
		`(?i)[\w.-]{0,50}?(?:key|token)\s*[:=]\s*([a-z0-9]{10,})(?:['"\s]|$)`,
		`^ab$|(?m:^x$)|\Ax\z|\bword\B|(?s:.)(?-s:.)|a*?b+?c??d{2,}?`,
		`[^\n]|[\x{10FFFF}]|(?i)ſ|K`,
		`(?:)|a{3}|(?P<name>x)`,
	}
	for _, r := range s.rules {
		if r.Regex != nil {
			patterns = append(patterns, r.Regex.String())
		}
	}
	for _, p := range patterns {
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		for _, form := range []*syntax.Regexp{re, re.Simplify()} {
			want := compiled(t, form.String())
			if want == "" {
				continue // nested too deep to parse either way (a simplified {50,1000})
			}
			if got := compiled(t, regexSource(form)); got != want {
				t.Errorf("%.80q: regexSource and String compile differently: %s", p, firstDiff(got, want))
			}
		}
	}
}

// firstDiff shows the first line where two program listings differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d: %.120q vs %.120q", i, al[i], bl[i])
		}
	}
	return fmt.Sprintf("%d lines vs %d", len(al), len(bl))
}
