import * as z from 'zod/mini';
import { checkResource } from '../bundle/check-resource.js';
import { isModeledType, type FhirResource } from '../fhir/resources.js';
import { fhirInstant } from '../fhir/primitives.js';
import { otherPatientRefusal } from './patient-of.js';
import type { Revision } from './revision.js';

// A revision arriving from another replica is input like any other: it is
// checked before it reaches a projection, and a bad one names what is wrong.

const RevisionEnvelope = z.object({
  revisionId: z.string().check(z.minLength(1), z.maxLength(128)),
  key: z.string().check(z.regex(/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/)),
  parents: z.array(z.string().check(z.minLength(1), z.maxLength(128))).check(z.maxLength(64)),
  author: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(256)),
    displayName: z.string().check(z.maxLength(256)),
    role: z.enum(['clinician', 'nurse', 'patient', 'auditor']),
  }),
  at: fhirInstant,
  reason: z.optional(z.string().check(z.maxLength(4096))),
  resource: z.looseObject({ resourceType: z.string(), id: z.string() }),
});

export type RevisionCheck =
  | { ok: true; revision: Revision }
  /** `otherPatient`: valid, but its resource belongs to another patient than the chart's. */
  | { ok: false; message: string; otherPatient?: true };

/**
 * Parses one encoded revision (a JSON string in a chart document) and
 * validates it and its resource; with `patientId`, the chart's patient, also
 * that the resource belongs to that chart.
 */
export function parseRevision(encoded: unknown, patientId?: string): RevisionCheck {
  let value: unknown;
  try {
    value = typeof encoded === 'string' ? JSON.parse(encoded) : encoded;
  } catch {
    return { ok: false, message: 'a revision is not valid JSON' };
  }
  const envelope = RevisionEnvelope.safeParse(value);
  if (!envelope.success) {
    const issue = envelope.error.issues[0]!;
    return { ok: false, message: `revision ${issue.path.join('.')}: ${issue.message}` };
  }
  const revision = envelope.data as unknown as Revision;
  const { resource } = revision;
  if (!isModeledType(resource.resourceType))
    return { ok: false, message: `revision of an unmodeled type ${resource.resourceType}` };
  if (revision.key !== `${resource.resourceType}/${resource.id}`)
    return { ok: false, message: `revision key ${revision.key} does not match its resource` };
  const [issue] = checkResource(resource as Record<string, unknown>);
  if (issue) return { ok: false, message: `${issue.path}: ${issue.message}` };
  const otherPatient =
    patientId === undefined ? undefined : otherPatientRefusal(resource as FhirResource, patientId);
  if (otherPatient) return { ok: false, message: otherPatient, otherPatient: true };
  return { ok: true, revision: { ...revision, resource: resource as FhirResource } };
}

export function encodeRevision(revision: Revision): string {
  return JSON.stringify(revision);
}
