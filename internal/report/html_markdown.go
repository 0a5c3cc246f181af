package report

import (
	"html"
	"html/template"
	"regexp"
	"strings"
)

// markdownHTML renders the small Markdown subset the generated rule pages use (headings,
// paragraphs, fenced code, pipe tables, flat lists, inline code, bold, emphasis, links) to HTML.
// NOTE: every piece of input text goes through html.EscapeString before it is written, and only
// http(s), mailto and in-page links become anchors, so a rule page cannot inject markup or
// script into the report. Headings are shifted down by shift levels to nest inside the report.
func markdownHTML(src string, shift int) template.HTML {
	var b strings.Builder
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	var para []string
	flushPara := func() {
		if len(para) > 0 {
			b.WriteString("<p>")
			b.WriteString(inlineHTML(strings.Join(para, " ")))
			b.WriteString("</p>\n")
			para = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "":
			flushPara()
		case strings.HasPrefix(trimmed, "```"):
			flushPara()
			lang := langRe.FindString(strings.TrimPrefix(trimmed, "```"))
			var code []string
			for i++; i < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[i]), "```"); i++ {
				code = append(code, lines[i])
			}
			b.WriteString("<pre class=\"md-code\"><code")
			if lang != "" {
				b.WriteString(" data-lang=\"" + html.EscapeString(lang) + "\"")
			}
			b.WriteString(">")
			b.WriteString(html.EscapeString(strings.Join(code, "\n")))
			b.WriteString("</code></pre>\n")
		case headingRe.MatchString(trimmed):
			flushPara()
			m := headingRe.FindStringSubmatch(trimmed)
			level := min(len(m[1])+shift, 6)
			tag := string(rune('0' + level))
			b.WriteString("<h" + tag + ">" + inlineHTML(m[2]) + "</h" + tag + ">\n")
		case strings.HasPrefix(trimmed, "|") && i+1 < len(lines) && tableSepRe.MatchString(strings.TrimSpace(lines[i+1])):
			flushPara()
			b.WriteString("<table class=\"md-table\"><thead><tr>")
			for _, c := range tableCells(trimmed) {
				b.WriteString("<th>" + inlineHTML(c) + "</th>")
			}
			b.WriteString("</tr></thead><tbody>")
			for i += 2; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				b.WriteString("<tr>")
				for _, c := range tableCells(strings.TrimSpace(lines[i])) {
					b.WriteString("<td>" + inlineHTML(c) + "</td>")
				}
				b.WriteString("</tr>")
			}
			i--
			b.WriteString("</tbody></table>\n")
		case listRe.MatchString(trimmed):
			flushPara()
			ordered := !strings.HasPrefix(trimmed, "-") && !strings.HasPrefix(trimmed, "*")
			tag := "ul"
			if ordered {
				tag = "ol"
			}
			b.WriteString("<" + tag + ">")
			var item []string
			flushItem := func() {
				if item != nil {
					b.WriteString("<li>" + inlineHTML(strings.Join(item, " ")) + "</li>")
				}
				item = nil
			}
			for ; i < len(lines); i++ {
				t := strings.TrimSpace(lines[i])
				if m := listRe.FindStringSubmatch(t); m != nil {
					flushItem()
					item = []string{m[2]}
				} else if t != "" && (strings.HasPrefix(lines[i], " ") || strings.HasPrefix(lines[i], "\t")) {
					item = append(item, t) // continuation of the item
				} else {
					break
				}
			}
			flushItem()
			i--
			b.WriteString("</" + tag + ">\n")
		default:
			para = append(para, trimmed)
		}
	}
	flushPara()
	return template.HTML(b.String())
}

var (
	headingRe  = regexp.MustCompile(`^(#{1,6})\s+(.*)$`)
	tableSepRe = regexp.MustCompile(`^\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?$`)
	listRe     = regexp.MustCompile(`^([-*]|\d+[.)])\s+(.*)$`)
	langRe     = regexp.MustCompile(`^[A-Za-z0-9_+-]*`)
)

// tableCells splits a pipe-table row, honouring `\|` escapes.
func tableCells(row string) []string {
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// inlineHTML renders inline code, links, autolinks, bold and emphasis; everything else is
// escaped text.
func inlineHTML(s string) string {
	var b strings.Builder
	text := 0 // start of pending plain text
	flush := func(to int) {
		b.WriteString(html.EscapeString(s[text:to]))
	}
	for i := 0; i < len(s); {
		switch s[i] {
		case '`':
			if j := strings.IndexByte(s[i+1:], '`'); j >= 0 {
				flush(i)
				b.WriteString("<code>" + html.EscapeString(s[i+1:i+1+j]) + "</code>")
				i += j + 2
				text = i
				continue
			}
		case '[':
			if m := linkRe.FindStringSubmatch(s[i:]); m != nil {
				flush(i)
				b.WriteString(anchor(m[2], inlineHTML(m[1])))
				i += len(m[0])
				text = i
				continue
			}
		case '<':
			if m := autolinkRe.FindStringSubmatch(s[i:]); m != nil {
				flush(i)
				b.WriteString(anchor(m[1], html.EscapeString(m[1])))
				i += len(m[0])
				text = i
				continue
			}
		case '*':
			if strings.HasPrefix(s[i:], "**") {
				if j := strings.Index(s[i+2:], "**"); j > 0 {
					flush(i)
					b.WriteString("<strong>" + inlineHTML(s[i+2:i+2+j]) + "</strong>")
					i += j + 4
					text = i
					continue
				}
			} else if j := strings.IndexByte(s[i+1:], '*'); j > 0 && emphasisAt(s, i, i+1+j) {
				flush(i)
				b.WriteString("<em>" + inlineHTML(s[i+1:i+1+j]) + "</em>")
				i += j + 2
				text = i
				continue
			}
		}
		i++
	}
	flush(len(s))
	return b.String()
}

// emphasisAt reports whether *…* between open and close is emphasis rather than, say, the
// wildcards of `s3:* on *`: it opens after a space or bracket and hugs its words.
func emphasisAt(s string, open, close int) bool {
	if open > 0 && !strings.ContainsRune(" ([\"'", rune(s[open-1])) {
		return false
	}
	if s[open+1] == ' ' || s[close-1] == ' ' {
		return false
	}
	return close+1 == len(s) || strings.ContainsRune(" .,;:!?)]\"'", rune(s[close+1]))
}

var (
	linkRe     = regexp.MustCompile(`^\[([^\]]+)\]\(((?:[^()\s]|\([^()\s]*\))+)\)`)
	autolinkRe = regexp.MustCompile(`^<((?:https?://|mailto:)[^>\s]+)>`)
)

// anchor writes a link whose text is already HTML; addresses other than http(s), mailto and
// in-page fragments are shown as text only.
func anchor(href, inner string) string {
	lower := strings.ToLower(href)
	if !strings.HasPrefix(lower, "https://") && !strings.HasPrefix(lower, "http://") &&
		!strings.HasPrefix(lower, "mailto:") && !strings.HasPrefix(href, "#") {
		return inner
	}
	return `<a href="` + html.EscapeString(href) + `" rel="noopener noreferrer">` + inner + "</a>"
}
