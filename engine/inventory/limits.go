package inventory

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// Limits bound what one inventory may cost to load. Every limit is
// configurable (limits: in .citygate.yaml); zero means the default.
type Limits struct {
	// MaxFileSize is checked from the file's size before it is read.
	MaxFileSize int64 `mapstructure:"max_file_size"`
	// MaxFiles is the number of files one inventory directory may hold.
	MaxFiles int `mapstructure:"max_files"`
	// MaxDepth is the deepest nesting of blocks, brackets and braces,
	// counted with the non-recursive lexer before parsing (hcl's parser
	// has no stack-overflow protection).
	MaxDepth int `mapstructure:"max_depth"`
	// MaxStringLength bounds any one string value, in bytes.
	MaxStringLength int `mapstructure:"max_string_length"`
}

// DefaultLimits are generous for real inventories and small enough that a
// hostile file is refused in milliseconds.
var DefaultLimits = Limits{
	MaxFileSize:     8 << 20,
	MaxFiles:        10000,
	MaxDepth:        32,
	MaxStringLength: 64 << 10,
}

// WithDefaults fills zero fields from DefaultLimits.
func (l Limits) WithDefaults() Limits {
	if l.MaxFileSize <= 0 {
		l.MaxFileSize = DefaultLimits.MaxFileSize
	}
	if l.MaxFiles <= 0 {
		l.MaxFiles = DefaultLimits.MaxFiles
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultLimits.MaxDepth
	}
	if l.MaxStringLength <= 0 {
		l.MaxStringLength = DefaultLimits.MaxStringLength
	}
	return l
}

// MaxDiagnostics is the most diagnostics one inventory reports. A hostile
// file can hold millions of problems (8 MiB of "a=1" lines); past this many,
// the rest are counted in one final diagnostic instead of flooding a
// terminal or a CI log.
const MaxDiagnostics = 1000

// capDiagnostics keeps the first MaxDiagnostics of sorted diagnostics and
// says, where the first dropped one was, how many more there are.
func capDiagnostics(diags hcl.Diagnostics) hcl.Diagnostics {
	if len(diags) <= MaxDiagnostics {
		return diags
	}
	rest := diags[MaxDiagnostics:]
	return append(diags[:MaxDiagnostics:MaxDiagnostics], &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  "Too many problems",
		Detail:   fmt.Sprintf("%d more problems in this inventory are not shown. Fix the ones above and run again.", len(rest)),
		Subject:  rest[0].Subject,
	})
}
