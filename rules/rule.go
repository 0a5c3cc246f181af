package rules

import (
	"bytes"
	"slices"

	"github.com/dagwarden/dagwarden/analyzers/dockerfile"
	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/hcl"
	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/jsonx"
	"github.com/dagwarden/dagwarden/analyzers/python"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/toml"
	"github.com/dagwarden/dagwarden/analyzers/yaml"
)

// Rule is a policy check: its metadata plus one hook per input format it understands. The set of
// non-nil hooks is the rule's applicability, so the docs' "Applies to" cannot drift from the code.
// Hooks return an error only for an internal failure, never to signal a finding.
type Rule struct {
	Meta
	Python func(*Pass, *python.Module) error
	// PythonNeeds lists strings of which a Python file must contain at least one for the Python
	// hook to have anything to find (an import name, a setting name). The engine skips parsing
	// files no rule needs; empty means every Python file.
	PythonNeeds []string
	INI         func(*Pass, *ini.File) error
	Dotenv      func(*Pass, *dotenv.File) error
	TOML        func(*Pass, *toml.File) error
	JSON        func(*Pass, *jsonx.File) error
	YAML        func(*Pass, *yaml.Stream) error
	HCL         func(*Pass, *hcl.File) error
	// Dockerfile runs on Dockerfiles. A rule without one that has a Dotenv hook gets the
	// Dockerfile's ENV and ARG lines through that hook instead.
	Dockerfile func(*Pass, *dockerfile.File) error
	// Text runs on every scanned file, parsed or not, on its raw bytes (text-level secret scan).
	Text func(*Pass, *source.File) error
}

// Kinds lists the input kinds the rule has hooks for.
func (r *Rule) Kinds() []source.Kind {
	var ks []source.Kind
	for _, h := range []struct {
		set  bool
		kind source.Kind
	}{
		{r.Python != nil, source.Python}, {r.INI != nil, source.INI}, {r.Dotenv != nil, source.Dotenv},
		{r.TOML != nil, source.TOML}, {r.JSON != nil, source.JSON}, {r.YAML != nil, source.YAML}, {r.HCL != nil, source.HCL},
		{r.Dockerfile != nil || r.Dotenv != nil, source.Dockerfile},
	} {
		if h.set {
			ks = append(ks, h.kind)
		}
	}
	if r.Text != nil {
		ks = append(ks, source.Text)
	}
	return ks
}

// Run calls the hook that matches the document's type. Text hooks run on every document.
func (r *Rule) Run(p *Pass, doc source.Document) error {
	var err error
	switch d := doc.(type) {
	case *python.Module:
		if r.Python != nil {
			err = r.Python(p, d)
		}
	case *ini.File:
		if r.INI != nil {
			err = r.INI(p, d)
		}
	case *dotenv.File:
		if r.Dotenv != nil {
			err = r.Dotenv(p, d)
		}
	case *toml.File:
		if r.TOML != nil {
			err = r.TOML(p, d)
		}
	case *jsonx.File:
		if r.JSON != nil {
			err = r.JSON(p, d)
		}
	case *yaml.Stream:
		if r.YAML != nil {
			err = r.YAML(p, d)
		}
	case *hcl.File:
		if r.HCL != nil {
			err = r.HCL(p, d)
		}
	case *dockerfile.File:
		if r.Dockerfile != nil {
			err = r.Dockerfile(p, d)
		} else if r.Dotenv != nil {
			err = r.Dotenv(p, d.Env())
		}
	}
	if err != nil {
		return err
	}
	if r.Text != nil {
		if err := r.Text(p, doc.File()); err != nil {
			return err
		}
	}
	return nil
}

// Wants reports whether the rule has a hook that can run on a document of kind k. It runs for
// every rule on every file, so it checks the hooks directly instead of listing Kinds.
func (r *Rule) Wants(k source.Kind) bool {
	if r.Text != nil {
		return true
	}
	switch k {
	case source.Python:
		return r.Python != nil
	case source.INI:
		return r.INI != nil
	case source.Dotenv:
		return r.Dotenv != nil
	case source.TOML:
		return r.TOML != nil
	case source.JSON:
		return r.JSON != nil
	case source.YAML:
		return r.YAML != nil
	case source.HCL:
		return r.HCL != nil
	case source.Dockerfile:
		return r.Dockerfile != nil || r.Dotenv != nil
	}
	return false
}

// PythonGate answers, for a set of rules, whether any of their Python hooks could report anything
// on a file: the union of their PythonNeeds, each string checked once. Strings most Python files
// that need the model hold (the framework names) are checked first, so a pipeline file is
// answered after one short search instead of one search per rule.
type PythonGate struct {
	always  bool // a rule with a Python hook and no PythonNeeds
	needles [][]byte
}

// NewPythonGate builds the gate for rs.
func NewPythonGate(rs []*Rule) *PythonGate {
	g := &PythonGate{}
	seen := map[string]bool{}
	var rest []string
	for _, r := range rs {
		if r.Python == nil {
			continue
		}
		if len(r.PythonNeeds) == 0 {
			g.always = true
		}
		for _, n := range r.PythonNeeds {
			if !seen[n] {
				seen[n] = true
				rest = append(rest, n)
			}
		}
	}
	first := []string{"airflow", "prefect", "dagster"}
	for _, n := range first {
		if seen[n] {
			g.needles = append(g.needles, []byte(n))
		}
	}
	for _, n := range rest {
		if !slices.Contains(first, n) {
			g.needles = append(g.needles, []byte(n))
		}
	}
	return g
}

// Needed reports whether some rule's Python hook could report anything on content.
func (g *PythonGate) Needed(content []byte) bool {
	if g.always {
		return true
	}
	for _, n := range g.needles {
		if bytes.Contains(content, n) {
			return true
		}
	}
	return false
}
