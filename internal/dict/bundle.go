package dict

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"sort"
	"sync"
)

//go:generate go run gen.go

// Plan is a compiled OpenCC config: the names of the tables for each stage.
type Plan struct {
	Name          string // OpenCC's description of the config
	Normalization []Step // pre-pass over the whole text
	Segmentation  string // table for maximum-match segmentation; "" for none
	Chain         []Step // conversion steps, applied to each segment

	// FirstRest is set when the first step is a short_circuit group whose
	// first member is the segmentation dictionary itself (s2tw, s2twp,
	// s2hk, s2hkp). Then the first step's output for a segment that the
	// segmentation dictionary matched is that match's own target, and in
	// text it did not match only the group's other members can match:
	// FirstRest names the table of those members.
	FirstRest Step

	// Runs, when set (with FirstRest, and a chain of two steps), names one
	// table equal to FirstRest followed by the second step (see Compose),
	// so text the segmentation did not match is converted in one walk.
	Runs Step
}

// Step names the table of one conversion step with and without the
// dictionaries OpenCC marks may_output_tofu. NoTofu is "" when the step
// disappears without them.
type Step struct {
	Tofu, NoTofu string
}

// Configs returns the names of the bundled configs, sorted.
func Configs() []string {
	names := make([]string, 0, len(plans))
	for n := range plans {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// PlanOf returns the plan of a bundled config.
func PlanOf(config string) (Plan, bool) {
	p, ok := plans[config]
	return p, ok
}

//go:embed tables.bin
var bundle []byte

const bundleMagic = "TWDICT01"

type lazyTable struct {
	once  sync.Once
	raw   []byte
	table *Table
	err   error
}

var (
	directoryOnce sync.Once
	directory     map[string]*lazyTable
	directoryErr  error
)

// Load returns a bundled table by name, decoding it on first use. Tables
// are shared by every caller.
func Load(name string) (*Table, error) {
	directoryOnce.Do(func() { directory, directoryErr = readBundle(bundle) })
	if directoryErr != nil {
		return nil, directoryErr
	}
	lt := directory[name]
	if lt == nil {
		return nil, fmt.Errorf("dict: no bundled table %q", name)
	}
	lt.once.Do(func() { lt.table, lt.err = Decode(lt.raw) })
	return lt.table, lt.err
}

func readBundle(b []byte) (map[string]*lazyTable, error) {
	if len(b) < len(bundleMagic)+4 || string(b[:len(bundleMagic)]) != bundleMagic {
		return nil, fmt.Errorf("dict: tables.bin is not a table bundle")
	}
	p := b[len(bundleMagic):]
	next := func() (uint32, bool) {
		if len(p) < 4 {
			return 0, false
		}
		x := binary.LittleEndian.Uint32(p)
		p = p[4:]
		return x, true
	}
	count, _ := next()
	out := make(map[string]*lazyTable, count)
	for range count {
		n, ok1 := next()
		if !ok1 || int(n) > len(p) {
			return nil, errCorrupt
		}
		name := string(p[:n])
		p = p[n:]
		off, ok2 := next()
		size, ok3 := next()
		if !ok2 || !ok3 || uint64(off)+uint64(size) > uint64(len(b)) {
			return nil, errCorrupt
		}
		out[name] = &lazyTable{raw: b[off : off+size : off+size]}
	}
	return out, nil
}

// EncodeBundle writes named encoded tables as one bundle for Load.
func EncodeBundle(tables map[string][]byte) []byte {
	names := make([]string, 0, len(tables))
	for n := range tables {
		names = append(names, n)
	}
	sort.Strings(names)
	head := len(bundleMagic) + 4
	for _, n := range names {
		head += 12 + len(n)
	}
	off := (head + 3) &^ 3
	w := &writer{buf: []byte(bundleMagic)}
	w.u32(uint32(len(names)))
	for _, n := range names {
		w.u32(uint32(len(n)))
		w.buf = append(w.buf, n...)
		w.u32(uint32(off), uint32(len(tables[n])))
		off += (len(tables[n]) + 3) &^ 3
	}
	for len(w.buf)%4 != 0 {
		w.buf = append(w.buf, 0)
	}
	for _, n := range names {
		w.buf = append(w.buf, tables[n]...)
		for len(w.buf)%4 != 0 {
			w.buf = append(w.buf, 0)
		}
	}
	return w.buf
}
