package report

import (
	"io"

	"github.com/citygate/citygate/engine/tender"
)

// writeTenderJSON writes the document schemas/tender-report.schema.json
// describes.
func writeTenderJSON(w io.Writer, r *tender.Report) error {
	return writeJSON(w, r)
}
