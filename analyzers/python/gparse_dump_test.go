package python

import (
	"fmt"
	"strings"
)

// dumpFlat renders a flat node table as an indented tree: field, kind, named flag and byte range.
func dumpFlat(nodes []rawNode, src []byte) string {
	var b strings.Builder
	depth := make([]int, len(nodes))
	for i, n := range nodes {
		d := 0
		if n.parent >= 0 {
			d = depth[n.parent] + 1
		}
		depth[i] = d
		f := ""
		if int(n.field) < len(fieldNames) && n.field != 0 {
			f = fieldNames[n.field] + ": "
		}
		k := "?"
		if int(n.kind) < len(kindNames) {
			k = kindNames[n.kind]
		}
		if n.kind == 0xFFFF {
			k = "ERROR"
		}
		t := ""
		if int(n.end) <= len(src) && n.start <= n.end {
			t = string(src[n.start:n.end])
		}
		if len(t) > 30 {
			t = t[:30] + "…"
		}
		named := ""
		if n.flags&flagNamed == 0 {
			named = "'"
		}
		fmt.Fprintf(&b, "%s%s%s%s%s [%d-%d] k%d f%d %q\n", strings.Repeat("  ", d), f, named, k, named, n.start, n.end, n.kind, n.field, t)
	}
	return b.String()
}
