import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { startFhirServer, type FhirServer } from '../../../demo/ehr/fhir-server.js';
import { fhir } from './support.js';

// Faults around the real engine: queued refusals, a delay, the server dying
// mid-pull and coming back on the same port, and the request log.

describe('demo EHR: injected faults', () => {
  let server: FhirServer;
  before(async () => {
    server = await startFhirServer();
    for (let i = 0; i < 12; i++) {
      await fhir(`${server.url}/Observation/o${i}`, {
        method: 'PUT',
        json: { resourceType: 'Observation', id: `o${i}`, status: 'final', code: { text: 'HR' } },
      });
    }
  });
  afterEach(() => {
    server.faults.reset();
    server.requests.length = 0;
  });
  after(() => server.close());

  it('refuses the next matching requests with 429 and Retry-After, then answers', async () => {
    server.faults.fail({
      status: 429,
      retryAfter: 7,
      times: 2,
      match: (method, path) => method === 'GET' && path.startsWith('/fhir/Observation?'),
    });
    assert.equal((await fhir(`${server.url}/Observation/o1`)).status, 200, 'not matched');
    const first = await fhir<OperationOutcome>(`${server.url}/Observation?_count=5`);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '7');
    assert.equal(first.body.resourceType, 'OperationOutcome');
    assert.equal((await fhir(`${server.url}/Observation?_count=5`)).status, 429);
    assert.equal((await fhir(`${server.url}/Observation?_count=5`)).status, 200);
  });

  it('answers 503 and 500 once each, in the order queued', async () => {
    server.faults.fail({ status: 503, retryAfter: 1 }).fail({ status: 500 });
    const unavailable = await fhir(`${server.url}/Observation/o1`);
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.headers.get('retry-after'), '1');
    const failed = await fhir(`${server.url}/Observation/o1`);
    assert.equal(failed.status, 500);
    assert.equal(failed.headers.get('retry-after'), null);
    assert.equal((await fhir(`${server.url}/Observation/o1`)).status, 200);
  });

  it('delays answers', async () => {
    server.faults.delayMs = 150;
    const started = performance.now();
    assert.equal((await fhir(`${server.url}/Observation/o1`)).status, 200);
    assert.ok(performance.now() - started >= 140);
  });

  it('dies mid-pull, refuses connections, and comes back on the same port with the same data', async () => {
    const port = server.port;
    server.faults.dieAfter(1);
    const page1 = await fhir<Bundle>(`${server.url}/Observation?_count=5`);
    assert.equal(page1.status, 200);
    const next = page1.body.link?.find((l) => l.relation === 'next')?.url ?? '';
    await assert.rejects(fetch(next), 'the connection is cut');
    assert.ok(server.faults.dead);
    await assert.rejects(fetch(`${server.url}/metadata`), 'nothing listens');
    await server.faults.revive();
    assert.equal(server.port, port);
    const page2 = await fhir<Bundle>(next);
    assert.equal(page2.status, 200);
    assert.equal(page2.body.entry?.length, 5);
    assert.deepEqual(
      server.requests.map((r) => r.status),
      [200, 0, 200],
    );
  });

  it('logs method, path with query, and status of every request', async () => {
    await fhir(`${server.url}/Observation?_count=5`);
    await fhir(`${server.url}/Observation/missing`);
    assert.deepEqual(server.requests, [
      { method: 'GET', path: '/fhir/Observation?_count=5', status: 200 },
      { method: 'GET', path: '/fhir/Observation/missing', status: 404 },
    ]);
  });
});
