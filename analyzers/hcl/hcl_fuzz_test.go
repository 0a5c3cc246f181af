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
