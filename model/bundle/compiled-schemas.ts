import * as z from 'zod/mini';
import { resourceSchemas, type ResourceType } from '../fhir/resources.js';

// Zod's ahead-of-time compiled parsers halve validation time, for a bundle
// of thousands of resources. They are code of their own (zod's compiler),
// so only the bulk reader loads them; one resource from a form or a peer is
// checked by the plain schema.

const compiled = new Map<ResourceType, z.ZodMiniType>();

/** The compiled schema of a type, compiled on first use. Where a page's CSP forbids `new Function`, zod quietly keeps its ordinary parser. */
export function compiledSchemaOf(type: ResourceType): z.ZodMiniType {
  let schema = compiled.get(type);
  if (!schema) {
    schema = z.compile(resourceSchemas[type]) as z.ZodMiniType;
    compiled.set(type, schema);
  }
  return schema;
}
