package convert

import (
	"errors"
	"strings"
	"testing"

	"github.com/tongwen/tongwen/internal/dict"
)

func TestWithPhrases(t *testing.T) {
	for _, tc := range []struct {
		config  string
		phrases map[string]string
		in      string
		want    string
	}{
		// Without the entry 恒 becomes 恆; a name keeps it.
		{"s2t", map[string]string{"魏恒": "魏恒"}, "魏恒说头发", "魏恒說頭髮"},
		// A user value is final: s2twp's second step does not see it.
		{"s2twp", map[string]string{"鼠标": "鼠標"}, "鼠标和软件", "鼠標和軟體"},
		// User entries win over a longer bundled phrase at the same place…
		{"s2t", map[string]string{"头": "首"}, "头发", "首發"},
		// …and wherever they start, even inside one.
		{"s2t", map[string]string{"发型": "X"}, "头发型", "頭X"},
		// Segmented configs keep OpenCC's behaviour around user matches.
		{"tw2sp", map[string]string{"程式": "程式"}, "這個程式的軟體", "这个程式的软件"},
		{"s2hk", map[string]string{"香港": "HK"}, "我们在香港的维多利亚港", "我們在HK的維多利亞港"},
		// Deleting text is allowed: OpenCC's format maps "k\t" to "".
		{"t2s", map[string]string{"⿰": ""}, "a⿰b", "ab"},
	} {
		c, err := New(tc.config, WithPhrases(tc.phrases))
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Convert(tc.in); got != tc.want {
			t.Errorf("%s %v (%q) = %q, want %q", tc.config, tc.phrases, tc.in, got, tc.want)
		}
		// Streaming gives the same bytes.
		if got := transformChunked(t, c, []byte(tc.in), []int{1, 2}, 5); string(got) != tc.want {
			t.Errorf("%s %v streamed (%q) = %q, want %q", tc.config, tc.phrases, tc.in, got, tc.want)
		}
	}
}

func TestWithDictionary(t *testing.T) {
	file := "# my names\n魏恒\t魏恒\n香港\t香港 HK\n"
	c, err := New("s2hk", WithDictionary("names.txt", strings.NewReader(file)), WithPhrases(map[string]string{"香港": "港"}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Convert("魏恒在香港"), "魏恒在港"; got != want {
		t.Errorf("got %q, want %q (WithPhrases, given later, overrides the file)", got, want)
	}
	_, err = New("s2t", WithDictionary("user.txt", strings.NewReader("a\tb\n\nno tab\n")))
	var se *dict.SyntaxError
	if !errors.As(err, &se) || err.Error() != "user.txt:3: missing tab between key and value" {
		t.Errorf("error = %v, want user.txt:3: missing tab…", err)
	}
	if _, err := New("s2t", WithPhrases(map[string]string{"": "x"})); err == nil {
		t.Error("empty key accepted")
	}
	if _, err := New("s2t", WithPhrases(map[string]string{"\xff": "x"})); err == nil {
		t.Error("invalid UTF-8 key accepted")
	}
}

// TestUserGolden: with user entries that never occur, output is exactly
// OpenCC's on the golden inputs (the user layer changes nothing else).
func TestUserGolden(t *testing.T) {
	for _, cfg := range []string{"s2t", "s2twp", "tw2sp", "hk2s", "t2jp"} {
		c, err := New(cfg, WithPhrases(map[string]string{"不会出现的词語": "x"}))
		if err != nil {
			t.Fatal(err)
		}
		in, want := readGolden(t, goldenInput(cfg)), readGolden(t, cfg+".txt")
		if got := c.Append(nil, in); string(got) != string(want) {
			reportLineDiffs(t, in, got, want)
		}
	}
}
