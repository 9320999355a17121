package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"strings"
	"syscall"

	"github.com/tongwen/tongwen/convert"
)

const convertUsage = `Usage: tongwen convert -c CONFIG [-o OUT] [FILE...]

Converts each FILE (or standard input when there is none) with an OpenCC
configuration and writes the result to standard output or OUT. Output is
byte-identical to OpenCC's on valid UTF-8; bytes that are not UTF-8 pass
through unchanged. OUT is written to a temporary file and renamed, so an
interrupted run leaves any previous OUT intact.

Examples:
  tongwen convert -c s2t testdata/golden/hans.txt
  tongwen convert -c s2t --dict names.txt article.txt
  echo 鼠标和软件 | tongwen convert -c s2twp
  tongwen convert -c tw2sp -o cn.txt tw.txt

Options:
`

func runConvert(args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("convert", flag.ContinueOnError)
	fs.SetOutput(stderr)
	config := fs.String("c", "", "configuration: one of "+strings.Join(convert.Configs(), ", "))
	fs.StringVar(config, "config", "", "same as -c")
	output := fs.String("o", "", "write to `OUT` instead of standard output")
	noTofu := fs.Bool("exclude-tofu-risk", false, "leave out dictionaries whose targets many fonts cannot show (OpenCC's may_output_tofu)")
	var dicts listFlag
	fs.Var(&dicts, "dict", "user dictionary `FILE` in OpenCC's text format (key TAB value); its entries win over the bundled ones; repeatable, later files win")
	fs.Usage = func() { fmt.Fprint(stderr, convertUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return errHelp
		}
		return usageError{err.Error()}
	}
	if *config == "" {
		return usagef("convert: -c CONFIG is required (one of %s)", strings.Join(convert.Configs(), ", "))
	}
	var opts []convert.Option
	if *noTofu {
		opts = append(opts, convert.WithoutTofuRisk())
	}
	for _, name := range dicts {
		b, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		opts = append(opts, convert.WithDictionary(name, bytes.NewReader(b)))
	}
	if !slices.Contains(convert.Configs(), strings.TrimSuffix(*config, ".json")) {
		return usagef("convert: unknown configuration %q (known: %s)", *config, strings.Join(convert.Configs(), ", "))
	}
	c, err := convert.New(*config, opts...)
	if err != nil {
		return err // a bad user dictionary: the message names file and line
	}
	return withOutput(*output, stdout, func(w io.Writer) error {
		return eachInput(fs.Args(), stdin, func(name string, r io.Reader) error {
			if _, err := c.Copy(w, r); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return nil
		})
	})
}

// eachInput calls fn with each named file in turn, or with stdin when
// there are no names ("-" also means stdin).
func eachInput(names []string, stdin io.Reader, fn func(name string, r io.Reader) error) error {
	if len(names) == 0 {
		names = []string{"-"}
	}
	for _, name := range names {
		if name == "-" {
			if err := fn("<stdin>", stdin); err != nil {
				return err
			}
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		err = fn(name, f)
		f.Close()
		if err != nil {
			return err
		}
	}
	return nil
}

// withOutput runs fn on stdout, or on a temporary file next to path that
// replaces path only when fn and the writes succeed.
func withOutput(path string, stdout io.Writer, fn func(w io.Writer) error) error {
	if path == "" || path == "-" {
		return fn(stdout)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tongwen-*")
	if err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// Interrupted: the old file is intact (nothing was renamed yet); do not
	// leave the temporary file behind either.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		if _, ok := <-sigs; ok {
			os.Remove(tmp.Name())
			os.Exit(130)
		}
	}()
	defer func() { signal.Stop(sigs); close(sigs) }() // Stop first: no send on a closed channel
	bw := newBufferedWriter(tmp)
	if err := fn(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if info, err := os.Stat(path); err == nil {
		os.Chmod(tmp.Name(), info.Mode().Perm())
	} else {
		os.Chmod(tmp.Name(), 0o644)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	return nil
}

// listFlag collects the values of a repeatable flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }
