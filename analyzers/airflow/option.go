package airflow

import "strings"

// Via says how an option's value is supplied.
type Via int

const (
	// Direct means the value itself is written.
	Direct Via = iota
	// Cmd means the value names a command whose output is the option (`{key}_cmd`).
	Cmd
	// Secret means the value names an entry in the secrets backend (`{key}_secret`).
	Secret
)

func (v Via) String() string {
	switch v {
	case Cmd:
		return "cmd"
	case Secret:
		return "secret"
	}
	return "direct"
}

// Option is a normalised Airflow option.
type Option struct {
	// Section and Key are lower-case and canonical: a moved option carries its newest name.
	Section, Key string
	// Via is Cmd or Secret when the spelling was a `_cmd` / `_secret` variant of a sensitive
	// option; Section and Key then name the option it supplies.
	Via Via
	// Team is the lower-cased team of an Airflow 3 multi-team env var, else "".
	Team string
}

// String renders the option as `[section] key`, with the variant suffix when there is one.
func (o Option) String() string {
	s := "[" + o.Section + "] " + o.Key
	if o.Via != Direct {
		s += "_" + o.Via.String()
	}
	return s
}

// EnvName renders the option as Airflow's environment variable name.
func (o Option) EnvName() string {
	var b strings.Builder
	b.WriteString("AIRFLOW__")
	if o.Team != "" {
		b.WriteString(strings.ToUpper(o.Team) + "___")
	}
	b.WriteString(strings.ToUpper(o.Section) + "__" + strings.ToUpper(o.Key))
	if o.Via != Direct {
		b.WriteString("_" + strings.ToUpper(o.Via.String()))
	}
	return b.String()
}

// Is reports whether o is the option [section] key, comparing canonical names, so that
// Is("webserver", "secret_key") also matches [api] secret_key.
func (o Option) Is(section, key string) bool {
	c := NormalizeOption(section, key)
	return o.Section == c.Section && o.Key == c.Key
}

// NormalizeOption returns the canonical option for a section and key as written in airflow.cfg
// or any other spelling: lower-cased, a renamed section or moved option replaced by its newest
// name, and a `_cmd` / `_secret` suffix on a sensitive option turned into Via. Airflow honours
// those suffixes only for sensitive options, so `[api_auth] jwt_secret` stays itself.
func NormalizeOption(section, key string) Option {
	section = strings.ToLower(strings.TrimSpace(section))
	key = strings.ToLower(strings.TrimSpace(key))
	if s, ok := renamedSections[section]; ok {
		section = s
	}
	via := Direct
	for _, v := range []Via{Cmd, Secret} {
		suffix := "_" + v.String()
		if base, ok := strings.CutSuffix(key, suffix); ok && base != "" && IsSensitive(section, base) {
			key, via = base, v
			break
		}
	}
	s, k := canonical(section, key)
	return Option{Section: s, Key: k, Via: via}
}

func canonical(section, key string) (string, string) {
	if to, ok := movedOptions[sectionKey{section, key}]; ok {
		return to.section, to.key
	}
	return section, key
}

// IsSensitive reports whether Airflow marks the option `sensitive: true` (masked in the UI and
// logs, and the only options that honour `_cmd` / `_secret`). Moved spellings are accepted.
func IsSensitive(section, key string) bool {
	s, k := canonical(strings.ToLower(section), strings.ToLower(key))
	return sensitive[sectionKey{s, k}]
}
