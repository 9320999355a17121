// Package convert converts Chinese text between Simplified and Traditional
// scripts and their regional variants with OpenCC's configurations (s2t,
// t2s, s2tw, tw2s, s2hk, hk2s, s2twp, tw2sp, s2hkp, hk2sp, t2tw, tw2t,
// t2hk, hk2t, t2jp, jp2t) and OpenCC's dictionaries, bundled.
//
// # Exactness
//
// For valid UTF-8 the output is byte-identical to the OpenCC engine's on
// the same dictionaries: the normalization pre-pass (CJK compatibility
// ideographs), maximum-match segmentation done once, every step of the
// conversion chain applied to each segment, the first target of a key,
// and Ideographic Description Sequences passed through whole. The tests
// check OpenCC's own 543 test vectors and byte-identical output to the
// reference engine on real text for every configuration.
//
// Deliberate differences: bytes that are not UTF-8 pass through unchanged
// (OpenCC stops with an error), a NUL byte is an ordinary character
// (OpenCC drops the rest of the segment), and output never depends on how
// streamed input was cut (OpenCC's command-line tool can split a phrase at
// its 1 MiB block boundary).
//
// # Your own entries, candidates and offsets
//
// WithPhrases and WithDictionary add user entries that win over the
// bundled dictionaries wherever their keys occur. Segments returns a
// conversion as aligned pieces: input and output byte spans (for
// highlighting in the original what was found in converted text) and every
// target the dictionaries list for a piece, not only the first.
//
// Tofu-risk dictionaries (targets from recent CJK extensions that many
// fonts lack) are included by default, as in OpenCC's library;
// WithoutTofuRisk leaves them out, as OpenCC's command-line tool does.
//
// # Streaming
//
// A *Converter is a transform.Transformer: use it with transform.NewReader,
// transform.NewWriter or transform.Chain. It keeps no state between calls:
// it converts the longest prefix of its input whose output later input
// cannot change (a place where the segmentation and every chain step agree
// on a boundary) and asks for more input for the rest. Copy does the same
// over an io.Reader in large blocks, for throughput.
//
// A Converter is immutable and safe for concurrent use. Its tables are
// compiled ahead of time and embedded; New costs microseconds once a
// table has been used in the process.
package convert
