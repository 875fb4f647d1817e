package main

import (
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/report"
)

// addLangFlag adds --lang (config key lang): the language of the reports
// people read (text, markdown, html); machine formats stay English.
func addLangFlag(cmd *cobra.Command) {
	cmd.Flags().String("lang", i18n.Default, "language of text, markdown and html reports: "+joinCodes())
}

func joinCodes() string {
	s := ""
	for i, c := range i18n.Codes() {
		if i > 0 {
			s += ", "
		}
		s += c
	}
	return s
}

// checkLang refuses an unknown language before anything is evaluated.
func checkLang(lang string) error {
	_, err := i18n.Load(lang)
	return err
}

// localizeReporter gives a human-readable reporter its language.
func localizeReporter(r report.Reporter, lang string) (report.Reporter, error) {
	return report.Localize(r, lang)
}
