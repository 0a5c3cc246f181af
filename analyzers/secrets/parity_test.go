package secrets

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect"
)

var (
	gitleaksOnlyOnce    sync.Once
	gitleaksOnly        *Scanner
	gitleaksOnlyErr     error
	referenceDetectorMu sync.Mutex
)

// parityScanner is a Scanner restricted to gitleaks' rules, keeping every match (no classifier),
// at the CLI's decode depth: what detect.Detect should find.
func parityScanner(t testing.TB) *Scanner {
	gitleaksOnlyOnce.Do(func() {
		gitleaksOnly, gitleaksOnlyErr = NewScanner(WithGitleaksRulesOnly(), WithUnclassified())
	})
	if gitleaksOnlyErr != nil {
		t.Fatal(gitleaksOnlyErr)
	}
	return gitleaksOnly
}

// referenceDetector is gitleaks' own detector on the same rules and decode depth.
func referenceDetector(t testing.TB) *detect.Detector {
	referenceDetectorMu.Lock()
	defer referenceDetectorMu.Unlock()
	cfg, err := loadGitleaksConfig()
	if err != nil {
		t.Fatal(err)
	}
	d := detect.NewDetector(cfg)
	d.MaxDecodeDepth = DefaultMaxDecodeDepth
	return d
}

// gitleaksLine is the line gitleaks reports for a match starting at off (a '\n' belongs to the
// line after it).
func gitleaksLine(content []byte, off int) int {
	return 1 + bytes.Count(content[:min(off+1, len(content))], []byte("\n"))
}

// compareWithDetect runs both scanners on one file and returns the keys only one of them found.
func compareWithDetect(t testing.TB, s *Scanner, d *detect.Detector, path string, content []byte) (ours, theirs map[string]int) {
	ours, theirs = map[string]int{}, map[string]int{}
	for _, m := range s.Scan(path, content) {
		line := 0
		if !m.PathOnly {
			line = gitleaksLine(content, m.MatchStart)
		}
		ours[fmt.Sprintf("%s|%s|%d|%q", path, m.RuleID, line, m.Secret)]++
	}
	for _, f := range d.Detect(detect.Fragment{Raw: string(content), FilePath: path, StartLine: 1}) {
		line := f.StartLine
		if strings.HasPrefix(f.Match, "file detected: ") {
			line = 0
		}
		theirs[fmt.Sprintf("%s|%s|%d|%q", path, f.RuleID, line, f.Secret)]++
	}
	return ours, theirs
}

type parityResult struct {
	files, findings int
	rules           map[string]bool
	diffs           []string
}

func runParity(t testing.TB, files map[string][]byte) parityResult {
	s := parityScanner(t)
	d := referenceDetector(t)
	res := parityResult{rules: map[string]bool{}}
	for _, path := range sortedKeys(files) {
		res.files++
		ours, theirs := compareWithDetect(t, s, d, path, files[path])
		for k, n := range theirs {
			res.findings += n
			res.rules[strings.Split(k, "|")[1]] = true
			if ours[k] != n {
				res.diffs = append(res.diffs, fmt.Sprintf("detect.Detect %d× vs Scan %d×: %s", n, ours[k], k))
			}
		}
		for k, n := range ours {
			if theirs[k] == 0 {
				res.diffs = append(res.diffs, fmt.Sprintf("Scan only %d×: %s", n, k))
			}
		}
	}
	return res
}

func readFixtures(t testing.TB) map[string][]byte {
	dir := filepath.Join("..", "..", "testdata", "analyzers", "secrets")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files["testdata/"+e.Name()] = b
	}
	return files
}

func reportParity(t *testing.T, what string, res parityResult) {
	t.Logf("%s: %d files, %d detect.Detect findings over %d rules, %d differences",
		what, res.files, res.findings, len(res.rules), len(res.diffs))
	for i, d := range res.diffs {
		if i == 40 {
			t.Errorf("... and %d more", len(res.diffs)-40)
			break
		}
		t.Error(d)
	}
}

func TestParityFixtures(t *testing.T) {
	res := runParity(t, readFixtures(t))
	if res.findings == 0 {
		t.Fatal("the fixtures gave detect.Detect nothing to find")
	}
	reportParity(t, "fixtures", res)
}

// TestParityRuleSamples puts generated samples of every gitleaks rule into files under the paths
// gitleaks' path-restricted rules need.
func TestParityRuleSamples(t *testing.T) {
	s := parityScanner(t)
	files := map[string][]byte{}
	for seed := uint64(1); seed <= 3; seed++ {
		rng := rand.New(rand.NewPCG(seed, 42))
		lines := ruleSamples(rng, s)
		for chunk := 0; chunk*60 < len(lines); chunk++ {
			text := []byte(strings.Join(lines[chunk*60:min(len(lines), chunk*60+60)], "\n"))
			name := []string{"samples.txt", "deploy/values.yaml", "infra/main.tf", "web/config.php", "nuget.config"}[chunk%5]
			files[fmt.Sprintf("seed%d/%02d/%s", seed, chunk, name)] = text
		}
	}
	files["certs/client.p12"] = []byte("binary-ish")
	res := runParity(t, files)
	reportParity(t, "rule samples", res)
	if len(res.rules) < 150 {
		t.Errorf("the samples exercised only %d rules", len(res.rules))
	}
}

func TestParityCorpus(t *testing.T) {
	size := 3 << 20
	if testing.Short() {
		size = 256 << 10
	}
	s := parityScanner(t)
	files := genCorpus(rand.New(rand.NewPCG(7, 7)), s, size, 6)
	reportParity(t, "generated corpus", runParity(t, files))
}

func readFixture(name string) ([]byte, error) {
	return os.ReadFile(filepath.Join("..", "..", "testdata", "analyzers", "secrets", name))
}

// TestParityMultibyteNearKeywords puts wide characters and invalid bytes before and after
// generic-api-key's keywords (windows are bounded in characters; under (?i) the k of "key" also
// matches the 3-byte Kelvin sign): the windows must still hold every match.
func TestParityMultibyteNearKeywords(t *testing.T) {
	secret := "Zx81Qm2Lr7Vt4Nc9Wp3Hy6Bd"
	files := map[string][]byte{}
	for i, pad := range []string{"é", "\u212a", "日本", "a", "\xff"} {
		for n := 0; n <= 60; n += 6 {
			lead := strings.Repeat(pad, n)
			name := fmt.Sprintf("mb/%d_%02d.txt", i, n)
			files[name] = []byte(strings.Join([]string{
				lead + "api_\u212aey = \"" + secret + "\"",
				"x" + lead + "_token: " + secret,
				"secret" + lead + " = " + secret,
				lead + "auth_key=\n" + secret,
			}, "\n"))
		}
	}
	res := runParity(t, files)
	if res.findings == 0 {
		t.Fatal("the samples gave detect.Detect nothing to find")
	}
	reportParity(t, "multibyte near keywords", res)
}
