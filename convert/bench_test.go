package convert

import (
	"testing"
	"unicode/utf8"
)

// BenchmarkConvert converts the golden inputs (real corpus text) with a
// reused buffer; MB/s is input bytes.
func BenchmarkConvert(b *testing.B) {
	for _, cfg := range []string{"s2t", "s2tw", "s2twp", "t2s", "tw2sp", "s2hk", "t2tw", "jp2t"} {
		b.Run(cfg, func(b *testing.B) {
			c, err := New(cfg)
			if err != nil {
				b.Fatal(err)
			}
			in := readGolden(b, goldenInput(cfg))
			dst := c.Append(nil, in)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				dst = c.Append(dst[:0], in)
			}
		})
	}
}

// BenchmarkDecodeFloor is the floor the issue compares against: a bare
// rune-by-rune utf8.DecodeRune + append copy of the same input.
func BenchmarkDecodeFloor(b *testing.B) {
	in := readGolden(b, "hans.txt")
	dst := make([]byte, 0, len(in))
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		dst = dst[:0]
		for i := 0; i < len(in); {
			r, n := utf8.DecodeRune(in[i:])
			dst = utf8.AppendRune(dst, r)
			i += n
		}
	}
}
