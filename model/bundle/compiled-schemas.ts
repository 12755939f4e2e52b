import * as z from 'zod/mini';
import { resourceSchemas, type ResourceType } from '../fhir/resources.js';

// Zod's ahead-of-time compiled parsers: code of their own (zod's compiler),
// so only the bulk reader loads them; one resource from a form or a peer is
// checked by the plain schema. Compiling costs far more than it saves below
// tens of thousands of resources of a type, so a bundle uses them only from
// COMPILE_SCHEMAS_FROM resources of one type on.

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

const compiled = new Map<ResourceType, z.ZodMiniType>();

/** The types compiled so far in this page or process. */
export function compiledTypes(): ResourceType[] {
  return [...compiled.keys()];
}

/** The compiled schema of a type, compiled on first use. Where a page's CSP forbids `new Function`, zod quietly keeps its ordinary parser. */
export function compiledSchemaOf(type: ResourceType): z.ZodMiniType {
  let schema = compiled.get(type);
  if (!schema) {
    schema = z.compile(resourceSchemas[type]) as z.ZodMiniType;
    compiled.set(type, schema);
  }
  return schema;
}
