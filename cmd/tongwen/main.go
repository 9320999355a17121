// Command tongwen converts Chinese text between Simplified and Traditional
// scripts with OpenCC's configurations, byte for byte as OpenCC does.
//
//	tongwen convert -c s2t [-o OUT] [FILE...]
//	tongwen configs
//	tongwen version
//
// Exit status: 0 on success, 1 when reading, converting or writing fails
// (the message names the file), 2 for a usage error.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
)

const version = "0.1.0-dev"

// usageError marks errors that exit with status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

const topUsage = `tongwen: Simplified/Traditional Chinese conversion, byte-identical to OpenCC.

Usage:
  tongwen convert -c CONFIG [-o OUT] [FILE...]   convert files, or stdin when no FILE
  tongwen configs                                list the conversion configurations
  tongwen version                                print the version

Run 'tongwen COMMAND -h' for a command's options.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is main without the process: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, topUsage)
		return 2
	}
	var err error
	switch args[0] {
	case "convert":
		err = runConvert(args[1:], stdin, stdout, stderr)
	case "configs":
		err = runConfigs(args[1:], stdout)
	case "version", "--version", "-version":
		fmt.Fprintf(stdout, "tongwen %s\n", version)
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, topUsage)
	default:
		err = usagef("unknown command %q", args[0])
	}
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errHelp):
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "tongwen: %v\nRun 'tongwen -h' for usage.\n", err)
		return 2
	default:
		fmt.Fprintf(stderr, "tongwen: %v\n", err)
		return 1
	}
}

var errHelp = errors.New("help requested")
