import { expect, fixture, html, waitUntil } from '../../support/testing.js';
import { writeBundle } from '../../../model/index.js';
import { importBundle, type DexieChartStore } from '../../../storage/index.js';
import { closeTestStores, openTestStore } from '../../support/test-stores.js';
import { patient } from '../../support/resources.js';
import '../../../components/allergy-banner/emr-allergy-banner.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';
import '../../../components/chart-timeline/emr-chart-timeline.js';
import '../../../components/note-list/emr-note-list.js';
import '../../../components/note-editor/emr-note-editor.js';

// A chart that is not on this device (a new device, a viewer whose device
// has no copy) or is still being imported must never read like a chart that
// holds nothing: every element says the chart is not here, or loading, and
// none offers to record. Real stores on real IndexedDB.

const ELEMENTS = [
  'emr-allergy-banner',
  'emr-medication-list',
  'emr-vitals-grid',
  'emr-chart-timeline',
  'emr-note-list',
] as const;
const NONE_RECORDED =
  /no medications recorded|no vital signs recorded|nothing recorded|no notes recorded|no known allergies/i;
const text = (el: Element) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function chart(store: DexieChartStore, patientId: string): Promise<HTMLElement[]> {
  const host = await fixture<HTMLDivElement>(
    html`<div>
      ${ELEMENTS.map((tag) => {
        const el = document.createElement(tag) as HTMLElement & { store?: DexieChartStore };
        el.setAttribute('patient-id', patientId);
        el.store = store;
        return el;
      })}
    </div>`,
  );
  return [...host.children] as HTMLElement[];
}

describe('every element, before the chart is on this device', () => {
  afterEach(closeTestStores);

  it('says the chart is not on this device yet, never that nothing is recorded, and offers no recording', async () => {
    const store = await openTestStore();
    const elements = await chart(store, 'pat-1');
    for (const el of elements) {
      await waitUntil(
        () => /not on this device yet/.test(text(el)),
        `${el.localName} did not say the chart is not here: "${text(el)}"`,
        { timeout: 5_000 },
      );
      expect(text(el), el.localName).not.to.match(NONE_RECORDED);
    }
    const grid = elements.find((el) => el.localName === 'emr-vitals-grid')!;
    expect(
      grid.shadowRoot!.querySelector('button.record, emr-vitals-form'),
      'no way to record vital signs',
    ).to.equal(null);
  });

  it('shows the chart, and then "none recorded" and the record button, once it arrives', async () => {
    const store = await openTestStore();
    const elements = await chart(store, 'pat-1');
    await waitUntil(
      () => elements.every((el) => /not on this device yet/.test(text(el))),
      'not all said the chart is not here',
      { timeout: 5_000 },
    );
    const importing = importBundle(store, writeBundle([patient()]));
    await importing;
    const expected: Record<string, RegExp> = {
      'emr-allergy-banner': /no allergies recorded|not recorded|unknown/i,
      'emr-medication-list': /no medications recorded/i,
      'emr-vitals-grid': /no vital signs recorded/i,
      'emr-chart-timeline': /nothing recorded/i,
      'emr-note-list': /no notes recorded/i,
    };
    for (const el of elements) {
      await waitUntil(
        () => expected[el.localName]!.test(text(el)),
        `${el.localName} did not show its empty chart: "${text(el)}"`,
        { timeout: 5_000 },
      );
      expect(text(el), el.localName).not.to.match(/not on this device/);
    }
    const grid = elements.find((el) => el.localName === 'emr-vitals-grid')!;
    expect(
      grid.shadowRoot!.querySelector('button.record'),
      'recording offered once the chart is here',
    ).not.to.equal(null);
  });

  it('the note editor starts no note until the chart is here, then offers the editor', async () => {
    const store = await openTestStore();
    const editor = await fixture<HTMLElement & { store?: DexieChartStore }>(
      html`<emr-note-editor
        patient-id="pat-1"
        note-id="n-early"
        .store=${store}
      ></emr-note-editor>`,
    );
    await waitUntil(
      () => /not on this device yet/.test(text(editor)),
      `the editor did not say the chart is not here: "${text(editor)}"`,
      { timeout: 5_000 },
    );
    expect(
      editor.shadowRoot!.querySelector('[data-action="sign"], .ProseMirror'),
      'no note can be written',
    ).to.equal(null);
    await importBundle(store, writeBundle([patient()]));
    await waitUntil(
      () => editor.shadowRoot!.querySelector('.ProseMirror') !== null,
      'the editor did not open once the chart arrived',
      { timeout: 5_000 },
    );
    expect(editor.shadowRoot!.querySelector('[data-action="sign"]')).not.to.equal(null);
    expect(text(editor)).not.to.match(/not on this device/);
  });
});
