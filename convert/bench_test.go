package convert

import (
	"bytes"
	"strconv"
	"testing"
)

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

// BenchmarkScaling shows that time is linear in input size whatever the
// input: ns/byte stays flat from 1 MiB to 64 MiB for text built to defeat
// the matcher (every position prefix-matches long keys that never
// complete) and for real text as one single line.
//
//	go test -run '^$' -bench Scaling -benchtime 3x ./convert
func BenchmarkScaling(b *testing.B) {
	keys := dictionaryKeys(b)
	// Prefixes (all but the last rune) of the longest keys: each position
	// walks deep into the trie and fails.
	var prefixes []byte
	for _, k := range keys {
		if rs := []rune(k); len(rs) >= 6 {
			prefixes = append(prefixes, string(rs[:len(rs)-1])...)
		}
	}
	line := bytes.ReplaceAll(readGolden(b, "hans.txt"), []byte("\n"), nil)
	for _, input := range []struct {
		name string
		unit []byte
	}{{"prefixes", prefixes}, {"one-line", line}} {
		for _, cfg := range Configs() {
			c, _ := New(cfg)
			for _, mb := range []int{1, 8, 64} {
				in := bytes.Repeat(input.unit, (mb<<20)/len(input.unit)+1)[:mb<<20]
				b.Run(input.name+"/"+cfg+"/"+strconv.Itoa(mb)+"MiB", func(b *testing.B) {
					dst := make([]byte, 0, len(in)*2)
					b.SetBytes(int64(len(in)))
					b.ResetTimer()
					for b.Loop() {
						dst = c.Append(dst[:0], in)
					}
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(in)), "ns/byte")
				})
			}
		}
	}
}
