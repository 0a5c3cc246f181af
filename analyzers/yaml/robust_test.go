package yaml

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

// exercise reads everything a rule could read, bounded only by what the API bounds itself.
func exercise(t *testing.T, s *Stream) {
	t.Helper()
	sourcetest.CheckSpans(t, s, len(s.File().Content))
	s.Kind()
	s.Manifests()
	for _, d := range s.Documents() {
		visit(d, 0)
		d.Extent()
	}
}

func visit(n *Node, depth int) {
	if depth > 50 {
		return
	}
	n.Value()
	n.Span()
	n.KeySpan()
	for _, p := range n.Pairs() {
		visit(p.Value, depth+1)
	}
	for _, it := range n.Items() {
		if !it.IsAlias() { // a rule walking a whole tree must not expand aliases either
			visit(it, depth+1)
		}
	}
}

func TestHostileInputs(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"invalid utf-8", "a: \xff\xfe\nb: 'x\xc3'\n# \xff\n"},
		{"nul bytes", "a: b\x00c\n\x00: 1\n"},
		{"bom only", "\ufeff"},
		{"crlf block scalar", "a: |\r\n  x\r\n  # y\r\nb: 1\r\n"},
		{"deep flow", strings.Repeat("[", 20000) + strings.Repeat("]", 20000)},
		{"deep block", deepBlock(3000)},
		{"unclosed quote", "a: \"x\nb: 1\n"},
		{"unclosed action", "a: {{ .Values.x\nb: 1\n"},
		{"action spanning lines", "{{- /*\nx: y\n*/ -}}\na: 1\n"},
		{"only markers", "---\n---\n...\n"},
		{"tab indentation", "a:\n\tb: 1\n"},
		{"self alias", "a: &a [*a]\n"},
		{"unknown alias", "a: *nope\n"},
		{"merge of scalar", "a: &a 1\nb:\n  <<: *a\n"},
		{"wide characters", "ключ: \"значение\" # комментарий\n名前: 値\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Parse(source.NewFile("h.yaml", source.YAML, []byte(tc.src)))
			if err != nil {
				t.Fatal(err)
			}
			exercise(t, s)
		})
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "k:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "v\n")
	return b.String()
}

func TestWideCharacterColumns(t *testing.T) {
	s, _ := Parse(source.NewFile("w.yaml", source.YAML, []byte("ключ: \"значение\" # комментарий\n")))
	e := one(t, s.Entries(), "ключ")
	at(t, "value after Cyrillic key", e.Value.Span, 1, 8)
	if e.Value.Text != "значение" || s.File().Text(e.Value.Span) != "значение" {
		t.Errorf("value = %q, span text %q", e.Value.Text, s.File().Text(e.Value.Span))
	}
	if cs := s.Comments(); len(cs) != 1 || cs[0].Span.Start.Col != 18 {
		t.Errorf("comments = %+v", cs)
	}
}

// billion laughs: 10 scalars, 30 levels of 10 aliases each (10^30 if expanded)
func aliasBomb() string {
	var b strings.Builder
	b.WriteString("a: &a [x,x,x,x,x,x,x,x,x,x]\n")
	prev := "a"
	for i := 0; i < 30; i++ {
		name := "l" + strings.Repeat("z", i)
		b.WriteString(name + ": &" + name + " [" + strings.Repeat("*"+prev+",", 9) + "*" + prev + "]\n")
		prev = name
	}
	return b.String()
}

// the same with merge keys: every level merges the previous one ten times
func mergeBomb() string {
	var b strings.Builder
	b.WriteString("m0: &m0 {k0: v}\n")
	for i := 1; i <= 30; i++ {
		prev := "*m" + strconv.Itoa(i-1)
		b.WriteString("m" + strconv.Itoa(i) + ": &m" + strconv.Itoa(i) + " {<<: [" + strings.Repeat(prev+",", 9) + prev + "], k" + strconv.Itoa(i) + ": v}\n")
	}
	return b.String()
}

func TestAliasAndMergeBombsStayCheap(t *testing.T) {
	start := time.Now()
	s, _ := Parse(source.NewFile("bomb.yaml", source.YAML, []byte(aliasBomb())))
	if n := len(s.Entries()); n != 10 {
		t.Errorf("entries = %d, want the 10 scalars written once", n)
	}
	exercise(t, s)
	top := s.Documents()[0].Get("l" + strings.Repeat("z", 29))
	if len(top.Items()) != 10 || !top.Items()[0].IsAlias() || !top.Items()[0].IsSeq() {
		t.Error("aliases are readable one level at a time")
	}

	m, _ := Parse(source.NewFile("merge.yaml", source.YAML, []byte(mergeBomb())))
	last := m.Documents()[0].Get("m30")
	pairs := last.Pairs()
	if len(pairs) != 31 {
		t.Errorf("m30 has %d pairs, want k0..k30 once each", len(pairs))
	}
	if k0 := last.Get("k0"); k0 == nil || k0.KeySpan().Start.Line != 1 {
		t.Error("merged key keeps its anchor's position")
	}
	exercise(t, m)
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("bombs took %v", d)
	}
}
