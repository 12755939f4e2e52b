import type { BundleIssue } from './bundle-issue.js';
import { formatPath } from './bundle-issue.js';

// One pass over a resource's whole tree — including fields the schemas do
// not model — that refuses keys which could reach an object's prototype,
// strings too large for a chart, and nesting deep enough to exhaust a stack;
// and rewrites references to bundle entries (`urn:uuid:...`) as `Type/id`,
// giving those without display text the name of the entry they point to.

export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export interface WalkLimits {
  maxStringLength: number;
  maxDepth: number;
}

export interface WalkContext extends WalkLimits {
  /** fullUrl of every entry in the bundle → `Type/id`. */
  references: ReadonlyMap<string, string>;
  /** Names of the bundle's entries that name someone or somewhere (see entry-names.ts), by fullUrl and by `Type/id`. */
  names?: ReadonlyMap<string, string>;
  /** Receives each problem, with its path from the resource root. */
  report(issue: Omit<BundleIssue, 'entry' | 'resourceType' | 'id'>): void;
}

export interface WalkOutcome {
  /** A key or a depth that makes the resource unsafe to hand to any other code. */
  unsafe: boolean;
}

export function walkResource(resource: Record<string, unknown>, ctx: WalkContext): WalkOutcome {
  const path: PropertyKey[] = [];
  const root = String(resource.resourceType);
  let unsafe = false;

  const visit = (node: unknown, depth: number): void => {
    if (typeof node === 'string') {
      if (node.length > ctx.maxStringLength) {
        ctx.report({
          code: 'too-large',
          path: formatPath(root, path),
          message: `a string of ${node.length.toLocaleString('en')} characters exceeds the limit of ${ctx.maxStringLength.toLocaleString('en')}`,
        });
      }
      return;
    }
    if (node === null || typeof node !== 'object') return;
    if (depth > ctx.maxDepth) {
      unsafe = true;
      ctx.report({
        code: 'too-deep',
        path: formatPath(root, path),
        message: `nested deeper than ${ctx.maxDepth} levels`,
      });
      return;
    }
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i], depth + 1);
        path.pop();
      }
      return;
    }
    const object = node as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) {
        unsafe = true;
        ctx.report({
          code: 'forbidden-key',
          path: formatPath(root, path),
          message: `the key "${key}" is not allowed in FHIR JSON`,
        });
      } else {
        const value = object[key];
        if (key === 'reference' && typeof value === 'string') resolveReference(object, value);
        else visit(value, depth + 1);
      }
      path.pop();
    }
  };

  const resolveReference = (holder: Record<string, unknown>, reference: string): void => {
    if (reference.length > ctx.maxStringLength) {
      visit(reference, 0);
      return;
    }
    const target = ctx.references.get(reference);
    const name = ctx.names?.get(reference);
    if (name !== undefined && holder.display === undefined) holder.display = name;
    if (target !== undefined) {
      holder.reference = target;
    } else if (reference.startsWith('urn:uuid:') || reference.startsWith('urn:oid:')) {
      ctx.report({
        code: 'dangling-reference',
        path: formatPath(root, path),
        message: `${reference} matches no entry's fullUrl in this bundle`,
      });
    }
  };

  visit(resource, 0);
  return { unsafe };
}
