import * as z from 'zod/mini';
import { resourceSchemas, type ResourceType } from '../fhir/resources.js';
import { truncate } from '../fhir/primitives.js';
import { formatPath, type BundleIssue } from './bundle-issue.js';
import { olderVersionSignature } from './older-fhir.js';
import { walkResource, type WalkLimits } from './walk-resource.js';

// Everything the kit checks of one resource of a modeled type, whether it
// comes in a bundle, from a form, or from another replica.

export const DEFAULT_LIMITS: WalkLimits = {
  /** Large enough for an embedded PDF in a note, far below what would hang a tab. */
  maxStringLength: 8 * 1024 * 1024,
  maxDepth: 64,
};

export type ResourceIssue = Omit<BundleIssue, 'entry' | 'resourceType' | 'id'>;

export interface CheckOptions extends Partial<WalkLimits> {
  /** fullUrls of a bundle's entries → `Type/id`: references to them are rewritten in place. */
  references?: ReadonlyMap<string, string>;
  /** Names a reference without display text takes from the entry it points to. */
  names?: ReadonlyMap<string, string>;
  /** The schema of a type: the plain one, unless a bulk reader passes compiled ones. */
  schemaOf?: (type: ResourceType) => z.ZodMiniType | undefined;
}

/** The problems with one resource of a modeled type; none means it is valid FHIR R4 as the kit reads it. */
export function checkResource(
  resource: Record<string, unknown>,
  options: CheckOptions = {},
): ResourceIssue[] {
  const issues: ResourceIssue[] = [];
  const type = resource.resourceType as ResourceType;
  const older = olderVersionSignature(resource);
  if (older)
    return [{ code: 'fhir-version', path: `${type}.${older.field}`, message: older.message }];
  const { unsafe } = walkResource(resource, {
    ...DEFAULT_LIMITS,
    ...options,
    references: options.references ?? new Map(),
    report: (issue) => issues.push(issue),
  });
  if (unsafe) return issues; // never hand a hostile object to the schema code
  validate(options.schemaOf?.(type) ?? resourceSchemas[type], resource, (issue) =>
    issues.push(issue),
  );
  return issues;
}

function validate(
  schema: z.ZodMiniType,
  resource: unknown,
  report: (issue: ResourceIssue) => void,
): void {
  const type = (resource as { resourceType: string }).resourceType;
  const parsed = schema.safeParse(resource, { error: explainIssue });
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    report({ code: 'invalid', path: formatPath(type, issue.path), message: issue.message });
  }
}

/** Messages that say what was expected and what was found. */
function explainIssue(issue: {
  code?: string;
  input?: unknown;
  expected?: unknown;
}): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  if (issue.input === undefined) return 'is required';
  return `expected ${String(issue.expected)}, got ${describe(issue.input)}`;
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string ${JSON.stringify(truncate(value))}`;
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}
