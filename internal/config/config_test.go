package config

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
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

// TestSchemaMatchesConfig keeps the published JSON Schema and the Go struct in step: every key the
// loader accepts is in the schema and the other way round.
func TestSchemaMatchesConfig(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "docs", "dagwarden.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	typ := reflect.TypeOf(Config{})
	inStruct := map[string]bool{}
	for i := 0; i < typ.NumField(); i++ {
		tag := typ.Field(i).Tag.Get("yaml")
		if tag == "" || tag == "-" {
			continue
		}
		inStruct[tag] = true
		if _, ok := schema.Properties[tag]; !ok {
			t.Errorf("config key %q is missing from docs/dagwarden.schema.json", tag)
		}
	}
	for k := range schema.Properties {
		if !inStruct[k] {
			t.Errorf("schema key %q is not accepted by the loader", k)
		}
	}
}
