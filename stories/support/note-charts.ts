import * as Y from 'yjs';
import { draftNoteReference, signedNoteReference } from '../../clinical/index.js';
import { coreDocumentName, firstValue, type ChartUser } from '../../model/index.js';
import { openChartStore, settleDeliveries, type DexieChartStore } from '../../storage/index.js';
import {
  ADDENDUM,
  CONSULT_NOTE,
  DR_OKAFOR,
  DRAFT_NOTE,
  NOTE_PATIENT,
  NURSE_LINDQVIST,
  recordNote,
  SIGNED_NOTE,
  tamperedNote,
  typeOf,
} from '../../test/support/charts/notes.js';
import { STORY_USER, type StoryChart } from './story-stores.js';

// Small charts of clinical notes for stories, each on a database of its own,
// seeded with the notes the tests use too (test/support/charts/notes.ts).

/** The database of a story chart: one per chart, so that stories do not share data. */
const storyDatabase = (label: string) => `emr-kit-story-notes-${label}`;

/** Deletes a story database, so that each opening starts from its seed. */
function wipe(databaseName: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(databaseName);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
}

/** A story chart on its own database: wiped and seeded each time it is opened. */
export async function noteChart(
  label: string,
  seed: (store: DexieChartStore) => Promise<void>,
  user: ChartUser = STORY_USER,
): Promise<StoryChart> {
  const databaseName = storyDatabase(label);
  await wipe(databaseName);
  const writer = await openChartStore({ databaseName, user: DR_OKAFOR });
  await seed(writer);
  await writer.close();
  return { store: await openChartStore({ databaseName, user }), patientId: NOTE_PATIENT };
}

export const signedChart = () =>
  noteChart('signed', async (s) => void (await recordNote(s, NOTE_PATIENT, SIGNED_NOTE)));
export const addendumChart = () =>
  noteChart('addendum', async (s) => {
    await recordNote(s, NOTE_PATIENT, SIGNED_NOTE);
    await recordNote(s, NOTE_PATIENT, ADDENDUM);
  });
export const fullChart = () =>
  noteChart('full', async (s) => {
    for (const spec of [SIGNED_NOTE, ADDENDUM, CONSULT_NOTE, DRAFT_NOTE])
      await recordNote(s, NOTE_PATIENT, spec);
  });
export const draftChart = (user?: ChartUser) =>
  noteChart(
    user ? 'draft-readonly' : 'draft',
    async (s) => void (await recordNote(s, NOTE_PATIENT, DRAFT_NOTE)),
    user,
  );
export const tamperedChart = () => noteChart('tampered', (s) => tamperedNote(s, NOTE_PATIENT));
export const emptyNoteChart = () =>
  noteChart(
    'empty',
    async (store) => void (await store.record({ resourceType: 'Patient', id: NOTE_PATIENT })),
  );

/**
 * A draft open here, and a colleague on the same chart who signs it as it
 * reached them (its heading alone) when `colleagueSigns()` is called.
 */
export async function signedMeanwhileChart(): Promise<
  StoryChart & { colleagueSigns(): Promise<void> }
> {
  const chart = await noteChart(
    'signed-meanwhile',
    async (s) => void (await recordNote(s, NOTE_PATIENT, DRAFT_NOTE)),
  );
  const colleagueSigns = async () => {
    const colleague = await openChartStore({
      databaseName: storyDatabase('signed-meanwhile'),
      user: NURSE_LINDQVIST,
    });
    const draft = (await firstValue(colleague.notes(NOTE_PATIENT))).find(
      (record) => record.current.id === DRAFT_NOTE.id,
    )!;
    const signed = await signedNoteReference(draft.current, {
      text: 'Hospital course',
      html: '<h2>Hospital course</h2>',
      signer: NURSE_LINDQVIST,
      date: new Date().toISOString(),
    });
    await colleague.revise(signed, draft.heads[0]!.revisionId, { reason: 'signed' });
    await colleague.close();
  };
  return { ...chart, colleagueSigns };
}

/** A new note listed on two devices at once (two draft heads): the editor asks which listing to keep. */
export const twoListingsChart = () =>
  noteChart('two-listings', async (here) => {
    const otherName = storyDatabase('two-listings-other');
    await wipe(otherName);
    const there = await openChartStore({ databaseName: otherName, user: NURSE_LINDQVIST });
    const listing = (store: DexieChartStore, code: string, author: ChartUser, date: string) =>
      store.record(
        draftNoteReference({
          id: 'note-twice',
          patientId: NOTE_PATIENT,
          type: typeOf(code),
          author,
          date,
        }),
      );
    await listing(here, '11506-3', DR_OKAFOR, '2024-03-06T09:00:00.000Z');
    await listing(there, '18842-5', NURSE_LINDQVIST, '2024-03-06T09:01:00.000Z');
    const core = coreDocumentName(NOTE_PATIENT);
    await here.documents.applyRemoteUpdate(
      core,
      Y.encodeStateAsUpdate(await there.documents.open(core)),
    );
    await there.close();
  });

/**
 * One note per delivery state, as the ehr/ delivery would leave them: the
 * draft waiting, the signed note sent, its addendum not accepted, the consult
 * refused, one note kept here only and one changed in the hospital record too.
 */
export const deliveryNoteChart = () =>
  noteChart('delivery', async (s) => {
    const local = { ...DRAFT_NOTE, id: 'note-local', date: '2024-03-04T10:00:00.000Z' };
    const twice = { ...DRAFT_NOTE, id: 'note-twice', date: '2024-03-04T11:00:00.000Z' };
    for (const spec of [SIGNED_NOTE, ADDENDUM, CONSULT_NOTE, DRAFT_NOTE, local, twice])
      await recordNote(s, NOTE_PATIENT, spec);
    const records = await firstValue(s.notes(NOTE_PATIENT));
    const head = (id: string) =>
      records.find((record) => record.current.id === id)?.heads[0]?.revisionId ?? '';
    await settleDeliveries(s, [
      {
        revisionId: head('note-signed'),
        state: 'sent',
        receipt: { id: 'note-signed', versionId: '2' },
      },
      { revisionId: head('note-addendum'), state: 'not-accepted', message: 'missing encounter' },
      { revisionId: head('note-consult'), state: 'refused', message: 'forbidden' },
      { revisionId: head('note-local'), state: 'local-only' },
      { revisionId: head('note-twice'), state: 'conflict', message: 'version 3 in the EHR' },
    ]);
  });
