import type { FhirResource, ResourceKey, Revision } from '../../model/index.js';
import {
  earlierRevisions,
  ehrNameOf,
  importBundle,
  ehrNamesOf,
  laterRevisions,
  updateBases,
  type DeliveryAnswer,
  type DexieChartStore,
  type DeliveryReceipt,
  type OutboxEntry,
  type UpdateBase,
} from '../../storage/index.js';
import { EhrError } from '../errors.js';
import type { FhirHttp, FhirWrite } from '../http/fhir-http.js';
import { allows, type DeliveryAllowance } from './allowance.js';
import {
  createWrite,
  receiptOf,
  sameContent,
  transactionWrite,
  updateWrite,
} from './interactions.js';
import { fullUrlOf, namedForEhr, referencedKeys, type EhrName } from './outgoing-references.js';

// One change (or one set of new records made together) sent to the EHR,
// and what it answered (which the caller writes back: settleDeliveries):
// - accepted: the EHR's id, version and time (the receipt), which the next
//   change of the record is checked against;
// - 412, the EHR's copy changed since: the EHR's version is added to the
//   chart beside the kit's (a conflict for a clinician to resolve, whose
//   resolution is sent next); unless that copy is what the kit sent, which a
//   write whose answer was lost leaves behind: then it is the receipt;
// - 400, 404, 409, 410, 422: not accepted, with the server's words;
// - 403: refused.
// What stops the whole link (no network, the EHR unavailable, sign-in
// needed) is thrown for the caller, and the change stays waiting.

export interface SendContext {
  store: DexieChartStore;
  http: FhirHttp;
  allow: DeliveryAllowance;
  identifierSystem: string;
  /** How the EHR knows the records changes refer to, looked up once per round. */
  ehrNames?: Map<ResourceKey, Promise<EhrName>>;
  /** For each update of the round, by revision: the record's id in the EHR and the version it was made from. */
  updates?: ReadonlyMap<string, UpdateBase>;
}

/**
 * A round's context with what its changes need, looked up at once before
 * any is sent (and before the round before is saved, which would hold the
 * reads up): each update's EHR id and base version, and how the EHR knows
 * the records they refer to.
 */
export async function lookUpRound(
  context: SendContext,
  units: readonly (readonly OutboxEntry[])[],
): Promise<SendContext> {
  const entries = units.flat();
  const updates = entries.filter(
    ({ row, revision }) =>
      !row.create && allows(context.allow, revision.resource.resourceType, 'update'),
  );
  const referenced = [
    ...new Set(entries.flatMap(({ revision }) => [...referencedKeys(revision.resource)])),
  ];
  const [bases, names] = await Promise.all([
    updateBases(
      context.store,
      updates.map(({ revision }) => revision),
    ),
    ehrNamesOf(context.store, referenced),
  ]);
  return {
    ...context,
    updates: bases,
    ehrNames: new Map([...names].map(([key, name]) => [key, Promise.resolve(name)])),
  };
}

/** The write with its references naming records as the EHR knows them (outgoing-references.ts). */
async function named(
  context: SendContext,
  write: FhirWrite,
  inTransaction?: ReadonlyMap<ResourceKey, string>,
): Promise<FhirWrite> {
  const names = context.ehrNames ?? new Map<ResourceKey, Promise<EhrName>>();
  const ehrNameOfKey = (key: ResourceKey) => {
    if (!names.has(key)) names.set(key, ehrNameOf(context.store, key));
    return names.get(key)!.then((name) =>
      // A creation the hospital does not take never arrives: the record keeps the kit's id.
      name === 'waiting' && !allows(context.allow, key.slice(0, key.indexOf('/')), 'create')
        ? 'same'
        : name,
    );
  };
  const body = await namedForEhr(write.body, {
    ehrNameOf: ehrNameOfKey,
    identifierSystem: context.identifierSystem,
    ...(inTransaction && { inTransaction }),
  });
  return { ...write, body };
}

type Settled = DeliveryAnswer;

/** Sends one unit (a single change, or the new records of one group); answers what the EHR said of each. */
export async function sendUnit(
  context: SendContext,
  unit: readonly OutboxEntry[],
): Promise<Settled[]> {
  const allowed = unit.filter(({ row, revision }) =>
    allows(context.allow, revision.resource.resourceType, row.create ? 'create' : 'update'),
  );
  const settled: Settled[] = unit
    .filter((entry) => !allowed.includes(entry))
    .map(({ row, revision }) => ({
      revisionId: row.revisionId,
      state: 'local-only',
      message: `The hospital record does not take ${row.create ? 'new' : 'changed'} ${revision.resource.resourceType} records from this app.`,
    }));
  if (allowed.length > 1) settled.push(...(await sendGroup(context, allowed)));
  else if (allowed[0]?.row.create) settled.push(await sendCreate(context, allowed[0]));
  else if (allowed[0]) settled.push(await sendUpdate(context, allowed[0]));
  return settled;
}

async function sendCreate(context: SendContext, { row, revision }: OutboxEntry): Promise<Settled> {
  try {
    const answer = await context.http.send(
      await named(context, createWrite(revision, context.identifierSystem)),
      revision.resource.resourceType,
    );
    return accepted(row.revisionId, receiptOf(answer.body, answer.etag, answer.location));
  } catch (error) {
    return refusedOrThrow(row.revisionId, error);
  }
}

async function sendGroup(context: SendContext, group: readonly OutboxEntry[]): Promise<Settled[]> {
  const revisions = group.map((entry) => entry.revision);
  const inTransaction = new Map(
    revisions.flatMap(({ key, resource }) => {
      const fullUrl = fullUrlOf(resource.id!);
      return fullUrl ? [[key, fullUrl] as const] : [];
    }),
  );
  try {
    const answer = await context.http.send(
      await named(context, transactionWrite(revisions, context.identifierSystem), inTransaction),
      'Bundle',
    );
    const entries =
      (
        answer.body as {
          entry?: Array<{ resource?: unknown; response?: { etag?: string; location?: string } }>;
        }
      )?.entry ?? [];
    return group.map(({ row }, i) =>
      accepted(
        row.revisionId,
        receiptOf(entries[i]?.resource, entries[i]?.response?.etag, entries[i]?.response?.location),
      ),
    );
  } catch (error) {
    const one = refusedOrThrow('', error);
    return group.map(({ row }) => ({ ...one, revisionId: row.revisionId }));
  }
}

async function sendUpdate(context: SendContext, entry: OutboxEntry): Promise<Settled> {
  const { row, revision } = entry;
  const { store } = context;
  const { ehrId, base, created } =
    context.updates?.get(row.revisionId) ??
    (await updateBases(store, [revision])).get(row.revisionId)!;
  if (ehrId === undefined)
    return {
      revisionId: row.revisionId,
      state: 'not-accepted',
      message: 'The record itself never reached the hospital record, so this change cannot.',
    };
  if (!base)
    return {
      revisionId: row.revisionId,
      state: 'local-only',
      message:
        'The version this change was made from was never confirmed by the hospital record: it is not sent over a version unknown here.',
    };
  const target = { ehrId, ...(created && { createdUnder: context.identifierSystem }) };
  return putOver(context, entry, target, base.versionId, true);
}

/** The record an update goes to: its id in the EHR, and the identifier system the kit created it under, if it did. */
interface UpdateTarget {
  ehrId: string;
  createdUnder?: string;
}

/** PUTs the change over the EHR's version `base`; after a 412, looks at what the EHR holds (once more when `mayRetry`). */
async function putOver(
  context: SendContext,
  entry: OutboxEntry,
  target: UpdateTarget,
  base: string,
  mayRetry: boolean,
): Promise<Settled> {
  const { row, revision } = entry;
  const write = await named(
    context,
    updateWrite(revision, target.ehrId, base, target.createdUnder),
  );
  try {
    const answer = await context.http.send(write, revision.resource.resourceType);
    return accepted(row.revisionId, receiptOf(answer.body, answer.etag, answer.location));
  } catch (error) {
    if (error instanceof EhrError && error.status === 412)
      return changedInEhr(context, entry, target, write.body, mayRetry);
    return refusedOrThrow(row.revisionId, error);
  }
}

/**
 * After a 412, what the EHR holds now:
 * - this change, or one made after it in the kit: it arrived (its answer was
 *   lost, or another device sent it): the receipt;
 * - a version this change was made from (a colleague's change whose answer
 *   has not reached this device): the change goes over that version;
 * - anything else: the EHR's version is added beside the kit's, a conflict.
 */
async function changedInEhr(
  context: SendContext,
  entry: OutboxEntry,
  target: UpdateTarget,
  sent: unknown,
  mayRetry: boolean,
): Promise<Settled> {
  const { store, http } = context;
  const { row, revision } = entry;
  const type = revision.resource.resourceType;
  const { body } = await http.get(`${type}/${encodeURIComponent(target.ehrId)}`, type, {
    fresh: true,
  });
  const held = body as FhirResource & { meta?: { versionId?: string; lastUpdated?: string } };
  const holdsAny = async (others: readonly Revision[]) => {
    for (const other of others)
      if (
        sameContent(
          (await named(context, updateWrite(other, target.ehrId, '', target.createdUnder))).body,
          held,
        )
      )
        return true;
    return false;
  };
  if (sameContent(sent, held) || (await holdsAny(await laterRevisions(store, revision))))
    return accepted(row.revisionId, receiptOf(held, undefined, undefined));
  const version = held.meta?.versionId;
  if (mayRetry && version && (await holdsAny(await earlierRevisions(store, revision))))
    return putOver(context, entry, target, version, false);
  // The EHR's version enters the chart as a pull would bring it: beside the
  // kit's change, which it does not replace (a conflict).
  await importBundle(store, {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: { ...held, id: revision.resource.id } }],
  });
  return {
    revisionId: row.revisionId,
    state: 'conflict',
    message: `Changed in the hospital record since this change was made${version ? ` (now version ${version})` : ''}: both versions are shown; the one chosen is sent next.`,
  };
}

function accepted(revisionId: string, receipt: DeliveryReceipt | undefined): Settled {
  if (!receipt)
    throw new EhrError(
      'invalid-response',
      'the hospital record accepted a change without saying its id and version',
    );
  return { revisionId, state: 'sent', receipt };
}

/** A refusal of this change is written at it; anything else stops the link (thrown). */
function refusedOrThrow(revisionId: string, error: unknown): Settled {
  if (!(error instanceof EhrError)) throw error;
  const message = error.said ?? error.message;
  if (error.kind === 'forbidden') return { revisionId, state: 'refused', message };
  if (error.kind === 'refused' || error.kind === 'not-found')
    return { revisionId, state: 'not-accepted', message };
  throw error;
}
