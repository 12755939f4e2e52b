/** What kind of problem a bundle has; stable, for hosts that react to it. */
export type BundleIssueCode =
  | 'not-json'
  | 'not-a-bundle'
  | 'unsupported-bundle-type'
  | 'fhir-version'
  | 'missing-resource-type'
  | 'missing-id'
  | 'duplicate'
  | 'invalid'
  | 'dangling-reference'
  | 'forbidden-key'
  | 'too-large'
  | 'too-deep';

/** One problem found in a bundle: what, and exactly where. */
export interface BundleIssue {
  code: BundleIssueCode;
  message: string;
  /** Index in Bundle.entry, for a problem inside an entry. */
  entry?: number;
  resourceType?: string;
  id?: string;
  /**
   * Where, as a FHIRPath-like expression: from the resource for entries
   * (`Observation.component[0].valueQuantity.value`), from the bundle
   * otherwise (`Bundle.type`).
   */
  path: string;
  /** For text that is not JSON: where the parser stopped (1-based). */
  line?: number;
  column?: number;
}

/** `["component", 0, "code"]` → `component[0].code` appended to a base. */
export function formatPath(base: string, segments: readonly PropertyKey[]): string {
  let out = base;
  for (const segment of segments) {
    out += typeof segment === 'number' ? `[${segment}]` : `.${String(segment)}`;
  }
  return out;
}

/** One line a person can act on: `entry 3 (Observation/abc) Observation.status: must be one of ...`. */
export function describeIssue(issue: BundleIssue): string {
  const where: string[] = [];
  if (issue.entry !== undefined) {
    const subject = issue.resourceType
      ? ` (${issue.resourceType}${issue.id ? `/${issue.id}` : ''})`
      : '';
    where.push(`entry ${issue.entry}${subject}`);
  }
  if (issue.line !== undefined) where.push(`line ${issue.line}, column ${issue.column ?? 0}`);
  where.push(issue.path);
  return `${where.join(' ')}: ${issue.message}`;
}
