import { expect, fixture, html, oneEvent, waitUntil } from '../../test/support/testing.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  ChartStoreError,
  CONDITION_CLINICAL,
  LOINC,
  OBSERVATION_CATEGORY,
  observationsDocumentName,
  SNOMED,
  writeBundle,
  type ChartRecord,
  type ChartStore,
  type Coding,
  type Condition,
  type FhirResource,
  type LiveQuery,
  type Observation,
  type VitalsQuery,
} from '../../model/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import { failingStore, overriding, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  PATIENT_VIEWER,
  sendDocument,
  uniqueDatabaseName,
  valueOf,
} from '../../test/support/test-stores.js';
import { rerender } from '../../test/support/rerender.js';
import './emr-vitals-grid.js';
import type { EmrVitalsRecordEvent } from './vitals-grid.events.js';
import { EmrVitalsGrid } from './vitals-grid.js';
import { loadVitalsForm } from './vitals-form-loader.js';
import { vitalsObservations, type VitalsEntry } from './vitals-observations.js';
import { importBundle } from '../../storage/index.js';

/** The next event of that name, with its type. */
const once = <K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, name: K) =>
  oneEvent(target, name) as unknown as Promise<GlobalEventHandlersEventMap[K]>;

// The grid on real stores (IndexedDB in Chromium); the pending and failing
// stores stand in for a browser whose storage hangs or fails.

const PATIENT = 'pat-1';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
let counter = 0;

function set(entry: VitalsEntry, at: string | number, patientId = PATIENT): Observation[] {
  const time = typeof at === 'number' ? new Date(at).toISOString() : at;
  return vitalsObservations(entry, patientId, time, () => `obs-${(counter++).toString(36)}`);
}

const NORMAL: VitalsEntry = {
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
};

async function storeWith(resources: FhirResource[], user = DR_ADA): Promise<DexieChartStore> {
  const store = await openTestStore(undefined, user);
  // A chart on this device holds its patient: the grid offers no form before.
  const withPatient = resources.some((resource) => resource.resourceType === 'Patient')
    ? resources
    : [{ resourceType: 'Patient', id: PATIENT } as FhirResource, ...resources];
  await importBundle(store, writeBundle(withPatient));
  return store;
}

async function grid(store: ChartStore, attributes = ''): Promise<EmrVitalsGrid> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><emr-vitals-grid patient-id="${PATIENT}" ${attributes}></emr-vitals-grid></div>`,
  );
  const el = wrapper.querySelector('emr-vitals-grid')!;
  el.store = store;
  return el;
}

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const ready = (el: EmrVitalsGrid) =>
  waitUntil(
    () => root(el).querySelector('table, .status.empty, .status.error'),
    'grid did not settle',
    { timeout: 10_000 },
  );
const columnHeaders = (el: EmrVitalsGrid) =>
  [...root(el).querySelectorAll('thead th[scope=col] time')].map((t) => t.getAttribute('datetime'));
/** The time cells of a row, by the start of its row header. */
function row(el: EmrVitalsGrid, label: string): HTMLTableCellElement[] {
  const tr = [...root(el).querySelectorAll('tbody tr')].find((r) =>
    text(r.querySelector('th')).startsWith(label),
  );
  return [...(tr?.querySelectorAll<HTMLTableCellElement>('td:not(.trend)') ?? [])];
}
const button = (el: EmrVitalsGrid, name: string) =>
  [...root(el).querySelectorAll('button')].find((b) => text(b).includes(name)) as
    HTMLButtonElement | undefined;

/** The real store, recording what the grid asks of `vitals` and how many records each answer holds. */
function spying(store: ChartStore) {
  const asked: Array<{ query: VitalsQuery; sizes: number[] }> = [];
  const spy = overriding(store, {
    vitals: (patientId: string, query: VitalsQuery = {}) => {
      const entry = { query, sizes: [] as number[] };
      asked.push(entry);
      const live = store.vitals(patientId, query);
      const counted: LiveQuery<Array<ChartRecord<Observation>>> = {
        subscribe: (observer) =>
          live.subscribe({
            ...observer,
            next: (value) => {
              entry.sizes.push(value.length);
              observer.next(value);
            },
          }),
      };
      return counted;
    },
  });
  return { spy, asked };
}

describe('emr-vitals-grid', () => {
  afterEach(closeTestStores);

  // The form is a chunk of its own, fetched after the first rows are painted; the tests below open it at once.
  before(loadVitalsForm);

  it('is defined, with its leaf elements, the form once loaded', async () => {
    expect(customElements.get('emr-vitals-grid')).to.equal(EmrVitalsGrid);
    expect(customElements.get('emr-vitals-trend')).to.not.equal(undefined);
    await loadVitalsForm();
    expect(customElements.get('emr-vitals-form')).to.not.equal(undefined);
  });

  it('maps its attributes to properties', async () => {
    const el = await fixture<EmrVitalsGrid>(
      html`<emr-vitals-grid
        patient-id="p-9"
        spo2-scale="2"
        overdue-minutes="60"
        columns="4"
        until="2024-03-31T00:00:00Z"
      ></emr-vitals-grid>`,
    );
    expect([el.patientId, el.spo2Scale, el.overdueMinutes, el.columns, el.until]).to.deep.equal([
      'p-9',
      2,
      60,
      4,
      '2024-03-31T00:00:00Z',
    ]);
    el.setAttribute('spo2-scale', '3');
    expect(el.spo2Scale).to.equal(1);
  });

  it('shows the pending, error, empty and no-patient states, never a blank box', async () => {
    const pending = await grid(pendingStore());
    await pending.updateComplete;
    expect(text(root(pending).querySelector('.status.pending'))).to.equal('Loading vital signs…');

    const failing = await grid(failingStore('unavailable', 'IndexedDB is disabled'));
    await ready(failing);
    expect(text(root(failing).querySelector('.status.error'))).to.include(
      'this device’s storage is not available',
    );
    await expect(failing).to.be.accessible();

    const empty = await grid(await storeWith([]));
    await ready(empty);
    expect(text(root(empty).querySelector('.status.empty'))).to.equal(
      'No vital signs recorded for this patient.',
    );
    await expect(empty).to.be.accessible();

    const nobody = await fixture<EmrVitalsGrid>(
      html`<emr-vitals-grid .store=${empty.store}></emr-vitals-grid>`,
    );
    expect(text(root(nobody).querySelector('.status'))).to.equal('No patient selected.');
  });

  it('shows a native table: a row header per sign with its unit, a column per time, newest first, and is accessible', async () => {
    const store = await storeWith([
      ...set(NORMAL, '2024-03-01T08:00:00Z'),
      ...set({ values: { 'heart-rate': 80, weight: 70.5 } }, '2024-03-01T12:00:00Z'),
    ]);
    const el = await grid(store);
    await ready(el);
    expect(columnHeaders(el)).to.deep.equal([
      '2024-03-01T12:00:00.000Z',
      '2024-03-01T08:00:00.000Z',
    ]);
    const rowHeaders = [...root(el).querySelectorAll('tbody th[scope=row]')].map(text);
    expect(rowHeaders).to.deep.equal([
      'Respiratory rate (/min)',
      'SpO₂ (%)',
      'Air or oxygen',
      'Blood pressure (mmHg)',
      'Heart rate (/min)',
      'Consciousness',
      'Temperature (°C)',
      'Weight (kg)',
      'Height (cm)',
      'BMI (kg/m²)',
      'NEWS2',
    ]);
    expect(row(el, 'Heart rate').map(text)).to.deep.equal(['80', '72']);
    expect(row(el, 'Blood pressure').map(text)).to.deep.equal(['–Not recorded', '120/80']);
    expect(row(el, 'Temperature').map(text)).to.deep.equal(['–Not recorded', '37.0']);
    expect(row(el, 'Weight').map(text)).to.deep.equal(['70.5', '–Not recorded']);
    await expect(el).to.be.accessible();
  });

  it('flags abnormal values by text and icon, and the observation’s own interpretation wins', async () => {
    const [hr, temperature] = set(
      { values: { 'heart-rate': 135, temperature: 38.5 } },
      '2024-03-01T08:00:00Z',
    );
    temperature!.interpretation = [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
            code: 'N',
          },
        ],
      },
    ];
    const el = await grid(await storeWith([hr!, temperature!]));
    await ready(el);
    const [heart] = row(el, 'Heart rate');
    expect(text(heart!.querySelector('.flag'))).to.equal('⇈ Critically high');
    expect(heart!.querySelector('.flag [aria-hidden=true]')).to.not.equal(null);
    expect(row(el, 'Temperature')[0]!.querySelector('.flag')).to.equal(null);
  });

  it('applies adult ranges and NEWS2 only from the 16th birthday: before, the observation’s own flag and the host’s ranges alone', async () => {
    const teen = { resourceType: 'Patient', id: PATIENT, birthDate: '2008-05-22' } as const;
    const fast: VitalsEntry = {
      ...NORMAL,
      values: { ...NORMAL.values, 'heart-rate': 135, temperature: 38.5 },
    };
    const child = set(fast, '2024-05-21T08:00:00Z');
    const temperature = child.find((o) => o.code.coding?.[0]?.code === '8310-5')!;
    temperature.interpretation = [
      {
        coding: [
          {
            system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
            code: 'H',
          },
        ],
      },
    ];
    const el = await grid(await storeWith([teen, ...child, ...set(fast, '2024-05-22T08:00:00Z')]));
    await ready(el);
    expect(columnHeaders(el)).to.deep.equal([
      '2024-05-22T08:00:00.000Z',
      '2024-05-21T08:00:00.000Z',
    ]);
    const [adult, younger] = row(el, 'Heart rate');
    expect(text(adult!.querySelector('.flag'))).to.equal(
      '⇈ Critically high',
      'on the 16th birthday',
    );
    expect(text(younger!.querySelector('.flag'))).to.equal('', 'the day before: no adult range');
    expect(text(row(el, 'Temperature')[1]!.querySelector('.flag'))).to.equal(
      '↑ High',
      'the observation’s own interpretation',
    );
    const [scored, notScored] = row(el, 'NEWS2');
    expect(text(scored!)).to.match(/^\d+/);
    expect(text(notScored!)).to.equal('Not for under 16s');
    expect(text(root(el).querySelector('[part="child-note"]'))).to.equal(
      'Under 16: adult reference ranges and NEWS2 do not apply. Values are flagged only where the observation itself says.',
    );
    await expect(el).to.be.accessible();

    el.ranges = { 'heart-rate': { low: 70, high: 120, source: 'paediatric early warning chart' } };
    await el.updateComplete;
    expect(text(row(el, 'Heart rate')[1]!.querySelector('.flag'))).to.equal(
      '↑ High',
      'the host’s own range',
    );
    expect(text(root(el).querySelector('[part="child-note"]'))).to.match(
      /, or by the ranges set for this chart\.$/,
    );
  });

  it('gives no NEWS2 to a set taken while a pregnancy is recorded, and says why; adult flags stay', async () => {
    const woman = {
      resourceType: 'Patient',
      id: PATIENT,
      birthDate: '1994-12-21',
      gender: 'female',
    } as const;
    const pregnancy: Condition = {
      resourceType: 'Condition',
      id: 'pregnancy-1',
      subject: { reference: `Patient/${PATIENT}` },
      clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: 'resolved' }] },
      code: { coding: [{ system: SNOMED, code: '72892002', display: 'Normal pregnancy' }] },
      onsetDateTime: '2024-01-10T09:00:00Z',
      abatementDateTime: '2024-08-01T09:00:00Z',
    };
    const fast: VitalsEntry = { ...NORMAL, values: { ...NORMAL.values, 'heart-rate': 135 } };
    const store = await storeWith([
      woman,
      pregnancy,
      ...set(fast, '2024-09-20T08:00:00Z'),
      ...set(fast, '2024-08-02T08:00:00Z'),
      ...set(fast, '2024-05-01T08:00:00Z'),
    ]);
    const el = await grid(store);
    await ready(el);
    const [after, soonAfter, during] = row(el, 'NEWS2');
    expect(text(after!)).to.match(/^\d+/, 'seven weeks after the pregnancy ended');
    expect(text(soonAfter!)).to.equal('Not for use soon after pregnancy', 'the day after it ended');
    expect(text(during!)).to.equal('Not for use in pregnancy');
    expect(text(row(el, 'Heart rate')[2]!.querySelector('.flag'))).to.equal(
      '⇈ Critically high',
      'the adult range still flags',
    );
    expect(text(root(el).querySelector('[part="pregnancy-note"]'))).to.equal(
      'Pregnancy recorded: NEWS2 is not for use in pregnancy. Use an obstetric early warning score.',
    );
    expect(root(el).querySelector('[part="child-note"]')).to.equal(null);
    await expect(el).to.be.accessible();

    // Entered in error: the set is scored again.
    const [recorded] = await store.history('Condition/pregnancy-1');
    await store.enterInError('Condition/pregnancy-1', recorded!.revisionId, 'wrong patient');
    await waitUntil(() => !root(el).querySelector('[part="pregnancy-note"]'), 'the note stayed');
    expect(
      row(el, 'NEWS2')
        .map(text)
        .every((cell) => /^\d+/.test(cell)),
    ).to.equal(true);
  });

  it('gives no NEWS2 for six weeks after a pregnancy ends, or for the days the host sets', async () => {
    const woman = {
      resourceType: 'Patient',
      id: PATIENT,
      birthDate: '1994-12-21',
      gender: 'female',
    } as const;
    const pregnancy: Condition = {
      resourceType: 'Condition',
      id: 'pregnancy-1',
      subject: { reference: `Patient/${PATIENT}` },
      code: { coding: [{ system: SNOMED, code: '72892002', display: 'Normal pregnancy' }] },
      onsetDateTime: '2024-01-10T09:00:00Z',
      abatementDateTime: '2024-08-01T09:00:00Z',
    };
    const el = await grid(
      await storeWith([
        woman,
        pregnancy,
        ...set(NORMAL, '2024-09-20T08:00:00Z'),
        ...set(NORMAL, '2024-08-20T08:00:00Z'),
        ...set(NORMAL, '2024-08-02T08:00:00Z'),
      ]),
    );
    await ready(el);
    expect(row(el, 'NEWS2').map(text)).to.deep.equal([
      '0 Low risk',
      'Not for use soon after pregnancy',
      'Not for use soon after pregnancy',
    ]);
    expect(text(root(el).querySelector('[part="pregnancy-note"]'))).to.equal(
      'Recent pregnancy: NEWS2 is not used for 42 days after a pregnancy ends. Use an obstetric early warning score.',
    );
    await expect(el).to.be.accessible();

    el.setAttribute('postpartum-days', '7');
    await el.updateComplete;
    expect(row(el, 'NEWS2').map(text)).to.deep.equal([
      '0 Low risk',
      '0 Low risk',
      'Not for use soon after pregnancy',
    ]);
    expect(text(root(el).querySelector('[part="pregnancy-note"]'))).to.contain('for 7 days');

    el.setAttribute('postpartum-days', '0');
    await el.updateComplete;
    expect(row(el, 'NEWS2').map(text)).to.deep.equal(['0 Low risk', '0 Low risk', '0 Low risk']);
    expect(root(el).querySelector('[part="pregnancy-note"]')).to.equal(null);

    el.setAttribute('postpartum-days', 'six weeks');
    await el.updateComplete;
    expect(row(el, 'NEWS2').map(text)).to.deep.equal(
      ['0 Low risk', 'Not for use soon after pregnancy', 'Not for use soon after pregnancy'],
      'not a number: the default',
    );
    expect(text(root(el).querySelector('[part="pregnancy-note"]'))).to.contain('for 42 days');
  });

  it('gives no NEWS2 from a pregnancy status observation of "Pregnant" until a later "Not pregnant"', async () => {
    const woman = {
      resourceType: 'Patient',
      id: PATIENT,
      birthDate: '1994-12-21',
      gender: 'female',
    } as const;
    // The first status is coded locally first, as many systems send it: LOINC second.
    const local = { system: 'http://hospital.example/observation-codes', code: 'PREG-STATUS' };
    const status = (id: string, value: string, at: string, first: Coding[] = []): Observation => ({
      resourceType: 'Observation',
      id,
      status: 'final',
      subject: { reference: `Patient/${PATIENT}` },
      category: [{ coding: [{ system: OBSERVATION_CATEGORY, code: 'social-history' }] }],
      code: { coding: [...first, { system: LOINC, code: '82810-3', display: 'Pregnancy status' }] },
      effectiveDateTime: at,
      valueCodeableConcept: { coding: [{ system: SNOMED, code: value }] },
    });
    const store = await storeWith([
      woman,
      status('status-1', '77386006', '2024-02-01T09:00:00Z', [local]),
      status('status-2', '60001007', '2024-09-20T09:00:00Z'),
      ...set(NORMAL, '2024-11-15T08:00:00Z'),
      ...set(NORMAL, '2024-05-01T08:00:00Z'),
      ...set(NORMAL, '2024-01-15T08:00:00Z'),
    ]);
    const el = await grid(store);
    await ready(el);
    expect(row(el, 'NEWS2').map(text)).to.deep.equal([
      '0 Low risk',
      'Not for use in pregnancy',
      '0 Low risk',
    ]);
    expect(root(el).querySelector('[part="pregnancy-note"]')).not.to.equal(null);
  });

  it('shows no NEWS2 before it knows the patient, their conditions and pregnancy status', async () => {
    const store = await storeWith([
      { resourceType: 'Patient', id: PATIENT, birthDate: '1990-01-01' },
      ...set(NORMAL, '2024-03-01T08:00:00Z'),
    ]);
    // The query never answers, as on a device whose storage hangs on that read.
    const el = await grid(overriding(store, { readingContext: pendingStore().readingContext }));
    await waitUntil(() => root(el).querySelector('.status.pending'), 'not pending');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(root(el).querySelector('table')).to.equal(null);
    expect(text(root(el).querySelector('[part="status"]'))).to.equal('Loading vital signs…');
  });

  it('shows an error, and no values, when the patient, conditions or pregnancy status cannot be read', async () => {
    const store = await storeWith([
      { resourceType: 'Patient', id: PATIENT, birthDate: '2015-01-01' },
      ...set(NORMAL, '2024-03-01T08:00:00Z'),
    ]);
    const failing = failingStore('unavailable', 'The read failed');
    const el = await grid(overriding(store, { readingContext: failing.readingContext }));
    await waitUntil(() => root(el).querySelector('.status.error'), 'no error shown');
    expect(root(el).querySelector('table')).to.equal(null);
    expect(text(root(el).querySelector('.status.error .detail'))).to.contain('The read failed');
  });

  it('takes reference ranges from a property', async () => {
    const el = await grid(
      await storeWith(set({ values: { 'heart-rate': 95 } }, '2024-03-01T08:00:00Z')),
    );
    await ready(el);
    expect(text(row(el, 'Heart rate')[0]!.querySelector('.flag'))).to.equal('↑ High');
    el.ranges = { 'heart-rate': { low: 50, high: 100, source: 'athlete' } };
    await el.updateComplete;
    expect(row(el, 'Heart rate')[0]!.querySelector('.flag')).to.equal(null);
  });

  it('scores NEWS2 per column: the score, the risk band and a 3 in a single parameter', async () => {
    const high: VitalsEntry = {
      ...NORMAL,
      values: {
        ...NORMAL.values,
        'respiratory-rate': 26,
        'heart-rate': 115,
        'inhaled-oxygen-flow': 2,
      },
      onOxygen: true,
    };
    const el = await grid(
      await storeWith([
        ...set(high, '2024-03-01T12:00:00Z'),
        ...set({ values: { 'heart-rate': 70 } }, '2024-03-01T08:00:00Z'),
      ]),
    );
    await ready(el);
    const [newest, partial] = row(el, 'NEWS2');
    expect(text(newest!.querySelector('.score'))).to.equal('7');
    expect(text(newest!.querySelector('.risk'))).to.equal('‼ High risk');
    expect(text(newest!.querySelector('.red'))).to.equal(
      '‼ 3 in a single parameter: respiration rate',
    );
    expect(text(partial)).to.include('Incomplete');
    expect(partial!.querySelector('.score')).to.equal(null);
  });

  it('scores SpO₂ on scale 2 when the attribute says so', async () => {
    const el = await grid(
      await storeWith(
        set(
          { ...NORMAL, values: { ...NORMAL.values, 'oxygen-saturation': 89 } },
          '2024-03-01T08:00:00Z',
        ),
      ),
    );
    await ready(el);
    expect(text(row(el, 'NEWS2')[0]!.querySelector('.score'))).to.equal('3');
    expect(text(row(el, 'SpO₂')[0]!.querySelector('.flag'))).to.equal('⇊ Critically low');
    el.setAttribute('spo2-scale', '2');
    await el.updateComplete;
    expect(text(row(el, 'NEWS2')[0]!.querySelector('.score'))).to.equal('0');
    expect(row(el, 'SpO₂')[0]!.querySelector('.flag')).to.equal(null);
    expect(text(root(el).querySelector('.news2-row th'))).to.equal('NEWS2 (SpO₂ scale 2)');
  });

  it('shows both values of an observation with two heads, flagged, and never picks one', async () => {
    const ada = await storeWith([], DR_ADA);
    const bo = await openTestStore(undefined, NURSE_BO);
    const [rr, ...rest] = set(NORMAL, '2024-03-01T08:00:00Z');
    const first = await ada.record(rr!);
    for (const o of rest) await ada.record(o);
    const segment = observationsDocumentName(PATIENT, '2024-03-01');
    await sendDocument(ada, bo, segment);
    await ada.revise(
      { ...rr!, valueQuantity: { ...rr!.valueQuantity!, value: 18 } },
      first.revisionId,
    );
    await bo.revise(
      { ...rr!, valueQuantity: { ...rr!.valueQuantity!, value: 26 } },
      first.revisionId,
    );
    await sendDocument(bo, ada, segment);

    const el = await grid(ada);
    await waitUntil(
      () => row(el, 'Respiratory rate')[0]?.classList.contains('conflict'),
      'no conflict shown',
    );
    const cell = row(el, 'Respiratory rate')[0]!;
    expect(text(cell.querySelector('.conflict-badge'))).to.equal('⚠ Conflict: 2 versions');
    expect([...cell.querySelectorAll('.reading .value')].map(text).sort()).to.deep.equal([
      '18',
      '26',
    ]);
    expect(text(root(el).querySelector('thead .conflict-badge'))).to.equal('⚠ Conflict');
    const news2 = row(el, 'NEWS2')[0]!;
    expect(text(news2.querySelector('.conflict-badge'))).to.include('Scores differ');
    expect([...news2.querySelectorAll('.score')].map(text).sort()).to.deep.equal(['0', '3']);
    await expect(el).to.be.accessible();
  });

  it('marks the newest set overdue after the interval, in text', async () => {
    const el = await grid(await storeWith(set(NORMAL, Date.now() - 5 * 60 * MINUTE)));
    await ready(el);
    expect(text(root(el).querySelector('.overdue'))).to.match(
      /^◷ Observations overdue: last set 5 h( \d+ min)? ago \(due every 4 h\)\.$/,
    );
    el.overdueMinutes = 360;
    await el.updateComplete;
    expect(root(el).querySelector('.overdue')).to.equal(null);
  });

  it('marks the set overdue an hour after a NEWS2 of 5 or more (RCP Chart 4), counting from the scored set, and says why', async () => {
    const unwell: VitalsEntry = {
      ...NORMAL,
      values: { ...NORMAL.values, 'respiratory-rate': 25, 'heart-rate': 115, temperature: 38.5 },
    };
    const weight: VitalsEntry = { values: { weight: 70 } };
    const store = await storeWith([
      ...set(unwell, Date.now() - 90 * MINUTE),
      ...set(weight, Date.now() - 10 * MINUTE),
    ]);
    const el = await grid(store);
    await ready(el);
    expect(text(row(el, 'NEWS2')[1])).to.match(/^6\b/);
    expect(text(root(el).querySelector('.overdue'))).to.match(
      /^◷ Observations overdue: last NEWS2 set 1 h (29|30|31) min ago; at NEWS2 6 they are due at least every 1 h\.$/,
    );
    await expect(el).to.be.accessible();
    el.overdueMinutes = 0; // the host turns the marker off (an outpatient chart)
    await el.updateComplete;
    expect(root(el).querySelector('.overdue')).to.equal(null);
  });

  it('never marks a set overdue for a patient who has died, nor offers to record one: it says none is due, and when they died', async () => {
    const store = await storeWith([
      { resourceType: 'Patient', id: PATIENT, deceasedDateTime: '1979-11-07' },
      ...set(NORMAL, '1979-09-24T23:11:00Z'),
    ]);
    const el = await grid(store);
    await ready(el);
    await waitUntil(() => root(el).querySelector('.not-due'), 'no word that nothing is due');
    expect(text(root(el).querySelector('[part="not-due"]'))).to.equal(
      'No observations due: the patient died on 7 Nov 1979.',
    );
    expect(root(el).querySelector('.overdue')).to.equal(null);
    expect(
      button(el, 'Record vital signs'),
      'a set is recorded as taken now, after the death',
    ).to.equal(undefined);
    await expect(el).to.be.accessible();

    // Alive (deceasedBoolean false), the same old set is overdue, and a new one can be recorded.
    const [patient] = await store.history(`Patient/${PATIENT}`);
    await store.revise(
      { resourceType: 'Patient', id: PATIENT, deceasedBoolean: false },
      patient!.revisionId,
    );
    await waitUntil(() => root(el).querySelector('.overdue'), 'the marker did not come back');
    expect(root(el).querySelector('.not-due')).to.equal(null);
    expect(button(el, 'Record vital signs')).to.not.equal(undefined);
  });

  it('draws a trend line per row over the columns shown', async () => {
    const el = await grid(
      await storeWith([
        ...set({ values: { 'heart-rate': 90 } }, '2024-03-01T12:00:00Z'),
        ...set({ values: { 'heart-rate': 70 } }, '2024-03-01T08:00:00Z'),
      ]),
    );
    await ready(el);
    const trend = [...root(el).querySelectorAll('emr-vitals-trend')].find((t) =>
      t.label.startsWith('Heart rate'),
    )!;
    expect(trend.label).to.equal('Heart rate trend, oldest to newest: 70, 90');
    await trend.updateComplete;
    expect(trend.shadowRoot!.querySelector('polyline')).to.not.equal(null);
  });

  it('asks the store only for the window it shows, however much the chart holds, and pages by time', async () => {
    const now = Date.now();
    // 24 hours of minute-by-minute heart rate: 1,440 observations.
    const observations = Array.from({ length: 1440 }, (_, i) =>
      set({ values: { 'heart-rate': 60 + (i % 40) } }, now - (i + 1) * MINUTE),
    ).flat();
    const { spy, asked } = spying(await storeWith(observations));
    const el = await grid(spy, 'columns="6"');
    await ready(el);
    expect(columnHeaders(el)).to.have.length(6);
    expect(asked).to.have.length(1);
    expect(asked[0]!.query).to.deep.equal({ limit: 7 * 24 });
    expect(Math.max(...asked.flatMap((a) => a.sizes))).to.equal(7 * 24);

    const firstPage = columnHeaders(el);
    button(el, 'Older')!.click();
    await waitUntil(() => columnHeaders(el)[0] !== firstPage[0] && root(el).querySelector('table'));
    expect(Date.parse(columnHeaders(el)[0]!)).to.be.below(Date.parse(firstPage.at(-1)!));
    expect(asked.at(-1)!.query.to).to.equal(firstPage.at(-1));
    button(el, 'Newer')!.click();
    await waitUntil(() => columnHeaders(el)[0] === firstPage[0]);
    expect(button(el, 'Newest')).to.equal(undefined);
  });

  it('finds the newest sets of a sparse chart in one query, however far apart', async () => {
    const { spy, asked } = spying(
      await storeWith([
        ...set({ values: { weight: 70 } }, '2015-07-15T00:11:58Z'),
        ...set({ values: { weight: 72 } }, '2019-07-24T00:11:58Z'),
      ]),
    );
    const el = await grid(spy);
    await ready(el);
    expect(columnHeaders(el)).to.deep.equal([
      '2019-07-24T00:11:58.000Z',
      '2015-07-15T00:11:58.000Z',
    ]);
    expect(asked.map((a) => a.query)).to.deep.equal([{ limit: 9 * 24 }]);
    expect(button(el, 'Older')?.disabled).to.equal(true, 'nothing older');
  });

  it('reads no more than a page of observations for dense data long past', async () => {
    const ended = Date.now() - 20 * 24 * HOUR;
    // A day of minute-by-minute heart rate that ended 20 days ago, and no `until`.
    const observations = Array.from({ length: 1440 }, (_, i) =>
      set({ values: { 'heart-rate': 60 + (i % 40) } }, ended - i * MINUTE),
    ).flat();
    const { spy, asked } = spying(await storeWith(observations));
    const el = await grid(spy, 'columns="6"');
    await ready(el);
    expect(columnHeaders(el)).to.have.length(6);
    expect(Date.parse(columnHeaders(el)[0]!)).to.equal(ended);
    expect(asked.map((a) => a.query)).to.deep.equal([{ limit: 7 * 24 }]);
    expect(Math.max(...asked.flatMap((a) => a.sizes))).to.equal(7 * 24);
    expect(button(el, 'Older')?.disabled).to.equal(false, 'older sets are there');
  });

  it('ends the newest page at `until`, for a stay that is over, with no overdue marker', async () => {
    const { spy, asked } = spying(
      await storeWith([
        ...set(NORMAL, '2024-03-01T14:00:00Z'),
        ...set(NORMAL, '2024-03-01T12:00:00Z'),
        ...set(NORMAL, '2024-03-01T08:00:00Z'),
      ]),
    );
    const el = await grid(spy, 'until="2024-03-01T13:00:00Z"');
    await ready(el);
    expect(columnHeaders(el)).to.deep.equal([
      '2024-03-01T12:00:00.000Z',
      '2024-03-01T08:00:00.000Z',
    ]);
    expect(asked[0]!.query).to.deep.equal({ to: '2024-03-01T13:00:00.000Z', limit: 9 * 24 });
    expect(root(el).querySelector('.overdue')).to.equal(null);
  });

  it('saves a set whole or not at all: when the store fails, nothing is recorded and the form keeps every value', async () => {
    const store = await storeWith([]);
    // The device is out of space when the set is saved.
    const full = overriding(store, {
      recordAll: () => Promise.reject(new ChartStoreError('quota-exceeded', 'QuotaExceededError')),
    });
    const el = await grid(full);
    await ready(el);
    button(el, 'Record vital signs')!.click();
    await el.updateComplete;
    const form = root(el).querySelector('emr-vitals-form')!;
    await form.updateComplete;
    const field = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    field('heart-rate').value = '72';
    field('temperature').value = '37.2';
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await waitUntil(() => form.shadowRoot!.querySelector('[role=alert]'), 'no error shown');
    expect(text(form.shadowRoot!.querySelector('[role=alert]'))).to.equal(
      'Not saved: nothing of this set was recorded. This device is out of storage space.',
    );
    expect([field('heart-rate').value, field('temperature').value]).to.deep.equal(['72', '37.2']);
    expect(await valueOf(store.vitals(PATIENT))).to.deep.equal([]);
  });

  it('records a set in one transaction: an invalid observation in it leaves the chart untouched', async () => {
    const store = await storeWith([]);
    const [heart, temperature] = set(
      { values: { 'heart-rate': 72, temperature: 37.2 } },
      Date.now(),
    );
    const broken = { ...temperature!, status: 'bogus' } as unknown as Observation;
    const failure = await store.recordAll([heart!, broken]).then(
      () => undefined,
      (error: ChartStoreError) => error,
    );
    expect(failure?.code).to.equal('invalid');
    expect(failure?.message).to.include('resource 2 of 2; nothing was recorded');
    expect(await valueOf(store.vitals(PATIENT))).to.deep.equal([]);
    await store.recordAll([heart!, temperature!]);
    expect(await valueOf(store.vitals(PATIENT))).to.have.length(2);
  });

  it('records a new set through the store after a cancelable emr-vitals-record, as valid FHIR vital signs', async () => {
    const store = await storeWith([]);
    const el = await grid(store);
    await ready(el);
    const toggle = button(el, 'Record vital signs')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const form = root(el).querySelector('emr-vitals-form')!;
    await form.updateComplete;
    await expect(el).to.be.accessible();

    const fired: EmrVitalsRecordEvent[] = [];
    document.addEventListener('emr-vitals-record', (e) => fired.push(e), { once: true });
    const field = (id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    field('heart-rate').value = '72';
    field('systolic-bp').value = '118';
    field('diastolic-bp').value = '76';
    const event = once(el, 'emr-vitals-record');
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    const recorded = await event;
    expect(recorded.cancelable && recorded.bubbles && recorded.composed).to.equal(true);
    expect(recorded.detail.patientId).to.equal(PATIENT);
    const [panel, heart] = recorded.detail.observations;
    expect(panel!.code.coding![0]).to.include({ system: 'http://loinc.org', code: '85354-9' });
    expect(
      panel!.component!.map((c) => [
        c.code.coding![0]!.code,
        c.valueQuantity!.value,
        c.valueQuantity!.code,
      ]),
    ).to.deep.equal([
      ['8480-6', 118, 'mm[Hg]'],
      ['8462-4', 76, 'mm[Hg]'],
    ]);
    expect(heart!.valueQuantity).to.deep.equal({
      value: 72,
      unit: '/min',
      system: 'http://unitsofmeasure.org',
      code: '/min',
    });
    expect(heart!.category![0]!.coding![0]!.code).to.equal('vital-signs');
    expect(heart!.subject).to.deep.equal({ reference: `Patient/${PATIENT}` });
    expect(heart!.effectiveDateTime).to.equal(recorded.detail.effectiveDateTime);

    await waitUntil(
      () => row(el, 'Heart rate')[0] && text(row(el, 'Heart rate')[0]) === '72',
      'the set was not recorded',
    );
    expect(text(row(el, 'Blood pressure')[0])).to.equal('118/76');
    expect(root(el).querySelector('emr-vitals-form')).to.equal(null);
    expect(root(el).activeElement === button(el, 'Record vital signs')).to.equal(true);
    expect(fired.length).to.equal(1);
    expect(text(root(el).querySelector('[role=status]'))).to.match(/^New vital signs at /);
  });

  it('records nothing when the host cancels emr-vitals-record, and keeps the form', async () => {
    const store = await storeWith([]);
    let recorded = 0;
    const counting = overriding(store, {
      record: <R extends FhirResource>(resource: R) => {
        recorded++;
        return store.record(resource);
      },
    });
    const el = await grid(counting);
    await ready(el);
    button(el, 'Record vital signs')!.click();
    await el.updateComplete;
    const form = root(el).querySelector('emr-vitals-form')!;
    await form.updateComplete;
    form.shadowRoot!.querySelector<HTMLInputElement>('#heart-rate')!.value = '72';
    el.addEventListener('emr-vitals-record', (e) => e.preventDefault(), { once: true });
    const event = once(el, 'emr-vitals-record');
    form.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await event).defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(recorded).to.equal(0);
    expect(root(el).querySelector('emr-vitals-form')).to.not.equal(null);
    expect(root(el).querySelector('.status.empty')).to.not.equal(null);
  });

  it('fires no event for a property set or a remote change, and announces a new set politely', async () => {
    const store = await storeWith(set(NORMAL, Date.now() - 10 * MINUTE));
    const el = await grid(store);
    let fired = 0;
    el.addEventListener('emr-vitals-record', () => fired++);
    await ready(el);
    const live = root(el).querySelector('[role=status]')!;
    expect(text(live)).to.equal('');
    el.columns = 3;
    el.spo2Scale = 2;
    await store.record(set({ values: { 'heart-rate': 88 } }, Date.now())[0]!);
    await waitUntil(() => text(row(el, 'Heart rate')[0]) === '88');
    expect(text(live)).to.match(/^New vital signs at /);
    expect(fired).to.equal(0);
  });

  it('renders without side effects: a new set is announced once, however often the grid renders after it', async () => {
    const store = await storeWith(set(NORMAL, Date.now() - 10 * MINUTE));
    const el = await grid(store);
    await ready(el);
    const pure = { mutations: 0, events: [], pending: false };
    expect(await rerender(el, ['emr-vitals-record']), 'a settled grid').to.deep.equal(pure);
    const live = root(el).querySelector('[role=status]')!;
    const said: string[] = [];
    const listening = new MutationObserver(() => said.push(text(live)));
    listening.observe(live, { subtree: true, childList: true, characterData: true });

    await store.record(set({ values: { 'heart-rate': 88 } }, Date.now())[0]!);
    await waitUntil(() => text(row(el, 'Heart rate')[0]) === '88');
    expect(await rerender(el, ['emr-vitals-record']), 'after the new set').to.deep.equal(pure);
    el.postpartumDays = 0; // re-derives every column: still the same news
    await el.updateComplete;
    expect(await rerender(el, ['emr-vitals-record'])).to.deep.equal(pure);
    listening.disconnect();
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/^New vital signs at /);
  });

  it('announces nothing when another patient is shown: their first answer is not news', async () => {
    const store = await storeWith([
      { resourceType: 'Patient', id: PATIENT } as FhirResource,
      { resourceType: 'Patient', id: 'pat-2' } as FhirResource,
      ...set(NORMAL, Date.now() - 3 * HOUR),
      ...set({ values: { 'heart-rate': 91 } }, Date.now() - 10 * MINUTE, 'pat-2'),
    ]);
    const el = await grid(store);
    await ready(el);
    el.patientId = 'pat-2';
    await waitUntil(
      () => text(row(el, 'Heart rate')[0]).startsWith('91'),
      'the second patient never showed',
    );
    expect(text(root(el).querySelector('[role=status]'))).to.equal('');
  });

  it('gives read-only roles no form', async () => {
    const name = uniqueDatabaseName();
    await importBundle(
      await openTestStore(name),
      writeBundle([
        { resourceType: 'Patient', id: PATIENT } as FhirResource,
        ...set(NORMAL, '2024-03-01T08:00:00Z'),
      ]),
    );
    const el = await grid(await openTestStore(name, PATIENT_VIEWER));
    await ready(el);
    expect(root(el).querySelector('table')).to.not.equal(null);
    expect(button(el, 'Record vital signs')).to.equal(undefined);
  });

  it('works from the keyboard: the form opens, Escape closes it, and focus returns', async () => {
    const el = await grid(await storeWith([]));
    await ready(el);
    button(el, 'Record vital signs')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('emr-vitals-form'));
    const form = root(el).querySelector('emr-vitals-form')!;
    await waitUntil(
      () => form.shadowRoot!.activeElement?.id === 'respiratory-rate',
      'focus did not move into the form',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('emr-vitals-form'));
    expect(root(el).activeElement === button(el, 'Record vital signs')).to.equal(true);
  });

  it('shows the newest set beside its labels in a narrow column, unscrolled: labels wrap and the trend column gives way', async () => {
    const now = Date.now();
    const store = await storeWith([
      ...set(NORMAL, now - 2 * HOUR),
      ...set({ values: { 'heart-rate': 88 } }, now - HOUR),
    ]);
    const shownTrends = (el: EmrVitalsGrid) =>
      [...root(el).querySelectorAll<HTMLElement>('.trend')].filter((cell) =>
        cell.checkVisibility(),
      );
    for (const width of [320, 900]) {
      const wrapper = await fixture<HTMLDivElement>(
        `<div style="width: ${width}px"><emr-vitals-grid patient-id="${PATIENT}"></emr-vitals-grid></div>`,
      );
      const el = wrapper.querySelector('emr-vitals-grid')!;
      el.store = store;
      await ready(el);
      const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
      const newest = row(el, 'Heart rate')[0]!;
      expect(text(newest)).to.equal('88');
      expect(newest.getBoundingClientRect().right, `newest set within ${width}px`).to.be.at.most(
        scroller.getBoundingClientRect().right + 0.5,
      );
      expect(scroller.scrollLeft).to.equal(0);
      if (width === 320) {
        expect(shownTrends(el)).to.have.length(0);
        const label = [...root(el).querySelectorAll<HTMLElement>('tbody th')].find((th) =>
          text(th).startsWith('Respiratory rate'),
        )!;
        expect(label.scrollWidth, 'label not cut').to.be.at.most(label.clientWidth + 1);
      } else {
        expect(shownTrends(el).length, 'trend column at full width').to.be.above(0);
      }
      await expect(el).to.be.accessible();
    }
  });

  it('prints the page of columns shown with its range, uncut, and no control or open form', async () => {
    const now = Date.now();
    const el = await grid(
      await storeWith(
        Array.from({ length: 12 }, (_, i) => set(NORMAL, now - (i + 1) * HOUR)).flat(),
      ),
      'columns="12"',
    );
    await ready(el);
    button(el, 'Record')!.click();
    await el.updateComplete;
    const shown = (selector: string) =>
      [...root(el).querySelectorAll<HTMLElement>(selector)].filter((node) =>
        node.checkVisibility(),
      );
    const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
    expect(shown('button, emr-vitals-form').length).to.be.above(0);
    expect(getComputedStyle(scroller).overflowX).to.equal('auto');
    try {
      await emulateMedia({ media: 'print' });
      await waitUntil(() => matchMedia('print').matches, 'print media not applied');
      expect(shown('button, emr-vitals-form')).to.have.length(0);
      expect(getComputedStyle(scroller).overflowX).to.equal('visible');
      expect(shown('.range')).to.have.length(1);
      expect(shown('thead th[part=column-header]')).to.have.length(12);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('takes its theming tokens', async () => {
    const store = await storeWith(set({ values: { 'heart-rate': 150 } }, '2024-03-01T08:00:00Z'));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="--emr-vitals-grid-critical-color: rgb(1, 2, 3)">
        <emr-vitals-grid patient-id=${PATIENT} .store=${store}></emr-vitals-grid>
      </div>`,
    );
    const el = wrapper.querySelector('emr-vitals-grid')!;
    await ready(el);
    expect(getComputedStyle(row(el, 'Heart rate')[0]!.querySelector('.flag')!).color).to.equal(
      'rgb(1, 2, 3)',
    );
  });
});
