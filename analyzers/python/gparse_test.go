package python

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

// diffFiles lists the .py files the differential test runs on: the repository's testdata and,
// with DAGWARDEN_BENCH_CORPUS set, the corpus.
func diffFiles(t testing.TB) []string {
	var files []string
	roots := []string{"../../testdata", "testdata"}
	if c := os.Getenv("DAGWARDEN_BENCH_CORPUS"); c != "" {
		roots = append(roots, c)
	}
	for _, root := range roots {
		_ = filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
			if err == nil && !info.IsDir() && strings.HasSuffix(path, ".py") {
				files = append(files, path)
			}
			return nil
		})
	}
	return files
}

func hasErrorNode(nodes []rawNode) bool {
	for _, n := range nodes {
		if n.kind == 0xFFFF || n.flags&flagMissing != 0 || int(n.kind) < len(kindNames) && kindNames[n.kind] == "ERROR" {
			return true
		}
	}
	return false
}

// firstDiff describes the first node where the two tables differ, or returns "".
func firstDiff(want, got []rawNode, src []byte) string {
	desc := func(nodes []rawNode, i int) string {
		if i >= len(nodes) {
			return "<none>"
		}
		n := nodes[i]
		k := fmt.Sprint(n.kind)
		if int(n.kind) < len(kindNames) {
			k = kindNames[n.kind]
		}
		f := ""
		if n.field != 0 && int(n.field) < len(fieldNames) {
			f = fieldNames[n.field] + ":"
		}
		parent := "-"
		if n.parent >= 0 && int(n.parent) < len(nodes) {
			parent = fmt.Sprintf("#%d %s", n.parent, kindNames[nodes[n.parent].kind])
		}
		return fmt.Sprintf("%s%s(k%d f%d) flags=%d [%d-%d] parent=%s", f, k, n.kind, n.field, n.flags, n.start, n.end, parent)
	}
	for i := 0; i < len(want) || i < len(got); i++ {
		if i < len(want) && i < len(got) && want[i] == got[i] {
			continue
		}
		at := 0
		if i < len(want) {
			at = int(want[i].start)
		} else if i < len(got) {
			at = int(got[i].start)
		}
		lo, hi := at-80, at+80
		if lo < 0 {
			lo = 0
		}
		if hi > len(src) {
			hi = len(src)
		}
		return fmt.Sprintf("node %d:\n  tree-sitter: %s\n  goParse:     %s\n  source: %q", i, desc(want, i), desc(got, i), src[lo:hi])
	}
	return ""
}

func TestGoParseMatchesTreeSitter(t *testing.T) {
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	var where string
	bailHook = func() {
		pc := make([]uintptr, 3)
		runtime.Callers(3, pc)
		frames := runtime.CallersFrames(pc)
		var parts []string
		for {
			f, more := frames.Next()
			name := f.Function[strings.LastIndex(f.Function, ".")+1:]
			parts = append(parts, fmt.Sprintf("%s:%d", name, f.Line))
			if !more {
				break
			}
		}
		where = strings.Join(parts, " < ")
		if gp := lastParser; gp != nil && gp.tok.end <= len(gp.src) {
			where += fmt.Sprintf(" tok=%q", gp.src[gp.tok.start:gp.tok.end])
		}
	}
	defer func() { bailHook = nil }()
	var files, handled, mismatches, errFiles int
	var bytesAll, bytesHandled int64
	hist := map[string]int{}
	histBytes := map[string]int64{}
	example := map[string]string{}
	for _, path := range diffFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := parseFlat(p.p, src)
		tsErr := hasErrorNode(want)
		where = ""
		got, ok := goParse(src)
		files++
		bytesAll += int64(len(src))
		if tsErr {
			errFiles++
			if ok {
				t.Errorf("%s: tree-sitter reports a syntax error but goParse accepted it", path)
			}
			continue
		}
		if !ok {
			if where == "" {
				where = "panic or precheck"
			}
			hist[where]++
			histBytes[where] += int64(len(src))
			if _, seen := example[where]; !seen {
				example[where] = path
			}
			continue
		}
		handled++
		bytesHandled += int64(len(src))
		if d := firstDiff(want, got, src); d != "" {
			mismatches++
			if mismatches <= 10 {
				t.Errorf("%s: %s", path, d)
			}
		}
	}
	t.Logf("goParse handled %d/%d files (%.1f%%), %d/%d bytes (%.1f%%); %d files with tree-sitter errors; %d mismatches",
		handled, files, 100*float64(handled)/float64(max(files, 1)), bytesHandled, bytesAll,
		100*float64(bytesHandled)/float64(max(bytesAll, 1)), errFiles, mismatches)
	keys := make([]string, 0, len(hist))
	for k := range hist {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return histBytes[keys[i]] > histBytes[keys[j]] })
	for i, k := range keys {
		if i >= 25 {
			break
		}
		t.Logf("bail %6d files %9d bytes  %s  (e.g. %s)", hist[k], histBytes[k], k, example[k])
	}
}

// TestGoParseSnippets checks small constructs directly.
func TestGoParseSnippets(t *testing.T) {
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	for _, s := range goParseSnippets {
		src := []byte(s)
		want, _ := parseFlat(p.p, src)
		got, ok := goParse(src)
		if !ok {
			continue
		}
		if d := firstDiff(want, got, src); d != "" {
			t.Errorf("%q: %s\ntree-sitter:\n%s\ngoParse:\n%s", s, d, dumpFlat(want, src), dumpFlat(got, src))
		}
	}
}

var goParseSnippets = []string{
	"x = 1\n",
	"# c\n\nx = 1  \n# d\n\n",
	"def f(a, *b, c: int = 1, **d) -> int:  # c1\n    # c2\n    x = 1 + \\\n        2\n    if a not in b: pass  # c3\n    # c4\n# c5\n",
	"s = \"a\\nb{{\" f'x{y!r:>{w}}z' rb'\\d' u\"\\N{DASH}\"\n",
	"x = a if b else c\ny = lambda x=1, *a: x\n",
	"match command.split():\n    # c\n    case [a, (b, c), *_] | {1 | -2: x, \"k\": y as z, **kw} if a if b else c:  # d\n        pass\n    case Point(1, y=-1+2j | (3,), z=A.B) | str() | None | _: pass\n    case {}: pass\n",
	"f(*a.b, *c(d), *e[f], *g + h, *i ** j, *k.l(m).n[o], **p.q)\n",
	"x = [*a.b, 1] + [1, *c(d)] + [*e(f)] + [*g + h]\ny = f\"{*i(j),}\"\n*k(l), m = n\n",
	"with (a as b):\n    pass\nwith (a,):\n    pass\nwith (a as b, c,):\n    pass\n",
	"A: A[A\n[0]]\nB: Dict[\n    str,\n    Any  # c\n]\n",
	"def f() -> A: *a: 0\ndef g() -> A[B] | C:  # c\n    pass\n",
	"a,\nb = 1\na, b,\nc = 1\nf(x),\ny = 2\na = 1,\n*k(l), m = n\n",
	"with A(\n    b\n) if c else D.get() as e:\n    pass\nwith a or b as c, d + e as f:\n    pass\ntry:\n    pass\nexcept A if b else C as e:\n    pass\n",
	"match (x), -y,:\n    case 1 as z: pass\nmatch(x)\nmatch[x] = 1\nmatch - x\nmatch = match.group()\n",
	"x: a | b[c] | d = None\ny: a[b] | c[d] | e = 1\nz: a[b] | c | d[e] | f\nw: a[b | c[d], e[f] | g] | None\n",
	"def f(x: a[b] | c[d] = 1, *y: e[f] | g, z: h | i[j]) -> k[l] | m or n:\n    v: o[p] | q[r] = t\n",
	"v: o[p] | q[r].s = t\n",
	"u: a[b] | c[d][e]\n",
	"type(x).y = z  # c\ntype(x)\ntype(a.b).c == d(e=1)\ntype X[T] = list[T] | None\ntype(x)[0] += 1\nif a: type(x).y = b; type(c)\ntype = 1\ntype.x = 2\n",
	"type(x).y = z = w\n",
	"x: a[*b, **c] | d[e].f | g[h].i.j | k = 1\ndef f(*a: *b, **c: **d) -> e[f].g: pass\ntype X = a[b].c\ny: *a = 1\n",
	"x: a[b].c[d]\n",
	"x: a[*b.c]\n",
	"async def f():\n    async with await a.b() as c, not d as e, f() >> g() as h:\n        x = [i async for i in y if z] + {i: j async for i, j in y async for k in i}\n    try:\n        pass\n    except a or b as e:\n        pass\n",
	"with a if b else c as d: pass\n",
	"x = [i for async for i in y]\n",
	"with a as (b, *c), d as [e], f as (g): pass\nwith (a as (b, c), d as (e,)):\n    pass\ntry:\n    pass\nexcept a as (b, c):\n    pass\n",
	"with a as (b, c) + d: pass\n",
	"with (a or b).c() as d, (e / \"f\").g():\n    pass\nwith (\n    a\n) as b, (c, d) as e, (f), (g,) as h:\n    pass\n",
	"with (a as b).c: pass\n",
	"type(x).y = 1, 2\n",
}

// TestGoParseDump prints both tables for $GODUMP (a file or a snippet).
func TestGoParseDump(t *testing.T) {
	s := os.Getenv("GODUMP")
	if s == "" {
		t.Skip()
	}
	src := []byte(s)
	if b, err := os.ReadFile(s); err == nil {
		src = b
	}
	p, err := NewParser()
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	want, _ := parseFlat(p.p, src)
	got, ok := goParse(src)
	fmt.Printf("tree-sitter:\n%s\ngoParse (ok=%v):\n%s\n", dumpFlat(want, src), ok, dumpFlat(got, src))
	if d := firstDiff(want, got, src); ok && d != "" {
		fmt.Println("DIFF", d)
	}
}

// FuzzGoParse holds goParse to its contract on arbitrary input: whenever it accepts a file, its
// table equals tree-sitter's, and it never accepts a file tree-sitter reports errors in.
func FuzzGoParse(f *testing.F) {
	for _, s := range fixtureSeeds(f) {
		f.Add(s)
	}
	for _, s := range goParseSnippets {
		f.Add([]byte(s))
	}
	p, err := NewParser()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		got, ok := goParse(src)
		if !ok {
			return
		}
		want, _ := parseFlat(p.p, src)
		if hasErrorNode(want) {
			t.Fatalf("goParse accepted input tree-sitter reports errors in:\n%s", dumpFlat(want, src))
		}
		if d := firstDiff(want, got, src); d != "" {
			t.Fatalf("%s\ntree-sitter:\n%s\ngoParse:\n%s", d, dumpFlat(want, src), dumpFlat(got, src))
		}
	})
}
