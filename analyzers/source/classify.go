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
