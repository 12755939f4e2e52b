import { expect } from '../../support/testing.js';
import * as Y from 'yjs';
import {
  changeTime,
  coreDocumentName,
  noteDocumentName,
  observationsDocumentName,
} from '../../../model/index.js';
import { openChartStore } from '../../../storage/index.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  sendDocument,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';
import { heartRate, metformin, patient, penicillinAllergy } from '../../support/resources.js';

// What the store keeps of each document's local changes that the sync server
// has not confirmed, in real IndexedDB: counted as they are saved, cleared
// only once the server holds them all, and still there after a reload.

const CORE = coreDocumentName('pat-1');
const unsentOf = (
  store: Awaited<ReturnType<typeof openTestStore>>,
  accept?: (unsent: Record<string, number>) => boolean,
) => valueOf(store.unsentChanges('pat-1'), accept);

describe('unsent changes', () => {
  afterEach(closeTestStores);

  it('counts each local change per document, and never one received from a peer', async () => {
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await ada.record(patient());
    await ada.recordAll([penicillinAllergy(), metformin()]);
    await ada.record(heartRate('pat-1', 'hr-1', 72, '2024-03-01T09:00:00Z'));
    expect(await unsentOf(ada)).to.deep.equal({
      [CORE]: 2,
      [observationsDocumentName('pat-1', '2024-03-01')]: 1,
    });

    await sendDocument(ada, bo, CORE);
    expect(await unsentOf(bo)).to.deep.equal(
      {},
      'what came from a peer is not this device’s to send',
    );
    await bo.record(heartRate('pat-1', 'hr-2', 80, '2024-03-01T10:00:00Z'));
    expect(await unsentOf(bo, (u) => Object.keys(u).length === 1)).to.deep.equal({
      [observationsDocumentName('pat-1', '2024-03-01')]: 1,
    });
  });

  it('clears a document’s count only once the server holds every local change, and keeps it across a reload', async () => {
    const databaseName = uniqueDatabaseName();
    const store = await openTestStore(databaseName, DR_ADA);
    const held = await store.holdDocument(CORE);
    await store.record(patient());
    const afterFirst = Y.encodeStateVector(held.doc);
    await store.record(metformin());

    await held.markSent(afterFirst, changeTime());
    expect(await unsentOf(store)).to.deep.equal(
      { [CORE]: 2 },
      'the server lacks the second: the count stands',
    );
    held.release();
    await store.close();

    const reopened = await openChartStore({ databaseName, user: DR_ADA });
    try {
      expect(await valueOf(reopened.unsentChanges('pat-1'))).to.deep.equal({ [CORE]: 2 });
      const again = await reopened.holdDocument(CORE);
      await again.markSent(Y.encodeStateVector(again.doc), changeTime());
      expect(await valueOf(reopened.unsentChanges('pat-1'), (u) => !u[CORE])).to.deep.equal({});
      again.release();
    } finally {
      await reopened.close();
    }
  });

  it('does not count a change the server is known to hold before the change is saved', async () => {
    const store = await openTestStore(undefined, DR_ADA);
    await store.record(patient());
    const held = await store.holdDocument(CORE);
    await held.markSent(Y.encodeStateVector(held.doc), changeTime());
    expect(await unsentOf(store)).to.deep.equal({});

    // The server's answer can overtake the store's own save of the change.
    held.doc.transact(() => held.doc.getMap('scratch').set('typed', 1));
    const confirmed = held.markSent(Y.encodeStateVector(held.doc), changeTime());
    await Promise.all([confirmed, store.documents.whenSaved()]);
    expect(await unsentOf(store)).to.deep.equal({});
    held.release();
  });

  it('counts a change that only deletes, which advances no clock, until a confirmation sent after it; across a reload too', async () => {
    const databaseName = uniqueDatabaseName();
    const note = noteDocumentName('pat-1', 'n-1');
    const store = await openTestStore(databaseName, DR_ADA);
    const held = await store.holdDocument(note);
    const text = held.doc.getText('draft');
    text.insert(0, 'Chest clear. Wrong patient.');
    await held.markSent(Y.encodeStateVector(held.doc), changeTime());
    expect(await unsentOf(store)).to.deep.equal({});

    const probedBefore = changeTime(); // a probe sent before the deletion: its answer does not cover it
    text.delete(12, 15);
    await store.documents.whenSaved();
    expect(await unsentOf(store)).to.deep.equal({ [note]: 1 });
    await held.markSent(Y.encodeStateVector(held.doc), probedBefore);
    expect(await unsentOf(store)).to.deep.equal(
      { [note]: 1 },
      'the state is the same, but the deletion came after the probe',
    );
    held.release();
    await store.close();

    const reopened = await openChartStore({ databaseName, user: DR_ADA });
    try {
      expect(await valueOf(reopened.unsentChanges('pat-1'))).to.deep.equal({ [note]: 1 });
      const again = await reopened.holdDocument(note);
      expect(again.doc.getText('draft').toString()).to.equal('Chest clear.');
      await again.markSent(Y.encodeStateVector(again.doc), changeTime());
      expect(await valueOf(reopened.unsentChanges('pat-1'), (u) => !u[note])).to.deep.equal({});
      again.release();
    } finally {
      await reopened.close();
    }
  });
});
