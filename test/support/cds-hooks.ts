import { executeServerCommand } from '@web/test-runner-commands';
import type { CdsClientIdentity } from '../../ehr/index.js';
import type { RecordedCall } from './cds-service.js';

// The browser's side of the test CDS service (test/support/cds-service.ts,
// started by the `cds-service` server command).

export interface CdsServiceInfo {
  url: string;
  privateJwk: JsonWebKey;
  issuer: string;
  clientId: string;
  keyId: string;
}

const command = <T>(op: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand<T, Record<string, unknown>>('cds-service', { op, ...payload });

export const cdsService = {
  info: () => command<CdsServiceInfo>('info'),
  calls: (from = 0) => command<RecordedCall[]>('calls', { from }),
  feedback: (from = 0) => command<RecordedCall[]>('feedback', { from }),
  refused: (from = 0) => command<Array<{ path: string; reason: string }>>('refused', { from }),
};

/** This application as the test service trusts it. */
export function trustedIdentity(info: CdsServiceInfo): CdsClientIdentity {
  return {
    issuer: info.issuer,
    clientId: info.clientId,
    keyId: info.keyId,
    privateKey: info.privateJwk,
  };
}
