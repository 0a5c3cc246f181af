package suppress

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/rules"
)

// Mask replaces every sensitive span that intersects [start, end) of f with "****", keeping at
// most the first four characters of a well-known token prefix. It returns the masked text and a
// function mapping a byte offset in f (within the range) to an offset in the masked text.
// Every reporter prints source through it, so no format can forget to mask.
func Mask(f *source.File, start, end int, sensitive []source.Span) (string, func(int) int) {
	spans := make([]source.Span, 0, len(sensitive))
	for _, s := range sensitive {
		if s.End.Offset > start && s.Start.Offset < end && s.End.Offset > s.Start.Offset {
			spans = append(spans, s)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start.Offset < spans[j].Start.Offset })
	type cut struct{ from, to, outFrom, outTo int }
	var b strings.Builder
	var cuts []cut
	pos := start
	for _, s := range spans {
		from, to := max(s.Start.Offset, start), min(s.End.Offset, end)
		if from < pos {
			from = pos
		}
		if from >= to {
			continue
		}
		b.Write(f.Content[pos:from])
		outFrom := b.Len()
		b.WriteString(KeepPrefix(string(f.Content[s.Start.Offset:s.End.Offset]), from == s.Start.Offset))
		b.WriteString("****")
		cuts = append(cuts, cut{from, to, outFrom, b.Len()})
		pos = to
	}
	b.Write(f.Content[pos:end])
	return b.String(), func(off int) int {
		shift := -start
		for _, c := range cuts {
			switch {
			case off >= c.to:
				shift = c.outTo - c.to // the cut lies wholly before off
			case off > c.from:
				return c.outTo // inside a masked span: snap to its end
			}
		}
		return off + shift
	}
}

// wellKnownPrefixes may stay visible: they say what kind of token leaked without revealing it.
var wellKnownPrefixes = []string{"AKIA", "ASIA", "ghp_", "gho_", "ghs_", "ghu_", "pnu_", "xoxb", "xoxp", "glpat", "sk-"}

// KeepPrefix returns the well-known token prefix of secret that may be shown, at most 4 characters.
func KeepPrefix(secret string, atStart bool) string {
	if !atStart {
		return ""
	}
	for _, p := range wellKnownPrefixes {
		if strings.HasPrefix(secret, p) && len(secret) > len(p)+8 {
			if len(p) > 4 {
				p = p[:4]
			}
			return p
		}
	}
	return ""
}

// LineHash is the fingerprint input for the finding's line: the line's text with sensitive spans
// masked and whitespace trimmed, so the hash survives edits elsewhere in the file, re-indentation,
// and never encodes a secret.
func LineHash(f *source.File, line int, sensitive []source.Span) string {
	start, end := f.LineStart(line), f.LineEnd(line)
	masked, _ := Mask(f, start, end, sensitive)
	return strings.Join(strings.Fields(masked), " ")
}

// Fingerprints sets the Fingerprint of every finding of one file: a hash of the rule id, the path,
// the masked line text and the message, plus the occurrence number among findings that hash the
// same (GitHub's primaryLocationLineHash form "hash:n").
func Fingerprints(f *source.File, fs []rules.Finding) {
	count := map[string]int{}
	for i := range fs {
		fd := &fs[i]
		h := sha256.New()
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s", fd.RuleID, fd.Path, LineHash(f, fd.Span.Start.Line, fd.Sensitive), fd.Message)
		sum := hex.EncodeToString(h.Sum(nil))[:16]
		count[sum]++
		fd.Fingerprint = fmt.Sprintf("%s:%d", sum, count[sum])
	}
}
