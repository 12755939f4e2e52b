import * as Y from 'yjs';

// Which root array of a document an incoming item goes into. An item whose
// parent is a root type names it; one that goes beside its neighbour (its
// origin, or its right origin when it is first) names none, and belongs to
// its neighbour's array, which is in the same write or already in the
// document.

type Struct = Y.Item | Y.GC | Y.Skip;

/**
 * The name of the root type `item` is added to; null when it is nested in
 * another type; undefined when its neighbour is in neither the write nor the
 * document (a write that waits for a dependency: Yjs holds it back until the
 * dependency arrives).
 */
export function rootArrayOf(
  item: Y.Item,
  incoming: readonly Struct[],
  doc: Y.Doc,
): string | null | undefined {
  const seen = new Set<Y.Item>();
  let current: Y.Item | undefined = item;
  while (current && !seen.has(current)) {
    seen.add(current);
    const parent: unknown = current.parent;
    if (typeof parent === 'string') return parent;
    if (parent !== null) return null; // a nested type: an id, never a chart document's
    const neighbour = current.origin ?? current.rightOrigin;
    if (!neighbour) return null;
    const sameWrite = incoming.find(
      (struct): struct is Y.Item =>
        struct instanceof Y.Item &&
        struct.id.client === neighbour.client &&
        struct.id.clock <= neighbour.clock &&
        neighbour.clock < struct.id.clock + struct.length,
    );
    if (sameWrite) {
      current = sameWrite;
      continue;
    }
    const held = heldItem(doc, neighbour);
    if (!held) return undefined;
    if (held.parent === null) return null;
    return Y.findRootTypeKey(held.parent as Y.AbstractType<unknown>);
  }
  return null;
}

function heldItem(doc: Y.Doc, id: Y.ID): Y.Item | undefined {
  const structs = doc.store.clients.get(id.client);
  if (!structs || structs.length === 0) return undefined;
  const last = structs[structs.length - 1]!;
  if (id.clock >= last.id.clock + last.length) return undefined;
  const struct = Y.getItem(doc.store, id) as Struct;
  return struct instanceof Y.Item ? struct : undefined;
}
