import type { FhirResource } from '../../model/index.js';
import {
  baseVersion,
  ehrIdOf,
  importBundle,
  laterRevisions,
  type DeliveryAnswer,
  type DexieChartStore,
  type DeliveryReceipt,
  type OutboxEntry,
} from '../../storage/index.js';
import { EhrError } from '../errors.js';
import type { FhirHttp } from '../http/fhir-http.js';
import { allows, type DeliveryAllowance } from './allowance.js';
import {
  createWrite,
  receiptOf,
  sameContent,
  transactionWrite,
  updateWrite,
} from './interactions.js';

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
      createWrite(revision, context.identifierSystem),
      revision.resource.resourceType,
    );
    return accepted(row.revisionId, receiptOf(answer.body, answer.etag, answer.location));
  } catch (error) {
    return refusedOrThrow(row.revisionId, error);
  }
}

async function sendGroup(context: SendContext, group: readonly OutboxEntry[]): Promise<Settled[]> {
  const revisions = group.map((entry) => entry.revision);
  try {
    const answer = await context.http.send(
      transactionWrite(revisions, context.identifierSystem),
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
  const { store, http } = context;
  const ehrId = await ehrIdOf(store, revision.key);
  if (ehrId === undefined)
    return {
      revisionId: row.revisionId,
      state: 'not-accepted',
      message: 'The record itself never reached the hospital record, so this change cannot.',
    };
  const base = await baseVersion(store, revision);
  if (!base)
    return {
      revisionId: row.revisionId,
      state: 'local-only',
      message:
        'The version this change was made from was never confirmed by the hospital record: it is not sent over a version unknown here.',
    };
  const write = updateWrite(revision, ehrId, base.versionId);
  try {
    const answer = await http.send(write, revision.resource.resourceType);
    return accepted(row.revisionId, receiptOf(answer.body, answer.etag, answer.location));
  } catch (error) {
    if (error instanceof EhrError && error.status === 412)
      return changedInEhr(context, entry, ehrId, write.body);
    return refusedOrThrow(row.revisionId, error);
  }
}

/** After a 412: the EHR's version now, added beside the kit's; or the kit's own write, if its answer was lost. */
async function changedInEhr(
  { store, http }: SendContext,
  { row, revision }: OutboxEntry,
  ehrId: string,
  sent: unknown,
): Promise<Settled> {
  const type = revision.resource.resourceType;
  const { body } = await http.get(`${type}/${encodeURIComponent(ehrId)}`, type, { fresh: true });
  const held = body as FhirResource & { meta?: { versionId?: string; lastUpdated?: string } };
  // The EHR holds this change, or one made after it in the kit (sent by a
  // device whose answer has not arrived here, or before a takeover).
  const reached =
    sameContent(sent, held) ||
    (await laterRevisions(store, revision)).some((later) =>
      sameContent(updateWrite(later, ehrId, '').body, held),
    );
  if (reached) return accepted(row.revisionId, receiptOf(held, undefined, undefined));
  // The EHR's version enters the chart as a pull would bring it: beside the
  // kit's change, which it does not replace (a conflict).
  await importBundle(store, {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: { ...held, id: revision.resource.id } }],
  });
  const version = held.meta?.versionId;
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
