import { expect, fixture, html, oneEvent, waitUntil } from '../../test/support/testing.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { writeBundle, type FhirResource, type Observation } from '../../model/index.js';
import { importBundle, type DexieChartStore } from '../../storage/index.js';
import { labChart } from '../../bench/generators/lab-chart.js';
import { syntheaText } from '../../test/support/browser-fixtures.js';
import {
  failingStore,
  importingStore,
  overriding,
  pendingStore,
} from '../../test/support/stand-in-stores.js';
import {
  closeTestStores,
  openTestStore,
  PATIENT_VIEWER,
  storeWithEmptyChart,
} from '../../test/support/test-stores.js';
import './emr-lab-results.js';
import { EmrLabResults } from './lab-results.js';
import type { ChartStore } from '../../model/index.js';

// The lab results on real stores (IndexedDB in Chromium); stand-in stores
// for a storage that hangs or fails, and a chart still importing.

const PATIENT = 'pat-lab';
const UCUM = 'http://unitsofmeasure.org';
const LAB = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
    ],
  },
];

function lab(id: string, at: string, fields: Partial<Observation>): Observation {
  return {
    resourceType: 'Observation',
    id,
    status: 'final',
    category: LAB,
    code: { coding: [{ system: 'http://loinc.org', code: '718-7' }], text: 'Hemoglobin' },
    subject: { reference: `Patient/${PATIENT}` },
    effectiveDateTime: at,
    ...fields,
  } as Observation;
}
const gdl = (value: number) => ({ value, unit: 'g/dL', system: UCUM, code: 'g/dL' });
const HB_RANGE = [
  { low: gdl(12), high: gdl(15.5) },
  { low: gdl(7), high: gdl(20), type: { text: 'critical' } },
];

async function storeWith(resources: FhirResource[]): Promise<DexieChartStore> {
  const store = await openTestStore();
  const patient = {
    resourceType: 'Patient',
    id: PATIENT,
    gender: 'female',
    birthDate: '1970-01-01',
  };
  await importBundle(store, writeBundle([patient as FhirResource, ...resources]));
  return store;
}

/** The element with room for every row (no inner scrolling): the window holds them all. */
async function element(store: ChartStore, patientId = PATIENT): Promise<EmrLabResults> {
  return fixture<EmrLabResults>(
    html`<emr-lab-results
      patient-id=${patientId}
      .store=${store}
      style="--emr-lab-results-max-height: none"
    ></emr-lab-results>`,
  );
}
const root = (el: EmrLabResults) => el.shadowRoot!;
const ready = (el: EmrLabResults) => waitUntil(() => root(el).querySelector('table'), 'the table');
const rowOf = (el: EmrLabResults, name: string) =>
  [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr[data-row]')].find(
    (tr) => tr.querySelector('.test-name')?.textContent?.trim() === name,
  );
const columnOf = (el: EmrLabResults, day: string) =>
  [...root(el).querySelectorAll('thead th[data-time]')].findIndex((th) =>
    th.getAttribute('data-time')!.startsWith(day),
  );
/** The text of a test's cell on a day (column headers hold sortable UTC times). */
function cellText(el: EmrLabResults, name: string, day: string): string | undefined {
  const row = rowOf(el, name);
  const column = columnOf(el, day);
  if (!row || column < 0) return undefined;
  const cells = [...row.querySelectorAll('td:not(.gap)')];
  return cells[column]?.textContent?.replace(/\s+/g, ' ').trim();
}

/** The name of the group whose rows hold the test. */
function groupOf(el: EmrLabResults, name: string): string | undefined {
  let tr = rowOf(el, name)?.previousElementSibling;
  while (tr && !tr.matches('tr.group')) tr = tr.previousElementSibling;
  return tr?.textContent?.trim();
}

/** Reads older results until none is left, as a clinician asks for them. */
async function loadEverything(el: EmrLabResults): Promise<void> {
  await waitUntil(() => {
    const older = root(el).querySelector<HTMLButtonElement>('button.older');
    older?.click();
    return !older && !root(el).querySelector('.more');
  }, 'every result loaded');
}

afterEach(async () => {
  await emulateMedia({ media: 'screen' });
  await closeTestStores();
});

describe('<emr-lab-results>', () => {
  it('is defined', () => {
    expect(customElements.get('emr-lab-results')).to.equal(EmrLabResults);
  });

  it('renders its states: no patient, pending, error, chart not on the device, importing, no results', async () => {
    const none = await fixture<EmrLabResults>(html`<emr-lab-results></emr-lab-results>`);
    expect(root(none).querySelector('.status')!.textContent).to.contain('No patient selected');
    const pending = await element(pendingStore());
    expect(root(pending).querySelector('.status.pending')!.textContent).to.contain(
      'Loading lab results',
    );
    const failing = await element(failingStore('unavailable', 'IndexedDB refused'));
    await waitUntil(() => root(failing).querySelector('.status.error'));
    expect(root(failing).querySelector('.status.error')!.textContent).to.contain(
      'IndexedDB refused',
    );
    await expect(failing).to.be.accessible();
    const importing = await element(importingStore());
    await waitUntil(() => root(importing).querySelector('[data-presence=importing]'));
    const absent = await element(await openTestStore());
    await waitUntil(() => root(absent).querySelector('[data-presence=absent]'));
    expect(root(absent).textContent).not.to.contain('No laboratory results recorded');
    const empty = await element(await storeWithEmptyChart(PATIENT));
    await waitUntil(() => root(empty).querySelector('.status.empty'));
    expect(root(empty).querySelector('.status.empty')!.textContent).to.contain(
      'No laboratory results recorded',
    );
    await expect(empty).to.be.accessible();
  });

  it("shows Synthea's CBC, metabolic and lipid panels as the fixture reports them (Brent Beer)", async () => {
    const store = await openTestStore();
    await importBundle(store, await syntheaText('Brent_Beer'));
    const el = await element(store, 'd0368972-8517-4623-907e-920b04f003b6');
    await waitUntil(
      () => rowOf(el, 'Total Cholesterol'),
      'every row, once the scroller is measured',
    );
    const panels = [...root(el).querySelectorAll('tr.group')].map((tr) => tr.textContent!.trim());
    expect(panels).to.include.members([
      'Basic Metabolic Panel',
      'Complete blood count (hemogram) panel - Blood by Automated count',
      'Lipid Panel',
    ]);
    // Values as reported (every decimal the fixture carries, to 12 significant digits), units written out.
    expect(cellText(el, 'Hemoglobin [Mass/volume] in Blood', '2012-07-11')).to.equal(
      '12.3355029965 g/dL',
    );
    expect(cellText(el, 'Hemoglobin [Mass/volume] in Blood', '2017-07-19')).to.equal(
      '13.8069199032 g/dL',
    );
    expect(
      cellText(el, 'Leukocytes [#/volume] in Blood by Automated count', '2012-07-11'),
    ).to.equal('6.48097838829 ×10³/µL');
    expect(cellText(el, 'Total Cholesterol', '2019-07-24')).to.equal('162.672923607 mg/dL');
    expect(cellText(el, 'Glucose', '2015-07-15')).to.equal('84.0471818443 mg/dL');
    // Synthea sends no reference ranges: no flag is made up.
    expect(rowOf(el, 'Glucose')!.querySelector('.range')!.textContent).to.equal(
      'No reference range',
    );
    expect(root(el).querySelector('.flag')).to.equal(null);
    // Newest first.
    const times = [...root(el).querySelectorAll('thead th[data-time]')].map((th) =>
      th.getAttribute('data-time')!,
    );
    expect(times).to.deep.equal([...times].sort().reverse());
    await expect(el).to.be.accessible();
  });

  it("shows coded results in words, never crashing, and keeps tests of one code apart (Vito Feeney's urinalysis)", async () => {
    const store = await openTestStore();
    await importBundle(store, await syntheaText('Vito_Feeney'));
    const el = await element(store, '9efca32a-04f9-438a-990c-a287e8b62aac');
    await ready(el);
    const search = root(el).querySelector<HTMLInputElement>('input.search')!;
    search.value = 'urine';
    search.dispatchEvent(new Event('input'));
    await waitUntil(() => rowOf(el, 'Odor of Urine'));
    expect(cellText(el, 'Appearance of Urine', '1972-05-08')).to.equal('Cloudy urine (finding)');
    expect(cellText(el, 'Odor of Urine', '1972-05-08')).to.equal(
      'Urine smell ammoniacal (finding)',
    );
    expect(cellText(el, 'Color of Urine', '1972-05-08')).to.equal('Brown color (qualifier value)');
  });

  it('shows an error, and no results, when the patient cannot be read: their sex and age choose the ranges', async () => {
    const store = await storeWith([
      lab('hb-1', '2024-03-01T08:00:00Z', { valueQuantity: gdl(11) }),
    ]);
    const failing = failingStore('unavailable', 'The patient could not be read');
    const withoutPatient = overriding(store, { patient: failing.patient });
    const el = await element(withoutPatient);
    await waitUntil(() => root(el).querySelector('.status.error'), 'no error shown');
    expect(root(el).querySelector('.status.error')!.textContent).to.contain(
      'The patient could not be read',
    );
    expect(root(el).querySelector('table')).to.equal(null);
  });

  it('flags values by text and icon, from the interpretation first, then the range for the patient', async () => {
    const store = await storeWith([
      lab('hb1', '2024-03-01T09:00:00Z', { valueQuantity: gdl(11.1), referenceRange: HB_RANGE }),
      lab('hb2', '2024-02-01T09:00:00Z', { valueQuantity: gdl(6.5), referenceRange: HB_RANGE }),
      lab('hb3', '2024-01-01T09:00:00Z', {
        valueQuantity: gdl(13),
        referenceRange: HB_RANGE,
        interpretation: [
          {
            coding: [
              {
                system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
                code: 'H',
              },
            ],
          },
        ],
      }),
      lab('k1', '2024-03-01T09:00:00Z', {
        code: { text: 'Troponin I' },
        valueQuantity: { value: 0.01, comparator: '<', unit: 'ug/L', system: UCUM, code: 'ug/L' },
        referenceRange: [{ high: { value: 0.04, unit: 'ug/L', system: UCUM, code: 'ug/L' } }],
      }),
      lab('c1', '2024-03-01T09:00:00Z', {
        code: { text: 'Blood culture' },
        valueCodeableConcept: { coding: [{ code: '10828004' }] },
      }),
      lab('a1', '2024-03-01T09:00:00Z', {
        code: { text: 'Potassium' },
        dataAbsentReason: {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/data-absent-reason', code: 'error' },
          ],
        },
      }),
    ]);
    const el = await element(store);
    await ready(el);
    expect(cellText(el, 'Hemoglobin', '2024-03-01')).to.equal('11.1 g/dL ↓ Low');
    expect(cellText(el, 'Hemoglobin', '2024-02-01')).to.equal('6.5 g/dL ⇊ Critically low');
    expect(cellText(el, 'Hemoglobin', '2024-01-01')).to.equal('13 g/dL ↑ High');
    expect(cellText(el, 'Troponin I', '2024-03-01')).to.equal('<0.01 mcg/L');
    expect(cellText(el, 'Blood culture', '2024-03-01')).to.equal('code 10828004');
    expect(cellText(el, 'Potassium', '2024-03-01')).to.equal('Not reported: error');
    expect(rowOf(el, 'Hemoglobin')!.querySelector('.range')!.textContent).to.equal(
      'Range 12 to 15.5 g/dL',
    );
    expect(
      rowOf(el, 'Hemoglobin')!.closest('tbody')!.querySelector('tr.group')!.textContent!.trim(),
      'a result no report holds, under its LOINC class',
    ).to.equal('Hematology/Cell counts');
    await expect(el).to.be.accessible();
  });

  it('marks a corrected result, and its revisions open from it, by keyboard too', async () => {
    const store = await storeWith([
      lab('hb1', '2024-03-01T09:00:00Z', { valueQuantity: gdl(11.1), referenceRange: HB_RANGE }),
    ]);
    const [head] = (await store.history('Observation/hb1')).slice(-1);
    await store.revise(
      lab('hb1', '2024-03-01T09:00:00Z', {
        status: 'corrected',
        valueQuantity: gdl(13.1),
        referenceRange: HB_RANGE,
      }),
      head!.revisionId,
      { reason: 'sample re-run' },
    );
    const el = await element(store);
    await waitUntil(() => cellText(el, 'Hemoglobin', '2024-03-01') === '13.1 g/dL Corrected');
    const value = root(el).querySelector<HTMLButtonElement>('button.value')!;
    value.focus();
    const selected = oneEvent(el, 'emr-lab-result-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.detail).to.deep.equal({ patientId: PATIENT, key: 'Observation/hb1' });
    await waitUntil(() => root(el).querySelectorAll('.revisions li').length === 2);
    const revisions = [...root(el).querySelectorAll('.revisions li')].map((li) =>
      li.textContent!.replace(/\s+/g, ' '),
    );
    expect(revisions[0]).to.contain('11.1 g/dL (final)');
    expect(revisions[1]).to.contain('13.1 g/dL (corrected)').and.to.contain('sample re-run');
    await expect(el).to.be.accessible();
  });

  it('opens nothing of its own when the host cancels the select event', async () => {
    const store = await storeWith([lab('hb1', '2024-03-01T09:00:00Z', { valueQuantity: gdl(13) })]);
    const el = await element(store);
    await ready(el);
    let fired = 0;
    el.addEventListener('emr-lab-result-select', (event) => {
      fired++;
      event.preventDefault();
    });
    root(el).querySelector<HTMLButtonElement>('button.value')!.click();
    await el.updateComplete;
    expect(fired).to.equal(1);
    expect(root(el).querySelector('.detail')).to.equal(null);
  });

  it('groups results under the report that holds them, and filters by panel, abnormal only, time range and name', async () => {
    const resources = labChart({
      patientId: PATIENT,
      months: 14,
      panels: 3,
      testsPerPanel: 4,
      seed: 7,
    });
    const store = await openTestStore();
    await importBundle(store, writeBundle(resources));
    const el = await element(store);
    await ready(el);
    const groups = () =>
      [...root(el).querySelectorAll('tr.group')].map((tr) => tr.textContent!.trim());
    expect(groups()).to.deep.equal(['Generated panel 1', 'Generated panel 2', 'Generated panel 3']);
    const set = async (selector: string, value: string) => {
      const control = root(el).querySelector<HTMLSelectElement>(selector)!;
      control.value = value;
      control.dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await set('select.panel', 'panel-1');
    expect(groups()).to.deep.equal(['Generated panel 2']);
    await set('select.panel', '');
    await set('select.span', 'month');
    expect(root(el).querySelectorAll('thead th[data-time]').length).to.equal(2);
    await set('select.span', 'all');
    await emulateMedia({ media: 'print' }); // every column, not only those on screen
    await waitUntil(() => root(el).querySelectorAll('thead th[data-time]').length === 14);
    await emulateMedia({ media: 'screen' });
    const abnormal = root(el).querySelector<HTMLInputElement>('input.abnormal-only')!;
    abnormal.click();
    await el.updateComplete;
    const flagged = resources.filter(
      (r): r is Observation =>
        r.resourceType === 'Observation' &&
        (r.valueQuantity!.value! < r.referenceRange![0]!.low!.value! ||
          r.valueQuantity!.value! > r.referenceRange![0]!.high!.value!),
    );
    const names = new Set(flagged.map((o) => o.code.text));
    const shown = [...root(el).querySelectorAll('.test-name')].map((b) => b.textContent!.trim());
    expect(new Set(shown)).to.deep.equal(names);
    abnormal.click();
    const search = root(el).querySelector<HTMLInputElement>('input.search')!;
    search.value = 'test 2.3';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(
      [...root(el).querySelectorAll('.test-name')].map((b) => b.textContent!.trim()),
    ).to.deep.equal(['Generated test 2.3']);
    search.value = 'no such test';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(root(el).querySelector('.status.empty')!.textContent).to.contain('No results match');
  });

  it('groups results no report holds by their LOINC class, else under Other tests, and the panel filter offers the class (Vito Feeney, sent without his reports)', async () => {
    // An EHR that sends results without the reports that hold them: Synthea's own bundle, reports left out.
    const bundle = JSON.parse(await syntheaText('Vito_Feeney')) as {
      entry: Array<{ resource: FhirResource }>;
    };
    bundle.entry = bundle.entry.filter((e) => e.resource.resourceType !== 'DiagnosticReport');
    const store = await openTestStore();
    await importBundle(store, bundle);
    const el = await element(store, '9efca32a-04f9-438a-990c-a287e8b62aac');
    await ready(el);
    const search = async (text: string) => {
      const input = root(el).querySelector<HTMLInputElement>('input.search')!;
      input.value = text;
      input.dispatchEvent(new Event('input'));
      await el.updateComplete;
    };
    await search('clarity');
    await waitUntil(() => rowOf(el, 'Clarity of Urine'), 'the clarity row');
    expect(groupOf(el, 'Clarity of Urine')).to.equal('Specimen characteristics');
    expect(cellText(el, 'Clarity of Urine', '1972-05-08')).to.equal(
      'Translucent (qualifier value)',
    );
    await search('A1c');
    await waitUntil(() => rowOf(el, 'Hemoglobin A1c/Hemoglobin.total in Blood'), 'the HbA1c row');
    expect(groupOf(el, 'Hemoglobin A1c/Hemoglobin.total in Blood')).to.equal(
      'Hematology/Cell counts',
    );
    // The newest result, on screen first (newest first).
    expect(cellText(el, 'Hemoglobin A1c/Hemoglobin.total in Blood', '1979-09-24')).to.equal(
      '3.01432960445%',
    );
    await search('glomerular');
    await waitUntil(() => rowOf(el, 'Estimated Glomerular Filtration Rate'), 'the eGFR row');
    expect(groupOf(el, 'Estimated Glomerular Filtration Rate')).to.equal('Chemistry');
    // Urine colour's class is not in the kit's table: it stays under Other tests.
    await search('color');
    await waitUntil(() => rowOf(el, 'Color of Urine'), 'the urine colour row');
    expect(groupOf(el, 'Color of Urine')).to.equal('Other tests');
    expect(cellText(el, 'Color of Urine', '1972-09-04')).to.equal('Brown color (qualifier value)');
    await search('');
    const panel = root(el).querySelector<HTMLSelectElement>('select.panel')!;
    const options = [...panel.options].map((o) => [o.value, o.textContent!.trim()]);
    expect(options).to.deep.include(['class:SPEC', 'Specimen characteristics']);
    expect(options).to.deep.include(['class:HEM/BC', 'Hematology/Cell counts']);
    expect(options.at(-1)).to.deep.equal(['other', 'Other tests']);
    panel.value = 'class:SPEC';
    panel.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(
      [...root(el).querySelectorAll('tr.group')].map((tr) => tr.textContent!.trim()),
    ).to.deep.equal(['Specimen characteristics']);
    expect(cellText(el, 'Clarity of Urine', '1972-05-08')).to.equal(
      'Translucent (qualifier value)',
    );
    await expect(el).to.be.accessible();
  });

  it('closes the trend with Escape and puts focus back on the test that opened it', async () => {
    const store = await storeWith([
      lab('hb1', '2024-03-01T09:00:00Z', { valueQuantity: gdl(11.1), referenceRange: HB_RANGE }),
      lab('hb2', '2024-02-01T09:00:00Z', { valueQuantity: gdl(12.4), referenceRange: HB_RANGE }),
    ]);
    const el = await element(store);
    await ready(el);
    const name = () => rowOf(el, 'Hemoglobin')!.querySelector<HTMLButtonElement>('.test-name')!;
    name().focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.trend-chart'), 'the trend');
    expect(name().getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !root(el).querySelector('.trend'), 'the trend closed');
    expect(name().getAttribute('aria-pressed')).to.equal('false');
    expect(root(el).activeElement).to.equal(name());
    // Its close button does the same.
    name().click();
    await waitUntil(() => root(el).querySelector('.trend button.close'), 'the trend again');
    root(el).querySelector<HTMLButtonElement>('.trend button.close')!.click();
    await waitUntil(() => !root(el).querySelector('.trend'), 'the trend closed again');
    expect(root(el).activeElement).to.equal(name());
  });

  it('draws the trend of a chosen test over 1 week to all, with its range band and a text and table fallback', async () => {
    const store = await storeWith([
      lab('hb1', '2024-03-01T09:00:00Z', { valueQuantity: gdl(11.1), referenceRange: HB_RANGE }),
      lab('hb2', '2024-02-27T09:00:00Z', { valueQuantity: gdl(12.4), referenceRange: HB_RANGE }),
      lab('hb3', '2023-12-01T09:00:00Z', { valueQuantity: gdl(13), referenceRange: HB_RANGE }),
      lab('hb4', '2020-01-01T09:00:00Z', { valueQuantity: gdl(14), referenceRange: HB_RANGE }),
    ]);
    const el = await element(store);
    await ready(el);
    const name = rowOf(el, 'Hemoglobin')!.querySelector<HTMLButtonElement>('.test-name')!;
    name.click();
    await waitUntil(() => root(el).querySelector('.trend-chart'));
    expect(name.getAttribute('aria-pressed')).to.equal('true');
    const points = () => root(el).querySelectorAll('.trend-chart circle').length;
    expect(points()).to.equal(4);
    expect(root(el).querySelector('.trend-chart .band')).not.to.equal(null);
    const summary = root(el).querySelector('.trend-summary')!.textContent!;
    expect(summary)
      .to.contain('Hemoglobin: 4 results')
      .and.to.contain('latest 11.1 g/dL (Low)')
      .and.to.contain('Reference range 12 to 15.5 g/dL');
    expect(root(el).querySelector('.trend-chart')!.getAttribute('aria-label')).to.equal(summary);
    const span = async (s: string) => {
      root(el).querySelector<HTMLButtonElement>(`button[data-span=${s}]`)!.click();
      await el.updateComplete;
    };
    await span('week');
    expect(points()).to.equal(2);
    await span('month');
    expect(points()).to.equal(2);
    await span('year');
    expect(points()).to.equal(3);
    await span('five-years');
    expect(points()).to.equal(4);
    expect(root(el).querySelectorAll('.trend-values tbody tr').length).to.equal(4);
    await expect(el).to.be.accessible();
  });

  it('renders only the rows and columns on screen, and the rest as the table scrolls', async () => {
    const store = await openTestStore();
    await importBundle(
      store,
      writeBundle(labChart({ patientId: PATIENT, months: 8, panels: 8, testsPerPanel: 10 })),
    );
    const el = await fixture<EmrLabResults>(
      html`<emr-lab-results
        patient-id=${PATIENT}
        .store=${store}
        style="--emr-lab-results-max-height: 400px; inline-size: 500px"
      ></emr-lab-results>`,
    );
    await ready(el);
    const rendered = () => root(el).querySelectorAll('tbody tr[data-row]').length;
    const columns = () => root(el).querySelectorAll('thead th[data-time]').length;
    await waitUntil(() => rendered() < 30, 'a window of rows once measured');
    expect(rendered()).to.be.greaterThan(5);
    expect(columns()).to.be.lessThan(8);
    expect(rowOf(el, 'Generated test 1.1')).not.to.equal(undefined);
    const scroller = root(el).querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    await waitUntil(() => rowOf(el, 'Generated test 8.10'), 'the last rows after scrolling');
    expect(rowOf(el, 'Generated test 1.1')).to.equal(undefined);
    await loadEverything(el);
    await waitUntil(() => {
      scroller.scrollLeft = scroller.scrollWidth;
      return columnOf(el, '2015-01-05') >= 0;
    }, 'the oldest column after scrolling');
  });

  it('prints the whole table loaded', async () => {
    const store = await openTestStore();
    await importBundle(
      store,
      writeBundle(labChart({ patientId: PATIENT, months: 12, panels: 8, testsPerPanel: 10 })),
    );
    const el = await fixture<EmrLabResults>(
      html`<emr-lab-results
        patient-id=${PATIENT}
        .store=${store}
        style="--emr-lab-results-max-height: 300px"
      ></emr-lab-results>`,
    );
    await ready(el);
    await loadEverything(el);
    await waitUntil(() => root(el).querySelectorAll('tbody tr[data-row]').length < 80);
    await emulateMedia({ media: 'print' });
    await waitUntil(() => root(el).querySelectorAll('tbody tr[data-row]').length === 80);
    expect(root(el).querySelectorAll('thead th[data-time]').length).to.equal(12);
    expect(getComputedStyle(root(el).querySelector('.toolbar')!).display).to.equal('none');
  });

  it('shows a read-only user the same table, with no form', async () => {
    const store = await openTestStore(undefined, PATIENT_VIEWER);
    const el = await element(store);
    await waitUntil(() => root(el).querySelector('[data-presence=absent]'));
    expect(root(el).querySelector('form')).to.equal(null);
  });
});
