package source

// Document is what every front-end's parse result offers the engine, the suppression parser and
// the fixture harness, whatever its format.
type Document interface {
	// File is the file the document was parsed from.
	File() *File
	// Comments lists the file's comments in source order; suppressions and `# want:` markers are
	// read from them, so a marker inside a string is never taken for one.
	Comments() []Comment
	// SyntaxErrors lists recoverable problems; the document is still (partly) usable.
	SyntaxErrors() []SyntaxError
}
