import {
  expect,
  fixture,
  html,
  oneEvent,
  waitUntil as waitFor,
} from '../../test/support/testing.js';
import { ContextProvider } from '@lit/context';
import { sendKeys } from '@web/test-runner-commands';
import { chartStoreContext, type ChartStore } from '../../model/index.js';
import { failingStore, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  ADDENDUM,
  CONSULT_NOTE,
  DRAFT_NOTE,
  NOTE_PATIENT as PATIENT,
  recordNote,
  SIGNED_NOTE,
} from '../../test/support/charts/notes.js';
import {
  closeTestStores,
  openTestStore,
  storeWithEmptyChart,
} from '../../test/support/test-stores.js';
import './emr-note-list.js';
import { EmrNoteList } from './note-list.js';
import type { EmrNoteSelectEvent } from '../shared/note-select.events.js';

const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 5_000 });
const root = (el: EmrNoteList) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: EmrNoteList, selector = 'ul[part="list"] > [part="item"]') => [
  ...root(el).querySelectorAll<HTMLElement>(selector),
];
const row = (el: EmrNoteList, noteId: string) =>
  root(el).querySelector<HTMLElement>(`[data-note-id="${noteId}"]`);

async function list(store: ChartStore | undefined): Promise<EmrNoteList> {
  return fixture<EmrNoteList>(
    html`<emr-note-list .store=${store} patient-id=${PATIENT}></emr-note-list>`,
  );
}

async function fullChart() {
  const store = await openTestStore();
  for (const spec of [SIGNED_NOTE, ADDENDUM, CONSULT_NOTE, DRAFT_NOTE])
    await recordNote(store, PATIENT, spec);
  return store;
}

describe('emr-note-list', () => {
  afterEach(closeTestStores);

  it('is defined as emr-note-list, maps patient-id, takes the store from context', async () => {
    expect(customElements.get('emr-note-list') === EmrNoteList).to.equal(true);
    const store = await fullChart();
    const host = await fixture<HTMLDivElement>(
      html`<div><emr-note-list patient-id=${PATIENT}></emr-note-list></div>`,
    );
    new ContextProvider(host, { context: chartStoreContext, initialValue: store });
    const child = host.querySelector('emr-note-list')!;
    child.remove();
    host.append(child);
    await waitUntil(() => row(child, 'note-signed'), 'the store from context was not used');
    expect(child.patientId).to.equal(PATIENT);
  });

  it('lists drafts and signed notes newest first with type, status, author and date; addenda under their note', async () => {
    const el = await list(await fullChart());
    await waitUntil(() => rows(el).length === 3);
    expect(rows(el).map((r) => r.dataset.noteId)).to.deep.equal([
      'note-draft',
      'note-consult',
      'note-signed',
    ]);
    expect(text(row(el, 'note-draft')!.querySelector('button'))).to.match(
      /^Discharge summary Draft Dr Ada Okafor, 5 Mar 2024/,
    );
    expect(text(row(el, 'note-consult')!.querySelector('button'))).to.match(
      /^Consult note Signed Dr Ada Okafor, 3 Mar 2024/,
    );
    const addenda = rows(el, '[data-note-id="note-signed"] .addenda > [part="item"]');
    expect(addenda.map((r) => r.dataset.noteId)).to.deep.equal(['note-addendum']);
    expect(text(addenda[0]!.querySelector('button'))).to.match(
      /^Addendum: Progress note Signed Bo Lindqvist RN, 2 Mar 2024/,
    );
    await expect(el).to.be.accessible();
  });

  it('fires emr-note-select once with the note id when a note is chosen, by click or keyboard; not on a property set', async () => {
    const el = await list(await fullChart());
    await waitUntil(() => row(el, 'note-addendum'));
    const seen: EmrNoteSelectEvent[] = [];
    el.addEventListener('emr-note-select', (e) => seen.push(e));
    el.patientId = PATIENT;
    await el.updateComplete;
    expect(seen).to.have.length(0);
    const chosen = oneEvent(el, 'emr-note-select');
    row(el, 'note-addendum')!.querySelector('button')!.click();
    expect((await chosen).detail).to.deep.equal({ patientId: PATIENT, noteId: 'note-addendum' });
    row(el, 'note-draft')!.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(seen.map((e) => e.detail.noteId)).to.deep.equal(['note-addendum', 'note-draft']);
    expect(seen[0]!.bubbles && seen[0]!.composed).to.equal(true);
  });

  it('shows a new draft as soon as it is listed', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await list(store);
    await waitUntil(() => text(root(el)) === 'No notes recorded.');
    await recordNote(store, PATIENT, DRAFT_NOTE);
    await waitUntil(() => row(el, 'note-draft'), 'the new draft was not listed');
  });

  it('renders idle, pending, empty and error states, never a blank box', async () => {
    expect(text(root(await list(undefined)))).to.equal('No patient chart is connected.');
    expect(text(root(await list(pendingStore())))).to.equal('Loading notes…');
    const empty = await list(await storeWithEmptyChart(PATIENT));
    await waitUntil(() => text(root(empty)) === 'No notes recorded.');
    const failing = await list(failingStore('unavailable', 'Storage is switched off.'));
    await waitUntil(
      () => text(root(failing)) === 'Notes could not be loaded: Storage is switched off.',
    );
    await expect(failing).to.be.accessible();
  });

  it('reads its look from tokens', async () => {
    const el = await list(await fullChart());
    await waitUntil(() => row(el, 'note-draft'));
    const status = row(el, 'note-draft')!.querySelector('.status')!;
    expect(getComputedStyle(status).color).to.equal('rgb(75, 85, 99)');
    el.style.setProperty('--emr-color-pending', 'rgb(1, 2, 3)');
    expect(getComputedStyle(status).color).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--emr-note-list-draft-color', 'rgb(4, 5, 6)');
    expect(getComputedStyle(status).color).to.equal('rgb(4, 5, 6)');
  });
});
