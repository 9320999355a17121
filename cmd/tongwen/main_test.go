package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/iotest"
)

func tongwen(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestConvertStdin(t *testing.T) {
	out, _, code := tongwen(t, "鼠标和软件\n头发\n", "convert", "-c", "s2twp")
	if code != 0 || out != "滑鼠和軟體\n頭髮\n" {
		t.Errorf("got %q, exit %d", out, code)
	}
	out, _, _ = tongwen(t, "\xff\xfe中国\x00ab\xc3", "convert", "-c", "s2t")
	if out != "\xff\xfe中國\x00ab\xc3" {
		t.Errorf("invalid UTF-8 not passed through: %q", out)
	}
}

func TestConvertFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("头发\n"), 0o644)
	os.WriteFile(b, []byte("干燥"), 0o644)
	out, _, code := tongwen(t, "", "convert", "--config", "s2t.json", a, b)
	if code != 0 || out != "頭髮\n乾燥" {
		t.Errorf("got %q, exit %d", out, code)
	}
}

func TestConvertOutputIsAtomic(t *testing.T) {
	dir := t.TempDir()
	in, dst := filepath.Join(dir, "in.txt"), filepath.Join(dir, "out.txt")
	os.WriteFile(in, []byte("头发"), 0o644)
	os.WriteFile(dst, []byte("old"), 0o600)
	// The second input does not exist: the run fails and out.txt keeps
	// its old content, with no temporary file left behind.
	_, errOut, code := tongwen(t, "", "convert", "-c", "s2t", "-o", dst, in, filepath.Join(dir, "missing.txt"))
	if code != 1 || !strings.Contains(errOut, "missing.txt") {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(dst); string(b) != "old" {
		t.Errorf("out.txt = %q after a failed run", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("%d files in the folder, want 2 (a temporary file left behind?)", len(entries))
	}
	if _, _, code := tongwen(t, "", "convert", "-c", "s2t", "-o", dst, in); code != 0 {
		t.Fatalf("exit %d", code)
	}
	if b, _ := os.ReadFile(dst); string(b) != "頭髮" {
		t.Errorf("out.txt = %q", b)
	}
	if info, _ := os.Stat(dst); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old file's 0600", info.Mode().Perm())
	}
}

func TestExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{nil, 2},
		{[]string{"frobnicate"}, 2},
		{[]string{"convert"}, 2},
		{[]string{"convert", "-c", "x2y"}, 2},
		{[]string{"convert", "-bogus"}, 2},
		{[]string{"convert", "-c", "s2t", "/nonexistent/file"}, 1},
		{[]string{"convert", "-h"}, 0},
		{[]string{"configs"}, 0},
		{[]string{"version"}, 0},
	} {
		if _, _, code := tongwen(t, "", tc.args...); code != tc.code {
			t.Errorf("tongwen %q: exit %d, want %d", tc.args, code, tc.code)
		}
	}
	out, _, _ := tongwen(t, "", "configs")
	if len(strings.Fields(out)) != 16 {
		t.Errorf("configs listed %d names, want 16", len(strings.Fields(out)))
	}
}

func TestConvertUserDictionary(t *testing.T) {
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "names.txt"), filepath.Join(dir, "user.txt")
	os.WriteFile(good, []byte("# names\n魏恒\t魏恒\n"), 0o644)
	os.WriteFile(bad, []byte("头发\t頭髮\n\nbroken line\n"), 0o644)
	out, _, code := tongwen(t, "魏恒的头发\n", "convert", "-c", "s2t", "--dict", good)
	if code != 0 || out != "魏恒的頭髮\n" {
		t.Errorf("got %q, exit %d", out, code)
	}
	_, errOut, code := tongwen(t, "x", "convert", "-c", "s2t", "--dict", bad)
	if code != 1 || !strings.Contains(errOut, "user.txt:3: missing tab") {
		t.Errorf("exit %d, stderr %q; want 1 and the file and line", code, errOut)
	}
}

// TestConvertOneByteReads: 5 MB arriving one byte per read (a slow pipe)
// and the same bytes from a regular file give identical output.
func TestConvertOneByteReads(t *testing.T) {
	golden, err := os.ReadFile(filepath.Join("..", "..", "testdata", "golden", "hans.txt"))
	if err != nil {
		t.Fatal(err)
	}
	in := bytes.Repeat(golden, 5<<20/len(golden)+1)[:5<<20]
	file := filepath.Join(t.TempDir(), "in.txt")
	os.WriteFile(file, in, 0o644)
	var fromFile, fromPipe, errb bytes.Buffer
	if code := run([]string{"convert", "-c", "s2twp", file}, nil, &fromFile, &errb); code != 0 {
		t.Fatalf("file: exit %d: %s", code, errb.String())
	}
	if code := run([]string{"convert", "-c", "s2twp"}, iotest.OneByteReader(bytes.NewReader(in)), &fromPipe, &errb); code != 0 {
		t.Fatalf("one-byte reads: exit %d: %s", code, errb.String())
	}
	if !bytes.Equal(fromFile.Bytes(), fromPipe.Bytes()) || fromFile.Len() == 0 {
		t.Errorf("outputs differ: %d and %d bytes", fromFile.Len(), fromPipe.Len())
	}
}
