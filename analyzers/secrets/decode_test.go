package secrets

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect/codec"
)

// codecPattern is detect/codec's combined regexp (encodings.go, v8.30.1), rebuilt here because
// codec does not export it.
var codecPattern = regexp.MustCompile(strings.Join([]string{
	`(?P<percent>%[0-9A-Fa-f]{2}(?:.*%[0-9A-Fa-f]{2})?)`,
	`(?P<unicode>(?:(?:U\+[a-fA-F0-9]{4}(?:\s|$))+|(?i)(?:\\{1,2}u[a-fA-F0-9]{4})+))`,
	`(?P<hex>[0-9A-Fa-f]{32,})`,
	`(?P<base64>[\w\/+-]{16,}={0,2})`,
}, "|"))

type encMatch struct {
	kind       encKind
	start, end int
}

func regexpMatches(data string) []encMatch {
	var out []encMatch
	for _, m := range codecPattern.FindAllStringSubmatchIndex(data, -1) {
		for g := 1; g < len(m)/2; g++ {
			if m[2*g] >= 0 {
				out = append(out, encMatch{encKind(g - 1), m[2*g], m[2*g+1]})
			}
		}
	}
	return out
}

func handMatches(data string) []encMatch {
	var out []encMatch
	encodingMatches(data, func(k encKind, s, e int) bool {
		out = append(out, encMatch{k, s, e})
		return true
	})
	return out
}

// decodeText is the input alphabet of the differential tests: every character the pattern
// looks at, with short words so that runs of every length occur.
var decodeAlphabet = []string{"%", "%2", "%20", "%7e", "%0a", "U", "U+", "U+00", "U+0041", "U+1F600", "\\", "\\\\",
	"\\u", "\\U", "\\u0041", "\\\\u00e9", "u", "a", "F", "0", "9", "g", "Z", "_", "-", "+", "/", "=", "==", " ",
	"\t", "\n", "\r", "\f", "\v", ".", "'", "\"", ":", "é", "\xff", "deadbeef", "DEADBEEF", "c2VjcmV0",
	"dG9rZW4=", "YWE_", "YWE_YWE_", "aGVsbG8gd29ybGQ", "0123456789abcdef", "some_long_identifier", "AKIAIOSFODNN7EXAMPLE"}

func randomDecodeText(rng *rand.Rand, n int) string {
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(decodeAlphabet[rng.IntN(len(decodeAlphabet))])
	}
	return b.String()
}

func TestEncodingMatchesMatchesCodecRegexp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 5))
	for i := 0; i < 20000; i++ {
		data := randomDecodeText(rng, rng.IntN(120))
		if want, got := regexpMatches(data), handMatches(data); !slices.Equal(want, got) {
			t.Fatalf("%q:\nregexp %v\nhand   %v", data, want, got)
		}
	}
}

// TestNothingToDecode checks the base64 and hex mirrors against codec's Decode on each match
// alone: whenever Decode finds a segment, nothingToDecode must say so.
func TestNothingToDecode(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 1))
	decodes := 0
	for i := 0; i < 20000; i++ {
		data := randomDecodeText(rng, rng.IntN(80))
		_, segs := codec.NewDecoder().Decode(data, nil)
		if len(segs) > 0 {
			decodes++
		}
		if len(segs) > 0 && nothingToDecode(data) {
			t.Fatalf("%q: codec decodes %d segments, nothingToDecode says none", data, len(segs))
		}
		for _, m := range handMatches(data) {
			text := data[m.start:m.end]
			_, segs := codec.NewDecoder().Decode(text, nil)
			var mirror bool
			switch m.kind {
			case encHex:
				mirror = hexDecodes(text)
			case encBase64:
				var buf []byte
				mirror = base64Decodes(text, &buf)
			default:
				continue
			}
			if mirror != (len(segs) > 0) {
				t.Fatalf("%q (kind %d): mirror %v, codec %d segments", text, m.kind, mirror, len(segs))
			}
		}
	}
	if decodes < 100 {
		t.Fatalf("only %d inputs decoded: the test exercises too little", decodes)
	}
}

func FuzzEncodingMatches(f *testing.F) {
	for _, s := range decodeAlphabet {
		f.Add(s + " " + s + s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if want, got := regexpMatches(data), handMatches(data); !slices.Equal(want, got) {
			t.Fatalf("%q:\nregexp %v\nhand   %v", data, want, got)
		}
		if _, segs := codec.NewDecoder().Decode(data, nil); len(segs) > 0 && nothingToDecode(data) {
			t.Fatalf("%q: codec decodes, nothingToDecode says none", data)
		}
	})
}

func BenchmarkNothingToDecode(b *testing.B) {
	data := randomDecodeText(rand.New(rand.NewPCG(1, 2)), 1<<20)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		nothingToDecode(data)
	}
}
