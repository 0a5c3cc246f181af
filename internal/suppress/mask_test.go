package suppress

import (
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
)

func TestMask(t *testing.T) {
	content := "x = 1\npassword = \"hunter2hunter2\"  # note\ntoken = \"ghp_0123456789abcdefghij\"\n"
	f := source.NewFile("a.py", source.Python, []byte(content))
	pw := indexOf(content, "hunter2hunter2")
	tok := indexOf(content, "ghp_")
	sens := []source.Span{f.Span(pw, pw+14), f.Span(tok, tok+24)}

	line2, m := Mask(f, f.LineStart(2), f.LineEnd(2), sens)
	if want := `password = "****"  # note`; line2 != want {
		t.Fatalf("line 2 masked = %q, want %q", line2, want)
	}
	if got := m(pw); got != 12 {
		t.Errorf("start of secret maps to %d, want 12", got)
	}
	if got := m(pw + 14); got != 16 {
		t.Errorf("end of secret maps to %d, want 16", got)
	}
	if got := m(f.LineEnd(2)); got != len(line2) {
		t.Errorf("end of line maps to %d, want %d", got, len(line2))
	}
	line3, _ := Mask(f, f.LineStart(3), f.LineEnd(3), sens)
	if want := `token = "ghp_****"`; line3 != want {
		t.Fatalf("line 3 masked = %q, want %q", line3, want)
	}
}

func TestFingerprintStableWhenLinesAddedAbove(t *testing.T) {
	a := source.NewFile("a.py", source.Python, []byte("import x\nConnection(password=\"s3cr3t-value\")\n"))
	b := source.NewFile("a.py", source.Python, []byte("import x\n\n# a comment\nimport y\n    Connection(password=\"s3cr3t-value\")\n"))
	fa := []rules.Finding{{RuleID: "r", Path: "a.py", Span: a.Span(9, 10), Message: "m"}}
	fb := []rules.Finding{{RuleID: "r", Path: "a.py", Span: b.Span(indexOf(string(b.Content), "Connection"), indexOf(string(b.Content), "Connection")+1), Message: "m"}}
	Fingerprints(a, fa)
	Fingerprints(b, fb)
	if fa[0].Fingerprint != fb[0].Fingerprint {
		t.Fatalf("fingerprint changed: %s vs %s", fa[0].Fingerprint, fb[0].Fingerprint)
	}
	fc := []rules.Finding{{RuleID: "other", Path: "a.py", Span: a.Span(9, 10), Message: "m"}}
	Fingerprints(a, fc)
	if fc[0].Fingerprint == fa[0].Fingerprint {
		t.Fatal("different rules share a fingerprint")
	}
}

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
