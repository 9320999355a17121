package bench

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/liuzl/gocc"
	longbridge "github.com/longbridgeapp/opencc"
	"github.com/tongwen/tongwen/convert"
	"golang.org/x/text/transform"
)

// inputs are the committed golden inputs: about 300 KB of real corpus text
// per script (see ../testdata/golden/regen.sh).
var inputs = map[string]string{
	"s2t": "hans.txt", "s2twp": "hans.txt", "s2tw": "hans.txt", "s2hk": "hans.txt",
	"t2s": "hant-tw.txt", "tw2sp": "hant-tw.txt", "tw2s": "hant-tw.txt",
}

func input(tb testing.TB, config string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "golden", inputs[config]))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

var benchConfigs = []string{"s2t", "s2twp", "t2s", "tw2sp"}

func BenchmarkConvert(b *testing.B) {
	for _, cfg := range benchConfigs {
		in := input(b, cfg)
		b.Run(cfg+"/tongwen", func(b *testing.B) {
			c, err := convert.New(cfg)
			if err != nil {
				b.Fatal(err)
			}
			dst := c.Append(nil, in)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				dst = c.Append(dst[:0], in)
			}
		})
		b.Run(cfg+"/tongwen-string", func(b *testing.B) {
			c, _ := convert.New(cfg)
			s := string(in)
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				_ = c.Convert(s)
			}
		})
		b.Run(cfg+"/tongwen-reader", func(b *testing.B) {
			c, _ := convert.New(cfg)
			var out bytes.Buffer
			b.SetBytes(int64(len(in)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				out.Reset()
				out.ReadFrom(transform.NewReader(bytes.NewReader(in), c))
			}
		})
		lb, err := longbridge.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(cfg+"/longbridgeapp-opencc", benchPeer(in, lb.Convert))
		gc, err := gocc.New(cfg)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(cfg+"/liuzl-gocc", benchPeer(in, gc.Convert))
	}
}

// benchPeer times a peer's string-to-string conversion of in.
func benchPeer(in []byte, convert func(string) (string, error)) func(*testing.B) {
	return func(b *testing.B) {
		s := string(in)
		b.SetBytes(int64(len(in)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := convert(s); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkDecodeFloor is a bare rune-by-rune utf8.DecodeRune + append copy
// of the Simplified input: what merely reading and writing the text costs.
func BenchmarkDecodeFloor(b *testing.B) {
	in := input(b, "s2t")
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

// BenchmarkNew is the cost of a converter on a warm process.
func BenchmarkNew(b *testing.B) {
	convert.New("s2twp") // load the tables once
	b.ReportAllocs()
	for b.Loop() {
		if _, err := convert.New("s2twp"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestExactness compares each converter's output with the OpenCC
// reference engine's (../testdata/golden/CONFIG.txt) line by line. tongwen
// must match every line; the peers' counts are reported for BENCHMARKS.md.
func TestExactness(t *testing.T) {
	for _, cfg := range []string{"s2t", "s2tw", "s2twp", "s2hk", "t2s", "tw2s", "tw2sp"} {
		in := input(t, cfg)
		want, err := os.ReadFile(filepath.Join("..", "testdata", "golden", cfg+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		tw, _ := convert.New(cfg)
		lb, err := longbridge.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		gc, err := gocc.New(cfg)
		if err != nil {
			t.Fatal(err)
		}
		wantLines := strings.Split(string(want), "\n")
		inLines := strings.Split(string(in), "\n")
		var diffTW, diffLB, diffGC int
		for i, line := range inLines {
			if tw.Convert(line) != wantLines[i] {
				diffTW++
			}
			if out, _ := lb.Convert(line); out != wantLines[i] {
				diffLB++
			}
			if out, _ := gc.Convert(line); out != wantLines[i] {
				diffGC++
			}
		}
		t.Logf("%-6s lines differing from OpenCC of %d: tongwen %d, longbridgeapp/opencc %d, liuzl/gocc %d",
			cfg, len(inLines), diffTW, diffLB, diffGC)
		if diffTW != 0 {
			t.Errorf("%s: tongwen differs from OpenCC on %d lines", cfg, diffTW)
		}
	}
}
