package convert

import (
	"testing"

	"github.com/tongwen/tongwen/internal/dict"
)

// TestSemantics checks the worked examples of OpenCC's semantics that the
// Debian reference engine cannot confirm (it predates IDS handling and the
// normalization pre-pass) and the documented divergences.
func TestSemantics(t *testing.T) {
	for _, tc := range []struct{ config, in, want, why string }{
		{"s2t", "⿰氵发 发", "⿰氵发 發", "a complete IDS is one unit and is not converted"},
		{"s2t", "⿰氵发展", "⿰氵发展", "the IDS swallows 发, so 发展 never matches"},
		{"s2t", "⿰汉", "⿰漢", "an incomplete IDS: the operator alone is an ordinary character"},
		{"s2t", "⿲木木", "⿲木木", "U+2FF2 takes three operands; incomplete here"},
		{"s2t", "⿲木木发", "⿲木木发", "…and complete here"},
		{"s2t", "⿾发", "⿾发", "U+2FFE takes one operand"},
		{"s2t", "\uF900", "\u8C48", "normalization pre-pass: compatibility ideograph to unified"},
		{"t2s", "\uF900", "岂", "every config normalizes, then converts the unified 豈"},
		{"s2t", "\U0002F800头发", "麗頭髮", "U+2F800 normalizes to 丽 (four bytes to three), then converts"},
		{"s2twp", "U盘和鼠标", "隨身碟和滑鼠", "an unmatched run is one segment; step 2 matches inside it"},
		{"s2twp", "鼠标和软件", "滑鼠和軟體", ""},
		{"s2t", "头\x00发 头发", "頭\x00發 頭髮", "NUL is an ordinary character (OpenCC drops the rest)"},
		{"s2t", "汉\uFE00字", "漢\uFE00字", "a variation selector splits phrases"},
		{"s2t", "", "", "empty in, empty out"},
		{"s2t", "a\r\nb\n", "a\r\nb\n", "CRLF and the final newline are kept"},
	} {
		c, err := New(tc.config)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Convert(tc.in); got != tc.want {
			t.Errorf("%s(%q) = %q, want %q: %s", tc.config, tc.in, got, tc.want, tc.why)
		}
	}
}

// TestTofuRisk: WithoutTofuRisk drops TSCharactersExt from the t2s family
// (OpenCC's command-line default); by default it is included (OpenCC's
// library default and how its test vectors run).
func TestTofuRisk(t *testing.T) {
	with, _ := New("t2s")
	without, _ := New("t2s", WithoutTofuRisk())
	// 㑮 is listed in TSCharacters as "㑮 𫝈": itself first, the rare
	// form second; TSCharactersExt maps it to the rare form.
	if got := with.Convert("㑮"); got != "𫝈" {
		t.Errorf("t2s with tofu-risk dictionaries: %q, want 𫝈", got)
	}
	if got := without.Convert("㑮"); got != "㑮" {
		t.Errorf("t2s without tofu-risk dictionaries: %q, want 㑮", got)
	}
}

// TestOverlongAfterKeyStart: an overlong encoding of an ASCII letter after
// a character that starts a key "中A" must not be read as that letter (it
// is three bytes of invalid UTF-8, passed through, and no key matches).
func TestOverlongAfterKeyStart(t *testing.T) {
	enc, err := dict.Encode(dict.Dict{"中A": {"X"}, "中": {"Z"}})
	if err != nil {
		t.Fatal(err)
	}
	tb, err := dict.Decode(enc)
	if err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{
		"中A中A":                    "XX",
		"中\xe0\x81\x81中A-padding": "Z\xe0\x81\x81X-padding", // E0 81 81 is an overlong 'A'
		"中\xe0\x81\x81":           "Z\xe0\x81\x81",
	} {
		got, n, _ := walk(nil, []byte(in), tb, true, noLimit, nil)
		if string(got) != want || n != len(in) {
			t.Errorf("walk(%q) = %q (%d bytes), want %q", in, got, n, want)
		}
	}
}

// TestMalformedNeverLosesBytes: every config on text where malformed
// sequences follow characters that start phrases keeps every invalid byte.
func TestMalformedNeverLosesBytes(t *testing.T) {
	in := []byte("头\xe0\x81\x81发 鼠标\xe0\x81\x81软件 U\xe0\x81\x81盘 头\xc0\xaf发 台\xed\xa0\x80湾")
	for _, cfg := range Configs() {
		c, _ := New(cfg)
		if got, want := invalidBytes(c.Append(nil, in)), invalidBytes(in); got != want {
			t.Errorf("%s: %d invalid bytes out, %d in", cfg, got, want)
		}
	}
}
