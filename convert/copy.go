package convert

import (
	"errors"
	"io"
)

// copyBlock is how much input Copy converts per call.
const copyBlock = 256 << 10

// Copy converts everything read from src and writes it to dst, reading in
// blocks so that memory stays bounded however long the input is. The
// output is exactly Convert's: text that a later block could still change
// (an open phrase, a split character) is held back until it is decided.
// It returns the number of bytes written.
func (c *Converter) Copy(dst io.Writer, src io.Reader) (written int64, err error) {
	buf := make([]byte, copyBlock)
	var out []byte
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
			if have >= len(buf)/2 {
				break
			}
		}
		r := c.newRun(noLimit)
		var n int
		out, n = r.prefix(out[:0], buf[:have], eof)
		r.release()
		if len(out) > 0 {
			m, werr := dst.Write(out)
			written += int64(m)
			if werr != nil {
				return written, werr
			}
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
			// Nothing in a whole block could be decided (input built to
			// defeat every cut point); grow rather than change the output.
			buf = append(buf, make([]byte, len(buf))...)
		}
	}
}
