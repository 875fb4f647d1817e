package inventory

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

// withDefaults fills zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
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
