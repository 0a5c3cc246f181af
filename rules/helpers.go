package rules

import (
	"github.com/dagwarden/dagwarden/analyzers/airflow"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// airflowSettings returns the Airflow options a document sets, computed once per file however
// many rules ask.
func airflowSettings(p *Pass, doc source.Document) []airflow.Setting {
	return p.Memo("airflow.settings", func() any { return airflow.Settings(doc) }).([]airflow.Setting)
}
