package source

import (
	"bytes"
	"path"
	"strings"
)

// Classify decides a file's kind from its name first and its first bytes second. ok is false for
// files dagwarden does not read at all (binary files are rejected earlier, by IsBinary).
func Classify(name string, head []byte) (Kind, bool) {
	base := strings.ToLower(path.Base(name))
	ext := path.Ext(base)
	switch {
	case ext == ".py" || ext == ".pyi":
		return Python, true
	case ext == ".yaml" || ext == ".yml":
		return YAML, true
	case ext == ".cfg" || ext == ".ini":
		if !ConfigparserName(name) && looksLikeTOML(head) {
			return TOML, true // oauth2-proxy.cfg and the like: TOML under an INI name
		}
		return INI, true
	case ext == ".tf" || ext == ".tfvars" || ext == ".hcl" || strings.HasSuffix(base, ".tf.json") || strings.HasSuffix(base, ".tfvars.json"):
		// Terraform's JSON syntax goes to the HCL front-end, so Terraform rules read it as .tf
		return HCL, true
	case ext == ".json":
		return JSON, true
	case ext == ".toml":
		return TOML, true
	case base == ".env" || strings.HasPrefix(base, ".env.") || strings.HasPrefix(base, ".env_") || strings.HasPrefix(base, ".env-") || ext == ".env":
		return Dotenv, true
	case isDockerfileName(base, ext):
		return Dockerfile, true
	}
	if textExt[ext] || textNames[base] || strings.HasPrefix(base, "dockerfile") {
		return Text, true
	}
	if ext == "" && bytes.HasPrefix(head, []byte("#!")) {
		firstLine, _, _ := bytes.Cut(head, []byte("\n"))
		if bytes.Contains(firstLine, []byte("python")) {
			return Python, true
		}
		return Text, true
	}
	return "", false
}

// textExt lists extensions of other text files that may hold credentials: they get the
// text-level secret scan only.
var textExt = map[string]bool{
	".sh": true, ".bash": true, ".zsh": true, ".conf": true, ".properties": true, ".sql": true,
	".txt": true, ".md": true, ".rst": true, ".xml": true, ".j2": true, ".jinja": true, ".jinja2": true,
	".tpl": true, ".gotmpl": true, ".ipynb": true, ".js": true, ".ts": true, ".go": true,
	".java": true, ".scala": true, ".r": true, ".ps1": true, ".kt": true, ".rb": true,
	".tmpl": true, ".pem": true, ".key": true, ".crt": true, ".pgpass": true, ".netrc": true,
	".csv": false,
}

var textNames = map[string]bool{
	"makefile": true, "procfile": true, ".pgpass": true, ".netrc": true, "containerfile": true,
	".npmrc": true, ".pypirc": true, "jenkinsfile": true,
}

// IsBinary reports whether the first bytes of a file look binary: a NUL byte, as git decides.
func IsBinary(head []byte) bool {
	return bytes.IndexByte(head, 0) >= 0
}

// isDockerfileName recognises Dockerfile, Dockerfile.prod, Dockerfile_worker, api.dockerfile and
// Containerfile, but not Dockerfile.md or dockerfile.j2 (documentation and templates).
func isDockerfileName(base, ext string) bool {
	switch {
	case base == "containerfile" || strings.HasSuffix(base, ".dockerfile") || strings.HasSuffix(base, ".containerfile"):
		return true
	case strings.HasPrefix(base, "dockerfile"):
		return !textExt[ext] || ext == ".conf"
	}
	return false
}

// configparserNames are INI files that Python's configparser reads (Airflow, setuptools, tox,
// pytest, mypy, Alembic, logging.config.fileConfig).
var configparserNames = map[string]bool{
	"unittests.cfg": true, "setup.cfg": true, "tox.ini": true, "pytest.ini": true, "mypy.ini": true,
	"alembic.ini": true, "logging.ini": true, "logging.cfg": true, "logging.conf": true,
}

// ConfigparserName reports whether a .cfg or .ini file's name says Python's configparser reads
// it: airflow.cfg (any name with "airflow" in it) and the files in configparserNames.
func ConfigparserName(name string) bool {
	base := strings.ToLower(path.Base(name))
	return strings.Contains(base, "airflow") || configparserNames[base]
}

// looksLikeTOML reports whether the first bytes of a .cfg or .ini file are TOML rather than INI:
// the first significant line assigns a quoted string, an array or an inline table
// (`http_address = "0.0.0.0:4180"`), which no section header precedes, and every complete line
// in head is TOML (comments with #, [table] headers, assignments of TOML values, lines of a
// multi-line array). A file that starts with a section header stays INI.
func looksLikeTOML(head []byte) bool {
	lines := strings.Split(string(head), "\n")
	if len(head) >= 512 && len(lines) > 1 {
		lines = lines[:len(lines)-1] // a partial last line
	}
	depth, assigned := 0, false
	for _, l := range lines {
		l = strings.TrimSpace(strings.TrimPrefix(l, "\ufeff"))
		switch {
		case depth > 0:
			depth += brackets(l)
		case l == "" || l[0] == '#':
		case l[0] == '[':
			if !assigned {
				return false
			}
		default:
			k, v, ok := strings.Cut(l, "=")
			if !ok || !tomlKey(strings.TrimSpace(k)) {
				return false
			}
			v = strings.TrimSpace(v)
			strong := v != "" && strings.ContainsRune("\"'[{", rune(v[0]))
			if !assigned && !strong || !strong && !tomlScalar(v) {
				return false
			}
			assigned = true
			depth = max(0, brackets(v))
		}
	}
	return assigned
}

// brackets counts opening minus closing brackets and braces outside double-quoted strings.
func brackets(s string) int {
	n, quoted := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\' && quoted:
			i++
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '#':
			return n
		case c == '[' || c == '{':
			n++
		case c == ']' || c == '}':
			n--
		}
	}
	return n
}

// tomlKey accepts bare, quoted and dotted TOML keys.
func tomlKey(k string) bool {
	if k == "" {
		return false
	}
	for _, r := range k {
		if !(r == '_' || r == '-' || r == '.' || r == '"' || r == '\'' || r == ' ' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	return true
}

// tomlScalar accepts the unquoted TOML values: booleans, numbers and dates (with a comment).
func tomlScalar(v string) bool {
	v, _, _ = strings.Cut(v, "#")
	v = strings.TrimSpace(v)
	switch v {
	case "true", "false", "inf", "+inf", "-inf", "nan":
		return true
	}
	if v == "" {
		return false
	}
	for _, r := range v {
		if !(r >= '0' && r <= '9' || strings.ContainsRune("+-_.eExobTZ:abcdefABCDEF ", r)) {
			return false
		}
	}
	return v[0] >= '0' && v[0] <= '9' || v[0] == '+' || v[0] == '-'
}
