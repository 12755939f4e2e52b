import { executeServerCommand } from '@web/test-runner-commands';

// The demo EHR (a real FHIR engine and a real SMART authorization server on
// 127.0.0.1), one per test file, started by the `ehr` server command of
// web-test-runner.config.mjs; faults are set around the engine, never in it.

export interface DemoEhr {
  fhirBaseUrl: string;
  issuer: string;
  /** The Synthea patients it holds, with the fixture file each came from. */
  patients: Array<{
    id: string;
    name: string;
    file: string;
    /** Resources of the patient on the server. */ size: number;
  }>;
  /** The test page's client: public, PKCE, redirect to `redirectUri`. */
  clientId: string;
  redirectUri: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}

const command = <T>(op: string, payload: Record<string, unknown> = {}) =>
  executeServerCommand<T, Record<string, unknown>>('ehr', { op, ...payload });

export const demoEhr = {
  /** Starts this file's demo EHR (seeded with the six Synthea patients); its client redirects to `redirectUri`. */
  start: (options: { accessTokenLifetime?: number; redirectUri: string }) =>
    command<DemoEhr>('start', options),
  stop: () => command<boolean>('stop'),
  /** An access token for the patient, got through the whole SMART flow (PKCE, consent) on the server side. */
  token: (patient: string, scope = 'launch/patient openid fhirUser offline_access patient/*.rs') =>
    command<{ access_token: string; refresh_token?: string; expires_in: number }>('token', {
      patient,
      scope,
    }),
  /** An EHR launch for the patient: the launch id to give the app with `iss`. */
  launch: (patient: string) => command<string>('launch', { patient }),
  /** Opens `url` in a new tab of the test's browser and answers the URL it ends on once it starts with `until` (the redirect URI). */
  follow: (url: string, until: string) => command<string>('follow', { url, until }),
  /** The next `times` requests whose path includes `pathIncludes` (and of `method`) are answered `status` (with Retry-After seconds, and `message`). */
  fail: (rule: {
    status: number;
    retryAfter?: number;
    times?: number;
    pathIncludes?: string;
    /** Only requests of this method (a browser's CORS preflight is an OPTIONS of the same path). */
    method?: string;
    /** The OperationOutcome's text. */
    message?: string;
  }) => command<boolean>('fail', rule),
  dieAfter: (requests: number) => command<boolean>('dieAfter', { requests }),
  revive: () => command<boolean>('revive'),
  delay: (ms: number) => command<boolean>('delay', { ms }),
  /** Every request since the server started (or since `from`). */
  requests: (from = 0) => command<LoggedRequest[]>('requests', { from }),
  /** Changes a resource on the server (a clinician at the EHR): answers the new version. */
  update: (resource: object) =>
    command<{ versionId: string; lastUpdated: string }>('update', { resource }),
  /** How many refresh-token grants the authorization server answered. */
  refreshes: () => command<number>('refreshes'),
};
