// Package rules is the policy side of dagwarden: the Rule and Finding types, the registry, and
// one file per rule. Rules read the models the front-ends in analyzers/ build; they never parse
// bytes themselves.
//
// Adding a rule:
//  1. pick a kebab-case ID naming the hazard and create rules/<id_in_snake_case>.go with a
//     PascalCase var holding Meta and the hooks for the formats it understands;
//  2. add the var to All in registry.go;
//  3. write testdata/rules/<id>/bad.<ext> with `# want: <id>` markers and good.<ext> holding the
//     look-alikes that must stay quiet;
//  4. run `go generate ./rules` to refresh docs/rules, then `go test ./...`.
package rules
