package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/internal/schemadoc"
	"github.com/citygate/citygate/policies"
	"github.com/citygate/citygate/schemas"
)

// schemaDocs are the schemas citygate schema prints, by name.
var schemaDocs = map[string]struct {
	raw      []byte
	markdown func([]byte) (string, error)
}{
	"inventory":     {schemas.Inventory, schemadoc.Markdown},
	"tender":        {schemas.Tender, schemadoc.TenderMarkdown},
	"tender-report": {schemas.TenderReport, nil},
	"params":        {policies.ParamsSchema, schemadoc.ParamsMarkdown},
}

func newSchemaCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema [inventory|tender|tender-report|params]",
		Short: "Print a JSON Schema: the inventory language (default), the tender file, the tender report, or the params",
		Long: `schema prints schemas/inventory.schema.json, or with -f markdown the language
reference (docs/inventory.md). schema tender prints the tender file's schema
(-f markdown: docs/tender-file.md); schema tender-report the JSON document of
citygate tender check; schema params the built-in parameters
(-f markdown: docs/params.md). With --policy DIR, the inventory schema
includes the extension blocks the packs declare, as check reads them.`,
		Args:      cobra.MaximumNArgs(1),
		ValidArgs: []string{"inventory", "tender", "tender-report", "params"},
		RunE: func(cmd *cobra.Command, args []string) error {
			name := "inventory"
			if len(args) == 1 {
				name = args[0]
			}
			doc, ok := schemaDocs[name]
			if !ok {
				return fmt.Errorf("unknown schema %q: want inventory, tender, tender-report or params", name)
			}
			format, _ := cmd.Flags().GetString("format")
			if dirs, _ := cmd.Flags().GetStringArray("policy"); len(dirs) > 0 {
				if name != "inventory" {
					return fmt.Errorf("--policy adds pack extensions to the inventory schema only, not to %s", name)
				}
				raw, err := packSchemaJSON(cmd, dirs)
				if err != nil {
					return err
				}
				doc.raw = raw
			}
			switch {
			case format == "json":
				_, err := cmd.OutOrStdout().Write(doc.raw)
				return err
			case format == "markdown" && doc.markdown != nil:
				md, err := doc.markdown(doc.raw)
				if err != nil {
					return err
				}
				_, err = io.WriteString(cmd.OutOrStdout(), md)
				return err
			}
			return fmt.Errorf("unknown format %q for schema %s: want json or markdown (markdown for inventory, tender and params)", format, name)
		},
	}
	cmd.Flags().StringP("format", "f", "json", "json or markdown")
	cmd.Flags().StringArray("policy", nil, "a policy pack directory whose extension blocks to add to the inventory schema (repeatable)")
	return cmd
}
