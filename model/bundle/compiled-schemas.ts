import * as z from 'zod/mini';
import { resourceSchemas, type ResourceType } from '../fhir/resources.js';

// Zod's ahead-of-time compiled parsers: code of their own (zod's compiler),
// loaded only by a reader that hands them to readBundle (an import, the
// CLI); one resource from a form or a peer, and a first visit's bundle shown
// before it is stored, are checked by the plain schemas. Compiling costs far
// more than it saves below tens of thousands of resources of a type, so a
// bundle uses them only from COMPILE_SCHEMAS_FROM resources of one type on
// (read-bundle.ts).

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
