package dict

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// Entry is one line of a dictionary: a key and its targets. Only the first
// target is used for conversion; the others are alternatives.
type Entry struct {
	Key    string
	Values []string
}

// SyntaxError reports a malformed dictionary line.
type SyntaxError struct {
	File string // the name given to Parse
	Line int    // 1-based
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}

// maxLine bounds one dictionary line. OpenCC's shipped data peaks at 173
// bytes; the bound only keeps a corrupt file from exhausting memory.
const maxLine = 1 << 20

// Parse reads a dictionary in OpenCC's text format: one entry per line, the
// key, a tab, then the targets separated by single spaces. A UTF-8 byte
// order mark at the start is skipped, a trailing "\r" is dropped, lines that
// start with '#' are comments and empty lines are skipped. Everything before
// the first tab is the key, untrimmed; "k\t" maps k to the empty string.
//
// A line without a tab, invalid UTF-8, an empty key and a key given twice
// are errors of type *SyntaxError naming name and the line, as OpenCC
// rejects them too. Entries are returned in file order.
func Parse(r io.Reader, name string) ([]Entry, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var (
		entries []Entry
		seen    = make(map[string]int)
		lineNo  int
	)
	for {
		line, err := readLine(br)
		if len(line) == 0 && err == io.EOF {
			return entries, nil
		}
		if err != nil && err != io.EOF {
			if errors.Is(err, errLineTooLong) {
				return nil, &SyntaxError{name, lineNo + 1, "line longer than 1 MiB"}
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lineNo++
		if lineNo == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		// OpenCC ends a line at its first "\r" (the usual one of a CRLF).
		if i := bytes.IndexByte(line, '\r'); i >= 0 {
			line = line[:i]
		}
		e, msg := parseLine(line)
		if msg != "" {
			return nil, &SyntaxError{name, lineNo, msg}
		}
		if e.Key != "" {
			if prev, dup := seen[e.Key]; dup {
				return nil, &SyntaxError{name, lineNo, fmt.Sprintf("duplicate key %q (first on line %d)", e.Key, prev)}
			}
			seen[e.Key] = lineNo
			entries = append(entries, e)
		}
		if err == io.EOF {
			return entries, nil
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its "\n".
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := br.ReadSlice('\n')
		line = append(line, chunk...)
		if len(line) > maxLine {
			return nil, errLineTooLong
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == nil {
			line = line[:len(line)-1]
		}
		return line, err
	}
}

// parseLine parses one line; an empty Entry with no message means the line
// is blank or a comment.
func parseLine(line []byte) (Entry, string) {
	if len(line) == 0 || line[0] == '#' {
		return Entry{}, ""
	}
	if !utf8.Valid(line) {
		return Entry{}, "invalid UTF-8"
	}
	if bytes.IndexByte(line, 0) >= 0 {
		return Entry{}, "NUL byte"
	}
	tab := bytes.IndexByte(line, '\t')
	if tab < 0 {
		return Entry{}, "missing tab between key and value"
	}
	if tab == 0 {
		return Entry{}, "empty key"
	}
	key := string(line[:tab])
	var values []string
	for _, v := range bytes.Split(line[tab+1:], []byte(" ")) {
		values = append(values, string(v))
	}
	return Entry{Key: key, Values: values}, ""
}
