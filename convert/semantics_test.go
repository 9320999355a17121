package convert

import "testing"

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
