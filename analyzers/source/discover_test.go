package source

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

func write(t *testing.T, root, rel, content string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func discover(t *testing.T, base string, roots []string, opt DiscoverOptions) (files []string, skips []string) {
	t.Helper()
	err := Discover(base, roots, opt, func(c Candidate) { files = append(files, c.Path) },
		func(s Skip) { skips = append(skips, s.Path+": "+s.Reason) })
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	return files, skips
}

func TestDiscoverHonoursIgnoresAndSkips(t *testing.T) {
	root := t.TempDir()
	write(t, root, "dags/etl.py", "x = 1\n")
	write(t, root, "dags/build/gen.py", "x = 1\n")
	write(t, root, "dags/debug.log", "log\n")
	write(t, root, "dags/keep.log", "log\n")
	write(t, root, ".gitignore", "build/\n*.log\n!keep.log\n")
	write(t, root, "sub/.gitignore", "/local.py\n")
	write(t, root, "sub/local.py", "x = 1\n")
	write(t, root, "sub/nested/local.py", "x = 1\n")
	write(t, root, "node_modules/pkg/index.js", "x\n")
	write(t, root, ".venv/lib/site.py", "x\n")
	write(t, root, "legacy/old.py", "x\n")
	write(t, root, "big.yaml", strings.Repeat("a: b\n", 100))

	files, skips := discover(t, root, []string{root}, DiscoverOptions{Exclude: []string{"legacy/**"}, MaxBytes: 100})
	want := []string{".gitignore", "dags/etl.py", "dags/keep.log", "sub/.gitignore", "sub/nested/local.py"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files = %v\nwant    %v", files, want)
	}
	if len(skips) != 1 || !strings.HasPrefix(skips[0], "big.yaml: file is 500 bytes") {
		t.Errorf("skips = %v", skips)
	}

	files, _ = discover(t, root, []string{root}, DiscoverOptions{NoIgnore: true, Include: []string{"**/*.py"}})
	want = []string{"dags/build/gen.py", "dags/etl.py", "legacy/old.py", "sub/local.py", "sub/nested/local.py"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("with NoIgnore and include: %v\nwant %v", files, want)
	}
}

func TestDiscoverNamedFilesStillHonourExcludes(t *testing.T) {
	root := t.TempDir()
	write(t, root, "legacy/old.py", "x\n")
	write(t, root, "dags/a.py", "x\n")
	write(t, root, ".gitignore", "dags/\n")
	files, _ := discover(t, root, []string{filepath.Join(root, "legacy/old.py"), filepath.Join(root, "dags/a.py")},
		DiscoverOptions{Exclude: []string{"legacy/**"}})
	if !reflect.DeepEqual(files, []string{"dags/a.py"}) {
		t.Errorf("files = %v, want only dags/a.py (named files ignore .gitignore but not excludes)", files)
	}
}

func TestDiscoverSymlinks(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, "secret.py", "x\n")
	root := t.TempDir()
	write(t, root, "dags/a.py", "x\n")
	must(t, os.Symlink(filepath.Join(outside, "secret.py"), filepath.Join(root, "dags/out.py")))
	must(t, os.Symlink(filepath.Join(root, "dags"), filepath.Join(root, "dags/loop")))
	must(t, os.Symlink(filepath.Join(root, "dags/a.py"), filepath.Join(root, "alias.py")))
	must(t, os.Symlink(filepath.Join(root, "missing.py"), filepath.Join(root, "broken.py")))

	files, skips := discover(t, root, []string{root}, DiscoverOptions{})
	want := []string{"alias.py", "dags/a.py"}
	if !reflect.DeepEqual(files, want) {
		t.Errorf("files = %v, want %v", files, want)
	}
	if len(skips) != 1 || !strings.Contains(skips[0], "outside the scan root") {
		t.Errorf("skips = %v", skips)
	}
}

func TestDiscoverMissingRoot(t *testing.T) {
	err := Discover(t.TempDir(), []string{"/no/such/dir"}, DiscoverOptions{}, func(Candidate) {}, func(Skip) {})
	if err == nil || !strings.Contains(err.Error(), "/no/such/dir does not exist") {
		t.Fatalf("err = %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestClassify(t *testing.T) {
	tests := map[string]Kind{
		"dags/etl.py": Python, "airflow.cfg": INI, "values.yaml": YAML, "docker-compose.yml": YAML,
		"main.tf": HCL, "prod.tfvars": HCL, "cdktf.out/main.tf.json": HCL, "prod.tfvars.json": HCL, "MAIN.TF.JSON": HCL, ".env": Dotenv, ".env.production": Dotenv, "prod.env": Dotenv, ".env_testing": Dotenv, ".env-staging": Dotenv,
		"prefect.toml": TOML, "policy.json": JSON, "Dockerfile": Dockerfile, "Dockerfile.worker": Dockerfile, "Dockerfile_dagster": Dockerfile, "api.dockerfile": Dockerfile, "Containerfile": Dockerfile, "Dockerfile.md": Text, "dockerfile.j2": Text, "run.sh": Text,
	}
	for name, want := range tests {
		if got, ok := Classify(name, nil); !ok || got != want {
			t.Errorf("Classify(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	if got, ok := Classify("bin/run-etl", []byte("#!/usr/bin/env python3\nimport os\n")); !ok || got != Python {
		t.Errorf("python shebang = %q, %v", got, ok)
	}
	for _, tc := range []struct {
		name, head string
		want       Kind
	}{
		{"oauth2-proxy.cfg", "## OAuth2 Proxy\n\nhttp_address = \"0.0.0.0:4180\"\nupstreams = [\n    \"http://web:8080/\"\n]\ncookie_secure = true\n[section]\nk = 'v'\n", TOML},
		{"settings.ini", "title = 'x' # a comment\nport = 8080\n", TOML},
		{".vale.ini", "StylesPath = styles\nMinAlertLevel = suggestion\n", INI},
		{"airflow.cfg", "fernet_key = \"quoted\"\n[core]\n", INI},          // named like configparser's: stays INI
		{"unittests.cfg", "fernet_key = \"quoted\"\n", INI},                // idem
		{"service.ini", "[server]\nhost = \"0.0.0.0\"\n", INI},             // a section header first
		{"mixed.cfg", "name = \"x\"\nBasedOnStyles = Vale, Google\n", INI}, // not TOML further down
		{"semicolon.ini", "; comment\nk = \"v\"\n", INI},
		{"empty.cfg", "", INI},
	} {
		if got, _ := Classify(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("Classify(%q, %q) = %q, want %q", tc.name, tc.head, got, tc.want)
		}
	}
	if _, ok := Classify("logo.png", nil); ok {
		t.Error("png classified")
	}
}

func TestPositions(t *testing.T) {
	f := NewFile("a.py", Python, []byte("ab\r\ncafé = \"x\"\n\nlast"))
	x := strings.Index(string(f.Content), "\"x\"")
	if p := f.Pos(x); p.Line != 2 || p.Col != 8 {
		t.Errorf("Pos = %+v, want line 2 col 8 (code points)", p)
	}
	if got := f.LineText(1); got != "ab" {
		t.Errorf("LineText(1) = %q (CR must be dropped)", got)
	}
	if got := f.OffsetAt(2, 8); got != x {
		t.Errorf("OffsetAt(2, 8) = %d, want %d", got, x)
	}
	if f.LineCount() != 4 || f.LineText(4) != "last" {
		t.Errorf("LineCount = %d, LineText(4) = %q", f.LineCount(), f.LineText(4))
	}
}
