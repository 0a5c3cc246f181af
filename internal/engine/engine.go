package engine

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/bmatcuk/doublestar/v4"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/internal/suppress"
	"github.com/dagwarden/dagwarden/rules"
)

// Options configure one scan.
type Options struct {
	// Base is the directory paths are reported relative to (the repository root or the working
	// directory); it is SARIF's %SRCROOT%.
	Base     string
	Roots    []string
	Discover source.DiscoverOptions
	// Rules are the rules to run; nil means rules.All().
	Rules []*rules.Rule
	// RuleOptions are per-rule options from the config file, by rule ID.
	RuleOptions map[string]rules.Options
	// Severity overrides the default severity of a rule, by rule ID.
	Severity      map[string]rules.Severity
	MinConfidence rules.Confidence
	// NoIgnores disregards inline suppression directives (audit mode).
	NoIgnores bool
	Jobs      int
	// FileBudget is how long one file may take before it is abandoned with a notice; 0 means 10 s.
	FileBudget time.Duration
	// TestPaths are globs of test, fixture and example code: findings there are reported at low
	// severity, because example credentials are often copied into production, but a test
	// fixture is rarely a live secret. Nil means DefaultTestPaths; an empty slice turns it off.
	TestPaths []string
	// Progress, when set, receives a count of files done every so often (for a terminal indicator).
	Progress func(done, total int)
}

// DefaultTestPaths match the usual homes of tests, fixtures and examples.
var DefaultTestPaths = []string{
	"**/test/**", "**/tests/**", "**/testing/**", "**/integration_tests/**", "**/fixtures/**", "**/examples/**", "**/example_dags/**",
	"**/docs/**", "**/test_*.py", "**/*_test.py", "**/conftest.py",
}

// Notice is something the user should know that is not a finding: a file that could not be
// parsed or read, skipped for its size, or a rule that failed on a file.
type Notice struct {
	Path    string
	Line    int    // 0 when not about a line
	Col     int    // 0 when unknown
	Kind    string // "parse-error", "skipped", "unreadable", "internal-error", "timeout"
	Message string
}

// Stats describe what the scan read.
type Stats struct {
	Files      int
	Bytes      int64
	ByKind     map[source.Kind]int
	Frameworks map[string]int // files per detected framework
}

// Result is everything a reporter needs.
type Result struct {
	Base       string
	Rules      []*rules.Rule // the rules that ran, sorted by ID
	Findings   []rules.Finding
	Suppressed []rules.Finding
	Notices    []Notice
	// Files holds the files that have findings, for snippets.
	Files map[string]*source.File
	Stats Stats
}

// Run scans the roots.
func Run(ctx context.Context, opt Options) (*Result, error) {
	if opt.Rules == nil {
		opt.Rules = rules.All()
	}
	if opt.Jobs <= 0 {
		opt.Jobs = runtime.GOMAXPROCS(0)
	}
	if opt.TestPaths == nil {
		opt.TestPaths = DefaultTestPaths
	}
	for _, p := range opt.TestPaths {
		if !doublestar.ValidatePattern(p) {
			return nil, fmt.Errorf("invalid test-paths glob %q", p)
		}
	}
	if opt.FileBudget <= 0 {
		opt.FileBudget = 10 * time.Second
	}
	res := &Result{
		Base:  opt.Base,
		Files: map[string]*source.File{},
		Stats: Stats{ByKind: map[source.Kind]int{}, Frameworks: map[string]int{}},
	}
	res.Rules = append(res.Rules, opt.Rules...)
	sort.Slice(res.Rules, func(i, j int) bool { return res.Rules[i].ID < res.Rules[j].ID })

	rules.Prepare()
	var cands []source.Candidate
	err := source.Discover(opt.Base, opt.Roots, opt.Discover,
		func(c source.Candidate) { cands = append(cands, c) },
		func(s source.Skip) {
			res.Notices = append(res.Notices, Notice{Path: s.Path, Kind: "skipped", Message: s.Reason})
		})
	if err != nil {
		return nil, err
	}

	// Results are merged as they come, so a file's bytes and models are dropped as soon as it is
	// done unless it has findings (reporters need its lines): memory stays bounded by the files in
	// flight, not the size of the tree. The order is fixed by the sort below.
	var mu sync.Mutex
	done := 0
	collect := func(fr *fileResult) {
		mu.Lock()
		defer mu.Unlock()
		done++
		if opt.Progress != nil {
			opt.Progress(done, len(cands))
		}
		if fr == nil {
			return
		}
		res.add(fr)
	}
	// Largest files first: a big file started last would leave the other workers idle at the end.
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return cands[order[a]].Size > cands[order[b]].Size })
	jobs := make(chan int)
	gate := rules.NewPythonGate(opt.Rules)
	var wg sync.WaitGroup
	for w := 0; w < min(opt.Jobs, max(len(cands), 1)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			wk := newWorker(&opt, gate)
			defer wk.close()
			for i := range jobs {
				collect(wk.scan(ctx, cands[i]))
			}
		}()
	}
feed:
	for _, i := range order {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	SortFindings(res.Findings)
	SortFindings(res.Suppressed)
	sort.SliceStable(res.Notices, func(i, j int) bool {
		a, b := res.Notices[i], res.Notices[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Message < b.Message
	})
	return res, nil
}

// add merges one file's result.
func (res *Result) add(fr *fileResult) {
	res.Notices = append(res.Notices, fr.notices...)
	if fr.file == nil {
		return
	}
	res.Stats.Files++
	res.Stats.Bytes += int64(len(fr.file.Content))
	res.Stats.ByKind[fr.file.Kind]++
	for _, fw := range fr.frameworks {
		res.Stats.Frameworks[fw]++
	}
	for _, f := range fr.findings {
		if f.Suppression != nil {
			res.Suppressed = append(res.Suppressed, f)
		} else {
			res.Findings = append(res.Findings, f)
		}
	}
	if len(fr.findings) > 0 {
		res.Files[fr.file.Path] = fr.file
	}
}

// SortFindings orders findings by path, position, rule and message, the one order every output
// uses.
func SortFindings(fs []rules.Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		switch {
		case a.Path != b.Path:
			return a.Path < b.Path
		case a.Span.Start.Offset != b.Span.Start.Offset:
			return a.Span.Start.Offset < b.Span.Start.Offset
		case a.RuleID != b.RuleID:
			return a.RuleID < b.RuleID
		case a.Span.End.Offset != b.Span.End.Offset:
			return a.Span.End.Offset < b.Span.End.Offset
		default:
			return a.Message < b.Message
		}
	})
}

type fileResult struct {
	file       *source.File
	findings   []rules.Finding
	notices    []Notice
	frameworks []string
}

// readFile reads a candidate, refusing binary content. It returns nil content for files to skip
// silently.
func readFile(c source.Candidate) ([]byte, *Notice) {
	fh, err := os.Open(c.Abs)
	if err != nil {
		return nil, &Notice{Path: c.Path, Kind: "unreadable", Message: "cannot read file: " + errText(err)}
	}
	defer fh.Close()
	data, err := readAtMost(fh, c.Size, c.Size+1<<20)
	if err != nil {
		return nil, &Notice{Path: c.Path, Kind: "unreadable", Message: "cannot read file: " + errText(err)}
	}
	head := data
	if len(head) > 8000 {
		head = head[:8000]
	}
	if source.IsBinary(head) {
		return nil, nil
	}
	return data, nil
}

// readAtMost reads r to its end or to limit bytes, into a buffer sized for the expected size so
// that a file is read without the regrowing and copying io.ReadAll does (a file that grew since
// discovery still reads whole, up to limit).
func readAtMost(r io.Reader, expected, limit int64) ([]byte, error) {
	buf := make([]byte, 0, min(expected+1, limit))
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		n, err := r.Read(buf[len(buf):min(int64(cap(buf)), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
	return buf, nil
}

func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}

func (n Notice) String() string {
	loc := n.Path
	if n.Line > 0 {
		loc = fmt.Sprintf("%s:%d", loc, n.Line)
		if n.Col > 0 {
			loc = fmt.Sprintf("%s:%d", loc, n.Col)
		}
	}
	return fmt.Sprintf("%s: %s (%s)", loc, n.Message, n.Kind)
}

var _ = suppress.Fingerprints
