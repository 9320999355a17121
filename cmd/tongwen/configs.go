package main

import (
	"bufio"
	"fmt"
	"io"

	"github.com/tongwen/tongwen/convert"
)

func runConfigs(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usagef("configs takes no arguments")
	}
	for _, name := range convert.Configs() {
		fmt.Fprintln(stdout, name)
	}
	return nil
}

func newBufferedWriter(w io.Writer) *bufio.Writer { return bufio.NewWriterSize(w, 256<<10) }
