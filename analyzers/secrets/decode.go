package secrets

import "encoding/base64"

// gitleaks' decoder (detect/codec) finds encoded text with one combined regexp,
//
//	(?P<percent>%[0-9A-Fa-f]{2}(?:.*%[0-9A-Fa-f]{2})?)|
//	(?P<unicode>(?:(?:U\+[a-fA-F0-9]{4}(?:\s|$))+|(?i)(?:\\{1,2}u[a-fA-F0-9]{4})+))|
//	(?P<hex>[0-9A-Fa-f]{32,})|(?P<base64>[\w\/+-]{16,}={0,2})
//
// run with submatches over every file on every pass: Go's NFA makes that nearly half of a scan,
// although almost no file holds anything it decodes. encodingMatches finds the same matches by
// hand (leftmost-first, greedy, as Go's regexp does), and nothingToDecode uses it to tell when
// codec's Decode would return no segments, so that Scan can skip it; when something may decode,
// Scan calls segDecoder (decoder.go), which reproduces codec's Decode on these matches.

type encKind uint8

const (
	encPercent encKind = iota
	encUnicode
	encHex
	encBase64
)

// b64Class is [\w\/+-]; hexClass is [0-9A-Fa-f].
var b64Class, hexClass [256]bool

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		hexClass[c] = '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F'
		b64Class[c] = '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' ||
			b == '_' || b == '/' || b == '+' || b == '-'
	}
}

// encodingMatches calls fn with every match of codec's combined regexp in data, in order, as
// FindAllStringSubmatchIndex reports them (before codec's overlap filter, which only drops
// matches). fn returns false to stop.
func encodingMatches(data string, fn func(kind encKind, start, end int) bool) {
	hexEnd, b64End := -1, -1 // end of the hex / base64 run holding the current position
	for i := 0; i < len(data); {
		c := data[i]
		kind, end := encKind(0), -1
		switch {
		case c == '%':
			if e := percentAt(data, i); e > 0 {
				kind, end = encPercent, e
			}
		case c == 'U' || c == '\\':
			if e := unicodeAt(data, i); e > 0 {
				kind, end = encUnicode, e
			}
		}
		if end < 0 && hexClass[c] {
			if i >= hexEnd {
				hexEnd = runEnd(data, i, &hexClass)
			}
			if hexEnd-i >= 32 {
				kind, end = encHex, hexEnd
			}
		}
		if end < 0 && b64Class[c] {
			if i >= b64End {
				b64End = runEnd(data, i, &b64Class)
			}
			if b64End-i >= 16 {
				kind, end = encBase64, b64End
				for n := 0; n < 2 && end < len(data) && data[end] == '='; n++ {
					end++
				}
			}
		}
		if end < 0 {
			i = nextEncodingStart(data, i, b64End)
			continue
		}
		if !fn(kind, i, end) {
			return
		}
		i = end
	}
}

// nextEncodingStart returns the next position after i, where no match starts, at which one
// may: inside a base64 run too short for a match (i < b64End), no base64 or hex match can start
// (hex digits are base64 characters, and the run only gets shorter), nor a percent or \u escape
// ('%' and '\' are not base64 characters): only a U+ code point can, so the next one is at the
// next 'U' of the run, or after it.
func nextEncodingStart(data string, i, b64End int) int {
	for i++; i < b64End && data[i] != 'U'; i++ { // the run is short: no IndexByte call
	}
	return i
}

func runEnd(data string, i int, class *[256]bool) int {
	for i < len(data) && class[data[i]] {
		i++
	}
	return i
}

func percentEscapeAt(data string, i int) bool {
	return i+2 < len(data) && data[i] == '%' && hexClass[data[i+1]] && hexClass[data[i+2]]
}

// percentAt matches %[0-9A-Fa-f]{2}(?:.*%[0-9A-Fa-f]{2})? at i: the greedy .* (no '\n') reaches
// the last escape of the line. It returns the end, or -1.
func percentAt(data string, i int) int {
	if !percentEscapeAt(data, i) {
		return -1
	}
	end := i + 3
	for j := i + 3; j < len(data) && data[j] != '\n'; j++ {
		if percentEscapeAt(data, j) {
			end = j + 3
		}
	}
	return end
}

// unicodeAt matches (?:U\+[a-fA-F0-9]{4}(?:\s|$))+ or (?i)(?:\\{1,2}u[a-fA-F0-9]{4})+ at i
// (in that order). It returns the end, or -1.
func unicodeAt(data string, i int) int {
	end := -1
	for j := i; j+6 <= len(data) && data[j] == 'U' && data[j+1] == '+' && hex4(data, j+2); {
		j += 6
		if j == len(data) { // $
			end = j
			break
		}
		if !isRegexpSpace(data[j]) {
			break
		}
		j++
		end = j
	}
	if end > 0 {
		return end
	}
	for j := i; ; {
		k := j
		if k+1 < len(data) && data[k] == '\\' && data[k+1] == '\\' {
			k += 2
		} else if k < len(data) && data[k] == '\\' {
			k++
		} else {
			break
		}
		if k+5 > len(data) || data[k] != 'u' && data[k] != 'U' || !hex4(data, k+1) {
			break
		}
		j = k + 5
		end = j
	}
	return end
}

func hex4(data string, i int) bool {
	return i+4 <= len(data) && hexClass[data[i]] && hexClass[data[i+1]] && hexClass[data[i+2]] && hexClass[data[i+3]]
}

// isRegexpSpace is Go regexp's \s: [\t\n\f\r ].
func isRegexpSpace(c byte) bool {
	return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

// nothingToDecode reports whether codec's Decode would find no segment in data: every match of
// its regexp decodes to nothing. The base64 and hex tests mirror codec's decodeBase64 and
// decodeHex; a percent or unicode match is assumed to decode (they are rare), so only an exact
// "nothing" skips Decode.
func nothingToDecode(data string) bool {
	nothing := true
	var buf []byte
	encodingMatches(data, func(kind encKind, start, end int) bool {
		text := data[start:end]
		switch kind {
		case encHex:
			nothing = !hexDecodes(text)
		case encBase64:
			nothing = !base64Decodes(text, &buf)
		default:
			nothing = false
		}
		return nothing
	})
	return nothing
}

// hexDecodes mirrors codec's decodeHex: an even number of hex digits, at least one a decimal
// digit, every byte printable ASCII.
func hexDecodes(s string) bool {
	if len(s)%2 != 0 || !hasDigit(s) {
		return false
	}
	for i := 0; i+1 < len(s); i += 2 {
		if !printableASCII(hexNibble(s[i])<<4 | hexNibble(s[i+1])) {
			return false
		}
	}
	return true
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

func hexNibble(c byte) byte {
	switch {
	case c >= 'a':
		return c - 'a' + 10
	case c >= 'A':
		return c - 'A' + 10
	}
	return c - '0'
}

// base64Decodes mirrors codec's decodeBase64: the text holds one of 0-9+/-_, and decodes as
// standard or as raw URL-safe base64 to printable ASCII.
func base64Decodes(s string, buf *[]byte) bool {
	likely := false
	for i := 0; i < len(s) && !likely; i++ {
		c := s[i]
		likely = '0' <= c && c <= '9' || c == '+' || c == '/' || c == '-' || c == '_'
	}
	if !likely {
		return false
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawURLEncoding} {
		if cap(*buf) < len(s) {
			*buf = make([]byte, len(s))
		}
		n, err := enc.Decode((*buf)[:len(s)], []byte(s))
		if err == nil && allPrintable((*buf)[:n]) {
			return true
		}
	}
	return false
}

// printableASCII is codec's printableASCII table: 0x09..0x7e.
func printableASCII(b byte) bool { return '\x08' < b && b < '\x7f' }

func allPrintable(b []byte) bool {
	for _, c := range b {
		if !printableASCII(c) {
			return false
		}
	}
	return true
}
