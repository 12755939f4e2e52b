import { expect, fixture, html, oneEvent, waitUntil } from '../../test/support/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import { checkMedication } from '../../clinical/index.js';
import {
  ALLERGY_CLINICAL,
  ChartStoreError,
  RXNORM,
  firstValue,
  type AllergyIntolerance,
  type Card,
  type ChartStore,
  type DecisionSupport,
  type DecisionSupportRequest,
  type DetectedIssue,
  type LiveQuery,
  type MedicationRequest,
} from '../../model/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import {
  closeTestStores,
  DR_ADA,
  openTestStore,
  PATIENT_VIEWER,
  storeWithEmptyChart,
} from '../../test/support/test-stores.js';
import './emr-medication-form.js';
import { EmrMedicationForm } from './medication-form.js';
import type { EmrMedicationRecordEvent } from './medication-form.events.js';

const PATIENT = 'pat-med-form';

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  root(el).querySelector<E>(selector)!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function form(store: ChartStore | undefined, support?: DecisionSupport) {
  const el = await fixture<EmrMedicationForm>(
    html`<emr-medication-form
      patient-id=${PATIENT}
      .store=${store}
      .decisionSupport=${support}
    ></emr-medication-form>`,
  );
  await waitUntil(() => root(el).querySelector('form, [part="status"]:not(:empty)'));
  await waitUntil(() => !text(root(el).querySelector('[part="status"]')).startsWith('Loading'));
  return el;
}

async function set(el: EmrMedicationForm, id: string, value: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
  if (control.type === 'date') control.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** Types into the drug search and chooses the first match with the keyboard. */
async function chooseDrug(el: EmrMedicationForm, typed: string) {
  $<HTMLInputElement>(el, '#drug').focus();
  await sendKeys({ type: typed });
  await el.updateComplete;
  await sendKeys({ press: 'ArrowDown' });
  await el.updateComplete;
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

async function fillAmoxicillin(el: EmrMedicationForm) {
  await chooseDrug(el, 'amox 500');
  await set(el, 'dose', '500');
  await set(el, 'frequency', 'three-times-daily');
}

const submit = (el: EmrMedicationForm) => $<HTMLButtonElement>(el, 'button[type="submit"]').click();

const medications = (store: DexieChartStore) =>
  firstValue(store.medications(PATIENT), (list) => list.length > 0);

const critical: Card = {
  uuid: 'card-pen',
  summary: 'Penicillin allergy: amoxicillin is a penicillin',
  detail: 'Recorded allergy to penicillin V (high criticality).',
  indicator: 'critical',
  source: {
    label: 'Drug–allergy (class)',
    url: 'https://example.org/rules/drug-allergy',
    topic: {
      system: 'https://example.org/rules',
      code: 'drug-allergy-class',
      display: 'Drug–allergy by class',
    },
  },
  overrideReasons: [
    { system: 'https://example.org/reasons', code: 'tolerated', display: 'Tolerated before' },
  ],
  suggestions: [
    {
      label: 'Review the allergy',
      actions: [
        { type: 'update', description: 'Review', resourceId: ['AllergyIntolerance/alg-pen'] },
      ],
    },
  ],
};

/** A decision support that answers with `cards` and records each request; with `holdFirst`, the first call answers only when aborted. */
function recording(cards: Card[] = [], holdFirst = false) {
  const calls: Array<{ request: DecisionSupportRequest; signal?: AbortSignal }> = [];
  const support: DecisionSupport = (request, signal) => {
    calls.push({ request, signal });
    if (holdFirst && calls.length === 1)
      return new Promise((_, reject) =>
        signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    return Promise.resolve({ cards, notes: ['Checked by the kit'] });
  };
  return { calls, support };
}

describe('emr-medication-form', () => {
  afterEach(closeTestStores);

  it('is defined, accessible, and says no medication checks ran when it has no decision support', async () => {
    const el = await form(await storeWithEmptyChart(PATIENT));
    expect(customElements.get('emr-medication-form')).to.equal(EmrMedicationForm);
    expect(text($(el, '#no-checks'))).to.equal('No medication checks ran.');
    expect(root(el).querySelector('emr-cds-cards')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('previews the medication line as the list prints it: tall man, no trailing zero, leading zero', async () => {
    const el = await form(await storeWithEmptyChart(PATIENT));
    expect(text($(el, '.preview'))).to.match(/Choose a drug/);
    await chooseDrug(el, 'oxycodone');
    await set(el, 'dose', '5.0');
    await set(el, 'frequency', 'every-4-hours');
    $<HTMLInputElement>(el, '#as-needed').click();
    await el.updateComplete;
    await set(el, 'as-needed-reason', 'pain');
    expect(text($(el, '.preview'))).to.equal(
      'oxyCODONE hydrochloride 5 MG Oral Tablet 5 mg orally every 4 hours as needed for pain',
    );
    await set(el, 'dose', '.5');
    expect(text($(el, '.preview'))).to.contain(' 0.5 mg orally');
    await expect(el).to.be.accessible();
  });

  it('searches drugs as a combobox from the keyboard: arrows move, Enter chooses, Escape closes', async () => {
    const el = await form(await storeWithEmptyChart(PATIENT));
    const input = $<HTMLInputElement>(el, '#drug');
    input.focus();
    await sendKeys({ type: 'amox' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const options = [...root(el).querySelectorAll('[role="option"]')].map(text);
    expect(options[0]).to.equal('amoxicillin 250 MG Oral Capsule');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('drug-option-1');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(input.value).to.equal('amoxicillin 250 MG Oral Capsule');
    expect(root(el).querySelector('.uncoded')).to.equal(null);
  });

  it('saves a MedicationRequest through the store, fires emr-medication-record once, and returns focus to the drug', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    const fired: EmrMedicationRecordEvent[] = [];
    el.addEventListener('emr-medication-record', (event) => fired.push(event));
    await fillAmoxicillin(el);
    submit(el);
    const [saved] = await medications(store);
    expect(fired).to.have.length(1);
    expect(fired[0]!.cancelable && fired[0]!.bubbles && fired[0]!.composed).to.equal(true);
    const resource = saved!.current as MedicationRequest;
    expect(resource.resourceType).to.equal('MedicationRequest');
    expect(resource.intent).to.equal('order');
    expect(resource.medicationCodeableConcept!.coding![0]).to.include({ code: '308191' });
    expect(resource.dosageInstruction![0]!.doseAndRate![0]!.doseQuantity).to.include({
      value: 500,
      code: 'mg',
    });
    expect(fired[0]!.detail.resource.id).to.equal(resource.id);
    await waitUntil(() => root(el).activeElement === $(el, '#drug'));
    expect($<HTMLInputElement>(el, '#drug').value).to.equal('');
    expect(text($(el, '[role="status"]'))).to.match(
      /^Saved: amoxicillin 500 MG Oral Capsule 500 mg orally three times daily/,
    );
  });

  it('saves a MedicationStatement for what the patient takes at home, with its start', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    $<HTMLInputElement>(el, 'input[value="MedicationStatement"]').click();
    await el.updateComplete;
    await chooseDrug(el, 'simvastatin');
    await set(el, 'dose', '40');
    await set(el, 'frequency', 'at-bedtime');
    await set(el, 'start', '2024-03-01');
    submit(el);
    const [saved] = await medications(store);
    expect(saved!.current.resourceType).to.equal('MedicationStatement');
    expect(saved!.current).to.deep.include({
      effectivePeriod: { start: '2024-03-01' },
      status: 'active',
    });
  });

  it('keeps a drug typed as free text, marked uncoded: no automatic checks', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    await set(el, 'drug', 'Grandma’s herbal tonic');
    expect(text($(el, '.uncoded'))).to.equal('⚠ Uncoded: no automatic checks.');
    expect($(el, '#drug').getAttribute('aria-describedby')).to.contain('drug-uncoded');
    await set(el, 'dose', '10');
    await set(el, 'unit', 'mL');
    await set(el, 'frequency', 'once-daily');
    submit(el);
    const [saved] = await medications(store);
    expect(saved!.current.medicationCodeableConcept).to.deep.equal({
      text: 'Grandma’s herbal tonic',
    });
  });

  it('says what is missing by each field, focuses the first, and fires nothing', async () => {
    const el = await form(await storeWithEmptyChart(PATIENT));
    let fired = 0;
    el.addEventListener('emr-medication-record', () => fired++);
    await set(el, 'dose', '1,5');
    submit(el);
    await el.updateComplete;
    expect(text($(el, '#drug-error'))).to.equal('Choose a drug, or type its name.');
    expect(text($(el, '#dose-error'))).to.match(/without commas/);
    expect(text($(el, '#frequency-error'))).to.match(/how often/);
    await waitUntil(() => root(el).activeElement === $(el, '#drug'));
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('writes nothing when the host cancels emr-medication-record', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    el.addEventListener('emr-medication-record', (event) => event.preventDefault());
    await fillAmoxicillin(el);
    const event = oneEvent(el, 'emr-medication-record');
    submit(el);
    await event;
    await waitUntil(() => !$<HTMLButtonElement>(el, 'button[type="submit"]').disabled);
    expect(await firstValue(store.medications(PATIENT))).to.deep.equal([]);
    expect($<HTMLInputElement>(el, '#dose').value).to.equal('500');
  });

  it('shows no form to a role that only reads', async () => {
    const el = await form(await openTestStore(undefined, PATIENT_VIEWER));
    expect(root(el).querySelector('form')).to.equal(null);
    expect(text($(el, '[part="status"]'))).to.equal(
      'Your role can read this chart but not record in it.',
    );
  });

  it('asks decision support with order-select while drafting (the older call aborted) and order-sign before saving', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const { calls, support } = recording([], true);
    const el = await form(store, support);
    await fillAmoxicillin(el);
    await waitUntil(() => calls.length === 1, 'order-select after the draft rests');
    expect($<HTMLElement & { pending: boolean }>(el, 'emr-cds-cards').pending).to.equal(true);
    expect(calls[0]!.request.hook).to.equal('order-select');
    expect(calls[0]!.request.patientId).to.equal(PATIENT);
    expect(calls[0]!.request.draft.resourceType).to.equal('MedicationRequest');
    await set(el, 'dose', '250');
    expect(calls[0]!.signal!.aborted).to.equal(true);
    await waitUntil(() => calls.length === 2);
    const cards = $<HTMLElement & { notes: string[] }>(el, 'emr-cds-cards');
    expect(cards.notes).to.deep.equal(['Checked by the kit']);
    submit(el);
    await medications(store);
    const sign = calls.at(-1)!.request;
    expect(sign.hook).to.equal('order-sign');
    expect(sign.draft.id).to.be.a('string');
    expect(root(el).querySelector('#no-checks')).to.equal(null);
  });

  it('blocks the save on a critical card until an emr-cds-override gives a reason, then writes the DetectedIssue in the same change', async () => {
    const store = await storeWithEmptyChart(PATIENT, DR_ADA);
    const { support } = recording([critical]);
    const el = await form(store, support);
    await fillAmoxicillin(el);
    submit(el);
    await waitUntil(() => root(el).querySelector('[role="alert"]'));
    expect(text($(el, '[role="alert"]'))).to.equal(
      'Give a reason to override the critical warning before saving.',
    );
    expect(await firstValue(store.medications(PATIENT))).to.deep.equal([]);
    const cardsElement = $<HTMLElement & { cards: Card[] }>(el, 'emr-cds-cards');
    expect(cardsElement.cards).to.deep.equal([critical]);
    cardsElement.dispatchEvent(
      new CustomEvent('emr-cds-override', {
        bubbles: true,
        composed: true,
        detail: {
          card: critical,
          reason: critical.overrideReasons![0],
          comment: 'amoxicillin in 2022',
        },
      }),
    );
    await el.updateComplete;
    expect(root(el).querySelector('[role="alert"]')).to.equal(null);
    const recorded = oneEvent(
      el,
      'emr-medication-record',
    ) as unknown as Promise<EmrMedicationRecordEvent>;
    submit(el);
    const { detail } = await recorded;
    const [saved] = await medications(store);
    expect(detail.detectedIssues).to.have.length(1);
    const [revision] = await store.history(`DetectedIssue/${detail.detectedIssues[0]!.id}`);
    const issue = revision!.resource as DetectedIssue;
    expect(issue).to.deep.include({
      status: 'final',
      severity: 'high',
      patient: { reference: `Patient/${PATIENT}` },
    });
    expect(issue.implicated!.map((r) => r.reference)).to.deep.equal([
      `MedicationRequest/${saved!.current.id}`,
      'AllergyIntolerance/alg-pen',
    ]);
    expect(issue.code).to.deep.equal({
      coding: [critical.source.topic],
      text: 'Drug–allergy (class)',
    });
    expect(issue.detail).to.equal(`${critical.summary}\n\n${critical.detail}`);
    expect(issue.author).to.deep.equal({ display: DR_ADA.displayName });
    expect(issue.mitigation![0]!.action).to.deep.equal({
      coding: [critical.overrideReasons![0]],
      text: 'Tolerated before: amoxicillin in 2022',
    });
    expect(revision!.author.id).to.equal(DR_ADA.id);
    // Written by one recordAll: the same reason on both revisions.
    const [medicationRevision] = await store.history(saved!.key);
    expect(revision!.reason).to.equal('medication ordered');
    expect(medicationRevision!.reason).to.equal('medication ordered');
  });

  it('with the kit’s checks and the cards element: an override given while drafting answers the same card when the draft is signed', async () => {
    await import('../cds-cards/emr-cds-cards.js');
    const store = await storeWithEmptyChart(PATIENT, DR_ADA);
    const penicillin: AllergyIntolerance = {
      resourceType: 'AllergyIntolerance',
      id: 'alg-pen-v',
      clinicalStatus: { coding: [{ system: ALLERGY_CLINICAL, code: 'active' }] },
      code: { coding: [{ system: RXNORM, code: '7984', display: 'Penicillin V' }] },
      patient: { reference: `Patient/${PATIENT}` },
    };
    // The kit's own check: its card's uuid names the drafted record.
    const support: DecisionSupport = ({ draft }) =>
      Promise.resolve({
        cards: checkMedication({ medication: draft as MedicationRequest, allergies: [penicillin] }),
        notes: [],
      });
    const el = await form(store, support);
    await fillAmoxicillin(el);
    submit(el);
    await waitUntil(() => root(el).querySelector('[role="alert"]'));
    const cards = $<HTMLElement>(el, 'emr-cds-cards');
    await waitUntil(() => cards.shadowRoot?.querySelector('input[type="radio"]'));
    cards.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    cards.shadowRoot!.querySelector<HTMLButtonElement>('button[part="override"]')!.click();
    await el.updateComplete;
    submit(el);
    const [saved] = await medications(store);
    expect(saved!.current.medicationCodeableConcept?.coding?.[0]?.code).to.equal('308191');
    const issues = await firstValue(store.timeline(PATIENT), (events) =>
      events.some((e) => e.kind === 'DetectedIssue'),
    );
    expect(issues.filter((e) => e.kind === 'DetectedIssue')).to.have.length(1);
  });

  it('shows a store error at the form with what and where, keeping what was typed', async () => {
    const present: LiveQuery<'present'> = {
      subscribe(observer) {
        queueMicrotask(() => observer.next('present'));
        return () => {};
      },
    };
    const refusing = {
      user: DR_ADA,
      chartPresence: () => present,
      recordAll: () =>
        Promise.reject(
          new ChartStoreError('invalid', 'MedicationRequest/x is not valid FHIR R4', [
            {
              code: 'invalid',
              path: 'MedicationRequest.dosageInstruction[0]',
              message: 'is wrong',
            },
          ]),
        ),
    } as unknown as ChartStore;
    const el = await form(refusing);
    await fillAmoxicillin(el);
    submit(el);
    await waitUntil(() => root(el).querySelector('.failure'));
    expect(text($(el, '.failure'))).to.equal(
      '⚠ Not saved: MedicationRequest/x is not valid FHIR R4 MedicationRequest.dosageInstruction[0]: is wrong',
    );
    expect($<HTMLInputElement>(el, '#dose').value).to.equal('500');
    await expect(el).to.be.accessible();
  });
});
