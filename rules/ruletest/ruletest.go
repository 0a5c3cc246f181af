// Package ruletest runs a rule over its fixtures in testdata/rules/<id>/ through the real engine
// and checks the findings against the expectations written in the fixtures' comments:
//
//	x = Connection(password="hunter2")  # want: airflow-dag-connection-literal-password
//	# want: tls-verify-disabled@12 "verify=False"
//	requests.get(url, verify=False)
//
// A trailing marker applies to its own line; a marker alone on its line applies to the next line
// that is neither blank nor another marker. `known-fp:` marks a finding that fires but is wrong
// and `known-fn:` one that should fire but does not yet; both fail once the rule changes, so the
// marker gets updated. An unclaimed finding fails the test, and so does an unmatched expectation.
//
// JSON has no comments: a fixture policy.json keeps its expectations in policy.json.want, one per
// line as "<line>: want: <id> ...".
package ruletest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/rules"
)

// Want is one expectation.
type Want struct {
	Path    string
	Line    int
	Col     int // 0: any column
	RuleID  string
	Message *regexp.Regexp // nil: any message
	Mode    string         // "want", "known-fp", "known-fn"
	matched bool
}

func (w *Want) String() string {
	s := fmt.Sprintf("%s:%d: %s: %s", w.Path, w.Line, w.Mode, w.RuleID)
	if w.Col > 0 {
		s += "@" + strconv.Itoa(w.Col)
	}
	if w.Message != nil {
		s += " " + strconv.Quote(w.Message.String())
	}
	return s
}

var (
	markerRe = regexp.MustCompile(`^(want|known-fp|known-fn):\s*(.*)$`)
	expectRe = regexp.MustCompile("^([a-z0-9-]+)(?:@([0-9]+))?(?:\\s+(\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`))?")
)

// ParseWants reads the expectations of one document.
func ParseWants(doc source.Document) ([]*Want, error) {
	f := doc.File()
	comments := doc.Comments()
	markerLines := map[int]bool{}
	for _, c := range comments {
		if c.OwnLine && markerRe.MatchString(c.Text) {
			markerLines[c.Span.Start.Line] = true
		}
	}
	var wants []*Want
	for _, c := range comments {
		m := markerRe.FindStringSubmatch(c.Text)
		if m == nil {
			continue
		}
		line := c.Span.Start.Line
		if c.OwnLine {
			line = nextCodeLine(f, line, markerLines)
		}
		rest := strings.TrimSpace(m[2])
		for rest != "" {
			e := expectRe.FindStringSubmatch(rest)
			if e == nil {
				return nil, fmt.Errorf("%s:%d: cannot read expectation %q", f.Path, c.Span.Start.Line, rest)
			}
			w := &Want{Path: f.Path, Line: line, RuleID: e[1], Mode: m[1]}
			if e[2] != "" {
				w.Col, _ = strconv.Atoi(e[2])
			}
			if e[3] != "" {
				pat := e[3][1 : len(e[3])-1]
				if e[3][0] == '"' {
					var err error
					if pat, err = strconv.Unquote(e[3]); err != nil {
						return nil, fmt.Errorf("%s:%d: %v", f.Path, c.Span.Start.Line, err)
					}
				}
				re, err := regexp.Compile(pat)
				if err != nil {
					return nil, fmt.Errorf("%s:%d: %v", f.Path, c.Span.Start.Line, err)
				}
				w.Message = re
			}
			wants = append(wants, w)
			rest = strings.TrimSpace(rest[len(e[0]):])
		}
	}
	return wants, nil
}

// parseSidecar reads "<line>: want: rule-id ..." expectations for a file that cannot hold comments.
func parseSidecar(path, text string) ([]*Want, error) {
	var wants []*Want
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		num, rest, ok := strings.Cut(l, ":")
		line, err := strconv.Atoi(strings.TrimSpace(num))
		if !ok || err != nil {
			return nil, fmt.Errorf("%s.want:%d: want `<line>: want: rule-id`", path, i+1)
		}
		f := source.NewFile(path, source.Text, []byte(strings.Repeat("\n", line-1)+"# "+strings.TrimSpace(rest)))
		ws, err := ParseWants(&source.PlainDocument{F: f})
		if err != nil {
			return nil, err
		}
		for _, w := range ws {
			w.Line = line
		}
		wants = append(wants, ws...)
	}
	return wants, nil
}

func nextCodeLine(f *source.File, line int, markers map[int]bool) int {
	for l := line + 1; l <= f.LineCount(); l++ {
		if strings.TrimSpace(f.LineText(l)) == "" || markers[l] {
			continue
		}
		return l
	}
	return line
}

// Dir is the fixture directory of a rule, relative to the rules package.
func Dir(id string) string { return filepath.Join("..", "testdata", "rules", id) }

// Run checks a rule against every fixture file in dir.
func Run(t *testing.T, r *rules.Rule, dir string) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("rule %s has no fixtures: %v", r.ID, err)
	}
	base, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	res, err := engine.Run(context.Background(), engine.Options{
		Base:          base,
		Roots:         []string{base},
		Rules:         []*rules.Rule{r},
		MinConfidence: rules.ConfidenceLow,
		Jobs:          2,
		Discover:      source.DiscoverOptions{NoIgnore: true},
		TestPaths:     []string{},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Notices {
		if n.Kind == "internal-error" {
			t.Errorf("%s", n)
		}
	}
	wants, err := collectWants(base)
	if err != nil {
		t.Fatal(err)
	}
	Check(t, r.ID, res.Findings, wants)
}

func collectWants(base string) ([]*Want, error) {
	var wants []*Want
	err := filepath.WalkDir(base, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, base+string(filepath.Separator)))
		kind, ok := source.Classify(rel, data)
		if !ok {
			return nil
		}
		doc, _ := engine.ParseFile(source.NewFile(rel, kind, data))
		ws, err := ParseWants(doc)
		if err != nil {
			return err
		}
		wants = append(wants, ws...)
		// formats without comments (JSON) keep their expectations in a sidecar file
		if side, err := os.ReadFile(p + ".want"); err == nil {
			ws, err := parseSidecar(rel, string(side))
			if err != nil {
				return err
			}
			wants = append(wants, ws...)
		}
		return nil
	})
	return wants, err
}

// Check matches findings of one rule against expectations and reports every mismatch.
func Check(t *testing.T, ruleID string, findings []rules.Finding, wants []*Want) {
	t.Helper()
	var mine []*Want
	for _, w := range wants {
		if w.RuleID == ruleID {
			mine = append(mine, w)
		}
	}
	tally := map[string]int{}
	for _, f := range findings {
		if f.RuleID != ruleID {
			continue
		}
		claimed := false
		for _, w := range mine {
			if w.matched || w.Mode == "known-fn" || w.Path != f.Path || w.Line != f.Span.Start.Line {
				continue
			}
			if w.Col > 0 && w.Col != f.Span.Start.Col {
				continue
			}
			if w.Message != nil && !w.Message.MatchString(f.Message) {
				continue
			}
			w.matched, claimed = true, true
			break
		}
		if !claimed {
			t.Errorf("%s:%d:%d: unexpected finding: %s [%s]", f.Path, f.Span.Start.Line, f.Span.Start.Col, f.Message, f.RuleID)
		}
	}
	sort.Slice(mine, func(i, j int) bool {
		if mine[i].Path != mine[j].Path {
			return mine[i].Path < mine[j].Path
		}
		return mine[i].Line < mine[j].Line
	})
	for _, w := range mine {
		tally[w.Mode]++
		switch {
		case w.Mode == "known-fn":
			for _, f := range findings {
				if f.RuleID == ruleID && f.Path == w.Path && f.Span.Start.Line == w.Line {
					t.Errorf("%s: the rule now finds this; turn known-fn into want", w)
				}
			}
		case !w.matched && w.Mode == "want":
			t.Errorf("%s: missing finding", w)
		case !w.matched && w.Mode == "known-fp":
			t.Errorf("%s: the false positive is gone; delete the marker", w)
		}
	}
	t.Logf("%s: %d want, %d known-fp, %d known-fn", ruleID, tally["want"], tally["known-fp"], tally["known-fn"])
}
