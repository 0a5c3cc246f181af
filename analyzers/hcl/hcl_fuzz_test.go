package hcl

import (
	"testing"

	"github.com/dagwarden/dagwarden/analyzers/source"
	"github.com/dagwarden/dagwarden/analyzers/source/sourcetest"
)

func FuzzParse(f *testing.F) {
	sourcetest.AddSeeds(f, "../../testdata/analyzers/hcl/*",
		"a = {{{\n/* x",
		"p = jsonencode({Statement = [{Effect = \"Allow\", Action = [\"*\"], Principal = {AWS = \"*\"}}]})\n",
		"p = \"{\\\"Statement\\\": {\\\"Resource\\\": \\\"${x}\\\"}}\"\n")
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(source.NewFile("f.tf", source.HCL, data))
		if err != nil {
			t.Fatal(err)
		}
		exercise(t, file)
	})
}

func FuzzParseJSON(f *testing.F) {
	sourcetest.AddSeeds(f, "../../testdata/analyzers/hcl/*.json")
	sourcetest.AddSeeds(f, "../../testdata/rules/*/*.tf.json",
		`{"resource": {"t": {"n": {"p": "${jsonencode({Statement = [{Action = \"*\"}]})}", "b": [{"c": {"d": 1}}]}}}}`,
		`{"locals": {"a": "\ud83d\ude00${x} \"%{ if y }z%{ endif }"}}`,
		`[{"data": {"aws_iam_policy_document": {"d": {"statement": {"actions": ["*"]}}}}}]`)
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(source.NewFile("f.tf.json", source.HCL, data))
		if err != nil {
			t.Fatal(err)
		}
		exercise(t, file)
		file.Entries()
	})
}
