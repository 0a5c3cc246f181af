package ruledoc

import "github.com/dagwarden/dagwarden/rules"

// Render produces every page of docs/rules, keyed by file name.
func Render(testdata string) (map[string]string, error) {
	out := map[string]string{}
	all := rules.All()
	for _, r := range all {
		var ex []Example
		if !r.Builtin {
			var err error
			if ex, err = Examples(testdata, r.ID); err != nil {
				return nil, err
			}
		}
		out[r.ID+".md"] = Markdown(r, ex)
	}
	out["README.md"] = Index(all)
	return out, nil
}
