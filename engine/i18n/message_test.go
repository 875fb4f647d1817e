package i18n

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine"
	"github.com/citygate/citygate/engine/policy"
)

// TestFixtureMessagesTranslated: every finding of the example city and bid
// reads in each language (its template and the not-stated text are in
// every catalog), with the finding's own arguments, and the procurement
// gate keeps the list of findings that block award.
func TestFixtureMessagesTranslated(t *testing.T) {
	lib, errs := policy.Load([]policy.Source{policy.Builtin()}, policy.Options{})
	require.Empty(t, errs, "%v", errs)
	eng, err := engine.New(context.Background(), lib, engine.WithAsOf("2026-11-23"))
	require.NoError(t, err)
	res, err := eng.Check(context.Background(), []string{"../../fixtures/city", "../../fixtures/bid"})
	require.NoError(t, err)
	require.NotEmpty(t, res.Findings)
	for _, l := range Languages {
		if l.Code == Default {
			continue
		}
		c, err := Load(l.Code)
		require.NoError(t, err)
		for i := range res.Findings {
			f := &res.Findings[i]
			msg := c.Message(f)
			require.NotEqual(t, f.Message, msg, "%s: %s on %s stayed English", l.Code, f.RuleID, f.Resource)
			require.Contains(t, msg, f.Resource.ID, "%s: %s lost the resource id", l.Code, f.RuleID)
			if f.RuleID == "SUST-001" {
				_, list, _ := strings.Cut(f.Message, "waiver: ")
				require.NotEmpty(t, list)
				require.True(t, strings.HasSuffix(msg, list), "%s: the gate's blocking list was dropped: %s", l.Code, msg)
			}
		}
	}
	fr, err := Load("fr")
	require.NoError(t, err)
	local := fr.Localize(res)
	require.NotSame(t, res, local)
	require.Equal(t, len(res.Findings), len(local.Findings))
	require.NotEqual(t, res.Findings[0].Title, local.Findings[0].Title, "titles are translated")
	en, err := Load("en")
	require.NoError(t, err)
	require.Same(t, res, en.Localize(res), "English is the engine's own text")
}
