package convert

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzConvert checks on any input, for segmented and unsegmented configs
// and one with user entries: no panic; streaming through Transform with
// small chunks and a small dst gives Convert's bytes; every byte that is
// not UTF-8 survives; Segments covers input and output exactly.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{"鼠标和软件", "U盘和鼠标，头发干了。", "⿰氵发 发 ⿰氵发展 ⿰汉", "豈有此理\U0002F800头发", "\xff\xfe中国\x00ab\xc3", "⿲⿱⿰"} {
		f.Add([]byte(s), uint8(3))
	}
	for _, name := range []string{"hans.txt", "hant-tw.txt"} {
		in := readGolden(f, name)
		for i := 0; i+300 < len(in) && i < 6000; i += 1500 {
			f.Add(in[i:i+300], uint8(i))
		}
	}
	convs := []*Converter{}
	for _, cfg := range []string{"s2twp", "t2s", "tw2sp"} {
		c, _ := New(cfg)
		convs = append(convs, c)
	}
	withUser, _ := New("s2hk", WithPhrases(map[string]string{"头": "首", "发型": "X", "香港": "HK", "a⿰": "Y"}))
	convs = append(convs, withUser)
	f.Fuzz(func(t *testing.T, in []byte, chunk uint8) {
		for _, c := range convs {
			want := c.Append(nil, in)
			got := transformChunked(t, c, in, []int{int(chunk%17) + 1, int(chunk%5) + 1}, int(chunk%9)+4)
			if !bytes.Equal(got, want) {
				t.Fatalf("%s: streamed %q, Convert %q", c.Name(), got, want)
			}
			if invalidBytes(want) < invalidBytes(in) {
				t.Fatalf("%s: invalid bytes lost: %q -> %q", c.Name(), in, want)
			}
			checkSegments(t, c, string(in))
		}
	})
}

// invalidBytes counts bytes of s that are not part of valid UTF-8.
func invalidBytes(s []byte) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		s = s[size:]
	}
	return n
}
