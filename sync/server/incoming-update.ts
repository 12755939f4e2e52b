import * as Y from 'yjs';

// What a client's update brings that the server does not hold yet, read in
// full before any of it touches the server's document. Yjs applies an update
// struct by struct: one that fails half-way through has already changed the
// document, and its first half would then reach other clients and the disk
// with no audit record. So every update is decoded completely first, and a
// document only ever applies one that decoded.

/** Deeper than any real content (a note's formatting, a revision is a string): Yjs reads and writes these values recursively. */
export const MAX_CONTENT_DEPTH = 64;

export type Struct = Y.Item | Y.GC | Y.Skip;

export interface IncomingUpdate {
  /** The update less what the document holds already: what would be stored for its sender. */
  fresh: Uint8Array;
  /** Structs of `fresh` the document holds in neither its state nor its pending structs. */
  novel: Array<Y.Item | Y.GC>;
  /** Whether it deletes anything (deletions name other clients' structs, and are not owned). */
  deletes: boolean;
}

export type IncomingRead = { ok: true; update: IncomingUpdate } | { ok: false; reason: string };

export function readIncoming(doc: Y.Doc, update: Uint8Array): IncomingRead {
  let fresh: Uint8Array;
  let decoded: { structs: Struct[]; ds: { clients: Map<number, unknown[]> } };
  try {
    fresh = Y.diffUpdate(update, Y.encodeStateVector(doc));
    decoded = Y.decodeUpdate(fresh) as typeof decoded;
  } catch {
    // A RangeError from absurd nesting lands here too: the stack unwound, nothing was applied.
    return { ok: false, reason: 'update does not decode' };
  }
  const held = pendingRanges(doc);
  const novel: Array<Y.Item | Y.GC> = [];
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip || held.covers(struct)) continue;
    if (struct instanceof Y.Item && contentDeeperThan(struct.content, MAX_CONTENT_DEPTH)) {
      return { ok: false, reason: `content nested over ${MAX_CONTENT_DEPTH} levels` };
    }
    novel.push(struct);
  }
  return { ok: true, update: { fresh, novel, deletes: decoded.ds.clients.size > 0 } };
}

interface Ranges {
  covers(struct: Struct): boolean;
}

/** The clock ranges of the structs the document holds back for missing dependencies (rarely any). */
function pendingRanges(doc: Y.Doc): Ranges {
  const pending = doc.store.pendingStructs;
  if (!pending) return { covers: () => false };
  const byClient = new Map<number, Array<[number, number]>>();
  for (const struct of (Y.decodeUpdate(pending.update) as { structs: Struct[] }).structs) {
    if (struct instanceof Y.Skip) continue;
    const ranges = byClient.get(struct.id.client) ?? [];
    ranges.push([struct.id.clock, struct.id.clock + struct.length]);
    byClient.set(struct.id.client, ranges);
  }
  return {
    covers: ({ id, length }) =>
      (byClient.get(id.client) ?? []).some(
        ([from, to]) => from <= id.clock && id.clock + length <= to,
      ),
  };
}

/** Values a struct carries as JSON-like data (ContentAny, ContentEmbed, ContentFormat, ContentJSON). */
function contentDeeperThan(content: Y.Item['content'], max: number): boolean {
  const values: unknown[] =
    content instanceof Y.ContentAny
      ? content.arr
      : content instanceof Y.ContentEmbed
        ? [content.embed]
        : content instanceof Y.ContentFormat
          ? [content.value]
          : content instanceof Y.ContentJSON
            ? content.arr
            : [];
  return values.some((value) => valueDeeperThan(value, max));
}

/** Depth of nested arrays and objects, walked without recursion. */
function valueDeeperThan(root: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== 'object' || value instanceof Uint8Array) continue;
    if (depth >= max) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}
