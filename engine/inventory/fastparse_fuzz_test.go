package inventory

import (
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/fixtures/gen/corpus"
)

// fuzzTightLimits make the fuzzer meet the depth and string limits with
// small inputs.
var fuzzTightLimits = Limits{MaxDepth: 3, MaxStringLength: 8}

// FuzzFastParse is differential: whatever fastParse accepts, hcl reads
// the same way (views, ranges, values, source-map nodes), and Load gives
// the same inventory and diagnostics with the fast path as without it.
func FuzzFastParse(f *testing.F) {
	n := 0
	err := filepath.WalkDir("../../fixtures", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !isInventoryFile(p) || d.Type()&fs.ModeSymlink != 0 {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		f.Add(b)
		n++
		return nil
	})
	require.NoError(f, err)
	require.Greater(f, n, 40, "seeds from fixtures/")
	asOf, _ := time.Parse(time.DateOnly, "2026-01-01")
	for i := range 5 {
		f.Add(corpus.Generate(3, i, corpus.Options{Violations: 0.5, AsOf: asOf}).Src)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		g := &randHCL{r: r}
		g.body(0)
		f.Add([]byte(g.b.String()))
	}
	// UTF-8 where the fast path reads it, and where it must not.
	for _, src := range []string{
		"city \"são-paulo\" {\n  name = \"Loja do Cidadão\" # Zürich\n  tags = [\"日本\", \"e\u0301\"]\n}\n",
		"a = { \"clé\" = \"👩\u200d💻\" }\nb \"e\u0301\" { c = \"x$\u0301%\u0301\" }\n",
		"/* é\n\u0301ü */ a = \"\u0600\" // \u2028\n",
		"\xef\xbb\xbfa = \"ö\"\n",
		"é = \"x\"\na = \"\xc3\"\n",
	} {
		f.Add([]byte(src))
	}
	for _, src := range fastAccepted {
		f.Add([]byte(src))
	}
	for _, src := range fastRefused {
		f.Add([]byte(src))
	}

	f.Fuzz(func(t *testing.T, src []byte) {
		for _, limits := range []Limits{{}, fuzzTightLimits} {
			body, ok := fastParse(src, "inv.hcl", limits)
			if !ok {
				continue
			}
			requireSameAsHCL(t, src, "inv.hcl", limits, body)
			loadSrcBoth(t, src, limits)
		}
	})
}
