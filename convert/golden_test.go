package convert

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// goldenInput names the input each config's golden output was made from by
// testdata/golden/regen.sh.
func goldenInput(config string) string {
	switch {
	case strings.HasPrefix(config, "s2") || config == "jp2t":
		return "hans.txt"
	case strings.HasPrefix(config, "hk2"):
		return "hant-hk.txt"
	}
	return "hant-tw.txt"
}

func readGolden(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "golden", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGolden requires byte-identical output to the OpenCC reference engine
// on about 300 KB of real text for every config.
func TestGolden(t *testing.T) {
	for _, cfg := range Configs() {
		t.Run(cfg, func(t *testing.T) {
			c, err := New(cfg)
			if err != nil {
				t.Fatal(err)
			}
			in, want := readGolden(t, goldenInput(cfg)), readGolden(t, cfg+".txt")
			got := c.Append(nil, in)
			if !bytes.Equal(got, want) {
				reportLineDiffs(t, in, got, want)
			}
		})
	}
}

// reportLineDiffs reports the first differing lines of two conversions.
func reportLineDiffs(t *testing.T, in, got, want []byte) {
	t.Helper()
	inL, gotL, wantL := bytes.Split(in, []byte("\n")), bytes.Split(got, []byte("\n")), bytes.Split(want, []byte("\n"))
	if len(gotL) != len(wantL) {
		t.Errorf("output has %d lines, want %d", len(gotL), len(wantL))
		return
	}
	n := 0
	for i := range gotL {
		if !bytes.Equal(gotL[i], wantL[i]) {
			n++
			if n <= 10 {
				t.Errorf("line %d:\n in:   %s\n got:  %s\n want: %s", i+1, inL[i], gotL[i], wantL[i])
			}
		}
	}
	t.Errorf("%d of %d lines differ", n, len(gotL))
}
