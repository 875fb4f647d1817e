package inventory_test

import (
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/citygate/citygate/engine/inventory"
)

func loadOne(t *testing.T, src string) (*inventory.Inventory, []string) {
	t.Helper()
	fsys := fstest.MapFS{"inv.hcl": {Data: []byte(src)}}
	inv, diags := inventory.Load(fsys, "inv.hcl", inventory.Options{})
	var details []string
	for _, d := range diags {
		details = append(details, d.Detail)
	}
	return inv, details
}

// Country codes and region groups match case-insensitively: the document
// carries them in upper case, so every rule compares one spelling.
func TestPlaceCodesAreUpperCased(t *testing.T) {
	inv, details := loadOne(t, `city "hanoi" {
  name                 = "Hanoi"
  jurisdictions        = ["vn"]
  allowed_data_regions = ["Eu", "vn"]
}
system "cam" {
  name = "c"
  data {
    location = "pt"
  }
}
`)
	require.Empty(t, details)
	city, err := inv.Doc.Find(ast.MustParseRef("x.city")[1:])
	require.NoError(t, err)
	assert.Equal(t, `{"allowed_data_regions": ["EU", "VN"], "id": "hanoi", "jurisdictions": ["VN"], "name": "Hanoi"}`, city.String())
	loc, err := inv.Doc.Find(ast.MustParseRef("x.systems[0].data.location")[1:])
	require.NoError(t, err)
	assert.Equal(t, `"PT"`, loc.String())
}

// A refused value says what the vocabulary is and, for a country written
// by name (even misspelt), which code was meant.
func TestPlaceCodesRefusedWithDidYouMean(t *testing.T) {
	_, details := loadOne(t, `city "hanoi" {
  name                 = "Hanoi"
  jurisdictions        = ["Vietnam"]
  allowed_data_regions = ["Portgual", "APAC"]
}
system "cam" {
  name = "c"
  data {
    transfer_mechanism = "contract clauses"
  }
  contract {
    open_api_spec {
      format = "proprietary"
      url    = "https://example.org"
    }
  }
}
`)
	assert.ElementsMatch(t, []string{
		`jurisdictions.0: Vietnam is not an ISO 3166-1 alpha-2 country code (UK is accepted for GB) or a region group (EU, EEA). Did you mean "VN" (Vietnam)?`,
		`allowed_data_regions.0: Portgual is not an ISO 3166-1 alpha-2 country code (UK is accepted for GB) or a region group (EU, EEA). Did you mean "PT" (Portugal)?`,
		`allowed_data_regions.1: APAC is not an ISO 3166-1 alpha-2 country code (UK is accepted for GB) or a region group (EU, EEA).`,
		`system "cam".data.transfer_mechanism: value must be one of 'adequacy', 'scc', 'bcr', 'derogation', 'approved_code', 'certification', 'uk_idta'.`,
		`system "cam".contract.open_api_spec.format: value must be one of 'openapi-2', 'openapi-3', 'openapi-3.1', 'asyncapi-2', 'asyncapi-3', 'graphql', 'odata-4', 'ngsi-ld', 'ocpi-2', 'wsdl', 'grpc-proto'.`,
	}, details)
}

// Free text where an API description belongs is refused, not accepted as
// a description.
func TestOpenAPISpecIsABlock(t *testing.T) {
	_, details := loadOne(t, `system "cam" {
  name = "c"
  contract {
    open_api_spec = "proprietary REST API, documentation on request"
  }
}
`)
	assert.Equal(t, []string{"open_api_spec is a block, not an argument: write open_api_spec { ... } without the equals sign."}, details)
}
