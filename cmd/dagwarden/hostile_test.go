package main

import (
	"encoding/json"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestHostileTree scans a tree built to break scanners: the scan finishes, exits 0 or 1 (never 2),
// never panics, reports what it could not read as notices, and still finds what is findable.
func TestHostileTree(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	write := func(rel string, data []byte) {
		t.Helper()
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	finding := "from airflow.models import Connection\r\nConnection(conn_id='x', password='hunter2-not-real')\r\n"
	write("dags/bom crlf é.py", append([]byte{0xEF, 0xBB, 0xBF}, finding...))
	write("dags/binary.py", []byte("\x7fELF\x02\x01\x01\x00\x00\x00binary"))
	write("dags/latin1.py", []byte("# caf\xe9\nx = '\xff\xfe'\n"))
	write("dags/nested.py", []byte("x = "+strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+"\n"))
	write("dags/one_line.py", []byte("x = '"+strings.Repeat("a", 3<<20)+"'\n"))
	write("conf/nested.json", []byte(strings.Repeat("[", 100000)+strings.Repeat("]", 100000)))
	write("conf/nested.yaml", []byte(strings.Repeat("- ", 5000)+"x\n"))
	write("conf/bomb.yaml", []byte("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"))
	write("conf/airflow.cfg", []byte("fernet_key = before any section\n[core\nbroken\n"))
	write("conf/main.tf", []byte("resource \"x\" {\n  a = {{{\n"))
	write("conf/big.env", []byte(strings.Repeat("A=1\n", 10)+"\x00"))
	write("helm/templates/secret.yaml", []byte("apiVersion: v1\nkind: Secret\ndata:\n  password: {{ .Values.password | b64enc }}\n{{- if .Values.x }}\n"))
	os.WriteFile(filepath.Join(outside, "secret.py"), []byte(finding), 0o644)
	if err := os.Symlink(outside, filepath.Join(root, "dags", "outside")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "secret.py"), filepath.Join(root, "dags", "outside.py")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "dags"), filepath.Join(root, "dags", "loop")); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	code, out, stderr := runCLI(t, "scan", "--format", "json", "--max-file-size", strconv.Itoa(4<<20), root)
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr)
	}
	if strings.Contains(stderr, "panic") || strings.Contains(out, "goroutine ") {
		t.Fatalf("panic:\n%s", stderr)
	}
	if d := time.Since(start); d > 60*time.Second {
		t.Errorf("scan took %s", d)
	}
	// the finding in the BOM + CRLF file is found, with columns counted from after the BOM
	if !strings.Contains(out, `"path": "dags/bom crlf é.py",
      "line": 2,
      "column": 25,`) {
		t.Errorf("finding in the BOM/CRLF file missing or misplaced:\n%s", out)
	}
	var report struct {
		Findings []struct{ Path string }
	}
	if err := json.Unmarshal([]byte(out), &report); err != nil {
		t.Fatal(err)
	}
	for _, f := range report.Findings {
		if strings.Contains(f.Path, "outside") || strings.Contains(f.Path, "loop") {
			t.Errorf("followed a symlink: finding in %s", f.Path)
		}
	}
	if strings.Contains(out, "hunter2") {
		t.Error("the output shows the secret")
	}
	if !strings.Contains(out, "symlink points outside the scan root") {
		t.Errorf("no notice for the symlink leaving the root")
	}
	for _, broken := range []string{"conf/airflow.cfg", "conf/nested.json"} {
		if !strings.Contains(out, `"path": "`+broken+`"`) {
			t.Errorf("no notice for %s", broken)
		}
	}
}

// TestScanExecutesNothingAndOpensNoConnection scans Python and YAML that would write a file and
// connect to a listener if anything imported, executed or deserialised them.
func TestScanExecutesNothingAndOpensNoConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Skip("no loopback listener:", err)
	}
	defer ln.Close()
	connected := make(chan struct{}, 1)
	go func() {
		if c, err := ln.Accept(); err == nil {
			c.Close()
			connected <- struct{}{}
		}
	}()
	root := t.TempDir()
	marker := filepath.Join(t.TempDir(), "executed")
	port := ln.Addr().(*net.TCPAddr).Port
	py := "import socket, pathlib\npathlib.Path(" + strconv.Quote(marker) + ").write_text('x')\n" +
		"socket.create_connection(('127.0.0.1', " + strconv.Itoa(port) + "))\n"
	os.WriteFile(filepath.Join(root, "dag.py"), []byte(py), 0o644)
	os.WriteFile(filepath.Join(root, "setup.py"), []byte(py), 0o644)
	os.WriteFile(filepath.Join(root, "conftest.py"), []byte(py), 0o644)
	os.WriteFile(filepath.Join(root, "values.yaml"), []byte("x: !!python/object/apply:os.system ['touch "+marker+"']\nurl: http://127.0.0.1:"+strconv.Itoa(port)+"/\n"), 0o644)
	if code, _, stderr := runCLI(t, "scan", "--format", "sarif", root); code == 2 {
		t.Fatalf("exit 2: %s", stderr)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("scanning executed code from the scanned tree")
	}
	select {
	case <-connected:
		t.Fatal("scanning opened a network connection")
	case <-time.After(200 * time.Millisecond):
	}
}
