package convert

import (
	"bytes"
	"io"
	"math/rand/v2"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/text/transform"
)

// TestStreamGolden converts the golden inputs through transform.Reader fed
// one byte at a time, and through transform.Writer fed random chunk sizes,
// and requires Convert's bytes.
func TestStreamGolden(t *testing.T) {
	for _, cfg := range Configs() {
		t.Run(cfg, func(t *testing.T) {
			c, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			in := readGolden(t, goldenInput(cfg))
			if testing.Short() {
				in = in[:bytes.LastIndexByte(in[:32<<10], '\n')+1]
			}
			want := c.Append(nil, in)

			got, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(bytes.NewReader(in)), c))
			if err != nil {
				t.Fatalf("reader: %v", err)
			}
			if !bytes.Equal(got, want) {
				reportLineDiffs(t, in, got, want)
			}

			var buf bytes.Buffer
			w := transform.NewWriter(&buf, c)
			rng := rand.New(rand.NewPCG(1, uint64(len(cfg))))
			for rest := in; len(rest) > 0; {
				n := min(len(rest), 1+rng.IntN(4096))
				if _, err := w.Write(rest[:n]); err != nil {
					t.Fatalf("writer: %v", err)
				}
				rest = rest[n:]
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				reportLineDiffs(t, in, buf.Bytes(), want)
			}

			// Direct Transform calls with random chunks and a tiny dst. Each
			// call may look at all pending input for at most 7 bytes of
			// output, so a few KB are enough (and keep -race runs short).
			head := in[:bytes.LastIndexByte(in[:min(len(in), 4<<10)], '\n')+1]
			sizes := []int{1, 7, 4096, 3, 1000, 64, 2}
			if got, want := transformChunked(t, c, head, sizes, 7), c.Append(nil, head); !bytes.Equal(got, want) {
				reportLineDiffs(t, head, got, want)
			}
		})
	}
}

// transformChunked drives Transform directly: src arrives in pieces of the
// given sizes (cycled) and dst has room for dstSize bytes per call.
func transformChunked(t testing.TB, tr transform.Transformer, in []byte, sizes []int, dstSize int) []byte {
	t.Helper()
	var out []byte
	dst := make([]byte, dstSize)
	var pending []byte
	pos, k := 0, 0
	for {
		atEOF := pos == len(in)
		if !atEOF {
			n := min(sizes[k%len(sizes)], len(in)-pos)
			k++
			pending = append(pending, in[pos:pos+n]...)
			pos += n
			atEOF = pos == len(in)
		}
		for stalled := 0; ; {
			nDst, nSrc, err := tr.Transform(dst, pending, atEOF)
			out = append(out, dst[:nDst]...)
			pending = pending[nSrc:]
			switch err {
			case nil:
				if len(pending) != 0 {
					t.Fatalf("nil error with %d bytes left", len(pending))
				}
			case transform.ErrShortDst:
				if nDst == 0 && nSrc == 0 {
					stalled++
					if stalled > 1 {
						if len(dst) > 1<<16 {
							t.Fatalf("no progress with a %d-byte dst", len(dst))
						}
						dst = make([]byte, 2*len(dst)) // a unit wider than dst
					}
				}
				continue
			case transform.ErrShortSrc:
				if atEOF {
					t.Fatal("ErrShortSrc at EOF")
				}
			default:
				t.Fatal(err)
			}
			break
		}
		if atEOF && len(pending) == 0 {
			return out
		}
	}
}

// TestTransformSplits cuts short texts at every split point and with tiny
// destination buffers: the output must never depend on the chunking.
func TestTransformSplits(t *testing.T) {
	texts := []string{
		"鼠标和软件",
		"U盘和鼠标，头发干了。",
		"我们在香港的维多利亚港看烟花",
		"⿰氵发 发 ⿰氵发展 ⿰汉",
		"豈有此理\U0002F800头发",
		"abc\xff\xfe中国\x00ab\xc3",
		"一只忧郁的台湾乌龟 爱立信 金色的头发",
	}
	for _, cfg := range Configs() {
		c, _ := New(cfg)
		for _, s := range texts {
			want := c.Convert(s)
			for cut := 0; cut <= len(s); cut++ {
				got := transformChunked(t, c, []byte(s), []int{cut, len(s)}, 64)
				if string(got) != want {
					t.Errorf("%s %q cut at %d: got %q, want %q", cfg, s, cut, got, want)
				}
			}
			for _, d := range []int{1, 2, 3, 4, 7} {
				if got := transformChunked(t, c, []byte(s), []int{1, 2, 3}, d); string(got) != want {
					t.Errorf("%s %q dst %d: got %q, want %q", cfg, s, d, got, want)
				}
			}
		}
	}
}

// TestCopy streams the golden inputs through Copy from a reader that
// returns one byte at a time and from a whole-buffer reader.
func TestCopy(t *testing.T) {
	for _, cfg := range []string{"s2t", "s2twp", "tw2sp", "hk2s", "t2jp"} {
		c, _ := New(cfg)
		in := readGolden(t, goldenInput(cfg))
		want := c.Append(nil, in)
		for name, r := range map[string]io.Reader{
			"whole":    bytes.NewReader(in),
			"one-byte": iotest.OneByteReader(bytes.NewReader(in[:64<<10])),
			"half":     iotest.HalfReader(bytes.NewReader(in)),
		} {
			var buf bytes.Buffer
			n, err := c.Copy(&buf, r)
			if err != nil {
				t.Fatalf("%s %s: %v", cfg, name, err)
			}
			w := want
			if name == "one-byte" {
				w = c.Append(nil, in[:64<<10])
			}
			if n != int64(buf.Len()) || !bytes.Equal(buf.Bytes(), w) {
				t.Errorf("%s %s: output differs from Append (%d bytes, want %d)", cfg, name, buf.Len(), len(w))
			}
		}
	}
}

// TestCopyParallel converts input large enough to be split into pieces
// converted in parallel, including lines that an IDS crosses.
func TestCopyParallel(t *testing.T) {
	base := readGolden(t, "hans.txt")
	var in []byte
	for k := range 12 {
		in = append(in, base...)
		if k%3 == 0 {
			in = append(in, "⿰\n发⿱头\n发\n"...) // an IDS swallows these line feeds
		}
	}
	for _, cfg := range []string{"s2t", "s2twp"} {
		c, _ := New(cfg)
		want := c.Append(nil, in)
		var buf bytes.Buffer
		if _, err := c.Copy(&buf, bytes.NewReader(in)); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s: parallel Copy differs from Append", cfg)
		}
	}
	s := []byte(strings.Repeat("中", 100) + "⿰\n" + strings.Repeat("文", 90) + "\nabc\n")
	if got, want := hardBoundary(s, 0), bytes.LastIndex(s, []byte("\nabc"))+1; got != want {
		t.Errorf("hardBoundary = %d, want %d (after the line feed no IDS can reach)", got, want)
	}
}

// TestCopyUserKeyWithLineFeed: a user key spanning a line feed must not be
// cut by Copy's parallel split.
func TestCopyUserKeyWithLineFeed(t *testing.T) {
	c, err := New("s2t", WithPhrases(map[string]string{"头\n发": "[头发]"}))
	if err != nil {
		t.Fatal(err)
	}
	// The key's line feeds are the only ones, so a split at a line feed
	// would cut a key.
	base := bytes.ReplaceAll(readGolden(t, "hans.txt"), []byte("\n"), []byte(" "))
	var in []byte
	for range 8 {
		in = append(in, base...)
		in = append(in, "头\n发"...)
	}
	want := c.Append(nil, in)
	if bytes.Count(want, []byte("[头发]")) != 8 {
		t.Fatalf("Append matched the key %d times, want 8", bytes.Count(want, []byte("[头发]")))
	}
	var buf bytes.Buffer
	if _, err := c.Copy(&buf, bytes.NewReader(in)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("Copy differs from Append with a user key containing a line feed")
	}
}

// TestInvalidUTF8PassesThrough: bytes that are not UTF-8 come out as they
// went in, where OpenCC would stop with an error, and text around them
// still converts.
func TestInvalidUTF8PassesThrough(t *testing.T) {
	c, _ := New("s2t")
	for in, want := range map[string]string{
		"\xff\xfe中国\x00ab\xc3": "\xff\xfe中國\x00ab\xc3",
		"\xe4\xb8":             "\xe4\xb8",     // truncated character
		"\xed\xa0\x80":         "\xed\xa0\x80", // surrogate
		"\xc0\xaf发":            "\xc0\xaf發",    // overlong
		"头\x80发":               "頭\x80發",       // a stray byte splits the phrase 头发
		"\xf0\x9f\x98":         "\xf0\x9f\x98",
	} {
		if got := c.Convert(in); got != want {
			t.Errorf("s2t(%q) = %q, want %q", in, got, want)
		}
	}
	garbage := "\xff\xfe\x80\xbf\xc0\xc1\xf5\xf8\xfc\xe4\xb8 \xed\xa0\x80\xf0\x9f\x98"
	for _, cfg := range Configs() {
		c, _ := New(cfg)
		if got := c.Convert(garbage); got != garbage {
			t.Errorf("%s changed invalid bytes: %q", cfg, got)
		}
	}
}
