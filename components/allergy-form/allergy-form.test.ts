import { expect, fixture, html, oneEvent, waitUntil } from '../../test/support/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import {
  firstValue,
  type AllergyIntolerance,
  type Card,
  type ChartStore,
  type DecisionSupport,
  type DecisionSupportRequest,
  type DetectedIssue,
} from '../../model/index.js';
import type { DexieChartStore } from '../../storage/index.js';
import {
  closeTestStores,
  openTestStore,
  PATIENT_VIEWER,
  storeWithEmptyChart,
} from '../../test/support/test-stores.js';
import '../allergy-banner/emr-allergy-banner.js';
import type { EmrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import './emr-allergy-form.js';
import { EmrAllergyForm } from './allergy-form.js';
import type { EmrAllergyRecordEvent } from './allergy-form.events.js';

const PATIENT = 'pat-allergy-form';

const root = (el: HTMLElement) => el.shadowRoot!;
const $ = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) =>
  root(el).querySelector<E>(selector)!;
const text = (node: Element | null) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function form(store: ChartStore, support?: DecisionSupport) {
  const el = await fixture<EmrAllergyForm>(
    html`<emr-allergy-form
      patient-id=${PATIENT}
      .store=${store}
      .decisionSupport=${support}
    ></emr-allergy-form>`,
  );
  await waitUntil(() => root(el).querySelector('form, [part="status"]:not(:empty)'));
  await waitUntil(() => !text(root(el).querySelector('[part="status"]')).startsWith('Loading'));
  return el;
}

async function set(el: EmrAllergyForm, id: string, value: string) {
  const control = $<HTMLInputElement | HTMLSelectElement>(el, `#${id}`);
  control.value = value;
  control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input'));
  if (control.type === 'date') control.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

async function chooseSubstance(el: EmrAllergyForm, typed: string) {
  $<HTMLInputElement>(el, '#substance').focus();
  await sendKeys({ type: typed });
  await el.updateComplete;
  await sendKeys({ press: 'ArrowDown' });
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

const submit = (el: EmrAllergyForm) => $<HTMLButtonElement>(el, 'button[type="submit"]').click();

/** The allergies once `accept` holds. */
const allergies = async (
  store: DexieChartStore,
  accept: (list: AllergyIntolerance[]) => boolean,
): Promise<AllergyIntolerance[]> =>
  (
    await firstValue(store.allergies(PATIENT), (records) => accept(records.map((r) => r.current)))
  ).map((record) => record.current);

const isNoKnown = (a: AllergyIntolerance) =>
  a.code?.coding?.[0]?.code === '716186003' || a.code?.coding?.[0]?.code === '409137002';
const clinical = (a: AllergyIntolerance) => a.clinicalStatus?.coding?.[0]?.code;

async function banner(store: ChartStore) {
  const el = await fixture<EmrAllergyBanner>(
    html`<emr-allergy-banner patient-id=${PATIENT} .store=${store}></emr-allergy-banner>`,
  );
  return el;
}

describe('emr-allergy-form', () => {
  afterEach(closeTestStores);

  it('is defined and accessible, with the substance search, details, reactions and the two assertions', async () => {
    const el = await form(await storeWithEmptyChart(PATIENT));
    expect(customElements.get('emr-allergy-form')).to.equal(EmrAllergyForm);
    expect(text($(el, '#no-known-allergies'))).to.equal('No known allergies');
    expect(text($(el, '#no-known-drug-allergies'))).to.equal('No known drug allergies');
    await expect(el).to.be.accessible();
  });

  it('records a coded allergy with several reactions, its category taken from the substance', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    const fired: EmrAllergyRecordEvent[] = [];
    el.addEventListener('emr-allergy-record', (event) => fired.push(event));
    await chooseSubstance(el, 'penicillin v');
    expect($<HTMLSelectElement>(el, '#category').value).to.equal('medication');
    await set(el, 'criticality', 'high');
    await set(el, 'verification', 'confirmed');
    await set(el, 'onset', '2019-05-01');
    await set(el, 'manifestation-0', '39579001');
    await set(el, 'severity-0', 'severe');
    $<HTMLButtonElement>(el, '#add-reaction').click();
    await el.updateComplete;
    expect(root(el).activeElement).to.equal($(el, '#manifestation-1'));
    await set(el, 'manifestation-1', '247472004');
    submit(el);
    const [saved] = await allergies(store, (list) => list.length === 1);
    expect(fired).to.have.length(1);
    expect(fired[0]!.cancelable && fired[0]!.composed).to.equal(true);
    expect(saved!.code!.coding![0]).to.include({ code: '7984', display: 'Penicillin V' });
    expect(saved).to.deep.include({
      category: ['medication'],
      criticality: 'high',
      onsetDateTime: '2019-05-01',
    });
    expect(
      saved!.reaction!.map((r) => [r.manifestation[0]!.coding![0]!.code, r.severity]),
    ).to.deep.equal([
      ['39579001', 'severe'],
      ['247472004', undefined],
    ]);
    await waitUntil(() => root(el).activeElement === $(el, '#substance'));
    expect(text($(el, '[role="status"]'))).to.equal('Saved: Penicillin V.');
  });

  it('keeps a substance typed as free text, marked uncoded: no automatic checks', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    await set(el, 'substance', 'Sticking plaster adhesive');
    expect(text($(el, '.uncoded'))).to.equal('⚠ Uncoded: no automatic checks.');
    submit(el);
    const [saved] = await allergies(store, (list) => list.length === 1);
    expect(saved!.code).to.deep.equal({ text: 'Sticking plaster adhesive' });
  });

  it('asks for a substance and for the reaction a severity belongs to, and fires nothing', async () => {
    const el = await form(await storeWithEmptyChart(PATIENT));
    let fired = 0;
    el.addEventListener('emr-allergy-record', () => fired++);
    await set(el, 'severity-0', 'mild');
    submit(el);
    await el.updateComplete;
    expect(text($(el, '#substance-error'))).to.equal('Choose a substance, or type its name.');
    expect(text($(el, '#manifestation-0-error'))).to.equal(
      'Choose the reaction this severity is for.',
    );
    await waitUntil(() => root(el).activeElement === $(el, '#substance'));
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('records "No known allergies"; a later real allergy supersedes it visibly, on the banner too', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    const chart = await banner(store);
    $<HTMLButtonElement>(el, '#no-known-allergies').click();
    const [assertion] = await allergies(store, (list) => list.length === 1);
    expect(assertion!.code!.coding![0]).to.include({
      system: 'http://snomed.info/sct',
      code: '716186003',
    });
    await waitUntil(() => chart.state === 'no-known-allergies');

    await chooseSubstance(el, 'amoxicillin');
    submit(el);
    const list = await allergies(
      store,
      (all) => all.length === 2 && all.some((a) => isNoKnown(a) && clinical(a) === 'inactive'),
    );
    const retired = list.find(isNoKnown)!;
    const history = await store.history(`AllergyIntolerance/${retired.id}`);
    expect(history).to.have.length(2);
    expect(history[1]!.parents).to.deep.equal([history[0]!.revisionId]);
    const allergy = list.find((a) => !isNoKnown(a))!;
    expect(history[1]!.reason).to.equal(`superseded by AllergyIntolerance/${allergy.id}`);
    expect(text($(el, '[role="status"]'))).to.equal(
      'Saved: Amoxicillin. The “no known allergies” record is marked as superseded.',
    );
    await waitUntil(() => chart.state === 'known');
    expect(text(chart.shadowRoot!.querySelector('.banner'))).to.contain('Amoxicillin');
    expect(text(chart.shadowRoot!.querySelector('.banner'))).not.to.contain('No known allergies');
  });

  it('refuses "No known drug allergies" beside a listed drug allergy, and a second "No known allergies"', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    await chooseSubstance(el, 'aspirin');
    submit(el);
    await allergies(store, (list) => list.length === 1);
    await waitUntil(() => !$<HTMLButtonElement>(el, '#no-known-drug-allergies').disabled);
    $<HTMLButtonElement>(el, '#no-known-drug-allergies').click();
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).to.equal(
      'The chart lists a drug allergy: “No known drug allergies” would contradict it.',
    );
    expect(await firstValue(store.allergies(PATIENT))).to.have.length(1);
  });

  it('records "No known drug allergies" once; a food allergy leaves it standing', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    $<HTMLButtonElement>(el, '#no-known-drug-allergies').click();
    await allergies(store, (list) => list.length === 1);
    $<HTMLButtonElement>(el, '#no-known-drug-allergies').click();
    await el.updateComplete;
    expect(text($(el, '[role="alert"]'))).to.equal(
      '“No known drug allergies” is already recorded.',
    );
    await chooseSubstance(el, 'peanut');
    submit(el);
    const list = await allergies(store, (all) => all.length === 2);
    expect(list.filter(isNoKnown).map(clinical)).to.deep.equal(['active']);
  });

  it('writes nothing when the host cancels emr-allergy-record', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const el = await form(store);
    el.addEventListener('emr-allergy-record', (event) => event.preventDefault());
    await chooseSubstance(el, 'latex');
    const event = oneEvent(el, 'emr-allergy-record');
    submit(el);
    await event;
    await waitUntil(() => !$<HTMLButtonElement>(el, 'button[type="submit"]').disabled);
    expect(await firstValue(store.allergies(PATIENT))).to.deep.equal([]);
    expect($<HTMLInputElement>(el, '#substance').value).to.equal('Latex');
  });

  it('shows no form to a role that only reads', async () => {
    const el = await form(await openTestStore(undefined, PATIENT_VIEWER));
    expect(root(el).querySelector('form')).to.equal(null);
    expect(text($(el, '[part="status"]'))).to.equal(
      'Your role can read this chart but not record in it.',
    );
  });

  it('checks a new allergy with order-sign; a critical card needs an override, recorded as a DetectedIssue', async () => {
    const store = await storeWithEmptyChart(PATIENT);
    const card: Card = {
      summary: 'Active warfarin order: the new aspirin allergy is an NSAID class allergy',
      indicator: 'critical',
      source: { label: 'Allergy against active medications' },
    };
    const calls: DecisionSupportRequest[] = [];
    const support: DecisionSupport = (request) => {
      calls.push(request);
      return Promise.resolve({ cards: [card], notes: [] });
    };
    const el = await form(store, support);
    await chooseSubstance(el, 'aspirin');
    submit(el);
    await waitUntil(() => root(el).querySelector('[role="alert"]'));
    expect(calls.map((c) => c.hook)).to.deep.equal(['order-sign']);
    expect(calls[0]!.draft).to.deep.include({
      resourceType: 'AllergyIntolerance',
      category: ['medication'],
    });
    expect(await firstValue(store.allergies(PATIENT))).to.deep.equal([]);
    $(el, 'emr-cds-cards').dispatchEvent(
      new CustomEvent('emr-cds-override', {
        bubbles: true,
        composed: true,
        detail: {
          card,
          reason: { system: 'urn:reasons', code: 'aware', display: 'Aware, will monitor' },
        },
      }),
    );
    const recorded = oneEvent(
      el,
      'emr-allergy-record',
    ) as unknown as Promise<EmrAllergyRecordEvent>;
    submit(el);
    const { detail } = await recorded;
    const [allergy] = await allergies(store, (list) => list.length === 1);
    const [revision] = await store.history(`DetectedIssue/${detail.detectedIssues[0]!.id}`);
    const issue = revision!.resource as DetectedIssue;
    expect(issue.implicated).to.deep.equal([{ reference: `AllergyIntolerance/${allergy!.id}` }]);
    expect(issue.mitigation![0]!.action.text).to.equal('Aware, will monitor');
  });
});
