package secrets

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/spf13/viper"
	"github.com/zricethezav/gitleaks/v8/config"
)

// DefaultMaxDecodeDepth is the decoding depth of the gitleaks CLI, which Scan uses by default.
const DefaultMaxDecodeDepth = 5

// gitleaksAllow is the inline marker that makes gitleaks (and this scanner) skip a match.
const gitleaksAllow = "gitleaks:allow"

// maxWindowLines is the largest line window a rule gets around a keyword; a rule whose regex can
// match more line breaks than this runs over the whole content.
const maxWindowLines = 16

// Match is one secret pattern match. Offsets are 0-based byte offsets into the scanned content.
// For a match found in decoded text (a base64 blob holding a token), Start/End and
// MatchStart/MatchEnd are the span of the encoded text it was decoded from, and Tags carry
// "decoded:<encoding>" and "decode-depth:<n>".
type Match struct {
	RuleID      string
	Description string
	// Start and End delimit the secret (the rule's secret group), not the whole match.
	Start, End int
	// MatchStart and MatchEnd delimit the whole regex match (without surrounding newlines).
	MatchStart, MatchEnd int
	// Secret is the secret's text (decoded when the match came from decoded text). It never
	// leaves the process: reporters mask the span instead.
	Secret  string
	Entropy float64
	Tags    []string
	// PathOnly is set for gitleaks rules that match a file by its name alone (pkcs12-file); such
	// a match has no span.
	PathOnly bool
}

// Option configures a Scanner.
type Option func(*options)

type options struct {
	maxDecodeDepth int
	gitleaks       bool
	own            bool
	unclassified   bool
}

// WithMaxDecodeDepth sets how many rounds of decoding (base64, hex, percent, unicode escapes) Scan
// applies; 0 disables decoding. The default is DefaultMaxDecodeDepth, as in the gitleaks CLI.
func WithMaxDecodeDepth(n int) Option { return func(o *options) { o.maxDecodeDepth = max(n, 0) } }

// WithGitleaksRulesOnly leaves dagwarden's own rules out (the parity test compares with gitleaks).
func WithGitleaksRulesOnly() Option { return func(o *options) { o.own = false } }

// WithOwnRulesOnly leaves gitleaks' rule set out and keeps only dagwarden's rules.
func WithOwnRulesOnly() Option { return func(o *options) { o.gitleaks = false } }

// WithUnclassified keeps the matches that Classify rejects (placeholders, templates, env
// references, examples, trivial values). By default Scan drops them.
func WithUnclassified() Option { return func(o *options) { o.unclassified = true } }

// Scanner finds secrets in text. It is built once per process (NewScanner) and is safe for
// concurrent use: Scan only reads it.
type Scanner struct {
	rules     []*rule
	keywords  *keywordDFA
	kwRules   [][]int // keyword index in the automaton → indices into rules
	noKwRules []int   // rules without keywords: run over the whole content
	global    []*config.Allowlist
	opts      options
	bufPool   sync.Pool // *passBufs
}

type rule struct {
	config.Rule
	generic bool
	own     bool
	window  int // lines either side of a keyword hit; < 0: the whole content
	// before and after are the lines a window takes above and below a keyword hit (at most
	// window): fewer when the rule's keyword sits at a known place in its regex.
	before, after int
	// reach bounds the end of a match in characters from the start of a keyword hit, and tail the line
	// breaks the rest of the match can hold after that point (reach < 0: unknown, after applies).
	// generic-api-key's bounded part ends within 42 characters of its keyword, and the rest of
	// its match on that line.
	reach, tail int
	// lead bounds how far before the end of a keyword hit a match can start, when that part of
	// the regex holds no line break and no assertion that looks behind (\b, ^): the window
	// then starts there rather than at the start of the line (< 0: unknown).
	lead int
	// factors are strings of which every match holds one (matchFactors); nil: unknown.
	factors [][]byte
	// gate is a condition every keyword hit that starts a match's keyword element meets
	// (keywordGate); hits that fail it get no window. nil: none.
	gate *regexp.Regexp
	// follow is a byte test on what follows a keyword hit, also necessary (keywordFollow); nil: none.
	follow *follow
	// leadChars are the characters a match can hold before its keyword element (keywordLeadChars);
	// nil: unknown.
	leadChars *[256]bool
	// tailChars and tailWidth bound the end of a match by the run of characters it ends with
	// (keywordTailChars); nil: unknown.
	tailChars *[256]bool
	tailWidth int
	// prefix is n when the regex opens with C{0,n}? before its keyword element and the rule has
	// a gate and leadChars: where gates apply, its matches then come from its hits alone
	// (directMatches), without windows. -1: no such prefix.
	prefix int
}

// loadGitleaksConfig reads gitleaks' default configuration once per process, through a private
// viper instance (detect.NewDetectorDefaultConfig writes the global one).
var loadGitleaksConfig = sync.OnceValues(func() (config.Config, error) {
	v := viper.New()
	v.SetConfigType("toml")
	if err := v.ReadConfig(strings.NewReader(config.DefaultConfig)); err != nil {
		return config.Config{}, fmt.Errorf("gitleaks default config: %w", err)
	}
	var vc config.ViperConfig
	if err := v.Unmarshal(&vc); err != nil {
		return config.Config{}, fmt.Errorf("gitleaks default config: %w", err)
	}
	cfg, err := vc.Translate()
	if err != nil {
		return config.Config{}, fmt.Errorf("gitleaks default config: %w", err)
	}
	// NOTE: Validate compiles allowlists in place; doing it here, once, keeps Scan read-only.
	for _, a := range cfg.Allowlists {
		if err := a.Validate(); err != nil {
			return config.Config{}, err
		}
	}
	for id, r := range cfg.Rules {
		if err := r.Validate(); err != nil {
			return config.Config{}, err
		}
		cfg.Rules[id] = r
	}
	return cfg, nil
})

// NewScanner builds a Scanner: gitleaks' default rules plus dagwarden's own rules, one keyword
// automaton, and each rule's line window.
func NewScanner(opts ...Option) (*Scanner, error) {
	o := options{maxDecodeDepth: DefaultMaxDecodeDepth, gitleaks: true, own: true}
	for _, f := range opts {
		f(&o)
	}
	cfg, err := loadGitleaksConfig()
	if err != nil {
		return nil, err
	}
	s := &Scanner{opts: o, global: cfg.Allowlists}
	if o.gitleaks {
		for _, r := range cfg.Rules {
			s.rules = append(s.rules, &rule{Rule: r})
		}
	}
	if o.own {
		for _, r := range ownRules() {
			for i, k := range r.Keywords {
				r.Keywords[i] = strings.ToLower(k)
			}
			if err := r.Validate(); err != nil {
				return nil, err
			}
			s.rules = append(s.rules, &rule{Rule: r, own: true})
		}
	}
	sort.Slice(s.rules, func(i, j int) bool { return s.rules[i].RuleID < s.rules[j].RuleID })

	kwIndex := map[string]int{}
	var kws []string
	for i, r := range s.rules {
		if len(r.RequiredRules) > 0 {
			return nil, fmt.Errorf("rule %s: composite rules (required) are not supported", r.RuleID)
		}
		r.generic = strings.Contains(strings.ToLower(r.RuleID), "generic")
		r.window = windowLines(r.Rule)
		if r.window >= 0 && !keywordInEveryMatch(r.Rule) {
			// gitleaks runs such a rule over the whole file once any keyword occurs in it.
			r.window = -1
		}
		r.before, r.after = r.window, r.window
		if b, a, ok := keywordSplit(r.Rule); ok && r.window >= 0 {
			r.before, r.after = min(b+1, r.window), min(a+1, r.window)
		}
		r.reach, r.lead = -1, keywordLead(r.Rule)
		r.factors = matchFactors(r.Rule)
		r.gate, r.follow = keywordGate(r.Rule), keywordFollow(r.Rule)
		if r.gate != nil && r.lead >= 0 {
			r.leadChars = keywordLeadChars(r.Rule)
		}
		if reach, tail, ok := keywordReach(r.Rule); ok && r.window >= 0 && tail < r.after {
			r.reach, r.tail = reach, tail
		}
		if r.gate != nil && r.reach >= 0 {
			r.tailChars, r.tailWidth = keywordTailChars(r.Rule)
		}
		r.prefix = -1
		if r.gate != nil && r.leadChars != nil {
			r.prefix = keywordPrefix(r.Rule)
		}
		if len(r.Keywords) == 0 {
			s.noKwRules = append(s.noKwRules, i)
			continue
		}
		for _, k := range r.Keywords {
			k = strings.ToLower(k)
			ki, ok := kwIndex[k]
			if !ok {
				ki = len(kws)
				kwIndex[k] = ki
				kws = append(kws, k)
				s.kwRules = append(s.kwRules, nil)
			}
			if !slices.Contains(s.kwRules[ki], i) {
				s.kwRules[ki] = append(s.kwRules[ki], i)
			}
		}
	}
	s.keywords = newKeywordDFA(kws)
	return s, nil
}

// RuleIDs lists the IDs of the rules the scanner runs, sorted.
func (s *Scanner) RuleIDs() []string {
	ids := make([]string, len(s.rules))
	for i, r := range s.rules {
		ids[i] = r.RuleID
	}
	return ids
}

// windowLines is the number of lines a rule needs on each side of a keyword hit: the largest
// number of line breaks its regex can match, or -1 (whole content) when that is unbounded or
// larger than maxWindowLines.
func windowLines(r config.Rule) int {
	if r.Regex == nil {
		return 0
	}
	re, err := syntax.Parse(r.Regex.String(), syntax.Perl)
	if err != nil {
		return -1
	}
	n := maxNewlines(re)
	if n > maxWindowLines {
		return -1
	}
	// One more line on each side keeps the text around a match the same as in the whole content
	// for \b and look-around-like prefixes such as (?:^|[\s'"]).
	return n + 1
}

// keywordInEveryMatch reports whether every match of the rule's regex contains one of its
// keywords (ASCII case-insensitively). Only then can the rule run on windows around keyword hits;
// a rule such as sourcegraph-access-token, whose regex also matches any 40 hex digits, must run
// over the whole content whenever a keyword occurs, as in gitleaks.
func keywordInEveryMatch(r config.Rule) bool {
	lm := litMemo{}
	if r.Regex == nil || len(r.Keywords) == 0 {
		return false
	}
	re, err := syntax.Parse(r.Regex.String(), syntax.Perl)
	if err != nil {
		return false
	}
	return lm.mustContain(re.Simplify(), r.Keywords)
}

// keywordSplit bounds the line breaks a match can hold before and after a keyword it contains,
// when the regex is a concatenation with an element (or a run of finite elements) that always
// holds a keyword: the line breaks of the elements before it plus its own, and its own plus
// those after it. A window of that many lines (plus one for context) above and below each
// keyword hit still holds every match: generic-api-key's keyword comes first ([\w.-]{0,50}?
// cannot match a line break), so its window needs one line above a hit instead of ten.
func keywordSplit(r config.Rule) (before, after int, ok bool) {
	lm := litMemo{}
	subs, ok := topConcat(r)
	if !ok {
		return 0, 0, false
	}
	sum := func(els []*syntax.Regexp) int {
		t := 0
		for _, sub := range els {
			t = min(t+maxNewlines(sub), unbounded)
		}
		return t
	}
	for i := range subs {
		if lm.mustContain(subs[i], r.Keywords) {
			return sum(subs[:i+1]), sum(subs[i:]), true
		}
		acc := []string{""}
		for j := i; j < len(subs); j++ {
			l, ok := lm.literals(subs[j])
			if !ok {
				break
			}
			if acc = crossProduct(acc, l, 256); acc == nil {
				break
			}
			if allContain(acc, r.Keywords) {
				return sum(subs[:j+1]), sum(subs[i:]), true
			}
		}
	}
	return 0, 0, false
}

// keywordReach bounds where a match ends relative to the keyword it contains, when the regex is
// a concatenation whose keyword element is followed by elements of bounded width and then by
// elements that may be long but hold few line breaks: reach is the most characters from the start of
// the keyword element to the end of the bounded part, tail the line breaks of the rest but for
// one that can only end the match. The keyword element starts at or before the keyword hit, so
// hit+reach is a sound bound.
func keywordReach(r config.Rule) (reach, tail int, ok bool) {
	subs, i, _, ok := keywordElement(r)
	if !ok {
		return 0, 0, false
	}
	j := boundedEnd(subs, i)
	for _, sub := range subs[i:j] {
		reach = min(reach+maxRunes(sub), unbounded)
	}
	for k, sub := range subs[j:] {
		if j+k == len(subs)-1 && newlineOnlyLast(sub) {
			break // a line break that ends the match ends the line the window already holds
		}
		tail = min(tail+maxNewlines(sub), unbounded)
	}
	return reach, tail, reach < unbounded && tail < unbounded
}

// boundedEnd returns the index of the first element from i on of unbounded width (len(subs)
// when there is none).
func boundedEnd(subs []*syntax.Regexp, i int) int {
	for ; i < len(subs); i++ {
		if maxRunes(subs[i]) >= unbounded {
			break
		}
	}
	return i
}

// newlineOnlyLast reports whether a match of re can hold a line break only as its last
// character (generic-api-key's terminator, [\x60'"\s;]|\\[nr]|$, may be one '\n').
func newlineOnlyLast(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpCharClass:
		return true
	case syntax.OpLiteral:
		return !slices.Contains(re.Rune[:max(len(re.Rune)-1, 0)], '\n')
	case syntax.OpCapture:
		return newlineOnlyLast(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !newlineOnlyLast(sub) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		last := len(re.Sub) - 1
		for _, sub := range re.Sub[:max(last, 0)] {
			if maxNewlines(sub) > 0 {
				return false
			}
		}
		return last < 0 || newlineOnlyLast(re.Sub[last])
	}
	return maxNewlines(re) == 0
}

// keywordLead is the most characters a match can hold before the end of its keyword element, when
// the regex is a concatenation whose elements up to the keyword element are newline-free and of
// bounded width, and the regex has no assertion that depends on the text before the window;
// otherwise -1.
func keywordLead(r config.Rule) int {
	subs, i, _, ok := keywordElement(r)
	if !ok || looksBehind(&syntax.Regexp{Op: syntax.OpConcat, Sub: subs}) {
		return -1
	}
	lead := 0
	for _, sub := range subs[:i+1] {
		w := maxRunes(sub)
		if w >= unbounded || maxNewlines(sub) > 0 {
			return -1
		}
		lead += w
	}
	return lead
}

// looksBehind reports whether re holds an assertion about the text before a position (\b, \B,
// ^, \A), which a window starting inside a line would answer differently from the whole file.
func looksBehind(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary, syntax.OpNoWordBoundary, syntax.OpBeginLine, syntax.OpBeginText:
		return true
	}
	for _, sub := range re.Sub {
		if looksBehind(sub) {
			return true
		}
	}
	return false
}

// maxRunes bounds the characters of a match of re (unbounded for * and + and open repeats).
// Windows are measured in characters, not bytes: under (?i) a k may match the 3-byte Kelvin sign.
func maxRunes(re *syntax.Regexp) int {
	return maxCount(re, func(leaf *syntax.Regexp) int {
		switch leaf.Op {
		case syntax.OpLiteral:
			return len(leaf.Rune)
		case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
			return 1
		}
		return 0 // empty-width assertions
	})
}

// maxCount bounds, over every match of re, the sum of what leaf counts in each single-character
// or literal element it passes through (characters, line breaks): repeats multiply, a
// concatenation adds, an alternation takes its largest branch.
func maxCount(re *syntax.Regexp, leaf func(*syntax.Regexp) int) int {
	switch re.Op {
	case syntax.OpCapture, syntax.OpQuest:
		return maxCount(re.Sub[0], leaf)
	case syntax.OpStar, syntax.OpPlus:
		if maxCount(re.Sub[0], leaf) == 0 {
			return 0
		}
		return unbounded
	case syntax.OpRepeat:
		w := maxCount(re.Sub[0], leaf)
		if w == 0 {
			return 0
		}
		if re.Max < 0 {
			return unbounded
		}
		return min(w*re.Max, unbounded)
	case syntax.OpConcat:
		t := 0
		for _, sub := range re.Sub {
			t = min(t+maxCount(sub, leaf), unbounded)
		}
		return t
	case syntax.OpAlternate:
		t := 0
		for _, sub := range re.Sub {
			t = max(t, maxCount(sub, leaf))
		}
		return t
	}
	return leaf(re)
}

// runesBack returns the offset n characters before off in s (0 at most).
func runesBack(s string, off, n int) int {
	for ; n > 0 && off > 0; n-- {
		_, w := utf8.DecodeLastRuneInString(s[:off])
		off -= w
	}
	return off
}

// runesForward returns the offset n characters after off in s (len(s) at most).
func runesForward(s string, off, n int) int {
	for ; n > 0 && off < len(s); n-- {
		_, w := utf8.DecodeRuneInString(s[off:])
		off += w
	}
	return off
}

// mustContain reports whether every string re matches contains one of the keywords.
func (lm litMemo) mustContain(re *syntax.Regexp, kws []string) bool {
	if l, ok := lm.literals(re); ok {
		return allContain(l, kws)
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return lm.mustContain(re.Sub[0], kws)
	case syntax.OpRepeat:
		return re.Min > 0 && lm.mustContain(re.Sub[0], kws)
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !lm.mustContain(sub, kws) {
				return false
			}
		}
		return true
	case syntax.OpConcat:
		// The strings every match opens with, any element, or any run of consecutive finite
		// elements, that always hold a keyword.
		if l, ok := lm.leads(re); ok && allContain(l, kws) {
			return true
		}
		for i := range re.Sub {
			if lm.mustContain(re.Sub[i], kws) {
				return true
			}
			acc := []string{""}
			for j := i; j < len(re.Sub); j++ {
				l, ok := lm.literals(re.Sub[j])
				if !ok {
					break
				}
				acc = crossProduct(acc, l, 256)
				if acc == nil {
					break
				}
				if allContain(acc, kws) {
					return true
				}
			}
		}
	}
	return false
}

// litLimit bounds the finite sets of strings literals enumerates.
const litLimit = 64

// litMemo remembers literals per node of one parsed regex: mustContain asks again for every
// run of consecutive elements, which without it made building a Scanner cost 0.4 s and 270 MB.
type litMemo map[*syntax.Regexp]litSet

type litSet struct {
	l  []string
	ok bool
}

// literals returns the finite set of lower-cased strings re matches, when there are at most
// litLimit of them. The slice is shared: its capacity is clipped so an append copies it.
func (lm litMemo) literals(re *syntax.Regexp) ([]string, bool) {
	if r, ok := lm[re]; ok {
		return r.l, r.ok
	}
	l, ok := lm.compute(re, litLimit)
	l = l[:len(l):len(l)]
	lm[re] = litSet{l, ok}
	return l, ok
}

func (lm litMemo) compute(re *syntax.Regexp, limit int) ([]string, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return []string{""}, true
	case syntax.OpLiteral:
		return []string{strings.ToLower(string(re.Rune))}, true
	case syntax.OpCharClass:
		set := map[string]bool{}
		for i := 0; i+1 < len(re.Rune); i += 2 {
			if re.Rune[i+1]-re.Rune[i] > 64 {
				return nil, false
			}
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set[strings.ToLower(string(r))] = true
			}
		}
		if len(set) > limit {
			return nil, false
		}
		return sortedKeys(set), true
	case syntax.OpCapture:
		return lm.literals(re.Sub[0])
	case syntax.OpQuest:
		l, ok := lm.literals(re.Sub[0])
		return append(l, ""), ok
	case syntax.OpRepeat:
		if re.Max < 0 || re.Max > 4 {
			return nil, false
		}
		l, ok := lm.literals(re.Sub[0])
		if !ok {
			return nil, false
		}
		var out []string
		acc := []string{""}
		for n := 0; n <= re.Max; n++ {
			if n >= re.Min {
				out = append(out, acc...)
			}
			if acc = crossProduct(acc, l, limit); acc == nil {
				return nil, false
			}
		}
		return out, len(out) <= limit
	case syntax.OpConcat:
		acc := []string{""}
		for _, sub := range re.Sub {
			l, ok := lm.literals(sub)
			if !ok {
				return nil, false
			}
			if acc = crossProduct(acc, l, limit); acc == nil {
				return nil, false
			}
		}
		return acc, true
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			l, ok := lm.literals(sub)
			if !ok {
				return nil, false
			}
			out = append(out, l...)
		}
		return out, len(out) <= limit
	}
	return nil, false
}

func crossProduct(a, b []string, limit int) []string {
	if len(a)*len(b) > limit {
		return nil
	}
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

func allContain(ss, kws []string) bool {
	for _, s := range ss {
		found := false
		for _, k := range kws {
			if strings.Contains(s, strings.ToLower(k)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

const unbounded = 1 << 20

// maxNewlines bounds how many '\n' a match of re can contain.
func maxNewlines(re *syntax.Regexp) int {
	return maxCount(re, func(leaf *syntax.Regexp) int {
		switch leaf.Op {
		case syntax.OpLiteral:
			return strings.Count(string(leaf.Rune), "\n")
		case syntax.OpCharClass:
			for i := 0; i+1 < len(leaf.Rune); i += 2 {
				if leaf.Rune[i] <= '\n' && '\n' <= leaf.Rune[i+1] {
					return 1
				}
			}
		case syntax.OpAnyChar:
			return 1
		}
		return 0
	})
}

// candidate is a match before de-duplication, with gitleaks' own view of it (line, Match text).
type candidate struct {
	Match
	rule   *rule
	line   int    // gitleaks' 1-based StartLine of the match
	match  string // gitleaks' Finding.Match (the match without surrounding newlines)
	secret string // gitleaks' Finding.Secret
}

// scan is the state of one Scan call.
type scan struct {
	s       *Scanner
	path    string
	content string // the original content
	nl      []int  // offsets of '\n' in content, computed on first use
	nlDone  bool
	active  []bool // per rule: not excluded by path rules or path allowlists
	out     []candidate
}

// Scan reports the secrets in content. path is used for gitleaks' path rules and path
// allowlists (e.g. package-lock.json is skipped, kubernetes-secret-yaml runs on .yaml only).
// content is not modified and not retained. The result is sorted by Start, End, RuleID.
func (s *Scanner) Scan(path string, content []byte) []Match {
	if len(content) == 0 && path == "" {
		return nil
	}
	// fast path: gitleaks skips files on its global path allowlist entirely.
	if path != "" {
		for _, a := range s.global {
			if pathOrCommitAllowed(a, path) {
				return nil
			}
		}
	}
	st := &scan{s: s, path: path}
	if len(content) > 0 {
		// NOTE: content is only read during Scan, and every string kept from it is cloned.
		st.content = unsafe.String(&content[0], len(content))
	}
	st.active = make([]bool, len(s.rules))
	for i, r := range s.rules {
		st.active[i] = st.ruleApplies(r)
	}

	raw := st.content
	var segments []*segment
	var decoder *segDecoder
	for depth := 0; ; depth++ {
		st.pass(depth, raw, segments)
		if depth+1 > s.opts.maxDecodeDepth {
			break
		}
		if nothingToDecode(raw) {
			break // fast path: Decode would return no segments (decode.go)
		}
		if decoder == nil {
			decoder = newSegDecoder()
		}
		raw, segments = decoder.decode(raw, segments)
		if len(segments) == 0 {
			break
		}
	}
	return st.finish()
}

// ruleApplies mirrors the path checks at the top of gitleaks' detectRule: SkipReport, the rule's
// path allowlists, and the rule's path regex.
func (st *scan) ruleApplies(r *rule) bool {
	if r.SkipReport {
		return false
	}
	if st.path != "" {
		for _, a := range r.Allowlists {
			if pathOrCommitAllowed(a, st.path) {
				return false
			}
		}
	}
	if r.Path != nil && !r.Path.MatchString(st.path) {
		return false
	}
	return true
}

// pathOrCommitAllowed is gitleaks' checkCommitOrPathAllowed for one allowlist and no commit.
func pathOrCommitAllowed(a *config.Allowlist, path string) bool {
	if path == "" {
		return false
	}
	allowed := pathAllowed(a, path)
	if a.MatchCondition == config.AllowlistMatchAnd {
		if len(a.Regexes) > 0 || len(a.StopWords) > 0 {
			return false // checked per finding
		}
		if len(a.Commits) > 0 {
			return false // no commit: CommitAllowed is false
		}
		if len(a.Paths) > 0 {
			return allowed
		}
		return true // allTrue of no checks
	}
	return allowed
}

// span is a half-open byte range of the text being scanned.
type span struct{ start, end int }

// pass runs every rule over one decoding pass of the content: the rules owning a keyword only
// over the windows around the keyword's occurrences.
func (st *scan) pass(depth int, raw string, segments []*segment) {
	s := st.s
	if depth == 0 {
		// Path-only rules report once, on the first pass (gitleaks: Regex == nil, no segments).
		for i, r := range s.rules {
			if st.active[i] && r.Regex == nil && r.Path != nil {
				st.out = append(st.out, candidate{
					Match: Match{RuleID: r.RuleID, Description: r.Description, Tags: slices.Clone(r.Tags), PathOnly: true},
					rule:  r, match: "file detected: " + st.path,
				})
			}
		}
	}
	if raw == "" {
		return
	}

	b := s.bufs()
	defer s.bufPool.Put(b)
	b.lower = lowerASCII(b.lower, raw)
	lower := b.lower
	windows, whole := st.windows(raw, b)
	for i, r := range s.rules {
		if !st.active[i] || r.Regex == nil {
			continue
		}
		if whole[i] {
			if segments != nil && len(decodedOverlap(segments, 0, len(raw))) == 0 {
				continue
			}
			if holdsFactor(lower, r.factors) {
				st.matchRule(r, raw, 0, len(raw), segments)
			}
			continue
		}
		for _, m := range r.directMatches(raw, b.open[i]) {
			st.matchAt(r, raw, m.start, m.end, segments)
		}
		for _, w := range windows[i] {
			// fast path: in a decoded pass only matches overlapping decoded text count.
			if segments != nil && len(decodedOverlap(segments, w.start, w.end)) == 0 {
				continue
			}
			if !holdsFactor(lower[w.start:w.end], r.factors) {
				continue // no match can lie in a window without the text every match holds
			}
			st.matchRule(r, raw, w.start, w.end, segments)
		}
	}
}

// windows returns, per rule, the merged windows around its keyword hits in raw (b.lower holds
// raw ASCII-lowercased), and whether the rule runs over the whole of raw instead. Both live in b.
//
// A hit whose rule has a keyword gate that fails is dropped before its window is built, so
// windows shrink rather than merely being skipped. That finds the same matches: a match's own
// keyword hit passes the gate (keywordGate), so the windows of kept hits still hold every match
// whose keyword they own, and overlapping windows are merged as before. The lead and reach
// bounds keep a window from starting inside a match; a kept window that starts inside one
// overlaps the window of that match's own (kept) hit and merges with it, so the merged window
// starts no later than that hit's window.
//
// Where gates apply, a rule with a prefix (keywordPrefix) gets no windows: its open hits go to
// b.open, and its matches follow from them (directMatches).
func (st *scan) windows(raw string, b *passBufs) (windows [][]span, whole []bool) {
	s := st.s
	windows, whole = b.windows, b.whole
	for i := range windows {
		windows[i], whole[i], b.open[i] = windows[i][:0], false, b.open[i][:0]
	}
	for _, i := range s.noKwRules {
		whole[i] = true
	}
	b.nl = appendNewlines(b.nl[:0], raw)
	ls := lines{b.nl, len(raw)}
	gateSafe := -1 // whether raw is free of characters that fold to an ASCII letter; -1: not known yet
	s.keywords.walk(b.lower, func(end, n, pattern int) {
		start := end - n + 1
		for _, i := range s.kwRules[pattern] {
			r := s.rules[i]
			if !st.active[i] || r.Regex == nil || whole[i] {
				continue
			}
			if r.window < 0 {
				whole[i] = true
				continue
			}
			gated := false // whether the rule's gates apply here
			if r.gate != nil || r.follow != nil {
				if gateSafe < 0 {
					gateSafe = boolInt(!foldsToASCII(raw))
				}
				gated = gateSafe == 1
			}
			if gated && r.prefix >= 0 {
				if e := r.openEnd(raw, ls, start, end); e >= 0 {
					b.open[i] = append(b.open[i], span{start, e})
				}
				continue
			}
			w, ok := r.keptWindow(raw, ls, start, end, gated)
			if !ok {
				continue
			}
			ws := windows[i]
			if k := len(ws) - 1; k >= 0 && w.start >= ws[k].start && w.start <= ws[k].end {
				ws[k].end = max(ws[k].end, w.end)
			} else {
				windows[i] = append(ws, w)
			}
		}
	})
	for i, w := range windows {
		windows[i] = mergeSpans(w)
	}
	return windows, whole
}

// keptWindow returns the window of a keyword hit raw[start:end+1], or false when, gates applying,
// the hit fails the rule's follow test or gate: no match has its keyword element there. The
// follow test runs first, before the window is even built: it is the cheapest.
func (r *rule) keptWindow(raw string, ls lines, start, end int, gated bool) (span, bool) {
	if gated && r.follow != nil && !r.follow.opens(raw, end+1) {
		return span{}, false
	}
	w := r.hitWindow(raw, ls, start, end, gated)
	if gated && r.gate != nil && !r.gate.MatchString(raw[start:w.end]) {
		return span{}, false
	}
	return w, true
}

// hitWindow is the window of rule r around a keyword hit raw[start:end+1]: the lines the rule
// needs above and below, narrowed by the lead and reach bounds and, where gates apply, by the
// characters that can precede the keyword element (leadChars) and end the match (tailChars).
func (r *rule) hitWindow(raw string, ls lines, start, end int, gated bool) span {
	ws := ls.start(ls.of(start) - r.before)
	if r.lead >= 0 {
		ws = max(ws, runesBack(raw, end+1, r.lead))
	}
	if gated && r.leadChars != nil {
		ws = max(ws, runBack(raw, start, r.leadChars, r.lead))
	}
	we := ls.end(ls.of(end) + r.after)
	if r.reach >= 0 {
		bounded := runesForward(raw, start, r.reach)
		we = min(we, ls.end(ls.of(bounded)+r.tail))
		if gated && r.tailChars != nil {
			we = min(we, runesForward(raw, runForward(raw, bounded, r.tailChars), r.tailWidth))
		}
	}
	return span{ws, we}
}

// lines indexes the lines of a text by the offsets of its '\n's.
type lines struct {
	nl   []int
	size int // length of the text
}

// of returns the 0-based line of offset off.
func (ls lines) of(off int) int { return sort.SearchInts(ls.nl, off) }

// start returns the offset where line l starts (0 before the first line, size after the last).
func (ls lines) start(l int) int {
	if l <= 0 {
		return 0
	}
	if l > len(ls.nl) {
		return ls.size
	}
	return ls.nl[l-1] + 1
}

// end returns the offset just after line l's '\n' (size for the last line).
func (ls lines) end(l int) int {
	if l >= len(ls.nl) {
		return ls.size
	}
	return ls.nl[l] + 1
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mergeSpans sorts spans and merges those that overlap or touch, so that no match is found twice.
func mergeSpans(w []span) []span {
	if len(w) < 2 {
		return w
	}
	slices.SortFunc(w, func(a, b span) int { return a.start - b.start })
	out := w[:1]
	for _, x := range w[1:] {
		if last := &out[len(out)-1]; x.start <= last.end {
			last.end = max(last.end, x.end)
		} else {
			out = append(out, x)
		}
	}
	return out
}

// passBufs are the buffers of one decoding pass, pooled across passes and scans.
type passBufs struct {
	lower   []byte   // the pass's text, ASCII-lowercased
	nl      []int    // offsets of its '\n's
	windows [][]span // per rule
	whole   []bool   // per rule
	open    [][]span // per rule with a prefix: its open hits (openEnd)
}

func (s *Scanner) bufs() *passBufs {
	if b, ok := s.bufPool.Get().(*passBufs); ok {
		return b
	}
	n := len(s.rules)
	return &passBufs{windows: make([][]span, n), whole: make([]bool, n), open: make([][]span, n)}
}

// lowerASCII returns raw ASCII-lowercased (same length, so offsets stay valid), in dst's storage.
func lowerASCII(dst []byte, raw string) []byte {
	b := slices.Grow(dst[:0], len(raw))[:len(raw)]
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i] = c
	}
	return b
}

// newlines returns the offsets of every '\n' in s.
func newlines(s string) []int { return appendNewlines(make([]int, 0, len(s)/40+1), s) }

// appendNewlines appends the offsets of every '\n' in s to nl.
func appendNewlines(nl []int, s string) []int {
	for i := 0; ; {
		j := strings.IndexByte(s[i:], '\n')
		if j < 0 {
			return nl
		}
		nl = append(nl, i+j)
		i += j + 1
	}
}

// matchRule mirrors gitleaks' detectRule for the matches of one rule inside raw[ws:we].
func (st *scan) matchRule(r *rule, raw string, ws, we int, segments []*segment) {
	for _, mi := range r.Regex.FindAllStringIndex(raw[ws:we], -1) {
		st.matchAt(r, raw, ws+mi[0], ws+mi[1], segments)
	}
}

// matchAt mirrors gitleaks' detectRule for one match raw[ms:me] of the rule's regex.
func (st *scan) matchAt(r *rule, raw string, ms, me int, segments []*segment) {
	text := raw[ms:me]
	trimmed := strings.Trim(text, "\n")
	lead := len(text) - len(strings.TrimLeft(text, "\n"))

	var (
		tags        []string
		currentLine string
		origStart   int
		origEnd     int
	)
	if len(segments) > 0 {
		segs := decodedOverlap(segments, ms, me)
		if len(segs) == 0 {
			return // found in an earlier pass
		}
		adj := adjustMatchIndex(segs, []int{ms, me})
		origStart, origEnd = adj[0], adj[1]
		tags = segTags(segs)
		currentLine = segCurrentLine(segs, raw)
	} else {
		// gitleaks keeps the untrimmed start and shortens the end by the trimmed length.
		origStart, origEnd = ms, ms+len(trimmed)
	}
	line, lineText := st.location(origStart, origEnd)
	if strings.Contains(lineText, gitleaksAllow) {
		return
	}
	if currentLine == "" {
		currentLine = lineText
	}

	// The secret group, found by matching the regex again on the trimmed match as gitleaks does.
	secret, secStart, secEnd := trimmed, 0, len(trimmed)
	if idx := r.Regex.FindStringSubmatchIndex(trimmed); len(idx) >= 4 {
		if r.SecretGroup > 0 {
			if len(idx)/2 <= r.SecretGroup {
				return
			}
			secStart, secEnd = idx[2*r.SecretGroup], idx[2*r.SecretGroup+1]
			if secStart < 0 {
				secStart, secEnd = 0, 0
			}
			secret = trimmed[secStart:secEnd]
		} else {
			for g := 1; g < len(idx)/2; g++ {
				if idx[2*g] >= 0 && idx[2*g+1] > idx[2*g] {
					secStart, secEnd = idx[2*g], idx[2*g+1]
					secret = trimmed[secStart:secEnd]
					break
				}
			}
		}
	}

	entropy := Entropy(secret)
	if r.Entropy != 0 && entropy <= r.Entropy {
		return
	}
	if findingAllowed(st.s.global, secret, trimmed, currentLine, st.path) ||
		findingAllowed(r.Allowlists, secret, trimmed, currentLine, st.path) {
		return
	}

	c := candidate{rule: r, line: line, match: trimmed, secret: secret}
	c.RuleID, c.Description, c.Entropy = r.RuleID, r.Description, entropy
	c.Tags = append(slices.Clone(r.Tags), tags...)
	if len(segments) > 0 {
		// The secret's own encoded span: the match may also hold literal context around it.
		c.Start, c.End, c.MatchStart, c.MatchEnd = origStart, origEnd, origStart, origEnd
		ss, se := ms+lead+secStart, ms+lead+secEnd
		if segs := decodedOverlap(segments, ss, se); len(segs) > 0 && se > ss {
			if adj := adjustMatchIndex(segs, []int{ss, se}); adj[0] >= origStart && adj[1] <= origEnd {
				c.Start, c.End = adj[0], adj[1]
			}
		}
	} else {
		c.MatchStart = ms + lead
		c.MatchEnd = c.MatchStart + len(trimmed)
		c.Start, c.End = c.MatchStart+secStart, c.MatchStart+secEnd
	}
	st.out = append(st.out, c)
}

// findingAllowed is gitleaks' checkFindingAllowed (no commit).
func findingAllowed(lists []*config.Allowlist, secret, match, line, path string) bool {
	for _, a := range lists {
		target := secret
		switch a.RegexTarget {
		case "match":
			target = match
		case "line":
			target = line
		}
		regexAllowed := a.RegexAllowed(target)
		stop, _ := a.ContainsStopWord(secret)
		if a.MatchCondition == config.AllowlistMatchAnd {
			ok := true
			if len(a.Commits) > 0 {
				ok = false
			}
			if len(a.Paths) > 0 && !pathAllowed(a, path) {
				ok = false
			}
			if len(a.Regexes) > 0 && !regexAllowed {
				ok = false
			}
			if len(a.StopWords) > 0 && !stop {
				ok = false
			}
			if ok {
				return true
			}
		} else if regexAllowed || stop {
			return true
		}
	}
	return false
}

// location mirrors gitleaks' location(): the 1-based line it reports for a match starting at
// start, and the "line" text it checks for gitleaks:allow and line allowlists. That text starts
// at the preceding '\n' and, for a match on an unterminated last line, at the start of the file.
func (st *scan) location(start, end int) (line int, text string) {
	if !st.nlDone {
		st.nl, st.nlDone = newlines(st.content), true
	}
	raw := st.content
	nl := st.nl
	if len(nl) == 0 {
		nl = []int{len(raw)}
	}
	var sli, eli int
	k := sort.SearchInts(nl, start+1) // first '\n' after start
	lineSet := k < len(nl)
	if lineSet {
		line = k + 1
		if k > 0 {
			sli = nl[k-1]
		}
		eli = nl[k]
	}
	j := sort.SearchInts(nl, end) // first '\n' at or after end
	if j < len(nl) && (j > 0 || end > 0) && (!lineSet || j >= k) {
		eli = nl[j]
	}
	if !lineSet {
		line = len(nl) + 1
		sli = 0
		i := end
		for i < len(raw) && raw[i] != '\n' && raw[i] != '\r' {
			i++
		}
		eli = i
	}
	if end > eli {
		eli = end
	}
	eli = min(eli, len(raw))
	sli = min(sli, eli)
	return line, raw[sli:eli]
}

// finish applies gitleaks' generic de-duplication, then the classifier, and sorts.
func (st *scan) finish() []Match {
	out := make([]Match, 0, len(st.out))
	for i := range st.out {
		f := &st.out[i]
		if f.rule.generic && st.supersededGeneric(f) {
			continue
		}
		if !f.PathOnly && !st.s.opts.unclassified && Classify(f.secret) != Literal {
			continue
		}
		m := f.Match
		m.Secret = strings.Clone(f.secret)
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		if a.RuleID != b.RuleID {
			return a.RuleID < b.RuleID
		}
		return a.MatchStart < b.MatchStart
	})
	return out
}

// supersededGeneric reports whether a non-generic rule matched a secret containing f's on the
// same line (gitleaks' filter).
func (st *scan) supersededGeneric(f *candidate) bool {
	for i := range st.out {
		g := &st.out[i]
		if f.line == g.line && f.RuleID != g.RuleID && !g.rule.generic && strings.Contains(g.secret, f.secret) {
			return true
		}
	}
	return false
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
