//go:build !linux

package main

import (
	"os"
	"testing"
)

func openTTY(t *testing.T) *os.File {
	t.Skip("pseudo-terminal tests run on Linux")
	return nil
}
