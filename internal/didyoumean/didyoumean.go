// Package didyoumean picks the plausible intended name for a typo, for the
// "did you mean" hints of inventory and policy errors.
package didyoumean

import (
	"sort"

	"github.com/agext/levenshtein"
)

// Closest returns the candidate nearest to have by edit distance, or "" if
// none is close enough to be a plausible typo. Ties go to the candidate
// that sorts first, so hints are deterministic.
func Closest(have string, candidates []string) string {
	sorted := append([]string(nil), candidates...)
	sort.Strings(sorted)
	best, bestDist := "", len(have)/3+2
	for _, c := range sorted {
		if d := levenshtein.Distance(have, c, nil); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
