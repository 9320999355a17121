package dict

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Config is an OpenCC conversion config.
type Config struct {
	Name          string
	Normalization []*Spec // run over the whole text first, unsegmented
	Segmentation  *Spec   // maximum-match segmentation dictionary; nil for none
	Chain         []*Spec // conversion steps, each applied to every segment
}

// Spec describes a dictionary of a config: a file, an inline table or a
// group of other specs.
type Spec struct {
	Type          string // "text", "ocd", "ocd2", "group" or "inline"
	File          string // for text, ocd and ocd2
	Policy        string // for group: "short_circuit" or "union"
	Dicts         []*Spec
	Entries       map[string]string // for inline
	MayOutputTofu bool
}

type jsonSpec struct {
	Type          string            `json:"type"`
	File          string            `json:"file"`
	MatchPolicy   string            `json:"match_policy"`
	Dicts         []json.RawMessage `json:"dicts"`
	Entries       map[string]string `json:"entries"`
	MayOutputTofu bool              `json:"may_output_tofu"`
}

type jsonConfig struct {
	Name          string            `json:"name"`
	Normalization []json.RawMessage `json:"normalization"`
	Segmentation  *struct {
		Type string          `json:"type"`
		Dict json.RawMessage `json:"dict"`
	} `json:"segmentation"`
	Chain []json.RawMessage `json:"conversion_chain"`
}

// ParseConfig reads an OpenCC config. Like OpenCC it accepts // and /* */
// comments and trailing commas, and ignores chain items that are not objects.
func ParseConfig(data []byte) (*Config, error) {
	var jc jsonConfig
	if err := json.Unmarshal(relaxJSON(data), &jc); err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	if jc.Chain == nil {
		return nil, fmt.Errorf("config: conversion_chain is missing")
	}
	c := &Config{Name: jc.Name}
	steps := func(items []json.RawMessage, what string) ([]*Spec, error) {
		var out []*Spec
		for i, raw := range items {
			var step struct {
				Dict json.RawMessage `json:"dict"`
			}
			if bytes.TrimSpace(raw)[0] != '{' {
				continue
			}
			if err := json.Unmarshal(raw, &step); err != nil {
				return nil, fmt.Errorf("config: %s[%d]: %w", what, i, err)
			}
			s, err := parseSpec(step.Dict)
			if err != nil {
				return nil, fmt.Errorf("config: %s[%d]: %w", what, i, err)
			}
			out = append(out, s)
		}
		return out, nil
	}
	var err error
	if c.Normalization, err = steps(jc.Normalization, "normalization"); err != nil {
		return nil, err
	}
	if c.Chain, err = steps(jc.Chain, "conversion_chain"); err != nil {
		return nil, err
	}
	if seg := jc.Segmentation; seg != nil {
		if seg.Type != "mmseg" {
			return nil, fmt.Errorf("config: segmentation type %q is not supported (only mmseg)", seg.Type)
		}
		if c.Segmentation, err = parseSpec(seg.Dict); err != nil {
			return nil, fmt.Errorf("config: segmentation: %w", err)
		}
	}
	return c, nil
}

func parseSpec(raw json.RawMessage) (*Spec, error) {
	if len(raw) == 0 {
		return nil, fmt.Errorf("dict is missing")
	}
	var js jsonSpec
	if err := json.Unmarshal(raw, &js); err != nil {
		return nil, err
	}
	s := &Spec{Type: js.Type, File: js.File, MayOutputTofu: js.MayOutputTofu}
	switch js.Type {
	case "text", "ocd", "ocd2":
		if js.File == "" {
			return nil, fmt.Errorf("%s dict without file", js.Type)
		}
	case "group":
		s.Policy = js.MatchPolicy
		if s.Policy == "" {
			s.Policy = "short_circuit"
		}
		if s.Policy != "short_circuit" && s.Policy != "union" {
			return nil, fmt.Errorf("unknown match_policy %q", s.Policy)
		}
		for _, d := range js.Dicts {
			m, err := parseSpec(d)
			if err != nil {
				return nil, err
			}
			s.Dicts = append(s.Dicts, m)
		}
	case "inline":
		for k, v := range js.Entries {
			if k == "" || v == "" {
				return nil, fmt.Errorf("inline dict: empty key or value")
			}
		}
		s.Entries = js.Entries
	default:
		return nil, fmt.Errorf("unknown dict type %q", js.Type)
	}
	return s, nil
}

// relaxJSON removes comments and trailing commas outside strings.
func relaxJSON(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '"':
			j := i + 1
			for j < len(b) && b[j] != '"' {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			j = min(j, len(b)-1)
			out = append(out, b[i:j+1]...)
			i = j
		case c == '/' && i+1 < len(b) && b[i+1] == '/':
			for i < len(b) && b[i] != '\n' {
				i++
			}
			i--
		case c == '/' && i+1 < len(b) && b[i+1] == '*':
			end := bytes.Index(b[i+2:], []byte("*/"))
			if end < 0 {
				return out
			}
			i += end + 3
		case c == ']' || c == '}':
			k := len(out) - 1
			for k >= 0 && (out[k] == ' ' || out[k] == '\t' || out[k] == '\n' || out[k] == '\r') {
				k--
			}
			if k >= 0 && out[k] == ',' {
				out = append(out[:k], out[k+1:]...)
			}
			out = append(out, c)
		default:
			out = append(out, c)
		}
	}
	return out
}

// Expr names the plain table that spec compiles to, canonically, so that
// configs sharing a group share its table. tofu says whether dictionaries
// marked may_output_tofu are kept; "" means the spec drops out entirely.
func (s *Spec) Expr(tofu bool) string {
	if s.MayOutputTofu && !tofu {
		return ""
	}
	switch s.Type {
	case "group":
		var parts []string
		for _, m := range s.Dicts {
			if e := m.Expr(tofu); e != "" {
				parts = append(parts, e)
			}
		}
		switch len(parts) {
		case 0:
			return ""
		case 1:
			return parts[0]
		}
		op := "first"
		if s.Policy == "union" {
			op = "union"
		}
		return op + "(" + strings.Join(parts, ",") + ")"
	case "inline":
		keys := make([]string, 0, len(s.Entries))
		for k := range s.Entries {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		b.WriteString("inline{")
		for _, k := range keys {
			fmt.Fprintf(&b, "%q:%q,", k, s.Entries[k])
		}
		return b.String() + "}"
	default:
		return FileStem(s.File)
	}
}

// FileStem turns "STPhrases.ocd2" into "STPhrases": the text source of a
// compiled OpenCC dictionary.
func FileStem(file string) string {
	if i := strings.LastIndexByte(file, '/'); i >= 0 {
		file = file[i+1:]
	}
	for _, ext := range []string{".ocd2", ".ocd", ".txt"} {
		file = strings.TrimSuffix(file, ext)
	}
	return file
}

// Compile builds the plain dictionary for spec; load returns the dictionary
// of a file stem.
func (s *Spec) Compile(tofu bool, load func(stem string) (Dict, error)) (Dict, error) {
	if s.MayOutputTofu && !tofu {
		return nil, nil
	}
	switch s.Type {
	case "group":
		var members []Dict
		for _, m := range s.Dicts {
			d, err := m.Compile(tofu, load)
			if err != nil {
				return nil, err
			}
			if d != nil {
				members = append(members, d)
			}
		}
		if len(members) == 0 {
			return nil, nil
		}
		if s.Policy == "union" {
			return Union(members...), nil
		}
		return ShortCircuit(members...), nil
	case "inline":
		d := make(Dict, len(s.Entries))
		for k, v := range s.Entries {
			d[k] = []string{v}
		}
		return d, nil
	default:
		return load(FileStem(s.File))
	}
}
