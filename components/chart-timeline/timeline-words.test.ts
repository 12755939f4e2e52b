import { expect, fixture, waitUntil } from '../../test/support/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import {
  type ChartStore,
  type LiveQuery,
  type MedicationRequest,
  type TimelineDensity,
  type TimelineEvent,
  type TimelineQuery,
} from '../../model/index.js';
import { importBundle } from '../../storage/index.js';
import { syntheaText } from '../../test/support/browser-fixtures.js';
import { prescription } from '../../test/support/charts/medications.js';
import { DRAFT_NOTE, recordNote, SIGNED_NOTE } from '../../test/support/charts/notes.js';
import { timelineStore } from '../../test/support/charts/timeline.js';
import {
  closeTestStores,
  DR_ADA,
  openTestStore,
  uniqueDatabaseName,
  valueOf,
} from '../../test/support/test-stores.js';
import { vitalsObservations } from '../vitals-grid/vitals-observations.js';
import type { EmrChartTimeline } from './chart-timeline.js';
import './emr-chart-timeline.js';

// The timeline in clinicians' words, on real stores: dose changes from the
// revision log, vital-sign sets named, flagged and scored as the vitals grid
// does (a Synthea chart's own values), notes' first words, and a filter that
// empties the range saying so at once.

const PATIENT = 'pat-words';
/** Vito Feeney's newest vital-sign set (24 Sep 1979) in the Synthea fixture. */
const VITO = '9efca32a-04f9-438a-990c-a287e8b62aac';

const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: EmrChartTimeline) =>
  [...root(el).querySelectorAll<HTMLElement>('.list [role=listitem]')].sort(
    (a, b) =>
      Number(a.querySelector<HTMLElement>('button')!.dataset.index) -
      Number(b.querySelector<HTMLElement>('button')!.dataset.index),
  );
const kindOf = (row: Element) => text(row.querySelector('.kind'));

async function timeline(
  store: ChartStore,
  attributes = '',
  patientId = PATIENT,
): Promise<EmrChartTimeline> {
  const wrapper = await fixture<HTMLDivElement>(
    `<div><emr-chart-timeline patient-id="${patientId}" ${attributes}></emr-chart-timeline></div>`,
  );
  const el = wrapper.querySelector('emr-chart-timeline')!;
  el.store = store;
  return el;
}

/** What the timeline reads of a store besides its events: a wrapper over a store passes these on. */
const contextOf = (store: ChartStore) => ({
  chartPresence: (patientId: string) => store.chartPresence(patientId),
  patient: (patientId: string) => store.patient(patientId),
  readingContext: (patientId: string, codes: readonly string[]) =>
    store.readingContext(patientId, codes),
});

/** Metformin 500 mg twice daily (RxNorm 860975, as Synthea prescribes it), its dose raised to 1,000 mg, then stopped. */
async function metforminChanged(store: ChartStore) {
  const started = await store.record(
    prescription(
      'med-metformin',
      '24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet',
      500,
      'mg',
      { frequency: 2, patientId: PATIENT, authoredOn: '2024-01-10T09:00:00Z' },
    ),
  );
  const raised = structuredClone(started.resource);
  raised.dosageInstruction![0]!.doseAndRate = [
    {
      doseQuantity: { value: 1000, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' },
    },
  ];
  const changed = await store.revise(raised, started.revisionId, {
    reason: 'dose changed to 1,000 mg',
  });
  const stopped: MedicationRequest = structuredClone(changed.resource);
  stopped.status = 'stopped';
  stopped.dosageInstruction![0]!.timing!.repeat!.boundsPeriod = { end: '2024-06-01T09:00:00Z' };
  await store.revise(stopped, changed.revisionId, { reason: 'discontinued' });
  return { started, changed };
}

describe('emr-chart-timeline in clinicians’ words', () => {
  afterEach(closeTestStores);

  it('lists each dose change from the revision log, when and by whom it was made, and not a stop', async () => {
    const store = await openTestStore(undefined, DR_ADA);
    const { changed } = await metforminChanged(store);

    const events = await valueOf(store.timeline(PATIENT, { kinds: ['MedicationRequest'] }));
    // The change was made now: it is listed now, after the stop date the prescription was given.
    expect(events.map((e) => [e.phase, e.date])).to.deep.equal([
      ['dose-changed', new Date(changed.at).toISOString()],
      ['stopped', '2024-06-01T09:00:00.000Z'],
      [undefined, '2024-01-10T09:00:00.000Z'],
    ]);
    const change = events[0]!;
    expect(change.revisions!.map((r) => r.revisionId)).to.deep.equal([changed.revisionId]);
    const before = change.before as MedicationRequest;
    expect(before.dosageInstruction![0]!.doseAndRate![0]!.doseQuantity!.value).to.equal(500);
    const density = await valueOf(store.timelineDensity(PATIENT, { buckets: 1 }));
    expect(density.buckets[0]!.events, 'the start, the change and the stop').to.equal(3);

    const el = await timeline(store, 'show="medications"');
    await waitUntil(() => rows(el).length === 3, 'the three entries are not listed');
    const row = rows(el).find((r) => kindOf(r) === 'Dose changed')!;
    expect(text(row.querySelector('.title'))).to.equal(
      '24 HR metFORMIN hydrochloride 500 MG Extended Release Oral Tablet 500 mg →changed to 1,000 mg orally twice daily',
    );
    expect(row.querySelector('.title [aria-hidden="true"]')!.textContent).to.equal('→');
    expect(text(row.querySelector('.detail'))).to.equal('by Dr Ada Okafor');
    expect(row.querySelector('time')!.getAttribute('datetime')).to.equal(
      new Date(changed.at).toISOString(),
    );
    expect(rows(el).map(kindOf)).to.deep.equal([
      'Dose changed',
      'Medication stopped',
      'Medication started',
    ]);
    await expect(el).to.be.accessible();
  });

  it('reads a Synthea vital-sign set with the grid’s names, units and flags', () =>
    despiteResizeObserverLoops(async () => {
      const store = await openTestStore(undefined, DR_ADA);
      await importBundle(store, await syntheaText('Vito_Feeney'));
      const el = await timeline(store, 'show="vital-signs"', VITO);
      await waitUntil(() => rows(el).length > 0, 'no vital signs listed');
      const newest = rows(el)[0]!;
      expect(newest.querySelector('time')!.getAttribute('datetime')).to.equal(
        '1979-09-24T23:11:46.000Z',
      );
      expect(text(newest.querySelector('.title'))).to.equal('5 readings');
      const readings = [...newest.querySelectorAll('.reading')].map(text);
      expect(readings).to.deep.equal([
        'Blood pressure 185/115 mmHg ↑ High (systolic) ↑ High (diastolic)',
        'Weight 98.1 kg',
        'Height 180.6 cm',
        'BMI 30.1 kg/m² ↑ High',
        'Pain severity - 0-10 verbal numeric rating [Score] - Reported 0.8402',
      ]);
      expect(text(newest)).to.not.include('Blood Pressure 185');
      const flag = newest.querySelector('.flag.abnormal')!;
      expect(flag.querySelector('[aria-hidden="true"]')!.textContent).to.equal('↑');
      expect(
        newest.querySelector('.news2'),
        'no NEWS2 for a set without its seven parameters',
      ).to.equal(null);
      await expect(el).to.be.accessible();
    }));

  it('scores a full set with NEWS2 and its band, as the grid does, and none in pregnancy', async () => {
    const store = await openTestStore(undefined, DR_ADA);
    const at = '2024-03-01T10:00:00.000Z';
    let part = 0;
    // RCP NEWS2 Chart 1: RR 22 → 2, SpO₂ 95 → 1, air → 0, systolic 112 → 0, pulse 105 → 1, alert → 0, 38.4 °C → 1: 5, medium.
    const set = vitalsObservations(
      {
        values: {
          'respiratory-rate': 22,
          'oxygen-saturation': 95,
          'systolic-bp': 112,
          'diastolic-bp': 70,
          'heart-rate': 105,
          temperature: 38.4,
        },
        onOxygen: false,
        consciousness: 'A',
      },
      PATIENT,
      at,
      () => `full-${part++}`,
    );
    await store.recordAll([
      { resourceType: 'Patient', id: PATIENT, birthDate: '1958-11-02' },
      ...set,
    ]);
    const el = await timeline(store, 'show="vital-signs"');
    await waitUntil(() => rows(el).length === 1);
    const row = rows(el)[0]!;
    expect(text(row.querySelector('.news2'))).to.equal('NEWS2 5, ! Medium risk');
    expect([...row.querySelectorAll('.reading')].map(text)).to.deep.equal([
      'Respiratory rate 22/min ↑ High',
      'SpO₂ 95% ↓ Low',
      'Air or oxygen Air',
      'Blood pressure 112/70 mmHg',
      'Heart rate 105/min ↑ High',
      'Consciousness Alert',
      'Temperature 38.4 °C ↑ High',
    ]);
    await expect(el).to.be.accessible();

    // A pregnancy recorded from before the set: the grid withholds NEWS2, and so does the timeline.
    await store.record({
      resourceType: 'Condition',
      id: 'pregnancy',
      clinicalStatus: {
        coding: [
          { system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'active' },
        ],
      },
      code: {
        coding: [{ system: 'http://snomed.info/sct', code: '77386006', display: 'Pregnancy' }],
      },
      subject: { reference: `Patient/${PATIENT}` },
      onsetDateTime: '2024-01-15T00:00:00Z',
    });
    await waitUntil(() => !rows(el)[0]?.querySelector('.news2'), 'NEWS2 shown in pregnancy');
    expect(text(rows(el)[0]!.querySelector('.reading'))).to.equal('Respiratory rate 22/min ↑ High');
  });

  it('shows a note’s first words, clipped, and a draft’s title; never the whole note', async () => {
    const store = await openTestStore(undefined, DR_ADA);
    await recordNote(store, PATIENT, SIGNED_NOTE);
    await recordNote(store, PATIENT, DRAFT_NOTE);
    const long = 'Reviewed on the ward round. '.repeat(200);
    await store.record({
      resourceType: 'DocumentReference',
      id: 'note-long',
      status: 'current',
      docStatus: 'final',
      description: 'Ward round',
      subject: { reference: `Patient/${PATIENT}` },
      date: '2024-03-06T09:00:00Z',
      content: [{ attachment: { contentType: 'text/plain; charset=utf-8', data: btoa(long) } }],
    });
    const el = await timeline(store, 'show="notes"');
    await waitUntil(() => rows(el).length === 3);
    const excerpts = rows(el).map((r) => text(r.querySelector('.excerpt')));
    expect(excerpts[0]).to.match(/^Reviewed on the ward round\. Reviewed .*…$/);
    expect(excerpts[0]!.length).to.be.at.most(121);
    expect(text(rows(el)[1]!.querySelector('.title')), 'a draft: its title').to.equal(
      'Discharge summary',
    );
    expect(excerpts[1], 'and no text of the draft').to.equal('');
    expect(excerpts[2]).to.equal(
      'Subjective Breathless on exertion for two weeks. Objective SpO2 94% on air. Bibasal crackles. Assessment Likely heart…',
    );
    await expect(el).to.be.accessible();
  });

  it('lists a warning overridden in its own words, under its own filter', async () => {
    const store = await openTestStore(undefined, DR_ADA);
    await store.record({
      resourceType: 'DetectedIssue',
      id: 'issue-1',
      status: 'final',
      severity: 'high',
      code: { text: 'Drug–allergy check' },
      patient: { reference: `Patient/${PATIENT}` },
      identifiedDateTime: '2024-03-07T10:00:00Z',
      detail:
        'Amoxicillin: patient is allergic to penicillin V (penicillin class)\n\nRecorded allergy: penicillin V.',
      mitigation: [{ action: { text: 'Tolerated before' } }],
    });
    const el = await timeline(store, 'show="warnings"');
    await waitUntil(() => rows(el).length === 1);
    expect(kindOf(rows(el)[0]!)).to.equal('Warning overridden');
    expect(text(rows(el)[0]!.querySelector('.title'))).to.equal(
      'Amoxicillin: patient is allergic to penicillin V (penicillin class)',
    );
    await expect(el).to.be.accessible();
  });

  it('says "nothing of the kinds shown" at once when a filter empties the range, never "nothing in this range" first', async () => {
    const store = await timelineStore(uniqueDatabaseName('timeline-words'), PATIENT, DR_ADA);
    // The density's answer held back while the events' comes: the order that said the wrong thing.
    let hold = false;
    const held: Array<() => void> = [];
    let emptyAnswers = 0;
    const slow: ChartStore = Object.assign(Object.create(store) as ChartStore, {
      ...contextOf(store),
      timeline: (patientId: string, query: TimelineQuery = {}): LiveQuery<TimelineEvent[]> => ({
        subscribe: (observer) =>
          store.timeline(patientId, query).subscribe({
            ...observer,
            next: (events) => {
              if (query.kinds?.length === 0) emptyAnswers++;
              observer.next(events);
            },
          }),
      }),
      timelineDensity: (
        patientId: string,
        query: Parameters<ChartStore['timelineDensity']>[1],
      ): LiveQuery<TimelineDensity> => ({
        subscribe: (observer) => {
          let stop = () => {};
          let ended = false;
          const start = () => {
            if (!ended) stop = store.timelineDensity(patientId, query).subscribe(observer);
          };
          if (hold) held.push(start);
          else start();
          return () => {
            ended = true;
            stop();
          };
        },
      }),
    });
    const el = await timeline(slow, 'show="imaging"');
    await waitUntil(() => rows(el).length === 1, 'the X-ray is not listed');
    const said: string[] = [];
    const watcher = new MutationObserver(() => {
      const status = root(el).querySelector('.status.empty');
      if (status) said.push(text(status));
    });
    watcher.observe(root(el), { childList: true, subtree: true, characterData: true });
    hold = true;
    root(el).querySelector<HTMLInputElement>('input[value="imaging"]')!.click();
    await waitUntil(() => held.length === 1 && emptyAnswers > 0, 'the queries did not follow');
    await el.updateComplete;
    expect(said, 'nothing said before the density has answered').to.deep.equal([]);
    expect(rows(el), 'the last list stands meanwhile').to.have.length(1);
    hold = false;
    held.forEach((start) => start());
    await waitUntil(() => said.length > 0, 'the empty filter is not said');
    watcher.disconnect();
    expect([...new Set(said)]).to.deep.equal([
      'Nothing of the kinds shown. Change the filter to see more.',
    ]);
  });

  it('moves between worded entries with the keyboard', async () => {
    const store = await openTestStore(undefined, DR_ADA);
    await metforminChanged(store);
    const el = await timeline(store, 'show="medications"');
    await waitUntil(() => rows(el).length === 3);
    rows(el)[0]!.querySelector('button')!.focus();
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => kindOf(root(el).activeElement!.closest('[role=listitem]')!) === 'Medication started',
    );
    await sendKeys({ press: 'Home' });
    await waitUntil(
      () => kindOf(root(el).activeElement!.closest('[role=listitem]')!) === 'Dose changed',
    );
    const selected = new Promise<GlobalEventHandlersEventMap['emr-timeline-select']>((resolve) =>
      el.addEventListener('emr-timeline-select', resolve, { once: true }),
    );
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail.key).to.equal('MedicationRequest/med-metformin');
  });
});

/**
 * Rows measured while a long list lays out can leave a ResizeObserver
 * notification for the next frame: Chromium reports that as an error event
 * (w3c/csswg-drafts#5488), which is not a failure of the list.
 */
async function despiteResizeObserverLoops(run: () => Promise<void>): Promise<void> {
  const onerror = window.onerror;
  window.onerror = (message, ...rest) =>
    String(message).startsWith('ResizeObserver loop')
      ? true
      : onerror?.call(window, message, ...rest);
  try {
    await run();
  } finally {
    for (let frame = 0; frame < 10; frame++) await new Promise(requestAnimationFrame);
    window.onerror = onerror;
  }
}
