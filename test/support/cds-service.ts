import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, jwtVerify, type JWK } from 'jose';

// A small CDS Hooks 2.0 service of our own for the tests, on 127.0.0.1 (the
// hospital's service is outside the kit). Several services under one port,
// by the first path segment:
//   /hospital   discovery with prefetch templates; cards with suggestions
//   /slow       answers calls after 30 s (or never, once the caller leaves)
//   /failing    500 to every call
//   /malformed  an answer that is not JSON
//   /bad-cards  one good card and one without an indicator
//   /bad-discovery  a service listed without its description
// Every request must carry the client's JWT, signed with the key the tests
// are given: verified (issuer, audience = the URL called, at most five
// minutes old, kid) or refused with 401. Calls and feedback are recorded.

export const CDS_CLIENT_ISSUER = 'https://emr-kit.test/app';
export const CDS_CLIENT_ID = 'emr-kit-tests';
export const CDS_CLIENT_KID = 'emr-kit-test-key';

export interface RecordedCall {
  path: string;
  body: Record<string, unknown>;
  claims: Record<string, unknown>;
  header: Record<string, unknown>;
}

export interface CdsTestService {
  url: string;
  /** The client's private key (ES384) the tests sign with; the service holds the public half. */
  privateJwk: JWK;
  calls: RecordedCall[];
  feedback: RecordedCall[];
  refused: Array<{ path: string; reason: string }>;
  close(): Promise<void>;
}

const MEDICATION_PREFETCH = {
  patient: 'Patient/{{context.patientId}}',
  allergies: 'AllergyIntolerance?patient={{context.patientId}}',
  medications: 'MedicationRequest?patient={{context.patientId}}',
  conditions: 'Condition?patient=Patient/{{context.patientId}}',
  user: 'Practitioner/{{userPractitionerId}}',
  a1c: 'Observation?patient={{context.patientId}}&code=4548-4&_count=1',
};

const OVERRIDE_REASONS = [
  {
    system: 'https://cds.hospital.test/reasons',
    code: 'benefit',
    display: 'Benefit outweighs risk',
  },
  { system: 'https://cds.hospital.test/reasons', code: 'tolerated', display: 'Tolerated before' },
];

function hospitalCards(hook: string): unknown[] {
  if (hook === 'patient-view')
    return [
      {
        uuid: 'svc-chart-review',
        summary: 'Annual medication review is due',
        indicator: 'info',
        source: { label: 'Hospital pharmacy' },
      },
    ];
  return [
    {
      uuid: 'svc-renal-dose',
      summary: 'Renal dosing: check creatinine clearance before this dose',
      detail: 'Reduce the dose when **CrCl < 30 mL/min**.',
      indicator: 'warning',
      source: { label: 'Hospital renal dosing rules', url: 'https://cds.hospital.test/renal' },
      selectionBehavior: 'at-most-one',
      suggestions: [
        {
          label: 'Halve the dose',
          uuid: 'svc-halve',
          isRecommended: true,
          actions: [{ type: 'update', description: 'Halve the dose' }],
        },
      ],
      overrideReasons: OVERRIDE_REASONS,
      links: [
        {
          label: 'Open dosing calculator',
          url: 'https://apps.hospital.test/launch',
          type: 'smart',
        },
      ],
    },
    {
      uuid: 'shared-uuid',
      summary: 'A finding the kit also reports',
      indicator: 'info',
      source: { label: 'Hospital pharmacy' },
    },
  ];
}

const discovery = (variant: string) => ({
  services: [
    {
      hook: 'order-select',
      id: 'medication-safety',
      title: `${variant} medication safety`,
      description: 'Checks a medication order as it is written.',
      prefetch: MEDICATION_PREFETCH,
    },
    {
      hook: 'order-sign',
      id: 'medication-safety-sign',
      title: `${variant} medication safety at signing`,
      description: 'Checks a medication order before it is signed.',
      prefetch: MEDICATION_PREFETCH,
    },
    {
      hook: 'patient-view',
      id: 'chart-review',
      title: `${variant} chart review`,
      description: 'Reminders on opening a chart.',
      prefetch: { patient: 'Patient/{{context.patientId}}' },
    },
    variant === 'bad-discovery'
      ? { hook: 'order-select', id: 'no-description', title: 'Undescribed' }
      : undefined,
  ].filter(Boolean),
});

export async function startCdsTestService(): Promise<CdsTestService> {
  const { publicKey, privateKey } = await generateKeyPair('ES384', { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid: CDS_CLIENT_KID, alg: 'ES384' };
  const calls: RecordedCall[] = [];
  const feedback: RecordedCall[] = [];
  const refused: CdsTestService['refused'] = [];
  const slow = new Set<NodeJS.Timeout>();

  const send = (res: ServerResponse, status: number, body: unknown, raw = false) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(raw ? String(body) : JSON.stringify(body));
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST',
        'Access-Control-Allow-Headers': 'authorization, content-type',
      });
      return res.end();
    }
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const match = /^\/([\w-]+)\/cds-services(?:\/([\w-]+)(\/feedback)?)?$/.exec(path);
    if (!match) return send(res, 404, { error: 'not found' });
    const [, variant = '', serviceId, isFeedback] = match;
    const audience = `http://${req.headers.host}${path}`;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    let verified;
    try {
      if (!token) throw new Error('no bearer token');
      verified = await jwtVerify(token, publicKey, {
        issuer: CDS_CLIENT_ISSUER,
        subject: CDS_CLIENT_ID,
        audience,
        algorithms: ['ES384'],
        typ: 'JWT',
        maxTokenAge: '5m',
        requiredClaims: ['iat', 'exp', 'jti'],
      });
      if (verified.protectedHeader.kid !== CDS_CLIENT_KID) throw new Error('unknown kid');
      if ((verified.payload.exp ?? 0) - (verified.payload.iat ?? 0) > 300)
        throw new Error('token lives longer than five minutes');
    } catch (error) {
      refused.push({ path, reason: (error as Error).message });
      return send(res, 401, { error: 'invalid client token' });
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const record: RecordedCall = {
      path,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
      claims: verified.payload as Record<string, unknown>,
      header: verified.protectedHeader as Record<string, unknown>,
    };
    if (req.method === 'GET' && !serviceId) return send(res, 200, discovery(variant));
    if (req.method !== 'POST' || !serviceId) return send(res, 405, { error: 'method' });
    if (isFeedback) {
      feedback.push(record);
      return send(res, 200, {});
    }
    calls.push(record);
    const hook = String(record.body.hook);
    switch (variant) {
      case 'slow': {
        const timer = setTimeout(() => {
          slow.delete(timer);
          send(res, 200, { cards: hospitalCards(hook) });
        }, 30_000);
        slow.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          slow.delete(timer);
        });
        return;
      }
      case 'failing':
        return send(res, 500, { error: 'the rules engine is down' });
      case 'malformed':
        return send(res, 200, '{"cards": [', true);
      case 'bad-cards':
        return send(res, 200, {
          cards: [
            hospitalCards(hook)[0],
            { summary: 'No indicator', source: { label: 'Broken rule' } },
          ],
        });
      default:
        return send(res, 200, { cards: hospitalCards(hook) });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    privateJwk,
    calls,
    feedback,
    refused,
    async close() {
      for (const timer of slow) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
