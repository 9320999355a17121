package convert

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"testing/iotest"

	"github.com/tongwen/tongwen/internal/dict"
	"golang.org/x/text/transform"
)

// dictionaryKeys returns the keys of the bundled text dictionaries, the
// material phrases are made of.
func dictionaryKeys(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "internal", "dict", "data", "dictionary", "*.txt"))
	var keys []string
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		entries, err := dict.Parse(f, name)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			keys = append(keys, e.Key)
		}
	}
	return keys
}

// phraseSoup builds n bytes (about) of dictionary keys, prefixes of keys
// and a little punctuation, IDS and invalid UTF-8, so that phrases start,
// overlap and straddle every cut.
func phraseSoup(rng *rand.Rand, keys []string, n int) []byte {
	extras := []string{"，", "\n", " ", "a", "⿰", "⿱氵", "\xff", "\xe4\xb8", "\U0002F800", "\uF900", "·"}
	var b []byte
	for len(b) < n {
		switch k := keys[rng.IntN(len(keys))]; rng.IntN(10) {
		case 0:
			b = append(b, extras[rng.IntN(len(extras))]...)
		case 1, 2:
			rs := []rune(k)
			b = append(b, string(rs[:1+rng.IntN(len(rs))])...) // a prefix: a phrase that may go on
		default:
			b = append(b, k...)
		}
	}
	return b
}

// TestChunkIndependenceShort: for every config, short random strings of
// dictionary material converted through Transform with every split point
// and tiny destination buffers give Convert's bytes.
func TestChunkIndependenceShort(t *testing.T) {
	keys := dictionaryKeys(t)
	rng := rand.New(rand.NewPCG(7, 11))
	rounds := 12
	if testing.Short() {
		rounds = 3
	}
	for _, cfg := range Configs() {
		c, _ := New(cfg)
		for range rounds {
			in := phraseSoup(rng, keys, 24+rng.IntN(40))
			want := c.Append(nil, in)
			for cut := 0; cut <= len(in); cut++ {
				got := transformChunked(t, c, in, []int{cut, len(in)}, 3+rng.IntN(8))
				if !bytes.Equal(got, want) {
					t.Fatalf("%s %q cut at %d: got %q, want %q", cfg, in, cut, got, want)
				}
			}
		}
	}
}

// TestChunkIndependenceLong: longer random strings through
// transform.Reader (x/text's 4 KiB buffers) over readers that return
// random amounts, through transform.Writer fed random chunk sizes 1..4096,
// and through Transform directly with random chunks and small buffers.
func TestChunkIndependenceLong(t *testing.T) {
	keys := dictionaryKeys(t)
	rng := rand.New(rand.NewPCG(3, 5))
	size := 64 << 10
	if testing.Short() {
		size = 8 << 10
	}
	for _, cfg := range Configs() {
		c, _ := New(cfg)
		in := phraseSoup(rng, keys, size)
		want := c.Append(nil, in)

		got, err := io.ReadAll(transform.NewReader(iotest.HalfReader(bytes.NewReader(in)), c))
		if err != nil || !bytes.Equal(got, want) {
			t.Fatalf("%s: transform.Reader: %v, equal %v", cfg, err, bytes.Equal(got, want))
		}

		var buf bytes.Buffer
		w := transform.NewWriter(&buf, c)
		for rest := in; len(rest) > 0; {
			n := min(len(rest), 1+rng.IntN(4096))
			if _, err := w.Write(rest[:n]); err != nil {
				t.Fatal(err)
			}
			rest = rest[n:]
		}
		if err := w.Close(); err != nil || !bytes.Equal(buf.Bytes(), want) {
			t.Fatalf("%s: transform.Writer: %v, equal %v", cfg, err, bytes.Equal(buf.Bytes(), want))
		}

		sizes := make([]int, 32)
		for i := range sizes {
			sizes[i] = 1 + rng.IntN(4096)
		}
		if got := transformChunked(t, c, in, sizes, 256+rng.IntN(1024)); !bytes.Equal(got, want) {
			t.Fatalf("%s: Transform with random chunks differs", cfg)
		}
	}
}
