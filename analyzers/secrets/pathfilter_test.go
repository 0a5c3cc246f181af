package secrets

import (
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/config"
)

// TestPathAllowedMatchesGitleaks checks the prefiltered path check against gitleaks' own on
// every allowlist of the rule set, over paths that hold each regex's literals (in several cases,
// after and before other text), paths that hold none, non-ASCII paths, and the real corpus when
// DAGWARDEN_BENCH_CORPUS names it.
func TestPathAllowedMatchesGitleaks(t *testing.T) {
	cfg, err := loadGitleaksConfig()
	if err != nil {
		t.Fatal(err)
	}
	allowlists := append([]*config.Allowlist(nil), cfg.Allowlists...)
	for _, r := range cfg.Rules {
		allowlists = append(allowlists, r.Allowlists...)
	}
	paths := []string{"dags/etl.py", "src/app/values.yaml", "a", "/", "K\u212aelvin/node_modules/x",
		"ſite-packages/x", "docs/Ñode_modules/x.js"}
	excluded := 0
	for _, a := range allowlists {
		f := pathFilterOf(a)
		for _, fs := range append(slices.Clone(f.factors), f.suffixes...) {
			for _, s := range fs {
				for _, p := range []string{s, "x/" + s, "x/" + s + "/y", strings.ToUpper(s), "a/" + strings.ToUpper(s) + ".map",
					s + "x", "vendor/" + s, "lib/python3.11/" + s, s + "-1.0.dist-info/x", "docs/x" + s, "x" + s + "\n"} {
					paths = append(paths, p)
				}
			}
		}
	}
	if root := os.Getenv("DAGWARDEN_BENCH_CORPUS"); root != "" {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				paths = append(paths, p)
			}
			return nil
		})
	}
	for _, a := range allowlists {
		for _, p := range paths {
			got, want := pathAllowed(a, p), a.PathAllowed(p)
			if got != want {
				t.Errorf("allowlist %q, path %q: prefiltered %v, gitleaks %v", a.Description, p, got, want)
			}
			if len(a.Paths) > 0 && pathFilterOf(a).excludes(p) {
				excluded++
			}
		}
	}
	if excluded == 0 {
		t.Error("the prefilter never excluded a path: it does nothing")
	}
	t.Logf("%d allowlists, %d paths, %d checks answered by the prefilter", len(allowlists), len(paths), excluded)
}

func TestSuffixFactor(t *testing.T) {
	for _, tt := range []struct{ re, want string }{
		{`(?i)\.(?:docx?|pdf|.dll)$`, "dll doc docx pdf"},
		{`\.gem$`, ".gem"},
		{`(?:^|/)gradlew(?:\.bat)?$`, "/gradlew /gradlew.bat gradlew gradlew.bat"},
		{`(?:^|/)node_modules(?:/.*)?$`, ""}, // ends with anything
		{`gitleaks\.toml`, ""},               // not anchored at the end
	} {
		re, err := syntax.Parse(tt.re, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := suffixFactor(re.Simplify())
		slices.Sort(got)
		if strings.Join(got, " ") != tt.want {
			t.Errorf("suffixFactor(%s) = %q, want %q", tt.re, got, tt.want)
		}
	}
}
