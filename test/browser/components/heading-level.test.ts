import { expect, fixture, html, waitUntil } from '../../support/testing.js';
import { headingLevel } from '../../../components/shared/heading.js';
import { prescription, MEDICATION_PATIENT } from '../../support/charts/medications.js';
import { pendingStore } from '../../support/stand-in-stores.js';
import { closeTestStores, openTestStore, withChartOnDevice } from '../../support/test-stores.js';
import '../../../components/medication-list/emr-medication-list.js';
import type { EmrMedicationList } from '../../../components/medication-list/medication-list.js';
import '../../../components/note-editor/emr-note-editor.js';
import type { EmrNoteEditor } from '../../../components/note-editor/note-editor.js';
import { recordNote, SIGNED_NOTE } from '../../support/charts/notes.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';
import type { EmrVitalsGrid } from '../../../components/vitals-grid/vitals-grid.js';

// The host page decides where an element's headings sit in its outline:
// `heading-level` picks the tag (h1–h6), so the level is the one assistive
// technology reads, not a look.

const text = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The headings in an element's shadow root, as "h2 Medications". */
const headings = (el: Element) =>
  [...el.shadowRoot!.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(
    (h) => `${h.localName} ${text(h)}`,
  );

describe('headingLevel', () => {
  it('reads 1 to 6, brings other numbers to the nearer end, and falls back otherwise', () => {
    expect([1, 2, 6, '4', ' 5 '].map((v) => headingLevel(v, 2))).to.deep.equal([1, 2, 6, 4, 5]);
    expect([0, -3, 7, 40, 2.6].map((v) => headingLevel(v, 2))).to.deep.equal([1, 1, 6, 6, 3]);
    expect([null, undefined, '', 'two', NaN].map((v) => headingLevel(v, 2))).to.deep.equal([
      2, 2, 2, 2, 2,
    ]);
    expect(headingLevel(null, undefined)).to.equal(undefined);
  });
});

describe('heading-level', () => {
  afterEach(closeTestStores);

  it('medication list: h2 and h3 sections by default, at the level the host sets', async () => {
    const store = await openTestStore();
    await withChartOnDevice(store, MEDICATION_PATIENT);
    await store.record(prescription('med-warfarin', 'Warfarin', 5, 'mg'));
    const el = await fixture<EmrMedicationList>(
      html`<emr-medication-list
        patient-id=${MEDICATION_PATIENT}
        .store=${store}
      ></emr-medication-list>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.items'), 'no medications shown', {
      timeout: 10_000,
    });
    expect(headings(el).slice(0, 2)).to.deep.equal(['h2 Medications', 'h3 Active (1)']);

    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect(headings(el).slice(0, 2)).to.deep.equal(['h3 Medications', 'h4 Active (1)']);
    // A section still names its region.
    const section = el.shadowRoot!.querySelector('section[data-section="active"]')!;
    expect(
      el.shadowRoot!.getElementById(section.getAttribute('aria-labelledby')!)!.localName,
    ).to.equal('h4');

    el.headingLevel = 6;
    await el.updateComplete;
    expect(headings(el).slice(0, 2)).to.deep.equal(['h6 Medications', 'h6 Active (1)']);

    el.setAttribute('heading-level', 'none of these');
    await el.updateComplete;
    expect(headings(el)[0]).to.equal('h2 Medications');
    await expect(el).to.be.accessible();
  });

  it('vitals grid: no heading of its own by default, one at the level the host sets', async () => {
    const el = await fixture<EmrVitalsGrid>(
      html`<emr-vitals-grid patient-id="pat-1" .store=${pendingStore()}></emr-vitals-grid>`,
    );
    expect(headings(el)).to.deep.equal([]);
    el.setAttribute('heading-level', '3');
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['h3 Vital signs']);
    el.removeAttribute('heading-level');
    await el.updateComplete;
    expect(headings(el)).to.deep.equal([]);
  });

  it("note editor: the note's type as plain text by default, a heading at the level the host sets", async () => {
    const store = await openTestStore();
    await recordNote(store, 'pat-heading', SIGNED_NOTE);
    const el = await fixture<EmrNoteEditor>(
      html`<emr-note-editor
        patient-id="pat-heading"
        note-id=${SIGNED_NOTE.id}
        .store=${store}
      ></emr-note-editor>`,
    );
    const title = () => el.shadowRoot!.querySelector('.header .title');
    await waitUntil(title, 'no note shown', { timeout: 10_000 });
    const label = text(title()!);
    expect(title()!.localName).to.equal('span');
    el.setAttribute('heading-level', '4');
    await el.updateComplete;
    // The first heading of the element (the note's own text may hold headings of its own, below it).
    expect(headings(el)[0]).to.equal(`h4 ${label}`);
    expect(title()!.localName).to.equal('h4');
    await expect(el).to.be.accessible();
  });
});
