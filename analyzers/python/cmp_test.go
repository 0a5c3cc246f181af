package python

import "testing"

// BenchmarkBindingParse is go-tree-sitter's own Parse + Close on the same corpus, for comparison
// with BenchmarkParseOnly (direct ts_parser_parse_string plus the copy out of C).
func BenchmarkBindingParse(b *testing.B) {
	files, total := corpus(b, 3000)
	p, err := NewParser()
	if err != nil {
		b.Fatal(err)
	}
	defer p.Close()
	b.SetBytes(total)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, f := range files {
			tr := p.p.Parse(f.Content, nil)
			tr.Close()
		}
	}
}
