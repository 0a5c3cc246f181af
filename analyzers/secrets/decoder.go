package secrets

import (
	"encoding/base64"
	"strconv"
	"strings"
	"unicode/utf8"
)

// dagwarden's decoder: the behaviour of gitleaks v8.30.1's detect/codec (Decoder.Decode,
// EncodedSegment, Tags, CurrentLine, AdjustMatchIndex, SegmentsWithDecodedOverlap), written
// here so that the encoded text is found by encodingMatches (decode.go) instead of codec's
// combined regexp, which Go runs with its NFA at a few MB/s. decoder_test.go checks it against
// codec on every depth, segment by segment.

// bounds is a start/end pair (codec's startEnd); both ends are inclusive for overlaps.
type bounds struct{ start, end int }

func (s bounds) overlaps(o bounds) bool { return o.start <= s.end && o.end >= s.start }

func (s bounds) contains(o bounds) bool { return s.start <= o.start && o.end <= s.end }

func (s bounds) merge(o bounds) bounds { return bounds{min(s.start, o.start), max(s.end, o.end)} }

// overflow is how far o reaches outside s on each side (negative before, positive after).
func (s bounds) overflow(o bounds) bounds {
	m := s.merge(o)
	return bounds{m.start - s.start, m.end - s.end}
}

func (s bounds) add(o bounds) bounds { return bounds{s.start + o.start, s.end + o.end} }

// encBits is a set of encodings (codec's encodingKind): bit 1<<k for encKind k.
type encBits uint8

var encNames = [...]string{"percent", "unicode", "hex", "base64"}

// precedence of an encoding when two matches touch: the higher one keeps its match.
func precedence(k encKind) int { return len(encNames) - int(k) }

// segment is one decoded stretch of a decoding pass (codec's EncodedSegment).
type segment struct {
	predecessors []*segment // every segment of the previous pass
	original     bounds     // in the original text
	encoded      bounds     // in the previous pass's text
	decoded      bounds     // in this pass's text
	value        string     // the decoded text
	encodings    encBits
	depth        int
}

// segDecoder decodes pass after pass (codec's Decoder), remembering what each encoded text
// decoded to.
type segDecoder struct {
	cache map[string]string
}

func newSegDecoder() *segDecoder { return &segDecoder{cache: map[string]string{}} }

type kindMatch struct {
	kind encKind
	bounds
}

// decode returns data with every decodable match replaced by its decoded text, and the segments
// for the next pass.
func (d *segDecoder) decode(data string, predecessors []*segment) (string, []*segment) {
	segs := d.segments(data, predecessors)
	if len(segs) == 0 {
		return data, segs
	}
	var b strings.Builder
	b.Grow(len(data))
	at := 0
	for _, s := range segs {
		b.WriteString(data[at:s.encoded.start])
		b.WriteString(s.value)
		at = s.encoded.end
	}
	b.WriteString(data[at:])
	return b.String(), segs
}

// filteredMatches is codec's findEncodingMatches: every match of its regexp, minus those
// touching a neighbour (previous or next match) of higher precedence.
func filteredMatches(data string) []kindMatch {
	var all []kindMatch
	encodingMatches(data, func(k encKind, s, e int) bool {
		all = append(all, kindMatch{k, bounds{s, e}})
		return true
	})
	if len(all) <= 1 {
		return all
	}
	out := make([]kindMatch, 0, len(all))
	for i, m := range all {
		if i > 0 && m.overlaps(all[i-1].bounds) && precedence(all[i-1].kind) > precedence(m.kind) {
			continue
		}
		if i+1 < len(all) && m.overlaps(all[i+1].bounds) && precedence(all[i+1].kind) > precedence(m.kind) {
			continue
		}
		out = append(out, m)
	}
	return out
}

func (d *segDecoder) segments(data string, predecessors []*segment) []*segment {
	if len(data) == 0 {
		return []*segment{}
	}
	matches := filteredMatches(data)
	segs := make([]*segment, 0, len(matches))
	shift := 0
	for _, m := range matches {
		enc := data[m.start:m.end]
		value, ok := d.cache[enc]
		if !ok {
			value = decodeAs(m.kind, enc)
			d.cache[enc] = value
		}
		if value == "" {
			continue
		}
		s := &segment{
			predecessors: predecessors,
			original:     toOriginal(predecessors, m.bounds),
			encoded:      m.bounds,
			decoded:      bounds{m.start + shift, m.start + shift + len(value)},
			value:        value,
			encodings:    1 << m.kind,
			depth:        1,
		}
		shift += len(value) - len(enc)
		if len(predecessors) > 0 {
			s.depth = 1 + predecessors[0].depth
			for _, p := range predecessors {
				if s.encoded.overlaps(p.decoded) {
					s.encodings |= p.encodings
				}
			}
		}
		segs = append(segs, s)
	}
	return segs
}

func decodeAs(k encKind, s string) string {
	switch k {
	case encPercent:
		return decodePercentText(s)
	case encUnicode:
		return decodeUnicodeText(s)
	case encHex:
		return decodeHexText(s)
	}
	return decodeBase64Text(s)
}

// decodePercentText replaces every %XX (XX two hex digits, not the last two bytes of s) by its
// byte, which must be printable ASCII, else nothing decodes.
func decodePercentText(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		if s[i] == '%' && i+2 < len(s) && hexClass[s[i+1]] && hexClass[s[i+2]] {
			b := hexNibble(s[i+1])<<4 | hexNibble(s[i+2])
			if !printableASCII(b) {
				return ""
			}
			out = append(out, b)
			i += 3
			continue
		}
		out = append(out, s[i])
		i++
	}
	return string(out)
}

// decodeHexText decodes an even number of hex digits, at least one decimal, into printable
// ASCII; anything else decodes to nothing.
func decodeHexText(s string) string {
	if !hexDecodes(s) {
		return ""
	}
	out := make([]byte, len(s)/2)
	for i := range out {
		out[i] = hexNibble(s[2*i])<<4 | hexNibble(s[2*i+1])
	}
	return string(out)
}

// decodeBase64Text decodes s, holding one of 0-9+/-_, as standard base64 or else as raw
// URL-safe base64, into printable ASCII; anything else decodes to nothing.
func decodeBase64Text(s string) string {
	if !strings.ContainsAny(s, "0123456789+/-_") {
		return ""
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && allPrintable(b) {
		return string(b)
	}
	if b, err := base64.RawURLEncoding.DecodeString(s); err == nil && allPrintable(b) {
		return string(b)
	}
	return ""
}

// decodeUnicodeText decodes a unicode match: a run of U+XXXX code points, each followed by one
// whitespace byte but maybe the last, or a run of \uXXXX / \\uXXXX escapes (u of either case).
// Either way each code point becomes its rune (a surrogate becomes U+FFFD) and the whitespace
// goes; codec's fallbacks for other text never see a match of its regexp.
func decodeUnicodeText(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); {
		switch {
		case s[i] == 'U' && i+1 < len(s) && s[i+1] == '+':
			i += 2
		case s[i] == '\\':
			for i < len(s) && s[i] == '\\' {
				i++
			}
			i++ // u or U
		default: // the whitespace after a code point
			i++
			continue
		}
		if i+4 > len(s) {
			break
		}
		n, _ := strconv.ParseUint(s[i:i+4], 16, 32)
		out = utf8.AppendRune(out, rune(n))
		i += 4
	}
	return string(out)
}

// toOriginal maps bounds in the text decoded by predecessors back to the original text.
func toOriginal(predecessors []*segment, dec bounds) bounds {
	if len(predecessors) == 0 {
		return dec
	}
	var enc bounds
	for _, p := range predecessors {
		if !p.decoded.overlaps(dec) {
			continue
		}
		if p.decoded.contains(dec) {
			return p.original
		}
		up := p.encoded.add(p.decoded.overflow(dec))
		if enc.end == 0 {
			enc = up
		} else {
			enc = enc.merge(up)
		}
	}
	if enc.end == 0 {
		return dec
	}
	return toOriginal(predecessors[0].predecessors, enc)
}

// segTags is codec's Tags: one decoded:<encoding> per encoding of the segments, in the order
// percent, unicode, hex, base64, then decode-depth:<depth of the first>.
func segTags(segs []*segment) []string {
	if len(segs) == 0 {
		return []string{}
	}
	var bits encBits
	for _, s := range segs {
		bits |= s.encodings
	}
	tags := make([]string, 0, len(encNames)+1)
	for k, name := range encNames {
		if bits&(1<<k) != 0 {
			tags = append(tags, "decoded:"+name)
		}
	}
	return append(tags, "decode-depth:"+strconv.Itoa(segs[0].depth))
}

// segCurrentLine is codec's CurrentLine: raw from the last '\n' at or before the start of the
// segments' merged decoded range (the newline included; else from 0) to the first '\n' at or
// after its end (excluded; else to the end).
func segCurrentLine(segs []*segment, raw string) string {
	if len(segs) == 0 {
		return raw
	}
	dec := segs[0].decoded
	for _, s := range segs[1:] {
		dec = dec.merge(s.decoded)
	}
	start, end := 0, len(raw)
	for i := dec.start; i > -1; i-- {
		if raw[i] == '\n' {
			start = i
			break
		}
	}
	for i := dec.end; i < end; i++ {
		if raw[i] == '\n' {
			end = i
			break
		}
	}
	return raw[start:end]
}

// adjustMatchIndex is codec's AdjustMatchIndex: the match [m0, m1) of this pass in the original
// text.
func adjustMatchIndex(segs []*segment, m []int) []int {
	if len(segs) == 0 {
		return m
	}
	o := toOriginal(segs, bounds{m[0], m[1]})
	return []int{o.start, o.end}
}

// decodedOverlap is codec's SegmentsWithDecodedOverlap: the segments whose decoded range
// touches [start, end] (ends included).
func decodedOverlap(segs []*segment, start, end int) []*segment {
	se := bounds{start, end}
	out := []*segment{}
	for _, s := range segs {
		if s.decoded.overlaps(se) {
			out = append(out, s)
		}
	}
	return out
}
