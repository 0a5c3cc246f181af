package ini

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// parityScript prints what CPython's configparser reads from each file, as Airflow reads it
// (RawConfigParser, strict=False; utf-8-sig because the scanner also reads past a BOM).
const parityScript = `
import configparser, json, sys
out = {}
for path in sys.argv[1:]:
    cp = configparser.RawConfigParser(strict=False)
    res = {"error": None, "missing_header": False}
    try:
        with open(path, encoding="utf-8-sig") as fp:
            cp.read_file(fp)
    except configparser.MissingSectionHeaderError as e:
        res["error"] = str(e); res["missing_header"] = True
    except configparser.Error as e:
        res["error"] = str(e)
    secs = {s: {k: v for k, v in cp._sections[s].items() if k} for s in cp._sections}
    if cp._defaults:
        secs["DEFAULT"] = dict(cp._defaults)
    res["sections"] = secs
    out[path] = res
print(json.dumps(out))
`

// parityCases are tricky inputs beyond the fixtures, each checked against configparser.
var parityCases = map[string]string{
	"continuation-after-bad-line.cfg": "[a]\nk = v\nno delimiter here\n  still continues k\n",
	"greedy-header.cfg":               "[a]b] trailing\nx=1\n[c]\n",
	"header-then-indent.cfg":          "[a]\n  k = v\n    more\n  j: w\n",
	"blank-lines-kept.cfg":            "[a]\nk =\n\n  x\n\n\n  y\n\n\nj = 2\n",
	"comment-in-value.cfg":            "[a]\nk = 1\n  # c\n  2\n ; d\n",
	"delimiters.cfg":                  "[a]\nk : v = w\nurl = http://h:1/x\n  spaced key  =  spaced value  \n",
	"unicode-space.cfg":               "[a]\n\u3000k = v\u00a0\n\tk2=\x1fw\x1f\n",
	"empty-key.cfg":                   "[a]\n= nokey\nk = v\n",
	"crlf.cfg":                        "[a]\r\nk = v\r\n  w\r\n\r\nz = 1\r\n",
	"percent.cfg":                     "[a]\np = 100%%\nq = %(p)s\n",
	"defaults.cfg":                    "[DEFAULT]\nh = 1\n[a]\nH = 2\n",
}

func TestParityWithConfigparser(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not available")
	}
	paths, _ := filepath.Glob(filepath.Join(fixtures, "*.cfg"))
	dir := t.TempDir()
	for name, content := range parityCases {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out, err := exec.Command(py, append([]string{"-c", parityScript}, paths...)...).Output()
	if err != nil {
		t.Skipf("python3 configparser script failed: %v", err)
	}
	var want map[string]struct {
		Error         *string
		MissingHeader bool `json:"missing_header"`
		Sections      map[string]map[string]string
	}
	if err := json.Unmarshal(out, &want); err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		w := want[p]
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := Parse(source.NewFile(p, source.INI, b))
		if w.Error != nil && len(doc.SyntaxErrors()) == 0 {
			t.Errorf("%s: configparser fails (%s) but the scanner reported nothing", filepath.Base(p), *w.Error)
		}
		if w.MissingHeader {
			continue // configparser stopped at the first line; the scanner reads on
		}
		if diff := cmp.Diff(w.Sections, rawMap(doc)); diff != "" {
			t.Errorf("%s: scanner differs from configparser (-python +scanner):\n%s", filepath.Base(p), diff)
		}
	}
}

func rawMap(f *File) map[string]map[string]string {
	m := map[string]map[string]string{}
	for _, s := range f.Sections() {
		m[s.Name] = map[string]string{}
		for _, o := range s.Effective() {
			m[s.Name][o.Key] = o.Raw
		}
	}
	return m
}
