package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/citygate/citygate/internal/schemadoc"
	"github.com/citygate/citygate/schemas"
)

func newSchemaCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print the inventory JSON Schema (the definition of the inventory language)",
		Long:  "schema prints schemas/inventory.schema.json, or with -f markdown the language reference (docs/inventory.md).",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			format, _ := cmd.Flags().GetString("format")
			switch format {
			case "json":
				_, err := cmd.OutOrStdout().Write(schemas.Inventory)
				return err
			case "markdown":
				md, err := schemadoc.Markdown(schemas.Inventory)
				if err != nil {
					return err
				}
				_, err = io.WriteString(cmd.OutOrStdout(), md)
				return err
			}
			return fmt.Errorf("unknown format %q for schema: want json or markdown", format)
		},
	}
	cmd.Flags().StringP("format", "f", "json", "json or markdown")
	return cmd
}
