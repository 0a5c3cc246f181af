package airflow

import "strings"

const envPrefix = "AIRFLOW__"

// ParseEnvName parses an Airflow configuration environment variable: AIRFLOW__{SECTION}__{KEY},
// its _CMD / _SECRET variants, and the Airflow 3 team form AIRFLOW__{TEAM}___{SECTION}__{KEY}.
// Names are matched case-insensitively, as Airflow upper-cases what it looks up. ok is false
// for anything else, AIRFLOW_CONN_* and AIRFLOW_VAR_* included.
func ParseEnvName(name string) (Option, bool) {
	upper := strings.ToUpper(strings.TrimSpace(name))
	rest, ok := strings.CutPrefix(upper, envPrefix)
	if !ok || !isEnvName(rest) {
		return Option{}, false
	}
	team := ""
	// the team separator is the first double underscore, written as three
	if i := strings.Index(rest, "___"); i > 0 && i == strings.Index(rest, "__") {
		team, rest = rest[:i], rest[i+3:]
	}
	section, key, ok := strings.Cut(rest, "__")
	if !ok || section == "" || key == "" {
		return Option{}, false
	}
	o := NormalizeOption(section, key)
	o.Team = strings.ToLower(team)
	return o, true
}

// Resource is an Airflow connection or variable defined in the environment.
type Resource int

const (
	// NoResource is returned for names that are neither.
	NoResource Resource = iota
	// Connection is AIRFLOW_CONN_{CONN_ID}: a URI or JSON connection.
	Connection
	// Variable is AIRFLOW_VAR_{KEY}.
	Variable
)

// ParseResourceEnv recognises AIRFLOW_CONN_{CONN_ID} and AIRFLOW_VAR_{KEY} and returns the kind
// and the lower-cased id, as Airflow matches ids against the upper-cased name.
func ParseResourceEnv(name string) (Resource, string) {
	upper := strings.ToUpper(strings.TrimSpace(name))
	if id, ok := strings.CutPrefix(upper, "AIRFLOW_CONN_"); ok && id != "" {
		return Connection, strings.ToLower(id)
	}
	if id, ok := strings.CutPrefix(upper, "AIRFLOW_VAR_"); ok && id != "" {
		return Variable, strings.ToLower(id)
	}
	return NoResource, ""
}

// OptionFromPath recognises an Airflow option in the key path of a configuration entry:
//   - a path whose last key is an env name (compose `environment:`, Helm `env`, dotenv):
//     [..., "AIRFLOW__CORE__FERNET_KEY"];
//   - MWAA options, "section.key" under airflow_configuration_options (Terraform) or
//     AirflowConfigurationOptions (CloudFormation), or alone as in an options JSON file;
//   - the Helm chart's config.<section>.<key> and its dedicated values (fernetKey,
//     webserverSecretKey, apiSecretKey, jwtSecret) at the top level of values.yaml.
func OptionFromPath(path []string) (Option, bool) {
	n := len(path)
	if n == 0 {
		return Option{}, false
	}
	if o, ok := ParseEnvName(path[n-1]); ok {
		return o, true
	}
	if n >= 2 && isMWAAOptions(path[n-2]) || n == 1 {
		if section, key, ok := strings.Cut(path[n-1], "."); ok && section != "" && key != "" && !strings.Contains(key, ".") {
			return NormalizeOption(section, key), true
		}
	}
	if n == 3 && path[0] == "config" {
		return NormalizeOption(path[1], path[2]), true
	}
	if n == 1 {
		if sk, ok := helmValues[path[0]]; ok {
			return Option{Section: sk.section, Key: sk.key}, true
		}
	}
	return Option{}, false
}

func isMWAAOptions(k string) bool {
	return k == "airflow_configuration_options" || k == "AirflowConfigurationOptions"
}

// isEnvName reports whether s holds only what environment variable names are made of.
func isEnvName(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c == '_' || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			return false
		}
	}
	return true
}
