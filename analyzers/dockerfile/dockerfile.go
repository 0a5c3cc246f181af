package dockerfile

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/dagwarden/dagwarden/analyzers/dotenv"
	"github.com/dagwarden/dagwarden/analyzers/source"
)

// Instruction is one Dockerfile instruction, continuation lines joined.
type Instruction struct {
	Cmd      string      // upper-case: FROM, ENV, RUN, CMD, ENTRYPOINT, EXPOSE, ...
	Args     string      // the arguments with continuations removed
	Span     source.Span // the whole instruction
	ArgsSpan source.Span
	// Exec holds the words of the exec form (`CMD ["dagster-webserver", "-h", "0.0.0.0"]`);
	// nil for the shell form.
	Exec  []string
	Stage int // index of the build stage (FROM); global ARGs before the first FROM are in 0
}

// Command is the instruction's command line as words: the exec form as written, the shell form
// split on blanks.
func (in Instruction) Command() []string {
	if in.Exec != nil {
		return in.Exec
	}
	return strings.Fields(in.Args)
}

// File is a parsed Dockerfile. It implements source.Document.
type File struct {
	src          *source.File
	instructions []Instruction
	comments     []source.Comment
	errors       []source.SyntaxError
	env          *dotenv.File
}

// File returns the file the document was parsed from.
func (f *File) File() *source.File { return f.src }

// Comments returns the `#` comment lines.
func (f *File) Comments() []source.Comment { return f.comments }

// SyntaxErrors returns lines that are not instructions.
func (f *File) SyntaxErrors() []source.SyntaxError { return f.errors }

// Instructions returns the instructions in source order.
func (f *File) Instructions() []Instruction { return f.instructions }

// Env returns the ENV and ARG assignments as an env document (bare `ARG NAME` lines are
// pass-throughs, as bare names are in .env files).
func (f *File) Env() *dotenv.File { return f.env }

var errNilFile = errors.New("dockerfile: nil file")

// Parse reads a Dockerfile. Lines that are not instructions become syntax errors, never a
// failure; the error is reserved for a nil file.
func Parse(f *source.File) (*File, error) {
	if f == nil {
		return nil, errNilFile
	}
	p := &parser{b: f.Content, doc: &File{src: f}, escape: '\\'}
	p.directives()
	p.run()
	p.doc.env = dotenv.New(f, p.vars, p.doc.comments, nil)
	return p.doc, nil
}

type parser struct {
	b        []byte
	i        int
	doc      *File
	escape   byte
	stage    int
	seenFrom bool
	vars     []dotenv.Var
}

// directives reads the parser directives (`# escape=`, `# syntax=`) before the first instruction.
func (p *parser) directives() {
	for j := 0; j < len(p.b); {
		end := lineEnd(p.b, j)
		line := strings.TrimSpace(string(p.b[j:end]))
		if !strings.HasPrefix(line, "#") {
			return
		}
		k, v, ok := strings.Cut(strings.TrimSpace(line[1:]), "=")
		if !ok {
			return
		}
		if strings.EqualFold(strings.TrimSpace(k), "escape") {
			if v = strings.TrimSpace(v); v == "`" {
				p.escape = '`'
			}
		}
		j = nextLine(p.b, end)
	}
}

func (p *parser) run() {
	for p.i < len(p.b) {
		start := skipBlank(p.b, p.i)
		end := lineEnd(p.b, start)
		switch {
		case start >= end:
			p.i = nextLine(p.b, end)
		case p.b[start] == '#':
			p.comment(start, end)
			p.i = nextLine(p.b, end)
		default:
			p.instruction(start)
		}
	}
}

func (p *parser) comment(start, end int) {
	p.doc.comments = append(p.doc.comments, source.Comment{Span: p.doc.src.Span(start, end),
		Text: strings.TrimSpace(string(p.b[start+1 : end])), OwnLine: true})
}

// instruction reads one instruction from start, following continuations.
func (p *parser) instruction(start int) {
	wordEnd := start
	for wordEnd < len(p.b) && isWordByte(p.b[wordEnd]) {
		wordEnd++
	}
	cmd := strings.ToUpper(string(p.b[start:wordEnd]))
	if cmd == "" {
		end := lineEnd(p.b, start)
		p.doc.errors = append(p.doc.errors, source.SyntaxError{Span: p.doc.src.Span(start, end), Msg: "not a Dockerfile instruction"})
		p.i = nextLine(p.b, end)
		return
	}
	argsStart := skipBlank(p.b, wordEnd)
	// the logical line: raw byte ranges of each physical line, continuations cut off
	var parts [][2]int
	j := argsStart
	for {
		end := lineEnd(p.b, j)
		trimmed := end
		for trimmed > j && (p.b[trimmed-1] == ' ' || p.b[trimmed-1] == '\t') {
			trimmed--
		}
		if trimmed > j && p.b[trimmed-1] == p.escape {
			parts = append(parts, [2]int{j, trimmed - 1})
			j = nextLine(p.b, end)
			// comment and empty lines inside a continuation are dropped, as Docker does
			for j < len(p.b) {
				k := skipBlank(p.b, j)
				e := lineEnd(p.b, k)
				if k < e && p.b[k] != '#' {
					break
				}
				if k < e {
					p.comment(k, e)
				}
				j = nextLine(p.b, e)
			}
			if j >= len(p.b) {
				break
			}
			continue
		}
		parts = append(parts, [2]int{j, trimmed})
		j = nextLine(p.b, end)
		break
	}
	last := parts[len(parts)-1][1]
	in := Instruction{Cmd: cmd, Span: p.doc.src.Span(start, last), ArgsSpan: p.doc.src.Span(argsStart, last), Stage: p.stage}
	var args strings.Builder
	for k, r := range parts {
		if k > 0 {
			args.WriteByte(' ')
		}
		args.Write(p.b[r[0]:r[1]])
	}
	in.Args = strings.TrimSpace(args.String())
	p.i = j
	if heredoc := heredocMarker(in.Args); heredoc != "" {
		p.skipHeredoc(heredoc)
	}
	switch cmd {
	case "FROM":
		if p.seenFrom {
			p.stage++
		}
		p.seenFrom = true
		in.Stage = p.stage
	case "CMD", "ENTRYPOINT", "RUN", "SHELL", "HEALTHCHECK":
		if strings.HasPrefix(in.Args, "[") {
			var words []string
			if json.Unmarshal([]byte(in.Args), &words) == nil {
				in.Exec = words
			}
		}
	case "ENV":
		p.vars = append(p.vars, p.assignments(parts, true)...)
	case "ARG":
		p.vars = append(p.vars, p.assignments(parts, false)...)
	}
	p.doc.instructions = append(p.doc.instructions, in)
}

// heredocMarker returns the terminator of a `<<EOF` / `<<-"EOF"` heredoc in the arguments.
func heredocMarker(args string) string {
	i := strings.Index(args, "<<")
	if i < 0 {
		return ""
	}
	fields := strings.Fields(strings.TrimPrefix(args[i+2:], "-"))
	if len(fields) == 0 {
		return ""
	}
	w := strings.Trim(fields[0], `"'`)
	if w == "" || !isWordByte(w[0]) {
		return ""
	}
	return w
}

func (p *parser) skipHeredoc(marker string) {
	for p.i < len(p.b) {
		end := lineEnd(p.b, p.i)
		line := strings.TrimSpace(string(p.b[p.i:end]))
		p.i = nextLine(p.b, end)
		if line == marker {
			return
		}
	}
}

// lineEnd is the end of the line starting at or before i, without its "\r\n" or "\n".
func lineEnd(b []byte, i int) int {
	j := i
	for j < len(b) && b[j] != '\n' {
		j++
	}
	if j > i && b[j-1] == '\r' {
		j--
	}
	return j
}

func nextLine(b []byte, end int) int {
	for end < len(b) && b[end] != '\n' {
		end++
	}
	return end + 1
}

func skipBlank(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t') {
		i++
	}
	return i
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}
