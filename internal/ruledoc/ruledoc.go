// Package ruledoc renders a rule's documentation from its metadata and its fixtures. The same
// renderer feeds docs/rules/*.md (generated, checked for staleness by a test), `dagwarden
// explain`, and the SARIF help that code scanning shows next to an alert.
package ruledoc

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
)

// DocsURL is where the rendered pages are published.
const DocsURL = "https://github.com/dagwarden/dagwarden/blob/main/docs/rules/"

// PageURL is the address of one rule's page.
func PageURL(id string) string { return DocsURL + id + ".md" }

// Example is one fixture file shown in the docs.
type Example struct {
	Name    string // file name, e.g. bad.py
	Lang    string // fence language
	Code    string // content with test markers removed
	Flagged bool
}

var markerRe = regexp.MustCompile(`(?m)[ \t]*(#|//|;)[ \t]*(want|known-fp|known-fn):.*$`)

// Examples reads testdata/rules/<id>/bad.* and good.* (only those two: scenario files are tests,
// not docs) with their test markers stripped.
func Examples(testdata, id string) ([]Example, error) {
	dir := filepath.Join(testdata, "rules", id)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []Example
	for _, e := range entries {
		name := e.Name()
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		if e.IsDir() || strings.HasSuffix(name, ".want") || (stem != "bad" && stem != "good" && !strings.HasPrefix(name, "bad.") && !strings.HasPrefix(name, "good.")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, err
		}
		code := stripMarkers(string(data))
		kind, _ := source.Classify(name, data)
		out = append(out, Example{Name: name, Lang: fenceLang(kind, name), Code: code, Flagged: strings.HasPrefix(name, "bad")})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Flagged != out[j].Flagged {
			return out[i].Flagged
		}
		return out[i].Name < out[j].Name
	})
	return out, nil
}

// stripMarkers removes test expectations from a fixture: a line holding only a marker goes, a
// trailing marker is cut off its line.
func stripMarkers(code string) string {
	lines := strings.Split(code, "\n")
	out := lines[:0]
	for _, l := range lines {
		if markerLineRe.MatchString(l) {
			continue
		}
		out = append(out, strings.TrimRight(markerRe.ReplaceAllString(l, ""), " \t"))
	}
	return strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n"
}

var markerLineRe = regexp.MustCompile(`^[ \t]*(#|//|;)[ \t]*(want|known-fp|known-fn):`)

func fenceLang(k source.Kind, name string) string {
	switch k {
	case source.Python:
		return "python"
	case source.YAML:
		return "yaml"
	case source.INI:
		return "ini"
	case source.HCL:
		return "hcl"
	case source.JSON:
		return "json"
	case source.TOML:
		return "toml"
	case source.Dotenv:
		return "sh"
	case source.Dockerfile:
		return "dockerfile"
	}
	if strings.HasPrefix(strings.ToLower(name), "dockerfile") {
		return "dockerfile"
	}
	return "text"
}

// Markdown renders a rule's page.
func Markdown(r *rules.Rule, examples []Example) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", r.ID, capitalize(r.Title))
	b.WriteString("| Category | Severity | Confidence | Applies to | Frameworks | CWE |\n|---|---|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n\n", r.Category, r.Severity, r.Confidence, appliesTo(r),
		orDash(strings.Join(r.Frameworks, ", ")), orDash(strings.Join(r.CWE, ", ")))
	fmt.Fprintf(&b, "## Why this is risky\n\n%s\n\n", strings.TrimSpace(r.Why))
	fmt.Fprintf(&b, "## How to fix\n\n%s\n\n", strings.TrimSpace(r.Remediation))
	for _, flagged := range []bool{true, false} {
		first := true
		for _, e := range examples {
			if e.Flagged != flagged {
				continue
			}
			if first {
				if flagged {
					b.WriteString("## Flagged\n\n")
				} else {
					b.WriteString("## Not flagged\n\n")
				}
				first = false
			}
			fmt.Fprintf(&b, "`%s`:\n\n```%s\n%s```\n\n", e.Name, e.Lang, e.Code)
		}
	}
	if !r.Builtin {
		fmt.Fprintf(&b, "## Suppress\n\nWhen a finding is accepted, say why on the line (or the line above):\n\n"+
			"```python\n# dagwarden: ignore[%s] <reason>\n```\n\n", r.ID)
	}
	if len(r.CWE) > 0 || len(r.References) > 0 {
		b.WriteString("## References\n\n")
		for _, c := range r.CWE {
			fmt.Fprintf(&b, "- [%s](https://cwe.mitre.org/data/definitions/%s.html)\n", c, strings.TrimPrefix(c, "CWE-"))
		}
		for _, ref := range r.References {
			fmt.Fprintf(&b, "- <%s>\n", ref)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Text renders the plain-text help used in SARIF help.text.
func Text(r *rules.Rule) string {
	return fmt.Sprintf("%s\n\n%s\n\nHow to fix: %s\n\nDocumentation: %s", capitalize(r.Title),
		strings.TrimSpace(r.Why), strings.TrimSpace(r.Remediation), PageURL(r.ID))
}

// FirstParagraph is the first paragraph of a Markdown text, for short descriptions.
func FirstParagraph(s string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(s), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}

// Index renders docs/rules/README.md: every rule grouped by category.
func Index(rs []*rules.Rule) string {
	var b strings.Builder
	b.WriteString("# dagwarden rules\n\nGenerated from the rule metadata by `go generate ./rules`; do not edit.\n\n")
	for _, cat := range append(append([]rules.Category{}, rules.Categories...), rules.Tool) {
		var in []*rules.Rule
		for _, r := range rs {
			if r.Category == cat {
				in = append(in, r)
			}
		}
		if len(in) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n| Rule | Title | Severity | Confidence | Applies to |\n|---|---|---|---|---|\n", cat)
		for _, r := range in {
			fmt.Fprintf(&b, "| [%s](%s.md) | %s | %s | %s | %s |\n", r.ID, r.ID, r.Title, r.Severity, r.Confidence, appliesTo(r))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

func appliesTo(r *rules.Rule) string {
	if r.Builtin {
		return "suppression comments"
	}
	var ks []string
	for _, k := range r.Kinds() {
		ks = append(ks, string(k))
	}
	if len(ks) == 1 && ks[0] == string(source.Text) {
		return "every scanned file"
	}
	return orDash(strings.Join(ks, ", "))
}

func orDash(s string) string {
	if s == "" {
		return "any"
	}
	return s
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
