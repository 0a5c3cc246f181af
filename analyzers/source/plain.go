package source

import "bytes"

// PlainDocument is the document of a file that has no front-end of its own (Dockerfiles, shell
// scripts) or whose front-end could not parse it. Comments are `#` comments that start a line or
// follow whitespace, which is right for the shell-like formats it stands in for.
type PlainDocument struct {
	F      *File
	Errors []SyntaxError
}

// File returns the file.
func (d *PlainDocument) File() *File { return d.F }

// SyntaxErrors returns the errors recorded when a front-end gave up on the file.
func (d *PlainDocument) SyntaxErrors() []SyntaxError { return d.Errors }

// Comments returns the hash comments of the file.
func (d *PlainDocument) Comments() []Comment { return HashComments(d.F) }

// HashComments finds `#` comments that start a line or follow a space or tab. It does not know
// about quoting, so a `#` after whitespace inside a string counts; callers that know the format
// better should use their own scanner.
func HashComments(f *File) []Comment {
	var out []Comment
	c := f.Content
	for line := 1; line <= f.LineCount(); line++ {
		start, end := f.LineStart(line), f.LineEnd(line)
		text := c[start:end]
		i := 0
		for i < len(text) {
			j := bytes.IndexByte(text[i:], '#')
			if j < 0 {
				break
			}
			j += i
			if j == 0 || text[j-1] == ' ' || text[j-1] == '\t' {
				own := len(bytes.TrimSpace(text[:j])) == 0
				out = append(out, Comment{
					Span:    f.Span(start+j, end),
					Text:    string(bytes.TrimSpace(text[j+1:])),
					OwnLine: own,
				})
				break
			}
			i = j + 1
		}
	}
	return out
}
