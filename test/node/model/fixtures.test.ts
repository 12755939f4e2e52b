import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeBundle } from '../../../model/index.js';
import { readBundle } from '../../../model/bundle-reader.js';
import { syntheaFixtures } from '../../support/synthea-files.js';

const fixtures = syntheaFixtures();

describe('the Synthea fixtures', () => {
  it('are all six there', () => {
    assert.equal(fixtures.length, 6);
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const raw = JSON.parse(fixture.text) as {
        entry: Array<{ resource: { resourceType: string } }>;
      };
      const result = readBundle(fixture.text);

      it('validates with zero errors', () => {
        assert.deepEqual(result.errors, []);
        assert.equal(result.ok, true);
        assert.equal(result.bundleType, 'transaction');
      });

      it('counts every entry either as a modeled resource or as skipped, by type', () => {
        const expected: Record<string, number> = {};
        for (const { resource } of raw.entry)
          expected[resource.resourceType] = (expected[resource.resourceType] ?? 0) + 1;
        const seen = { ...result.counts, ...result.skipped } as Record<string, number>;
        assert.deepEqual(seen, expected);
        assert.equal(
          result.resources.length,
          Object.values(result.counts).reduce((a, b) => a + b, 0),
        );
        assert.ok(
          result.skipped.Claim! > 0 && result.skipped.ExplanationOfBenefit! > 0,
          'billing types are skipped',
        );
        assert.equal(result.counts.Patient, 1);
      });

      it('resolves every urn:uuid reference to Type/id', () => {
        const text = JSON.stringify(result.resources);
        assert.doesNotMatch(text, /urn:uuid:/);
        const patient = result.resources.find((r) => r.resourceType === 'Patient')!;
        const observations = result.resources.filter((r) => r.resourceType === 'Observation');
        for (const o of observations) assert.equal(o.subject?.reference, `Patient/${patient.id}`);
      });

      it('keeps fields the kit does not model', () => {
        const patient = result.resources.find((r) => r.resourceType === 'Patient')!;
        const original = raw.entry.find((e) => e.resource.resourceType === 'Patient')!
          .resource as Record<string, unknown>;
        assert.deepEqual(Object.keys(patient).sort(), Object.keys(original).sort());
        assert.deepEqual(patient.extension, original.extension);
      });

      it('round-trips: read, write, read gives the same resources', () => {
        const written = writeBundle(result.resources, { type: 'transaction' });
        const again = readBundle(JSON.stringify(written));
        assert.deepEqual(again.errors, []);
        assert.deepEqual(again.resources, result.resources);
        const collection = readBundle(
          writeBundle(result.resources, { baseUrl: 'https://fhir.example.org/r4' }),
        );
        assert.deepEqual(collection.resources, result.resources);
      });
    });
  }
});
