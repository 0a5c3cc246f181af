package python

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"

	ts "github.com/tree-sitter/go-tree-sitter"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

func TestLayout(t *testing.T) {
	if unsafe.Sizeof(rawNode{}) != rawNodeSize {
		t.Fatalf("rawNode is %d bytes, C dw_node %d", unsafe.Sizeof(rawNode{}), rawNodeSize)
	}
	if unsafe.Sizeof(ts.Parser{}) != unsafe.Sizeof(uintptr(0)) {
		t.Fatal("go-tree-sitter Parser is no longer a single pointer")
	}
}

func TestSyntaxErrors(t *testing.T) {
	m := parseFixture(t, "broken.py")
	errs := m.SyntaxErrors()
	if len(errs) < 3 {
		t.Fatalf("want at least 3 syntax errors, got %+v", errs)
	}
	if errs[0].Span.Start.Line != 4 {
		t.Errorf("first error on line %d, want 4", errs[0].Span.Start.Line)
	}
	for _, e := range errs {
		if e.Span.Start.Line < 4 || e.Msg == "" {
			t.Errorf("bad error %+v", e)
		}
	}
	post := findCall(t, m, "requests.post", 0)
	if at(post.Span) != [2]int{13, 5} || !post.Keyword("verify").Value.IsFalse() {
		t.Errorf("call after the errors = %+v", post)
	}
	if c := m.Comments(); len(c) != 2 || c[1].Text != "still found" || c[1].OwnLine || !c[0].OwnLine {
		t.Errorf("comments = %+v", c)
	}
}

func TestComments(t *testing.T) {
	src := "# top\r\nx = '# not a comment'  # trailing\r\n    # indented\r\ns = f\"{a}#{b}\" # after f\n"
	m := parseString(t, "c.py", src)
	want := []struct {
		text string
		own  bool
		line int
		col  int
	}{{"top", true, 1, 1}, {"trailing", false, 2, 24}, {"indented", true, 3, 5}, {"after f", false, 4, 16}}
	c := m.Comments()
	if len(c) != len(want) {
		t.Fatalf("comments = %+v", c)
	}
	for i, w := range want {
		if c[i].Text != w.text || c[i].OwnLine != w.own || at(c[i].Span) != [2]int{w.line, w.col} {
			t.Errorf("comment %d = %+v, want %+v", i, c[i], w)
		}
	}
}

func TestHostileInputs(t *testing.T) {
	inputs := map[string]string{
		"empty":        "",
		"nul":          "x = 1\x00\x00\ny = requests.get(u, verify=False)\n",
		"invalid":      "s = '\xff\xfe\x80'\nprint(s)\n",
		"bom":          "\ufeffimport os\npassword = os.environ['DB_PASSWORD']\nprint(password)\n",
		"crlf":         "import logging\r\nlog = logging.getLogger()\r\ntoken = 'x'\r\nlog.info(token)\r\n",
		"nested":       "x = " + strings.Repeat("(", 5000) + "1" + strings.Repeat(")", 5000) + "\n",
		"deep":         "x = " + strings.Repeat("[", 3000) + strings.Repeat("]", 3000) + "\n",
		"calls":        "x = " + strings.Repeat("f(", 3000) + strings.Repeat(")", 3000) + "\n",
		"attrs":        "x = a" + strings.Repeat(".b", 5000) + "\n",
		"plus":         "x = 'a'" + strings.Repeat(" + token", 5000) + "\nprint(x)\n",
		"indent":       nestedIfs(300),
		"unterminated": "s = f'{x\n\"\"\"\n",
		"selfref":      "a = b\nb = a\nprint(a)\ntoken = token\nprint(token)\n",
	}
	for name, src := range inputs {
		t.Run(name, func(t *testing.T) {
			m := parseString(t, name+".py", src)
			exercise(m)
		})
	}
	m := parseString(t, "bom.py", inputs["bom"])
	if fl := m.SecretFlows(); len(fl) != 1 || fl[0].Origin.Kind != OriginEnv {
		t.Errorf("BOM file flows = %v", fl)
	}
	m = parseString(t, "crlf.py", inputs["crlf"])
	if fl := m.SecretFlows(); len(fl) != 1 || fl[0].Arg.Span.Start.Line != 4 {
		t.Errorf("CRLF file flows = %v", fl)
	}
}

func nestedIfs(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat(" ", i) + "if x:\n")
	}
	b.WriteString(strings.Repeat(" ", n) + "print(token)\n")
	return b.String()
}

// exercise calls every accessor, as rules would.
func exercise(m *Module) {
	_ = m.Comments()
	_ = m.SyntaxErrors()
	_ = m.Frameworks().Names()
	_ = m.Imports("requests")
	touch := func(e *Expr) {
		if e == nil {
			return
		}
		_ = e.Value()
		_, _ = e.String()
		_, _ = e.Parts()
		_ = e.Dict()
		_ = e.Items()
		_ = e.Name()
		_ = e.IsFalse()
		_, _ = m.Tainted(e)
	}
	for _, c := range m.Calls() {
		_, _ = c.LogSink()
		_ = c.CapturedPrint()
		for _, a := range c.Args {
			touch(a)
		}
		for _, k := range c.Keywords {
			touch(k.Value)
		}
		touch(c.Expr)
	}
	for _, a := range m.Assignments() {
		touch(a.Value)
	}
	for _, f := range m.Functions() {
		for _, r := range f.Returns() {
			touch(r)
		}
		for _, p := range f.Params {
			touch(p.Default)
		}
	}
	_ = m.SecretFlows()
}

func fixtureSeeds(t testing.TB) [][]byte {
	paths, _ := filepath.Glob(filepath.Join(fixtureDir, "*.py"))
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

func FuzzParse(f *testing.F) {
	for _, s := range fixtureSeeds(f) {
		f.Add(s)
	}
	f.Add([]byte("x = f'{a!r:>{w}}' 'b' + \"c\" % (d,)\n"))
	p, err := NewParser()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		m, err := p.Parse(source.NewFile("fuzz.py", source.Python, src))
		if err != nil {
			return
		}
		exercise(m)
		for _, c := range m.Comments() {
			if c.Span.Start.Offset < 0 || c.Span.End.Offset > len(src) {
				t.Fatalf("comment span out of range: %+v", c.Span)
			}
		}
	})
}

// TestNoLeak parses thousands of files and checks the C heap (process RSS) does not grow.
func TestNoLeak(t *testing.T) {
	if testing.Short() {
		t.Skip()
	}
	src := fixtureSeeds(t)
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	run := func(n int) {
		for i := 0; i < n; i++ {
			s := src[i%len(src)]
			m, err := p.Parse(source.NewFile("x.py", source.Python, s))
			if err != nil {
				t.Fatal(err)
			}
			_ = m.SecretFlows()
		}
	}
	run(500)
	runtime.GC()
	before := rss(t)
	run(5000)
	runtime.GC()
	after := rss(t)
	// an unclosed tree of a small file leaks tens of KB: 5,000 would be well over 50 MB
	if after-before > 20<<20 {
		t.Errorf("RSS grew from %d to %d KB over 5,000 parses", before>>10, after>>10)
	}
}

func rss(t *testing.T) int64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		t.Skip("no /proc/self/statm")
	}
	var size, res int64
	if _, err := fmtSscan(string(b), &size, &res); err != nil {
		t.Skip(err)
	}
	return res * int64(os.Getpagesize())
}
