package i18n

import (
	"strconv"
	"time"
)

// Date writes an ISO date (YYYY-MM-DD) the way the language writes dates:
// its date.format with the month's name and the language's digits. A value
// that is not a date is returned as it is (it may come from an inventory).
func (c *Catalog) Date(iso string) string {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return Fill(c.Raw("date.format"), map[string]string{
		"day":   c.Number(t.Day()),
		"month": c.Raw("date.month." + strconv.Itoa(int(t.Month()))),
		// Years take no group separator in any of the languages.
		"year": c.digits(strconv.Itoa(t.Year())),
	})
}

// digits rewrites ASCII digits in the language's own digits (Arabic-Indic
// for ar), as the number printer would, without grouping.
func (c *Catalog) digits(s string) string {
	zero := []rune(c.printer.Sprintf("%d", 0))
	if len(zero) != 1 || zero[0] == '0' {
		return s
	}
	out := []rune(s)
	for i, r := range out {
		if r >= '0' && r <= '9' {
			out[i] = zero[0] + (r - '0')
		}
	}
	return string(out)
}
