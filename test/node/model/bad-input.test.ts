import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeIssue, type BundleIssue } from '../../../model/index.js';
import { readBundle, type BundleReadResult } from '../../../model/bundle-reader.js';

// Each bad input is refused with an error that says what and where, and
// nothing of the bundle is handed out as valid.

const PATIENT = { resourceType: 'Patient', id: 'p1', name: [{ family: 'Okafor', given: ['Ada'] }] };

function observation(extra: Record<string, unknown> = {}) {
  return {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
    subject: { reference: 'urn:uuid:11111111-1111-4111-8111-111111111111' },
    effectiveDateTime: '2024-03-01T09:30:00Z',
    valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
    ...extra,
  };
}

function bundle(...resources: object[]) {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      { fullUrl: 'urn:uuid:11111111-1111-4111-8111-111111111111', resource: PATIENT },
      ...resources.map((resource) => ({ resource })),
    ],
  };
}

/** Asserts the read failed as a whole and returns its single error of the given code. */
function refused(result: BundleReadResult, code: BundleIssue['code']): BundleIssue {
  assert.equal(result.ok, false);
  assert.deepEqual(result.resources, [], 'nothing is returned as valid');
  assert.deepEqual(result.counts, {});
  const matching = result.errors.filter((e) => e.code === code);
  assert.equal(
    matching.length,
    1,
    `one ${code} error, got: ${result.errors.map(describeIssue).join(' | ')}`,
  );
  assert.ok(result.errorCount >= 1);
  return matching[0]!;
}

describe('readBundle refuses bad input', () => {
  it('a valid bundle passes (the baseline for the cases below)', () => {
    const result = readBundle(bundle(observation()));
    assert.equal(result.ok, true);
    assert.equal(result.resources.length, 2);
    assert.equal(
      (result.resources[1] as { subject: { reference: string } }).subject.reference,
      'Patient/p1',
    );
  });

  it('text that is not JSON, with the line and column', () => {
    const error = refused(
      readBundle('{\n  "resourceType": "Bundle",\n  "type": transaction\n}'),
      'not-json',
    );
    assert.equal(error.line, 3);
    assert.equal(error.column, 11);
    assert.match(error.message, /not valid JSON/);
    const truncated = refused(
      readBundle('{"resourceType": "Bundle",\n"entry": [{"resource": {"id": "a\\q"}}]'),
      'not-json',
    );
    assert.deepEqual([truncated.line, truncated.column], [2, 33]);
  });

  it('JSON that is not a Bundle', () => {
    assert.match(
      refused(readBundle(PATIENT), 'not-a-bundle').message,
      /expected a Bundle, got a Patient/,
    );
    assert.match(refused(readBundle('[1, 2]'), 'not-a-bundle').message, /got an array/);
    assert.match(refused(readBundle('42'), 'not-a-bundle').message, /got number 42/);
    const noArray = refused(
      readBundle({ resourceType: 'Bundle', type: 'collection', entry: {} }),
      'not-a-bundle',
    );
    assert.equal(noArray.path, 'Bundle.entry');
  });

  it('a bundle type the kit does not read', () => {
    const error = refused(
      readBundle({ resourceType: 'Bundle', type: 'history', entry: [] }),
      'unsupported-bundle-type',
    );
    assert.equal(error.path, 'Bundle.type');
    assert.match(error.message, /"history".*transaction, batch, collection, searchset/);
  });

  it('an entry without a resource (a DELETE in a transaction)', () => {
    const input = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [{ request: { method: 'DELETE', url: 'Patient/p1' } }],
    };
    const error = refused(readBundle(input), 'not-a-bundle');
    assert.equal(error.entry, 0);
    assert.equal(error.path, 'Bundle.entry[0].resource');
    assert.match(error.message, /DELETE/);
  });

  it('a DSTU2 resource type', () => {
    const error = refused(
      readBundle(bundle({ resourceType: 'MedicationOrder', id: 'm1' })),
      'fhir-version',
    );
    assert.equal(error.entry, 1);
    assert.equal(error.resourceType, 'MedicationOrder');
    assert.match(error.message, /DSTU2.*MedicationRequest/);
  });

  it('a DSTU2 AllergyIntolerance (substance, status)', () => {
    const dstu2 = {
      resourceType: 'AllergyIntolerance',
      id: 'a1',
      patient: { reference: 'Patient/p1' },
      substance: { text: 'Penicillin' },
      status: 'confirmed',
    };
    const error = refused(readBundle(bundle(dstu2)), 'fhir-version');
    assert.deepEqual(
      [error.entry, error.id, error.path],
      [1, 'a1', 'AllergyIntolerance.substance'],
    );
    assert.match(error.message, /DSTU2/);
  });

  it('an STU3 AllergyIntolerance (clinicalStatus as a code)', () => {
    const stu3 = {
      resourceType: 'AllergyIntolerance',
      id: 'a2',
      patient: { reference: 'Patient/p1' },
      clinicalStatus: 'active',
      verificationStatus: 'confirmed',
    };
    const error = refused(readBundle(bundle(stu3)), 'fhir-version');
    assert.equal(error.path, 'AllergyIntolerance.clinicalStatus');
    assert.match(error.message, /STU3.*CodeableConcept/);
  });

  it('a resource without resourceType', () => {
    const error = refused(
      readBundle(bundle({ id: 'x1', status: 'final' })),
      'missing-resource-type',
    );
    assert.deepEqual([error.entry, error.path], [1, 'Bundle.entry[1].resource.resourceType']);
  });

  it('a value of the wrong type', () => {
    const bad = observation({ valueQuantity: { value: '72', unit: '/min' } });
    const error = refused(readBundle(bundle(bad)), 'invalid');
    assert.deepEqual(
      [error.entry, error.resourceType, error.id, error.path],
      [1, 'Observation', 'o1', 'Observation.valueQuantity.value'],
    );
    assert.equal(error.message, 'expected number, got the string "72"');
  });

  it('a missing required field and a code outside its required value set', () => {
    const bad = {
      resourceType: 'MedicationRequest',
      id: 'm1',
      status: 'done',
      intent: 'order',
      medicationCodeableConcept: { text: 'Amoxicillin' },
    };
    const result = readBundle(bundle(bad));
    const paths = result.errors.map((e) => `${e.path}: ${e.message}`);
    assert.ok(paths.includes('MedicationRequest.subject: is required'), paths.join('\n'));
    assert.ok(
      paths.some((p) => p.startsWith('MedicationRequest.status: must be one of: active, on-hold')),
      paths.join('\n'),
    );
    assert.deepEqual(result.resources, []);
  });

  it('two values of one choice element', () => {
    const error = refused(
      readBundle(bundle(observation({ valueString: 'seventy-two' }))),
      'invalid',
    );
    assert.match(error.message, /only one of value\[x\]/);
  });

  it('a date that is not a FHIR date', () => {
    for (const [value, field] of [
      ['2024-13-01', 'effectiveDateTime'],
      ['2023-02-29T10:00:00Z', 'effectiveDateTime'],
      ['01/03/2024', 'effectiveDateTime'],
      ['2024-03-01T09:30', 'effectiveDateTime'],
    ]) {
      const error = refused(readBundle(bundle(observation({ [field!]: value }))), 'invalid');
      assert.equal(error.path, `Observation.${field}`);
      assert.match(
        error.message,
        new RegExp(`"${value!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}" is not a FHIR dateTime`),
      );
    }
    const patient = refused(
      readBundle({
        resourceType: 'Bundle',
        type: 'collection',
        entry: [{ resource: { ...PATIENT, birthDate: '1980-02-30' } }],
      }),
      'invalid',
    );
    assert.equal(patient.path, 'Patient.birthDate');
  });

  it('a dangling reference', () => {
    const bad = observation({
      encounter: { reference: 'urn:uuid:99999999-9999-4999-8999-999999999999' },
    });
    const error = refused(readBundle(bundle(bad)), 'dangling-reference');
    assert.deepEqual([error.entry, error.path], [1, 'Observation.encounter.reference']);
    assert.match(error.message, /urn:uuid:9999.*matches no entry/);
  });

  it('keeps references to resources outside the bundle as they are', () => {
    const result = readBundle(
      bundle(
        observation({
          performer: [
            { reference: 'Practitioner/dr-1' },
            { reference: 'Practitioner?identifier=x|1' },
          ],
        }),
      ),
    );
    assert.equal(result.ok, true);
    assert.deepEqual((result.resources[1] as { performer: unknown }).performer, [
      { reference: 'Practitioner/dr-1' },
      { reference: 'Practitioner?identifier=x|1' },
    ]);
  });

  it('__proto__ keys, without polluting any prototype', () => {
    const text = JSON.stringify(bundle(observation())).replace(
      '"status":"final"',
      '"status":"final","__proto__":{"polluted":true}',
    );
    const error = refused(readBundle(text), 'forbidden-key');
    assert.deepEqual([error.entry, error.path], [1, 'Observation.__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    const top = refused(
      readBundle(
        '{"resourceType":"Bundle","type":"collection","__proto__":{"polluted":1},"entry":[]}',
      ),
      'forbidden-key',
    );
    assert.equal(top.path, 'Bundle.__proto__');
    const nested = readBundle(
      JSON.stringify(bundle(observation())).replace(
        '"unit":"/min"',
        '"unit":"/min","constructor":{"prototype":{"x":1}}',
      ),
    );
    assert.equal(nested.errors[0]?.path, 'Observation.valueQuantity.constructor');
  });

  it('a 50 MB string', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    const text = JSON.stringify(bundle(observation({ note: [{ text: huge }] })));
    const error = refused(readBundle(text), 'too-large');
    assert.deepEqual([error.entry, error.path], [1, 'Observation.note[0].text']);
    assert.match(error.message, /52,428,800 characters exceeds the limit/);
  });

  it('nesting deep enough to exhaust a stack', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 200; i++) deep = { nested: deep };
    const error = refused(
      readBundle(bundle(observation({ extension: [{ url: 'http://x', valueDeep: deep }] }))),
      'too-deep',
    );
    assert.equal(error.entry, 1);
  });

  it('the same resource twice', () => {
    const error = refused(readBundle(bundle(observation(), observation())), 'duplicate');
    assert.match(error.message, /Observation\/o1 appears twice \(entries 1 and 2\)/);
  });

  it('one bad entry among good ones: all or nothing', () => {
    const good = Array.from({ length: 20 }, (_, i) => observation({ id: `ok-${i}` }));
    const result = readBundle(bundle(...good, observation({ id: 'bad', status: 'finished' })));
    assert.equal(refused(result, 'invalid').entry, 21);
  });

  it('never throws, whatever it is given', () => {
    for (const input of [
      undefined,
      null,
      '',
      'null',
      '"Bundle"',
      [],
      {},
      { resourceType: 'Bundle' },
      { resourceType: 'Bundle', type: 'batch', entry: [null, 1, 'x'] },
    ]) {
      const result = readBundle(input);
      assert.equal(result.ok, false, JSON.stringify(input));
      assert.ok(result.errors.length > 0);
      assert.deepEqual(result.resources, []);
    }
    assert.equal(
      readBundle({ resourceType: 'Bundle', type: 'batch', entry: [null, 1, 'x'] }).errors.length,
      3,
    );
  });

  it('does not change a parsed bundle handed to it', () => {
    const input = bundle(observation());
    const before = JSON.stringify(input);
    readBundle(input);
    assert.equal(JSON.stringify(input), before);
  });

  it('describes an issue in one line a person can act on', () => {
    const [error] = readBundle(bundle(observation({ status: 'done' }))).errors;
    assert.equal(
      describeIssue(error!),
      'entry 1 (Observation/o1) Observation.status: must be one of: registered, preliminary, final, amended, corrected, cancelled, entered-in-error, unknown',
    );
  });
});
