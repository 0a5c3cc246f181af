package yaml

import "bytes"

// span is a byte range [start, end) of the file.
type span struct{ start, end int }

// maxActions bounds the template scan; a file with more actions than this is treated as having
// only the first ones (the rest stay in place and simply fail to parse).
const maxActions = 100000

// findActions lists the Go-template ({{ }}) and Jinja ({% %}) actions of content. An action
// that is never closed runs to the end of its line.
func findActions(content []byte) []span {
	var out []span
	for i := 0; i+1 < len(content) && len(out) < maxActions; i++ {
		if content[i] != '{' || (content[i+1] != '{' && content[i+1] != '%') {
			continue
		}
		closer := []byte("}}")
		if content[i+1] == '%' {
			closer = []byte("%}")
		}
		end := bytes.Index(content[i+2:], closer)
		if end < 0 {
			nl := bytes.IndexByte(content[i:], '\n')
			if nl < 0 {
				nl = len(content) - i
			}
			out = append(out, span{i, i + nl})
			i += nl
			continue
		}
		stop := i + 2 + end + 2
		out = append(out, span{i, stop})
		i = stop - 1
	}
	return out
}

// structural reports whether an action starts a YAML token (at the start of a line, after
// `key:`, `- `, or inside flow brackets), where YAML would read `{{` as a flow mapping. Actions
// inside a scalar (`image: repo:{{ .Values.tag }}`, GitHub's `${{ }}`, quoted strings) parse as
// text and need no blanking.
func structural(content []byte, actions []span) bool {
	for _, a := range actions {
		ls := bytes.LastIndexByte(content[:a.start], '\n') + 1
		before := bytes.TrimRight(content[ls:a.start], " \t")
		if len(before) == 0 {
			return true
		}
		switch before[len(before)-1] {
		case ':', '-', '[', ',', '{', '?':
			return true
		}
	}
	return false
}

// blank returns a copy of content with every action overwritten, byte for byte, so offsets and
// line structure are unchanged. Actions that are alone on their lines (`{{- if .Values.x }}`,
// `{{ toYaml .Values.resources | nindent 8 }}`) become spaces and vanish from the YAML; actions
// that share a line with text become `_` so `key: {{ .Values.x }}` still has a value there.
func blank(content []byte, actions []span) []byte {
	out := bytes.Clone(content)
	for _, a := range actions {
		fill := byte('_')
		if bytes.IndexByte(content[a.start:a.end], '\n') >= 0 || aloneOnLine(content, actions, a) || opensBlock(content, a) {
			fill = ' '
		}
		for i := a.start; i < a.end; i++ {
			if out[i] != '\n' && out[i] != '\r' {
				out[i] = fill
			}
		}
	}
	return out
}

// opensBlock reports whether a ends its line and the next non-blank line is indented deeper:
// `labels: {{- include "common.labels.standard" . | nindent 4 }}` followed by more labels. The
// action renders the first entries of that block, so the key's value is the block, not a scalar.
func opensBlock(content []byte, a span) bool {
	nl := bytes.IndexByte(content[a.end:], '\n')
	if nl < 0 || len(bytes.TrimSpace(content[a.end:a.end+nl])) > 0 {
		return false
	}
	ls := bytes.LastIndexByte(content[:a.start], '\n') + 1
	indent := indentOf(content[ls:])
	for next := a.end + nl + 1; next < len(content); {
		le := bytes.IndexByte(content[next:], '\n')
		if le < 0 {
			le = len(content) - next
		}
		line := content[next : next+le]
		if len(bytes.TrimSpace(line)) > 0 {
			return indentOf(line) > indent
		}
		next += le + 1
	}
	return false
}

// indentOf counts the leading spaces of a line.
func indentOf(line []byte) int {
	n := 0
	for n < len(line) && line[n] == ' ' {
		n++
	}
	return n
}

// aloneOnLine reports whether the line holding a has nothing but actions and whitespace.
func aloneOnLine(content []byte, actions []span, a span) bool {
	ls := bytes.LastIndexByte(content[:a.start], '\n') + 1
	le := len(content)
	if nl := bytes.IndexByte(content[a.start:], '\n'); nl >= 0 {
		le = a.start + nl
	}
	for i := ls; i < le; i++ {
		if in, end := within(actions, i); in {
			i = end - 1
			continue
		}
		if c := content[i]; c != ' ' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// within reports whether off lies in one of the sorted spans, and that span's end.
func within(spans []span, off int) (bool, int) {
	lo, hi := 0, len(spans)
	for lo < hi {
		m := (lo + hi) / 2
		switch {
		case off < spans[m].start:
			hi = m
		case off >= spans[m].end:
			lo = m + 1
		default:
			return true, spans[m].end
		}
	}
	return false, 0
}
