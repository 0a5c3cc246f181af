package source

// Comment is a comment in a source file, with the span of the whole comment including its leader.
// Text is the comment without its leader ("#", ";", "//") and trimmed of surrounding spaces.
// OwnLine is true when nothing but whitespace precedes the comment on its line.
type Comment struct {
	Span    Span
	Text    string
	OwnLine bool
}

// SyntaxError is a recoverable problem a front-end found while parsing: the file is still
// (partly) analysed.
type SyntaxError struct {
	Span Span
	Msg  string
}
