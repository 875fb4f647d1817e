package report

import (
	"io"

	"github.com/citygate/citygate/engine/finding"
	"github.com/citygate/citygate/engine/i18n"
)

// Localize returns the reporter that writes in lang (a catalog code: en,
// fr, es, ru, vi, ar). HTML, text and markdown are written in the
// language throughout, the rules' titles, messages and remediations
// included; machine formats (json, sarif, junit, github) are returned
// unchanged, in English with template ids and arguments, so their
// consumers can translate. An unknown language is an error.
func Localize(r Reporter, lang string) (Reporter, error) {
	c, err := i18n.Load(lang)
	if err != nil {
		return nil, err
	}
	switch rr := r.(type) {
	case htmlReporter:
		rr.lang = c.Lang()
		return rr, nil
	case textReporter:
		rr.lang = c.Lang()
		if c.Lang() == i18n.Default {
			return rr, nil
		}
		return localized{inner: rr, catalog: c}, nil
	case markdownReporter:
		rr.lang = c.Lang()
		if c.Lang() == i18n.Default {
			return rr, nil
		}
		return localized{inner: rr, catalog: c}, nil
	}
	return r, nil
}

// localized translates a Result's rule texts before a human-readable
// format writes it.
type localized struct {
	inner   Reporter
	catalog *i18n.Catalog
}

func (l localized) Report(w io.Writer, r *finding.Result) error {
	return l.inner.Report(w, l.catalog.Localize(r))
}
