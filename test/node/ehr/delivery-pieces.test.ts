// The parts of giving changes back to the EHR that need no server: what is
// sent for a change, what is read from the answer, what a hospital allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Revision } from '../../../model/index.js';
import { allows } from '../../../ehr/deliver/allowance.js';
import {
  createWrite,
  KIT_RECORD_SYSTEM,
  receiptOf,
  sameContent,
  transactionWrite,
  updateWrite,
} from '../../../ehr/deliver/interactions.js';

const revision = (resource: Record<string, unknown>): Revision =>
  ({
    revisionId: 'r1',
    key: `${resource.resourceType}/${resource.id}`,
    parents: [],
    author: { id: 'u', displayName: 'U', role: 'clinician' },
    at: '2026-12-07T08:00:00Z',
    resource,
  }) as unknown as Revision;

const allergy = revision({
  resourceType: 'AllergyIntolerance',
  id: 'kit-1',
  meta: { versionId: '3', lastUpdated: '2026-01-01T00:00:00Z', tag: [{ code: 'x' }] },
  identifier: [{ system: 'urn:other', value: 'a' }],
  patient: { reference: 'Patient/p1' },
});

test('a new record is a conditional create on the kit’s identifier, without the kit’s id or version', () => {
  const write = createWrite(allergy, KIT_RECORD_SYSTEM);
  assert.equal(write.method, 'POST');
  assert.equal(write.path, 'AllergyIntolerance');
  assert.deepEqual(write.headers, {
    'if-none-exist': `identifier=${KIT_RECORD_SYSTEM}|kit-1`,
  });
  assert.deepEqual(write.body, {
    resourceType: 'AllergyIntolerance',
    meta: { tag: [{ code: 'x' }] },
    identifier: [
      { system: 'urn:other', value: 'a' },
      { system: KIT_RECORD_SYSTEM, value: 'kit-1' },
    ],
    patient: { reference: 'Patient/p1' },
  });
  const bundle = transactionWrite([allergy], KIT_RECORD_SYSTEM).body as {
    type: string;
    entry: Array<{ request: unknown }>;
  };
  assert.equal(bundle.type, 'transaction');
  assert.deepEqual(bundle.entry[0]!.request, {
    method: 'POST',
    url: 'AllergyIntolerance',
    ifNoneExist: `identifier=${KIT_RECORD_SYSTEM}|kit-1`,
  });
});

test('an update is a PUT to the EHR’s id, checked against the version it was made from', () => {
  const write = updateWrite(allergy, 'ehr-9', '7');
  assert.equal(write.method, 'PUT');
  assert.equal(write.path, 'AllergyIntolerance/ehr-9');
  assert.deepEqual(write.headers, { 'if-match': 'W/"7"' });
  assert.equal((write.body as { id: string }).id, 'ehr-9');
});

test('the receipt comes from the resource answered, else from its ETag and Location', () => {
  assert.deepEqual(
    receiptOf(
      { id: 'a', meta: { versionId: '2', lastUpdated: '2026-12-07T08:00:01Z' } },
      undefined,
      undefined,
    ),
    { id: 'a', versionId: '2', lastUpdated: '2026-12-07T08:00:01Z' },
  );
  assert.deepEqual(
    receiptOf(undefined, 'W/"5"', 'https://ehr.example.org/fhir/Observation/o1/_history/5'),
    { id: 'o1', versionId: '5' },
  );
  assert.equal(receiptOf(undefined, undefined, undefined), undefined);
});

test('the same content whatever the id, version and time the server gave it', () => {
  assert.equal(
    sameContent(
      { resourceType: 'Observation', id: 'x', status: 'final', meta: { versionId: '1' } },
      { status: 'final', resourceType: 'Observation', id: 'y', meta: { versionId: '2' } },
    ),
    true,
  );
  assert.equal(sameContent({ status: 'final' }, { status: 'amended' }), false);
});

test('only the types and interactions the hospital lists go back', () => {
  const allowance = { Observation: ['create'] } as const;
  assert.equal(allows(allowance, 'Observation', 'create'), true);
  assert.equal(allows(allowance, 'Observation', 'update'), false);
  assert.equal(allows(allowance, 'MedicationRequest', 'update'), false);
});
