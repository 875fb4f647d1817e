package inventory

import (
	"fmt"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// fastBody is a body fastParse read: its attributes and blocks in source
// order, with values already converted.
type fastBody struct {
	attrs  []attrView
	blocks []blockView
}

func (b *fastBody) content(*blockSpec) ([]attrView, []blockView, hcl.Diagnostics) {
	return b.attrs, b.blocks, nil
}

// A file fastParse read has no hclsyntax body to navigate, yet diagnostic
// printers (hcl's, and cmd/citygate's) read hcl.File.Nav to name the block
// a diagnostic is in. The top-level fastBody answers as hclsyntax's
// navigation does: the first top-level block whose range holds offset.

// ContextString is the header of the block at offset: system "cctv".
func (b *fastBody) ContextString(offset int) string {
	blk := b.blockAt(offset)
	if blk == nil {
		return ""
	}
	var sb strings.Builder
	sb.WriteString(blk.typeName)
	for _, l := range blk.labels {
		fmt.Fprintf(&sb, " %q", l)
	}
	return sb.String()
}

// ContextDefRange is the header range of the block at offset.
func (b *fastBody) ContextDefRange(offset int) hcl.Range {
	if blk := b.blockAt(offset); blk != nil {
		return blk.defRange
	}
	return hcl.Range{}
}

func (b *fastBody) blockAt(offset int) *blockView {
	for i := range b.blocks {
		if b.blocks[i].fullRange.ContainsOffset(offset) {
			return &b.blocks[i]
		}
	}
	return nil
}
