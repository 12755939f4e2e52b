import { expect, fixture, html, waitUntil as waitFor } from '../../support/testing.js';
import { emulateMedia } from '@web/test-runner-commands';
import {
  observationsDocumentName,
  type ChartStore,
  type SyncState,
  type SyncStatusSource,
} from '../../../model/index.js';
import { vitalsObservations } from '../../../components/vitals-grid/vitals-observations.js';
import {
  concurrentRevisions,
  prescription,
  MEDICATION_PATIENT,
} from '../../support/charts/medications.js';
import { DRAFT_NOTE, recordNote, SIGNED_NOTE, tamperedNote } from '../../support/charts/notes.js';
import { conflictAllergy, timelineStore } from '../../support/charts/timeline.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  sendDocument,
  uniqueDatabaseName,
  withChartOnDevice,
} from '../../support/test-stores.js';
import '../../../components/allergy-banner/emr-allergy-banner.js';
import '../../../components/chart-timeline/emr-chart-timeline.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/note-editor/emr-note-editor.js';
import '../../../components/note-list/emr-note-list.js';
import '../../../components/sync-status/emr-sync-status.js';
import '../../../components/vitals-form/emr-vitals-form.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';
import '../../../components/vitals-trend/emr-vitals-trend.js';

// Windows high contrast (forced colors) drops background colours and
// box-shadows and repaints every colour in the user's few system colours.
// Each element that shows a meaning by colour must still show it by a border,
// an outline or a system colour pair: here each one is rendered in such a
// state under emulated forced colors, and the computed styles are read.

const waitUntil = (predicate: () => unknown, message: string) =>
  waitFor(predicate, message, { timeout: 10_000 });

type Side = 'top' | 'right' | 'bottom' | 'left';
const SIDES: Side[] = ['top', 'right', 'bottom', 'left'];

const transparent = (colour: string) =>
  colour === 'transparent' || /^rgba\(.*,\s*0\)$/.test(colour.replace(/\s+/g, ' '));

/** A border side or the outline that is drawn: a width, a style and a colour that shows. */
function drawn(style: CSSStyleDeclaration, prefix: string): boolean {
  const width = parseFloat(style.getPropertyValue(`${prefix}-width`));
  const kind = style.getPropertyValue(`${prefix}-style`);
  return (
    width > 0 &&
    kind !== 'none' &&
    kind !== 'hidden' &&
    !transparent(style.getPropertyValue(`${prefix}-color`))
  );
}

function one<E extends Element = HTMLElement>(el: Element, selector: string): E {
  const found = el.shadowRoot!.querySelector<E>(selector);
  expect(found, `${el.localName} has no ${selector}`).to.be.instanceOf(Element);
  return found!;
}

/** The widest side drawn (0 when none), or that side's width. */
function border(el: Element, selector: string, side?: Side): number {
  const style = getComputedStyle(one(el, selector));
  const widths = (side ? [side] : SIDES)
    .filter((s) => drawn(style, `border-${s}`))
    .map((s) => parseFloat(style.getPropertyValue(`border-${s}-width`)));
  return Math.max(0, ...widths);
}

/** Marked: a background that forced colors kept (a system colour pair such as Mark/MarkText). */
function marked(el: Element, selector: string): boolean {
  return !transparent(getComputedStyle(one(el, selector)).backgroundColor);
}

/** Focuses a control as the keyboard would show it, and says whether its outline is drawn. */
function focusRing(el: Element, selector: string): boolean {
  const control = one(el, selector);
  control.focus();
  expect(control.matches(':focus-visible'), `${selector} is not focus-visible`).to.equal(true);
  return drawn(getComputedStyle(control), 'outline');
}

async function element<T extends HTMLElement>(
  tag: string,
  properties: Record<string, unknown>,
  attributes: Record<string, string> = {},
): Promise<T> {
  const el = document.createElement(tag) as T;
  Object.assign(el, properties);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const host = await fixture<HTMLDivElement>(html`<div>${el}</div>`);
  return host.firstElementChild as T;
}

/** A chart with an allergy (high criticality) changed by two clinicians at once, vital signs and the rest. */
async function conflictedChart(patientId: string): Promise<ChartStore> {
  const store = await timelineStore(uniqueDatabaseName('forced'), patientId, DR_ADA);
  const colleague = await openTestStore(undefined, NURSE_BO);
  await conflictAllergy(store, colleague, patientId);
  return store;
}

describe('high contrast (forced colors)', () => {
  before(async () => {
    await emulateMedia({ forcedColors: 'active' });
    await waitUntil(() => matchMedia('(forced-colors: active)').matches, 'forced colors not on');
  });
  after(() => emulateMedia({ forcedColors: 'none' }));
  afterEach(closeTestStores);

  it('allergy banner: the state accent, high criticality, the conflict and the focus ring', async () => {
    const patientId = 'pat-forced-allergy';
    const store = await conflictedChart(patientId);
    const el = await element('emr-allergy-banner', { store }, { 'patient-id': patientId });
    await waitUntil(() => el.shadowRoot!.querySelector('.conflict'), 'no conflict shown');
    expect(border(el, '.banner.known', 'left')).to.be.at.least(6);
    expect(border(el, '.conflict')).to.be.at.least(2);
    expect(marked(el, '.badge.high'), 'high criticality not marked').to.equal(true);
    expect(border(el, 'button.name'), 'the name does not read as a button').to.be.above(0);
    expect(focusRing(el, 'button.name')).to.equal(true);
  });

  it('medication list: a medication in conflict and its versions, and the focus ring', async () => {
    const store = await openTestStore();
    await withChartOnDevice(store, MEDICATION_PATIENT);
    const first = await store.record(prescription('med-warfarin', 'Warfarin', 5, 'mg'));
    await concurrentRevisions(store, first, [
      [DR_ADA, prescription('med-warfarin', 'Warfarin', 3, 'mg')],
      [NURSE_BO, prescription('med-warfarin', 'Warfarin', 7.5, 'mg')],
    ]);
    const el = await element(
      'emr-medication-list',
      { store },
      { 'patient-id': MEDICATION_PATIENT },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.item.conflicted'), 'no conflict shown');
    expect(border(el, '.item.conflicted')).to.be.at.least(3);
    expect(border(el, '.version', 'left')).to.be.at.least(4);
    expect(focusRing(el, '.item button')).to.equal(true);
  });

  it('vitals grid: abnormal and critical flags, a high NEWS2, a conflict, and the focus ring', async () => {
    const patientId = 'pat-forced-vitals';
    const ada = await openTestStore(undefined, DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    await ada.record({ resourceType: 'Patient', id: patientId });
    let n = 0;
    const id = () => `obs-forced-${n++}`;
    const unwell = vitalsObservations(
      {
        values: {
          'respiratory-rate': 26,
          'oxygen-saturation': 91,
          'inhaled-oxygen-flow': 4,
          'systolic-bp': 96,
          'diastolic-bp': 58,
          'heart-rate': 124,
          temperature: 38.4,
        },
        onOxygen: true,
        consciousness: 'C',
      },
      patientId,
      '2024-03-01T06:00:00Z',
      id,
    );
    for (const o of unwell) await ada.record(o);
    const [rr, ...rest] = vitalsObservations(
      {
        values: {
          'respiratory-rate': 16,
          'oxygen-saturation': 97,
          'systolic-bp': 120,
          'diastolic-bp': 80,
          'heart-rate': 72,
          temperature: 37,
        },
        onOxygen: false,
        consciousness: 'A',
      },
      patientId,
      '2024-03-01T08:00:00Z',
      id,
    );
    const first = await ada.record(rr!);
    for (const o of rest) await ada.record(o);
    const segment = observationsDocumentName(patientId, '2024-03-01');
    await sendDocument(ada, bo, segment);
    const revised = (value: number) => ({
      ...rr!,
      valueQuantity: { ...rr!.valueQuantity!, value },
    });
    await ada.revise(revised(18), first.revisionId);
    await bo.revise(revised(26), first.revisionId);
    await sendDocument(bo, ada, segment);

    const el = await element('emr-vitals-grid', { store: ada }, { 'patient-id': patientId });
    await waitUntil(() => el.shadowRoot!.querySelector('td.conflict'), 'no conflict shown');
    expect(border(el, '.flag.abnormal')).to.be.at.least(1);
    expect(border(el, '.flag.critical')).to.be.at.least(2);
    expect(marked(el, '.flag.critical'), 'critical flag not marked').to.equal(true);
    expect(border(el, '.news2-result.risk-high .risk')).to.be.at.least(2);
    expect(marked(el, '.news2-result.risk-high .risk'), 'high NEWS2 not marked').to.equal(true);
    expect(border(el, 'td.conflict', 'left')).to.be.at.least(4);
    expect(border(el, 'th .conflict-badge', 'left')).to.be.at.least(4);
    expect(focusRing(el, '.scroller')).to.equal(true);
    expect(focusRing(el, 'button.record')).to.equal(true);
  });

  it('vitals form: an invalid field, the frame and the focus ring', async () => {
    const el = await element('emr-vitals-form', {});
    const temperature = one(el, '#temperature') as HTMLInputElement;
    temperature.value = '98.6';
    temperature.dispatchEvent(new Event('input', { bubbles: true }));
    one(el, 'button[type="submit"]').click();
    await waitUntil(
      () => el.shadowRoot!.querySelector('[aria-invalid="true"]'),
      'no invalid field shown',
    );
    expect(border(el, '[aria-invalid="true"]')).to.be.at.least(3);
    expect(border(el, 'fieldset')).to.be.at.least(1);
    expect(focusRing(el, 'button[type="submit"]')).to.equal(true);
  });

  it('vitals trend: the line in a system colour', async () => {
    const el = await element('emr-vitals-trend', { series: [[90, 110, 124]], label: 'Heart rate' });
    const stroke = getComputedStyle(one<SVGPolylineElement>(el, 'polyline')).stroke;
    expect(stroke).not.to.equal('none');
    expect(transparent(stroke), `stroke ${stroke}`).to.equal(false);
  });

  it('chart timeline: the conflict marker, the current bar, the bars and the focus ring', async () => {
    const patientId = 'pat-forced-timeline';
    const store = await conflictedChart(patientId);
    const el = await element('emr-chart-timeline', { store }, { 'patient-id': patientId });
    await waitUntil(() => el.shadowRoot!.querySelector('.row.conflict'), 'no conflict shown');
    expect(border(el, '.row.conflict', 'left')).to.be.at.least(4);
    expect(border(el, '.bar[aria-current]', 'bottom')).to.be.at.least(3);
    const fill = getComputedStyle(one(el, '.bar:not(.none) .fill')).backgroundColor;
    expect(transparent(fill), 'the bars are not drawn').to.equal(false);
    expect(marked(el, '.zoom button[aria-pressed="true"]'), 'pressed zoom not marked').to.equal(
      true,
    );
    expect(focusRing(el, '.zoom button')).to.equal(true);
  });

  it('note list: a draft and a signed note told apart by their frames, and the focus ring', async () => {
    const store = await openTestStore();
    await recordNote(store, 'pat-forced-notes', SIGNED_NOTE);
    await recordNote(store, 'pat-forced-notes', DRAFT_NOTE);
    const el = await element('emr-note-list', { store }, { 'patient-id': 'pat-forced-notes' });
    await waitUntil(
      () =>
        el.shadowRoot!.querySelector('.status.draft') &&
        el.shadowRoot!.querySelector('.status.signed'),
      'no draft and signed notes shown',
    );
    expect(border(el, '.status.signed')).to.be.at.least(1);
    expect(getComputedStyle(one(el, '.status.signed')).borderTopStyle).to.equal('solid');
    expect(border(el, '.status.draft')).to.be.at.least(1);
    expect(getComputedStyle(one(el, '.status.draft')).borderTopStyle).to.equal('dashed');
    expect(focusRing(el, '[part="item"] button')).to.equal(true);
  });

  it('note editor: a failed signature check marked, and the focus ring', async () => {
    const patientId = 'pat-forced-note';
    const store = await openTestStore();
    await withChartOnDevice(store, patientId);
    await tamperedNote(store, patientId);
    const el = await element(
      'emr-note-editor',
      { store },
      { 'patient-id': patientId, 'note-id': 'note-tampered' },
    );
    await waitUntil(() => el.shadowRoot!.querySelector('.check.mismatch'), 'no mismatch shown');
    expect(border(el, '.check.mismatch')).to.be.at.least(2);
    expect(marked(el, '.check.mismatch'), 'mismatch not marked').to.equal(true);
    expect(focusRing(el, 'button')).to.equal(true);
  });

  it('sync status: refused marked, synced and waiting told apart, and the focus ring', async () => {
    const source = (state: SyncState): SyncStatusSource => ({
      state,
      subscribe: () => () => undefined,
    });
    const refused = await element('emr-sync-status', {
      source: source({
        status: 'refused',
        waiting: 1,
        peers: [],
        refusal: { reason: 'unauthenticated', message: '' },
      }),
    });
    expect(marked(refused, '.words'), 'refused not marked').to.equal(true);
    expect(border(refused, '.status', 'left')).to.be.at.least(4);
    expect(focusRing(refused, 'button')).to.equal(true);

    const synced = await element('emr-sync-status', {
      source: source({ status: 'synced', waiting: 0, peers: [] }),
    });
    const waiting = await element('emr-sync-status', {
      source: source({ status: 'waiting', waiting: 2, peers: [] }),
    });
    expect(getComputedStyle(one(synced, '.status')).borderLeftStyle).to.equal('solid');
    expect(getComputedStyle(one(waiting, '.status')).borderLeftStyle).to.equal('dashed');
    expect(border(waiting, '.status', 'left')).to.be.at.least(4);
  });
});
