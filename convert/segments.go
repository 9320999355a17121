package convert

import (
	"strings"

	"github.com/tongwen/tongwen/internal/dict"
)

// A Segment is one piece of a conversion: a span of the input, the span of
// Convert's output it became, and the targets the dictionaries offer for it.
type Segment struct {
	Source  string   // the input text of the piece
	Targets []string // Targets[0] is what Convert writes; the rest are the dictionaries' other targets for Source
	In, Out Span     // byte ranges in the input and in Convert's output
}

// A Span is a byte range [Start, End).
type Span struct{ Start, End int }

// Segments converts s and returns the conversion as contiguous pieces, in
// order: the Sources concatenate to s, the first Targets to Convert(s).
//
// A piece is a dictionary match or one unchanged character, cut wherever
// the segmentation and every step of the chain agree on a boundary (a
// phrase that a later step rewrites together with its neighbour makes one
// piece of them). So In and Out give, for every span of the output, the
// span of the input it came from: what a search engine needs to highlight
// in the original a match found in converted text.
//
// Targets lists every target of the deciding dictionary entry: OpenCC's
// text dictionaries give several for some keys (发 → 發 髮) and conversion
// always writes the first; an editor can offer the others. Later steps of
// the chain are applied to each alternative as to the first.
func (c *Converter) Segments(s string) []Segment {
	src := []byte(s)
	// The normalization pre-pass maps units one to one; remember where
	// each went, to report input offsets.
	norm := src
	var nmarks []mark
	if c.needsNormalization(src) {
		norm, _, _ = walk(nil, src, c.norm[0], true, noLimit, &nmarks)
	}
	toSrc := func(p int) int {
		if nmarks == nil {
			return p
		}
		q, _ := origin(nmarks, p)
		return q
	}
	var segs []Segment
	out := 0
	add := func(start, end int, targets []string) {
		in := Span{toSrc(start), toSrc(end)}
		segs = append(segs, Segment{
			Source:  s[in.Start:in.End],
			Targets: targets,
			In:      in,
			Out:     Span{out, out + len(targets[0])},
		})
		out += len(targets[0])
	}
	for _, sp := range c.segmentSpans(norm) {
		text := norm[sp.start:sp.end]
		switch sp.kind {
		case spanUser:
			add(sp.start, sp.end, targets(c.user, sp.match, nil))
		case spanMatch:
			if c.fused {
				add(sp.start, sp.end, targets(c.seg, sp.match, c.steps[1:]))
				continue
			}
			c.pieces(text, c.steps, func(a, b int, t []string) { add(sp.start+a, sp.start+b, t) })
		default:
			c.pieces(text, c.runSteps, func(a, b int, t []string) { add(sp.start+a, sp.start+b, t) })
		}
	}
	return segs
}

// targets returns the first target of a match and its alternatives, each
// converted by the later steps.
func targets(t *dict.Table, m uint32, later []*dict.Table) []string {
	out := []string{string(applySteps(t.Value(m), later))}
	if alts := t.Alternatives(m); len(alts) > 0 {
		for _, a := range strings.Split(string(alts), " ") {
			out = appendNew(out, string(applySteps([]byte(a), later)))
		}
	}
	return out
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// applySteps converts text as one closed segment with steps.
func applySteps(text []byte, steps []*dict.Table) []byte {
	for _, t := range steps {
		text, _, _ = walk(nil, text, t, true, noLimit, nil)
	}
	return text
}

// pieces cuts seg, converted with steps, at every position where all the
// steps' walks land, and reports each piece with its targets.
func (c *Converter) pieces(seg []byte, steps []*dict.Table, emit func(start, end int, targets []string)) {
	if len(steps) == 0 {
		for i := 0; i < len(seg); {
			w := unitLen(seg[i:], true)
			emit(i, i+w, []string{string(seg[i : i+w])})
			i += w
		}
		return
	}
	marks := make([][]mark, len(steps))
	outs := make([][]byte, len(steps))
	in := seg
	for k, t := range steps {
		outs[k], _, _ = walk(nil, in, t, true, noLimit, &marks[k])
		in = outs[k]
	}
	// Landing points of step 0 that every later step also lands on, with
	// the position of each in every step's input: cut[k] is the offset in
	// step k's input, cut[len(steps)] the offset in the final output.
	var cuts [][]int
	for _, m0 := range marks[0] {
		if at, off, ok := carry(marks, m0.out, []int{m0.in}); ok {
			cuts = append(cuts, append(at, off))
		}
	}
	final := outs[len(steps)-1]
	for j := 0; j+1 < len(cuts); j++ {
		a, b := cuts[j], cuts[j+1]
		first := string(final[a[len(steps)]:b[len(steps)]])
		ts := []string{first}
		// An entry with alternatives decides the piece when it is the
		// piece's only match in its step.
		for k := range steps {
			mi := markAt(marks[k], a[k])
			if mi < 0 || mi+1 >= len(marks[k]) || marks[k][mi+1].in != b[k] || marks[k][mi].match == 0 {
				continue
			}
			if alts := steps[k].Alternatives(marks[k][mi].match); len(alts) > 0 {
				for _, alt := range strings.Split(string(alts), " ") {
					ts = appendNew(ts, string(applySteps([]byte(alt), steps[k+1:])))
				}
			}
		}
		emit(a[0], b[0], ts)
	}
}

type spanKind uint8

const (
	spanRun   spanKind = iota // text the segmentation did not match
	spanMatch                 // a segmentation match
	spanUser                  // a user entry
)

type segSpan struct {
	start, end int
	kind       spanKind
	match      uint32
}

// segmentSpans splits normalized text as conversion does: user matches,
// segmentation matches, and the runs between them.
func (c *Converter) segmentSpans(s []byte) []segSpan {
	var spans []segSpan
	i, u := 0, 0
	closeRun := func() {
		if u < i {
			spans = append(spans, segSpan{u, i, spanRun, 0})
		}
	}
	// User entries are asked first, then the segmentation dictionary.
	layers := [...]struct {
		t    *dict.Table
		kind spanKind
	}{{c.user, spanUser}, {c.seg, spanMatch}}
next:
	for i < len(s) {
		for _, l := range layers {
			if l.t == nil {
				continue
			}
			if n, m, _ := l.t.Match(s[i:]); n > 0 {
				closeRun()
				spans = append(spans, segSpan{i, i + n, l.kind, m})
				i += n
				u = i
				continue next
			}
		}
		i += unitLen(s[i:], true)
	}
	closeRun()
	return spans
}
