package dict

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// Table is a compiled dictionary, read in place from its encoded bytes: a
// trie over runes whose first level is a two-level array indexed by rune
// and whose deeper levels are sorted runs of children. It is immutable and
// safe for concurrent use.
type Table struct {
	ascii  [128]uint32       // root nodes of ASCII runes, copied out for the fast path
	index  *[indexLen]uint16 // block number per blockSize runes
	info   []uint32          // root info words (rootKids, rootInline, rootValue), blockSize per block
	blocks []uint32          // root node ids, blockSize per block
	bigram []uint32          // bigram filter bits, see bigramHash
	bmask  uint32            // number of bigram filter bits - 1
	nodes  []uint32          // nodeWords per node, see the node* offsets
	edge   []uint32          // per node: the rune on the edge from its parent
	alt    []uint32          // per node: 1-based pool index of the other targets
	efilt  []uint32          // edge filter bits, see edgeHash
	emask  uint32            // number of edge filter bits - 1
	pairs  []uint32          // pair table, pairWords per slot, see pairHash
	pmask  uint32            // number of pair slots - 1
	trig   []uint32          // trigram filter bits, see trigramHash
	tmask  uint32            // number of trigram filter bits - 1

	valOff []uint32 // offsets into vals, one more than the pool size

	leadsOnce sync.Once
	leads     [256]bool
	vals      []byte
}

var errCorrupt = errors.New("dict: corrupt table")

// Word offsets in a node record.
const (
	nodeFirst  = iota // id of the first child; children have consecutive ids
	nodeCount         // number of children
	nodeValue         // the first target (see inlineValue) or a 1-based pool index; 0: the node ends no key
	nodeValue2        // the second rune of an inline target
)

// Decode reads a table written by Encode. The returned Table refers to b,
// which must not change afterwards. Where b is 4-byte aligned (as the
// embedded bundle is) its arrays are used in place; otherwise they are
// copied once.
func Decode(b []byte) (*Table, error) {
	if len(b) < headerWords*4 {
		return nil, errCorrupt
	}
	h := func(i int) int { return int(binary.LittleEndian.Uint32(b[4*i:])) }
	t := &Table{} // words 0 and 5 (longest key, key count) are for tools
	nBlocks, nNodes, nVals, nBytes, nBigram, nEdge, nPair, nTrig := h(1), h(2), h(3), h(4), h(6), h(7), h(8), h(9)
	for _, n := range []int{nBigram, nEdge, nPair, nTrig} {
		if n <= 0 || n&(n-1) != 0 {
			return nil, errCorrupt
		}
	}
	rest := b[headerWords*4:]
	bad := false
	take := func(n int) []byte {
		if n < 0 || n > len(rest) {
			bad = true
			return nil
		}
		s := rest[:n:n]
		rest = rest[n:]
		return s
	}
	words := func(n int) []uint32 {
		raw := take(n * 4)
		if bad || n == 0 {
			return nil
		}
		if uintptr(unsafe.Pointer(&raw[0]))%4 == 0 && littleEndian {
			return unsafe.Slice((*uint32)(unsafe.Pointer(&raw[0])), n)
		}
		out := make([]uint32, n)
		for i := range out {
			out[i] = binary.LittleEndian.Uint32(raw[4*i:])
		}
		return out
	}
	rawIndex := take(indexLen * 2)
	take((4 - (indexLen*2)%4) % 4)
	if bad {
		return nil, errCorrupt
	}
	t.index = new([indexLen]uint16) // 8 KiB: copied, it is tiny
	for i := range t.index {
		t.index[i] = binary.LittleEndian.Uint16(rawIndex[2*i:])
		if int(t.index[i]) >= nBlocks {
			return nil, fmt.Errorf("%w: index entry %d out of range", errCorrupt, i)
		}
	}
	t.info = words(nBlocks * blockSize)
	t.blocks = words(nBlocks * blockSize)
	t.bigram = words(nBigram)
	t.bmask = uint32(nBigram*32 - 1)
	t.efilt = words(nEdge)
	t.emask = uint32(nEdge*32 - 1)
	t.pairs = words(nPair * pairWords)
	t.pmask = uint32(nPair - 1)
	t.trig = words(nTrig)
	t.tmask = uint32(nTrig*32 - 1)
	t.nodes = words(nNodes * nodeWords)
	t.alt = words(nNodes)
	t.edge = words(nNodes)
	t.valOff = words(nVals + 1)
	t.vals = take(nBytes)
	if bad || len(rest) > 3 || nNodes == 0 {
		return nil, errCorrupt
	}
	if err := t.check(nNodes, nVals, nBytes); err != nil {
		return nil, err
	}
	for r := range 128 {
		t.ascii[r] = t.root(rune(r))
	}
	return t, nil
}

// check validates every reference in the table, so that lookups can trust
// them.
func (t *Table) check(nNodes, nVals, nBytes int) error {
	for i, id := range t.blocks {
		// The fast path trusts the info word, so it must agree with the trie.
		if int(id) >= nNodes || (id == 0) != (t.info[i] == 0) ||
			(t.info[i]&rootKids != 0) != (t.nodes[int(id)*nodeWords+nodeCount] != 0) {
			return fmt.Errorf("%w: root entry %d inconsistent", errCorrupt, i)
		}
	}
	for i := range nNodes {
		n := t.nodes[i*nodeWords : i*nodeWords+nodeWords]
		if (n[nodeValue]&inlineValue == 0 && int(n[nodeValue]) > nVals) || int(t.alt[i]) > nVals ||
			uint64(n[nodeFirst])+uint64(n[nodeCount]) > uint64(nNodes) {
			return fmt.Errorf("%w: node %d out of range", errCorrupt, i)
		}
	}
	empty := false
	for i := 0; i < len(t.pairs); i += pairWords {
		if int(t.pairs[i+pairNode]) >= nNodes {
			return fmt.Errorf("%w: pair table node out of range", errCorrupt)
		}
		empty = empty || t.pairs[i+pairFirst] == 0
	}
	if !empty {
		return fmt.Errorf("%w: pair table has no empty slot", errCorrupt) // probing must end
	}
	prev := uint32(0)
	for _, off := range t.valOff {
		if off < prev || int(off) > nBytes {
			return fmt.Errorf("%w: value offsets", errCorrupt)
		}
		prev = off
	}
	return nil
}

var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// Root returns the trie node reached by the one-rune key prefix r, or 0
// when no key starts with r.
func (t *Table) Root(r rune) uint32 {
	if uint32(r) < utf8.RuneSelf {
		return t.ascii[r]
	}
	return t.root(r)
}

func (t *Table) root(r rune) uint32 {
	if uint32(r) >= maxIndexedRune {
		return 0
	}
	blk := uint32(t.index[uint32(r)>>blockShift&(indexLen-1)])
	return t.blocks[blk<<blockShift|uint32(r)&blockMask]
}

// RootNonASCII is Root for a rune known not to be ASCII; small enough to
// be inlined in hot loops.
func (t *Table) RootNonASCII(r rune) uint32 { return t.root(r) }

// RootInfo describes the keys that start with r, a rune known not to be
// ASCII: 0 when none does; otherwise see the Info* methods.
func (t *Table) RootInfo(r rune) uint32 {
	if uint32(r) >= maxIndexedRune {
		return 0
	}
	blk := uint32(t.index[uint32(r)>>blockShift&(indexLen-1)])
	return t.info[blk<<blockShift|uint32(r)&blockMask]
}

// InfoLonger reports whether keys longer than one rune start with the rune.
func InfoLonger(info uint32) bool { return info&rootKids != 0 }

// InfoRune returns the target of the one-rune key when it is itself one
// rune (ok), which is the common case of character tables.
func InfoRune(info uint32) (r rune, ok bool) { return rune(info & rootRune), info&rootInline != 0 }

// InfoKey reports whether the rune alone is a key.
func InfoKey(info uint32) bool { return info&(rootInline|rootValue) != 0 }

// MaybeBigram reports whether some key might start with r1 r2; false is
// certain, true may be wrong.
func (t *Table) MaybeBigram(r1, r2 rune) bool {
	h := bigramHash(r1, r2) & t.bmask
	return t.bigram[h>>5]&(1<<(h&31)) != 0
}

// StartsKey reports whether some key starts with the rune r.
func (t *Table) StartsKey(r rune) bool { return t.Root(r) != 0 }

// ASCIIStartsKey reports whether a key starts with the byte b, which must
// be ASCII.
func (t *Table) ASCIIStartsKey(b byte) bool { return t.ascii[b&0x7F] != 0 }

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
		r, size := decodeRune(s)
		if size <= 1 {
			return 0, 0, size == 0
		}
		id, pos = t.root(r), size
	}
	return t.MatchFrom(s, id, pos)
}

// MatchPair is Match for s starting with the runes r1 and r2 (n12 bytes
// in all), r1 a rune some longer key starts with: the pair table and the
// trigram filter settle the common cases without walking the trie.
func (t *Table) MatchPair(s []byte, r1, r2 rune, n1, n12 int) (n int, match uint32, more bool) {
	node2 := t.pair(r1, r2)
	if node2 != 0 {
		rec := (*[nodeWords]uint32)(t.nodes[node2*nodeWords:])
		if rec[nodeCount] != 0 {
			// Longer keys go on from r1 r2: does one go on with r3?
			if n12 >= len(s) {
				more = true
			} else if r3, ok := filterRune(s[n12:]); !ok || t.maybeTrigram(r1, r2, r3) {
				if n, match, more = t.MatchFrom(s, node2, n12); n > 0 || more {
					return n, match, more
				}
			}
		}
		if rec[nodeValue] != 0 {
			return n12, node2, more
		}
	}
	if root := t.root(r1); t.nodes[root*nodeWords+nodeValue] != 0 {
		return n1, root, more
	}
	return 0, 0, more
}

// pair returns the trie node of the key prefix r1 r2, or 0.
func (t *Table) pair(r1, r2 rune) uint32 {
	for h := pairHash(r1, r2) & t.pmask; ; h = (h + 1) & t.pmask {
		slot := (*[pairWords]uint32)(t.pairs[h*pairWords:])
		switch slot[pairFirst] {
		case 0:
			return 0
		case uint32(r1) + 1:
			if slot[pairSecond] == uint32(r2) {
				return slot[pairNode]
			}
		}
	}
}

func (t *Table) maybeTrigram(r1, r2, r3 rune) bool {
	h := trigramHash(r1, r2, r3) & t.tmask
	return t.trig[h>>5]&(1<<(h&31)) != 0
}

// filterRune decodes an ASCII or three-byte character at the start of s
// for the trigram filter only, without validating continuation bytes, so
// that it inlines. Malformed bytes give some rune, and either answer of
// the filter is then right: "no", because no key goes on through bytes
// that are not UTF-8; "maybe", because the trie, which validates, then
// decides. ok is false for anything else. (PeekRune validates: its result
// decides match lengths.)
func filterRune(s []byte) (rune, bool) {
	c := s[0]
	if c < utf8.RuneSelf {
		return rune(c), true
	}
	if len(s) >= 3 && c&0xF0 == 0xE0 {
		return rune(c&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), true
	}
	return 0, false
}

// PeekRune decodes an ASCII or three-byte character at the start of s,
// the common cases, for the pair, bigram and trigram lookups; it returns
// -1 for anything else, including every malformed sequence, so that the
// trie, which decodes fully, decides there.
func PeekRune(s []byte) rune {
	if len(s) == 0 {
		return -1
	}
	if c := s[0]; c < utf8.RuneSelf {
		return rune(c)
	}
	if len(s) >= 3 && s[0]&0xF0 == 0xE0 && s[1]&0xC0 == 0x80 && s[2]&0xC0 == 0x80 {
		r := rune(s[0]&0x0F)<<12 | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F)
		if r >= 0x800 && uint32(r-0xD800) >= 0x800 {
			return r
		}
	}
	return -1
}

// MatchFrom continues Match from node id, reached after the first pos
// bytes of s.
func (t *Table) MatchFrom(s []byte, id uint32, pos int) (n int, match uint32, more bool) {
	for id != 0 {
		rec := t.nodes[id*nodeWords : id*nodeWords+nodeWords : id*nodeWords+nodeWords]
		if rec[nodeValue] != 0 {
			n, match = pos, id
		}
		count := rec[nodeCount]
		if count == 0 {
			break
		}
		if pos >= len(s) {
			more = true
			break
		}
		var r rune
		size := 1
		if c := s[pos]; c < utf8.RuneSelf {
			r = rune(c)
		} else if r, size = decodeRune(s[pos:]); size <= 1 {
			more = size == 0
			break
		}
		if h := edgeHash(id, r) & t.emask; t.efilt[h>>5]&(1<<(h&31)) == 0 {
			break // no child has r: the filter has no false negatives
		}
		id = t.child(rec[nodeFirst], count, r)
		pos += size
	}
	return n, match, more
}

// child finds the child with edge rune r among the count nodes from first.
func (t *Table) child(first, count uint32, r rune) uint32 {
	edges := t.edge[first : first+count]
	if len(edges) <= 8 {
		for i, e := range edges {
			if e == uint32(r) {
				return first + uint32(i)
			}
		}
		return 0
	}
	lo, hi := 0, len(edges)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if edges[mid] < uint32(r) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo < len(edges) && edges[lo] == uint32(r) {
		return first + uint32(lo)
	}
	return 0
}

// AppendValue appends the first target of the key matched by Match.
func (t *Table) AppendValue(dst []byte, match uint32) []byte {
	rec := t.nodes[match*nodeWords : match*nodeWords+nodeWords : match*nodeWords+nodeWords]
	v := rec[nodeValue]
	if v&inlineValue == 0 {
		return append(dst, t.pooled(v)...)
	}
	dst = appendRune(dst, rune(v&rootRune))
	if v&inlineTwo != 0 {
		dst = appendRune(dst, rune(rec[nodeValue2]))
	}
	return dst
}

// appendRune is utf8.AppendRune with the three-byte case, nearly every
// Chinese character, written inline.
func appendRune(dst []byte, r rune) []byte {
	if r >= 0x800 && r < 0x10000 && (r < 0xD800 || r > 0xDFFF) {
		return append(dst, byte(0xE0|r>>12), byte(0x80|r>>6&0x3F), byte(0x80|r&0x3F))
	}
	return utf8.AppendRune(dst, r)
}

// ValueLen is the length in bytes of the first target of a match.
func (t *Table) ValueLen(match uint32) int {
	rec := t.nodes[match*nodeWords : match*nodeWords+nodeWords : match*nodeWords+nodeWords]
	v := rec[nodeValue]
	if v&inlineValue == 0 {
		return len(t.pooled(v))
	}
	n := utf8.RuneLen(rune(v & rootRune))
	if v&inlineTwo != 0 {
		n += utf8.RuneLen(rune(rec[nodeValue2]))
	}
	return n
}

// Value returns the first target of the key matched by Match.
func (t *Table) Value(match uint32) []byte { return t.AppendValue(nil, match) }

// ValueIn returns the first target of a match without allocating: a
// slice of the table, or of buf for a target stored inline.
func (t *Table) ValueIn(buf *[2 * utf8.UTFMax]byte, match uint32) []byte {
	if v := t.nodes[match*nodeWords+nodeValue]; v&inlineValue == 0 {
		return t.pooled(v)
	}
	return t.AppendValue(buf[:0], match)
}

// Alternatives returns the targets after the first, separated by spaces,
// of the key matched by Match; nil when there are none.
func (t *Table) Alternatives(match uint32) []byte { return t.pooled(t.alt[match]) }

func (t *Table) pooled(i uint32) []byte {
	if i == 0 {
		return nil
	}
	lo, hi := t.valOff[i-1], t.valOff[i]
	return t.vals[lo:hi:hi]
}

// LeadBytes reports, for each byte value, whether some key's first
// character starts with it in UTF-8. It is computed once per table.
func (t *Table) LeadBytes() [256]bool {
	t.leadsOnce.Do(func() { t.leads = t.leadBytes() })
	return t.leads
}

func (t *Table) leadBytes() [256]bool {
	var leads [256]bool
	var buf [utf8.UTFMax]byte
	for b, blk := range t.index {
		if blk == 0 {
			continue
		}
		for i := range blockSize {
			if t.blocks[uint32(blk)<<blockShift|uint32(i)] != 0 {
				utf8.EncodeRune(buf[:], rune(b<<blockShift|i))
				leads[buf[0]] = true
			}
		}
	}
	return leads
}

// DecodeRune decodes the UTF-8 sequence at the start of s, which must not
// be empty and must not start with an ASCII byte. It returns size 1 for an
// invalid sequence and size 0 when s ends inside what could still become a
// valid sequence. The common three-byte case is decoded inline.
func decodeRune(s []byte) (rune, int) {
	if len(s) >= 3 {
		c0, c1, c2 := s[0], s[1], s[2]
		if c0&0xF0 == 0xE0 && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c0&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
			return utf8.RuneError, 1
		}
	}
	if !utf8.FullRune(s) {
		return utf8.RuneError, 0
	}
	return utf8.DecodeRune(s)
}
