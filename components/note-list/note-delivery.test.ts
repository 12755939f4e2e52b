import { expect, fixture, html, waitUntil as waitFor } from '../../test/support/testing.js';
import { emulateMedia } from '@web/test-runner-commands';
import { firstValue, type ChartStore, type DeliveryStatusSource } from '../../model/index.js';
import { settleDeliveries, type DexieChartStore } from '../../storage/index.js';
import {
  ADDENDUM,
  CONSULT_NOTE,
  DRAFT_NOTE,
  NOTE_PATIENT as PATIENT,
  recordNote,
  SIGNED_NOTE,
} from '../../test/support/charts/notes.js';
import { closeTestStores, openTestStore } from '../../test/support/test-stores.js';
import './emr-note-list.js';
import type { EmrNoteList } from './note-list.js';
import { PAGE_THAT_DELIVERS } from '../../test/support/delivery-source.js';

// Each note's delivery to the hospital record, from a real store: the notes
// are recorded (which queues them in the outbox) and the outbox rows marked
// with what the EHR answered, as the ehr/ delivery does.

const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 5_000 });

const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
/** The note's own delivery note (not one of its addenda's). */
const noteOf = (el: EmrNoteList, noteId: string) =>
  el.shadowRoot!.querySelector(`[data-note-id="${noteId}"] > .delivery-note`);

/** A signed note, as another one signed at `at`. */
const signedAt = (id: string, at: string) => ({ ...SIGNED_NOTE, id, date: at, signed: { at } });

const NOTES = [
  DRAFT_NOTE,
  SIGNED_NOTE,
  ADDENDUM,
  CONSULT_NOTE,
  signedAt('note-local', '2024-03-04T10:00:00.000Z'),
  signedAt('note-twice', '2024-03-04T11:00:00.000Z'),
  signedAt('note-waiting', '2024-03-05T16:00:00.000Z'),
];

/** The head revision of each note, by note id. */
async function headsOf(store: DexieChartStore): Promise<Map<string, string>> {
  const records = await firstValue(store.notes(PATIENT));
  return new Map(records.map((r) => [r.current.id!, r.heads[0]!.revisionId]));
}

/** One note per delivery state: a signed note waiting, one sent, the others as named; a draft, never sent. */
async function deliveredChart(): Promise<DexieChartStore> {
  const store = await openTestStore();
  for (const spec of NOTES) await recordNote(store, PATIENT, spec);
  const heads = await headsOf(store);
  const head = (id: string) => heads.get(id)!;
  await settleDeliveries(store, [
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
  return store;
}

async function list(
  store: ChartStore,
  delivery: DeliveryStatusSource | null = PAGE_THAT_DELIVERS,
): Promise<EmrNoteList> {
  const el = await fixture<EmrNoteList>(
    html`<emr-note-list
      .store=${store}
      .delivery=${delivery ?? undefined}
      patient-id=${PATIENT}
    ></emr-note-list>`,
  );
  await waitUntil(
    () => el.shadowRoot!.querySelectorAll('[part="item"]').length === NOTES.length,
    'not every note listed',
  );
  return el;
}

describe('<emr-note-list> delivery to the hospital record', () => {
  afterEach(closeTestStores);

  it('says where each note stands, in words with an icon, and nothing once it is sent', async () => {
    const el = await list(await deliveredChart());
    await waitUntil(() => noteOf(el, 'note-twice'), 'no delivery notes');
    const note = (id: string) => squash(noteOf(el, id)?.textContent);
    expect(note('note-waiting')).to.equal('↑ waiting to send to the hospital record');
    expect(note('note-draft'), 'a draft is never sent: nothing to say').to.equal('');
    expect(note('note-signed')).to.equal('');
    expect(note('note-addendum')).to.equal(
      '✗ not accepted by the hospital record: missing encounter',
    );
    expect(note('note-consult')).to.equal('⊘ refused by the hospital record');
    expect(note('note-local')).to.equal('⌂ kept here only (the hospital record does not take it)');
    expect(note('note-twice')).to.equal('⇄ changed in the hospital record too: choose a version');
    // The icon is decoration: the words say it. The note is outside the note's button, read on its own.
    const waiting = noteOf(el, 'note-waiting')!;
    expect(waiting.querySelector('.delivery-icon')!.getAttribute('aria-hidden')).to.equal('true');
    expect(waiting.closest('button')).to.equal(null);
    expect(noteOf(el, 'note-addendum')!.getAttribute('data-delivery')).to.equal('not-accepted');
    // An addendum's note sits under the addendum, inside the list of its note's addenda.
    expect(noteOf(el, 'note-addendum')!.closest('.addenda')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('follows the store: a note the hospital record takes loses its note', async () => {
    const store = await openTestStore();
    await recordNote(store, PATIENT, signedAt('note-waiting', '2024-03-05T16:00:00.000Z'));
    const el = await fixture<EmrNoteList>(
      html`<emr-note-list
        .store=${store}
        .delivery=${PAGE_THAT_DELIVERS}
        patient-id=${PATIENT}
      ></emr-note-list>`,
    );
    await waitUntil(() => noteOf(el, 'note-waiting'), 'no waiting note');
    const heads = await headsOf(store);
    await settleDeliveries(store, [
      {
        revisionId: heads.get('note-waiting')!,
        state: 'sent',
        receipt: { id: 'note-waiting', versionId: '1' },
      },
    ]);
    await waitUntil(() => !noteOf(el, 'note-waiting'), 'the sent note stays');
    expect(el.shadowRoot!.querySelector('[data-note-id="note-waiting"] button')).to.not.equal(null);
  });

  it('says nothing of the hospital record on a page that delivers nothing (no delivery), then follows one set later', async () => {
    const el = await list(await deliveredChart(), null);
    expect(el.shadowRoot!.querySelector('.delivery-note')).to.equal(null);
    el.delivery = PAGE_THAT_DELIVERS;
    await waitUntil(() => noteOf(el, 'note-waiting'), 'no delivery notes');
  });

  it('shows no delivery state from a store that does not offer it', async () => {
    const real = await deliveredChart();
    // The same store without the optional query, as a host's own store would be.
    const plain = new Proxy(real, {
      get(target, name) {
        if (name === 'deliveryStates') return undefined;
        const value = Reflect.get(target, name, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as ChartStore;
    expect(plain.deliveryStates).to.equal(undefined);
    const el = await list(plain);
    expect(el.shadowRoot!.querySelector('.delivery-note')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('frames a problem in high contrast, where colour is gone', async () => {
    const el = await list(await deliveredChart());
    await waitUntil(() => noteOf(el, 'note-twice'), 'no delivery notes');
    const words = (id: string) =>
      getComputedStyle(noteOf(el, id)!.querySelector('.delivery-words')!);
    await emulateMedia({ forcedColors: 'active' });
    try {
      expect(words('note-consult').outlineStyle).to.equal('solid'); // refused
      expect(words('note-waiting').outlineStyle).to.equal('none'); // waiting
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});
