package rules

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// needsPython is the per-rule definition the gate must agree with: a rule with a Python hook
// wants the model when it lists no needs or when content holds one of them.
func needsPython(r *Rule, content []byte) bool {
	if r.Python == nil {
		return false
	}
	if len(r.PythonNeeds) == 0 {
		return true
	}
	for _, n := range r.PythonNeeds {
		if bytes.Contains(content, []byte(n)) {
			return true
		}
	}
	return false
}

func TestPythonGateAgreesWithRules(t *testing.T) {
	inputs := [][]byte{
		[]byte(""),
		[]byte("import os\nprint(1)\n"),
		[]byte("from airflow import DAG\n"),
		[]byte("import requests\nrequests.get(url, verify=False)\n"),
		[]byte("x = conf.as_dict()\n"),
		[]byte("import paramiko\n"),
	}
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "rules", "*", "*.py"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, b)
	}
	// every rule alone, and all of them together
	sets := [][]*Rule{All()}
	for _, r := range All() {
		sets = append(sets, []*Rule{r})
	}
	for _, rs := range sets {
		g := NewPythonGate(rs)
		for _, in := range inputs {
			want := false
			for _, r := range rs {
				want = want || needsPython(r, in)
			}
			if got := g.Needed(in); got != want {
				t.Fatalf("rules %s…: gate says %v, rules say %v on %.60q", rs[0].ID, got, want, in)
			}
		}
	}
	if len(files) == 0 {
		t.Fatal("no Python fixtures found")
	}
}
