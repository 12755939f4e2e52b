import { expect } from '../../support/testing.js';
import {
  firstValue,
  type ChartRecord,
  type FhirResource,
  type LiveQuery,
  type Observation,
} from '../../../model/index.js';
import { readBundle } from '../../../model/bundle-reader.js';
import { bundleFirstReads } from '../../../storage/bundle-first-reads.js';
import { importBundle } from '../../../storage/import-bundle.js';
import { syntheaText } from '../../support/browser-fixtures.js';
import {
  closeStartedStores,
  deviceWithChart,
  firstScreen,
  firstScreenReads,
  follow,
  startTestStore,
} from '../../support/first-screen.js';
import { installedVersion, rejection, tableCounts } from '../../support/idb.js';
import { penicillinAllergy } from '../../support/resources.js';
import {
  closeTestStores,
  DR_ADA,
  openTestStore,
  uniqueDatabaseName,
} from '../../support/test-stores.js';

// A first visit that imports its chart at start (StartedChartStore.importBundle):
// the rows are shown from the bundle, read and validated whole, while the
// store loads and stores them; then the store's own queries take over.

/** Versie Botsford's bundle, and her patient id. */
async function versie(): Promise<{ text: string; patientId: string }> {
  const text = await syntheaText('Versie_Botsford');
  const result = readBundle(text);
  const patient = result.resources.find((r) => r.resourceType === 'Patient')!;
  return { text, patientId: patient.id! };
}

/** A value with each revision's `at` left out: the moment a revision was made is all that differs between the bundle's rows and the stored ones. */
function withoutTimes(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, field: unknown) =>
    key === 'at' ? undefined : field,
  );
}

describe('started chart store, importing at start', () => {
  afterEach(async () => {
    await closeStartedStores();
    await closeTestStores();
  });

  it("reads a bundle's rows as the store reads them once it has imported it", async () => {
    const { text, patientId } = await versie();
    const result = readBundle(text);
    const reads = (await bundleFirstReads(result.resources, DR_ADA))!;
    expect([...reads.patients]).to.deep.equal([patientId]);
    const store = await openTestStore(uniqueDatabaseName('bundle-reads'));
    await importBundle(store, text);
    const queries = firstScreen(store, patientId);
    const fromBundle = await firstScreenReads(reads, patientId);
    for (const [query, live] of Object.entries(queries)) {
      expect(withoutTimes(fromBundle[query as keyof typeof queries]), query).to.deep.equal(
        withoutTimes(await firstValue(live as LiveQuery<unknown>)),
      );
    }
    expect((fromBundle.allergies as unknown[]).length).to.be.greaterThan(0);
    // Newest two of a code she has, as the store has them.
    const code = (await reads.observations<Observation>(patientId, 'vital-signs', {}))[0]!.current
      .code.coding![0]!.code!;
    const newestTwo = await reads.observations(patientId, 'vital-signs', {
      codes: [code],
      limit: 2,
    });
    expect(newestTwo).to.have.length(2);
    expect(withoutTimes(newestTwo)).to.deep.equal(
      withoutTimes(await firstValue(store.vitals(patientId, { codes: [code], limit: 2 }))),
    );
    // Another patient is not the bundle's.
    expect(await reads.stored('someone-else')).to.equal(false);
    expect(await reads.lane('someone-else', ['AllergyIntolerance'])).to.deep.equal([]);
  });

  it('shows a first visit its rows before they are stored, then follows the store without a gap', async () => {
    const { text, patientId } = await versie();
    const name = uniqueDatabaseName('import-at-start');
    const store = startTestStore(name);
    let stored = false;
    const imported = store.importBundle(Promise.resolve(text));
    void imported.then(() => (stored = true));
    const presence = follow(store.chartPresence(patientId));
    const allergies = follow(store.allergies(patientId));
    const [first] = await allergies.count(1);
    expect(first!.length, 'the allergies, from the bundle').to.be.greaterThan(0);
    expect(stored, 'before the import is stored').to.equal(false);
    expect(await installedVersion(name), 'before the store has made its database').to.equal(
      undefined,
    );
    const summary = await imported;
    expect(summary.patientIds).to.deep.equal([patientId]);
    // The store's answer follows: the same rows, with no "importing" or empty answer between.
    const [, second] = await allergies.count(2);
    expect(withoutTimes(second)).to.deep.equal(withoutTimes(first));
    expect((await presence.count(1))[0]).to.equal('present');
    const seen = await presence.count(1);
    expect(seen.every((value) => value === 'present')).to.equal(true);
    presence.stop();
    allergies.stop();
    const counts = await tableCounts(name);
    expect(counts.records).to.equal(readBundle(text).resources.length);
  });

  it('shows nothing of a bundle with errors, and says which entry and field are wrong', async () => {
    const { text } = await versie();
    const bundle = JSON.parse(text) as { entry: Array<{ resource: FhirResource }> };
    const allergy = bundle.entry.findIndex((e) => e.resource.resourceType === 'AllergyIntolerance');
    (bundle.entry[allergy]!.resource as { criticality?: unknown }).criticality = 'very';
    const patientId = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource.id!;
    const name = uniqueDatabaseName('import-at-start-bad');
    const store = startTestStore(name);
    const imported = store.importBundle(JSON.stringify(bundle));
    const error = await rejection(imported);
    expect(error.code).to.equal('invalid');
    expect(error.issues[0]).to.include({ entry: allergy, path: 'AllergyIntolerance.criticality' });
    expect(error.message).to.contain('criticality');
    expect(await firstValue(store.allergies(patientId))).to.deep.equal([]);
    expect(await firstValue(store.chartPresence(patientId))).to.equal('absent');
    expect((await tableCounts(name)).records).to.equal(0);
  });

  it('shows a chart already on this device as it is stored, not as the bundle has it', async () => {
    const { name, patientId } = await deviceWithChart();
    const device = await openTestStore(name);
    await device.record(penicillinAllergy(patientId, 'recorded-here'));
    await device.close();
    const store = startTestStore(name);
    const imported = store.importBundle(syntheaText('Versie_Botsford'));
    const [first] = await follow(store.allergies(patientId)).count(1);
    expect(first!.map((record: ChartRecord) => record.key)).to.include(
      'AllergyIntolerance/recorded-here',
    );
    await imported;
  });

  it('runs a command made while the rows are shown from the bundle once they are stored', async () => {
    const { text, patientId } = await versie();
    const store = startTestStore(uniqueDatabaseName('import-at-start-command'));
    let stored = false;
    const imported = store.importBundle(text);
    void imported.then(() => (stored = true));
    await follow(store.allergies(patientId)).count(1);
    const recorded = store.record(penicillinAllergy(patientId, 'recorded-first'));
    await recorded;
    expect(stored, 'the import was stored first').to.equal(true);
    const allergies = await firstValue(store.allergies(patientId));
    expect(allergies.map((record) => record.key)).to.include('AllergyIntolerance/recorded-first');
    expect(allergies.length).to.equal(
      readBundle(text).resources.filter((r) => r.resourceType === 'AllergyIntolerance').length + 1,
    );
  });

  it('keeps a chart on the device live and its commands running while a bundle never comes', async () => {
    const { name, patientId } = await deviceWithChart();
    const store = startTestStore(name);
    void store.importBundle(new Promise<string>(() => {}));
    const allergies = follow(store.allergies(patientId));
    const [first] = await allergies.count(1);
    await store.record(penicillinAllergy(patientId, 'recorded-meanwhile'));
    // The query that answered first from the device follows the store: the new allergy arrives.
    const hasIt = (list: ChartRecord[]) =>
      list.some((record) => record.key === 'AllergyIntolerance/recorded-meanwhile');
    let seen = await allergies.count(2);
    while (!hasIt(seen.at(-1)!)) seen = await allergies.count(seen.length + 1);
    expect(seen.at(-1)!.length).to.equal(first!.length + 1);
    allergies.stop();
  });
});
