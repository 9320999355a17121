// Package dict holds tongwen's compiled dictionaries: the parser for
// OpenCC's text dictionary format, the compiler that turns OpenCC's
// dictionary groups into plain longest-prefix tables, and the read-only
// Table that the convert and detect packages query.
//
// The bundled OpenCC data under data/ is compiled ahead of time by gen.go
// (go generate) into tables.bin, which is embedded and read in place:
// loading a table costs a few slice headers, not a parse.
//
// # Groups compile to plain tables
//
// OpenCC looks a position up in a group of dictionaries with one of two
// policies. A union takes the longest match over all members (the earlier
// member wins a tie). A short_circuit group takes the first member that
// has any match, with that member's longest match. Both reduce to a single
// dictionary with plain longest-prefix matching:
//
//   - a union is the merge of its members, earlier members winning equal keys;
//   - in a short_circuit group, a key of member m is kept only if no earlier
//     member has a key that is a prefix of it (or equal to it). Whenever the
//     text at a position starts with a dropped key, it also starts with that
//     earlier, shorter key, so the earlier member would have won anyway; and
//     the longest kept key that matches is exactly the first matching
//     member's longest match.
//
// So every step of an OpenCC conversion chain is one table and one lookup
// per position, whatever the nesting of its groups.
package dict
