import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type {
  Bundle,
  CapabilityStatement,
  Observation,
  OperationOutcome,
  Patient,
} from '@medplum/fhirtypes';
import { startFhirServer, type FhirServer } from '../../../demo/ehr/fhir-server.js';
import { allPages, fhir, ids } from './support.js';

// The demo EHR's REST API against the real engine: create, read, versioned
// update, delete, search paging, _lastUpdated, _include, $everything,
// transactions, the CapabilityStatement and CORS.

const patient: Patient = {
  resourceType: 'Patient',
  id: 'p1',
  name: [{ family: 'Okafor', given: ['Ada'] }],
  gender: 'female',
};
const observation = (i: number, subject = 'Patient/p1'): Observation => ({
  resourceType: 'Observation',
  id: `o${i}`,
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: subject },
  effectiveDateTime: new Date(Date.UTC(2024, 2, 1, 0, i)).toISOString(),
  valueQuantity: { value: 60 + i, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
});

describe('demo EHR: REST API', () => {
  let server: FhirServer;
  before(async () => {
    server = await startFhirServer();
    await fhir(`${server.url}/Patient/p1`, { method: 'PUT', json: patient });
    await fhir(`${server.url}/Patient/p2`, { method: 'PUT', json: { ...patient, id: 'p2' } });
    for (let i = 0; i < 23; i++)
      await fhir(`${server.url}/Observation/o${i}`, { method: 'PUT', json: observation(i) });
    await fhir(`${server.url}/Observation/other`, {
      method: 'PUT',
      json: { ...observation(99, 'Patient/p2'), id: 'other' },
    });
  });
  after(() => server.close());

  it('creates with 201, Location and ETag, then reads with 200 and the same ETag', async () => {
    const created = await fhir<Observation>(`${server.url}/Observation`, {
      method: 'POST',
      json: { ...observation(50), id: undefined },
    });
    assert.equal(created.status, 201);
    const version = created.body.meta?.versionId;
    assert.ok(version);
    assert.equal(created.headers.get('etag'), `W/"${version}"`);
    assert.equal(
      created.headers.get('location'),
      `${server.url}/Observation/${created.body.id}/_history/${version}`,
    );
    const read = await fhir<Observation>(`${server.url}/Observation/${created.body.id}`);
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('etag'), `W/"${version}"`);
    assert.ok(read.headers.get('last-modified'));
    assert.equal(read.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
    await fhir(`${server.url}/Observation/${created.body.id}`, { method: 'DELETE' });
  });

  it('updates with If-Match; a stale version is refused with 412 and changes nothing', async () => {
    const first = await fhir<Observation>(`${server.url}/Observation/o1`);
    const etag = first.headers.get('etag') ?? '';
    const updated = await fhir<Observation>(`${server.url}/Observation/o1`, {
      method: 'PUT',
      headers: { 'If-Match': etag },
      json: { ...first.body, status: 'amended' },
    });
    assert.equal(updated.status, 200);
    assert.notEqual(updated.headers.get('etag'), etag);
    const stale = await fhir<OperationOutcome>(`${server.url}/Observation/o1`, {
      method: 'PUT',
      headers: { 'If-Match': etag },
      json: { ...first.body, status: 'cancelled' },
    });
    assert.equal(stale.status, 412);
    assert.equal(stale.body.resourceType, 'OperationOutcome');
    const bare = await fhir(`${server.url}/Observation/o1`, {
      method: 'PUT',
      headers: { 'If-Match': first.body.meta?.versionId ?? '' },
      json: { ...first.body, status: 'cancelled' },
    });
    assert.equal(bare.status, 412, 'an unquoted version is checked too');
    assert.equal((await fhir<Observation>(`${server.url}/Observation/o1`)).body.status, 'amended');
    const history = await fhir<Bundle>(`${server.url}/Observation/o1/_history`);
    assert.deepEqual(
      history.body.entry?.map((e) => (e.resource as Observation).status),
      ['amended', 'final'],
    );
    const again = await fhir<Bundle>(`${server.url}/Observation/o1/_history`);
    assert.deepEqual(
      again.body.entry?.map((e) => (e.resource as Observation).status),
      ['amended', 'final'],
      'newest first every time',
    );
  });

  it('answers 404 for what never was, 410 for what was deleted', async () => {
    assert.equal((await fhir(`${server.url}/Observation/nope`)).status, 404);
    await fhir(`${server.url}/Observation/gone`, {
      method: 'PUT',
      json: { ...observation(77), id: 'gone' },
    });
    assert.equal((await fhir(`${server.url}/Observation/gone`, { method: 'DELETE' })).status, 200);
    assert.equal((await fhir(`${server.url}/Observation/gone`)).status, 410);
  });

  it('refuses an invalid resource with 422 and unparseable JSON with 400', async () => {
    const invalid = await fhir<OperationOutcome>(`${server.url}/Observation`, {
      method: 'POST',
      json: { resourceType: 'Observation', status: 'final', code: 'not a CodeableConcept' },
    });
    assert.equal(invalid.status, 422);
    assert.equal(invalid.body.resourceType, 'OperationOutcome');
    const broken = await fhir(`${server.url}/Observation`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/fhir+json' },
      body: '{"resourceType":',
    });
    assert.equal(broken.status, 400);
  });

  it('pages a search with _count=5 through absolute next links, each resource exactly once', async () => {
    const pages = await allPages(
      `${server.url}/Observation?subject=Patient/p1&_count=5&_sort=-date`,
    );
    assert.equal(pages.length, 5);
    const seen = ids(pages);
    assert.equal(seen.length, 23);
    assert.equal(new Set(seen).size, 23);
    assert.equal(seen[0], 'Observation/o22', 'newest first');
    assert.equal(pages[0]?.total, 23);
    assert.ok(
      pages[0]?.link
        ?.find((l) => l.relation === 'next')
        ?.url.startsWith(`${server.url}/Observation?`),
    );
    assert.ok(
      pages[0]?.entry?.every((e) => e.fullUrl === `${server.url}/Observation/${e.resource?.id}`),
    );
  });

  it('applies a default page size and caps _count', async () => {
    const page = await fhir<Bundle>(`${server.url}/Observation`);
    assert.equal(page.body.entry?.length, 20);
    assert.ok(page.body.link?.some((l) => l.relation === 'next'));
    const capped = await fhir<Bundle>(`${server.url}/Observation?_count=5000`);
    assert.match(capped.body.link?.find((l) => l.relation === 'self')?.url ?? '', /_count=1000/);
  });

  it('refuses an unknown search parameter unless the client asks for lenient handling', async () => {
    const strict = await fhir<OperationOutcome>(`${server.url}/Observation?colour=red`);
    assert.equal(strict.status, 400);
    const lenient = await fhir<Bundle>(`${server.url}/Observation?colour=red&_count=1`, {
      headers: { Prefer: 'handling=lenient' },
    });
    assert.equal(lenient.status, 200);
    assert.equal(lenient.body.total, 24);
  });

  it('matches subject:Patient=id as subject=Patient/id', async () => {
    const page = await fhir<Bundle>(`${server.url}/Observation?subject:Patient=p2`);
    assert.deepEqual(ids([page.body]), ['Observation/other']);
  });

  it('finds what changed since a time with _lastUpdated=gt', async () => {
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fhir(`${server.url}/Observation/o3`, {
      method: 'PUT',
      json: { ...observation(3), status: 'corrected' },
    });
    const changed = await fhir<Bundle>(`${server.url}/Observation?_lastUpdated=gt${since}`);
    assert.deepEqual(ids([changed.body]), ['Observation/o3']);
  });

  it('includes the medication of a MedicationRequest with _include', async () => {
    await fhir(`${server.url}/Medication/m1`, {
      method: 'PUT',
      json: { resourceType: 'Medication', id: 'm1', code: { text: 'Aspirin 81 mg' } },
    });
    await fhir(`${server.url}/MedicationRequest/mr1`, {
      method: 'PUT',
      json: {
        resourceType: 'MedicationRequest',
        id: 'mr1',
        status: 'active',
        intent: 'order',
        medicationReference: { reference: 'Medication/m1' },
        subject: { reference: 'Patient/p1' },
      },
    });
    const page = await fhir<Bundle>(
      `${server.url}/MedicationRequest?subject=Patient/p1&_include=MedicationRequest:medication`,
    );
    assert.deepEqual(
      page.body.entry?.map((e) => [
        e.search?.mode,
        `${e.resource?.resourceType}/${e.resource?.id}`,
      ]),
      [
        ['match', 'MedicationRequest/mr1'],
        ['include', 'Medication/m1'],
      ],
    );
  });

  it('offers Patient/$everything, paged with _count and narrowed with _since', async () => {
    const all = await allPages(`${server.url}/Patient/p1/$everything`);
    assert.equal(all.length, 1);
    const everything = ids(all);
    assert.equal(everything[0], 'Patient/p1');
    assert.ok(everything.includes('Observation/o22'));
    assert.ok(everything.includes('Medication/m1'), 'resources the compartment refers to');
    assert.ok(!everything.includes('Observation/other'), "another patient's");
    const paged = await allPages(`${server.url}/Patient/p1/$everything?_count=5`);
    assert.deepEqual(ids(paged), everything);
    const since = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await fhir(`${server.url}/Observation/o4`, {
      method: 'PUT',
      json: { ...observation(4), status: 'corrected' },
    });
    assert.deepEqual(ids(await allPages(`${server.url}/Patient/p1/$everything?_since=${since}`)), [
      'Observation/o4',
    ]);
    assert.equal((await fhir(`${server.url}/Patient/nobody/$everything`)).status, 404);
  });

  it('runs a transaction with urn:uuid references, and undoes all of it when an entry fails', async () => {
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          fullUrl: 'urn:uuid:4b0a4a8c-1f1e-4d5e-9a1c-0d7c3e6b2a11',
          resource: { resourceType: 'Patient', name: [{ family: 'New' }] },
          request: { method: 'POST', url: 'Patient' },
        },
        {
          resource: {
            ...observation(1),
            id: undefined,
            subject: { reference: 'urn:uuid:4b0a4a8c-1f1e-4d5e-9a1c-0d7c3e6b2a11' },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const done = await fhir<Bundle>(server.url, { method: 'POST', json: bundle });
    assert.equal(done.status, 200);
    assert.equal(done.body.type, 'transaction-response');
    const patientRef = done.body.entry?.[0]?.response?.location ?? '';
    const obs = await fhir<Observation>(
      `${server.url}/${done.body.entry?.[1]?.response?.location}`,
    );
    assert.equal(obs.body.subject?.reference, patientRef);

    const before = server.repository.version;
    const failing: Bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        {
          resource: { resourceType: 'Patient', id: 'tx-new', name: [{ family: 'Kept?' }] },
          request: { method: 'PUT', url: 'Patient/tx-new' },
        },
        {
          resource: { ...observation(2), status: 'amended' },
          request: { method: 'PUT', url: 'Observation/o2', ifMatch: 'W/"not-the-version"' },
        },
      ],
    };
    const refused = await fhir(server.url, { method: 'POST', json: failing });
    assert.equal(refused.status, 412);
    assert.equal(
      (await fhir(`${server.url}/Patient/tx-new`)).status,
      404,
      'the first entry was undone',
    );
    assert.ok(server.repository.version > before);
  });

  it('describes itself truthfully in its CapabilityStatement', async () => {
    const answer = await fhir<CapabilityStatement>(`${server.url}/metadata`);
    assert.equal(answer.status, 200);
    const rest = answer.body.rest?.[0];
    assert.equal(answer.body.fhirVersion, '4.0.1');
    assert.deepEqual(
      rest?.interaction?.map((i) => i.code),
      ['transaction', 'batch'],
    );
    const obs = rest?.resource?.find((r) => r.type === 'Observation');
    assert.deepEqual(
      obs?.interaction?.map((i) => i.code),
      ['read', 'vread', 'update', 'patch', 'delete', 'history-instance', 'create', 'search-type'],
    );
    const params = obs?.searchParam?.map((p) => p.name) ?? [];
    for (const name of ['patient', 'subject', 'date', 'code', 'category', '_lastUpdated', '_id'])
      assert.ok(params.includes(name), name);
    assert.ok(
      !params.includes('value-quantity'),
      'quantity search is not supported, so not listed',
    );
    assert.ok(!params.includes('_compartment'));
    const pat = rest?.resource?.find((r) => r.type === 'Patient');
    assert.deepEqual(
      pat?.operation?.map((o) => o.name),
      ['everything'],
    );
    assert.equal(obs?.versioning, 'versioned-update');
    assert.equal(rest?.security, undefined, 'no SMART security without an authorize hook');
  });

  it('answers CORS preflights and exposes its headers to other origins', async () => {
    const preflight = await fetch(`${server.url}/Observation/o1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'authorization,if-match,content-type',
      },
    });
    assert.equal(preflight.status, 204);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    const allowed = preflight.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    for (const h of ['authorization', 'content-type', 'if-match', 'if-none-exist', 'prefer'])
      assert.ok(allowed.includes(h), h);
    assert.match(preflight.headers.get('access-control-allow-methods') ?? '', /PUT/);
    const read = await fetch(`${server.url}/Observation/o1`, {
      headers: { Origin: 'http://localhost:5173' },
    });
    await read.text();
    assert.equal(read.headers.get('access-control-allow-origin'), '*');
    const exposed = read.headers.get('access-control-expose-headers')?.toLowerCase() ?? '';
    for (const h of ['etag', 'location', 'last-modified', 'retry-after', 'content-location'])
      assert.ok(exposed.includes(h), h);
  });
});

describe('demo EHR: answers told as they go', () => {
  it('tells onAnswer of each request once it is answered, with its status', async () => {
    const told: string[] = [];
    const server = await startFhirServer({
      onAnswer: ({ method, path, status }) => told.push(`${method} ${path} ${status}`),
    });
    try {
      await fhir(`${server.url}/Patient/p1`, { method: 'PUT', json: patient });
      await fhir(`${server.url}/Patient/nobody`);
      assert.deepEqual(told, ['PUT /fhir/Patient/p1 200', 'GET /fhir/Patient/nobody 404']);
      assert.deepEqual(
        server.requests.map(({ method, path, status }) => `${method} ${path} ${status}`),
        told,
      );
    } finally {
      await server.close();
    }
  });
});
