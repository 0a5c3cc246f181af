package value

import (
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Entry is one key/value leaf of a configuration document, whatever its format: an INI option, a
// dotenv line, a YAML or JSON scalar under its mapping keys, a TOML key, an HCL attribute.
// Framework adapters normalise Path into a framework setting (airflow [core] fernet_key,
// PREFECT_API_KEY, ...), so a rule about a setting is written once for every format.
type Entry struct {
	// Path is the chain of keys from the document root to the value. Sequence items appear as
	// "[i]". INI options are [section, key]; dotenv lines are [NAME].
	Path []string
	// KeySpan covers the last key as written (empty for sequence items).
	KeySpan source.Span
	// Value is the classified value; Value.Span covers the value.
	Value Value
	// Doc is the 0-based index of the document in a multi-document stream.
	Doc int
}

// Key returns the last element of the path.
func (e Entry) Key() string {
	if len(e.Path) == 0 {
		return ""
	}
	return e.Path[len(e.Path)-1]
}

// Dotted returns the path joined with dots.
func (e Entry) Dotted() string { return strings.Join(e.Path, ".") }
