import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Bundle, CapabilityStatement, OperationOutcome } from '@medplum/fhirtypes';
import type { AccessContext } from '../../../demo/ehr/authorized-repository.js';
import { startFhirServer, type FhirServer } from '../../../demo/ehr/fhir-server.js';
import { fhir, ids } from './support.js';

// The authorize hook: tokens are names in a table here (the SMART
// authorization server provides the real verification).

const TOKENS: Record<string, AccessContext> = {
  nurse: { scopes: ['user/*.cruds'], user: 'Practitioner/n1' },
  'portal-p1': { scopes: ['launch/patient', 'patient/*.rs'], patient: 'p1' },
  'vitals-p1': { scopes: ['patient/Observation.rs', 'patient/Patient.r'], patient: 'p1' },
  'writer-p1': { scopes: ['patient/*.cruds'], patient: 'p1' },
  'v1-reader': { scopes: ['patient/*.read'], patient: 'p1' },
};

const subject = (patient: string) => ({ reference: `Patient/${patient}` });

describe('demo EHR: access tokens and SMART scopes', () => {
  let server: FhirServer;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  before(async () => {
    server = await startFhirServer({
      authorize: async (token) => (token ? TOKENS[token] : undefined),
      smartConfiguration: {
        authorization_endpoint: 'http://127.0.0.1:1/authorize',
        token_endpoint: 'http://127.0.0.1:1/token',
        capabilities: ['launch-ehr'],
      },
    });
    for (const p of ['p1', 'p2']) {
      await fhir(`${server.url}/Patient/${p}`, {
        method: 'PUT',
        headers: as('nurse'),
        json: { resourceType: 'Patient', id: p },
      });
      for (const type of ['Observation', 'Condition'] as const) {
        const resource =
          type === 'Observation'
            ? {
                resourceType: type,
                id: `${p}-obs`,
                status: 'final',
                code: { text: 'HR' },
                subject: subject(p),
              }
            : {
                resourceType: type,
                id: `${p}-cond`,
                code: { text: 'Asthma' },
                subject: subject(p),
              };
        await fhir(`${server.url}/${type}/${resource.id}`, {
          method: 'PUT',
          headers: as('nurse'),
          json: resource,
        });
      }
    }
    await fhir(`${server.url}/Practitioner/dr1`, {
      method: 'PUT',
      headers: as('nurse'),
      json: { resourceType: 'Practitioner', id: 'dr1' },
    });
  });
  after(() => server.close());

  it('serves metadata and the SMART configuration without a token, and says it uses SMART', async () => {
    const meta = await fhir<CapabilityStatement>(`${server.url}/metadata`);
    assert.equal(meta.status, 200);
    assert.equal(meta.body.rest?.[0]?.security?.service?.[0]?.coding?.[0]?.code, 'SMART-on-FHIR');
    const smart = await fhir<{ capabilities: string[] }>(
      `${server.url}/.well-known/smart-configuration`,
    );
    assert.equal(smart.status, 200);
    assert.deepEqual(smart.body.capabilities, ['launch-ehr']);
  });

  it('answers 401 with WWW-Authenticate without a token or with one it refuses', async () => {
    const none = await fhir(`${server.url}/Patient/p1`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer/);
    const bad = await fhir(`${server.url}/Patient/p1`, { headers: as('forged') });
    assert.equal(bad.status, 401);
    assert.match(bad.headers.get('www-authenticate') ?? '', /invalid_token/);
  });

  it('lets user/ scopes reach every patient', async () => {
    assert.equal(
      (await fhir(`${server.url}/Observation/p2-obs`, { headers: as('nurse') })).status,
      200,
    );
  });

  it('keeps patient/ scopes inside the patient in context', async () => {
    assert.equal(
      (await fhir(`${server.url}/Observation/p1-obs`, { headers: as('portal-p1') })).status,
      200,
    );
    const other = await fhir<OperationOutcome>(`${server.url}/Observation/p2-obs`, {
      headers: as('portal-p1'),
    });
    assert.equal(other.status, 403);
    assert.match(other.body.issue?.[0]?.details?.text ?? '', /Observation/);
    assert.equal(
      (await fhir(`${server.url}/Patient/p2`, { headers: as('portal-p1') })).status,
      403,
    );
    const search = await fhir<Bundle>(`${server.url}/Observation`, { headers: as('portal-p1') });
    assert.deepEqual(
      ids([search.body]),
      ['Observation/p1-obs'],
      'a search without a patient filter sees one patient',
    );
    assert.equal(search.body.total, 1);
    assert.equal(
      (await fhir(`${server.url}/Practitioner/dr1`, { headers: as('portal-p1') })).status,
      200,
      'types of no patient',
    );
    assert.equal(
      (await fhir(`${server.url}/Patient/p2/$everything`, { headers: as('portal-p1') })).status,
      403,
    );
    const everything = await fhir<Bundle>(`${server.url}/Patient/p1/$everything`, {
      headers: as('portal-p1'),
    });
    assert.deepEqual(ids([everything.body]).sort(), [
      'Condition/p1-cond',
      'Observation/p1-obs',
      'Patient/p1',
    ]);
  });

  it('refuses types and actions the scopes do not name, with 403 naming the type', async () => {
    const cond = await fhir<OperationOutcome>(`${server.url}/Condition?subject=Patient/p1`, {
      headers: as('vitals-p1'),
    });
    assert.equal(cond.status, 403);
    assert.match(cond.body.issue?.[0]?.details?.text ?? '', /search of Condition/);
    assert.equal(
      (await fhir(`${server.url}/Observation?subject=Patient/p1`, { headers: as('vitals-p1') }))
        .status,
      200,
    );
    const write = await fhir<OperationOutcome>(`${server.url}/Observation`, {
      method: 'POST',
      headers: as('portal-p1'),
      json: {
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        subject: subject('p1'),
      },
    });
    assert.equal(write.status, 403);
    assert.match(write.body.issue?.[0]?.details?.text ?? '', /create of Observation/);
    const everything = await fhir<Bundle>(`${server.url}/Patient/p1/$everything`, {
      headers: as('vitals-p1'),
    });
    assert.deepEqual(
      ids([everything.body]).sort(),
      ['Observation/p1-obs', 'Patient/p1'],
      'only what the token may read',
    );
  });

  it('lets a patient/ write scope write that patient only, in a batch as well', async () => {
    const ok = await fhir(`${server.url}/Observation`, {
      method: 'POST',
      headers: as('writer-p1'),
      json: {
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        subject: subject('p1'),
      },
    });
    assert.equal(ok.status, 201);
    const other = await fhir(`${server.url}/Observation`, {
      method: 'POST',
      headers: as('writer-p1'),
      json: {
        resourceType: 'Observation',
        status: 'final',
        code: { text: 'x' },
        subject: subject('p2'),
      },
    });
    assert.equal(other.status, 403);
    const batch = await fhir<Bundle>(server.url, {
      method: 'POST',
      headers: as('writer-p1'),
      json: {
        resourceType: 'Bundle',
        type: 'batch',
        entry: [
          { request: { method: 'DELETE', url: 'Observation/p2-obs' } },
          { request: { method: 'GET', url: 'Condition/p2-cond' } },
        ],
      },
    });
    assert.deepEqual(
      batch.body.entry?.map((e) => e.response?.status),
      ['403', '403'],
    );
    assert.equal(
      (await fhir(`${server.url}/Observation/p2-obs`, { headers: as('nurse') })).status,
      200,
    );
  });

  it('accepts SMART v1 .read scopes', async () => {
    assert.equal(
      (await fhir(`${server.url}/Condition/p1-cond`, { headers: as('v1-reader') })).status,
      200,
    );
    assert.equal(
      (
        await fhir(`${server.url}/Condition/p1-cond`, {
          method: 'DELETE',
          headers: as('v1-reader'),
        })
      ).status,
      403,
    );
  });

  it('logs each request with the status it got, a 403 included', async () => {
    server.requests.length = 0;
    await fhir(`${server.url}/Condition?subject=Patient/p1`, { headers: as('vitals-p1') });
    assert.deepEqual(
      server.requests.map((r) => [r.method, r.path, r.status]),
      [['GET', '/fhir/Condition?subject=Patient/p1', 403]],
    );
  });
});
