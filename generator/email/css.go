package email

import (
	"fmt"
	"strings"
)

// rule is one selector of a style rule and its declarations.
type rule struct {
	chain []compound // outermost first; the last matches the element itself
	decls []decl
	spec  int // specificity: classes weigh more than tags
	order int // place in the style sheet, for rules of equal specificity
}

// compound is one step of a descendant chain: a tag, classes, or both.
type compound struct {
	tag     string
	classes []string
}

type decl struct{ prop, value string }

// parseSheet reads the rules of a style sheet.
func parseSheet(css string) ([]rule, error) {
	css = stripComments(css)
	var rules []rule
	for {
		open := strings.IndexByte(css, '{')
		if open < 0 {
			if strings.TrimSpace(css) != "" {
				return nil, fmt.Errorf("style: %q is not a rule", strings.TrimSpace(css))
			}
			return rules, nil
		}
		end := strings.IndexByte(css[open:], '}')
		if end < 0 {
			return nil, fmt.Errorf("style: rule %q has no end", strings.TrimSpace(css[:open]))
		}
		selectors, body := css[:open], css[open+1:open+end]
		css = css[open+end+1:]
		decls, err := parseDecls(body)
		if err != nil {
			return nil, err
		}
		for _, sel := range strings.Split(selectors, ",") {
			r, err := parseSelector(strings.TrimSpace(sel))
			if err != nil {
				return nil, err
			}
			r.decls, r.order = decls, len(rules)
			rules = append(rules, r)
		}
	}
}

func stripComments(css string) string {
	for {
		i := strings.Index(css, "/*")
		if i < 0 {
			return css
		}
		j := strings.Index(css[i+2:], "*/")
		if j < 0 {
			return css[:i]
		}
		css = css[:i] + " " + css[i+2+j+2:]
	}
}

func parseDecls(body string) ([]decl, error) {
	var list []decl
	for _, d := range strings.Split(body, ";") {
		if strings.TrimSpace(d) == "" {
			continue
		}
		prop, value, ok := strings.Cut(d, ":")
		prop, value = strings.ToLower(strings.TrimSpace(prop)), strings.TrimSpace(value)
		if !ok || prop == "" || value == "" {
			return nil, fmt.Errorf("style: %q is not a declaration", strings.TrimSpace(d))
		}
		list = append(list, decl{prop, value})
	}
	return list, nil
}

// parseSelector reads a descendant chain of tags and classes.
func parseSelector(sel string) (rule, error) {
	var r rule
	if sel == "" || strings.ContainsAny(sel, "#:[]>+~*@()") {
		return r, fmt.Errorf("style: selector %q: only tags, classes and descendants are inlined", sel)
	}
	for _, part := range strings.Fields(sel) {
		names := strings.Split(part, ".")
		c := compound{tag: strings.ToLower(names[0])}
		for _, class := range names[1:] {
			if class == "" {
				return r, fmt.Errorf("style: selector %q: empty class", sel)
			}
			c.classes = append(c.classes, class)
		}
		r.spec += 100*len(c.classes) + btoi(c.tag != "")
		r.chain = append(r.chain, c)
	}
	return r, nil
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
