package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/docs"
	"github.com/dagwarden/dagwarden/internal/config"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/internal/report"
	"github.com/dagwarden/dagwarden/internal/ruledoc"
	"github.com/dagwarden/dagwarden/rules"
)

// Exit codes.
const (
	exitClean    = 0
	exitFindings = 1
	exitError    = 2
)

// version is set at release time with -ldflags "-X main.version=v1.2.3"; otherwise it comes from
// the module's build info.
var version = ""

func toolVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// exitStatus ends a command with a chosen exit code and no message (findings were reported).
type exitStatus struct{ code int }

func (e exitStatus) Error() string { return fmt.Sprintf("exit %d", e.code) }

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdout, stderr)
	root.SetArgs(args)
	root.SetIn(stdin)
	err := root.Execute()
	var ee exitStatus
	switch {
	case err == nil:
		return exitClean
	case errors.As(err, &ee):
		return ee.code
	default:
		fmt.Fprintln(stderr, "dagwarden: "+err.Error())
		return exitError
	}
}

func newRootCmd(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "dagwarden",
		Short: "Security linter for Airflow, Prefect and Dagster pipelines and their configuration",
		Long: "dagwarden finds hardcoded secrets, missing TLS, over-broad roles and secrets reaching logs in\n" +
			"Airflow, Prefect and Dagster pipeline code and deployment configuration.",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(newScanCmd(stdout, stderr), newBaselineCmd(stdout), newRulesCmd(stdout), newExplainCmd(stdout), newVersionCmd(stdout))
	return root
}

type scanFlags struct {
	format, output, configPath, failOn, minConfidence string
	selectIDs, ignoreIDs                              []string
	baseline, diffBase, summary                       string
	exitZero, noIgnores, showSuppressed, noGitignore  bool
	jobs                                              int
	maxFileSize                                       int64
}

func newScanCmd(stdout, stderr io.Writer) *cobra.Command {
	var fl scanFlags
	cmd := &cobra.Command{
		Use:   "scan [PATH...]",
		Short: "Scan files and directories (default: the current directory)",
		RunE: func(cmd *cobra.Command, args []string) error {
			return runScan(cmd, fl, args, stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&fl.format, "format", "f", "text", "output format: "+strings.Join(report.Formats, ", "))
	f.StringVarP(&fl.output, "output", "o", "", "write the report to this file instead of stdout")
	f.StringVar(&fl.failOn, "fail-on", "", "lowest severity that makes the exit code 1: low, medium, high, critical (default low)")
	f.BoolVar(&fl.exitZero, "exit-zero", false, "exit 0 even when there are findings (errors still exit 2)")
	f.BoolVar(&fl.showSuppressed, "show-suppressed", false, "include suppressed findings in the report")
	f.StringVar(&fl.baseline, "baseline", "", "suppress the findings recorded in this baseline file (see `dagwarden baseline`)")
	f.StringVar(&fl.summary, "summary", "", "also append a Markdown summary to this file (e.g. $GITHUB_STEP_SUMMARY)")
	f.StringVar(&fl.diffBase, "diff-base", "", "report only findings on lines added or changed since this git ref (pull-request mode)")
	addCommonFlags(cmd, &fl)
	return cmd
}

// addCommonFlags registers the flags scan and baseline share: what to scan and with which rules.
func addCommonFlags(cmd *cobra.Command, fl *scanFlags) {
	f := cmd.Flags()
	f.StringVar(&fl.configPath, "config", "", "config file (default: "+config.FileName+" found upward from the scan root)")
	f.StringSliceVar(&fl.selectIDs, "select", nil, "run only these rule IDs or categories (comma-separated)")
	f.StringSliceVar(&fl.ignoreIDs, "ignore", nil, "skip these rule IDs or categories (comma-separated)")
	f.StringVar(&fl.minConfidence, "min-confidence", "", "report findings of at least this confidence: low, medium, high (default medium)")
	f.BoolVar(&fl.noIgnores, "no-ignores", false, "disregard inline suppression comments (audit mode)")
	f.BoolVar(&fl.noGitignore, "no-gitignore", false, "scan files that .gitignore excludes")
	f.IntVarP(&fl.jobs, "jobs", "j", 0, "files scanned in parallel (default: number of CPUs)")
	f.Int64Var(&fl.maxFileSize, "max-file-size", 0, fmt.Sprintf("skip files larger than this many bytes (default %d)", source.DefaultMaxBytes))
}

// scanOnce loads the config and runs the engine; scan and baseline share it.
func scanOnce(fl scanFlags, args []string) (*engine.Result, *config.Config, error) {
	for _, a := range args {
		if _, err := os.Stat(a); err != nil {
			return nil, nil, fmt.Errorf("path %s does not exist", a)
		}
	}
	cfg, err := loadConfig(fl.configPath, args[0])
	if err != nil {
		return nil, nil, err
	}
	opt, err := buildOptions(fl, cfg, args)
	if err != nil {
		return nil, nil, err
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if isTerminal(os.Stderr) {
		p := newProgress(os.Stderr)
		opt.Progress = p.update
		defer p.finish()
	}
	res, err := engine.Run(ctx, opt)
	if err != nil {
		return nil, nil, err
	}
	return res, cfg, nil
}

func runScan(cmd *cobra.Command, fl scanFlags, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		args = []string{"."}
	}
	rep, err := report.New(fl.format)
	if err != nil {
		return err
	}
	if fl.failOn != "" {
		if _, err := rules.ParseSeverity(fl.failOn); err != nil {
			return fmt.Errorf("--fail-on: %w", err)
		}
	}
	res, cfg, err := scanOnce(fl, args)
	if err != nil {
		return err
	}
	failOn := rules.Low
	if s := firstNonEmpty(fl.failOn, cfg.FailOn); s != "" {
		failOn, _ = rules.ParseSeverity(s) // validated with the config
	}
	if err := applyBaseline(res, firstNonEmpty(fl.baseline, cfgPath(cfg, cfg.Baseline))); err != nil {
		return err
	}
	if fl.diffBase != "" {
		if err := keepChanged(res, fl.diffBase); err != nil {
			return err
		}
	}

	out := stdout
	color := false
	if fl.output != "" {
		fh, err := os.Create(fl.output)
		if err != nil {
			return fmt.Errorf("cannot write %s: %v", fl.output, err)
		}
		defer fh.Close()
		out = fh
	} else if fh, ok := stdout.(*os.File); ok && term.IsTerminal(int(fh.Fd())) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb" {
		color = true
	}
	ropt := report.Options{Color: color, ShowSuppressed: fl.showSuppressed, ToolVersion: toolVersion()}
	if err := rep(out, res, ropt); err != nil {
		return fmt.Errorf("writing report: %v", err)
	}
	if fl.summary != "" {
		if err := appendSummary(fl.summary, res, ropt); err != nil {
			return err
		}
	}
	// Text output shows notices on stderr; the machine formats carry them inside.
	if fl.format == "text" || fl.format == "" {
		for _, n := range res.Notices {
			fmt.Fprintln(stderr, "notice: "+n.String())
		}
	}
	if fl.exitZero {
		return nil
	}
	for _, f := range res.Findings {
		if f.Severity >= failOn {
			return exitStatus{exitFindings}
		}
	}
	return nil
}

func appendSummary(path string, res *engine.Result, ropt report.Options) error {
	fh, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("cannot write summary %s: %v", path, unwrap(err))
	}
	if err := report.Markdown(fh, res, ropt); err != nil {
		fh.Close()
		return err
	}
	return fh.Close()
}

func firstNonEmpty(xs ...string) string {
	for _, x := range xs {
		if x != "" {
			return x
		}
	}
	return ""
}

func loadConfig(explicit, firstRoot string) (*config.Config, error) {
	if explicit != "" {
		return config.Load(explicit)
	}
	dir := firstRoot
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	if p, ok := config.Find(dir); ok {
		return config.Load(p)
	}
	return &config.Config{}, nil
}

func buildOptions(fl scanFlags, cfg *config.Config, roots []string) (engine.Options, error) {
	base, err := scanBase(roots[0])
	if err != nil {
		return engine.Options{}, err
	}
	selected, err := selectRules(cfg, fl)
	if err != nil {
		return engine.Options{}, err
	}
	minConf := rules.ConfidenceMedium
	if s := firstNonEmpty(fl.minConfidence, cfg.MinConfidence); s != "" {
		if minConf, err = rules.ParseConfidence(s); err != nil {
			return engine.Options{}, fmt.Errorf("--min-confidence: %w", err)
		}
	}
	opt := engine.Options{
		Base:  base,
		Roots: roots,
		Discover: source.DiscoverOptions{
			Include:  cfg.Include,
			Exclude:  cfg.Exclude,
			MaxBytes: cfg.MaxFileSize,
			NoIgnore: fl.noGitignore,
		},
		Rules:         selected,
		RuleOptions:   map[string]rules.Options{},
		Severity:      map[string]rules.Severity{},
		MinConfidence: minConf,
		NoIgnores:     fl.noIgnores,
		Jobs:          fl.jobs,
		TestPaths:     cfg.TestPaths,
	}
	if fl.maxFileSize > 0 {
		opt.Discover.MaxBytes = fl.maxFileSize
	}
	for id, rc := range cfg.Rules {
		r, _ := rules.ByID(id)
		if rc.Severity != "" {
			opt.Severity[r.ID], _ = rules.ParseSeverity(rc.Severity)
		}
		if rc.Options != nil {
			opt.RuleOptions[r.ID] = rc.Options
		}
	}
	if len(cfg.AllowedHosts) > 0 {
		// allowed hosts are shared by every rule that judges where traffic goes
		for _, r := range selected {
			o := rules.Options{}
			for k, v := range opt.RuleOptions[r.ID] {
				o[k] = v
			}
			o["allowed-hosts"] = cfg.AllowedHosts
			opt.RuleOptions[r.ID] = o
		}
	}
	return opt, nil
}

// selectRules applies the config's rule switches, then --select and --ignore.
func selectRules(cfg *config.Config, fl scanFlags) ([]*rules.Rule, error) {
	enabled := map[*rules.Rule]bool{}
	for _, r := range rules.All() {
		enabled[r] = true
	}
	for id, rc := range cfg.Rules {
		if rc.Enabled != nil {
			r, _ := rules.ByID(id)
			enabled[r] = *rc.Enabled
		}
	}
	sel := fl.selectIDs
	if len(sel) == 0 {
		sel = cfg.Select
	}
	if len(sel) > 0 {
		picked, err := rules.Select(sel)
		if err != nil {
			return nil, err
		}
		only := map[*rules.Rule]bool{}
		for _, r := range picked {
			only[r] = true
		}
		for r := range enabled {
			enabled[r] = enabled[r] && (only[r] || r.Builtin)
		}
	}
	ignored, err := rules.Select(append(append([]string{}, cfg.Ignore...), fl.ignoreIDs...))
	if err != nil {
		return nil, err
	}
	for _, r := range ignored {
		enabled[r] = false
	}
	var out []*rules.Rule
	for _, r := range rules.All() {
		if enabled[r] {
			out = append(out, r)
		}
	}
	return out, nil
}

// scanBase is the directory reported paths are relative to: the repository holding the first
// root, or the working directory.
func scanBase(firstRoot string) (string, error) {
	abs, err := filepath.Abs(firstRoot)
	if err != nil {
		return "", err
	}
	if st, err := os.Stat(abs); err == nil && !st.IsDir() {
		abs = filepath.Dir(abs)
	}
	for dir := abs; ; {
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	wd, err := os.Getwd()
	if err != nil {
		return abs, nil
	}
	if rel, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(rel, "..") {
		return wd, nil
	}
	return abs, nil // outside the working directory: report paths relative to the scan root
}

func newRulesCmd(stdout io.Writer) *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			all := rules.All()
			switch format {
			case "json":
				type row struct {
					ID         string   `json:"id"`
					Title      string   `json:"title"`
					Category   string   `json:"category"`
					Severity   string   `json:"severity"`
					Confidence string   `json:"confidence"`
					CWE        []string `json:"cwe"`
					Frameworks []string `json:"frameworks"`
					Help       string   `json:"help_uri"`
				}
				rows := []row{}
				for _, r := range all {
					rows = append(rows, row{r.ID, r.Title, string(r.Category), r.Severity.String(), r.Confidence.String(),
						nonNil(r.CWE), nonNil(r.Frameworks), ruledoc.PageURL(r.ID)})
				}
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			case "text", "":
				sorted := append([]*rules.Rule{}, all...)
				sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Category < sorted[j].Category })
				for _, r := range sorted {
					fmt.Fprintf(stdout, "%-45s %-8s %-9s %s\n", r.ID, r.Category, r.Severity, r.Title)
				}
				return nil
			}
			return fmt.Errorf("unknown format %q (want text or json)", format)
		},
	}
	cmd.Flags().StringVarP(&format, "format", "f", "text", "text or json")
	return cmd
}

func nonNil(xs []string) []string {
	if xs == nil {
		return []string{}
	}
	return xs
}

func newExplainCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "explain RULE-ID",
		Short: "Show the full documentation of one rule",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			r, ok := rules.ByID(args[0])
			if !ok {
				return fmt.Errorf("unknown rule %q (see `dagwarden rules`)", args[0])
			}
			page, ok := docs.RulePage(r.ID)
			if !ok {
				page = ruledoc.Markdown(r, nil)
			}
			_, err := io.WriteString(stdout, page)
			return err
		},
	}
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(stdout, "dagwarden %s\n", toolVersion())
			return err
		},
	}
}
