import { expect } from '../../support/testing.js';
import * as Y from 'yjs';
import {
  draftNoteReference,
  DEFAULT_NOTE_TYPE,
  signedNoteReference,
} from '../../../clinical/index.js';
import {
  NOTE_TEXT_FRAGMENT,
  noteDocumentName,
  type ChartStoreError,
} from '../../../model/index.js';
import {
  closeTestStores,
  DR_ADA,
  openTestStore,
  uniqueDatabaseName,
  valueOf,
} from '../../support/test-stores.js';
import { rejection } from '../../support/idb.js';

// The store's side of clinical notes: a note's collaborative text opened
// from the log, saved as it changes, shared with whoever else opens the
// same document, held loaded while used; and signed notes kept as signed.

const PATIENT = 'pat-1';
const fragmentOf = (text: unknown) => text as Y.XmlFragment;

function type(fragment: Y.XmlFragment, words: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(words)]);
  fragment.insert(fragment.length, [paragraph]);
}

describe('store: note sessions', () => {
  afterEach(closeTestStores);

  it('saves every change of a note text to the log: a fresh store on the same database reads it back', async () => {
    const name = uniqueDatabaseName('note');
    const first = await openTestStore(name);
    const session = await first.openNote(PATIENT, 'note-1');
    expect(session.documentName).to.equal(noteDocumentName(PATIENT, 'note-1'));
    type(fragmentOf(session.text), 'Chest clear.');
    type(fragmentOf(session.text), 'Plan: discharge.');
    await session.whenSaved();
    session.release();
    await first.close();

    const second = await openTestStore(name);
    const again = await second.openNote(PATIENT, 'note-1');
    expect(fragmentOf(again.text).toString()).to.equal(
      '<paragraph>Chest clear.</paragraph><paragraph>Plan: discharge.</paragraph>',
    );
    again.release();
  });

  it('hands the same Y.Doc to every holder of the note and to ChartDocuments.open (the sync layer)', async () => {
    const store = await openTestStore();
    const a = await store.openNote(PATIENT, 'note-1');
    const b = await store.openNote(PATIENT, 'note-1');
    const doc = await store.documents.open(noteDocumentName(PATIENT, 'note-1'));
    expect(fragmentOf(a.text)).to.equal(fragmentOf(b.text));
    expect(fragmentOf(a.text).doc).to.equal(doc);
    expect(doc.getXmlFragment(NOTE_TEXT_FRAGMENT)).to.equal(fragmentOf(a.text));
    a.release();
    b.release();
  });

  it('keeps a held note loaded through forget(), and unloads it when the last holder lets go', async () => {
    const store = await openTestStore();
    const name = noteDocumentName(PATIENT, 'note-1');
    const a = await store.openNote(PATIENT, 'note-1');
    const b = await store.openNote(PATIENT, 'note-1');
    const doc = fragmentOf(a.text).doc!;
    expect(store.documents.holders(name)).to.equal(2);
    store.documents.forget(name);
    store.documents.forget();
    expect(await store.documents.open(name)).to.equal(doc);
    a.release();
    a.release(); // twice: counted once
    expect(store.documents.holders(name)).to.equal(1);
    store.documents.forget(name);
    expect(await store.documents.open(name)).to.equal(doc);
    b.release();
    expect(store.documents.holders(name)).to.equal(0);
    await store.documents.whenSaved();
    await Promise.resolve();
    const reopened = await store.openNote(PATIENT, 'note-1');
    expect(fragmentOf(reopened.text).doc).not.to.equal(doc);
    reopened.release();
  });

  it("saves a peer's update of a note text too, and projects nothing from it", async () => {
    const name = uniqueDatabaseName('note');
    const store = await openTestStore(name);
    const session = await store.openNote(PATIENT, 'note-1');
    const peer = new Y.Doc();
    type(peer.getXmlFragment(NOTE_TEXT_FRAGMENT), 'From a peer.');
    await store.documents.applyRemoteUpdate(session.documentName, Y.encodeStateAsUpdate(peer));
    expect(fragmentOf(session.text).toString()).to.equal('<paragraph>From a peer.</paragraph>');
    await store.documents.whenSaved();
    expect(await valueOf(store.notes(PATIENT))).to.deep.equal([]);
    session.release();
    await store.close();
    const reopened = await openTestStore(name);
    const again = await reopened.openNote(PATIENT, 'note-1');
    expect(fragmentOf(again.text).toString()).to.equal('<paragraph>From a peer.</paragraph>');
    again.release();
  });

  it('refuses a note id the chart cannot name', async () => {
    const store = await openTestStore();
    const error: ChartStoreError = await rejection(store.openNote(PATIENT, 'no spaces/allowed'));
    expect(error.code).to.equal('invalid');
  });

  it("never revises a signed note's text, and still lets it be marked entered in error", async () => {
    const store = await openTestStore();
    const draft = await store.record(
      draftNoteReference({
        id: 'note-1',
        patientId: PATIENT,
        type: DEFAULT_NOTE_TYPE,
        author: DR_ADA,
        date: '2024-03-01T09:00:00.000Z',
      }),
    );
    const signed = await store.revise(
      await signedNoteReference(draft.resource, {
        text: 'Signed words.',
        html: '<p>Signed words.</p>',
        signer: DR_ADA,
        date: '2024-03-01T10:00:00.000Z',
      }),
      draft.revisionId,
    );
    const altered = await signedNoteReference(draft.resource, {
      text: 'Other words.',
      html: '<p>Other words.</p>',
      signer: DR_ADA,
      date: '2024-03-01T10:00:00.000Z',
    });
    const refused = await rejection(store.revise(altered, signed.revisionId));
    expect(refused.code).to.equal('invalid');
    expect(refused.message).to.include('signed note');
    const backToDraft = await rejection(
      store.revise({ ...signed.resource, docStatus: 'preliminary' }, signed.revisionId),
    );
    expect(backToDraft.code).to.equal('invalid');
    const withdrawn = await store.enterInError(
      'DocumentReference/note-1',
      signed.revisionId,
      'wrong patient',
    );
    expect(withdrawn.resource).to.include({ status: 'entered-in-error' });
  });
});
