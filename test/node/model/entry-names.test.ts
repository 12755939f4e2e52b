import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MedicationRequest } from '../../../model/index.js';
import { readBundle } from '../../../model/bundle-reader.js';
import { syntheaFixtures } from '../../support/synthea-files.js';

// Practitioners, organisations, locations and related persons are not kept
// (they are not the patient's chart), so a reference to one takes its name
// as display text while the bundle is read: "prescribed by" whom survives.

const PATIENT_URL = 'urn:uuid:11111111-1111-4111-8111-111111111111';
const PRESCRIBER_URL = 'urn:uuid:22222222-2222-4222-8222-222222222222';

function prescription(id: string, requester: Record<string, unknown>) {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: { text: 'Metformin 500 mg tablet' },
    subject: { reference: PATIENT_URL },
    requester,
  };
}

function read(...entries: Array<{ fullUrl?: string; resource: object }>) {
  const result = readBundle({
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [{ fullUrl: PATIENT_URL, resource: { resourceType: 'Patient', id: 'p1' } }, ...entries],
  });
  assert.deepEqual(result.errors, []);
  const requesters = new Map(
    result.resources
      .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest')
      .map((r) => [r.id, r.requester]),
  );
  return { result, requesters };
}

const practitioner = (name: unknown[]) => ({
  fullUrl: PRESCRIBER_URL,
  resource: { resourceType: 'Practitioner', id: 'pr-1', name },
});

describe('names of who, from the bundle', () => {
  it('gives a reference to a practitioner in the bundle the practitioner’s name, by fullUrl or by Type/id', () => {
    const { result, requesters } = read(
      practitioner([
        { use: 'old', family: 'Jones' },
        { use: 'official', prefix: ['Dr'], given: ['Priya', 'K'], family: 'Naidoo' },
      ]),
      { resource: prescription('m1', { reference: PRESCRIBER_URL }) },
      { resource: prescription('m2', { reference: 'Practitioner/pr-1' }) },
    );
    assert.deepEqual(requesters.get('m1'), {
      reference: 'Practitioner/pr-1',
      display: 'Dr Priya K Naidoo',
    });
    assert.deepEqual(requesters.get('m2'), {
      reference: 'Practitioner/pr-1',
      display: 'Dr Priya K Naidoo',
    });
    assert.deepEqual(
      result.skipped,
      { Practitioner: 1 },
      'the practitioner itself is still not kept',
    );
  });

  it('keeps a display the reference already has, and prefers a name’s own text', () => {
    const { requesters } = read(
      practitioner([{ text: ' Dr P. Naidoo (pharmacology) ', family: 'Naidoo' }]),
      { resource: prescription('m1', { reference: PRESCRIBER_URL, display: 'Locum prescriber' }) },
      { resource: prescription('m2', { reference: PRESCRIBER_URL }) },
    );
    assert.equal(requesters.get('m1')?.display, 'Locum prescriber');
    assert.equal(requesters.get('m2')?.display, 'Dr P. Naidoo (pharmacology)');
  });

  it('names an organisation by its name, and gives no display for an entry with no usable name', () => {
    const { requesters } = read(
      {
        fullUrl: 'urn:uuid:33333333-3333-4333-8333-333333333333',
        resource: { resourceType: 'Organization', id: 'org-1', name: 'Northfield Royal Infirmary' },
      },
      practitioner([{ given: ['  '], family: '' }]),
      {
        fullUrl: 'urn:uuid:44444444-4444-4444-8444-444444444444',
        resource: { resourceType: 'Practitioner', id: 'pr-2', name: [{ family: 'x'.repeat(201) }] },
      },
      {
        resource: prescription('m1', {
          reference: 'urn:uuid:33333333-3333-4333-8333-333333333333',
        }),
      },
      { resource: prescription('m2', { reference: PRESCRIBER_URL }) },
      {
        resource: prescription('m3', {
          reference: 'urn:uuid:44444444-4444-4444-8444-444444444444',
        }),
      },
    );
    assert.deepEqual(requesters.get('m1'), {
      reference: 'Organization/org-1',
      display: 'Northfield Royal Infirmary',
    });
    assert.deepEqual(
      requesters.get('m2'),
      { reference: 'Practitioner/pr-1' },
      'a blank name gives no display',
    );
    assert.deepEqual(
      requesters.get('m3'),
      { reference: 'Practitioner/pr-2' },
      'a name too long to copy gives none',
    );
  });

  it('names a medication a request points to by its code’s text, else its first coding’s display (what an EHR’s _include brings)', () => {
    const medication = (id: string, code: object) => ({
      fullUrl: `https://ehr.example.org/fhir/Medication/${id}`,
      resource: { resourceType: 'Medication', id, code },
    });
    const request = (id: string, reference: string) => ({
      resource: {
        ...prescription(id, { reference: PRESCRIBER_URL }),
        medicationCodeableConcept: undefined,
        medicationReference: { reference },
      },
    });
    const { result } = read(
      practitioner([{ family: 'Naidoo' }]),
      medication('med-1', {
        text: 'Amoxicillin 500 mg capsule',
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '308191',
            display: 'amoxicillin 500 MG Oral Capsule',
          },
        ],
      }),
      medication('med-2', {
        coding: [
          {
            system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
            code: '197361',
            display: 'amlodipine 5 MG Oral Tablet',
          },
        ],
      }),
      request('m1', 'Medication/med-1'),
      request('m2', 'https://ehr.example.org/fhir/Medication/med-2'),
    );
    const references = new Map(
      result.resources
        .filter((r): r is MedicationRequest => r.resourceType === 'MedicationRequest')
        .map((r) => [r.id, r.medicationReference]),
    );
    assert.deepEqual(references.get('m1'), {
      reference: 'Medication/med-1',
      display: 'Amoxicillin 500 mg capsule',
    });
    assert.deepEqual(references.get('m2'), {
      reference: 'Medication/med-2',
      display: 'amlodipine 5 MG Oral Tablet',
    });
    assert.equal(result.skipped.Medication, 2, 'the Medication resources themselves are not kept');
  });

  it('leaves the patient’s reference, and one to a practitioner outside the bundle, without display', () => {
    const { result, requesters } = read(practitioner([{ family: 'Naidoo' }]), {
      resource: prescription('m1', { reference: 'Practitioner/elsewhere' }),
    });
    const request = result.resources.find(
      (r) => r.resourceType === 'MedicationRequest',
    ) as MedicationRequest;
    assert.deepEqual(request.subject, { reference: 'Patient/p1' });
    assert.deepEqual(requesters.get('m1'), { reference: 'Practitioner/elsewhere' });
  });

  it('names every prescriber of every Synthea fixture', () => {
    for (const fixture of syntheaFixtures()) {
      const requests = readBundle(fixture.text).resources.filter(
        (r): r is MedicationRequest => r.resourceType === 'MedicationRequest',
      );
      assert.ok(requests.length > 0, fixture.name);
      for (const request of requests)
        assert.match(
          request.requester?.display ?? '',
          /^Dr\. \S+ \S+$/,
          `${fixture.name} ${request.id}`,
        );
    }
  });
});
