// Package waiver applies accepted risks to findings. Waivers are data in
// the inventory (waiver "<RULE-ID>" blocks), reviewed like any other change:
// each names resources, a reason, an approver and an expiry. An active
// waiver suppresses exactly the findings of its rule on its resources (and
// fields); an expired one suppresses nothing and is itself reported, and so
// is one that matches nothing, so accepted risk never hides new problems.
package waiver
