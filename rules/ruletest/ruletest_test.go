package ruletest

import "testing"

func TestParseSidecar(t *testing.T) {
	ws, err := parseSidecar("p.json", "# comment\n3: want: some-rule \"x\"\n7: known-fn: other-rule@5\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || ws[0].Line != 3 || ws[0].RuleID != "some-rule" || ws[0].Message.String() != "x" ||
		ws[1].Line != 7 || ws[1].Mode != "known-fn" || ws[1].Col != 5 || ws[0].Path != "p.json" {
		t.Fatalf("wants = %v %v", ws[0], ws[1])
	}
	if _, err := parseSidecar("p.json", "three: want: x\n"); err == nil {
		t.Error("bad line number accepted")
	}
}
