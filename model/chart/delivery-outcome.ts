import * as z from 'zod/mini';
import { fhirInstant } from '../fhir/primitives.js';
import type { DeliveryState } from './delivery.js';
import type { ResourceKey } from './revision.js';

// What the hospital's EHR answered for a revision, written into the chart
// document beside the revisions (the root array `deliveries`) by the device
// that sent it, so that it syncs like the revisions do: every device then
// knows the EHR's id and version of a record (which its own later changes
// are checked against), and which revisions the EHR has not answered for,
// whose delivery another device may take over when the one that made them
// never comes back.

/** The root array of a chart document that holds delivery outcomes, one JSON string each. */
export const DELIVERIES = 'deliveries';

/** Every state but `waiting`: an answer, or the decision not to send. */
export type SettledState = Exclude<DeliveryState, 'waiting'>;

export interface DeliveryOutcome {
  revisionId: string;
  /** The record the revision changed. */
  key: ResourceKey;
  state: SettledState;
  /** For `sent`: the EHR's id of the resource, its version and time. */
  receipt?: { id: string; versionId: string; lastUpdated?: string };
  /** What the EHR said, for `conflict`, `not-accepted`, `refused`, `local-only`. */
  message?: string;
  /** When the answer came (ISO). */
  at: string;
  /** The user whose token carried the change. */
  by: string;
}

const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));

const OutcomeSchema = z.object({
  revisionId: text(128),
  key: z.string().check(z.regex(/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/)),
  state: z.enum(['sent', 'conflict', 'not-accepted', 'refused', 'local-only']),
  receipt: z.optional(
    z.object({ id: text(64), versionId: text(64), lastUpdated: z.optional(fhirInstant) }),
  ),
  message: z.optional(z.string().check(z.maxLength(4096))),
  at: fhirInstant,
  by: text(256),
});

export type OutcomeCheck = { ok: true; outcome: DeliveryOutcome } | { ok: false; message: string };

/** Parses one encoded outcome (a JSON string in a chart document); a `sent` one must carry its receipt. */
export function parseDeliveryOutcome(encoded: unknown): OutcomeCheck {
  let value: unknown;
  try {
    value = typeof encoded === 'string' ? JSON.parse(encoded) : undefined;
  } catch {
    return { ok: false, message: 'a delivery outcome is not valid JSON' };
  }
  const parsed = OutcomeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `delivery outcome ${issue.path.join('.')}: ${issue.message}` };
  }
  const outcome = parsed.data as DeliveryOutcome;
  if (outcome.state === 'sent' && !outcome.receipt)
    return { ok: false, message: 'a sent delivery outcome names no receipt' };
  return { ok: true, outcome };
}

export function encodeDeliveryOutcome(outcome: DeliveryOutcome): string {
  return JSON.stringify(outcome);
}
