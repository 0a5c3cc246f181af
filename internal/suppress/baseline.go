package suppress

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"github.com/dagwarden/dagwarden/rules"
)

// Baseline is a set of accepted findings, recorded by fingerprint: no line numbers (findings that
// move stay accepted) and no secrets (the file is committed).
type Baseline struct {
	entries map[baselineEntry]bool
}

type baselineEntry struct {
	RuleID      string `json:"rule_id"`
	Path        string `json:"path"`
	Fingerprint string `json:"fingerprint"`
}

type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

// ReadBaseline parses a baseline file.
func ReadBaseline(r io.Reader) (*Baseline, error) {
	var bf baselineFile
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&bf); err != nil {
		return nil, fmt.Errorf("not a dagwarden baseline: %v", err)
	}
	if bf.Version != 1 {
		return nil, fmt.Errorf("baseline version %d is not supported (want 1)", bf.Version)
	}
	b := &Baseline{entries: map[baselineEntry]bool{}}
	for _, e := range bf.Findings {
		b.entries[e] = true
	}
	return b, nil
}

// WriteBaseline records findings, sorted so the file diffs cleanly.
func WriteBaseline(w io.Writer, fs []rules.Finding) error {
	bf := baselineFile{Version: 1, Findings: []baselineEntry{}}
	seen := map[baselineEntry]bool{}
	for _, f := range fs {
		e := baselineEntry{f.RuleID, f.Path, f.Fingerprint}
		if !seen[e] {
			seen[e] = true
			bf.Findings = append(bf.Findings, e)
		}
	}
	sort.Slice(bf.Findings, func(i, j int) bool {
		a, b := bf.Findings[i], bf.Findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.Fingerprint < b.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(bf)
}

// Split moves findings recorded in the baseline out of kept into suppressed.
func (b *Baseline) Split(kept []rules.Finding) (stillKept, suppressed []rules.Finding) {
	for _, f := range kept {
		if b.entries[baselineEntry{f.RuleID, f.Path, f.Fingerprint}] {
			f.Suppression = &rules.Suppression{Kind: "external", Reason: "recorded in the baseline"}
			suppressed = append(suppressed, f)
			continue
		}
		stillKept = append(stillKept, f)
	}
	return stillKept, suppressed
}
