package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/dagwarden/dagwarden/internal/changes"
	"github.com/dagwarden/dagwarden/internal/config"
	"github.com/dagwarden/dagwarden/internal/engine"
	"github.com/dagwarden/dagwarden/internal/suppress"
	"github.com/dagwarden/dagwarden/rules"
)

func newBaselineCmd(stdout io.Writer) *cobra.Command {
	var fl scanFlags
	var output string
	cmd := &cobra.Command{
		Use:   "baseline [PATH...] -o FILE",
		Short: "Record today's findings so that `scan --baseline FILE` reports only new ones",
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				args = []string{"."}
			}
			if output == "" {
				return fmt.Errorf("baseline needs -o FILE")
			}
			res, _, err := scanOnce(fl, args)
			if err != nil {
				return err
			}
			fh, err := os.Create(output)
			if err != nil {
				return fmt.Errorf("cannot write %s: %v", output, err)
			}
			if err := suppress.WriteBaseline(fh, res.Findings); err != nil {
				fh.Close()
				return err
			}
			if err := fh.Close(); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "recorded %d findings in %s\n", len(res.Findings), output)
			return nil
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "baseline file to write")
	addCommonFlags(cmd, &fl)
	return cmd
}

// cfgPath resolves a path written in the config file against the config's directory.
func cfgPath(cfg *config.Config, p string) string {
	if p == "" || filepath.IsAbs(p) || cfg.Dir == "" {
		return p
	}
	return filepath.Join(cfg.Dir, p)
}

// applyBaseline moves findings recorded in the baseline to the suppressed list.
func applyBaseline(res *engine.Result, path string) error {
	if path == "" {
		return nil
	}
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("cannot read baseline %s: %v", path, unwrap(err))
	}
	defer fh.Close()
	b, err := suppress.ReadBaseline(fh)
	if err != nil {
		return fmt.Errorf("baseline %s: %v", path, err)
	}
	var moved []rules.Finding
	res.Findings, moved = b.Split(res.Findings)
	res.Suppressed = append(res.Suppressed, moved...)
	engine.SortFindings(res.Suppressed)
	return nil
}

// keepChanged drops findings on lines the change since ref did not touch.
func keepChanged(res *engine.Result, ref string) error {
	set, err := changes.Since(res.Base, ref)
	if err != nil {
		return err
	}
	kept := res.Findings[:0]
	for _, f := range res.Findings {
		if set.Contains(f.Path, f.Span.Start.Line) {
			kept = append(kept, f)
		}
	}
	res.Findings = kept
	return nil
}

func unwrap(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
