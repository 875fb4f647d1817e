// Package tender judges vendor bids the way a call for tenders needs:
// as untrusted input, in the city's read-only context, side by side.
//
// A tender file (schemas/tender.schema.json) is the city's: it names the
// city inventory that gives bids their context, the evaluation date, what
// blocks award, the lots (each fixing category and criticality), optional
// score weights, and the exceptions the city grants to named bids. A bid
// is one vendor's inventory of system blocks for named lots.
//
// Trust runs one way. A bid can state facts about its systems and nothing
// else: its waiver, city, zone and excavation blocks are left out of its
// evaluation and reported as findings of the bid (BID-WAIVER, BID-CONTEXT);
// its category, criticality and stage are the lot's (BID-CLASSIFICATION
// where it states otherwise). Each bid is composed with the city's block
// and zones and the tender's waivers for it, and evaluated by the engine
// like any inventory, so a vendor running check --tender gets exactly the
// result the city gets. Findings about the city's resources, or on fields
// the schema marks as the city's (x-owner: city), are city actions, not
// part of any bid's verdict.
//
// One job per file: file.go reads the tender, bid.go reads and composes a
// bid (bidfinding.go builds its BID-* findings), rules.go defines the BID-*
// rules, check.go runs a tender check (engine_seam.go is its one contact
// with the engine's result), owner.go knows who sets a field, split.go
// separates bid findings from city actions, evidence.go and verdict.go
// judge a bid, report.go is the report, skeleton_tree.go and skeleton.go
// write the init templates.
package tender
