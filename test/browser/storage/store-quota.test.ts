import { expect } from '../../support/testing.js';
import { executeServerCommand } from '@web/test-runner-commands';
import { coreDocumentName } from '../../../model/index.js';
import { REVISIONS, importBundle } from '../../../storage/index.js';
import { syntheaText } from '../../support/browser-fixtures.js';
import { rejection, tableCounts } from '../../support/idb.js';
import { metformin, patient, penicillinAllergy } from '../../support/resources.js';
import {
  closeTestStores,
  openTestStore,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';

// A file of its own: Chromium's IndexedDB asks the quota manager how much
// space is left and then grants writes from that answer for up to 30 s
// (BucketContext's kBucketSpaceCacheTimeLimit), so a quota lowered after
// other tests of the same page have written would not bite. Every test file
// runs in a fresh browser context, where the first write asks again.

/** Chromium's quota for this origin, overridden through the DevTools protocol (web-test-runner.config.mjs); no size restores it. */
const setQuota = (quotaSize?: number) =>
  executeServerCommand('storage-quota', { origin: location.origin, quotaSize });

describe('the chart store when the device runs out of space', () => {
  afterEach(async () => {
    await setQuota();
    await closeTestStores();
  });

  it('rejects an import with "quota-exceeded", keeps nothing of it, and imports it once there is space', async () => {
    const bundle = await syntheaText('Fletcher_Hyatt');
    const { usage = 0 } = await navigator.storage.estimate();
    // Room for a small chart, not for a 4 MB bundle.
    await setQuota(usage + 1_000_000);

    const name = uniqueDatabaseName('quota');
    const store = await openTestStore(name);
    await store.record(patient());
    await store.record(penicillinAllergy());
    const before = await tableCounts(name);

    const error = await rejection(importBundle(store, bundle));
    expect(error.code).to.equal('quota-exceeded');
    expect(error.message).to.match(/out of storage space/);
    expect(error.message).to.match(/nothing of the change was saved/);
    await setQuota();
    expect(
      await tableCounts(name),
      'the log and the projections as before the import',
    ).to.deep.equal(before);

    // The same store imports it once there is room, each revision once.
    const summary = await importBundle(store, bundle);
    expect(summary.unchanged, 'no resource of the failed import was kept').to.equal(0);
    const after = await tableCounts(name);
    expect(after.records).to.be.greaterThan(before.records + 100);
    expect(after.history).to.equal(before.history);
    const core = (await store.documents.open(coreDocumentName(summary.patientIds[0]!)))
      .getArray<string>(REVISIONS)
      .toArray();
    const keys = core.map((encoded) => (JSON.parse(encoded) as { key: string }).key);
    expect(new Set(keys).size, 'no revision of the failed import left in the document').to.equal(
      keys.length,
    );
    await store.record(metformin());
    expect(await valueOf(store.medications('pat-1'))).to.have.length(1);
  });
});
