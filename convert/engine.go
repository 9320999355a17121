package convert

import (
	"encoding/binary"
	"sort"
	"sync"
	"unicode/utf8"

	"github.com/tongwen/tongwen/internal/dict"
)

// noLimit is the output limit of calls that may grow dst freely.
const noLimit = int(^uint(0) >> 1)

// mark is a walk position: where a walk over its input landed, and how
// long its output was at that point.
type mark struct {
	in, out int
	match   uint32 // the dictionary match taken here (0: an unmatched unit), for Segments
}

// walk converts s with one table the way OpenCC converts a segment with one
// step: at each position the longest key wins and its first target is
// written; where nothing matches, one unit (IDS or character) is copied.
// It appends to dst and returns how much of s it consumed, stopping early
// when the next decision could depend on bytes after s (only when final is
// false) or when the output would pass limit bytes (full is then true).
// When marks is not nil every position the walk lands on is recorded, with
// the output length there relative to len(dst) on entry.
//
// The loop keeps characters that come out unchanged as a pending run and
// copies each run at once; three-byte UTF-8 is decoded inline. Everything
// rarer goes through walkStep.
func walk(dst, s []byte, t *dict.Table, final bool, limit int, marks *[]mark) (out []byte, n int, full bool) {
	if marks != nil {
		return walkSlow(dst, s, t, final, limit, marks)
	}
	i, pending := 0, 0 // s[pending:i] is unchanged text not yet copied
	undecided := false
loop:
	for i < len(s) {
		var (
			r, r2 rune   // the three-byte character at i, and the rune after it (-1: unknown)
			w     uint64 // the eight bytes from i, when there are eight
			info  uint32
			c     = s[i]
		)
		if c < utf8.RuneSelf {
			if !t.ASCIIStartsKey(c) {
				i++
				continue
			}
			goto general
		}
		if i+8 <= len(s) {
			// One load holds this character and the next.
			w = binary.LittleEndian.Uint64(s[i:])
			if w&0xC0C0F0 != 0x8080E0 {
				goto general
			}
			r = rune(w&0x0F)<<12 | rune(w>>8&0x3F)<<6 | rune(w>>16&0x3F)
		} else if c&0xF0 == 0xE0 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			r = rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
		} else {
			goto general
		}
		if r < 0x800 || uint32(r-0xD800) < 0x800 || uint32(r-0x2FF0) < 0x10 {
			goto general // overlong, surrogate, or an IDS operator
		}
		info = t.RootInfo(r)
		if info == 0 {
			i += 3 // no key starts here: the character stays
			continue
		}
		if dict.InfoLonger(info) {
			if i+8 <= len(s) {
				r2 = runeAfter(w)
			} else {
				r2 = dict.PeekRune(s[i+3:]) // near the end
			}
		}
		if dict.InfoLonger(info) && (r2 < 0 || t.MaybeBigram(r, r2)) {
			// A key longer than this character may match.
			var n int
			var id uint32
			var more bool
			if r2 < 0 {
				n, id, more = t.MatchFrom(s[i:], t.RootNonASCII(r), 3)
			} else {
				n, id, more = t.MatchPair(s[i:], r, r2, 3, 3+utf8.RuneLen(r2))
			}
			if more && !final {
				undecided = true
				break loop
			}
			if n == 0 {
				i += 3
				continue
			}
			if pending < i {
				if len(dst)+i-pending > limit {
					break loop
				}
				dst = append(dst, s[pending:i]...)
				pending = i
			}
			// Append, then check: past the limit the old dst is kept, and
			// its bytes up to len(dst) are untouched either way.
			if nd := t.AppendValue(dst, id); len(nd) <= limit {
				dst = nd
			} else {
				break loop
			}
			i += n
			pending = i
			continue
		}
		// Only the one-character key can match.
		if v, ok := dict.InfoRune(info); ok {
			if v == r {
				i += 3 // maps to itself: stays in the pending run
				continue
			}
			// A rune is at most 4 bytes: the exact length is needed only
			// near the limit, which spares a call per character.
			if len(dst)+i-pending+4 > limit && len(dst)+i-pending+utf8.RuneLen(v) > limit {
				break loop
			}
			if pending < i {
				dst = append(dst, s[pending:i]...)
			}
			if v >= 0x800 && v < 0x10000 {
				dst = append(dst, byte(0xE0|v>>12), byte(0x80|v>>6&0x3F), byte(0x80|v&0x3F))
			} else {
				dst = utf8.AppendRune(dst, v)
			}
			i += 3
			pending = i
			continue
		}
		if !dict.InfoKey(info) {
			i += 3
			continue
		}
	general:
		// Anything rarer: flush, then take one general step.
		if len(dst)+i-pending > limit {
			break
		}
		dst = append(dst, s[pending:i]...)
		pending = i
		var adv int
		if dst, adv, full, _ = walkStep(dst, s[i:], t, final, limit); adv == 0 {
			return dst, i, full
		}
		i += adv
		pending = i
	}
	if len(dst)+i-pending <= limit {
		return append(dst, s[pending:i]...), i, !undecided && i < len(s)
	}
	// The limit falls inside the pending run, which holds whole unmatched
	// units: copy them one by one while they fit.
	dst, n, _ = walkSlow(dst, s[pending:i], t, true, limit, nil)
	return dst, pending + n, true
}

// runeAfter is dict.PeekRune for the character after a three-byte one, taken
// from w, the eight bytes that start with it; small enough to inline.
func runeAfter(w uint64) rune {
	if w&0xC0C0F0000000 == 0x8080E0000000 {
		r := rune(w>>24&0x0F)<<12 | rune(w>>32&0x3F)<<6 | rune(w>>40&0x3F)
		if r < 0x800 || uint32(r-0xD800) < 0x800 {
			return -1 // not UTF-8: let the trie decide
		}
		return r
	}
	if b := byte(w >> 24); b < utf8.RuneSelf {
		return rune(b)
	}
	return -1
}

// walkSlow is walk one general step at a time, recording landing points
// in marks when it is not nil.
func walkSlow(dst, s []byte, t *dict.Table, final bool, limit int, marks *[]mark) (out []byte, n int, full bool) {
	base := len(dst)
	i := 0
	for i < len(s) {
		if marks != nil {
			*marks = append(*marks, mark{in: i, out: len(dst) - base})
		}
		var adv int
		var m uint32
		if dst, adv, full, m = walkStep(dst, s[i:], t, final, limit); adv == 0 {
			return dst, i, full
		}
		if marks != nil {
			(*marks)[len(*marks)-1].match = m
		}
		i += adv
	}
	if marks != nil {
		*marks = append(*marks, mark{in: i, out: len(dst) - base})
	}
	return dst, i, false
}

// walkStep takes one step of walk at s[0]: a match, or one unmatched unit.
// It returns how many bytes of s it consumed, 0 when it could not decide
// (final is false) or the output would pass limit (full is then true),
// and the match taken (0 for an unmatched unit).
func walkStep(dst, s []byte, t *dict.Table, final bool, limit int) ([]byte, int, bool, uint32) {
	n, m, more := t.Match(s)
	if more && !final {
		return dst, 0, false, 0
	}
	if n > 0 {
		if len(dst)+t.ValueLen(m) > limit {
			return dst, 0, true, 0
		}
		return t.AppendValue(dst, m), n, false, m
	}
	w := unitLen(s, final)
	if w == 0 {
		return dst, 0, false, 0
	}
	if len(dst)+w > limit {
		return dst, 0, true, 0
	}
	return append(dst, s[:w]...), w, false, 0
}

// scratch holds the buffers of one conversion call.
type scratch struct {
	norm      []byte
	normMarks []mark
	steps     [][]byte
	marks     [][]mark
	units     []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// run is one call's conversion state.
type run struct {
	c     *Converter
	limit int  // maximum output length, for Transform
	full  bool // stopped because the output reached limit
	stop  int  // how far closeRun and segMatch got when they return false
	value [2 * utf8.UTFMax]byte
	s     *scratch
}

// convert converts the longest prefix of src (already normalized) that can
// be decided: all of it when final is true, else up to the last position
// where later input cannot change what comes before. It appends to dst and
// returns the number of bytes of src consumed.
func (r *run) convert(dst, src []byte, final bool) ([]byte, int) {
	c := r.c
	if c.user != nil {
		return r.convertUser(dst, src, final)
	}
	if c.seg == nil {
		return r.segment(dst, src, final, true, c.steps)
	}
	// Maximum-match segmentation: src[u:i] is the pending run of text the
	// segmentation dictionary did not match.
	i, u := 0, 0
	for i < len(src) {
		var n int
		var m uint32
		var more bool
		if b := src[i]; b < utf8.RuneSelf {
			if !c.seg.ASCIIStartsKey(b) {
				i++
				continue
			}
			n, m, more = c.seg.Match(src[i:])
		} else if i+3 < len(src) && b&0xF0 == 0xE0 && src[i+1]&0xC0 == 0x80 && src[i+2]&0xC0 == 0x80 {
			// Fast rejection, as in walk: most characters start no
			// segmentation key, or start keys the next rune does not continue.
			var w uint64
			var r1 rune
			if i+8 <= len(src) {
				w = binary.LittleEndian.Uint64(src[i:])
				r1 = rune(w&0x0F)<<12 | rune(w>>8&0x3F)<<6 | rune(w>>16&0x3F)
			} else {
				r1 = rune(b&0x0F)<<12 | rune(src[i+1]&0x3F)<<6 | rune(src[i+2]&0x3F)
			}
			if r1 < 0x800 || uint32(r1-0xD800) < 0x800 || uint32(r1-0x2FF0) < 0x10 {
				n, m, more = c.seg.Match(src[i:])
			} else {
				info := c.seg.RootInfo(r1)
				if info == 0 {
					i += 3
					continue
				}
				var r2 rune
				if i+8 <= len(src) {
					r2 = runeAfter(w)
				} else {
					r2 = dict.PeekRune(src[i+3:]) // near the end
				}
				switch {
				case r2 >= 0 && !dict.InfoKey(info) && !c.seg.MaybeBigram(r1, r2):
					i += 3
					continue
				case r2 < 0 || !dict.InfoLonger(info):
					n, m, more = c.seg.MatchFrom(src[i:], c.seg.RootNonASCII(r1), 3)
				case !c.seg.MaybeBigram(r1, r2):
					n, m, more = 3, c.seg.RootNonASCII(r1), false
				default:
					n, m, more = c.seg.MatchPair(src[i:], r1, r2, 3, 3+utf8.RuneLen(r2))
				}
				if n == 0 && (!more || final) {
					i += 3 // an ordinary character: one unit
					continue
				}
			}
		} else {
			n, m, more = c.seg.Match(src[i:])
		}
		if more && !final {
			break
		}
		if n == 0 {
			w := unitLen(src[i:], final)
			if w == 0 {
				break
			}
			i += w
			continue
		}
		// A match closes the pending run; both become segments.
		var ok bool
		if dst, ok = r.closeRun(dst, src[u:i]); !ok {
			return dst, u + r.stop
		}
		if dst, ok = r.segMatch(dst, src[i:i+n], m); !ok {
			return dst, i + r.stop
		}
		i += n
		u = i
	}
	out, k := r.segment(dst, src[u:i], final && i == len(src), true, c.runSteps)
	return out, u + k
}

// closeRun converts a closed run of text that the segmentation (and the
// user dictionary) did not match. When the output limit cuts it short it
// returns false, with r.stop the bytes of run consumed.
func (r *run) closeRun(dst, run []byte) ([]byte, bool) {
	if len(run) == 0 {
		return dst, true
	}
	out, k := r.segment(dst, run, true, true, r.c.runSteps)
	r.stop = k
	return out, k == len(run)
}

// segMatch converts the segment key that the segmentation dictionary
// matched (m is the match). It is all or nothing: false (with r.stop 0)
// when the output limit does not leave room for it.
func (r *run) segMatch(dst, key []byte, m uint32) ([]byte, bool) {
	c := r.c
	r.stop = 0
	if c.fused {
		// The first step's output is the match's own target.
		v := c.seg.ValueIn(&r.value, m)
		if len(c.steps) == 2 && startsNoKey(c.steps[1], v) {
			// The second step would copy it: most targets.
			if len(dst)+len(v) > r.limit {
				r.full = true
				return dst, false
			}
			return append(dst, v...), true
		}
		out, k := r.segment(dst, v, true, false, c.steps[1:])
		return out, k == len(v)
	}
	out, k := r.segment(dst, key, true, false, c.steps)
	return out, k == len(key)
}

// startsNoKey reports whether no key of t starts at any character of v,
// so that converting v with t copies it. It answers false, to be safe,
// for anything but ASCII and three-byte characters.
func startsNoKey(t *dict.Table, v []byte) bool {
	for i := 0; i < len(v); {
		c := v[i]
		if c < utf8.RuneSelf {
			if t.ASCIIStartsKey(c) {
				return false
			}
			i++
			continue
		}
		if c&0xF0 != 0xE0 || i+2 >= len(v) {
			return false
		}
		r := rune(c&0x0F)<<12 | rune(v[i+1]&0x3F)<<6 | rune(v[i+2]&0x3F)
		if uint32(r-0x2FF0) < 0x10 || t.RootInfo(r) != 0 {
			return false
		}
		i += 3
	}
	return true
}

// convertUser is convert for a Converter with user entries. At every
// position the user dictionary is asked first: its longest match is
// written as is, final, whatever the bundled dictionaries say there;
// elsewhere the text is segmented and converted as OpenCC does. The text
// between user matches (and, with segmentation, between segmentation
// matches) forms the runs.
func (r *run) convertUser(dst, src []byte, final bool) ([]byte, int) {
	c := r.c
	i, u := 0, 0
	var ok bool
	for i < len(src) {
		n, m, more := c.user.Match(src[i:])
		if more && !final {
			break
		}
		if n > 0 {
			if dst, ok = r.closeRun(dst, src[u:i]); !ok {
				return dst, u + r.stop
			}
			v := c.user.ValueIn(&r.value, m)
			if len(dst)+len(v) > r.limit {
				r.full = true
				return dst, i
			}
			dst = append(dst, v...)
			i += n
			u = i
			continue
		}
		if c.seg != nil {
			n, m, more = c.seg.Match(src[i:])
			if more && !final {
				break
			}
			if n > 0 {
				if dst, ok = r.closeRun(dst, src[u:i]); !ok {
					return dst, u + r.stop
				}
				if dst, ok = r.segMatch(dst, src[i:i+n], m); !ok {
					return dst, i
				}
				i += n
				u = i
				continue
			}
		}
		w := unitLen(src[i:], final)
		if w == 0 {
			break
		}
		i += w
	}
	out, k := r.segment(dst, src[u:i], final && i == len(src), true, c.runSteps)
	return out, u + k
}

// segment converts one segment with every step of the chain. closed says
// the segment ends where seg ends; otherwise more of it may follow and only
// a prefix that cannot change is converted. divisible says the segment may
// be cut inside (an unmatched run, or the whole text without
// segmentation); a dictionary match is converted whole or not at all.
func (r *run) segment(dst, seg []byte, closed, divisible bool, steps []*dict.Table) ([]byte, int) {
	if len(seg) == 0 {
		return dst, 0
	}
	if len(steps) == 0 {
		return r.copySegment(dst, seg, closed, divisible)
	}
	if len(steps) == 1 && (divisible || closed) {
		out, n, full := walk(dst, seg, steps[0], closed, r.limit, nil)
		r.full = r.full || full
		if n < len(seg) && !divisible {
			return dst, 0 // a match segment is all or nothing
		}
		return out, n
	}
	if closed {
		in := seg
		for k, t := range steps[:len(steps)-1] {
			buf, _, _ := walk(r.stepBuf(k), in, t, true, noLimit, nil)
			r.s.steps[k] = buf
			in = buf
		}
		out, n, full := walk(dst, in, steps[len(steps)-1], true, r.limit, nil)
		if n == len(in) {
			return out, len(seg)
		}
		if !full || !divisible {
			r.full = r.full || full
			return dst, 0
		}
	}
	if !divisible {
		return dst, 0
	}
	if !closed {
		// An open run (more of it may follow). Walk each step only as far
		// as it can decide. When every later step consumes all of the
		// previous step's output, the place where the first step stopped
		// is a position every walk lands on, and the output is complete.
		in := seg
		n0 := 0
		ok := true
		for k, t := range steps {
			buf, n, _ := walk(r.stepBuf(k), in, t, false, noLimit, nil)
			r.s.steps[k] = buf
			if k == 0 {
				n0 = n
			} else if n < len(in) {
				ok = false
				break
			}
			in = buf
		}
		if ok && n0 > 0 && len(dst)+len(in) <= r.limit && r.unitBoundary(seg, n0) {
			return append(dst, in...), n0
		}
	}
	// Find the last position of seg where every step's walk lands, so that
	// converting seg up to there alone gives the same bytes, then convert
	// that prefix as a closed segment.
	p := r.lastCut(seg, closed, r.limit-len(dst), steps)
	if p == 0 {
		return dst, 0
	}
	return r.segment(dst, seg[:p], true, true, steps)
}

// unitBoundary reports whether p is a place the segmentation walk lands
// on in the unmatched run seg: the end of a unit counted from its start.
func (r *run) unitBoundary(seg []byte, p int) bool {
	i := 0
	for i < p {
		if w := unitLen(seg[i:], false); w > 0 {
			i += w
		} else {
			return false
		}
	}
	return i == p
}

// copySegment handles a chain with no steps: text is copied unit by unit.
func (r *run) copySegment(dst, seg []byte, closed, divisible bool) ([]byte, int) {
	i := 0
	for i < len(seg) {
		w := unitLen(seg[i:], closed)
		if w == 0 {
			break
		}
		if len(dst)+w > r.limit {
			r.full = true
			break
		}
		dst = append(dst, seg[i:i+w]...)
		i += w
	}
	if i < len(seg) && !divisible {
		return dst[:len(dst)-i], 0
	}
	return dst, i
}

// lastCut returns the largest p such that converting seg[:p] and then the
// rest separately equals converting seg at once, and the output of seg[:p]
// fits in room bytes: a position where the segmentation walk and every
// step's walk (over the previous step's output) all land.
func (r *run) lastCut(seg []byte, closed bool, room int, steps []*dict.Table) int {
	// Unit boundaries: where the segmentation walk lands inside an
	// unmatched run.
	units := r.s.units[:0]
	for i := 0; i < len(seg); {
		units = append(units, i)
		w := unitLen(seg[i:], closed)
		if w == 0 {
			break
		}
		i += w
		if i == len(seg) {
			units = append(units, i)
		}
	}
	r.s.units = units
	for len(r.s.marks) < len(steps) {
		r.s.marks = append(r.s.marks, nil)
	}
	in := seg
	final := closed
	for k, t := range steps {
		marks := r.s.marks[k][:0]
		buf, n, _ := walk(r.stepBuf(k), in, t, final, noLimit, &marks)
		r.s.steps[k], r.s.marks[k] = buf, marks
		final = final && n == len(in)
		in = buf
	}
	// Walk back from the end over step 0's landing points, following each
	// through the later steps.
	m0 := r.s.marks[0]
	best, tooLong := 0, false
	ui := len(units) - 1
	for j := len(m0) - 1; j > 0 && best == 0; j-- {
		p := m0[j].in
		for ui >= 0 && units[ui] > p {
			ui--
		}
		if ui < 0 || units[ui] != p {
			continue
		}
		if _, off, ok := carry(r.s.marks, m0[j].out, nil); ok {
			if off <= room {
				best = p
			} else {
				tooLong = true
			}
		}
	}
	r.full = r.full || (best == 0 && tooLong)
	return best
}

// markAt returns the index of the mark at input offset in, or -1.
func markAt(marks []mark, in int) int {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].in >= in })
	if i == len(marks) || marks[i].in != in {
		return -1
	}
	return i
}

// landing reports whether a walk landed on input offset in, and the output
// length there.
func landing(marks []mark, in int) (int, bool) {
	if i := markAt(marks, in); i >= 0 {
		return marks[i].out, true
	}
	return 0, false
}

// origin maps an offset in a walk's output back to its input: the last
// landing point whose output length is out.
func origin(marks []mark, out int) (int, bool) {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].out > out })
	if i == 0 || marks[i-1].out != out {
		return 0, false
	}
	return marks[i-1].in, true
}

// carry follows an output offset of the first step's walk (marks[0])
// through the walks of the later steps, each over the previous step's
// output. It appends to at the offset in each later step's input, and
// returns the offset in the last step's output; ok is false when some
// step's walk does not land there, so that the place is no common cut.
func carry(marks [][]mark, out int, at []int) (_ []int, final int, ok bool) {
	ok = true
	for k := 1; k < len(marks) && ok; k++ {
		at = append(at, out)
		out, ok = landing(marks[k], out)
	}
	return at, out, ok
}

func (r *run) stepBuf(k int) []byte {
	for len(r.s.steps) <= k {
		r.s.steps = append(r.s.steps, nil)
	}
	return r.s.steps[k][:0]
}
