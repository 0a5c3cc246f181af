package config

import (
	"strings"
	"testing"
)

func TestParseRejectsUnknownKeysWithPosition(t *testing.T) {
	_, err := Parse(".dagwarden.yaml", []byte("exclude:\n  - tests/**\nrules:\n  invalid-suppression:\n    enabld: false\n"))
	if err == nil {
		t.Fatal("unknown key accepted")
	}
	if !strings.Contains(err.Error(), ".dagwarden.yaml:5:5:") || !strings.Contains(err.Error(), "enabld") {
		t.Fatalf("error lacks position or key: %v", err)
	}
}

func TestParseRejectsWrongTypes(t *testing.T) {
	_, err := Parse("c.yaml", []byte("max-file-size: big\n"))
	if err == nil || !strings.Contains(err.Error(), "c.yaml:1:") {
		t.Fatalf("want positioned type error, got %v", err)
	}
}

func TestParseValidates(t *testing.T) {
	for _, in := range []string{"fail-on: severe\n", "rules:\n  no-such-rule: {enabled: false}\n", "select: [nothing]\n"} {
		if _, err := Parse("c.yaml", []byte(in)); err == nil {
			t.Errorf("accepted %q", in)
		}
	}
	cfg, err := Parse("c.yaml", []byte("fail-on: high\nexclude: [\"legacy/**\"]\nrules:\n  unused-suppression:\n    enabled: false\n"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.FailOn != "high" || len(cfg.Exclude) != 1 || *cfg.Rules["unused-suppression"].Enabled {
		t.Fatalf("decoded %+v", cfg)
	}
}
