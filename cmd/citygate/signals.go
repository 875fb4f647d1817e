package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// Exit codes of a run stopped by a signal, as shells report them (128 + n).
const (
	exitInterrupted = 130 // SIGINT
	exitTerminated  = 143 // SIGTERM
)

// runWithSignals is main's run: SIGINT and SIGTERM cancel the command's
// context, which stops the workers and any report being written (its
// temporary file is removed); the run then says "interrupted" and exits
// 130 or 143. A second signal after that kills the process as usual.
func runWithSignals(args []string) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runContext(ctx, args, os.Stdout, os.Stderr)
}

// signalExit is the error of a run a signal stopped.
type signalExit struct {
	name string
	code int
}

func (s signalExit) Error() string { return "interrupted by " + s.name }

// interrupted returns a signalExit if ctx was cancelled by a signal (or
// cancelled at all: the name is then "cancelled"), nil otherwise.
func interrupted(ctx context.Context) error {
	if ctx.Err() == nil {
		return nil
	}
	cause := context.Cause(ctx)
	switch {
	case causeIs(cause, syscall.SIGTERM):
		return signalExit{name: "SIGTERM", code: exitTerminated}
	case causeIs(cause, os.Interrupt):
		return signalExit{name: "SIGINT", code: exitInterrupted}
	}
	return signalExit{name: "cancelled", code: exitInterrupted}
}

// causeIs matches signal.NotifyContext's cause, whose text is the
// signal's name followed by " signal received".
func causeIs(cause error, sig os.Signal) bool {
	return cause != nil && cause.Error() == sig.String()+" signal received"
}
