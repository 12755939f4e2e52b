import type * as z from 'zod/mini';
import { isModeledType, type FhirResource, type ResourceType } from '../fhir/resources.js';
import { truncate } from '../fhir/primitives.js';
import type { BundleIssue } from './bundle-issue.js';
import { jsonErrorOffset } from './json-error-offset.js';
import { checkResource, DEFAULT_LIMITS, describe } from './check-resource.js';
import { entryNames } from './entry-names.js';
import { retiredType } from './older-fhir.js';
import { FORBIDDEN_KEYS, type WalkLimits } from './walk-resource.js';

export const READABLE_BUNDLE_TYPES = ['transaction', 'batch', 'collection', 'searchset'] as const;
export type ReadableBundleType = (typeof READABLE_BUNDLE_TYPES)[number];

export interface ReadBundleOptions extends Partial<WalkLimits> {
  /** Issues kept in the result; the rest are counted in `errorCount`. */
  maxErrors?: number;
  /**
   * From how many resources of a type the bundle's resources of that type
   * are checked by zod's compiled schema (`compiledSchemaOf`, when given)
   * rather than the plain one (`COMPILE_SCHEMAS_FROM` by default):
   * compiling costs more than it saves on a small bundle.
   */
  compileSchemasFrom?: number;
  /**
   * zod's compiled schema of a type (`compiledSchemaOf` in
   * compiled-schemas.ts), for the types with `compileSchemasFrom` resources
   * or more. Without it every resource is checked by the plain schema: zod's
   * compiler is loaded only by a reader that passes it (an import, the CLI),
   * never before a first visit's rows are shown from their bundle.
   */
  compiledSchemaOf?: (type: ResourceType) => z.ZodMiniType;
}

/**
 * From how many resources of one type a bundle's are checked by the compiled
 * schema (readBundle's `compileSchemasFrom`). Measured (headless Chromium,
 * 2 shared cores; `readBundle` in a fresh page, plain against compiled,
 * medians of 5): Brent Beer, 144 resources, 59 against 771 ms; Douglas
 * Walsh, 555, 183 against 1,126 ms; Vito Feeney, 1,083, 261 against
 * 1,336 ms; a day of the ICU stay, 10,139 (10,080 observations), 695
 * against 1,266 ms. The same day read a fourth time in one page: 236–352
 * against 110–405 ms. In Node, five ICU days one after another: 3.0–3.7 s
 * plain, 3.4–4.2 s compiled. So compiling costs 500–900 ms a page and saves
 * at most ~15 µs a resource once warm: it pays from about 50,000 resources
 * of a type.
 */
export const COMPILE_SCHEMAS_FROM = 50_000;

export interface BundleReadResult {
  /** True when there is not a single error: only then are `resources` given. */
  ok: boolean;
  bundleType?: string;
  /** Every modeled resource, references resolved; empty unless `ok`. */
  resources: FhirResource[];
  /** Modeled resources by type. */
  counts: Partial<Record<ResourceType, number>>;
  /** Entries of types the kit does not model, by type: kept out, never an error. */
  skipped: Record<string, number>;
  errors: BundleIssue[];
  /** All errors found, including any past `maxErrors`. */
  errorCount: number;
}

const DEFAULTS = { ...DEFAULT_LIMITS, maxErrors: 1000, compileSchemasFrom: COMPILE_SCHEMAS_FROM };

/**
 * Reads a FHIR R4 Bundle (transaction, batch, collection or searchset) from
 * JSON text or an already parsed value. Every entry of a modeled type is
 * validated; `urn:uuid:` references between entries become `Type/id`, and a
 * reference to a practitioner, organisation, location or related person in
 * the bundle (which the kit does not keep) takes its name as display text.
 * All or nothing: a bundle with any error yields no resources, and each
 * error names the entry, the field and what is wrong. It never throws.
 */
export function readBundle(
  input: string | unknown,
  options: ReadBundleOptions = {},
): BundleReadResult {
  const limits = { ...DEFAULTS, ...options };
  const result: BundleReadResult = {
    ok: false,
    resources: [],
    counts: {},
    skipped: {},
    errors: [],
    errorCount: 0,
  };
  const report = (issue: BundleIssue) => {
    result.errorCount++;
    if (result.errors.length < limits.maxErrors) result.errors.push(issue);
  };

  const parsed = typeof input === 'string' ? parseJson(input, report) : cloneValue(input, report);
  if (!parsed) return result;
  const bundle = parsed.value;
  const entries = bundleEntries(bundle, report);
  if (!entries) return result;
  result.bundleType = (bundle as { type: string }).type;

  const references = indexFullUrls(entries, report);
  const names = entryNames(entries);
  const perType = new Map<string, number>();
  for (const entry of entries)
    perType.set(
      entry.resource.resourceType as string,
      (perType.get(entry.resource.resourceType as string) ?? 0) + 1,
    );
  const compiled = limits.compiledSchemaOf;
  const schemaOf = (type: ResourceType) =>
    compiled && (perType.get(type) ?? 0) >= limits.compileSchemasFrom ? compiled(type) : undefined;
  const resources: FhirResource[] = [];
  entries.forEach((entry, index) => {
    const resource = entry.resource as Record<string, unknown>;
    const type = resource.resourceType as string;
    if (!isModeledType(type)) {
      result.skipped[type] = (result.skipped[type] ?? 0) + 1;
      return;
    }
    const where = {
      entry: index,
      resourceType: type,
      id: typeof resource.id === 'string' ? resource.id : undefined,
    };
    const before = result.errorCount;
    for (const issue of checkResource(resource, { ...limits, references, names, schemaOf }))
      report({ ...where, ...issue });
    if (result.errorCount === before) {
      resources.push(resource as FhirResource);
      result.counts[type] = (result.counts[type] ?? 0) + 1;
    }
  });

  result.ok = result.errorCount === 0;
  if (result.ok) result.resources = resources;
  else result.counts = {};
  return result;
}

type Report = (issue: BundleIssue) => void;
type Entry = { fullUrl?: unknown; resource: Record<string, unknown> };

function parseJson(text: string, report: Report): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = jsonErrorOffset(text);
    const where = offset >= 0 ? lineAndColumn(text, offset) : {};
    report({ code: 'not-json', path: 'Bundle', message: `not valid JSON: ${message}`, ...where });
    return undefined;
  }
}

/** Parsed input is copied so that resolving references never changes the caller's objects. */
function cloneValue(value: unknown, report: Report): { value: unknown } | undefined {
  try {
    return { value: structuredClone(value) };
  } catch (error) {
    report({ code: 'not-json', path: 'Bundle', message: `not a JSON value: ${String(error)}` });
    return undefined;
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the envelope; returns the entries when every one holds a resource with a type. */
function bundleEntries(bundle: unknown, reportIssue: Report): Entry[] | undefined {
  let problems = 0;
  const report: Report = (issue) => {
    problems++;
    reportIssue(issue);
  };
  if (!isObject(bundle)) {
    report({
      code: 'not-a-bundle',
      path: 'Bundle',
      message: `expected a JSON object with resourceType "Bundle", got ${describe(bundle)}`,
    });
    return undefined;
  }
  if (bundle.resourceType !== 'Bundle') {
    const got =
      typeof bundle.resourceType === 'string' ? `a ${bundle.resourceType}` : 'no resourceType';
    report({
      code: 'not-a-bundle',
      path: 'resourceType',
      message: `expected a Bundle, got ${got}`,
    });
    return undefined;
  }
  for (const key of Object.keys(bundle)) {
    if (FORBIDDEN_KEYS.has(key))
      report({
        code: 'forbidden-key',
        path: `Bundle.${key}`,
        message: `the key "${key}" is not allowed in FHIR JSON`,
      });
  }
  if (!(READABLE_BUNDLE_TYPES as readonly unknown[]).includes(bundle.type)) {
    report({
      code: 'unsupported-bundle-type',
      path: 'Bundle.type',
      message: `${describe(bundle.type)} is not a bundle type the kit reads (${READABLE_BUNDLE_TYPES.join(', ')})`,
    });
  }
  const entries = bundle.entry ?? [];
  if (!Array.isArray(entries)) {
    report({
      code: 'not-a-bundle',
      path: 'Bundle.entry',
      message: `expected an array, got ${describe(entries)}`,
    });
    return undefined;
  }
  entries.forEach((entry: unknown, index) => {
    const path = `Bundle.entry[${index}]`;
    if (!isObject(entry)) {
      report({
        entry: index,
        code: 'not-a-bundle',
        path,
        message: `expected an entry object, got ${describe(entry)}`,
      });
      return;
    }
    for (const key of Object.keys(entry)) {
      if (FORBIDDEN_KEYS.has(key))
        report({
          entry: index,
          code: 'forbidden-key',
          path: `${path}.${key}`,
          message: `the key "${key}" is not allowed in FHIR JSON`,
        });
    }
    const resource = entry.resource;
    if (!isObject(resource)) {
      const method = isObject(entry.request) ? ` (a ${String(entry.request.method)} request)` : '';
      report({
        entry: index,
        code: 'not-a-bundle',
        path: `${path}.resource`,
        message: `the entry has no resource${method}; the kit imports resources only`,
      });
      return;
    }
    if (typeof resource.resourceType !== 'string' || resource.resourceType === '') {
      report({
        entry: index,
        code: 'missing-resource-type',
        path: `${path}.resource.resourceType`,
        message: `missing resourceType (got ${describe(resource.resourceType)})`,
      });
      return;
    }
    const retired = retiredType(resource.resourceType);
    if (retired)
      report({
        entry: index,
        resourceType: resource.resourceType,
        code: 'fhir-version',
        path: `${resource.resourceType}`,
        message: `${retired}. The kit reads FHIR R4.`,
      });
  });
  return problems === 0 ? (entries as Entry[]) : undefined;
}

/**
 * Maps each entry's fullUrl to `Type/id`, giving an id from a `urn:uuid:`
 * fullUrl to a resource that has none (a transaction's POST entries).
 */
function indexFullUrls(entries: Entry[], report: Report): Map<string, string> {
  const references = new Map<string, string>();
  const seen = new Map<string, number>();
  entries.forEach((entry, index) => {
    const resource = entry.resource;
    const type = resource.resourceType as string;
    const fullUrl = typeof entry.fullUrl === 'string' ? entry.fullUrl : undefined;
    if (resource.id === undefined && fullUrl?.startsWith('urn:uuid:'))
      resource.id = fullUrl.slice('urn:uuid:'.length);
    const id = resource.id;
    if (typeof id !== 'string') {
      if (isModeledType(type)) {
        report({
          entry: index,
          resourceType: type,
          code: 'missing-id',
          path: `${type}.id`,
          message: 'the resource has no id and its fullUrl is not a urn:uuid: to take one from',
        });
      }
      return;
    }
    const key = `${type}/${id}`;
    const first = seen.get(key);
    if (first !== undefined) {
      report({
        entry: index,
        resourceType: type,
        id,
        code: 'duplicate',
        path: `${type}.id`,
        message: `${key} appears twice (entries ${first} and ${index})`,
      });
    } else {
      seen.set(key, index);
    }
    if (fullUrl !== undefined) {
      if (references.has(fullUrl)) {
        report({
          entry: index,
          resourceType: type,
          id,
          code: 'duplicate',
          path: `Bundle.entry[${index}].fullUrl`,
          message: `fullUrl ${truncate(fullUrl)} is used by two entries`,
        });
      }
      references.set(fullUrl, key);
    }
  });
  return references;
}
