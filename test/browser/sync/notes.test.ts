import { expect, waitUntil } from '../../support/testing.js';
import * as Y from 'yjs';
import { closeTestStores } from '../../support/test-stores.js';
import { patient } from '../../support/resources.js';
import {
  destroyConnections,
  device,
  LINDQVIST,
  newPatientId,
  OKAFOR,
  synced,
  until,
} from './sync-harness.js';

// A note document shared while editors have it open: the text and each
// editor's presence (the awareness the note editor shows cursors from).

const textOf = (fragment: Y.XmlFragment) =>
  fragment
    .toArray()
    .map((node) => (node instanceof Y.XmlText ? node.toString() : ''))
    .join('');
const userIn = (states: Map<number, Record<string, unknown>>) =>
  [...states.values()].map((s) => (s.user as { id?: string } | undefined)?.id).sort();

describe('chart connection: notes', function () {
  this.timeout(60_000);
  afterEach(async () => {
    destroyConnections();
    await closeTestStores();
  });

  it('shares a note while open: its text both ways, and each editor in the other’s awareness with their cursor field', async () => {
    const pid = newPatientId();
    const ada = await device(OKAFOR, pid);
    const erik = await device(LINDQVIST, pid);
    await ada.store.record(patient(pid));
    const [adaNote, erikNote] = await Promise.all([
      ada.store.openNote(pid, 'note-1'),
      erik.store.openNote(pid, 'note-1'),
    ]);
    const [adaLink, erikLink] = await Promise.all([
      ada.connection.openNote('note-1'),
      erik.connection.openNote('note-1'),
    ]);

    (adaNote.text as Y.XmlFragment).insert(0, [new Y.XmlText('Chest clear. ')]);
    await waitUntil(
      () => textOf(erikNote.text as Y.XmlFragment) === 'Chest clear. ',
      'the text did not reach the other editor',
      { timeout: 15_000 },
    );
    (erikNote.text as Y.XmlFragment).insert(1, [new Y.XmlText('Plan: review.')]);
    await waitUntil(
      () => textOf(adaNote.text as Y.XmlFragment) === 'Chest clear. Plan: review.',
      'the reply did not come back',
      { timeout: 15_000 },
    );

    await waitUntil(
      () => userIn(adaLink.awareness.getStates()).length === 2,
      'the editors did not see each other',
      { timeout: 15_000 },
    );
    expect(userIn(erikLink.awareness.getStates())).to.deep.equal(['dr-lindqvist', 'dr-okafor']);
    adaLink.awareness.setLocalStateField('cursor', { anchor: 3, head: 3 });
    await waitUntil(
      () =>
        [...erikLink.awareness.getStates().values()].some(
          (s) => (s.cursor as { head?: number } | undefined)?.head === 3,
        ),
      'the cursor did not reach the other editor',
      { timeout: 15_000 },
    );

    // Closed and sent: the note is let go, the chart stays synced.
    adaLink.close();
    adaNote.release();
    await waitUntil(
      () => userIn(erikLink.awareness.getStates()).length === 1,
      'the closed note still showed its editor',
      { timeout: 15_000 },
    );
    await until(ada.connection, synced, 'the chart did not stay synced');
    erikLink.close();
    erikNote.release();
  });
});
