package convert

import (
	"encoding/json"
	"os"
	"sort"
	"testing"
)

// TestOpenCCVectors runs OpenCC's own test vectors (testdata/opencc,
// copied from OpenCC with the dictionaries), with tofu-risk dictionaries
// included as upstream runs them.
func TestOpenCCVectors(t *testing.T) {
	data, err := os.ReadFile("../testdata/opencc/testcases.strict.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []struct {
			ID       string            `json:"id"`
			Input    string            `json:"input"`
			Expected map[string]string `json:"expected"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		t.Fatal(err)
	}
	converters := map[string]*Converter{}
	checks, failed := 0, 0
	for _, tc := range file.Cases {
		configs := make([]string, 0, len(tc.Expected))
		for cfg := range tc.Expected {
			configs = append(configs, cfg)
		}
		sort.Strings(configs)
		for _, cfg := range configs {
			c := converters[cfg]
			if c == nil {
				if c, err = New(cfg); err != nil {
					t.Fatal(err)
				}
				converters[cfg] = c
			}
			checks++
			if got := c.Convert(tc.Input); got != tc.Expected[cfg] {
				failed++
				t.Errorf("%s %s(%q) = %q, want %q", tc.ID, cfg, tc.Input, got, tc.Expected[cfg])
			}
		}
	}
	if checks != 543 {
		t.Errorf("ran %d checks, want the 543 of OpenCC's test vectors", checks)
	}
	t.Logf("%d/%d OpenCC test vector checks pass", checks-failed, checks)
}
