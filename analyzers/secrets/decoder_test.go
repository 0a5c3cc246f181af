package secrets

import (
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/zricethezav/gitleaks/v8/detect/codec"
)

// codecBounds reads an unexported startEnd field of codec's EncodedSegment.
func codecBounds(v reflect.Value, field string) bounds {
	f := v.FieldByName(field)
	return bounds{int(f.FieldByName("start").Int()), int(f.FieldByName("end").Int())}
}

// compareDecoders runs codec's Decoder and segDecoder side by side on data for depths 1..5 and
// returns the first difference: in the decoded text, in any field of any segment (codec's read
// by reflection), or in what Tags, CurrentLine, AdjustMatchIndex and SegmentsWithDecodedOverlap
// return on a grid of positions.
func compareDecoders(data string) error {
	cd, od := codec.NewDecoder(), newSegDecoder()
	craw, oraw := data, data
	var csegs []*codec.EncodedSegment
	var osegs []*segment
	for depth := 1; depth <= 5; depth++ {
		cprev, oprev := csegs, osegs
		craw, csegs = cd.Decode(craw, csegs)
		oraw, osegs = od.decode(oraw, osegs)
		if craw != oraw {
			return fmt.Errorf("depth %d: decoded text differs:\ncodec %q\nours  %q", depth, craw, oraw)
		}
		if len(csegs) != len(osegs) {
			return fmt.Errorf("depth %d: codec %d segments, ours %d", depth, len(csegs), len(osegs))
		}
		for i, cs := range csegs {
			os := osegs[i]
			v := reflect.ValueOf(cs).Elem()
			cp := v.FieldByName("predecessors")
			if cp.Len() != len(os.predecessors) || len(os.predecessors) != len(oprev) {
				return fmt.Errorf("depth %d segment %d: predecessors %d / %d", depth, i, cp.Len(), len(os.predecessors))
			}
			for j := 0; j < cp.Len(); j++ {
				if cp.Index(j).Pointer() != reflect.ValueOf(cprev[j]).Pointer() || os.predecessors[j] != oprev[j] {
					return fmt.Errorf("depth %d segment %d: predecessor %d is not the previous pass's", depth, i, j)
				}
			}
			cw := fmt.Sprintf("original %v encoded %v decoded %v value %q encodings %d depth %d",
				codecBounds(v, "original"), codecBounds(v, "encoded"), codecBounds(v, "decoded"),
				v.FieldByName("decodedValue").String(), v.FieldByName("encodings").Int(), v.FieldByName("depth").Int())
			ow := fmt.Sprintf("original %v encoded %v decoded %v value %q encodings %d depth %d",
				os.original, os.encoded, os.decoded, os.value, os.encodings, os.depth)
			if cw != ow {
				return fmt.Errorf("depth %d segment %d:\ncodec %s\nours  %s", depth, i, cw, ow)
			}
		}
		if len(csegs) == 0 {
			return nil
		}
		if err := compareQueries(craw, csegs, osegs); err != nil {
			return fmt.Errorf("depth %d: %v", depth, err)
		}
	}
	return nil
}

// queryGrid is the positions the exported functions are queried at: 0, the end, around every
// segment's decoded bounds, and a stride.
func queryGrid(n int, osegs []*segment) []int {
	set := map[int]bool{0: true, n: true}
	step := max(1, len(osegs)/48) // at most about 48 segments' bounds
	for i := 0; i < len(osegs); i += step {
		s := osegs[i]
		for _, p := range []int{s.decoded.start - 1, s.decoded.start, s.decoded.start + 1, s.decoded.end - 1, s.decoded.end, s.decoded.end + 1} {
			if p >= 0 && p <= n {
				set[p] = true
			}
		}
	}
	for p := 0; p <= n; p += max(1, n/16) {
		set[p] = true
	}
	grid := make([]int, 0, len(set))
	for p := range set {
		grid = append(grid, p)
	}
	sort.Ints(grid)
	return grid
}

func compareQueries(raw string, csegs []*codec.EncodedSegment, osegs []*segment) error {
	index := map[*codec.EncodedSegment]int{}
	for i, s := range csegs {
		index[s] = i
	}
	oindex := map[*segment]int{}
	for i, s := range osegs {
		oindex[s] = i
	}
	check := func(cs []*codec.EncodedSegment, os []*segment, a, b int) error {
		ci, oi := []int{}, []int{}
		for _, s := range cs {
			ci = append(ci, index[s])
		}
		for _, s := range os {
			oi = append(oi, oindex[s])
		}
		if !slices.Equal(ci, oi) {
			return fmt.Errorf("segments over [%d,%d]: codec %v ours %v", a, b, ci, oi)
		}
		if c, o := codec.AdjustMatchIndex(cs, []int{a, b}), adjustMatchIndex(os, []int{a, b}); !slices.Equal(c, o) {
			return fmt.Errorf("AdjustMatchIndex [%d,%d]: codec %v ours %v", a, b, c, o)
		}
		if c, o := codec.Tags(cs), segTags(os); !slices.Equal(c, o) {
			return fmt.Errorf("Tags [%d,%d]: codec %v ours %v", a, b, c, o)
		}
		if c, o := codec.CurrentLine(cs, raw), segCurrentLine(os, raw); c != o {
			return fmt.Errorf("CurrentLine [%d,%d]: codec %q ours %q", a, b, c, o)
		}
		return nil
	}
	if err := check(csegs, osegs, 0, len(raw)); err != nil {
		return err
	}
	grid := queryGrid(len(raw), osegs)
	for i, a := range grid {
		for j := i; j < len(grid); j++ {
			if j > i+6 && (j-i)%max(1, len(grid)/8) != 0 {
				continue
			}
			b := grid[j]
			if err := check(codec.SegmentsWithDecodedOverlap(csegs, a, b), decodedOverlap(osegs, a, b), a, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// encodeOnce applies one random encoding to s.
func encodeOnce(rng *rand.Rand, s string) string {
	switch rng.IntN(8) {
	case 0:
		return base64.StdEncoding.EncodeToString([]byte(s))
	case 1:
		return base64.RawURLEncoding.EncodeToString([]byte(s))
	case 2:
		return hex.EncodeToString([]byte(s))
	case 3:
		return strings.ToUpper(hex.EncodeToString([]byte(s)))
	case 4: // percent: every byte, or only some
		var b strings.Builder
		all := rng.IntN(2) == 0
		for i := 0; i < len(s); i++ {
			if all || rng.IntN(3) == 0 || s[i] == '%' {
				fmt.Fprintf(&b, "%%%02X", s[i])
			} else {
				b.WriteByte(s[i])
			}
		}
		return b.String()
	case 5: // U+XXXX separated by whitespace
		var parts []string
		for _, r := range s {
			parts = append(parts, fmt.Sprintf("U+%04X", r&0xffff))
		}
		return strings.Join(parts, []string{" ", "\t", "\n", "  "}[rng.IntN(4)])
	case 6, 7: // \uXXXX or \\uXXXX, u of either case
		var b strings.Builder
		for _, r := range s {
			b.WriteString([]string{`\u`, `\\u`, `\U`, `\\U`}[rng.IntN(4)])
			fmt.Fprintf(&b, "%04x", r&0xffff)
		}
		return b.String()
	}
	return s
}

var decoderPlain = []string{"secret", "token=abc123", "AKIAIOSFODNN7EXAMPLE", "password: hunter2", "ghp_" + strings.Repeat("a1B2", 9),
	"héllo wörld", "日本語のテキスト", "x", "%41", "a\nb", "\\u0041", "U+0041", "deadbeefdeadbeefdeadbeefdeadbeef"}

// nestedEncodingText builds text holding nested encodings (base64 of hex of percent...) side by
// side, touching or separated, among random decode-alphabet text.
func nestedEncodingText(rng *rand.Rand) string {
	var b strings.Builder
	for n := rng.IntN(5); n >= 0; n-- {
		s := decoderPlain[rng.IntN(len(decoderPlain))]
		if rng.IntN(2) == 0 {
			s += decoderPlain[rng.IntN(len(decoderPlain))]
		}
		for d := rng.IntN(5); d > 0; d-- {
			s = encodeOnce(rng, s)
		}
		b.WriteString(s)
		switch rng.IntN(4) {
		case 0: // touching the next one
		case 1:
			b.WriteString(randomDecodeText(rng, rng.IntN(12)))
		default:
			b.WriteString([]string{" ", "\n", "\"", ": ", "=", "%", "\\"}[rng.IntN(7)])
		}
	}
	return b.String()
}

func TestDecoderMatchesCodec(t *testing.T) {
	var inputs []string
	files := readFixtures(t)
	for _, p := range sortedKeys(files) {
		inputs = append(inputs, string(files[p]))
	}
	s := parityScanner(t)
	for seed := uint64(1); seed <= 2; seed++ {
		inputs = append(inputs, ruleSamples(rand.New(rand.NewPCG(seed, 42)), s)...)
	}
	rng := rand.New(rand.NewPCG(17, 23))
	n := 8000
	if testing.Short() {
		n = 2000
	}
	for i := 0; i < n; i++ {
		inputs = append(inputs, nestedEncodingText(rng), randomDecodeText(rng, rng.IntN(120)))
	}
	decoded := 0
	for _, in := range inputs {
		if err := compareDecoders(in); err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		if _, segs := codec.NewDecoder().Decode(in, nil); len(segs) > 0 {
			decoded++
		}
	}
	if decoded < len(inputs)/4 {
		t.Fatalf("only %d of %d inputs decode: the test exercises too little", decoded, len(inputs))
	}
	t.Logf("%d inputs, %d decode", len(inputs), decoded)
}

// TestDecoderMatchesCodecRealCorpus compares the decoders on every file of the real corpus.
func TestDecoderMatchesCodecRealCorpus(t *testing.T) {
	paths, files, _ := realCorpus(t)
	for _, p := range paths {
		if err := compareDecoders(string(files[p])); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

func FuzzDecoder(f *testing.F) {
	rng := rand.New(rand.NewPCG(5, 8))
	for range 40 {
		f.Add(nestedEncodingText(rng))
	}
	for _, s := range decodeAlphabet {
		f.Add(s + " " + s + s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		if len(data) > 1024 {
			return // the grid of queries makes long inputs slow; TestDecoderMatchesCodecRealCorpus has them
		}
		if err := compareDecoders(data); err != nil {
			t.Fatalf("%q: %v", data, err)
		}
	})
}
