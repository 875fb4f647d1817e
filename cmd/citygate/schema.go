package main

import (
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/schemas"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Print the inventory JSON Schema (the definition of the inventory language)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := cmd.OutOrStdout().Write(schemas.Inventory)
			return err
		},
	}
}
