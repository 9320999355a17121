package convert

import (
	"os"
	"strconv"
	"testing"
)

// TestCachegrindWorkload converts the golden Simplified input N times
// (TONGWEN_CG_N, CONFIG TONGWEN_CG_CONFIG): a fixed workload for
// instruction and cache-miss counts under valgrind, which are repeatable
// where timings on a shared machine are not. Without TONGWEN_CG_N it does
// one conversion.
func TestCachegrindWorkload(t *testing.T) {
	n, _ := strconv.Atoi(os.Getenv("TONGWEN_CG_N"))
	cfg := os.Getenv("TONGWEN_CG_CONFIG")
	if cfg == "" {
		cfg = "s2t"
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	in := readGolden(t, goldenInput(cfg))
	dst := c.Append(nil, in)
	for range n {
		dst = c.Append(dst[:0], in)
	}
}
