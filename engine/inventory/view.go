package inventory

import (
	"github.com/hashicorp/hcl/v2"
	"github.com/open-policy-agent/opa/v1/ast"
)

// The walker is written once for both syntaxes: native HCL and JSON bodies
// are presented to it as attributes and blocks through these views.

// attrView is one attribute of a body.
type attrView struct {
	name       string
	nameRange  hcl.Range
	fullRange  hcl.Range
	valueRange hcl.Range
	// convert turns the value into a document value (nil for null) and
	// its source-map node.
	convert func() (ast.Value, *Node, hcl.Diagnostics)
}

// blockView is one block of a body.
type blockView struct {
	typeName    string
	labels      []string
	typeRange   hcl.Range
	labelRanges []hcl.Range
	defRange    hcl.Range
	fullRange   hcl.Range
	body        bodyView
}

// bodyView lists a body's attributes and blocks in source order. The spec
// lets syntaxes that need one (JSON) tell blocks from attributes; names the
// spec does not know are returned as attributes for the walker to report.
type bodyView interface {
	content(spec *blockSpec) ([]attrView, []blockView, hcl.Diagnostics)
}
