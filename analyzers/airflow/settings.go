package airflow

import (
	"path"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/ini"
	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/value"
)

// Setting is one Airflow option found in a configuration document, whatever its spelling:
// `[core] fernet_key` in airflow.cfg, AIRFLOW__CORE__FERNET_KEY in compose, Kubernetes env,
// dotenv or a Dockerfile, "core.fernet_key" in MWAA options, config.core.fernet_key or fernetKey in
// Helm values.
type Setting struct {
	Option
	KeySpan source.Span
	Value   value.Value
	// Path is the entry's key path in its document (for messages that name where it was set).
	Path []string
}

// Entrier is a document that lists its key/value leaves (YAML, JSON, TOML, dotenv, HCL).
type Entrier interface {
	Entries() []value.Entry
}

// Settings lists the Airflow options a document sets, in source order. An INI file counts only
// when it looks like an Airflow config (by name or by its sections), so setup.cfg and tox.ini are
// not read as Airflow settings.
func Settings(doc source.Document) []Setting {
	if f, ok := doc.(*ini.File); ok {
		if !isAirflowINI(f) {
			return nil
		}
		var out []Setting
		for _, s := range f.Sections() {
			for _, o := range s.Effective() {
				out = append(out, Setting{Option: NormalizeOption(o.Section, o.Key), KeySpan: o.KeySpan, Value: o.Value, Path: []string{o.Section, o.Key}})
			}
		}
		return out
	}
	e, ok := doc.(Entrier)
	if !ok {
		return nil
	}
	var out []Setting
	for _, en := range e.Entries() {
		if o, ok := OptionFromPath(en.Path); ok {
			out = append(out, Setting{Option: o, KeySpan: en.KeySpan, Value: en.Value, Path: en.Path})
		}
	}
	return out
}

func isAirflowINI(f *ini.File) bool {
	base := strings.ToLower(path.Base(f.File().Path))
	if strings.Contains(base, "airflow") || base == "unittests.cfg" {
		return true
	}
	n := 0
	for _, s := range f.Sections() {
		if ini.AirflowSections[s.Name] {
			n++
		}
	}
	return n >= 2
}
