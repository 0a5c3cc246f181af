package ini

import (
	"errors"
	"strings"
)

// Interpolate applies configparser's BasicInterpolation syntax to a raw value without looking
// anything up: it returns the text with `%%` unescaped, the names referenced by `%(name)s`
// (lower-cased, as configparser looks them up), and an error for a `%` that is neither, which
// configparser raises when the option is read.
func Interpolate(raw string) (text string, refs []string, err error) {
	if !strings.Contains(raw, "%") {
		return raw, nil, nil // fast path: most values have no %
	}
	var b strings.Builder
	rest := raw
	for rest != "" {
		i := strings.IndexByte(rest, '%')
		if i < 0 {
			b.WriteString(rest)
			break
		}
		b.WriteString(rest[:i])
		rest = rest[i:]
		switch {
		case strings.HasPrefix(rest, "%%"):
			b.WriteByte('%')
			rest = rest[2:]
		case strings.HasPrefix(rest, "%("):
			name, after, ok := reference(rest)
			if !ok {
				return raw, refs, errors.New("bad %(name)s interpolation reference in value")
			}
			refs = append(refs, strings.ToLower(name))
			b.WriteString(rest[:len(rest)-len(after)])
			rest = after
		default:
			return raw, refs, errors.New("'%' in value must be followed by '%' or '('; write %% for a literal %")
		}
	}
	return b.String(), refs, nil
}

// reference matches configparser's _KEYCRE `%\(([^)]+)\)s` at the start of s.
func reference(s string) (name, rest string, ok bool) {
	end := strings.IndexByte(s, ')')
	if end <= 2 || !strings.HasPrefix(s[end:], ")s") {
		return "", "", false
	}
	return s[2:end], s[end+2:], true
}
