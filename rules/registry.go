package rules

//go:generate go run ../cmd/gendocs

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// All returns every rule, sorted by ID. Each category keeps its own list (registry_<category>.go)
// so rules of different categories are added without touching the same lines.
func All() []*Rule {
	var rs []*Rule
	for _, group := range [][]*Rule{secretsRules, tlsRules, accessRules, loggingRules, toolRules} {
		rs = append(rs, group...)
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	return rs
}

var toolRules = []*Rule{InvalidSuppression, UnusedSuppression}

var byID = func() map[string]*Rule {
	m := map[string]*Rule{}
	for _, r := range All() {
		m[r.ID] = r
		for _, a := range r.Aliases {
			m[a] = r
		}
	}
	return m
}()

// ByID finds a rule by its ID or one of its aliases.
func ByID(id string) (*Rule, bool) {
	r, ok := byID[id]
	return r, ok
}

var (
	idRe  = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)
	cweRe = regexp.MustCompile(`^CWE-[1-9][0-9]*$`)
)

// Validate checks the metadata conventions every rule must follow.
func Validate(rs []*Rule) error {
	seen := map[string]bool{}
	var errs []string
	for _, r := range rs {
		bad := func(format string, args ...any) {
			errs = append(errs, r.ID+": "+fmt.Sprintf(format, args...))
		}
		for _, id := range append([]string{r.ID}, r.Aliases...) {
			if !idRe.MatchString(id) {
				bad("id %q is not kebab-case", id)
			}
			if seen[id] {
				bad("id %q is used twice", id)
			}
			seen[id] = true
		}
		if r.Title == "" || len(r.Title) > 60 || strings.HasSuffix(r.Title, ".") || strings.ToLower(r.Title[:1]) != r.Title[:1] {
			bad("title %q must be a lower-case phrase of at most 60 characters without a period", r.Title)
		}
		switch r.Category {
		case Secrets, TLS, Access, Logging, Tool:
		default:
			bad("unknown category %q", r.Category)
		}
		if r.Severity < Low || r.Severity > Critical {
			bad("severity not set")
		}
		if r.Confidence < ConfidenceLow || r.Confidence > ConfidenceHigh {
			bad("confidence not set")
		}
		if strings.TrimSpace(r.Why) == "" || strings.TrimSpace(r.Remediation) == "" {
			bad("why and remediation must be written")
		}
		for _, c := range r.CWE {
			if !cweRe.MatchString(c) {
				bad("CWE %q must look like CWE-798", c)
			}
		}
		if !r.Builtin && len(r.Kinds()) == 0 {
			bad("no hook set")
		}
		if r.Builtin && len(r.Kinds()) != 0 {
			bad("builtin rules have no hooks")
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("invalid rules:\n%s", strings.Join(errs, "\n"))
	}
	return nil
}

// Select resolves rule IDs, aliases and category names to rules. An unknown name is an error.
func Select(names []string) ([]*Rule, error) {
	var out []*Rule
	seen := map[*Rule]bool{}
	add := func(r *Rule) {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if r, ok := ByID(n); ok {
			add(r)
			continue
		}
		found := false
		for _, r := range All() {
			if string(r.Category) == n {
				add(r)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("unknown rule or category %q (see `dagwarden rules`)", n)
		}
	}
	return out, nil
}
