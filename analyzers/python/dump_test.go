package python

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

func dumpTree(s *syntax, n nid, depth int, b *strings.Builder) {
	if !s.named(n) && s.kind(n) != "ERROR" {
		fmt.Fprintf(b, "%s%s%q\n", strings.Repeat("  ", depth), prefixField(s, n), s.kind(n))
	} else {
		t := s.text(n)
		if len(t) > 40 {
			t = t[:40]
		}
		fmt.Fprintf(b, "%s%s%s [%d-%d] %q\n", strings.Repeat("  ", depth), prefixField(s, n), s.kind(n), s.nodes[n].start, s.nodes[n].end, t)
	}
	for _, c := range s.children(n) {
		dumpTree(s, c, depth+1, b)
	}
}

func prefixField(s *syntax, n nid) string {
	if f := s.field(n); f != "" {
		return f + ": "
	}
	return ""
}

func TestDump(t *testing.T) {
	path := os.Getenv("DUMP")
	if path == "" {
		t.Skip()
	}
	src, _ := os.ReadFile(path)
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	m, err := p.Parse(source.NewFile(path, source.Python, src))
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	dumpTree(m.syn, 0, 0, &b)
	fmt.Print(b.String())
}
