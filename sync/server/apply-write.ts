import * as Y from 'yjs';
import type { ParsedDocumentName } from '../../model/index.js';
import type { Principal } from './access-tokens.js';
import { auditRecord } from './audit-record.js';
import type { ClientOwners } from './client-owners.js';
import { CLOSE, type CloseCode } from './close-codes.js';
import { readIncoming } from './incoming-update.js';
import type { StoredUpdate } from './sync-store.js';

// One client's write, judged and then applied to the server's copy of a
// document. It is read in full and checked before the document applies it
// (incoming-update.ts, client-owners.ts, the chart's revision check), so a
// refused write changes nothing. What is stored for a write is what its
// sender added, audited under the sender: structs held back for a missing
// dependency are the sender's, even when another user's later write is what
// lets them in.

/** Why a write is refused, or nothing when it may go in. */
export type WriteCheck = (write: {
  doc: Y.Doc;
  document: ParsedDocumentName;
  principal: Principal;
  update: Uint8Array;
}) => { code: CloseCode; reason: string } | undefined;

export type WriteOutcome =
  /** Refused before anything changed. */
  | { kind: 'refused'; code: CloseCode; reason: string }
  /** Nothing the document lacks (a reconnecting client resending what the server has). */
  | { kind: 'nothing-new' }
  /** Applied: what to store, and the changes to relay to the other connections. */
  | { kind: 'applied'; stored: StoredUpdate; relay: Uint8Array[] }
  /** It decoded, yet failed part-way: the document may hold half of it. */
  | { kind: 'broken'; error: unknown };

export interface WriteTarget {
  doc: Y.Doc;
  name: string;
  parsed: ParsedDocumentName;
  owners: ClientOwners;
  checkWrite?: WriteCheck;
}

export function applyWrite(
  target: WriteTarget,
  principal: Principal,
  update: Uint8Array,
): WriteOutcome {
  const { doc } = target;
  const incoming = readIncoming(doc, update);
  if (!incoming.ok) return { kind: 'refused', code: CLOSE.badMessage, reason: incoming.reason };
  const { fresh, novel, deletes } = incoming.update;
  if (novel.length === 0 && !deletes) return { kind: 'nothing-new' };
  const ownership = target.owners.check(novel, principal.userId);
  if (ownership.taken)
    return {
      kind: 'refused',
      code: CLOSE.forbidden,
      reason: `client id ${ownership.taken.clientId} belongs to another user`,
    };
  const refusal = target.checkWrite?.({ doc, document: target.parsed, principal, update });
  if (refusal) return { kind: 'refused', ...refusal };

  const { pendingStructs, pendingDs } = doc.store;
  let relay: Uint8Array[];
  try {
    relay = applyCapturing(doc, [update]);
  } catch (error) {
    return { kind: 'broken', error };
  }
  const heldBack = doc.store.pendingStructs !== pendingStructs || doc.store.pendingDs !== pendingDs;
  if (relay.length === 0 && !heldBack) return { kind: 'nothing-new' };
  target.owners.claim(ownership.claims, principal.userId);
  return {
    kind: 'applied',
    stored: {
      update: fresh,
      audit: auditRecord(target.name, target.parsed.patientId, principal, fresh),
      claims: ownership.claims,
    },
    relay,
  };
}

/** Applies updates in order; returns what they changed in the document (what the document emitted), in order. */
export function applyCapturing(doc: Y.Doc, updates: readonly Uint8Array[]): Uint8Array[] {
  const changes: Uint8Array[] = [];
  const capture = (change: Uint8Array) => changes.push(change);
  doc.on('update', capture);
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
  } finally {
    doc.off('update', capture);
  }
  return changes;
}
