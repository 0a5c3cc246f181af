package secrets

import "testing"

// TestRuleWindows lists the rules that run over the whole content, and checks the ones that must.
func TestRuleWindows(t *testing.T) {
	s, err := NewScanner()
	if err != nil {
		t.Fatal(err)
	}
	var whole []string
	for _, r := range s.rules {
		if r.window < 0 {
			whole = append(whole, r.RuleID)
		}
	}
	t.Logf("%d of %d rules run over the whole content: %v", len(whole), len(s.rules), whole)
	for _, id := range []string{"private-key", "kubernetes-secret-yaml", "sourcegraph-access-token"} {
		found := false
		for _, w := range whole {
			found = found || w == id
		}
		if !found {
			t.Errorf("%s must run over the whole content", id)
		}
	}
	for _, r := range s.rules {
		if r.RuleID == "generic-api-key" && (r.window < 0 || r.before != 1 || r.after != 10) {
			// [\w.-]{0,50}? before the keyword holds no line break; after it up to 9.
			t.Errorf("generic-api-key must run on windows of 1 line above and 10 below a keyword, not %d/%d/%d",
				r.window, r.before, r.after)
		}
		if r.before > r.window || r.after > r.window {
			t.Errorf("%s: window %d above %d below %d: larger than the symmetric window", r.RuleID, r.window, r.before, r.after)
		}
	}
}
