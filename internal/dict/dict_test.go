package dict

import (
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	in := "\uFEFF# comment\twith tab\n\n发\t發 髮\r\nab \tX\nc\t\nd\t e\ni\tj\tk\n"
	entries, err := Parse(strings.NewReader(in), "t.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{"发", []string{"發", "髮"}},
		{"ab ", []string{"X"}},
		{"c", []string{""}},
		{"d", []string{"", "e"}},
		{"i", []string{"j\tk"}},
	}
	if len(entries) != len(want) {
		t.Fatalf("got %d entries, want %d: %q", len(entries), len(want), entries)
	}
	for i, e := range entries {
		if e.Key != want[i].Key || strings.Join(e.Values, "|") != strings.Join(want[i].Values, "|") {
			t.Errorf("entry %d = %q, want %q", i, e, want[i])
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a\tb\nno tab here\n", "user.txt:2: missing tab"},
		{"a\tb\n   \n", "user.txt:2: missing tab"},
		{"a\tb\na\tc\n", "user.txt:2: duplicate key \"a\" (first on line 1)"},
		{"\tb\n", "user.txt:1: empty key"},
		{"a\t\xff\n", "user.txt:1: invalid UTF-8"},
	} {
		_, err := Parse(strings.NewReader(tc.in), "user.txt")
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("Parse(%q) error = %v, want %q", tc.in, err, tc.want)
		}
	}
}

// TestGroups checks the group reductions with the example from OpenCC's
// semantics: A = {ab→X}, B = {abc→Y, ab→Z}.
func TestGroups(t *testing.T) {
	a := Dict{"ab": {"X"}}
	b := Dict{"abc": {"Y"}, "ab": {"Z"}}
	match := func(d Dict, s string) string {
		enc, err := Encode(d)
		if err != nil {
			t.Fatal(err)
		}
		tb, err := Decode(enc)
		if err != nil {
			t.Fatal(err)
		}
		n, m, _ := tb.Match([]byte(s))
		if n == 0 {
			return ""
		}
		return string(tb.Value(m)) + s[n:]
	}
	for _, tc := range []struct {
		d       Dict
		in, out string
	}{
		{ShortCircuit(a, b), "abc", "Xc"},
		{Union(a, b), "abc", "Y"},
		{Union(b, a), "ab", "Z"},
		{Union(a, b), "ab", "X"},
		{ShortCircuit(b, a), "abc", "Y"},
		{ShortCircuit(Dict{"x": {"1"}}, b), "abc", "Y"},
	} {
		if got := match(tc.d, tc.in); got != tc.out {
			t.Errorf("%v on %q = %q, want %q", tc.d, tc.in, got, tc.out)
		}
	}
}

func TestBundle(t *testing.T) {
	if got := len(Configs()); got != 16 {
		t.Errorf("%d bundled configs, want 16", got)
	}
	for _, name := range Configs() {
		p, _ := PlanOf(name)
		for _, s := range append(append([]Step{}, p.Normalization...), p.Chain...) {
			for _, tn := range []string{s.Tofu, s.NoTofu} {
				if tn == "" {
					continue
				}
				if _, err := Load(tn); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
		}
	}
}

func TestDecodeCorrupt(t *testing.T) {
	enc, _ := Encode(Dict{"发": {"發"}, "头发": {"頭髮"}})
	for _, n := range []int{0, 3, 20, len(enc) / 2, len(enc) - 4} {
		if _, err := Decode(enc[:n]); err == nil {
			t.Errorf("Decode of %d of %d bytes: no error", n, len(enc))
		}
	}
}
