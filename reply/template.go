package reply

import (
	"fmt"
	"strings"
)

// fillTemplate replaces every {{.name}} in text with vars[name]. Spaces
// inside the braces are allowed ({{ .name }}). Any other action, an
// unclosed {{, or a name with no value is an error.
//
// kefu does not use text/template: its reflection (MethodByName) makes the
// Go linker keep every exported method of the types that reach an
// interface, and with them gse's embedded dictionaries, adding some 34 MB
// to every binary that imports this package (measured on go1.26).
func fillTemplate(text string, vars map[string]string) (string, error) {
	if !strings.Contains(text, "{{") {
		if strings.Contains(text, "}}") {
			return "", fmt.Errorf("unexpected }} at byte %d", strings.Index(text, "}}"))
		}
		return text, nil
	}
	var b strings.Builder
	rest := text
	for {
		open := strings.Index(rest, "{{")
		if open < 0 {
			if i := strings.Index(rest, "}}"); i >= 0 {
				return "", fmt.Errorf("unexpected }} at byte %d", len(text)-len(rest)+i)
			}
			b.WriteString(rest)
			return b.String(), nil
		}
		b.WriteString(rest[:open])
		closeAt := strings.Index(rest[open:], "}}")
		if closeAt < 0 {
			return "", fmt.Errorf("unclosed {{ at byte %d", len(text)-len(rest)+open)
		}
		action := strings.TrimSpace(rest[open+2 : open+closeAt])
		name, ok := strings.CutPrefix(action, ".")
		if !ok || !validVarName(name) {
			return "", fmt.Errorf("unsupported action {{%s}}: only {{.name}} is allowed", action)
		}
		v, ok := vars[name]
		if !ok {
			return "", fmt.Errorf("unknown variable %q", name)
		}
		b.WriteString(v)
		rest = rest[open+closeAt+2:]
	}
}
