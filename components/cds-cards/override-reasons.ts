import type { CdsCoding } from '../../model/index.js';

// The reasons a clinician may give for going ahead despite a card whose
// service offered none of its own (CDS Hooks lets a client offer its own:
// https://cds-hooks.hl7.org/2.0/#reasons-for-rejecting-a-card).
// Source: HL7 v3 ActCode, the _ActDetectedIssueManagementCode branch, which
// FHIR R4 binds to DetectedIssue.mitigation.action
// (http://hl7.org/fhir/R4/valueset-detectedissue-mitigation-action.html);
// codes and displays as published at
// https://terminology.hl7.org/CodeSystem-v3-ActCode.html (HL7 Terminology,
// CC0). Chosen from that branch: the reasons a prescriber gives, not the
// supply ones (vacation supply, replacement…).

export const ACT_CODE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-ActCode';

const actCode = (code: string, display: string): CdsCoding => ({
  system: ACT_CODE_SYSTEM,
  code,
  display,
});

/** "Assessed patient, therapy is appropriate", and the other prescriber reasons, in the order shown. */
export const DEFAULT_OVERRIDE_REASONS: readonly CdsCoding[] = [
  actCode('2', 'Assessed Patient'),
  actCode('22', 'appropriate indication or diagnosis'),
  actCode('3', 'Patient Explanation'),
  actCode('7', 'Interacting Therapy No Longer Active/Planned'),
  actCode('9', 'Instituted Ongoing Monitoring Program'),
  actCode('5', 'Consulted Prescriber'),
  actCode('8', 'Other Action Taken'),
];

/**
 * A warning acknowledged without a chosen reason: "Therapy Appropriate"
 * (confirmed drug therapy appropriate), the parent of the reasons above.
 * It says what the clinician did (went ahead) without claiming a reason
 * they did not give.
 */
export const ACKNOWLEDGED: CdsCoding = actCode('1', 'Therapy Appropriate');
