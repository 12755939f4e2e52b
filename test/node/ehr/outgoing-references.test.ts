// References in a change, named as the EHR knows the records they point to.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ResourceKey } from '../../../model/index.js';
import { fullUrlOf, namedForEhr, type EhrName } from '../../../ehr/deliver/outgoing-references.js';

const SYSTEM = 'urn:emr-kit:record';
const NOTE = '0b6f1c3e-9a55-4d0e-8f2a-3c1d2e4f5a6b';
const SCORE_PART = '7d0c2b1a-1111-4a4a-9b9b-222233334444';

function naming(names: Record<string, EhrName>, inTransaction?: Map<ResourceKey, string>) {
  const asked: string[] = [];
  return {
    asked,
    naming: {
      identifierSystem: SYSTEM,
      ...(inTransaction && { inTransaction }),
      ehrNameOf: async (key: ResourceKey) => {
        asked.push(key);
        return names[key] ?? 'same';
      },
    },
  };
}

test('a record the kit created in the EHR is named by the id the EHR gave it', async () => {
  const addendum = {
    resourceType: 'DocumentReference',
    subject: { reference: 'Patient/p1' },
    relatesTo: [{ code: 'appends', target: { reference: `DocumentReference/${NOTE}` } }],
  };
  const { naming: n } = naming({ [`DocumentReference/${NOTE}`]: { id: '4711' } });
  const sent = await namedForEhr(addendum, n);
  assert.deepEqual(sent.relatesTo[0]!.target, { reference: 'DocumentReference/4711' });
  assert.deepEqual(sent.subject, { reference: 'Patient/p1' });
  // The change itself is not altered.
  assert.equal(addendum.relatesTo[0]!.target.reference, `DocumentReference/${NOTE}`);
});

test('a record still waiting to be created is named by the kit identifier, keeping its display', async () => {
  const change = {
    resourceType: 'DetectedIssue',
    implicated: [{ reference: 'MedicationRequest/m-9', display: 'Amoxicillin' }],
  };
  const { naming: n } = naming({ 'MedicationRequest/m-9': 'waiting' });
  const sent = await namedForEhr(change, n);
  assert.deepEqual(sent.implicated[0], {
    display: 'Amoxicillin',
    type: 'MedicationRequest',
    identifier: { system: SYSTEM, value: 'm-9' },
  });
});

test('records made in the same transaction are named by their fullUrl; each key is looked up once', async () => {
  const score = {
    resourceType: 'Observation',
    subject: { reference: 'Patient/p1' },
    derivedFrom: [{ reference: `Observation/${SCORE_PART}` }, { reference: 'Observation/old-1' }],
    performer: [{ reference: 'Patient/p1' }],
  };
  const inTransaction = new Map<ResourceKey, string>([
    [`Observation/${SCORE_PART}`, fullUrlOf(SCORE_PART)!],
  ]);
  const { naming: n, asked } = naming({}, inTransaction);
  const sent = await namedForEhr(score, n);
  assert.deepEqual(sent.derivedFrom, [
    { reference: `urn:uuid:${SCORE_PART}` },
    { reference: 'Observation/old-1' },
  ]);
  assert.deepEqual(asked.sort(), ['Observation/old-1', 'Patient/p1']);
});

test('absolute, contained and conditional references are left as they are', async () => {
  const change = {
    resourceType: 'Observation',
    subject: { reference: 'https://ehr.example/fhir/Patient/p1' },
    specimen: { reference: '#sp1' },
    device: { reference: 'Device?identifier=x|1' },
  };
  const { naming: n, asked } = naming({});
  assert.deepEqual(await namedForEhr(change, n), change);
  assert.deepEqual(asked, []);
});

test('only a UUID id makes a fullUrl', () => {
  assert.equal(fullUrlOf(NOTE), `urn:uuid:${NOTE}`);
  assert.equal(fullUrlOf('alg-1'), undefined);
});
