import './websocket-shim.js';
import { globalSchema } from '@medplum/core';
import { isSupportedSearchParam } from './capability-statement.js';

// A type search's query, checked and put in the form the engine understands,
// before it reaches the router. The engine answers a parameter it does not
// know, or cannot match (number, quantity, composite), with an empty result
// and no error: a client would take a typo for an empty chart. Such a
// parameter is refused (400) here, or dropped when the client asked for
// `Prefer: handling=lenient` (and so missing from the self link).
// `subject:Patient=123` becomes `subject=Patient/123`, which the engine
// matches (it finds nothing for the first form). Without `_count`, the
// default page size applies; a larger one is lowered to the maximum.

export interface QueryOptions {
  defaultCount: number;
  maxCount: number;
  lenient: boolean;
}

export type NormalizedQuery = { ok: true; query: URLSearchParams } | { ok: false; error: string };

const PASSED = new Set(['_include', '_revinclude', '_total', '_format', '_pretty']);

export function normalizeSearchQuery(
  resourceType: string,
  input: URLSearchParams,
  options: QueryOptions,
): NormalizedQuery {
  const query = new URLSearchParams();
  for (const [key, value] of input) {
    const refused = (why: string): NormalizedQuery | undefined =>
      options.lenient ? undefined : { ok: false, error: `${key}: ${why}` };
    if (key === '_count' || key === '_offset') {
      if (!/^\d+$/.test(value))
        return { ok: false, error: `${key} must be a whole number, not "${value}"` };
      query.set(key, key === '_count' ? String(Math.min(Number(value), options.maxCount)) : value);
      continue;
    }
    if (key === '_sort') {
      const unknown = value
        .split(',')
        .map((s) => s.replace(/^-/, ''))
        .find((code) => !isSupportedSearchParam(resourceType, code));
      if (unknown !== undefined) {
        const error = refused(`cannot sort ${resourceType} by "${unknown}"`);
        if (error) return error;
        continue;
      }
      query.append(key, value);
      continue;
    }
    if (PASSED.has(key.split(':')[0] ?? '')) {
      query.append(key, value);
      continue;
    }
    const [code = '', modifier] = key.split(':');
    if (
      key.startsWith('_has') ||
      (code.includes('.') && !isSupportedSearchParam(resourceType, code.split('.')[0] ?? ''))
    ) {
      const error = refused('not supported by this server');
      if (error) return error;
      continue;
    }
    if (code.includes('.')) {
      query.append(key, value);
      continue;
    }
    if (!isSupportedSearchParam(resourceType, code)) {
      const known = globalSchema.types[resourceType]?.searchParams?.[code];
      const error = refused(
        known
          ? `${known.type} search parameters are not supported by this server`
          : `unknown search parameter for ${resourceType}`,
      );
      if (error) return error;
      continue;
    }
    const param = globalSchema.types[resourceType]?.searchParams?.[code];
    if (modifier && /^[A-Z]/.test(modifier) && param?.type === 'reference') {
      query.append(
        code,
        value
          .split(',')
          .map((v) => (v.includes('/') ? v : `${modifier}/${v}`))
          .join(','),
      );
      continue;
    }
    query.append(key, value);
  }
  if (!query.has('_count')) query.set('_count', String(options.defaultCount));
  return { ok: true, query };
}
