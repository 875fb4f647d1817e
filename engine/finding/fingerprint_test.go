package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// TestFingerprintBytesUnchanged: fingerprints are what baselines hold, so
// they must never change: Fingerprint hashes exactly the bytes the first
// version hashed (each part, then a zero byte), long parts included.
func TestFingerprintBytesUnchanged(t *testing.T) {
	reference := func(scope, ruleID string, r Resource, field string) string {
		h := sha256.New()
		for _, part := range []string{"citygate/v1", scope, ruleID, r.Kind, r.ID, field} {
			h.Write([]byte(part))
			h.Write([]byte{0})
		}
		return hex.EncodeToString(h.Sum(nil)[:16])
	}
	long := strings.Repeat("é", 300)
	for _, c := range [][4]string{
		{"lisboa", "SEC-005", "cam", "auth.default_credentials"},
		{"", "", "", ""},
		{long, "R", long, long},
	} {
		r := Resource{Kind: "system", ID: c[2]}
		if got, want := Fingerprint(c[0], c[1], r, c[3]), reference(c[0], c[1], r, c[3]); got != want {
			t.Errorf("Fingerprint(%q...) = %s, want %s", c[0], got, want)
		}
	}
	if got := Fingerprint("lisboa", "SEC-005", Resource{Kind: "system", ID: "cam"}, "auth.default_credentials"); got != reference("lisboa", "SEC-005", Resource{Kind: "system", ID: "cam"}, "auth.default_credentials") {
		t.Fatal(got)
	}
}
