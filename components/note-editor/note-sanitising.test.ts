import { expect, fixture, html, waitUntil as waitFor } from '../../test/support/testing.js';
import * as Y from 'yjs';
import { signedAttachments } from '../../clinical/index.js';
import { NOTE_TEXT_FRAGMENT, noteDocumentName } from '../../model/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import {
  closeTestStores,
  openTestStore,
  valueOf,
  withChartOnDevice,
} from '../../test/support/test-stores.js';
import './emr-note-editor.js';
import type { EmrNoteEditor } from './note-editor.js';

// Markup that reaches a note — pasted, or in a peer's document — is inert:
// no script runs, no handler is attached, nothing is fetched.

const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 5_000 });
const PATIENT = 'pat-1';
const prosemirror = (el: EmrNoteEditor) =>
  el.shadowRoot!.querySelector<HTMLElement>('.ProseMirror');
const hostile = () => (window as unknown as { hostile?: number }).hostile;

const HOSTILE_HTML = `<p>Safe text</p>
  <img src="/hostile/paste-image.png" onerror="window.hostile = 1">
  <p><a href="javascript:window.hostile = 2">script link</a> <a href=" java\tscript:window.hostile = 3">tab link</a>
  <a href="data:text/html,<script>window.hostile = 4</script>">data link</a>
  <a href="https://example.org/page" onclick="window.hostile = 5" style="background: url(/hostile/paste-style.png)">web link</a></p>
  <script>window.hostile = 6</script><iframe src="/hostile/paste-frame.html"></iframe>
  <p style="background-image: url(/hostile/paste-bg.png)" onmouseover="window.hostile = 7">styled</p>
  <svg><image href="/hostile/paste-svg.png"></image></svg><object data="/hostile/paste-object"></object>`;

async function editing(store: DexieChartStore): Promise<EmrNoteEditor> {
  await withChartOnDevice(store, PATIENT);
  const el = await fixture<EmrNoteEditor>(
    html`<emr-note-editor
      .store=${store}
      patient-id=${PATIENT}
      note-id="note-1"
    ></emr-note-editor>`,
  );
  await waitUntil(() => prosemirror(el), 'the note text was never bound');
  return el;
}

/** Two frames: long enough for an image error handler or a request to have started. */
const frames = () =>
  new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Nothing in the text may run, load or style itself. */
function expectInert(el: EmrNoteEditor) {
  const text = prosemirror(el)!;
  expect(
    text.querySelectorAll('img, script, iframe, object, embed, svg, image, style, link').length,
    'no element that loads or runs',
  ).to.equal(0);
  for (const element of text.querySelectorAll('*')) {
    for (const { name } of element.attributes) {
      expect(name.startsWith('on'), `${element.tagName} has ${name}`).to.equal(false);
      expect(name, `${element.tagName} has a style`).not.to.equal('style');
    }
  }
  for (const link of text.querySelectorAll('a')) {
    expect(link.href).to.match(/^(https?|mailto):/);
    expect(link.rel).to.equal('noopener noreferrer');
  }
  expect(hostile(), 'a hostile handler ran').to.equal(undefined);
  expect(
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.name.includes('/hostile/'))
      .map((e) => e.name),
  ).to.deep.equal([]);
}

describe('emr-note-editor: hostile content', () => {
  afterEach(closeTestStores);
  afterEach(() => delete (window as unknown as { hostile?: number }).hostile);

  it("renders a hostile paste inert, keeps its text, and signs only the schema's markup", async () => {
    const store = await openTestStore();
    const el = await editing(store);
    prosemirror(el)!.focus();
    const data = new DataTransfer();
    data.setData('text/html', HOSTILE_HTML);
    data.setData('text/plain', 'Safe text');
    prosemirror(el)!.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
    await waitUntil(
      () => prosemirror(el)!.textContent!.includes('web link'),
      'the paste was not taken',
    );
    await frames();
    expectInert(el);
    const links = [...prosemirror(el)!.querySelectorAll('a')];
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).to.deep.equal([
      ['web link', 'https://example.org/page'],
    ]);
    expect(prosemirror(el)!.textContent).to.include('script link');
    expect(prosemirror(el)!.textContent).to.include('styled');

    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="sign"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[data-action="confirm-sign"]'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="confirm-sign"]')!.click();
    const notes = await valueOf(store.notes(PATIENT), (list) =>
      list.some((n) => n.current.docStatus === 'final'),
    );
    const signedHtml = atob(signedAttachments(notes[0]!.current).html!.data!);
    expect(signedHtml).not.to.match(
      /<img|<script|<iframe|onerror|onclick|onmouseover|javascript:|data:|style=/i,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.signed-text a'));
    const shown = el.shadowRoot!.querySelector('.signed-text')!;
    expect(
      [...shown.querySelectorAll('*')]
        .flatMap((e) => [...e.attributes].map((a) => a.name))
        .filter((n) => n.startsWith('on') || n === 'style'),
    ).to.deep.equal([]);
    expect(hostile()).to.equal(undefined);
  });

  it('renders a hostile update from a peer inert: unknown nodes, event and style attributes, unsafe links', async () => {
    const store = await openTestStore();
    const el = await editing(store);
    const peer = new Y.Doc();
    const fragment = peer.getXmlFragment(NOTE_TEXT_FRAGMENT);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('onerror', 'window.hostile = 8');
    paragraph.setAttribute('style', 'background: url(/hostile/sync-style.png)');
    paragraph.insert(0, [new Y.XmlText('synced words')]);
    const image = new Y.XmlElement('image');
    image.setAttribute('src', '/hostile/sync-image.png');
    image.setAttribute('onerror', 'window.hostile = 9');
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('window.hostile = 10')]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '1 onclick=window.hostile=11' as unknown as string);
    heading.insert(0, [new Y.XmlText('synced heading')]);
    const linked = new Y.XmlText();
    linked.insert(0, 'bad link', { link: { href: 'javascript:window.hostile = 12' } });
    linked.insert(8, ' good link', { link: { href: 'https://example.org/' } });
    const linkParagraph = new Y.XmlElement('paragraph');
    linkParagraph.insert(0, [linked]);
    fragment.insert(0, [paragraph, image, script, heading, linkParagraph]);

    await store.documents.applyRemoteUpdate(
      noteDocumentName(PATIENT, 'note-1'),
      Y.encodeStateAsUpdate(peer),
    );
    await waitUntil(
      () => prosemirror(el)!.textContent!.includes('good link'),
      "the peer's update was not shown",
    );
    await frames();
    expectInert(el);
    expect(prosemirror(el)!.querySelector('h1')?.textContent).to.equal('synced heading');
    expect([...prosemirror(el)!.querySelectorAll('a')].map((a) => a.textContent)).to.deep.equal([
      ' good link',
    ]);
    expect(prosemirror(el)!.textContent).to.include('bad link');
  });
});
