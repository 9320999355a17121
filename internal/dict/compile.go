package dict

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"
)

// Dict is a plain dictionary: each key maps to its targets, the first of
// which is what conversion outputs.
type Dict map[string][]string

// FromEntries makes a Dict from parsed entries.
func FromEntries(entries []Entry) Dict {
	d := make(Dict, len(entries))
	for _, e := range entries {
		d[e.Key] = e.Values
	}
	return d
}

// Union merges dictionaries as an OpenCC union group: longest match over all
// members, the earlier member winning equal keys.
func Union(members ...Dict) Dict {
	out := make(Dict)
	for _, m := range members {
		for k, v := range m {
			if _, ok := out[k]; !ok {
				out[k] = v
			}
		}
	}
	return out
}

// ShortCircuit compiles an OpenCC short_circuit group to a plain dictionary
// that gives the same result under longest-prefix matching: a key of a
// member is dropped when an earlier member has a key that is a prefix of it
// (see the package documentation for why this is exact).
func ShortCircuit(members ...Dict) Dict {
	out := make(Dict)
	for i, m := range members {
		for k, v := range m {
			if !prefixInAny(k, members[:i]) {
				out[k] = v
			}
		}
	}
	return out
}

// prefixInAny reports whether some dictionary has a key that is a prefix of
// k ending on a character boundary, k itself included.
func prefixInAny(k string, ds []Dict) bool {
	if len(ds) == 0 {
		return false
	}
	for i := 0; i < len(k); {
		_, n := utf8.DecodeRuneInString(k[i:])
		i += n
		for _, d := range ds {
			if _, ok := d[k[:i]]; ok {
				return true
			}
		}
	}
	return false
}

// Keys returns the keys of d in byte order.
func (d Dict) Keys() []string {
	keys := make([]string, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Table layout constants. Runes below maxIndexedRune are found through a
// two-level table (rune>>blockShift, then rune&blockMask); no key may start
// with a rune beyond it. Planes 0–3 cover every CJK block to Extension J.
const (
	blockShift     = 6
	blockSize      = 1 << blockShift
	blockMask      = blockSize - 1
	maxIndexedRune = 0x40000
	indexLen       = maxIndexedRune >> blockShift
	nodeWords      = 4 // see the node* word offsets in table.go
	headerWords    = 10
)

// trigramHash places three runes in a table's trigram filter.
func trigramHash(r1, r2, r3 rune) uint32 {
	h := uint32(r1)*0x9E3779B1 ^ uint32(r2)*0x85EBCA6B ^ uint32(r3)*0xC2B2AE35
	return h ^ h>>15
}

// pairHash is the home slot of a pair of runes in a table's pair table.
func pairHash(r1, r2 rune) uint32 {
	h := uint32(r1)*0x85EBCA6B ^ uint32(r2)*0x9E3779B1
	return h ^ h>>13
}

// Pair table slot words.
const (
	pairFirst = iota // first rune + 1; 0 marks an empty slot
	pairSecond
	pairNode // the trie node of the two runes
	pairWords
)

// Root info word bits. The low 21 bits hold the target rune when
// rootInline is set.
const (
	rootKids   = 1 << 31 // longer keys start with this rune
	rootInline = 1 << 30 // the rune alone is a key whose target is one rune, inline
	rootValue  = 1 << 29 // the rune alone is a key whose target is in the node record
	rootRune   = 1<<21 - 1
)

// bigramHash places a pair of runes in a table's bigram filter.
func bigramHash(r1, r2 rune) uint32 {
	h := uint32(r1)*0x9E3779B1 ^ uint32(r2)*0x85EBCA6B
	return h ^ h>>15
}

// edgeHash places the trie edge from node by rune r in a table's edge
// filter.
func edgeHash(node uint32, r rune) uint32 {
	h := node*0x9E3779B1 ^ uint32(r)*0x85EBCA6B
	return h ^ h>>16
}

// Value word bits: a target of one or two runes is stored in the node
// record itself (the first rune in the value word, the second in the next
// word), any other target as a 1-based index into the value pool.
const (
	inlineValue = 1 << 31 // the target is inline
	inlineTwo   = 1 << 30 // …and has a second rune, in the next word
)

// Encode compiles d into the binary table format read by Table.
func Encode(d Dict) ([]byte, error) {
	type bnode struct {
		value, alt int // 1-based indexes into the value pool; 0 for none
		kids       map[rune]*bnode
		id         uint32
		r          rune
	}
	root := &bnode{kids: map[rune]*bnode{}}
	var (
		pool    []string
		poolIdx = map[string]int{}
		maxKey  int
		intern  = func(s string) int {
			if i, ok := poolIdx[s]; ok {
				return i
			}
			pool = append(pool, s)
			poolIdx[s] = len(pool)
			return len(pool)
		}
	)
	for _, k := range d.Keys() {
		if k == "" || !utf8.ValidString(k) {
			return nil, fmt.Errorf("key %q: empty or invalid UTF-8", k)
		}
		maxKey = max(maxKey, len(k))
		n := root
		for _, r := range k {
			if n == root && r >= maxIndexedRune {
				return nil, fmt.Errorf("key %q starts beyond U+%X", k, maxIndexedRune-1)
			}
			c := n.kids[r]
			if c == nil {
				c = &bnode{kids: map[rune]*bnode{}, r: r}
				n.kids[r] = c
			}
			n = c
		}
		vals := d[k]
		n.value = intern(vals[0])
		if len(vals) > 1 {
			n.alt = intern(strings.Join(vals[1:], " "))
		}
	}
	sortedKids := func(n *bnode) []*bnode {
		kids := make([]*bnode, 0, len(n.kids))
		for _, c := range n.kids {
			kids = append(kids, c)
		}
		sort.Slice(kids, func(i, j int) bool { return kids[i].r < kids[j].r })
		return kids
	}
	// Number nodes breadth first so that every node's children are
	// consecutive; node 0 means "none".
	order := []*bnode{nil}
	queue := sortedKids(root)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		n.id = uint32(len(order))
		order = append(order, n)
		queue = append(queue, sortedKids(n)...)
	}
	// Root level: per rune an info word (see rootKids) and the trie node,
	// in blocks of blockSize runes shared between equal blocks (block 0 is
	// empty).
	type rootBlock struct{ info, node [blockSize]uint32 }
	var blocks []rootBlock
	blocks = append(blocks, rootBlock{})
	blockIdx := map[rootBlock]uint16{{}: 0}
	var index [indexLen]uint16
	rootBlocks := map[int]*rootBlock{}
	var bigrams [][2]rune
	for r, c := range root.kids {
		blk := rootBlocks[int(r)>>blockShift]
		if blk == nil {
			blk = new(rootBlock)
			rootBlocks[int(r)>>blockShift] = blk
		}
		var info uint32
		if len(c.kids) > 0 {
			info |= rootKids
			for r2 := range c.kids {
				bigrams = append(bigrams, [2]rune{r, r2})
			}
		}
		if c.value != 0 {
			if v := pool[c.value-1]; utf8.RuneCountInString(v) == 1 && v != string(utf8.RuneError) {
				r, _ := utf8.DecodeRuneInString(v)
				info |= rootInline | uint32(r)
			} else {
				info |= rootValue
			}
		}
		blk.info[int(r)&blockMask] = info
		blk.node[int(r)&blockMask] = c.id
	}
	for b := range indexLen {
		blk := rootBlocks[b]
		if blk == nil {
			continue // index[b] = 0, the empty block
		}
		id, ok := blockIdx[*blk]
		if !ok {
			if len(blocks) > 0xFFFF {
				return nil, fmt.Errorf("too many index blocks")
			}
			id = uint16(len(blocks))
			blockIdx[*blk] = id
			blocks = append(blocks, *blk)
		}
		index[b] = id
	}
	// Bigram filter: a bit per hashed pair of first and second rune of the
	// keys longer than one character, about sixteen bits per pair.
	bigramWords := 2
	for bigramWords*32 < 16*len(bigrams) {
		bigramWords *= 2
	}
	bigram := make([]uint32, bigramWords)
	for _, p := range bigrams {
		h := bigramHash(p[0], p[1]) & uint32(bigramWords*32-1)
		bigram[h>>5] |= 1 << (h & 31)
	}
	var poolBytes int
	for _, s := range pool {
		poolBytes += len(s)
	}
	// Edge filter: a bit per hashed (node, child rune) edge below the
	// root, at eight or more bits per edge, so that most "no key goes on
	// with this rune" answers need no search of the children.
	var nEdges int
	for _, n := range order[1:] {
		nEdges += len(n.kids)
	}
	edgeWords := 2
	for edgeWords*32 < 8*nEdges {
		edgeWords *= 2
	}
	edges := make([]uint32, edgeWords)
	for _, n := range order[1:] {
		for r := range n.kids {
			h := edgeHash(n.id, r) & uint32(edgeWords*32-1)
			edges[h>>5] |= 1 << (h & 31)
		}
	}
	// Pair table: every two-rune key prefix to its trie node, open
	// addressing with linear probing at most half full, so a phrase hit
	// finds its second-level node with one probe.
	// Insertion order decides where probing places a pair: sort, so that
	// the generated tables are the same on every run.
	sort.Slice(bigrams, func(i, j int) bool {
		if bigrams[i][0] != bigrams[j][0] {
			return bigrams[i][0] < bigrams[j][0]
		}
		return bigrams[i][1] < bigrams[j][1]
	})
	pairSlots := 2
	for pairSlots < 2*len(bigrams) {
		pairSlots *= 2
	}
	pairs := make([]uint32, pairSlots*pairWords)
	for _, p := range bigrams {
		h := pairHash(p[0], p[1]) & uint32(pairSlots-1)
		for pairs[h*pairWords+pairFirst] != 0 {
			h = (h + 1) & uint32(pairSlots-1)
		}
		pairs[h*pairWords+pairFirst] = uint32(p[0]) + 1
		pairs[h*pairWords+pairSecond] = uint32(p[1])
		pairs[h*pairWords+pairNode] = root.kids[p[0]].kids[p[1]].id
	}
	// Trigram filter: a bit per hashed first three runes of the keys
	// longer than two, so that after a two-rune match most "nothing longer"
	// answers need no deeper node.
	var trigrams [][3]rune
	for r1, n1 := range root.kids {
		for r2, n2 := range n1.kids {
			for r3 := range n2.kids {
				trigrams = append(trigrams, [3]rune{r1, r2, r3})
			}
		}
	}
	trigramWords := 2
	for trigramWords*32 < 16*len(trigrams) {
		trigramWords *= 2
	}
	trigram := make([]uint32, trigramWords)
	for _, p := range trigrams {
		h := trigramHash(p[0], p[1], p[2]) & uint32(trigramWords*32-1)
		trigram[h>>5] |= 1 << (h & 31)
	}
	w := &writer{}
	w.u32(uint32(maxKey), uint32(len(blocks)), uint32(len(order)), uint32(len(pool)), uint32(poolBytes), uint32(len(d)), uint32(bigramWords), uint32(edgeWords), uint32(pairSlots), uint32(trigramWords))
	for _, x := range index {
		w.u16(x)
	}
	for len(w.buf)%4 != 0 {
		w.buf = append(w.buf, 0)
	}
	for _, blk := range blocks {
		w.u32(blk.info[:]...)
	}
	for _, blk := range blocks {
		w.u32(blk.node[:]...)
	}
	w.u32(bigram...)
	w.u32(edges...)
	w.u32(pairs...)
	w.u32(trigram...)
	// Each node is one 16-byte record (first child, child count, first
	// target), so a lookup step touches one cache line, and a target of
	// up to two runes (most phrase targets) needs no second memory access.
	// The edge runes are a parallel array, so a binary search over a
	// node's children reads consecutive words.
	for _, n := range order {
		var rec [nodeWords]uint32
		if n != nil {
			kids := sortedKids(n)
			if len(kids) > 0 {
				rec[nodeFirst] = kids[0].id
			}
			rec[nodeCount] = uint32(len(kids))
			rec[nodeValue] = uint32(n.value)
			if n.value != 0 {
				rs := []rune(pool[n.value-1])
				if len(rs) >= 1 && len(rs) <= 2 && pool[n.value-1] == string(rs) {
					rec[nodeValue] = inlineValue | uint32(rs[0])
					if len(rs) == 2 {
						rec[nodeValue] |= inlineTwo
						rec[nodeValue2] = uint32(rs[1])
					}
				}
			}
		}
		w.u32(rec[:]...)
	}
	for _, n := range order {
		if n == nil {
			w.u32(0)
			continue
		}
		w.u32(uint32(n.alt))
	}
	for _, n := range order {
		if n == nil {
			w.u32(0)
			continue
		}
		w.u32(uint32(n.r))
	}
	off := uint32(0)
	w.u32(0)
	for _, s := range pool {
		off += uint32(len(s))
		w.u32(off)
	}
	for _, s := range pool {
		w.buf = append(w.buf, s...)
	}
	for len(w.buf)%4 != 0 {
		w.buf = append(w.buf, 0)
	}
	return w.buf, nil
}

type writer struct{ buf []byte }

func (w *writer) u32(xs ...uint32) {
	for _, x := range xs {
		w.buf = append(w.buf, byte(x), byte(x>>8), byte(x>>16), byte(x>>24))
	}
}

func (w *writer) u16(x uint16) { w.buf = append(w.buf, byte(x), byte(x>>8)) }

// Compose returns one dictionary that converts text as converting it with
// first and then with then would, when first is a per-character map: every
// key and every first target one rune, and neither dictionary has a key
// with an IDS operator (U+2FF0–U+2FFF). Its keys are every string whose
// image under first is a key of then (the preimages), with then's targets,
// and every key c of first, with then's one-rune target of first's target
// when there is one, else first's target. A walk with the result lands
// where the walk with then over first's output lands, character for
// character: candidate keys at a position are prefixes of the same text,
// so the longest preimage matches exactly when the longest key of then
// does, and units (IDS, invalid bytes) are skipped alike.
//
// ok is false when first is not such a map or a key has more than limit
// preimages.
func Compose(first, then Dict, limit int) (d Dict, ok bool) {
	hasOperator := func(s string) bool {
		for _, r := range s {
			if r >= 0x2FF0 && r <= 0x2FFF {
				return true
			}
		}
		return false
	}
	image := make(map[rune]rune, len(first))
	preimages := make(map[rune][]rune)
	for k, vs := range first {
		rk, rv := []rune(k), []rune(vs[0])
		if len(rk) != 1 || len(rv) != 1 || string(rk) != k || string(rv) != vs[0] || hasOperator(k) {
			return nil, false
		}
		image[rk[0]] = rv[0]
		preimages[rv[0]] = append(preimages[rv[0]], rk[0])
	}
	for _, p := range preimages {
		sort.Slice(p, func(i, j int) bool { return p[i] < p[j] })
	}
	pre := func(r rune) []rune {
		p := preimages[r]
		if _, mapped := image[r]; !mapped {
			p = append([]rune{r}, p...) // a rune first leaves alone is its own preimage
		}
		return p
	}
	d = make(Dict)
	for _, k := range then.Keys() {
		if hasOperator(k) {
			return nil, false
		}
		combos := [][]rune{nil}
		for _, r := range k {
			var next [][]rune
			for _, c := range combos {
				for _, p := range pre(r) {
					next = append(next, append(append([]rune(nil), c...), p))
				}
			}
			if combos = next; len(combos) > limit {
				return nil, false
			}
		}
		for _, c := range combos {
			d[string(c)] = then[k]
		}
	}
	for k := range first {
		if _, done := d[k]; done {
			continue // its image is a key of then: then's targets, set above
		}
		vs := make([]string, len(first[k]))
		for i, v := range first[k] {
			vs[i] = v
			if t, ok := then[v]; ok && utf8.RuneCountInString(v) == 1 {
				vs[i] = t[0]
			}
		}
		d[k] = vs
	}
	return d, true
}
