package secrets

import "strings"

// ParseURLUserinfo finds the password in the userinfo of a URL such as
// postgresql+psycopg2://user:pw@host/db. s must start with the scheme. The authority ends at the
// first '/', '?' or '#' after "://", and the userinfo is everything before the authority's last
// '@' (Python's urllib.parse.urlsplit, which Airflow uses for connection URIs). ok is true only
// when the userinfo holds a ':' — the password may then be empty (redis://:@redis:6379/0), which
// gives passStart == passEnd. passStart and passEnd are byte offsets into s.
func ParseURLUserinfo(s string) (scheme, user string, passStart, passEnd int, ok bool) {
	i := strings.Index(s, "://")
	if i <= 0 || !validScheme(s[:i]) {
		return "", "", 0, 0, false
	}
	hostStart := i + 3
	end := len(s)
	if j := strings.IndexAny(s[hostStart:], "/?#"); j >= 0 {
		end = hostStart + j
	}
	at := strings.LastIndexByte(s[hostStart:end], '@')
	if at < 0 {
		return "", "", 0, 0, false
	}
	userinfo := s[hostStart : hostStart+at]
	colon := strings.IndexByte(userinfo, ':')
	if colon < 0 {
		return "", "", 0, 0, false
	}
	return s[:i], userinfo[:colon], hostStart + colon + 1, hostStart + at, true
}

// validScheme reports whether s is an RFC 3986 scheme: a letter, then letters, digits, + - or '.'.
func validScheme(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i] | 0x20
		switch {
		case c >= 'a' && c <= 'z':
		case i > 0 && (s[i] >= '0' && s[i] <= '9' || s[i] == '+' || s[i] == '-' || s[i] == '.'):
		default:
			return false
		}
	}
	return s != ""
}
