package convert

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"
	"unsafe"

	"github.com/tongwen/tongwen/internal/dict"
	"golang.org/x/text/transform"
)

// Converter converts text with one OpenCC configuration. It is immutable
// and safe for concurrent use; as a transform.Transformer it keeps no state
// between calls.
type Converter struct {
	name string
	norm []*dict.Table // normalization pre-pass, whole text
	seg  *dict.Table   // segmentation; nil: the whole text is one segment
	user *dict.Table   // user entries (WithPhrases, WithDictionary); nil for none
	// userLF is set when a user key contains a line feed: then a line
	// feed is no longer a boundary no conversion crosses (see Copy).
	userLF bool
	steps  []*dict.Table // conversion chain, per segment

	// runSteps is the chain for text the segmentation did not match. It is
	// steps, except where the plan's FirstRest applies: then the first step
	// is FirstRest's table, and a matched segment's first step is the
	// segmentation match's own target (fused).
	runSteps []*dict.Table
	fused    bool

	// normLeads are the first bytes of the characters the normalization
	// pre-pass changes; normAlways is set when they are too many to scan for.
	normLeads  []byte
	normAlways bool
}

var _ transform.Transformer = (*Converter)(nil)

type options struct {
	tofu bool
	user dict.Dict // user entries, later options overriding earlier ones
	err  error
}

func (o *options) addUser(key string, values []string, source string) {
	if o.err != nil {
		return
	}
	if key == "" || !utf8.ValidString(key) {
		o.err = fmt.Errorf("convert: %s: key %q is empty or not UTF-8", source, key)
		return
	}
	for _, v := range values {
		if !utf8.ValidString(v) {
			o.err = fmt.Errorf("convert: %s: value of %q is not UTF-8", source, key)
			return
		}
	}
	if o.user == nil {
		o.user = make(dict.Dict)
	}
	o.user[key] = values
}

// An Option changes how New builds a Converter.
type Option func(*options)

// WithoutTofuRisk leaves out the dictionaries OpenCC marks may_output_tofu:
// targets that many fonts cannot display yet (CJK Extension B and later).
// OpenCC's library includes them by default, as New does; OpenCC's
// command-line tool leaves them out unless asked.
func WithoutTofuRisk() Option { return func(o *options) { o.tofu = false } }

// WithPhrases adds user entries: wherever a key occurs in the text, its
// value is written instead, as is. User entries win over the bundled
// dictionaries: at every position the longest user key that matches is
// taken before any bundled phrase is considered, and no conversion step
// touches its value (so {"魏恒": "魏恒"} keeps a name unconverted, and
// {"鼠标": "鼠標"} in s2twp gives 鼠標, not 滑鼠). Elsewhere conversion is
// exactly OpenCC's. Later options override earlier ones for the same key.
func WithPhrases(phrases map[string]string) Option {
	return func(o *options) {
		keys := make([]string, 0, len(phrases))
		for k := range phrases {
			keys = append(keys, k)
		}
		sort.Strings(keys) // deterministic error reporting
		for _, k := range keys {
			o.addUser(k, []string{phrases[k]}, "WithPhrases")
		}
	}
}

// WithDictionary adds user entries read from r in OpenCC's text format
// (key, a tab, targets separated by spaces; '#' comments), with the same
// precedence as WithPhrases; the first target is written, the others are
// offered as alternatives. A malformed line makes New fail with an error
// naming name and the line, such as "user.txt:3: missing tab between key
// and value".
func WithDictionary(name string, r io.Reader) Option {
	return func(o *options) {
		if o.err != nil {
			return
		}
		entries, err := dict.Parse(r, name)
		if err != nil {
			o.err = err
			return
		}
		for _, e := range entries {
			o.addUser(e.Key, e.Values, name)
		}
	}
}

// Configs returns the names of the configurations New accepts, sorted.
func Configs() []string { return dict.Configs() }

// New returns a Converter for an OpenCC configuration name such as "s2t" or
// "s2twp" (a ".json" suffix is accepted too).
func New(config string, opts ...Option) (*Converter, error) {
	o := options{tofu: true}
	for _, opt := range opts {
		opt(&o)
	}
	if o.err != nil {
		return nil, o.err
	}
	name := strings.TrimSuffix(config, ".json")
	plan, ok := dict.PlanOf(name)
	if !ok {
		return nil, fmt.Errorf("convert: unknown configuration %q (known: %s)", config, strings.Join(Configs(), ", "))
	}
	c := &Converter{name: name}
	// loadStep returns the table of a step, nil when the step drops out.
	loadStep := func(s dict.Step) (*dict.Table, error) {
		name := s.Tofu
		if !o.tofu {
			name = s.NoTofu
		}
		if name == "" {
			return nil, nil
		}
		return dict.Load(name)
	}
	load := func(steps []dict.Step) ([]*dict.Table, error) {
		var out []*dict.Table
		for _, s := range steps {
			t, err := loadStep(s)
			if err != nil {
				return nil, err
			}
			if t != nil {
				out = append(out, t)
			}
		}
		return out, nil
	}
	var err error
	if c.norm, err = load(plan.Normalization); err != nil {
		return nil, err
	}
	if len(c.norm) > 1 {
		// OpenCC's configs normalize in one step; positions in streamed
		// text are mapped back through exactly one.
		return nil, fmt.Errorf("convert: %s: more than one normalization step is not supported", name)
	}
	if c.steps, err = load(plan.Chain); err != nil {
		return nil, err
	}
	if plan.Segmentation != "" {
		if c.seg, err = dict.Load(plan.Segmentation); err != nil {
			return nil, err
		}
	}
	for k := range o.user {
		c.userLF = c.userLF || strings.Contains(k, "\n")
	}
	if len(o.user) > 0 {
		enc, err := dict.Encode(o.user)
		if err != nil {
			return nil, fmt.Errorf("convert: user entries: %w", err)
		}
		if c.user, err = dict.Decode(enc); err != nil {
			return nil, err
		}
	}
	c.runSteps = c.steps
	if len(c.steps) > 0 {
		rest, err := loadStep(plan.FirstRest)
		if err != nil {
			return nil, err
		}
		if rest != nil {
			c.fused = true
			c.runSteps = append([]*dict.Table{rest}, c.steps[1:]...)
		}
		// One table for both steps over unmatched runs, when the generator
		// could compose them.
		runs, err := loadStep(plan.Runs)
		if err != nil {
			return nil, err
		}
		if runs != nil && c.fused && len(c.steps) == 2 {
			c.runSteps = []*dict.Table{runs}
		}
	}
	var leads [256]bool
	for _, t := range c.norm {
		for b, ok := range t.LeadBytes() {
			leads[b] = leads[b] || ok
		}
	}
	for b, ok := range leads {
		if ok {
			c.normLeads = append(c.normLeads, byte(b))
		}
	}
	c.normAlways = len(c.normLeads) > 4 || (len(c.normLeads) > 0 && c.normLeads[0] < utf8.RuneSelf)
	return c, nil
}

// Name returns the configuration name, such as "s2t".
func (c *Converter) Name() string { return c.name }

// Convert returns s converted.
func (c *Converter) Convert(s string) string {
	if s == "" {
		return ""
	}
	out := c.Append(make([]byte, 0, len(s)+len(s)/8+8), unsafe.Slice(unsafe.StringData(s), len(s)))
	return unsafe.String(unsafe.SliceData(out), len(out))
}

// Append appends the conversion of src to dst and returns the extended
// buffer. With a dst of enough capacity it does not allocate.
func (c *Converter) Append(dst, src []byte) []byte {
	r := c.newRun(noLimit)
	out, _ := r.prefix(dst, src, true)
	r.release()
	return out
}

// Reset implements transform.Transformer; a Converter has no state.
func (c *Converter) Reset() {}

// Transform implements transform.Transformer. It converts the longest
// prefix of src whose output cannot depend on what follows (all of it at
// EOF) and fits in dst; it never splits a UTF-8 sequence, an IDS, a
// dictionary match, or a run that a later step could convert differently.
func (c *Converter) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	r := c.newRun(len(dst))
	out, n := r.prefix(dst[:0], src, atEOF)
	full := r.full
	r.release()
	if n < len(src) {
		if full || atEOF {
			err = transform.ErrShortDst
		} else {
			err = transform.ErrShortSrc
		}
	}
	return len(out), n, err
}

func (c *Converter) newRun(limit int) *run {
	return &run{c: c, limit: limit, s: scratchPool.Get().(*scratch)}
}

func (r *run) release() {
	scratchPool.Put(r.s)
	r.s = nil
}

// prefix runs the normalization pre-pass where the text needs it, then the
// conversion, and returns how much of src it consumed.
func (r *run) prefix(dst, src []byte, final bool) ([]byte, int) {
	if !r.c.needsNormalization(src) {
		return r.convert(dst, src, final)
	}
	// Normalize, remembering where each unit of src went, so that what the
	// conversion consumes can be mapped back to src.
	marks := r.s.normMarks[:0]
	norm, n, _ := walk(r.s.norm[:0], src, r.c.norm[0], final, noLimit, &marks)
	r.s.norm, r.s.normMarks = norm, marks
	final = final && n == len(src)
	lim := len(norm)
	for {
		out, p := r.convert(dst, norm[:lim], final)
		if q, ok := origin(marks, p); ok {
			return out, q
		}
		// p falls inside one normalization replacement: convert less.
		lim, final = 0, false
		for _, m := range marks {
			if m.out < p {
				lim = m.out
			}
		}
		if lim == 0 {
			return dst, 0
		}
	}
}

// needsNormalization reports whether the pre-pass would change src.
func (c *Converter) needsNormalization(src []byte) bool {
	if len(c.norm) == 0 {
		return false
	}
	if c.normAlways {
		return true
	}
	for _, lead := range c.normLeads {
		for i := 0; ; {
			j := bytes.IndexByte(src[i:], lead)
			if j < 0 {
				break
			}
			i += j
			r, size := utf8.DecodeRune(src[i:])
			for _, t := range c.norm {
				if size > 1 && t.StartsKey(r) {
					return true
				}
			}
			i++
		}
	}
	return false
}
