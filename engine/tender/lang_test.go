package tender_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/i18n"
)

// A tender may ask for exactly the languages citygate has catalogs for: a
// catalog added without the schema (or the reverse) fails here.
func TestTenderLangsAreTheCatalogs(t *testing.T) {
	b, err := os.ReadFile("../../schemas/tender.schema.json")
	require.NoError(t, err)
	var s struct {
		Properties struct {
			Tender struct {
				Properties struct {
					Lang struct {
						Enum []string `json:"enum"`
					} `json:"lang"`
				} `json:"properties"`
			} `json:"tender"`
		} `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(b, &s))
	require.Equal(t, i18n.Codes(), s.Properties.Tender.Properties.Lang.Enum)
}
