package convert

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"sync"
)

// copyBlock is how much input Copy converts per piece.
const copyBlock = 256 << 10

// Copy converts everything read from src and writes it to dst, reading in
// blocks so that memory stays bounded however long the input is. The
// output is exactly Convert's: text that a later block could still change
// (an open phrase, a split character) is held back until it is decided.
// When there are several CPUs, pieces of input that end at a hard boundary
// (see hardBoundary) are converted in parallel. It returns the number of
// bytes written.
func (c *Converter) Copy(dst io.Writer, src io.Reader) (written int64, err error) {
	workers := max(1, min(runtime.GOMAXPROCS(0), 8))
	if c.userLF {
		workers = 1 // a line feed may sit inside a user key: no safe split
	}
	buf := make([]byte, workers*copyBlock)
	outs := make([][]byte, workers)
	have := 0 // bytes of buf holding input not yet converted
	eof := false
	for {
		for !eof && have < len(buf) {
			n, rerr := src.Read(buf[have:])
			have += n
			if rerr == io.EOF {
				eof = true
			} else if rerr != nil {
				return written, rerr
			}
			if n == 0 && rerr == nil {
				break
			}
		}
		// Cut the input into pieces at hard boundaries; every piece but
		// the last is complete in itself.
		pieces := splitPieces(buf[:have], workers)
		consumed := make([]int, len(pieces))
		var wg sync.WaitGroup
		for k, p := range pieces {
			last := k == len(pieces)-1
			wg.Add(1)
			go func() {
				defer wg.Done()
				r := c.newRun(noLimit)
				outs[k], consumed[k] = r.prefix(outs[k][:0], p, !last || eof)
				r.release()
			}()
		}
		wg.Wait()
		n := 0
		for k := range pieces {
			if len(outs[k]) > 0 {
				m, werr := dst.Write(outs[k])
				written += int64(m)
				if werr != nil {
					return written, werr
				}
			}
			n += consumed[k]
		}
		copy(buf, buf[n:have])
		have -= n
		if eof && have == 0 {
			return written, nil
		}
		if eof && n == 0 {
			return written, errors.New("convert: internal error: no progress at end of input")
		}
		if have == len(buf) {
			// Nothing in the whole buffer could be decided (input built to
			// defeat every cut point); grow rather than change the output.
			buf = append(buf, make([]byte, len(buf))...)
		}
	}
}

// splitPieces cuts s into at most n pieces of about equal size, each but
// the last ending just after a hard boundary. It returns s whole when no
// boundary is found or s is small.
func splitPieces(s []byte, n int) [][]byte {
	if n <= 1 || len(s) < 2*copyBlock {
		return [][]byte{s}
	}
	var pieces [][]byte
	size := len(s) / n
	for len(pieces) < n-1 && len(s) > size {
		cut := hardBoundary(s, size)
		if cut <= 0 {
			break
		}
		pieces = append(pieces, s[:cut])
		s = s[cut:]
	}
	return append(pieces, s)
}

// hardBoundary returns the end of the first line feed at or after from
// that no conversion can cross: no dictionary key contains a line feed
// (the text format cannot hold one, and Copy does not split when a
// WithPhrases key does), so only an Ideographic Description
// Sequence could swallow it, and an IDS spans at most 64 code points after
// its operator. A line feed with no IDS operator (U+2FF0–U+2FFF, UTF-8
// E2 BF B0–BF) in the 256 bytes before it is therefore a place where
// every walk of every step lands. It returns -1 if there is none.
func hardBoundary(s []byte, from int) int {
	for from < len(s) {
		j := bytes.IndexByte(s[from:], '\n')
		if j < 0 {
			return -1
		}
		nl := from + j
		if !hasIDSOperator(s[max(0, nl-256):nl]) {
			return nl + 1
		}
		from = nl + 1
	}
	return -1
}

func hasIDSOperator(s []byte) bool {
	for i := 0; i+2 < len(s); i++ {
		if s[i] == 0xE2 && s[i+1] == 0xBF && s[i+2] >= 0xB0 {
			return true
		}
	}
	return false
}
