// Package config loads and validates .dagwarden.yaml, the per-repository settings: which files to
// scan, which rules run with which severity and options, and where the baseline lives. A config
// that dagwarden cannot honour exactly is an error with file:line:column, never half-applied.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	yaml "go.yaml.in/yaml/v4"

	"github.com/dagwarden/dagwarden/rules"
)

// FileName is the config file dagwarden looks for, upward from the scan root.
const FileName = ".dagwarden.yaml"

// Config is the content of .dagwarden.yaml.
type Config struct {
	Include       []string              `yaml:"include"`
	Exclude       []string              `yaml:"exclude"`
	MaxFileSize   int64                 `yaml:"max-file-size"`
	FailOn        string                `yaml:"fail-on"`
	MinConfidence string                `yaml:"min-confidence"`
	Baseline      string                `yaml:"baseline"`
	Select        []string              `yaml:"select"`
	Ignore        []string              `yaml:"ignore"`
	AllowedHosts  []string              `yaml:"allowed-hosts"`
	TestPaths     []string              `yaml:"test-paths"`
	Rules         map[string]RuleConfig `yaml:"rules"`

	// Path is the file the config was read from ("" for defaults); Dir is its directory, which
	// relative paths in it are resolved against.
	Path string `yaml:"-"`
	Dir  string `yaml:"-"`
}

// RuleConfig adjusts one rule.
type RuleConfig struct {
	Enabled  *bool          `yaml:"enabled"`
	Severity string         `yaml:"severity"`
	Options  map[string]any `yaml:"options"`
}

// Find looks for .dagwarden.yaml in dir and its parents, stopping at a repository root.
func Find(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
		if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
			return "", false
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Load reads and validates a config file.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read config %s: %v", path, unwrapPathErr(err))
	}
	cfg, err := Parse(path, data)
	if err != nil {
		return nil, err
	}
	cfg.Path = path
	cfg.Dir = filepath.Dir(path)
	return cfg, nil
}

// Parse decodes and validates config text; name is used in error messages.
func Parse(name string, data []byte) (*Config, error) {
	cfg := &Config{}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(cfg); err != nil && !errors.Is(err, io.EOF) {
		return nil, positioned(name, err)
	}
	if err := cfg.validate(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return cfg, nil
}

func positioned(name string, err error) error {
	var many *yaml.LoadErrors
	if errors.As(err, &many) && len(many.Errors) > 0 {
		var lines []string
		for _, e := range many.Errors {
			lines = append(lines, fmt.Sprintf("%s:%d:%d: %s", name, e.Mark.Line, e.Mark.Column, cleanMsg(e.Message)))
		}
		return errors.New(strings.Join(lines, "\n"))
	}
	var one *yaml.LoadError
	if errors.As(err, &one) {
		return fmt.Errorf("%s:%d:%d: %s", name, one.Mark.Line, one.Mark.Column, cleanMsg(one.Message))
	}
	return fmt.Errorf("%s: %v", name, err)
}

func cleanMsg(s string) string {
	s = strings.TrimPrefix(s, "yaml: ")
	return strings.Replace(s, "in type config.Config", "in .dagwarden.yaml", 1)
}

func (c *Config) validate() error {
	if c.FailOn != "" {
		if _, err := rules.ParseSeverity(c.FailOn); err != nil {
			return fmt.Errorf("fail-on: %w", err)
		}
	}
	if c.MinConfidence != "" {
		if _, err := rules.ParseConfidence(c.MinConfidence); err != nil {
			return fmt.Errorf("min-confidence: %w", err)
		}
	}
	if c.MaxFileSize < 0 {
		return fmt.Errorf("max-file-size must be positive")
	}
	for id, rc := range c.Rules {
		if _, ok := rules.ByID(id); !ok {
			return fmt.Errorf("rules: unknown rule %q (see `dagwarden rules`)", id)
		}
		if rc.Severity != "" {
			if _, err := rules.ParseSeverity(rc.Severity); err != nil {
				return fmt.Errorf("rules.%s.severity: %w", id, err)
			}
		}
	}
	if _, err := rules.Select(c.Select); err != nil {
		return fmt.Errorf("select: %w", err)
	}
	if _, err := rules.Select(c.Ignore); err != nil {
		return fmt.Errorf("ignore: %w", err)
	}
	return nil
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
