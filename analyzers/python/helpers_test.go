package python

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

const fixtureDir = "../../testdata/analyzers/python"

func parseString(t testing.TB, name, src string) *Module {
	t.Helper()
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	m, err := p.Parse(source.NewFile(name, source.Python, []byte(src)))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func parseFixture(t testing.TB, name string) *Module {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(fixtureDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return parseString(t, name, string(src))
}

// at formats a span's start as line:col.
func at(s source.Span) [2]int { return [2]int{s.Start.Line, s.Start.Col} }

// findCall returns the n-th (0-based) call with the given qualified name.
func findCall(t testing.TB, m *Module, name string, nth int) *Call {
	t.Helper()
	i := 0
	for _, c := range m.Calls() {
		if c.Name == name {
			if i == nth {
				return c
			}
			i++
		}
	}
	t.Fatalf("no call #%d named %q", nth, name)
	return nil
}

func findAssign(t testing.TB, m *Module, target string) *Assignment {
	t.Helper()
	for _, a := range m.Assignments() {
		if a.Target == target {
			return a
		}
	}
	t.Fatalf("no assignment to %q", target)
	return nil
}

func fmtSscan(s string, a ...any) (int, error) { return fmt.Sscan(s, a...) }
