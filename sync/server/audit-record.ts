import { createHash } from 'node:crypto';
import type { Principal } from './access-tokens.js';
import type { AuditRecord } from './sync-store.js';

/** The audit record of an update the server accepted: who from the token, what from the stored bytes. */
export function auditRecord(
  document: string,
  patientId: string,
  principal: Principal,
  update: Uint8Array,
): AuditRecord {
  return {
    time: new Date().toISOString(),
    document,
    patientId,
    userId: principal.userId,
    userName: principal.name,
    role: principal.role,
    bytes: update.byteLength,
    sha256: createHash('sha256').update(update).digest('hex'),
  };
}
