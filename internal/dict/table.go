package dict

import (
	"encoding/binary"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Table is a compiled dictionary, read in place from its encoded bytes: a
// trie over runes whose first level is a two-level array indexed by rune
// and whose deeper levels are sorted runs of children. It is immutable and
// safe for concurrent use.
type Table struct {
	maxKey int
	keys   int
	ascii  [128]uint32 // root nodes of ASCII runes, copied out for the fast path
	index  []byte      // uint16 block number per blockSize runes
	blocks []byte      // uint32 node ids, blockSize per block
	nodes  []byte      // nodeWords uint32 per node
	alts   []byte      // uint32 per node: 1-based pool index of the alternatives
	valOff []byte      // uint32 offsets into vals, one more than the pool size
	vals   []byte
}

var errCorrupt = errors.New("dict: corrupt table")

// Decode reads a table written by Encode. The returned Table refers to b,
// which must not change afterwards.
func Decode(b []byte) (*Table, error) {
	if len(b) < headerWords*4 {
		return nil, errCorrupt
	}
	h := func(i int) int { return int(binary.LittleEndian.Uint32(b[4*i:])) }
	t := &Table{maxKey: h(0), keys: h(5)}
	nBlocks, nNodes, nVals, nBytes := h(1), h(2), h(3), h(4)
	rest := b[headerWords*4:]
	take := func(n int) []byte {
		if n < 0 || n > len(rest) {
			return nil
		}
		s := rest[:n:n]
		rest = rest[n:]
		return s
	}
	t.index = take(indexLen * 2)
	t.blocks = take(nBlocks * blockSize * 4)
	t.nodes = take(nNodes * nodeWords * 4)
	t.alts = take(nNodes * 4)
	t.valOff = take((nVals + 1) * 4)
	t.vals = take(nBytes)
	if t.index == nil || t.blocks == nil || t.nodes == nil || t.alts == nil || t.valOff == nil || t.vals == nil || len(rest) > 3 {
		return nil, errCorrupt
	}
	for i := range indexLen {
		if int(binary.LittleEndian.Uint16(t.index[2*i:])) >= nBlocks {
			return nil, fmt.Errorf("%w: index entry %d out of range", errCorrupt, i)
		}
	}
	for r := range 128 {
		t.ascii[r] = t.root(rune(r))
	}
	return t, nil
}

// MaxKeyLen is the length in bytes of the longest key.
func (t *Table) MaxKeyLen() int { return t.maxKey }

// Len is the number of keys.
func (t *Table) Len() int { return t.keys }

// root returns the trie node reached by the one-rune key prefix r, or 0.
func (t *Table) root(r rune) uint32 {
	if uint32(r) >= maxIndexedRune {
		return 0
	}
	blk := uint32(binary.LittleEndian.Uint16(t.index[2*(r>>blockShift):]))
	return binary.LittleEndian.Uint32(t.blocks[4*(blk<<blockShift|uint32(r)&blockMask):])
}

// StartsKey reports whether some key starts with the rune r.
func (t *Table) StartsKey(r rune) bool {
	if r < 128 && r >= 0 {
		return t.ascii[r] != 0
	}
	return t.root(r) != 0
}

// ASCIIStartsKey reports for each ASCII byte whether a key starts with it.
func (t *Table) ASCIIStartsKey(b byte) bool { return t.ascii[b&0x7F] != 0 && b < 0x80 }

func (t *Table) node(id uint32) (value, first, count, r uint32) {
	n := t.nodes[id*nodeWords*4 : id*nodeWords*4+16]
	return binary.LittleEndian.Uint32(n), binary.LittleEndian.Uint32(n[4:]),
		binary.LittleEndian.Uint32(n[8:]), binary.LittleEndian.Uint32(n[12:])
}

// Match finds the longest key that is a prefix of s. It returns the key's
// length in bytes and a handle for Value and Alternatives, or n == 0 when
// no key matches. more reports that s ended (or ended inside a character)
// while a longer key was still possible: a caller that has not seen the
// end of its text must not act on the result yet.
func (t *Table) Match(s []byte) (n int, match uint32, more bool) {
	if len(s) == 0 {
		return 0, 0, false
	}
	var id uint32
	pos := 1
	if c := s[0]; c < utf8.RuneSelf {
		id = t.ascii[c]
	} else {
		if !utf8.FullRune(s) {
			return 0, 0, true
		}
		r, size := utf8.DecodeRune(s)
		if size == 1 {
			return 0, 0, false // invalid UTF-8 never matches
		}
		id, pos = t.root(r), size
	}
	for id != 0 {
		value, first, count, _ := t.node(id)
		if value != 0 {
			n, match = pos, id
		}
		if count == 0 {
			break
		}
		if pos >= len(s) || !utf8.FullRune(s[pos:]) {
			more = true
			break
		}
		var r rune
		size := 1
		if c := s[pos]; c < utf8.RuneSelf {
			r = rune(c)
		} else if r, size = utf8.DecodeRune(s[pos:]); size == 1 {
			break
		}
		id = t.child(first, count, r)
		pos += size
	}
	return n, match, more
}

// child finds the child with edge rune r among the count nodes from first.
func (t *Table) child(first, count uint32, r rune) uint32 {
	lo, hi := first, first+count
	for lo < hi {
		mid := lo + (hi-lo)/2
		mr := rune(binary.LittleEndian.Uint32(t.nodes[mid*nodeWords*4+12:]))
		switch {
		case mr == r:
			return mid
		case mr < r:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return 0
}

// Value returns the first target of the key matched by Match.
func (t *Table) Value(match uint32) []byte {
	value, _, _, _ := t.node(match)
	return t.pooled(value)
}

// Alternatives returns the targets after the first, separated by spaces,
// of the key matched by Match; nil when there are none.
func (t *Table) Alternatives(match uint32) []byte {
	return t.pooled(binary.LittleEndian.Uint32(t.alts[4*match:]))
}

func (t *Table) pooled(i uint32) []byte {
	if i == 0 {
		return nil
	}
	lo := binary.LittleEndian.Uint32(t.valOff[4*(i-1):])
	hi := binary.LittleEndian.Uint32(t.valOff[4*i:])
	return t.vals[lo:hi:hi]
}

// LeadBytes reports, for each byte value, whether some key's first
// character starts with it in UTF-8.
func (t *Table) LeadBytes() [256]bool {
	var leads [256]bool
	var buf [utf8.UTFMax]byte
	for b := range indexLen {
		blk := uint32(binary.LittleEndian.Uint16(t.index[2*b:]))
		if blk == 0 {
			continue
		}
		for i := range blockSize {
			if binary.LittleEndian.Uint32(t.blocks[4*(blk<<blockShift|uint32(i)):]) != 0 {
				utf8.EncodeRune(buf[:], rune(b<<blockShift|i))
				leads[buf[0]] = true
			}
		}
	}
	return leads
}
