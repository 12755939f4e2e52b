import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { EhrRepository } from '../../../demo/ehr/ehr-repository.js';
import { startFhirServer, type FhirServer } from '../../../demo/ehr/fhir-server.js';
import { seedSynthea, syntheaFixturesDir } from '../../../demo/ehr/seed.js';
import { allPages, fhir } from './support.js';

// The six Synthea patients loaded into the demo EHR: every entry kept with
// its id, references between entries as Type/id, and nothing added but
// meta.versionId and meta.lastUpdated.

const BRENT = 'Brent_Beer_7dc94cc0-8c2e-4835-9994-cecbe894bcbf.json';

describe('demo EHR: seeding the Synthea patients', () => {
  let server: FhirServer;
  let loaded: Awaited<ReturnType<typeof seedSynthea>>;
  before(async () => {
    const repository = new EhrRepository();
    loaded = await seedSynthea(repository);
    server = await startFhirServer({ repository });
  });
  after(() => server.close());

  it('loads every entry of the six bundles, shared practitioners and organisations once', async () => {
    assert.equal(loaded.size, 6);
    const created = [...loaded.values()].reduce(
      (sum, r) => sum + Object.values(r.created).reduce((a, b) => a + b, 0),
      0,
    );
    const existing = [...loaded.values()].reduce((sum, r) => sum + r.existing, 0);
    assert.equal(created + existing, 191 + 858 + 1111 + 197 + 208 + 1244);
    assert.equal(existing, 4);
    assert.deepEqual(loaded.get(BRENT)?.created, {
      Patient: 1,
      Organization: 1,
      Practitioner: 1,
      Encounter: 15,
      MedicationRequest: 5,
      Claim: 20,
      CarePlan: 5,
      ExplanationOfBenefit: 15,
      Condition: 5,
      Goal: 5,
      Observation: 94,
      Procedure: 7,
      Immunization: 7,
      DiagnosticReport: 9,
      ImagingStudy: 1,
    });
    const observations = await fhir<Bundle>(`${server.url}/Observation?_count=0`);
    assert.equal(observations.body.total, 94 + 340 + 351 + 44 + 77 + 869);
    const vito = await fhir<Bundle>(
      `${server.url}/Observation?patient=Patient/9efca32a-04f9-438a-990c-a287e8b62aac&_count=0`,
    );
    assert.equal(vito.body.total, 869);
  });

  it('serves each resource as in the bundle, with references as Type/id and only versionId and lastUpdated added', async () => {
    const bundle = JSON.parse(
      await readFile(path.join(syntheaFixturesDir(), BRENT), 'utf8'),
    ) as Bundle;
    const byUrl = new Map(
      bundle.entry?.map((e) => [e.fullUrl, `${e.resource?.resourceType}/${e.resource?.id}`]),
    );
    const expected = new Map(
      bundle.entry?.map((e) => {
        const text = JSON.stringify(e.resource).replace(/"urn:uuid:[0-9a-f-]{36}"/g, (urn) =>
          JSON.stringify(byUrl.get(JSON.parse(urn) as string) ?? urn),
        );
        return [`${e.resource?.resourceType}/${e.resource?.id}`, JSON.parse(text) as Resource];
      }),
    );
    const pulled = await allPages(
      `${server.url}/Patient/d0368972-8517-4623-907e-920b04f003b6/$everything?_count=50`,
    );
    const resources = pulled.flatMap((p) => p.entry ?? []).map((e) => e.resource as Resource);
    assert.equal(resources.length, 191);
    for (const resource of resources) {
      const { versionId, lastUpdated, ...meta } = resource.meta ?? {};
      assert.ok(versionId && lastUpdated);
      const served = { ...resource, meta };
      assert.deepEqual(served, expected.get(`${resource.resourceType}/${resource.id}`));
    }
  });
});
