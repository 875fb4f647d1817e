package report

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

// compileSchema compiles a JSON Schema file with format assertions on, so
// "uri" and "date-time" are checked too, not only structure.
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	abs, err := filepath.Abs(path)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile(abs)
	require.NoError(t, err, "compiling %s", path)
	return sch
}

func validateJSON(t *testing.T, sch *jsonschema.Schema, doc []byte) error {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(doc))
	require.NoError(t, err, "output is not JSON")
	return sch.Validate(inst)
}

// findingsSchema is the project's own schema, which must always be there.
func findingsSchema(t *testing.T) *jsonschema.Schema {
	return compileSchema(t, filepath.Join("..", "..", "schemas", "findings.schema.json"))
}

// sarifSchemaPath is the official OASIS schema kept beside the project
// (../shared/schemas from the repository root); it is not copied into the
// repository, so a plain clone skips the tests that need it.
var sarifSchemaPath = filepath.Join("..", "..", "..", "shared", "schemas", "sarif-schema-2.1.0.json")

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	if _, err := os.Stat(sarifSchemaPath); errors.Is(err, fs.ErrNotExist) {
		t.Skipf("SARIF schema not found at %s (it lives in ../shared/schemas beside the repository); skipping validation", sarifSchemaPath)
	}
	return compileSchema(t, sarifSchemaPath)
}
