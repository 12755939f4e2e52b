import { expect, fixture, html, waitUntil } from '../../test/support/testing.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import type { ChartStore, Condition } from '../../model/index.js';
import { importBundle, type DexieChartStore } from '../../storage/index.js';
import { syntheaText } from '../../test/support/browser-fixtures.js';
import {
  concurrentProblemRevisions,
  everyProblem,
  PROBLEM_PATIENT as PATIENT,
} from '../../test/support/charts/problems.js';
import { failingStore, importingStore, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  PATIENT_VIEWER,
  storeWithEmptyChart,
  uniqueDatabaseName,
  valueOf,
} from '../../test/support/test-stores.js';
import './emr-problem-list.js';
import { EmrProblemList } from './problem-list.js';
import type {
  EmrProblemConflictResolveEvent,
  EmrProblemRecordEvent,
  EmrProblemResolveEvent,
} from './problem-list.events.js';
import { today } from './problem-changes.js';

const root = (el: EmrProblemList) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) =>
  (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const item = (el: EmrProblemList, key: string) =>
  root(el).querySelector<HTMLElement>(`[data-key="${key}"]`);
const keysIn = (el: EmrProblemList, section: string) =>
  [...root(el).querySelectorAll<HTMLElement>(`[data-section="${section}"] [part="item"]`)].map(
    (li) => li.dataset.key,
  );
const line = (el: EmrProblemList, key: string) => text(item(el, key)?.querySelector('.line'));
const details = (el: EmrProblemList, key: string) => text(item(el, key)?.querySelector('.details'));
const button = (el: EmrProblemList, selector: string) =>
  root(el).querySelector<HTMLButtonElement>(selector);
const field = (el: EmrProblemList, id: string) =>
  root(el).querySelector<HTMLInputElement>(`#${id}`)!;
const type = async (el: EmrProblemList, id: string, value: string) => {
  const input = field(el, id);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
};
const submit = async (el: EmrProblemList) => {
  root(el).querySelector<HTMLButtonElement>('.form button[type="submit"]')!.click();
  await el.updateComplete;
};

function recordEvents(el: HTMLElement) {
  const seen = {
    record: [] as EmrProblemRecordEvent[],
    resolve: [] as EmrProblemResolveEvent[],
    keep: [] as EmrProblemConflictResolveEvent[],
  };
  el.addEventListener('emr-problem-record', (e) => seen.record.push(e));
  el.addEventListener('emr-problem-resolve', (e) => seen.resolve.push(e));
  el.addEventListener('emr-problem-conflict-resolve', (e) => seen.keep.push(e));
  return seen;
}

async function chart(conditions: Condition[], store?: DexieChartStore) {
  const opened = store ?? (await storeWithEmptyChart(PATIENT));
  for (const resource of conditions) await opened.record(resource);
  return opened;
}

async function list(store: ChartStore | undefined, patientId = PATIENT): Promise<EmrProblemList> {
  const el = await fixture<EmrProblemList>(
    html`<emr-problem-list .store=${store} patient-id=${patientId}></emr-problem-list>`,
  );
  if (store) await waitUntil(() => text(root(el).querySelector('.state')) !== 'Loading problems…');
  return el;
}

const conditionsOf = (store: ChartStore) => valueOf(store.conditions(PATIENT));

describe('emr-problem-list', () => {
  afterEach(closeTestStores);

  it('is defined, and maps its attributes to properties', async () => {
    expect(customElements.get('emr-problem-list')).to.equal(EmrProblemList);
    const el = await fixture<EmrProblemList>(
      html`<emr-problem-list patient-id="p-1" encounter-diagnoses></emr-problem-list>`,
    );
    expect([el.patientId, el.encounterDiagnoses]).to.deep.equal(['p-1', true]);
    el.encounterDiagnoses = false;
    await el.updateComplete;
    expect(el.hasAttribute('encounter-diagnoses')).to.equal(false);
  });

  it('lists a Synthea patient’s problems with their real onsets and ends', async function () {
    this.timeout(60_000); // a whole Synthea bundle imported on a busy machine
    const store = await openTestStore();
    const { patientIds } = await importBundle(store, await syntheaText('Fletcher_Hyatt'));
    const el = await list(store, patientIds[0]);
    const hypertension = 'Condition/1905b4a4-66e1-4d63-afad-968ce206c983';
    await waitUntil(() => item(el, hypertension));
    expect(keysIn(el, 'active')).to.have.length(17);
    expect(keysIn(el, 'past')).to.have.length(3);
    expect(line(el, hypertension)).to.equal('Hypertension');
    expect(details(el, hypertension)).to.equal('Active · Onset 13 Jan 1934');
    const wrist = [...root(el).querySelectorAll('[data-section="past"] [part="item"]')].find((li) =>
      text(li).startsWith('Fracture subluxation of wrist'),
    );
    expect(text(wrist?.querySelector('.details'))).to.equal(
      'Resolved · Onset 12 Jan 1993 · Ended 11 Feb 1993',
    );
    // The semantic tag is not part of the name people read.
    expect(text(root(el))).to.include('Chronic congestive heart failure');
    expect(text(root(el))).not.to.include('(disorder)');
    await expect(el).to.be.accessible();
  });

  it('shows every clinical status, verification, onset and abatement form and severity; hides refuted and entered in error with a count', async () => {
    const el = await list(await chart(everyProblem()));
    await waitUntil(() => item(el, 'Condition/hypertension'));
    expect(keysIn(el, 'active')).to.have.members([
      'Condition/hypertension',
      'Condition/asthma',
      'Condition/migraine',
      'Condition/suspected',
      'Condition/sinusitis',
    ]);
    expect(keysIn(el, 'past')).to.have.members([
      'Condition/otitis',
      'Condition/prediabetes',
      'Condition/nsclc',
    ]);
    expect(details(el, 'Condition/hypertension')).to.equal(
      'Active · Onset 2 Mar 2015 · Severity: Moderate',
    );
    expect(details(el, 'Condition/asthma')).to.equal('Recurrence · Onset at age 45 years');
    expect(details(el, 'Condition/migraine')).to.equal(
      'Relapse · Onset between 1 May 2001 and 30 Sept 2003',
    );
    expect(details(el, 'Condition/otitis')).to.equal(
      'Resolved · Onset at age 2 years to 4 years · Ended: in childhood',
    );
    expect(details(el, 'Condition/prediabetes')).to.equal(
      'Inactive · Onset: before 2010 · Ended 1 Jun 2019',
    );
    expect(details(el, 'Condition/nsclc')).to.equal(
      'In remission · Onset 3 Oct 1993 · Ended between 1 Jan 1995 and 30 Jun 1995',
    );
    expect(line(el, 'Condition/suspected')).to.equal('Suspected lung cancer Provisional');
    expect(line(el, 'Condition/sinusitis')).to.equal('Viral sinusitis Differential diagnosis');
    expect(line(el, 'Condition/hypertension')).to.equal('Hypertension');
    expect(item(el, 'Condition/refuted')).to.equal(null);
    expect(item(el, 'Condition/wrong')).to.equal(null);
    expect(text(root(el).querySelector('.hidden-count'))).to.equal(
      '2 records not shown: refuted or entered in error.',
    );
    await expect(el).to.be.accessible();
  });

  it('shows problem-list items by default, and encounter diagnoses when asked', async () => {
    const el = await list(await chart(everyProblem()));
    await waitUntil(() => item(el, 'Condition/hypertension'));
    expect(item(el, 'Condition/bronchitis')).to.equal(null);
    const toggle = button(el, '[data-action="encounter-diagnoses"]')!;
    expect(text(toggle)).to.equal('Show encounter diagnoses (1)');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(el.encounterDiagnoses).to.equal(true);
    expect(line(el, 'Condition/bronchitis')).to.equal('Acute bronchitis Encounter diagnosis');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
  });

  it('records a coded problem chosen from the SNOMED CT subset, firing the event once', async () => {
    const store = await chart([]);
    const el = await list(store);
    await waitUntil(() => text(root(el)).includes('No problems recorded.'));
    const seen = recordEvents(el);
    button(el, '[data-action="record"]')!.click();
    await el.updateComplete;
    await type(el, 'problem-search', 'hyperten');
    const match = button(el, '.match[data-code="38341003"]')!;
    expect(text(match)).to.equal('Hypertension SNOMED CT 38341003');
    match.click();
    await el.updateComplete;
    expect(text(root(el).querySelector('.chosen'))).to.equal(
      'Chosen: Hypertension (SNOMED CT 38341003)',
    );
    await type(el, 'problem-onset', '2020-02-03');
    await submit(el);
    await waitUntil(() => keysIn(el, 'active').length === 1, 'the problem was not listed');
    expect(seen.record).to.have.length(1);
    const { detail } = seen.record[0]!;
    expect(detail.coded).to.equal(true);
    expect(detail.resource.code).to.deep.equal({
      coding: [{ system: 'http://snomed.info/sct', code: '38341003', display: 'Hypertension' }],
      text: 'Hypertension',
    });
    const [stored] = await conditionsOf(store);
    expect(stored!.current.onsetDateTime).to.equal('2020-02-03');
    expect(stored!.current.category?.[0]?.coding?.[0]?.code).to.equal('problem-list-item');
    expect(details(el, detail.key)).to.equal('Active · Onset 3 Feb 2020');
    expect(root(el).querySelector('.form')).to.equal(null);
    expect(text(root(el).querySelector('[role="status"][aria-live]'))).to.equal(
      'Hypertension recorded.',
    );
  });

  it('records free text as an uncoded problem, and asks for a choice before recording', async () => {
    const store = await chart([]);
    const el = await list(store);
    await waitUntil(() => button(el, '[data-action="record"]'));
    const seen = recordEvents(el);
    button(el, '[data-action="record"]')!.click();
    await el.updateComplete;
    await type(el, 'problem-search', 'Long covid');
    expect(text(root(el))).to.include('No common problem matches');
    await submit(el);
    expect(text(root(el).querySelector('.problem'))).to.equal(
      '⚠ Choose a problem from the matches, or record what you typed as free text.',
    );
    expect(seen.record).to.have.length(0);
    button(el, '[data-free-text]')!.click();
    await el.updateComplete;
    await submit(el);
    await waitUntil(() => keysIn(el, 'active').length === 1);
    expect(seen.record[0]!.detail.coded).to.equal(false);
    expect(seen.record[0]!.detail.resource.code).to.deep.equal({ text: 'Long covid' });
    const key = keysIn(el, 'active')[0]!;
    expect(line(el, key)).to.equal('Long covid Uncoded');
  });

  it('resolves a problem on a day: abatement written, moved to Resolved and inactive', async () => {
    const store = await chart([everyProblem()[0]!]);
    const el = await list(store);
    await waitUntil(() => item(el, 'Condition/hypertension'));
    const seen = recordEvents(el);
    button(el, '[data-action="resolve"]')!.click();
    await el.updateComplete;
    expect(field(el, 'problem-1-form-date').value).to.equal(today());
    await type(el, 'problem-1-form-date', '2099-01-01');
    await submit(el);
    expect(text(root(el).querySelector('.problem'))).to.equal(
      '⚠ The date cannot be in the future.',
    );
    await type(el, 'problem-1-form-date', '2024-05-06');
    await submit(el);
    await waitUntil(() => keysIn(el, 'past').length === 1, 'not moved to the past section');
    expect(seen.resolve).to.have.length(1);
    expect(seen.resolve[0]!.detail.abatement).to.equal('2024-05-06');
    expect(details(el, 'Condition/hypertension')).to.equal(
      'Resolved · Onset 2 Mar 2015 · Ended 6 May 2024 · Severity: Moderate',
    );
    const [record] = await conditionsOf(store);
    expect(record!.current.abatementDateTime).to.equal('2024-05-06');
    expect(record!.current.clinicalStatus?.coding?.[0]?.code).to.equal('resolved');
    expect(button(el, '[data-action="resolve"]')).to.equal(null);
  });

  it('says when someone changed the problem first, and saves on the new version the next time', async () => {
    const store = await chart([everyProblem()[0]!]);
    const el = await list(store);
    await waitUntil(() => item(el, 'Condition/hypertension'));
    button(el, '[data-action="resolve"]')!.click();
    await el.updateComplete;
    const [record] = await conditionsOf(store);
    await store.revise(
      { ...record!.current, severity: { text: 'Severe' } },
      record!.heads[0]!.revisionId,
    );
    await waitUntil(() => details(el, 'Condition/hypertension').includes('Severe'));
    await submit(el);
    await waitUntil(() => item(el, 'Condition/hypertension')?.querySelector('.error'));
    expect(text(item(el, 'Condition/hypertension')!.querySelector('.error'))).to.include(
      'Not saved: someone changed this problem first.',
    );
    await submit(el);
    await waitUntil(() => keysIn(el, 'past').length === 1, 'the second save did not go through');
    expect(details(el, 'Condition/hypertension')).to.include('Severity: Severe');
  });

  it('writes nothing when the host cancels recording or resolving', async () => {
    const store = await chart([everyProblem()[0]!]);
    const el = await list(store);
    await waitUntil(() => item(el, 'Condition/hypertension'));
    el.addEventListener('emr-problem-record', (e) => e.preventDefault());
    el.addEventListener('emr-problem-resolve', (e) => e.preventDefault());
    button(el, '[data-action="record"]')!.click();
    await el.updateComplete;
    await type(el, 'problem-search', 'asthma');
    button(el, '.match[data-code="195967001"]')!.click();
    await el.updateComplete;
    await submit(el);
    button(el, '[data-action="resolve"]')!.click();
    await el.updateComplete;
    await submit(el);
    const records = await conditionsOf(store);
    expect(records).to.have.length(1);
    expect(records[0]!.heads).to.have.length(1);
    expect(records[0]!.current.clinicalStatus?.coding?.[0]?.code).to.equal('active');
    // The form stays, with what was typed, for the clinician to change or cancel.
    expect(root(el).querySelector('.form')).not.to.equal(null);
  });

  it('offers no form to read-only roles, nor before the chart is on the device', async () => {
    const name = uniqueDatabaseName();
    const writer = await openTestStore(name, DR_ADA);
    await writer.record({ resourceType: 'Patient', id: PATIENT });
    await chart(everyProblem(), writer);
    const viewer = await openTestStore(name, PATIENT_VIEWER);
    const el = await list(viewer);
    await waitUntil(() => item(el, 'Condition/hypertension'));
    expect(button(el, '[data-action="record"]')).to.equal(null);
    expect(button(el, '[data-action="resolve"]')).to.equal(null);
    expect(root(el).querySelector('form')).to.equal(null);

    const absent = await list(await openTestStore(), 'nobody-here');
    await waitUntil(() =>
      text(root(absent)).includes('This patient’s chart is not on this device yet.'),
    );
    expect(button(absent, '[data-action="record"]')).to.equal(null);
    const importing = await list(importingStore());
    await waitUntil(() => text(root(importing)).includes('Loading the chart onto this device…'));
    expect(text(root(importing))).not.to.include('No problems recorded.');
  });

  it('shows both versions of a problem in conflict, resolves it only when a clinician keeps one', async () => {
    const store = await chart([everyProblem()[0]!]);
    const [base] = (await conditionsOf(store))[0]!.heads;
    const current = base!.resource;
    await concurrentProblemRevisions(store, base!, [
      [DR_ADA, { ...current, severity: { text: 'Severe' } }],
      [NURSE_BO, { ...current, severity: { text: 'Mild' } }],
    ]);
    const el = await list(store);
    await waitUntil(() => item(el, 'Condition/hypertension')?.classList.contains('conflicted'));
    const conflicted = item(el, 'Condition/hypertension')!;
    expect(text(conflicted.querySelector('.flag'))).to.equal(
      '⚠ Conflict: Hypertension was changed by two people at once',
    );
    const versions = [...conflicted.querySelectorAll('.version .details')].map(text);
    expect(versions).to.have.members([
      'Active · Onset 2 Mar 2015 · Severity: Severe',
      'Active · Onset 2 Mar 2015 · Severity: Mild',
    ]);
    expect(text(root(el).querySelector('.conflicts-notice'))).to.include(
      'One problem has conflicting changes',
    );
    expect(conflicted.querySelector('[data-action="resolve"]')).to.equal(null);
    await expect(el).to.be.accessible();

    const seen = recordEvents(el);
    const keep = [...conflicted.querySelectorAll<HTMLButtonElement>('[data-action="keep"]')].find(
      (b) => text(b.closest('.version')).includes('Mild'),
    )!;
    keep.click();
    await waitUntil(
      () => !item(el, 'Condition/hypertension')?.classList.contains('conflicted'),
      'the conflict stayed',
    );
    expect(seen.keep).to.have.length(1);
    expect(details(el, 'Condition/hypertension')).to.equal(
      'Active · Onset 2 Mar 2015 · Severity: Mild',
    );
    const [record] = await conditionsOf(store);
    expect(record!.heads).to.have.length(1);
  });

  it('renders idle, pending, empty and error states, never a blank box', async () => {
    const idle = await fixture<EmrProblemList>(html`<emr-problem-list></emr-problem-list>`);
    expect(text(root(idle))).to.include('No patient chart is connected.');
    const pending = await fixture<EmrProblemList>(
      html`<emr-problem-list .store=${pendingStore()} patient-id="p"></emr-problem-list>`,
    );
    expect(text(root(pending))).to.include('Loading problems…');
    const empty = await list(await storeWithEmptyChart(PATIENT));
    await waitUntil(() => text(root(empty)).includes('No problems recorded.'));
    await expect(empty).to.be.accessible();
    const failing = await list(failingStore('unavailable', 'Storage is switched off.'));
    await waitUntil(() =>
      text(root(failing)).includes('Problems could not be loaded: Storage is switched off.'),
    );
    await expect(failing).to.be.accessible();
  });

  it('works from the keyboard: a match chosen with Enter, Escape closes and gives focus back', async () => {
    const store = await chart([]);
    const el = await list(store);
    await waitUntil(() => button(el, '[data-action="record"]'));
    button(el, '[data-action="record"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).activeElement === field(el, 'problem-search'));
    await sendKeys({ type: 'osteoporosis' });
    await el.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement?.getAttribute('data-code')).to.equal('64859006');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(root(el).querySelector('.chosen'))).to.equal(
      'Chosen: Osteoporosis (SNOMED CT 64859006)',
    );
    await sendKeys({ press: 'Escape' });
    await waitUntil(
      () => root(el).activeElement === button(el, '[data-action="record"]'),
      'focus did not come back',
    );
    expect(root(el).querySelector('.form')).to.equal(null);
  });

  it('prints every problem without its buttons', async () => {
    const el = await list(await chart(everyProblem()));
    await waitUntil(() => item(el, 'Condition/hypertension'));
    try {
      await emulateMedia({ media: 'print' });
      await waitUntil(() => matchMedia('print').matches, 'print media not applied');
      const shown = (selector: string) =>
        [...root(el).querySelectorAll<HTMLElement>(selector)].filter(
          (node) => getComputedStyle(node).display !== 'none',
        );
      expect(shown('button')).to.have.length(0);
      expect(shown('[part="item"]')).to.have.length(8);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });
});
