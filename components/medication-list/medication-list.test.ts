import { expect, fixture, html, waitUntil as waitFor } from '../../test/support/testing.js';
import { rerender } from '../../test/support/rerender.js';
import { ContextProvider } from '@lit/context';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  chartStoreContext,
  type ChartStore,
  type Medication,
  type MedicationRequest,
  type MedicationStatement,
  type ResourceKey,
} from '../../model/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import { failingStore, overriding, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  concurrentRevisions,
  DR_NAIDOO,
  everySection,
  MEDICATION_PATIENT as PATIENT,
  NURSE_KEMP,
  prescription,
  statement,
} from '../../test/support/charts/medications.js';
import {
  closeTestStores,
  openTestStore,
  PATIENT_VIEWER,
  storeWithEmptyChart,
  uniqueDatabaseName,
  valueOf,
} from '../../test/support/test-stores.js';
import './emr-medication-list.js';
import { EmrMedicationList } from './medication-list.js';
import type {
  EmrMedicationConflictResolveEvent,
  EmrMedicationDiscontinueEvent,
  EmrMedicationDoseChangeEvent,
} from './medication-list.events.js';

// Store writes go through IndexedDB: give them time on a busy machine.
const waitUntil = (predicate: () => unknown, message?: string) =>
  waitFor(predicate, message, { timeout: 5_000 });

// Helpers over the element's shadow root.
const root = (el: EmrMedicationList) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const item = (el: EmrMedicationList, key: string) =>
  root(el).querySelector<HTMLElement>(`[data-key="${key}"]`);
const keysIn = (el: EmrMedicationList, section: string) =>
  [...root(el).querySelectorAll<HTMLElement>(`[data-section="${section}"] [part="item"]`)].map(
    (li) => li.dataset.key,
  );
const action = (el: EmrMedicationList, key: string, name: string) =>
  item(el, key)?.querySelector<HTMLButtonElement>(`[data-action="${name}"]`) ?? null;
const click = async (el: EmrMedicationList, key: string, name: string) => {
  await waitUntil(() => action(el, key, name), `no ${name} button for ${key}`);
  action(el, key, name)!.click();
  await el.updateComplete;
};
const input = (el: EmrMedicationList, selector: string) =>
  root(el).querySelector<HTMLInputElement & HTMLSelectElement>(`.form ${selector}`)!;
const type = async (el: EmrMedicationList, selector: string, value: string) => {
  const field = input(el, selector);
  field.value = value;
  field.dispatchEvent(new Event(field.tagName === 'SELECT' ? 'change' : 'input'));
  await el.updateComplete;
};
const submit = async (el: EmrMedicationList) => {
  root(el).querySelector<HTMLButtonElement>('.form button[type="submit"]')!.click();
  await el.updateComplete;
};
/** The line of details under a medication: status · dates · who prescribed or reported it. */
const details = (el: EmrMedicationList, key: string) =>
  text(item(el, key)!.querySelector('.details'));
const status = (el: EmrMedicationList) => text(root(el).querySelector('[role="status"]'));

/** Every event the list fires, by name. */
function recordEvents(el: HTMLElement) {
  const seen = {
    discontinue: [] as EmrMedicationDiscontinueEvent[],
    dose: [] as EmrMedicationDoseChangeEvent[],
    resolve: [] as EmrMedicationConflictResolveEvent[],
  };
  el.addEventListener('emr-medication-discontinue', (e) => seen.discontinue.push(e));
  el.addEventListener('emr-medication-dose-change', (e) => seen.dose.push(e));
  el.addEventListener('emr-medication-conflict-resolve', (e) => seen.resolve.push(e));
  return seen;
}

async function chart(medications: Medication[], store?: DexieChartStore) {
  const opened = store ?? (await openTestStore());
  for (const medication of medications) await opened.record(medication);
  return opened;
}

async function list(
  store: ChartStore | undefined,
  patientId = PATIENT,
): Promise<EmrMedicationList> {
  const el = await fixture<EmrMedicationList>(
    html`<emr-medication-list .store=${store} patient-id=${patientId}></emr-medication-list>`,
  );
  if (store)
    await waitUntil(
      () =>
        !root(el).querySelector('.state') ||
        text(root(el).querySelector('.state')) !== 'Loading medications…',
    );
  return el;
}

const headOf = async (store: ChartStore, key: ResourceKey) =>
  (await valueOf(store.medications(PATIENT))).find((record) => record.key === key)!;

describe('emr-medication-list', () => {
  afterEach(closeTestStores);

  it('is defined as emr-medication-list', () => {
    expect(customElements.get('emr-medication-list')).to.equal(EmrMedicationList);
  });

  it('maps patient-id to patientId, takes the store as a property or from context', async () => {
    const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
    const el = await list(store);
    expect(el.patientId).to.equal(PATIENT);
    el.patientId = 'someone-else';
    await el.updateComplete;
    expect(el.getAttribute('patient-id')).to.equal('someone-else');
    // Nothing of that patient's chart is on this device: not "no medications recorded".
    await waitUntil(() =>
      text(root(el)).includes('This patient’s chart is not on this device yet.'),
    );

    const host = await fixture<HTMLDivElement>(
      html`<div><emr-medication-list patient-id=${PATIENT}></emr-medication-list></div>`,
    );
    new ContextProvider(host, { context: chartStoreContext, initialValue: store });
    const child = host.querySelector('emr-medication-list')!;
    child.remove();
    host.append(child);
    await waitUntil(
      () => item(child, 'MedicationRequest/med-1'),
      'the store from context was not used',
    );
    expect(child.store).to.equal(store);
  });

  it('says when a patient who has died still has medications recorded as active or on hold', async () => {
    const store = await chart([
      prescription('med-1', 'Metformin', 500, 'mg'),
      prescription('med-2', 'Warfarin', 3, 'mg', { status: 'on-hold' }),
      prescription('med-3', 'Amoxicillin', 500, 'mg', { status: 'stopped' }),
    ]);
    const el = await list(store);
    await waitUntil(() => item(el, 'MedicationRequest/med-1'));
    expect(text(root(el).querySelector('[part="died-notice"]'))).to.equal('', 'alive: no notice');

    await store.record({
      resourceType: 'Patient',
      id: PATIENT,
      deceasedDateTime: '2024-03-01T10:00:00Z',
    });
    await waitUntil(
      () => root(el).querySelector('[part="died-notice"]'),
      'no notice once the patient has died',
    );
    expect(text(root(el).querySelector('[part="died-notice"]'))).to.equal(
      'The patient died on 1 Mar 2024, but 2 medications are still recorded as active or on hold.',
    );
    await expect(el).to.be.accessible();

    for (const key of ['MedicationRequest/med-1', 'MedicationRequest/med-2'] as const) {
      const head = await headOf(store, key);
      await store.revise({ ...head.current, status: 'stopped' }, head.heads[0]!.revisionId);
    }
    await waitUntil(
      () => !root(el).querySelector('[part="died-notice"]'),
      'the notice stays once nothing is current',
    );
  });

  it('lists the medications, and says a death cannot be known, when the patient cannot be read', async () => {
    const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
    const failing = failingStore('unavailable', 'The patient could not be read');
    const withoutPatient = overriding(store, { patient: failing.patient });
    const el = await list(withoutPatient);
    await waitUntil(() => root(el).querySelector('[part="died-notice"]'), 'nothing said');
    expect(item(el, 'MedicationRequest/med-1')).to.not.equal(null);
    expect(text(root(el).querySelector('[part="died-notice"]'))).to.equal(
      'The patient record could not be read (The patient could not be read): whether the patient has died is not known.',
    );
  });

  it('sorts medications into Active, Not started, On hold and Past; entered-in-error is not listed', async () => {
    const store = await chart(everySection());
    const el = await list(store);
    await waitUntil(() => item(el, 'MedicationRequest/med-hydroxyzine'));
    expect(keysIn(el, 'active')).to.have.members([
      'MedicationRequest/med-hydroxyzine',
      'MedicationRequest/med-heparin',
      'MedicationStatement/med-levothyroxine',
    ]);
    expect(keysIn(el, 'not-started')).to.deep.equal(['MedicationRequest/med-prednisone']);
    expect(keysIn(el, 'on-hold')).to.deep.equal(['MedicationRequest/med-warfarin']);
    expect(keysIn(el, 'past')).to.deep.equal([
      'MedicationRequest/med-amoxicillin',
      'MedicationRequest/med-metformin',
    ]);
    expect(item(el, 'MedicationRequest/med-wrong')).to.equal(null);
    expect(text(root(el).querySelector('#section-past'))).to.equal('Past (2)');
    expect(text(item(el, 'MedicationRequest/med-prednisone'))).to.include(
      'Draft: not yet authorised',
    );
    const offered = (key: string) =>
      [...item(el, key)!.querySelectorAll<HTMLElement>('[data-action]')].map(
        (b) => b.dataset.action,
      );
    expect(offered('MedicationRequest/med-warfarin')).to.deep.equal([
      'dose',
      'discontinue',
      'history',
    ]);
    expect(offered('MedicationRequest/med-prednisone')).to.deep.equal(['history']);
    expect(offered('MedicationRequest/med-metformin')).to.deep.equal(['history']);
    await expect(el).to.be.accessible();
  });

  it('writes each medication line with the clinical rules: tall man, numbers, route, frequency, as needed, dates, prescriber', async () => {
    const store = await chart([
      prescription('med-1', 'Hydroxyzine', 25, 'mg', { frequency: 3, asNeededFor: 'Itching' }),
      prescription('med-2', 'Heparin', 5000, '[iU]', { frequency: 2 }),
      statement('med-3', 'Levothyroxine', 0.1, 'mg'),
    ]);
    const el = await list(store);
    await waitUntil(() => item(el, 'MedicationStatement/med-3'));
    expect(text(item(el, 'MedicationRequest/med-1')!.querySelector('[part="line"]'))).to.equal(
      'hydrOXYzine 25 mg orally three times daily as needed for itching',
    );
    expect(text(item(el, 'MedicationRequest/med-2')!.querySelector('[part="line"]'))).to.equal(
      'Heparin 5,000 units orally twice daily',
    );
    expect(text(item(el, 'MedicationStatement/med-3')!.querySelector('[part="line"]'))).to.equal(
      'Levothyroxine 0.1 mg orally once daily',
    );
    expect(details(el, 'MedicationRequest/med-1')).to.equal(
      'Active · from 1 Feb 2024 · prescribed by Dr Priya Naidoo',
    );
    expect(details(el, 'MedicationStatement/med-3')).to.equal(
      'Active · from 1 Jun 2023 · reported by the patient',
    );
  });

  it('gives the dates as a period: from the start while it goes on, to the end when there is one, and says when a past one has none', async () => {
    const stopped = prescription('med-1', 'Amoxicillin', 500, 'mg', {
      status: 'stopped',
      authoredOn: '2020-07-08T09:00:00Z',
    });
    const course: MedicationRequest = {
      ...prescription('med-2', 'Prednisone', 40, 'mg', { status: 'completed' }),
      dosageInstruction: [
        {
          ...prescription('med-2', 'Prednisone', 40, 'mg').dosageInstruction![0]!,
          timing: {
            repeat: {
              frequency: 1,
              period: 1,
              periodUnit: 'd',
              boundsPeriod: { start: '2020-07-08', end: '2020-08-10' },
            },
          },
        },
      ],
    };
    const el = await list(await chart([stopped, course]));
    await waitUntil(() => item(el, 'MedicationRequest/med-2'));
    expect(details(el, 'MedicationRequest/med-1')).to.equal(
      'Stopped · from 8 Jul 2020, end not recorded · prescribed by Dr Priya Naidoo',
    );
    expect(details(el, 'MedicationRequest/med-2')).to.equal(
      'Completed · 8 Jul 2020 to 10 Aug 2020 · prescribed by Dr Priya Naidoo',
    );
  });

  it('names the prescriber by display, else identifier, and says so when the record names none (a bare reference names no one)', async () => {
    const bare: MedicationRequest = {
      ...prescription('med-1', 'Metformin', 500, 'mg'),
      requester: { reference: 'Practitioner/03dfaa2f-a54b' },
    };
    const byNumber: MedicationRequest = {
      ...prescription('med-2', 'Ramipril', 5, 'mg'),
      requester: { identifier: { value: 'GMC 7012345' } },
    };
    const el = await list(await chart([bare, byNumber]));
    await waitUntil(() => item(el, 'MedicationRequest/med-2'));
    expect(details(el, 'MedicationRequest/med-1')).to.equal(
      'Active · from 1 Feb 2024 · prescriber not named',
    );
    expect(details(el, 'MedicationRequest/med-2')).to.equal(
      'Active · from 1 Feb 2024 · prescribed by GMC 7012345',
    );
  });

  it('renders idle, pending, empty and error states, never a blank box', async () => {
    const idle = await fixture<EmrMedicationList>(
      html`<emr-medication-list></emr-medication-list>`,
    );
    expect(text(root(idle))).to.include('No patient chart is connected.');
    const pending = await fixture<EmrMedicationList>(
      html`<emr-medication-list .store=${pendingStore()} patient-id="p"></emr-medication-list>`,
    );
    expect(text(root(pending))).to.include('Loading medications…');
    const empty = await list(await storeWithEmptyChart(PATIENT));
    await waitUntil(() => text(root(empty)).includes('No medications recorded.'));
    await expect(empty).to.be.accessible();
    const failing = await fixture<EmrMedicationList>(
      html`<emr-medication-list
        .store=${failingStore('unavailable', 'Storage is switched off.')}
        patient-id="p"
      ></emr-medication-list>`,
    );
    await waitUntil(() =>
      text(root(failing)).includes('Medications could not be loaded: Storage is switched off.'),
    );
    await expect(failing).to.be.accessible();
  });

  it('renders without side effects: rendered again, nothing changes and ids stay; a new medication gets a new one', async () => {
    const store = await chart([
      prescription('med-1', 'Metformin', 500, 'mg'),
      prescription('med-2', 'Ramipril', 5, 'mg'),
    ]);
    const el = await list(store);
    const events = [
      'emr-medication-discontinue',
      'emr-medication-dose-change',
      'emr-medication-conflict-resolve',
    ];
    expect(await rerender(el, events), 'a settled list').to.deep.equal({
      mutations: 0,
      events: [],
      pending: false,
    });
    // An open history is named by the record's id: given once, not by rendering.
    await click(el, 'MedicationRequest/med-2', 'history');
    const history = () =>
      action(el, 'MedicationRequest/med-2', 'history')!.getAttribute('aria-controls');
    await waitUntil(() => history() && root(el).getElementById(history()!)?.querySelector('li'));
    const id = history();
    expect(await rerender(el, events), 'with a history open').to.deep.equal({
      mutations: 0,
      events: [],
      pending: false,
    });
    await store.record(prescription('med-0', 'Amlodipine', 5, 'mg'));
    await waitUntil(() => item(el, 'MedicationRequest/med-0'));
    expect(history()).to.equal(id);
  });

  it('fires no event when properties are set or the data changes remotely', async () => {
    const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
    const el = await fixture<EmrMedicationList>(html`<emr-medication-list></emr-medication-list>`);
    const seen = recordEvents(el);
    el.store = store;
    el.patientId = PATIENT;
    await waitUntil(() => item(el, 'MedicationRequest/med-1'));
    const head = await headOf(store, 'MedicationRequest/med-1');
    await store.revise(prescription('med-1', 'Metformin', 750, 'mg'), head.heads[0]!.revisionId);
    await waitUntil(() => text(item(el, 'MedicationRequest/med-1')).includes('750 mg'));
    expect([seen.discontinue, seen.dose, seen.resolve].flat()).to.have.length(0);
    expect(status(el)).to.equal('');
  });

  describe('discontinue', () => {
    it('asks once more, fires one emr-medication-discontinue and writes a stopped revision', async () => {
      const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
      const el = await list(store);
      const seen = recordEvents(el);
      const revisionId = (await headOf(store, 'MedicationRequest/med-1')).heads[0]!.revisionId;
      await click(el, 'MedicationRequest/med-1', 'discontinue');
      expect(seen.discontinue).to.have.length(0);
      await type(el, 'input', 'Kidney function falling');
      await expect(el).to.be.accessible();
      await submit(el);
      expect(seen.discontinue).to.have.length(1);
      const [event] = seen.discontinue;
      expect(event!.detail).to.include({
        key: 'MedicationRequest/med-1',
        id: 'med-1',
        revisionId,
        status: 'stopped',
        reason: 'Kidney function falling',
      });
      expect(event!.bubbles && event!.composed && event!.cancelable).to.equal(true);
      expect(event!.detail.resource.status).to.equal('stopped');
      await waitUntil(() => keysIn(el, 'past').includes('MedicationRequest/med-1'));
      const history = await store.history('MedicationRequest/med-1');
      expect(history).to.have.length(2);
      expect(history[1]).to.include({ reason: 'discontinued: Kidney function falling' });
      expect((history[1]!.resource as MedicationRequest).statusReason?.text).to.equal(
        'Kidney function falling',
      );
      // The stop date goes in the first dosage's bounds, where a request keeps its dates.
      expect(
        (history[1]!.resource as MedicationRequest).dosageInstruction![0]!.timing!.repeat!
          .boundsPeriod,
      ).to.deep.equal({ end: event!.detail.end });
      expect(status(el)).to.equal('metFORMIN discontinued.');
    });

    it('gives a MedicationStatement an end date', async () => {
      const store = await chart([statement('med-1', 'Levothyroxine', 0.1, 'mg')]);
      const el = await list(store);
      const seen = recordEvents(el);
      await click(el, 'MedicationStatement/med-1', 'discontinue');
      await submit(el);
      await waitUntil(() => keysIn(el, 'past').includes('MedicationStatement/med-1'));
      const stopped = (await headOf(store, 'MedicationStatement/med-1'))
        .current as MedicationStatement;
      expect(stopped.status).to.equal('stopped');
      expect(stopped.effectivePeriod).to.deep.equal({
        start: '2023-06-01',
        end: seen.discontinue[0]!.detail.end,
      });
      expect(stopped.effectiveDateTime).to.equal(undefined);
    });

    it('writes nothing when the host cancels the event', async () => {
      const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
      const el = await list(store);
      el.addEventListener('emr-medication-discontinue', (event) => event.preventDefault());
      await click(el, 'MedicationRequest/med-1', 'discontinue');
      await submit(el);
      expect(await store.history('MedicationRequest/med-1')).to.have.length(1);
      expect(keysIn(el, 'active')).to.deep.equal(['MedicationRequest/med-1']);
    });
  });

  describe('change dose', () => {
    it('shows the unit, refuses what is not a dose, then fires one emr-medication-dose-change and writes the new dose', async () => {
      const store = await chart([prescription('med-1', 'Metformin', 500, 'mg', { frequency: 2 })]);
      const el = await list(store);
      const seen = recordEvents(el);
      await click(el, 'MedicationRequest/med-1', 'dose');
      expect(text(root(el).querySelector('.form .unit'))).to.equal('mg');
      expect(text(root(el).querySelector('.form'))).to.include(
        'Current dose: 500 mg orally twice daily',
      );
      for (const [typed, problem] of [
        ['', 'Enter the new dose.'],
        ['1,000', 'without commas'],
        ['-5', 'as a number'],
        ['0', 'more than zero'],
        ['500', 'the current dose'],
      ]) {
        await type(el, 'input', typed!);
        await submit(el);
        expect(text(root(el).querySelector('.problem'))).to.include(problem!);
        expect(input(el, 'input').getAttribute('aria-invalid')).to.equal('true');
      }
      expect(seen.dose).to.have.length(0);
      await type(el, 'input', '1000');
      await expect(el).to.be.accessible();
      await submit(el);
      expect(seen.dose).to.have.length(1);
      expect(seen.dose[0]!.detail).to.include({ key: 'MedicationRequest/med-1', id: 'med-1' });
      expect(seen.dose[0]!.detail.dose).to.deep.include({ value: 1000, code: 'mg', unit: 'mg' });
      expect(seen.dose[0]!.detail.previousDose).to.deep.include({ value: 500 });
      await waitUntil(
        () =>
          text(item(el, 'MedicationRequest/med-1')?.querySelector('[part="line"]')) ===
          'metFORMIN 1,000 mg orally twice daily',
      );
      expect(root(el).querySelector('.form')).to.equal(null);
      expect((await store.history('MedicationRequest/med-1')).at(-1)!.reason).to.equal(
        'dose changed to 1,000 mg',
      );
    });

    it('asks for a unit when none was recorded', async () => {
      const unitless: MedicationRequest = {
        ...prescription('med-1', 'Acetaminophen', 1, 'mg'),
        dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 1 } }] }],
      };
      const store = await chart([unitless]);
      const el = await list(store);
      await click(el, 'MedicationRequest/med-1', 'dose');
      await type(el, 'input', '2');
      await submit(el);
      expect(text(root(el).querySelector('.problem'))).to.include('Choose the unit of the dose.');
      expect(input(el, 'select').getAttribute('aria-invalid')).to.equal('true');
      await type(el, 'select', '{tbl}');
      await submit(el);
      await waitUntil(
        () =>
          text(item(el, 'MedicationRequest/med-1')?.querySelector('[part="line"]')) ===
          'Acetaminophen 2 tablets',
      );
    });

    it('writes nothing when the host cancels the event', async () => {
      const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
      const el = await list(store);
      el.addEventListener('emr-medication-dose-change', (event) => event.preventDefault());
      await click(el, 'MedicationRequest/med-1', 'dose');
      await type(el, 'input', '750');
      await submit(el);
      expect(await store.history('MedicationRequest/med-1')).to.have.length(1);
    });

    it('shows a stale error beside the medication and keeps what was typed; saving again replaces the new version', async () => {
      const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
      const el = await list(store);
      await click(el, 'MedicationRequest/med-1', 'dose');
      await type(el, 'input', '1000');
      const seen = (await headOf(store, 'MedicationRequest/med-1')).heads[0]!.revisionId;
      await store.revise(prescription('med-1', 'Metformin', 750, 'mg'), seen); // someone else, first
      await submit(el);
      await waitUntil(() => item(el, 'MedicationRequest/med-1')?.querySelector('[part="error"]'));
      expect(text(item(el, 'MedicationRequest/med-1')!.querySelector('[part="error"]'))).to.include(
        'Not saved: someone changed this medication first',
      );
      expect(input(el, 'input').value).to.equal('1000');
      await waitUntil(() =>
        text(item(el, 'MedicationRequest/med-1')?.querySelector('[part="line"]')).includes(
          '750 mg',
        ),
      );
      await submit(el);
      await waitUntil(() =>
        text(item(el, 'MedicationRequest/med-1')?.querySelector('[part="line"]')).includes(
          '1,000 mg',
        ),
      );
      expect(item(el, 'MedicationRequest/med-1')!.querySelector('[part="error"]')).to.equal(null);
      expect(await store.history('MedicationRequest/med-1')).to.have.length(3);
    });

    it('works from the keyboard: Enter opens and saves, Escape closes and gives focus back', async () => {
      const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
      const el = await list(store);
      await waitUntil(() => action(el, 'MedicationRequest/med-1', 'dose'));
      action(el, 'MedicationRequest/med-1', 'dose')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(
        () => root(el).activeElement === input(el, 'input'),
        'the new dose field did not take focus',
      );
      await sendKeys({ press: 'Escape' });
      await waitUntil(
        () => root(el).activeElement === action(el, 'MedicationRequest/med-1', 'dose'),
        'focus did not come back',
      );
      expect(root(el).querySelector('.form')).to.equal(null);
      expect(action(el, 'MedicationRequest/med-1', 'dose')!.getAttribute('aria-expanded')).to.equal(
        'false',
      );
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => root(el).activeElement === input(el, 'input'));
      await sendKeys({ type: '250' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() =>
        text(item(el, 'MedicationRequest/med-1')?.querySelector('[part="line"]')).includes(
          '250 mg',
        ),
      );
    });
  });

  it('opens the revision history: who, when, and the dose before and after', async () => {
    const store = await chart([prescription('med-1', 'Metformin', 500, 'mg')]);
    const first = (await headOf(store, 'MedicationRequest/med-1')).heads[0]!;
    await store.revise(prescription('med-1', 'Metformin', 750, 'mg'), first.revisionId, {
      reason: 'HbA1c 8.1%',
    });
    const el = await list(store);
    await click(el, 'MedicationRequest/med-1', 'history');
    expect(
      action(el, 'MedicationRequest/med-1', 'history')!.getAttribute('aria-expanded'),
    ).to.equal('true');
    await waitUntil(
      () => item(el, 'MedicationRequest/med-1')?.querySelectorAll('.revisions > li').length === 2,
    );
    const [newest, oldest] = [
      ...item(el, 'MedicationRequest/med-1')!.querySelectorAll('.revisions > li'),
    ].map(text);
    expect(newest)
      .to.include('Changed')
      .and.include('Dr Ada Okafor (clinician)')
      .and.include('Dose: 500 mg orally once daily → changed to 750 mg orally once daily')
      .and.include('Reason: HbA1c 8.1%');
    expect(oldest).to.include('Recorded').and.include('metFORMIN 500 mg orally once daily');
    await expect(el).to.be.accessible();
    // Kept up to date while open.
    await store.revise(
      prescription('med-1', 'Metformin', 1000, 'mg'),
      (await headOf(store, 'MedicationRequest/med-1')).heads[0]!.revisionId,
    );
    await waitUntil(
      () => item(el, 'MedicationRequest/med-1')?.querySelectorAll('.revisions > li').length === 3,
    );
    await click(el, 'MedicationRequest/med-1', 'history');
    expect(item(el, 'MedicationRequest/med-1')!.querySelector('[part="history"]')).to.equal(null);
  });

  describe('conflict', () => {
    async function conflicted(store?: DexieChartStore) {
      const opened = store ?? (await openTestStore());
      const base = await opened.record(prescription('med-1', 'Warfarin', 5, 'mg'));
      const [a, b] = await concurrentRevisions(opened, base, [
        [DR_NAIDOO, prescription('med-1', 'Warfarin', 3, 'mg')],
        [NURSE_KEMP, prescription('med-1', 'Warfarin', 7.5, 'mg')],
      ]);
      return { store: opened, a: a!, b: b! };
    }
    const versions = (el: EmrMedicationList) =>
      [...item(el, 'MedicationRequest/med-1')!.querySelectorAll('.version')].map(text);

    it('shows both values with author and time, and never resolves by itself', async () => {
      const { store } = await conflicted();
      const el = await list(store);
      await waitUntil(() => versions(el).length === 2);
      expect(text(item(el, 'MedicationRequest/med-1')!.querySelector('.flag'))).to.include(
        'Conflict',
      );
      expect(text(root(el).querySelector('.conflicts-notice'))).to.include(
        'One medication has conflicting changes',
      );
      const shown = versions(el).join(' | ');
      expect(shown).to.include('Warfarin 3 mg orally once daily').and.include('Dr Priya Naidoo');
      expect(shown).to.include('Warfarin 7.5 mg orally once daily').and.include('Alex Kemp RN');
      expect(root(el).querySelectorAll('.version time')).to.have.length(2);
      expect(action(el, 'MedicationRequest/med-1', 'discontinue')).to.equal(null);
      await expect(el).to.be.accessible();
      expect((await headOf(store, 'MedicationRequest/med-1')).heads).to.have.length(2);
    });

    it('keeps the version a clinician picks, after one emr-medication-conflict-resolve', async () => {
      const { store, a, b } = await conflicted();
      const el = await list(store);
      const seen = recordEvents(el);
      await waitUntil(() => versions(el).length === 2);
      const index = versions(el).findIndex((v) => v.includes('7.5 mg'));
      const keepButtons = item(el, 'MedicationRequest/med-1')!.querySelectorAll<HTMLButtonElement>(
        '[data-action="keep"]',
      );
      keepButtons[index]!.click();
      expect(seen.resolve).to.have.length(1);
      expect(seen.resolve[0]!.detail).to.include({
        key: 'MedicationRequest/med-1',
        id: 'med-1',
        chosenRevisionId: b.revisionId,
      });
      expect(seen.resolve[0]!.detail.revisionIds).to.have.members([a.revisionId, b.revisionId]);
      await waitUntil(
        () =>
          text(item(el, 'MedicationRequest/med-1')?.querySelector('[part="line"]')) ===
          'Warfarin 7.5 mg orally once daily',
      );
      const record = await headOf(store, 'MedicationRequest/med-1');
      expect(record.heads).to.have.length(1);
      expect(record.heads[0]!.parents).to.have.members([a.revisionId, b.revisionId]);
      expect(record.heads[0]!.reason).to.equal(
        'conflict resolved: kept the version by Alex Kemp RN',
      );
      expect(status(el)).to.equal('Conflict resolved for Warfarin.');
    });

    it('resolves with a dose the clinician enters', async () => {
      const { store } = await conflicted();
      const el = await list(store);
      const seen = recordEvents(el);
      await click(el, 'MedicationRequest/med-1', 'enter-dose');
      await type(el, 'input', '4');
      await submit(el);
      expect(seen.resolve).to.have.length(1);
      expect(seen.resolve[0]!.detail.dose).to.deep.include({ value: 4, code: 'mg' });
      await waitUntil(
        () =>
          text(item(el, 'MedicationRequest/med-1')?.querySelector('[part="line"]')) ===
          'Warfarin 4 mg orally once daily',
      );
    });

    it('stays in conflict when the host cancels', async () => {
      const { store } = await conflicted();
      const el = await list(store);
      el.addEventListener('emr-medication-conflict-resolve', (event) => event.preventDefault());
      await click(el, 'MedicationRequest/med-1', 'keep');
      expect((await headOf(store, 'MedicationRequest/med-1')).heads).to.have.length(2);
      expect(versions(el)).to.have.length(2);
    });

    it('announces a conflict that arrives, not one already there', async () => {
      const store = await openTestStore();
      const el = await list(store);
      await conflicted(store);
      await waitUntil(
        () => status(el) === 'Conflicting changes to Warfarin: choose the right version.',
      );
      const later = await list(store);
      await waitUntil(() => item(later, 'MedicationRequest/med-1'));
      expect(status(later)).to.equal('');
    });
  });

  it('shows no actions to a read-only user, but shows conflicts and history', async () => {
    const databaseName = uniqueDatabaseName('medications');
    const writer = await chart(
      [prescription('med-2', 'Metformin', 500, 'mg')],
      await openTestStore(databaseName),
    );
    const base = await writer.record(prescription('med-1', 'Warfarin', 5, 'mg'));
    await concurrentRevisions(writer, base, [
      [DR_NAIDOO, prescription('med-1', 'Warfarin', 3, 'mg')],
      [NURSE_KEMP, prescription('med-1', 'Warfarin', 7.5, 'mg')],
    ]);
    const el = await list(await openTestStore(databaseName, PATIENT_VIEWER));
    await waitUntil(
      () => item(el, 'MedicationRequest/med-1') && item(el, 'MedicationRequest/med-2'),
    );
    const actions = [...root(el).querySelectorAll<HTMLElement>('[data-action]')].map(
      (b) => b.dataset.action,
    );
    expect(actions).to.deep.equal(['history', 'history']);
    expect(text(item(el, 'MedicationRequest/med-1'))).to.include(
      'A clinician must choose the right version.',
    );
    await expect(el).to.be.accessible();
  });

  it('prints every medication, those off screen too, with no control or open form', async () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      prescription(`med-${i}`, `Drug ${i}`, 10 + i, 'mg'),
    );
    const el = await list(await chart(many));
    await waitUntil(() => root(el).querySelectorAll('.item').length === 40);
    await click(el, 'MedicationRequest/med-0', 'dose');
    // With contentVisibilityAuto, checkVisibility is false for what the browser skips rendering off screen.
    const rendered = (selector: string) =>
      [...root(el).querySelectorAll<HTMLElement>(selector)].filter((node) =>
        node.checkVisibility({ contentVisibilityAuto: true }),
      );
    expect(rendered('.item .details').length, 'some are off screen').to.be.below(40);
    try {
      await emulateMedia({ media: 'print' });
      // The media change reaches the page's rendering after the command returns.
      await waitUntil(() => matchMedia('print').matches, 'print media not applied');
      await waitUntil(
        () => rendered('.item .details').length === 40,
        'medications off screen are not printed',
      );
      expect(rendered('.item .details')).to.have.length(40);
      expect(rendered('button, .form')).to.have.length(0);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
    expect(rendered('.form')).to.have.length(1);
  });

  it('takes its colours from --emr-medication-list-* tokens', async () => {
    const { store } = await (async () => {
      const opened = await openTestStore();
      const base = await opened.record(prescription('med-1', 'Warfarin', 5, 'mg'));
      await concurrentRevisions(opened, base, [
        [DR_NAIDOO, prescription('med-1', 'Warfarin', 3, 'mg')],
        [NURSE_KEMP, prescription('med-1', 'Warfarin', 4, 'mg')],
      ]);
      return { store: opened };
    })();
    const wrapper = await fixture<HTMLDivElement>(
      html`<div
        style="--emr-medication-list-conflict-color: rgb(1, 2, 3); --emr-medication-list-item-padding: 17px"
      >
        <emr-medication-list .store=${store} patient-id=${PATIENT}></emr-medication-list>
      </div>`,
    );
    const el = wrapper.querySelector('emr-medication-list')!;
    await waitUntil(() => item(el, 'MedicationRequest/med-1'));
    expect(
      getComputedStyle(item(el, 'MedicationRequest/med-1')!.querySelector('.flag')!).color,
    ).to.equal('rgb(1, 2, 3)');
    expect(getComputedStyle(item(el, 'MedicationRequest/med-1')!).paddingTop).to.equal('17px');
  });
});
