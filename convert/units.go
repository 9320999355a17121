package convert

import "unicode/utf8"

// OpenCC bounds an Ideographic Description Sequence to this depth and
// number of code points.
const (
	maxIDSDepth      = 16
	maxIDSCodePoints = 64
)

type idsStatus uint8

const (
	idsComplete idsStatus = iota
	idsIncomplete
	idsInvalid
)

// idsArity is the number of operands of an IDS operator, 0 for other runes.
func idsArity(r rune) int {
	switch {
	case r == 0x2FF2 || r == 0x2FF3:
		return 3
	case r == 0x2FFE || r == 0x2FFF:
		return 1
	case r >= 0x2FF0 && r <= 0x2FFD:
		return 2
	}
	return 0
}

// parseIDS measures the sequence that starts at s[0]: a rune, or an
// operator followed by its operands. count carries the code points used so
// far across the whole tree.
func parseIDS(s []byte, depthLeft int, count *int) (int, idsStatus) {
	if len(s) == 0 {
		return 0, idsIncomplete
	}
	if depthLeft == 0 || *count >= maxIDSCodePoints {
		return 0, idsInvalid
	}
	if !utf8.FullRune(s) {
		return 0, idsIncomplete
	}
	r, size := utf8.DecodeRune(s)
	if r == utf8.RuneError && size == 1 {
		// OpenCC would fail on the whole text here; we never let an IDS
		// swallow a byte that is not UTF-8.
		return 0, idsInvalid
	}
	*count++
	n := size
	for range idsArity(r) {
		m, st := parseIDS(s[n:], depthLeft-1, count)
		if st != idsComplete {
			return 0, st
		}
		n += m
	}
	return n, idsComplete
}

// unitLen returns the length of the unit OpenCC copies when nothing matches
// at s[0]: a complete IDS, else one UTF-8 character, else (invalid UTF-8)
// one byte. When final is false and s could be the start of a longer unit
// that continues past its end, it returns 0: undecided.
func unitLen(s []byte, final bool) int {
	c := s[0]
	if c < utf8.RuneSelf {
		return 1
	}
	if !utf8.FullRune(s) {
		if !final {
			return 0
		}
		return 1
	}
	r, size := utf8.DecodeRune(s)
	if idsArity(r) == 0 {
		return size
	}
	count := 0
	n, st := parseIDS(s, maxIDSDepth, &count)
	switch {
	case st == idsComplete:
		return n
	case st == idsIncomplete && !final:
		return 0
	}
	return size // an operator without its operands is an ordinary character
}
