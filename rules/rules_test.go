package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
	"github.com/dagwarden/dagwarden/rules/ruletest"
)

// TestFixtures runs every rule over its fixtures through the real engine.
func TestFixtures(t *testing.T) {
	for _, r := range rules.All() {
		if r.Builtin {
			continue
		}
		t.Run(r.ID, func(t *testing.T) {
			t.Parallel()
			ruletest.Run(t, r, ruletest.Dir(r.ID))
		})
	}
}

func TestMetadata(t *testing.T) {
	if err := rules.Validate(rules.All()); err != nil {
		t.Fatal(err)
	}
}

// TestFixtureLayout checks that each rule has a bad example that expects it and a good example.
func TestFixtureLayout(t *testing.T) {
	for _, r := range rules.All() {
		if r.Builtin {
			continue
		}
		dir := ruletest.Dir(r.ID)
		bad, _ := filepath.Glob(filepath.Join(dir, "bad.*"))
		good, _ := filepath.Glob(filepath.Join(dir, "good.*"))
		if len(bad) == 0 || len(good) == 0 {
			t.Errorf("%s: needs bad.<ext> and good.<ext> in %s", r.ID, dir)
			continue
		}
		for _, b := range bad {
			if strings.HasSuffix(b, ".want") {
				continue
			}
			data, _ := os.ReadFile(b)
			side, _ := os.ReadFile(b + ".want") // JSON keeps expectations in a sidecar
			if !strings.Contains(string(data)+string(side), "want: "+r.ID) {
				t.Errorf("%s: %s expects no finding of the rule", r.ID, b)
			}
		}
		for _, g := range good {
			data, _ := os.ReadFile(g)
			if strings.Contains(string(data), "want: ") {
				t.Errorf("%s: %s must expect no finding", r.ID, g)
			}
		}
	}
}

// TestRuleFilesAndRegistration checks the mechanical spellings: every exported *Rule variable in
// this package is registered in All, lives in the file named after its ID, and is named after it.
func TestRuleFilesAndRegistration(t *testing.T) {
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	if err != nil {
		t.Fatal(err)
	}
	registered := map[string]bool{}
	for _, r := range rules.All() {
		registered[r.ID] = true
	}
	declared := 0
	for _, pkg := range pkgs {
		for fname, file := range pkg.Files {
			for _, decl := range file.Decls {
				gd, ok := decl.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if !name.IsExported() || i >= len(vs.Values) || !isRuleLiteral(vs.Values[i]) {
							continue
						}
						declared++
						checkSpelling(t, filepath.Base(fname), name.Name, registered)
					}
				}
			}
		}
	}
	if declared != len(rules.All()) {
		t.Errorf("%d rule variables declared, %d registered in All", declared, len(rules.All()))
	}
}

func isRuleLiteral(e ast.Expr) bool {
	u, ok := e.(*ast.UnaryExpr)
	if !ok || u.Op != token.AND {
		return false
	}
	cl, ok := u.X.(*ast.CompositeLit)
	if !ok {
		return false
	}
	id, ok := cl.Type.(*ast.Ident)
	return ok && id.Name == "Rule"
}

func checkSpelling(t *testing.T, file, varName string, registered map[string]bool) {
	t.Helper()
	for _, r := range rules.All() {
		if r.Name() != varName {
			continue
		}
		if r.Builtin {
			return // builtins share suppression_rules.go
		}
		if want := strings.ReplaceAll(r.ID, "-", "_") + ".go"; file != want {
			t.Errorf("rule %s is declared in %s, want %s", r.ID, file, want)
		}
		return
	}
	t.Errorf("variable %s in %s matches no registered rule ID (name it after the ID and add it to All)", varName, file)
}

// TestWantsMatchesKinds keeps the allocation-free Wants in step with Kinds.
func TestWantsMatchesKinds(t *testing.T) {
	for _, r := range rules.All() {
		for _, k := range append(append([]source.Kind(nil), source.Kinds...), source.Dockerfile) {
			if got, want := r.Wants(k), slices.Contains(r.Kinds(), k); got != want {
				t.Errorf("%s: Wants(%s) = %v, Kinds says %v", r.ID, k, got, want)
			}
		}
	}
}
