package source

import (
	"sort"
	"unicode/utf8"
)

// Kind is the format a file is parsed as.
type Kind string

// The kinds dagwarden reads. Text is any other text file: it gets only the text-level secret scan.
const (
	Python     Kind = "python"
	YAML       Kind = "yaml"
	INI        Kind = "ini"
	HCL        Kind = "hcl"
	Dotenv     Kind = "dotenv"
	JSON       Kind = "json"
	TOML       Kind = "toml"
	Dockerfile Kind = "dockerfile"
	Text       Kind = "text"
)

// Kinds lists every kind in a stable order.
var Kinds = []Kind{Python, YAML, INI, HCL, Dotenv, JSON, TOML, Text}

// Pos is a position in a file. Offset is a 0-based byte offset; Line and Col are 1-based, and
// Col counts Unicode code points (SARIF's "unicodeCodePoints" column kind).
type Pos struct {
	Offset int
	Line   int
	Col    int
}

// Span is a half-open range [Start, End) in one file.
type Span struct {
	Start Pos
	End   Pos
}

// IsZero reports whether the span was never set.
func (s Span) IsZero() bool { return s.Start.Line == 0 }

// Contains reports whether the byte offset lies inside the span.
func (s Span) Contains(off int) bool { return off >= s.Start.Offset && off < s.End.Offset }

// File is one input file, read once. Path is the slash-separated path reported to users
// (relative to the scan base); Content is never modified after reading.
type File struct {
	Path    string
	Kind    Kind
	Content []byte

	lines []int // byte offset where each line starts; lines[0] == 0
	ascii bool  // no byte ≥ 0x80: columns are byte counts, no need to count runes
}

// NewFile builds a File and its line index.
func NewFile(path string, kind Kind, content []byte) *File {
	f := &File{Path: path, Kind: kind, Content: content, ascii: true}
	f.lines = append(make([]int, 0, len(content)/32+1), 0)
	for i, b := range content {
		if b == '\n' {
			f.lines = append(f.lines, i+1)
		} else if b >= 0x80 {
			f.ascii = false
		}
	}
	return f
}

// LineCount is the number of lines (a trailing newline does not start a new counted line).
func (f *File) LineCount() int {
	n := len(f.lines)
	if n > 1 && f.lines[n-1] == len(f.Content) {
		n--
	}
	return n
}

// Pos converts a byte offset into a position. Offsets outside the file are clamped.
func (f *File) Pos(off int) Pos {
	if off < 0 {
		off = 0
	}
	if off > len(f.Content) {
		off = len(f.Content)
	}
	i := sort.Search(len(f.lines), func(i int) bool { return f.lines[i] > off }) - 1
	start := f.lines[i]
	if i == 0 && HasBOM(f.Content) && off >= len(bom) {
		start = len(bom) // editors do not show a byte-order mark: the character after it is column 1
	}
	if f.ascii {
		return Pos{Offset: off, Line: i + 1, Col: off - start + 1}
	}
	return Pos{Offset: off, Line: i + 1, Col: utf8.RuneCount(f.Content[start:off]) + 1}
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// HasBOM reports whether content starts with a UTF-8 byte-order mark.
func HasBOM(content []byte) bool {
	return len(content) >= 3 && content[0] == bom[0] && content[1] == bom[1] && content[2] == bom[2]
}

// Span converts a byte range into a span.
func (f *File) Span(start, end int) Span {
	if end < start {
		end = start
	}
	return Span{Start: f.Pos(start), End: f.Pos(end)}
}

// LineStart returns the byte offset where 1-based line n starts.
func (f *File) LineStart(n int) int {
	if n < 1 {
		return 0
	}
	if n > len(f.lines) {
		return len(f.Content)
	}
	return f.lines[n-1]
}

// LineEnd returns the byte offset of the end of 1-based line n, before its newline
// (and before a carriage return preceding it).
func (f *File) LineEnd(n int) int {
	if n < 1 {
		return 0
	}
	end := len(f.Content)
	if n < len(f.lines) {
		end = f.lines[n] - 1
	}
	if end > f.LineStart(n) && f.Content[end-1] == '\r' {
		end--
	}
	if end < f.LineStart(n) {
		end = f.LineStart(n)
	}
	return end
}

// LineText returns the text of 1-based line n without its line terminator.
func (f *File) LineText(n int) string {
	if n < 1 || n > len(f.lines) {
		return ""
	}
	return string(f.Content[f.LineStart(n):f.LineEnd(n)])
}

// OffsetAt converts a 1-based line and a 1-based column counted in code points back into a byte
// offset. Front-ends whose parsers report character columns (YAML, HCL) use it.
func (f *File) OffsetAt(line, col int) int {
	off := f.LineStart(line)
	if line == 1 && HasBOM(f.Content) {
		off = len(bom)
	}
	end := f.LineEnd(line)
	for c := 1; c < col && off < end; c++ {
		_, size := utf8.DecodeRune(f.Content[off:end])
		off += size
	}
	return off
}

// OffsetAtByteCol converts a 1-based line and a 0-based byte column into a byte offset.
func (f *File) OffsetAtByteCol(line, byteCol int) int {
	off := f.LineStart(line) + byteCol
	if off > len(f.Content) {
		off = len(f.Content)
	}
	return off
}

// Text returns the bytes of a span as a string.
func (f *File) Text(s Span) string {
	if s.Start.Offset < 0 || s.End.Offset > len(f.Content) || s.Start.Offset > s.End.Offset {
		return ""
	}
	return string(f.Content[s.Start.Offset:s.End.Offset])
}

// To returns the span from the start of s to the end of t.
func (s Span) To(t Span) Span {
	if t.End.Offset < s.Start.Offset {
		return s
	}
	return Span{Start: s.Start, End: t.End}
}
