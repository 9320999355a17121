// Package bench times tongwen against other Go converters on the same real
// text: github.com/longbridgeapp/opencc and github.com/liuzl/gocc, plus a
// bare utf8.DecodeRune copy loop as the floor any converter pays to read
// its input. It is a separate module so that tongwen's users never
// download the peers.
//
//	cd bench && go test -bench . -benchmem
//
// process.sh times whole processes: the Debian opencc command-line tool
// against tongwen convert on a 16 MiB input.
package bench
