package convert

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// TestReference runs the whole shared development corpus through the
// OpenCC reference engine and tongwen for every config and reports the
// lines that differ. It needs the shared corpus and the reference tool
// beside the repository, so it runs only when asked:
//
//	TONGWEN_REFERENCE=1 go test ./convert -run Reference -timeout 60m
//
// TONGWEN_SHARED overrides the location of the shared folder (default
// ../../shared relative to this package).
func TestReference(t *testing.T) {
	if os.Getenv("TONGWEN_REFERENCE") == "" {
		t.Skip("opt-in: set TONGWEN_REFERENCE=1 (needs the shared corpus and opencc-ref, not installed by default)")
	}
	shared := os.Getenv("TONGWEN_SHARED")
	if shared == "" {
		shared = filepath.Join("..", "..", "shared")
	}
	ref := filepath.Join(shared, "tools", "opencc-ref")
	files, _ := filepath.Glob(filepath.Join(shared, "corpus", "*.txt"))
	if len(files) == 0 {
		t.Fatalf("no corpus under %s", shared)
	}
	var corpus []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		corpus = append(corpus, b...)
		if len(b) > 0 && b[len(b)-1] != '\n' {
			corpus = append(corpus, '\n')
		}
	}
	lines := bytes.Count(corpus, []byte("\n"))
	t.Logf("corpus: %d files, %d bytes, %d lines", len(files), len(corpus), lines)
	type run struct {
		cfg  string
		tofu bool
	}
	var runs []run
	for _, cfg := range Configs() {
		runs = append(runs, run{cfg, true})
	}
	// Leaving out tofu-risk dictionaries (OpenCC's CLI default) changes the
	// t2s family.
	for _, cfg := range []string{"t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"} {
		runs = append(runs, run{cfg, false})
	}
	for _, rn := range runs {
		cfg := rn.cfg
		args := []string{cfg}
		var opts []Option
		if !rn.tofu {
			args = []string{"--exclude-tofu-risk", cfg}
			opts = append(opts, WithoutTofuRisk())
			cfg += " (no tofu)"
		}
		cmd := exec.Command(ref, args...)
		cmd.Stdin = bytes.NewReader(corpus)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		want, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: opencc-ref: %v: %s", cfg, err, stderr.String())
		}
		c, _ := New(rn.cfg, opts...)
		got := c.Append(nil, corpus)
		in := strings.Split(string(corpus), "\n")
		g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		if len(g) != len(w) {
			t.Errorf("%s: %d output lines, reference %d", cfg, len(g), len(w))
			continue
		}
		diff := 0
		for i := range g {
			if g[i] != w[i] {
				diff++
				if diff <= 5 {
					t.Errorf("%s line %d:\n in:  %s\n got: %s\n ref: %s", cfg, i+1, in[i], g[i], w[i])
				}
			}
		}
		t.Logf("%-16s %d of %d lines differ from the reference", cfg, diff, len(g))
		if diff > 0 {
			t.Errorf("%s: %d differing lines", cfg, diff)
		}
	}
}

// TestConcurrent shares converters between goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	in := readGolden(t, "hans.txt")[:16<<10]
	in = in[:bytes.LastIndexByte(in, '\n')+1]
	for _, cfg := range []string{"s2twp", "s2t", "tw2sp"} {
		c, _ := New(cfg)
		want := c.Append(nil, in)
		var wg sync.WaitGroup
		for g := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var got []byte
				if g%2 == 0 {
					got = c.Append(nil, in)
				} else {
					got = transformChunked(t, c, in, []int{g*97 + 1}, 512)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s: goroutine %d got different output", cfg, g)
				}
			}()
		}
		wg.Wait()
	}
}
