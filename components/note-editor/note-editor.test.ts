import {
  expect,
  fixture,
  html,
  oneEvent,
  waitUntil as waitFor,
} from '../../test/support/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import * as Y from 'yjs';
import {
  checkAttachment,
  draftNoteReference,
  NOTE_TYPES,
  signedAttachments,
  type NoteType,
} from '../../clinical/index.js';
import {
  coreDocumentName,
  NOTE_TEXT_FRAGMENT,
  noteDocumentName,
  type ChartStore,
  type ChartUser,
  type DocumentReference,
} from '../../model/index.js';
import { DexieChartStore } from '../../storage/index.js';
import { failingStore, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  PATIENT_VIEWER,
  sendDocument,
  uniqueDatabaseName,
  valueOf,
  withChartOnDevice,
} from '../../test/support/test-stores.js';
import { rerender } from '../../test/support/rerender.js';
import { signDraft } from './note-chart-writes.js';
import './emr-note-editor.js';
import { EmrNoteEditor } from './note-editor.js';
import type {
  EmrNoteAddendumEvent,
  EmrNoteEditRefuseEvent,
  EmrNoteSignEvent,
} from './note-editor.events.js';

// Store writes go through IndexedDB: give them time on a busy machine.
const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 5_000 });

const PATIENT = 'pat-1';
const root = (el: EmrNoteEditor) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const prosemirror = (el: EmrNoteEditor) => root(el).querySelector<HTMLElement>('.ProseMirror');
const signedText = (el: EmrNoteEditor) => root(el).querySelector<HTMLElement>('.signed-text');
const alertText = (el: EmrNoteEditor) => text(root(el).querySelector('.alert'));
const button = (el: EmrNoteEditor, action: string) =>
  root(el).querySelector<HTMLButtonElement>(`[data-action="${action}"]`);

async function editor(
  store: ChartStore | undefined,
  noteId = 'note-1',
  attributes: { template?: string; noteType?: string; appends?: string } = {},
) {
  // A note is written into a chart on the device: the editor offers none before.
  if (store instanceof DexieChartStore) await withChartOnDevice(store, PATIENT);
  const el = await fixture<EmrNoteEditor>(
    html`<emr-note-editor
      .store=${store}
      patient-id=${PATIENT}
      note-id=${noteId}
      template=${attributes.template ?? ''}
      note-type=${attributes.noteType ?? ''}
      appends=${attributes.appends ?? ''}
    ></emr-note-editor>`,
  );
  return el;
}

/** An editor bound to its text, ready to type in. */
async function editing(
  store: ChartStore,
  noteId = 'note-1',
  attributes: Parameters<typeof editor>[2] = {},
) {
  const el = await editor(store, noteId, attributes);
  await waitUntil(() => prosemirror(el), 'the note text was never bound');
  return el;
}

/** Real keystrokes into the editor (focus inside the shadow root, the browser's own selection). */
async function type(el: EmrNoteEditor, words: string) {
  prosemirror(el)!.focus();
  await sendKeys({ type: words });
}

const noteOf = async (
  store: ChartStore,
  noteId = 'note-1',
  accept: (note: DocumentReference) => boolean = () => true,
) =>
  (
    await valueOf(store.notes(PATIENT), (notes) =>
      notes.some((n) => n.current.id === noteId && accept(n.current)),
    )
  ).find((n) => n.current.id === noteId)!;

async function sha1(value: string): Promise<string> {
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-1', new TextEncoder().encode(value)),
  );
  return btoa(String.fromCharCode(...digest));
}

/** Asks to sign, then answers the editor's question. */
async function confirmSign(el: EmrNoteEditor) {
  button(el, 'sign')!.click();
  await waitUntil(() => button(el, 'confirm-sign'), 'the editor never asked to confirm');
  button(el, 'confirm-sign')!.click();
}

async function signed(el: EmrNoteEditor) {
  await confirmSign(el);
  await waitUntil(
    () => root(el).querySelector('.check.verified, .check.mismatch'),
    'the note was never shown signed',
  );
}

/** Bridges two stores' copies of a document as a sync provider would, both ways. */
async function bridge(a: DexieChartStore, b: DexieChartStore, name: string) {
  const [docA, docB] = await Promise.all([a.documents.open(name), b.documents.open(name)]);
  docA.on(
    'update',
    (update: Uint8Array, origin: unknown) =>
      origin !== 'bridge' && void b.documents.applyRemoteUpdate(name, update, 'bridge'),
  );
  docB.on(
    'update',
    (update: Uint8Array, origin: unknown) =>
      origin !== 'bridge' && void a.documents.applyRemoteUpdate(name, update, 'bridge'),
  );
}

/** A minimal awareness of a note document: what yCursorPlugin reads of y-protocols' Awareness. */
function awarenessOf(text: Y.XmlFragment) {
  const doc = text.doc!;
  const states = new Map<number, Record<string, unknown>>();
  const listeners = new Set<() => void>();
  const awareness = {
    doc,
    clientID: doc.clientID,
    states,
    getStates: () => states,
    getLocalState: () => states.get(doc.clientID) ?? null,
    setLocalStateField: (field: string, value: unknown) =>
      states.set(doc.clientID, { ...states.get(doc.clientID), [field]: value }),
    on: (_: string, f: () => void) => listeners.add(f),
    off: (_: string, f: () => void) => listeners.delete(f),
  };
  return { awareness, states, listeners };
}

/** A co-editor's cursor at `index` in the text of the note's `block`-th paragraph. */
function peerCursor(text: Y.XmlFragment, block: number, index: number) {
  const paragraph = text.get(block) as Y.XmlElement;
  const at = Y.createRelativePositionFromTypeIndex(paragraph.get(0) as Y.XmlText, index);
  const position: unknown = JSON.parse(JSON.stringify(at));
  return { anchor: position, head: position };
}

const inside = (inner: DOMRect, outer: DOMRect) =>
  inner.left >= outer.left - 0.5 &&
  inner.right <= outer.right + 0.5 &&
  inner.top >= outer.top - 0.5 &&
  inner.bottom <= outer.bottom + 0.5;

const overlap = (a: DOMRect, b: DOMRect) =>
  a.left < b.right - 0.5 &&
  b.left < a.right - 0.5 &&
  a.top < b.bottom - 0.5 &&
  b.top < a.bottom - 0.5;

describe('emr-note-editor', () => {
  afterEach(closeTestStores);

  it('is defined as emr-note-editor and maps its attributes', async () => {
    expect(customElements.get('emr-note-editor') === EmrNoteEditor).to.equal(true);
    const store = await openTestStore();
    const el = await editing(store, 'note-9', {
      noteType: '11488-4',
      template: 'consult',
      appends: 'note-0',
    });
    expect([el.patientId, el.noteId, el.noteType, el.template, el.appends]).to.deep.equal([
      PATIENT,
      'note-9',
      '11488-4',
      'consult',
      'note-0',
    ]);
    el.setAttribute('readonly', '');
    expect(el.readonly).to.equal(true);
  });

  it('saves what is typed on the device: a fresh store on the same database shows it', async () => {
    const name = uniqueDatabaseName('note');
    const store = await openTestStore(name);
    const el = await editing(store);
    await type(el, 'Chest clear on auscultation.');
    expect(text(prosemirror(el))).to.equal('Chest clear on auscultation.');
    const draft = await noteOf(store);
    expect(draft.current).to.include({ status: 'current', docStatus: 'preliminary' });
    el.remove();
    await store.close();

    const reopened = await openTestStore(name);
    const again = await editing(reopened);
    await waitUntil(
      () => text(prosemirror(again)) === 'Chest clear on auscultation.',
      'the typed text did not come back from the log',
    );
    await expect(again).to.be.accessible();
  });

  it("shows each other's text to two editors on two stores whose note documents are synced", async () => {
    const [a, b] = [await openTestStore(), await openTestStore()];
    await bridge(a, b, noteDocumentName(PATIENT, 'note-1'));
    const left = await editing(a);
    const right = await editing(b);
    await type(left, 'From the left.');
    await waitUntil(
      () => text(prosemirror(right)) === 'From the left.',
      "the right editor never saw the left one's text",
    );
    prosemirror(right)!.focus();
    await sendKeys({ press: 'End' });
    await sendKeys({ type: ' And the right.' });
    await waitUntil(
      () => text(prosemirror(left)) === 'From the left. And the right.',
      "the left editor never saw the right one's text",
    );
  });

  it("shows co-editors' cursors from awareness with a checked name and colour", async () => {
    const store = await openTestStore();
    await withChartOnDevice(store, PATIENT);
    const session = await store.openNote(PATIENT, 'note-1');
    const { awareness, states, listeners } = awarenessOf(session.text as Y.XmlFragment);
    const el = await fixture<EmrNoteEditor>(
      html`<emr-note-editor
        .store=${store}
        .awareness=${awareness}
        patient-id=${PATIENT}
        note-id="note-1"
      ></emr-note-editor>`,
    );
    await waitUntil(() => prosemirror(el));
    await type(el, 'Shared words');
    const start = Y.createRelativePositionFromTypeIndex(
      ((session.text as Y.XmlFragment).get(0) as Y.XmlElement).get(0) as Y.XmlText,
      0,
    );
    const position = JSON.parse(JSON.stringify(start));
    states.set(99, {
      user: { name: '<b>Dr Evil</b>', color: 'red; background-image: url(/hostile-cursor.png)' },
      cursor: { anchor: position, head: position },
    });
    states.set(98, {
      user: { name: 'Nurse Bo', color: '#0b5cad' },
      cursor: { anchor: position, head: position },
    });
    for (const listener of listeners) listener();
    await waitUntil(
      () => root(el).querySelectorAll('.ProseMirror-yjs-cursor').length === 2,
      'no co-editor cursors',
    );
    const names = [...root(el).querySelectorAll('.co-editor-name')].map((n) => n.textContent);
    expect(names).to.have.members(['<b>Dr Evil</b>', 'Nurse Bo']);
    expect(
      root(el).querySelector('.co-editor-name b') === null,
      'a name is text, not markup',
    ).to.equal(true);
    const styles = [...root(el).querySelectorAll<HTMLElement>('.ProseMirror-yjs-cursor')].map(
      (c) => c.getAttribute('style') ?? '',
    );
    expect(styles.join(' ')).not.to.include('url(');
    session.release();
  });

  it('lays the formatting toolbar on one row at the widths of the demo and stories, with "Sign note" apart under the text', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    const toolbar = root(el).querySelector<HTMLElement>('[role="toolbar"]')!;
    const sign = button(el, 'sign')!;
    expect(toolbar.contains(sign), '"Sign note" is not a formatting button').to.equal(false);
    expect(sign.closest('[part="actions"]'), 'an action area of its own').not.to.equal(null);
    // The demo's notes column and the stories' canvas, from a narrow one up.
    for (const width of [320, 360, 420, 640, 960]) {
      el.style.width = `${width}px`;
      const buttons = [...toolbar.querySelectorAll<HTMLElement>('button')];
      expect(buttons.map((b) => b.dataset.action)).to.deep.equal([
        'bold',
        'italic',
        'heading',
        'bullet-list',
      ]);
      const rows = new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top)));
      expect(rows.size, `toolbar rows at ${width}px`).to.equal(1);
      expect(toolbar.getBoundingClientRect().height).to.equal(
        buttons[0]!.getBoundingClientRect().height,
      );
      expect(inside(toolbar.getBoundingClientRect(), el.getBoundingClientRect())).to.equal(true);
      const frame = root(el).querySelector('.frame')!.getBoundingClientRect();
      expect(
        sign.getBoundingClientRect().top,
        `"Sign note" under the text at ${width}px`,
      ).to.be.at.least(frame.bottom);
    }
    await expect(el).to.be.accessible();
  });

  it("draws a co-editor's name inside the editor, on its caret's line: over neither the line above nor any text", async () => {
    const store = await openTestStore();
    await withChartOnDevice(store, PATIENT);
    const session = await store.openNote(PATIENT, 'note-1');
    const fragment = session.text as Y.XmlFragment;
    const { awareness, states, listeners } = awarenessOf(fragment);
    const el = await fixture<EmrNoteEditor>(
      html`<emr-note-editor
        style="width: 420px"
        .store=${store}
        .awareness=${awareness}
        patient-id=${PATIENT}
        note-id="note-1"
      ></emr-note-editor>`,
    );
    await waitUntil(() => prosemirror(el));
    await type(el, 'Seen on the ward round, comfortable at rest and eating well today.');
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: 'Plan: home tomorrow.' });
    const firstLine = fragment.get(0) as Y.XmlElement;
    const longLine = (firstLine.get(0) as Y.XmlText).length;
    states.set(97, {
      user: { name: 'Dr Annika Lindqvist-Karlsson, consultant physician', color: '#0b5cad' },
      cursor: peerCursor(fragment, 1, 0),
    });
    states.set(96, {
      user: { name: 'Nurse Bo', color: '#6d28d9' },
      cursor: peerCursor(fragment, 0, longLine),
    });
    for (const listener of listeners) listener();
    await waitUntil(
      () => root(el).querySelectorAll('.co-editor-name').length === 2,
      'no co-editor cursors',
    );
    const editorBox = prosemirror(el)!.getBoundingClientRect();
    const [first, second] = [...prosemirror(el)!.querySelectorAll('p')];
    // The note's own text: every text node but the labels'.
    const words: DOMRect[] = [];
    const walker = document.createTreeWalker(prosemirror(el)!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.ProseMirror-yjs-cursor')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      words.push(...[...range.getClientRects()].filter((r) => r.width > 0));
    }
    expect(words.length, 'lines of text to check against').to.be.at.least(2);
    for (const label of root(el).querySelectorAll<HTMLElement>('.co-editor-name')) {
      const box = label.getBoundingClientRect();
      const name = label.textContent!;
      expect(inside(box, editorBox), `${name}: inside the editor`).to.equal(true);
      expect(label.title, 'the whole name on hover').to.equal(name);
      for (const word of words) expect(overlap(box, word), `${name}: over no text`).to.equal(false);
      const line = label.closest('p')!;
      expect(line, `${name}: on its caret's line`).to.equal(name === 'Nurse Bo' ? first : second);
      // Level with its caret, and no taller than it: the lines above and below stay clear.
      const caret = label.parentElement!.getBoundingClientRect();
      const middle = (box.top + box.bottom) / 2;
      expect(middle, `${name}: level with its caret`).to.be.within(caret.top, caret.bottom);
      expect(box.height, `${name}: no taller than a line`).to.be.at.most(caret.height);
    }
    session.release();
  });

  it('renders without side effects: rendered again with nothing changed, it changes no DOM, fires nothing and schedules no update', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    const events = [
      'emr-note-sign',
      'emr-note-edit-refuse',
      'emr-note-addendum',
      'emr-note-select',
    ];
    const pure = { mutations: 0, events: [], pending: false };
    await waitUntil(() => button(el, 'template'), 'no template picker on an empty note');
    expect(await rerender(el, events), 'an empty draft').to.deep.equal(pure);
    await type(el, 'Plan: discharge home.');
    await waitUntil(() => root(el).querySelector('.header .meta'), 'the draft was never listed');
    expect(button(el, 'template'), 'no picker over text').to.equal(null);
    expect(await rerender(el, events), 'a listed draft').to.deep.equal(pure);
    await signed(el);
    expect(await rerender(el, events), 'a signed note').to.deep.equal(pure);
  });

  it('signs: a cancelable event, then a final DocumentReference with the text, its size and SHA-1; the text is frozen', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    await type(el, 'Plan: discharge home.');
    const seen: EmrNoteSignEvent[] = [];
    el.addEventListener('emr-note-sign', (e) => seen.push(e));
    await noteOf(store); // listed as a draft
    el.noteType = '18842-5'; // a property set fires nothing (and a listed note keeps its type)
    await el.updateComplete;
    expect(seen).to.have.length(0);
    await signed(el);
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail).to.deep.equal({
      patientId: PATIENT,
      noteId: 'note-1',
      key: 'DocumentReference/note-1',
      type: '11506-3',
    });
    expect(seen[0]!.cancelable && seen[0]!.composed && seen[0]!.bubbles).to.equal(true);

    const note = (await noteOf(store, 'note-1', (n) => n.docStatus === 'final')).current;
    expect(note).to.include({ status: 'current', docStatus: 'final' });
    expect(note.authenticator).to.deep.equal({
      reference: 'Practitioner/u-ada',
      display: 'Dr Ada Okafor',
    });
    expect(note.author?.[0]?.display).to.equal('Dr Ada Okafor');
    const { plain, html: markup } = signedAttachments(note);
    expect(atob(plain!.data!)).to.equal('Plan: discharge home.');
    expect(plain!.size).to.equal(21);
    expect(plain!.hash).to.equal(await sha1('Plan: discharge home.'));
    expect(atob(markup!.data!)).to.equal('<p>Plan: discharge home.</p>');
    expect(markup!.hash).to.equal(await sha1('<p>Plan: discharge home.</p>'));
    expect(await checkAttachment(markup!)).to.deep.equal({
      ok: true,
      text: '<p>Plan: discharge home.</p>',
    });

    expect(prosemirror(el) === null, 'the signed note is not bound to its document').to.equal(true);
    expect(text(signedText(el))).to.equal('Plan: discharge home.');
    expect(text(root(el).querySelector('.signed-by'))).to.match(/^Signed by Dr Ada Okafor on /);
    expect(text(root(el).querySelector('.check'))).to.equal('✓ Text matches its signature hash.');
    await expect(el).to.be.accessible();
  });

  it('refuses and reports an edit after signing; a later change of the note document does not change what is shown', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    await type(el, 'Signed words.');
    await signed(el);
    const refusals: EmrNoteEditRefuseEvent[] = [];
    el.addEventListener('emr-note-edit-refuse', (e) => refusals.push(e));
    root(el).querySelector<HTMLElement>('.frame')!.focus();
    await sendKeys({ type: 'x' });
    expect(refusals.map((e) => e.detail.reason)).to.deep.equal(['signed']);
    expect(alertText(el)).to.equal(
      'This note is signed: nothing was changed. Add an addendum to say more.',
    );
    expect(text(signedText(el))).to.equal('Signed words.');

    const peer = new Y.Doc();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Changed after signing.')]);
    peer.getXmlFragment(NOTE_TEXT_FRAGMENT).insert(0, [paragraph]);
    await store.documents.applyRemoteUpdate(
      noteDocumentName(PATIENT, 'note-1'),
      Y.encodeStateAsUpdate(peer),
    );
    await el.updateComplete;
    expect(text(signedText(el))).to.equal('Signed words.');
    const note = (await noteOf(store)).current;
    expect(atob(signedAttachments(note).plain!.data!)).to.equal('Signed words.');
  });

  /** Ada writes "Chest clear." in a new note, then `more`; Bo, on the same chart, signs the text as it reached him: "Chest clear." */
  async function signedByColleague(more: string) {
    const name = uniqueDatabaseName();
    const ada = await openTestStore(name);
    const el = await editing(ada);
    await type(el, 'Chest clear.');
    const draft = await noteOf(ada);
    const bo = await openTestStore(name, NURSE_BO);
    if (more) await type(el, more);
    await signDraft(bo, draft.heads[0]!, { text: 'Chest clear.', html: '<p>Chest clear.</p>' });
    return el;
  }

  it('keeps in view what was written here when a colleague signs the note meanwhile, and says who signed', async () => {
    const el = await signedByColleague(' Discharge tomorrow.');
    await waitUntil(
      () => root(el).querySelector('[part="unsigned"]'),
      'the unsigned text was never shown',
    );
    expect(text(signedText(el) ?? root(el).querySelector('.frame'))).to.not.include(
      'Discharge tomorrow',
    );
    expect(text(root(el).querySelector('[part="unsigned"] .alert'))).to.match(
      /^⚠ Bo Lindqvist RN signed this note \(.+\) while you were writing it\./,
    );
    expect(text(root(el).querySelector('.unsigned-text'))).to.equal(
      'Chest clear. Discharge tomorrow.',
    );
    await expect(el).to.be.accessible();
    button(el, 'dismiss-unsigned')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part="unsigned"]') === null).to.equal(true);
  });

  it('shows no such notice when the colleague signed every word written here', async () => {
    const el = await signedByColleague('');
    await waitUntil(() => signedText(el), 'the note was never shown signed');
    expect(root(el).querySelector('[part="unsigned"]') === null).to.equal(true);
  });

  it('a note started on two devices at once: the clinician keeps one listing, then signs', async () => {
    const [here, there] = [await openTestStore(), await openTestStore(undefined, NURSE_BO)];
    const listing = (store: DexieChartStore, type: NoteType, author: ChartUser, date: string) =>
      store.record(draftNoteReference({ id: 'note-1', patientId: PATIENT, type, author, date }));
    await listing(here, NOTE_TYPES[0]!, DR_ADA, '2024-03-01T09:00:00Z');
    await listing(there, NOTE_TYPES[3]!, NURSE_BO, '2024-03-01T09:01:00Z');
    await sendDocument(there, here, coreDocumentName(PATIENT));
    const el = await editing(here);
    await waitUntil(
      () => root(el).querySelectorAll('[data-action="keep-draft"]').length === 2,
      'the two listings were never offered',
    );
    expect(text(root(el).querySelector('[part="conflict"] .alert'))).to.include(
      'This note was started on two devices at once.',
    );
    await expect(el).to.be.accessible();

    const keep = [
      ...root(el).querySelectorAll<HTMLButtonElement>('[data-action="keep-draft"]'),
    ].find((b) => text(b).includes('Bo Lindqvist RN'))!;
    expect(text(keep)).to.match(/^Keep: Discharge summary, started by Bo Lindqvist RN on /);
    keep.click();
    await waitUntil(
      () => !root(el).querySelector('[part="conflict"]'),
      'the choice was never taken',
    );
    const record = await noteOf(here);
    expect(record.heads).to.have.length(1);
    expect(record.current.type?.coding?.[0]?.code).to.equal(NOTE_TYPES[3]!.code);
    await type(el, 'Kept and signed.');
    await signed(el);
    expect(text(signedText(el))).to.equal('Kept and signed.');
  });

  it('keeps the note a draft when the sign event is canceled', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    await type(el, 'Not yet.');
    el.addEventListener('emr-note-sign', (e) => e.preventDefault(), { once: true });
    const event = oneEvent(el, 'emr-note-sign');
    await confirmSign(el);
    expect((await event).defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(prosemirror(el)!.getAttribute('contenteditable')).to.equal('true');
    expect((await noteOf(store)).current.docStatus).to.equal('preliminary');
    await type(el, ' Still editable.');
    expect(text(prosemirror(el))).to.equal('Not yet. Still editable.');
  });

  it('asks once more before signing: nothing is signed until the clinician answers; Escape and "Keep editing" go back to the draft', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    await type(el, 'Reviewed on the ward round.');
    await noteOf(store); // listed as a draft
    const seen: EmrNoteSignEvent[] = [];
    el.addEventListener('emr-note-sign', (e) => seen.push(e));
    const question = () => root(el).querySelector<HTMLElement>('[part="confirm-sign"]');

    button(el, 'sign')!.click();
    await waitUntil(() => question(), 'the editor never asked');
    expect(text(question())).to.equal(
      'Sign this note? Once signed, its text cannot be changed: anything more goes in an addendum. Sign now Keep editing',
    );
    expect(root(el).activeElement).to.equal(button(el, 'confirm-sign'));
    expect(button(el, 'sign')!.getAttribute('aria-expanded')).to.equal('true');
    expect(seen, 'no sign event before the answer').to.have.length(0);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !question(), 'Escape did not close the question');
    expect(root(el).activeElement).to.equal(button(el, 'sign'));
    button(el, 'sign')!.click();
    await waitUntil(() => button(el, 'cancel-sign'));
    button(el, 'cancel-sign')!.click();
    await waitUntil(() => !question(), '"Keep editing" did not close the question');
    expect(seen).to.have.length(0);
    expect((await noteOf(store)).current.docStatus).to.equal('preliminary');
    await type(el, ' Plan unchanged.');
    expect(text(prosemirror(el))).to.equal('Reviewed on the ward round. Plan unchanged.');

    // From the keyboard: Enter on the sign button, Enter on the answer.
    button(el, 'sign')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(
      () => root(el).activeElement === button(el, 'confirm-sign'),
      'the answer never took focus',
    );
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => signedText(el), 'the note was never shown signed');
    expect(seen).to.have.length(1);
    expect(text(signedText(el))).to.equal('Reviewed on the ward round. Plan unchanged.');
    await waitUntil(
      () => root(el).activeElement?.classList.contains('frame'),
      'focus was not given to the signed text',
    );
  });

  it('refuses to sign an empty note', async () => {
    const el = await editing(await openTestStore());
    button(el, 'sign')!.click();
    await el.updateComplete;
    expect(alertText(el)).to.equal('Nothing to sign: the note is empty.');
  });

  it('warns when the signed text does not match its hash', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    await type(el, 'Original words.');
    await signed(el);
    el.remove();
    // Tampered outside the kit (the store itself refuses such a revision): imported as it is.
    const note = (await noteOf(store)).current;
    const tampered = structuredClone(note);
    tampered.id = 'note-2';
    for (const content of tampered.content) content.attachment.data = btoa('<p>Altered words.</p>');
    await store.record(tampered);
    const shown = await editor(store, 'note-2');
    await waitUntil(() => root(shown).querySelector('.check.mismatch'), 'no warning');
    expect(text(root(shown).querySelector('.check.mismatch'))).to.include(
      'does not match its hash',
    );
    expect(text(signedText(shown))).to.equal('Altered words.');
  });

  it('takes addenda: a new note that appends to the signed one, linked both ways', async () => {
    const store = await openTestStore();
    const original = await editing(store);
    await type(original, 'Original note.');
    await signed(original);
    const asked = oneEvent(original, 'emr-note-addendum');
    button(original, 'addendum')!.click();
    const { detail } = (await asked) as EmrNoteAddendumEvent;
    expect(detail).to.include({ patientId: PATIENT, noteId: 'note-1' });

    const addendum = await editing(store, detail.addendumId, { appends: detail.noteId });
    await type(addendum, 'Later result: normal.');
    const listed = (await noteOf(store, detail.addendumId)).current;
    expect(listed.relatesTo).to.deep.equal([
      { code: 'appends', target: { reference: 'DocumentReference/note-1' } },
    ]);
    await waitUntil(() => root(addendum).querySelector('.appends button'));
    const toOriginal = oneEvent(addendum, 'emr-note-select');
    root(addendum).querySelector<HTMLButtonElement>('.appends button')!.click();
    expect((await toOriginal).detail).to.deep.equal({ patientId: PATIENT, noteId: 'note-1' });

    await waitUntil(
      () => root(original).querySelector(`[data-note-id="${detail.addendumId}"]`),
      'the original does not list its addendum',
    );
    const toAddendum = oneEvent(original, 'emr-note-select');
    root(original)
      .querySelector<HTMLButtonElement>(`[data-note-id="${detail.addendumId}"]`)!
      .click();
    expect((await toAddendum).detail.noteId).to.equal(detail.addendumId);
    await expect(original).to.be.accessible();
  });

  it('starts a new note from a template given as an attribute, or picked while the note is empty', async () => {
    const store = await openTestStore();
    const soap = await editing(store, 'note-1', { template: 'soap' });
    await waitUntil(() => prosemirror(soap)!.querySelectorAll('h2').length === 4);
    expect([...prosemirror(soap)!.querySelectorAll('h2')].map((h) => h.textContent)).to.deep.equal([
      'Subjective',
      'Objective',
      'Assessment',
      'Plan',
    ]);
    expect((await noteOf(store, 'note-1')).current.type?.coding?.[0]?.code).to.equal('11506-3');

    const picked = await editing(store, 'note-2');
    picked.templates = [
      { id: 'short', label: 'Short', sections: [{ heading: 'Findings', prompt: 'None.' }] },
    ];
    await picked.updateComplete;
    button(picked, 'template')!.click();
    await waitUntil(() => prosemirror(picked)!.querySelector('h2'));
    expect(
      [...prosemirror(picked)!.children].map((block) => `${block.tagName}:${block.textContent}`),
    ).to.deep.equal(['H2:Findings', 'P:None.']);
    await picked.updateComplete;
    expect(button(picked, 'template') === null, 'no template picker over text').to.equal(true);
  });

  it('records the note type as its LOINC code and shows its name', async () => {
    const store = await openTestStore();
    const el = await editing(store, 'note-1', { noteType: '18842-5' });
    expect(text(root(el).querySelector('.title'))).to.equal('Discharge summary');
    await type(el, 'Home today.');
    const type_ = (await noteOf(store)).current.type;
    expect(type_?.coding?.[0]).to.deep.equal({
      system: 'http://loinc.org',
      code: '18842-5',
      display: 'Discharge summary',
    });
  });

  it('has keyboard commands (bold, undo) and lets Tab leave the text', async () => {
    const el = await editing(await openTestStore());
    await type(el, 'Plain ');
    await sendKeys({ press: 'Control+b' });
    await sendKeys({ type: 'bold' });
    expect(prosemirror(el)!.querySelector('strong')?.textContent).to.equal('bold');
    // Undo goes back by this user's own changes (typing within half a second is one step).
    await sendKeys({ press: 'Control+z' });
    await waitUntil(
      () => !text(prosemirror(el)).includes('bold'),
      'undo did not take the bold text back',
    );
    await sendKeys({ press: 'Control+Shift+z' });
    await waitUntil(
      () => prosemirror(el)!.querySelector('strong')?.textContent === 'bold',
      'redo did not bring it back',
    );
    await sendKeys({ press: 'Tab' });
    expect(text(prosemirror(el))).to.equal('Plain bold');
    expect(root(el).activeElement === prosemirror(el), 'Tab left the text').to.equal(false);
  });

  it('is read only for a role that does not write: typing is refused and reported', async () => {
    const name = uniqueDatabaseName('note');
    const writer = await openTestStore(name);
    await withChartOnDevice(writer, PATIENT);
    const session = await writer.openNote(PATIENT, 'note-1');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Written by a clinician.')]);
    (session.text as Y.XmlFragment).insert(0, [paragraph]);
    await session.whenSaved();
    session.release();
    const reader = await openTestStore(name, PATIENT_VIEWER);
    const el = await editing(reader);
    await waitUntil(() => text(prosemirror(el)) === 'Written by a clinician.');
    expect(prosemirror(el)!.getAttribute('contenteditable')).to.equal('false');
    expect(button(el, 'sign') === null, 'no sign button').to.equal(true);
    const refused = oneEvent(el, 'emr-note-edit-refuse');
    root(el).querySelector<HTMLElement>('.frame')!.focus();
    await sendKeys({ type: 'x' });
    expect((await refused).detail.reason).to.equal('read-only');
    expect(text(prosemirror(el))).to.equal('Written by a clinician.');
    await expect(el).to.be.accessible();
  });

  it('renders idle, pending and error states, never a blank box', async () => {
    expect(text(root(await editor(undefined)))).to.equal('No note is open.');
    expect(text(root(await editor(pendingStore())))).to.equal('Opening the note…');
    const failing = await editor(failingStore('unavailable', 'Storage is switched off.'));
    await waitUntil(
      () => alertText(failing) === 'The note could not be opened: Storage is switched off.',
    );
    await expect(failing).to.be.accessible();
  });

  it('reads its look from tokens: component property, then global token', async () => {
    const el = await editing(await openTestStore());
    const box = root(el).querySelector('.note')!;
    expect(getComputedStyle(box).borderTopColor).to.equal('rgb(107, 114, 128)');
    el.style.setProperty('--emr-color-border', 'rgb(1, 2, 3)');
    expect(getComputedStyle(box).borderTopColor).to.equal('rgb(1, 2, 3)');
    el.style.setProperty('--emr-note-editor-border-color', 'rgb(4, 5, 6)');
    expect(getComputedStyle(box).borderTopColor).to.equal('rgb(4, 5, 6)');
  });
});
