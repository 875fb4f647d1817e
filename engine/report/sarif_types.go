package report

import "github.com/citygate/citygate/engine/finding"

// The subset of SARIF 2.1.0 that citygate writes, as GitHub code scanning
// reads it. Field order follows the specification's examples so the output
// reads naturally; omitempty is used only where the specification gives an
// absent property a meaning of its own (an absent region is "the whole
// file", an absent suppressions array is "not known").

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool        sarifTool          `json:"tool"`
	Invocations []sarifInvocation  `json:"invocations"`
	Results     []sarifResult      `json:"results"`
	ColumnKind  string             `json:"columnKind"`
	Properties  sarifRunProperties `json:"properties"`
}

// sarifRunProperties carry what SARIF has no place for: the run's verdict,
// rule counts by status per principle and per area (rules counted per
// inventory; not_applicable apart from pass), and each inventory's verdict.
type sarifRunProperties struct {
	Status      finding.RunStatus         `json:"citygate/status"`
	Principles  []finding.GroupCounts     `json:"citygate/principles"`
	Areas       []finding.GroupCounts     `json:"citygate/areas"`
	Inventories []finding.InventoryResult `json:"citygate/inventories"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string              `json:"id"`
	Name                 string              `json:"name,omitempty"`
	ShortDescription     *sarifMultiformat   `json:"shortDescription,omitempty"`
	FullDescription      *sarifMultiformat   `json:"fullDescription,omitempty"`
	Help                 *sarifMultiformat   `json:"help,omitempty"`
	HelpURI              string              `json:"helpUri,omitempty"`
	DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
	Properties           sarifRuleProperties `json:"properties"`
}

type sarifMultiformat struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

// sarifRuleProperties carries what GitHub reads from a rule's property bag:
// tags for filtering, security-severity (a number in a string) for the
// critical/high/medium/low label, precision for the default alert filter.
type sarifRuleProperties struct {
	Tags             []string `json:"tags"`
	SecuritySeverity string   `json:"security-severity"`
	Precision        string   `json:"precision"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifMessage      `json:"message"`
	Locations           []sarifLocation   `json:"locations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	// Suppressions is a pointer so that "none" ([]) and "unknown" (absent)
	// can both be written.
	Suppressions *[]sarifSuppression   `json:"suppressions,omitempty"`
	Properties   sarifResultProperties `json:"properties"`
}

// sarifResultProperties say whether a stated value broke the rule (fail) or
// a field it needs is missing (not_stated), and the jurisdiction profile
// that required the rule, if any.
type sarifResultProperties struct {
	Status  finding.Status `json:"citygate/status"`
	Profile string         `json:"citygate/profile,omitempty"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifLocation struct {
	PhysicalLocation *sarifPhysicalLocation `json:"physicalLocation,omitempty"`
	LogicalLocations []sarifLogicalLocation `json:"logicalLocations,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
	EndLine     int `json:"endLine,omitempty"`
	EndColumn   int `json:"endColumn,omitempty"`
}

type sarifLogicalLocation struct {
	Name               string `json:"name"`
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

type sarifSuppression struct {
	Kind          string                   `json:"kind"`
	Status        string                   `json:"status"`
	Justification string                   `json:"justification,omitempty"`
	Properties    *sarifSuppressionDetails `json:"properties,omitempty"`
}

// sarifSuppressionDetails keeps the waiver's approver and expiry, which
// SARIF has no dedicated property for.
type sarifSuppressionDetails struct {
	ApprovedBy string `json:"approvedBy,omitempty"`
	Expires    string `json:"expires,omitempty"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations,omitempty"`
}
