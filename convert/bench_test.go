package convert

import "testing"

// BenchmarkConvert converts the golden inputs (real corpus text) with a
// reused buffer; MB/s is input bytes. The bench module compares the same
// work with other converters and with a bare decoding loop.
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
