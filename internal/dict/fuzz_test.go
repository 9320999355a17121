package dict

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse: the dictionary parser never panics, and whatever it accepts
// compiles to a table whose lookups find every key.
func FuzzParse(f *testing.F) {
	f.Add([]byte("发\t發 髮\n头发\t頭髮\n"))
	f.Add([]byte("# c\n\nab \tX\nc\t\nd\t e\n"))
	f.Add([]byte("a\tb\na\tc\n"))
	if b, err := os.ReadFile(filepath.Join("data", "dictionary", "TWVariants.txt")); err == nil {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		entries, err := Parse(bytes.NewReader(in), "fuzz.txt")
		if err != nil {
			return
		}
		d := FromEntries(entries)
		enc, err := Encode(d)
		if err != nil {
			return // a key beyond the indexed planes
		}
		tb, err := Decode(enc)
		if err != nil {
			t.Fatalf("Decode of Encode: %v", err)
		}
		for k, v := range d {
			n, m, _ := tb.Match([]byte(k))
			if n != len(k) || string(tb.Value(m)) != v[0] {
				t.Fatalf("key %q: match %d %q, want %d %q", k, n, tb.Value(m), len(k), v[0])
			}
		}
	})
}

// FuzzDecode: a corrupt table is an error, never a panic or a table whose
// lookups go out of range.
func FuzzDecode(f *testing.F) {
	enc, _ := Encode(Dict{"发": {"發"}, "头发": {"頭髮"}, "ab": {"X"}})
	f.Add(enc)
	f.Fuzz(func(t *testing.T, b []byte) {
		tb, err := Decode(b)
		if err != nil {
			return
		}
		for _, s := range []string{"发", "头发", "ab", "x"} {
			if n, m, _ := tb.Match([]byte(s)); n > 0 {
				tb.Value(m)
				tb.Alternatives(m)
			}
		}
	})
}

// FuzzParseConfig: the config reader never panics.
func FuzzParseConfig(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("data", "config", "*.json"))
	for _, name := range files[:min(4, len(files))] {
		b, _ := os.ReadFile(name)
		f.Add(b)
	}
	f.Add([]byte(`{"conversion_chain": [{"dict": {"type": "group", "dicts": [/* x */ {"type": "text", "file": "a.txt"},]}},]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := ParseConfig(b)
		if err != nil {
			return
		}
		for _, s := range c.Chain {
			s.Expr(true)
			s.Expr(false)
		}
	})
}
