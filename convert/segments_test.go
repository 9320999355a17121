package convert

import (
	"reflect"
	"strings"
	"testing"
)

// checkSegments verifies the invariants of Segments on s: contiguous spans
// covering input and output, Sources and first Targets concatenating to s
// and Convert(s).
func checkSegments(t *testing.T, c *Converter, s string) []Segment {
	t.Helper()
	segs := c.Segments(s)
	want := c.Convert(s)
	var src, dst strings.Builder
	in, out := 0, 0
	for _, sg := range segs {
		if sg.In.Start != in || sg.Out.Start != out || sg.In.End < sg.In.Start || len(sg.Targets) == 0 {
			t.Fatalf("%s(%q): segment %+v not contiguous (in %d, out %d)", c.Name(), s, sg, in, out)
		}
		if s[sg.In.Start:sg.In.End] != sg.Source {
			t.Fatalf("%s(%q): Source %q != input span %v", c.Name(), s, sg.Source, sg.In)
		}
		if want[sg.Out.Start:sg.Out.End] != sg.Targets[0] {
			t.Fatalf("%s(%q): Targets[0] %q != output span %v of %q", c.Name(), s, sg.Targets[0], sg.Out, want)
		}
		src.WriteString(sg.Source)
		dst.WriteString(sg.Targets[0])
		in, out = sg.In.End, sg.Out.End
	}
	if src.String() != s || dst.String() != want {
		t.Fatalf("%s(%q): segments give %q -> %q, want %q", c.Name(), s, src.String(), dst.String(), want)
	}
	return segs
}

func TestSegments(t *testing.T) {
	s2t, _ := New("s2t")
	segs := checkSegments(t, s2t, "头发和发展")
	got := []string{}
	for _, sg := range segs {
		got = append(got, sg.Source+"="+strings.Join(sg.Targets, "|"))
	}
	// 头发 is one phrase; 和 passes; 发展 is a phrase.
	if want := []string{"头发=頭髮", "和=和", "发展=發展"}; !reflect.DeepEqual(got, want) {
		t.Errorf("segments %q, want %q", got, want)
	}
	// A single character with several targets offers them all.
	segs = checkSegments(t, s2t, "发")
	if want := []string{"發", "髮"}; !reflect.DeepEqual(segs[0].Targets, want) {
		t.Errorf("发: targets %q, want %q", segs[0].Targets, want)
	}

	// Multi-character replacement that changes byte length: U盘 (4 bytes)
	// becomes 隨身碟 (9 bytes) in s2twp's second step, and 鼠标 滑鼠.
	s2twp, _ := New("s2twp")
	segs = checkSegments(t, s2twp, "U盘和鼠标")
	if segs[0].Source != "U盘" || segs[0].Targets[0] != "隨身碟" || segs[0].In != (Span{0, 4}) || segs[0].Out != (Span{0, 9}) {
		t.Errorf("first segment %+v, want U盘 -> 隨身碟 [0,4) -> [0,9)", segs[0])
	}
	// A compatibility ideograph (4 bytes) normalizes to 丽 (3) and converts.
	segs = checkSegments(t, s2t, "\U0002F800头")
	if segs[0].In != (Span{0, 4}) || segs[0].Targets[0] != "麗" || segs[0].Out != (Span{0, 3}) {
		t.Errorf("compatibility ideograph segment %+v", segs[0])
	}
	// User entries are segments of their own.
	u, _ := New("s2t", WithPhrases(map[string]string{"魏恒": "魏恒"}))
	segs = checkSegments(t, u, "魏恒说")
	if segs[0].Source != "魏恒" || segs[0].Targets[0] != "魏恒" {
		t.Errorf("user segment %+v", segs[0])
	}
	// Invalid bytes are pieces of their own, unchanged.
	checkSegments(t, s2t, "头\xff发\x80")
}

// TestSegmentsGolden checks the invariants on a slice of real text for
// every config.
func TestSegmentsGolden(t *testing.T) {
	for _, cfg := range Configs() {
		c, _ := New(cfg)
		in := readGolden(t, goldenInput(cfg))
		for _, line := range strings.Split(string(in[:20000]), "\n") {
			checkSegments(t, c, line)
		}
	}
}
