import * as Y from 'yjs';
import {
  revisionFacts,
  type ChartLog,
  type ResourceKey,
  type Revision,
  type RevisionFacts,
} from '../../model/index.js';

// What the server knows of a chart document's revisions, for the revision
// rule: each revision's record, parents and status, and each record's
// current heads. Built once from the document when its first write is
// checked, then kept up to date by every revision the document takes — from
// any connection — so a check never reads the whole log again.

export class DocumentLog implements ChartLog {
  readonly #byId = new Map<string, RevisionFacts>();
  readonly #heads = new Map<ResourceKey, Map<string, RevisionFacts>>();
  readonly #roots = new Map<ResourceKey, RevisionFacts[]>();
  /** Every id some revision names as a parent: a revision named before it came is no head. */
  readonly named = new Set<string>();

  add(facts: RevisionFacts): void {
    if (this.#byId.has(facts.revisionId)) return;
    this.#byId.set(facts.revisionId, facts);
    if (facts.parents.length === 0)
      this.#roots.set(facts.key, [...(this.#roots.get(facts.key) ?? []), facts]);
    for (const id of facts.parents) {
      this.named.add(id);
      const parent = this.#byId.get(id);
      if (parent) this.#heads.get(parent.key)?.delete(id);
    }
    if (this.named.has(facts.revisionId)) return;
    const heads = this.#heads.get(facts.key) ?? new Map<string, RevisionFacts>();
    heads.set(facts.revisionId, facts);
    this.#heads.set(facts.key, heads);
  }

  revision(id: string): RevisionFacts | undefined {
    return this.#byId.get(id);
  }

  heads(key: ResourceKey): RevisionFacts[] {
    return [...(this.#heads.get(key)?.values() ?? [])];
  }

  roots(key: ResourceKey): RevisionFacts[] {
    return this.#roots.get(key) ?? [];
  }
}

/** A document's log with the revisions of one write added on top, for checking them in turn before any is taken. */
export class PendingLog implements ChartLog {
  readonly #added = new DocumentLog();
  readonly #base: DocumentLog;

  constructor(base: DocumentLog) {
    this.#base = base;
  }

  add(facts: RevisionFacts): void {
    this.#added.add(facts);
  }

  revision(id: string): RevisionFacts | undefined {
    return this.#added.revision(id) ?? this.#base.revision(id);
  }

  heads(key: ResourceKey): RevisionFacts[] {
    return [
      ...this.#base.heads(key).filter((head) => !this.#added.named.has(head.revisionId)),
      ...this.#added.heads(key),
    ];
  }

  roots(key: ResourceKey): RevisionFacts[] {
    return [...this.#base.roots(key), ...this.#added.roots(key)];
  }
}

const logs = new WeakMap<Y.Doc, DocumentLog>();

/** The log of a room's document, built on first use and following the document from then on. */
export function documentLog(doc: Y.Doc, arrayName: string): DocumentLog {
  let log = logs.get(doc);
  if (log) return log;
  const built = new DocumentLog();
  const array = doc.getArray<unknown>(arrayName);
  for (const value of array) addEncoded(built, value);
  array.observe((event) => {
    for (const item of event.changes.added)
      for (const value of item.content.getContent()) addEncoded(built, value);
  });
  logs.set(doc, built);
  log = built;
  return log;
}

/**
 * Reads what the rule needs from a stored revision, without validating it
 * again (it was, when it was taken); a value that is not a revision at all
 * is left out.
 */
function addEncoded(log: DocumentLog, value: unknown): void {
  if (typeof value !== 'string') return;
  let parsed: Partial<Revision>;
  try {
    parsed = JSON.parse(value) as Partial<Revision>;
  } catch {
    return;
  }
  const { revisionId, key, parents, resource } = parsed;
  if (
    typeof revisionId !== 'string' ||
    typeof key !== 'string' ||
    !Array.isArray(parents) ||
    typeof resource !== 'object' ||
    resource === null
  )
    return;
  // The whole revision is parsed again only when asked (a copy of its id, a second root): the text is the document's own.
  log.add(revisionFacts(parsed as Revision, () => JSON.parse(value) as Revision));
}
