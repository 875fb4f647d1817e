package main

import (
	"github.com/spf13/cobra"

	"github.com/citygate/citygate/engine/i18n"
	"github.com/citygate/citygate/engine/report"
)

// addLangFlag adds --lang (config key lang): the language of the reports
// people read (text, markdown, html); machine formats stay English.
func addLangFlag(cmd *cobra.Command) {
	cmd.Flags().String("lang", "", "language of text, markdown and html reports: "+joinCodes()+" (default: the tender's lang, else en)")
}

// reportLang is the language reports are written in: the run's (--lang,
// lang: in the configuration, CITYGATE_LANG), else the one the tender asks
// for, else English. A committee reads the tender's language unless the
// person running citygate says otherwise.
func reportLang(run, tender string) string {
	switch {
	case run != "":
		return run
	case tender != "":
		return tender
	}
	return i18n.Default
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
