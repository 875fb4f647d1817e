package engine_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"testing/fstest"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/policy"
)

// A program checks an inventory held in memory against the built-in
// policies and reads the findings, each located at its HCL line.
func Example() {
	ctx := context.Background()
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{Rules: []string{"SEC-005"}})
	if len(errs) > 0 {
		log.Fatal(errs)
	}
	inventories := fstest.MapFS{
		"bid/cameras.hcl": {Data: []byte(`system "cam" {
  category = "iot"
  auth {
    default_credentials = "universal"
  }
}
`)},
	}
	eng, err := engine.New(ctx, lib, engine.WithFS(inventories), engine.WithAsOf("2026-11-23"))
	if err != nil {
		log.Fatal(err)
	}
	res, err := eng.Check(ctx, []string{"bid"})
	if err != nil {
		log.Fatal(err) // interrupted: ctx ended
	}
	for _, e := range res.Errors {
		fmt.Printf("%s:%d: %s\n", e.File, e.Line, e.Summary)
	}
	for _, f := range res.Findings {
		fmt.Printf("%s:%d: %s %s on %s (%s)\n", f.Location.File, f.Location.Start.Line, f.Severity, f.RuleID, f.Resource, f.Field)
	}
	fmt.Println("exit code:", res.ExitCode())
	// Output:
	// bid/cameras.hcl:4: critical SEC-005 on system.cam (auth.default_credentials)
	// exit code: 1
}

// Validate loads and schema-checks inventories without policies; its
// errors are the same type as a check's.
func ExampleEngine_Validate() {
	ctx := context.Background()
	eng, err := engine.New(ctx, nil, engine.WithFS(fstest.MapFS{
		"city.hcl": {Data: []byte("system \"cam\" {\n  categry = \"iot\"\n}\n")},
	}))
	if err != nil {
		log.Fatal(err)
	}
	vs, err := eng.Validate(ctx, []string{"city.hcl"})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range vs[0].Errors {
		fmt.Printf("%s:%d:%d: %s\n", e.File, e.Line, e.Column, e.Summary)
	}
	fmt.Println("valid:", vs[0].Valid())
	// Output:
	// city.hcl:2:3: Unsupported argument
	// valid: false
}

// Cancelling the context stops a check: it returns no result and an
// error that says it was interrupted.
func ExampleEngine_Check_cancelled() {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	if len(errs) > 0 {
		log.Fatal(errs)
	}
	eng, err := engine.New(context.Background(), lib, engine.WithFS(fstest.MapFS{"a.hcl": {Data: []byte("system \"a\" {}\n")}}))
	if err != nil {
		log.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // as a signal handler would
	res, err := eng.Check(ctx, []string{"a.hcl"})
	fmt.Println(res == nil, errors.Is(err, engine.ErrInterrupted), errors.Is(err, context.Canceled))
	fmt.Println(err)
	// Output:
	// true true true
	// interrupted: context canceled
}
