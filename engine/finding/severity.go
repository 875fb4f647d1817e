package finding

import "fmt"

// Severity is one of the four catalog levels.
type Severity string

const (
	Critical Severity = "critical"
	High     Severity = "high"
	Medium   Severity = "medium"
	Low      Severity = "low"
)

// Severities lists the levels from the most to the least severe.
var Severities = []Severity{Critical, High, Medium, Low}

// Rank orders severities: critical is 4, low is 1, anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Critical:
		return 4
	case High:
		return 3
	case Medium:
		return 2
	case Low:
		return 1
	}
	return 0
}

// Valid reports whether s is one of the four levels.
func (s Severity) Valid() bool { return s.Rank() > 0 }

// Threshold is the --fail-on level: a severity, or "none" to never fail.
type Threshold string

// ThresholdNone never fails the run on findings.
const ThresholdNone Threshold = "none"

// ParseThreshold accepts a severity word or "none".
func ParseThreshold(s string) (Threshold, error) {
	if s == string(ThresholdNone) || Severity(s).Valid() {
		return Threshold(s), nil
	}
	return "", fmt.Errorf("invalid severity threshold %q: want one of critical, high, medium, low, none", s)
}

// Fails reports whether a finding of severity s fails a run with this
// threshold; an unset threshold, like none, never fails.
func (t Threshold) Fails(s Severity) bool {
	if t == ThresholdNone || t == "" {
		return false
	}
	return s.Rank() >= Severity(t).Rank()
}
