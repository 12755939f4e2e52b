import type { LitElement } from 'lit';
import { expect, fixture, html, waitUntil } from '../../support/testing.js';
import {
  writeBundle,
  type ChartStore,
  type FhirResource,
  type LiveQuery,
} from '../../../model/index.js';
import { importBundle } from '../../../storage/index.js';
import { PENDING_GRACE_MS } from '../../../components/shared/pending-grace.js';
import {
  failingStore,
  importingStore,
  overriding,
  pendingStore,
} from '../../support/stand-in-stores.js';
import { closeTestStores, openTestStore, storeWithEmptyChart } from '../../support/test-stores.js';
import { NOTE_PATIENT, recordNote, SIGNED_NOTE } from '../../support/charts/notes.js';
import { condition, PROBLEM_PATIENT } from '../../support/charts/problems.js';
import { labReport, labResults, REPORT_PATIENT } from '../../support/charts/reports.js';
import { timelineResources } from '../../support/charts/timeline.js';
import { chartPresenceMessages } from '../../../components/shared/chart-presence.messages.js';
import { chartTimelineMessages } from '../../../components/chart-timeline/chart-timeline.messages.js';
import { labResultsMessages } from '../../../components/lab-results/lab-results.messages.js';
import { problemListMessages } from '../../../components/problem-list/problem-list.messages.js';
import { reportViewerMessages } from '../../../components/report-viewer/report-viewer.messages.js';
import { bannerMessages } from '../../../components/allergy-banner/allergy-banner.messages.js';
import { medicationListMessages } from '../../../components/medication-list/medication-list.messages.js';
import { vitalsGridMessages } from '../../../components/vitals-grid/vitals-grid.messages.js';
import '../../../components/allergy-banner/emr-allergy-banner.js';
import '../../../components/medication-list/emr-medication-list.js';
import '../../../components/vitals-grid/emr-vitals-grid.js';
import '../../../components/chart-timeline/emr-chart-timeline.js';
import '../../../components/lab-results/emr-lab-results.js';
import '../../../components/note-list/emr-note-list.js';
import '../../../components/problem-list/emr-problem-list.js';
import '../../../components/report-viewer/emr-report-viewer.js';

// A first screen over a store that answers first from the device
// (`firstAnswersSoon`, startChartStore's) paints its rows in its first frame,
// not a pending state replaced a moment later; when the answers are late,
// the pending state shows once the grace is over, as it does at once over
// any other store.

const ELEMENTS = [
  { tag: 'emr-allergy-banner', pending: bannerMessages.pending },
  { tag: 'emr-medication-list', pending: medicationListMessages.pending },
  { tag: 'emr-vitals-grid', pending: vitalsGridMessages.pending },
] as const;

const textOf = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

async function mount(tag: string, store: ChartStore): Promise<HTMLElement> {
  const el = document.createElement(tag) as HTMLElement & { store: ChartStore; patientId: string };
  el.patientId = 'pat-1';
  el.store = store;
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  return el;
}

/** Every text the element's shadow root showed, from now on. */
function textsShown(el: HTMLElement): string[] {
  const shown = [textOf(el)];
  new MutationObserver(() => shown.push(textOf(el))).observe(el.shadowRoot!, {
    subtree: true,
    childList: true,
    characterData: true,
  });
  return shown;
}

describe('pending state of a first screen', () => {
  for (const { tag, pending } of ELEMENTS) {
    describe(tag, () => {
      it('says it is pending at once over a store that does not answer first from the device', async () => {
        const el = await mount(tag, pendingStore());
        expect(textOf(el)).to.contain(pending);
      });

      it('paints no pending state before first answers from the device', async () => {
        const store = overriding(importingStore(), { firstAnswersSoon: true });
        const el = await mount(tag, store);
        const shown = textsShown(el);
        await waitUntil(() => textOf(el) !== '', 'the first answer was shown');
        await new Promise((resolve) => setTimeout(resolve, PENDING_GRACE_MS + 50));
        expect(shown.filter((text) => text.includes(pending))).to.deep.equal([]);
        // The answer: the chart is being loaded onto the device.
        expect(textOf(el)).to.match(/load/i);
      });

      it('says it is pending once the grace is over when the first answers are late', async () => {
        const store = overriding(pendingStore(), { firstAnswersSoon: true });
        const started = performance.now();
        const el = await mount(tag, store);
        expect(textOf(el)).to.not.contain(pending);
        await waitUntil(() => textOf(el).includes(pending), 'the pending state came', {
          timeout: PENDING_GRACE_MS * 10,
        });
        expect(performance.now() - started).to.be.at.least(PENDING_GRACE_MS - 5);
      });
    });
  }
});

// The other feature elements that read the chart store. Their first answers
// are held back, then given all at once (as the same store gave them to the
// element a moment before), as a device's first answers come: nothing is
// painted until they come, then the rows.

const LABORATORY = [
  {
    coding: [
      { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
    ],
  },
];

async function chartOf(resources: FhirResource[], patientId: string) {
  const store = await storeWithEmptyChart(patientId);
  for (const resource of resources) await store.record(resource);
  return store;
}

const MORE_ELEMENTS = [
  {
    tag: 'emr-chart-timeline',
    pending: [chartTimelineMessages.pending],
    shows: { patientId: 'pat-timeline' },
    chart: async () => {
      const store = await openTestStore();
      await importBundle(store, writeBundle(timelineResources('pat-timeline')));
      return store;
    },
    rows: 'Emergency visit',
    // The list's own rows come a frame later, from the virtualizer: its first frame has the rest.
    first: chartTimelineMessages.start,
    missing: chartPresenceMessages.importing,
  },
  {
    tag: 'emr-lab-results',
    pending: [labResultsMessages.pending],
    shows: { patientId: REPORT_PATIENT },
    chart: () =>
      chartOf(
        labResults().map((result) => ({ ...result, category: LABORATORY })),
        REPORT_PATIENT,
      ),
    rows: 'Hemoglobin',
    missing: chartPresenceMessages.importing,
  },
  {
    tag: 'emr-note-list',
    pending: ['Loading notes…'],
    shows: { patientId: NOTE_PATIENT },
    chart: async () => {
      const store = await storeWithEmptyChart(NOTE_PATIENT);
      await recordNote(store, NOTE_PATIENT, SIGNED_NOTE);
      return store;
    },
    rows: 'Progress note',
    missing: chartPresenceMessages.importing,
  },
  {
    tag: 'emr-problem-list',
    pending: [problemListMessages.pending],
    shows: { patientId: PROBLEM_PATIENT },
    chart: () => chartOf([condition('hypertension', '38341003', 'Hypertension')], PROBLEM_PATIENT),
    rows: 'Hypertension',
    missing: chartPresenceMessages.importing,
  },
  {
    tag: 'emr-report-viewer',
    // The report's own, and its results' while they are read.
    pending: [reportViewerMessages.pending, reportViewerMessages.resultPending],
    shows: { key: `DiagnosticReport/${labReport().id}` },
    chart: () => chartOf([...labResults(), labReport()], REPORT_PATIENT),
    rows: 'Hemoglobin [Mass/volume] in Blood',
    missing: reportViewerMessages.notFound,
  },
] as const;

type Case = (typeof MORE_ELEMENTS)[number];

async function mountCase({ tag, shows }: Case, store: ChartStore): Promise<LitElement> {
  const el = Object.assign(document.createElement(tag) as LitElement, shows, { store });
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  return el;
}

/** Lets the element take every answer already given, in microtasks only: no timer runs, the grace's included. */
async function settled(el: LitElement): Promise<void> {
  for (let round = 0; round < 10; round++) await el.updateComplete;
}

const askedAs = (name: string | symbol, args: unknown[]) =>
  `${String(name)}${JSON.stringify(args)}`;
const isQuery = (value: unknown): value is LiveQuery<unknown> =>
  typeof (value as Partial<LiveQuery<unknown>> | null)?.subscribe === 'function';

/** `store` with the answers of each of its queries passed through `answer`, which knows what was asked. */
function answering(
  store: ChartStore,
  answer: (asked: string, query: LiveQuery<unknown>) => LiveQuery<unknown>,
): ChartStore {
  return new Proxy(store, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        return isQuery(result) ? answer(askedAs(name, args), result) : result;
      };
    },
  });
}

/** The store, remembering its last answer to each query asked. */
const remembering = (store: ChartStore, answers: Map<string, unknown>) =>
  answering(store, (asked, query) => ({
    subscribe: (observer) =>
      query.subscribe({
        next: (value) => {
          answers.set(asked, value);
          observer.next(value);
        },
        error: (error) => observer.error?.(error),
      }),
  }));

/** A store that answers first from the device, and answers nothing until `release()`: then each query at once with its answer remembered (the store's own for any other). */
function heldBack(store: ChartStore, answers: ReadonlyMap<string, unknown>) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = answering(store, (asked, query) => ({
    subscribe(observer) {
      let stop: (() => void) | undefined;
      let stopped = false;
      void released.then(() => {
        if (stopped) return;
        if (answers.has(asked)) observer.next(answers.get(asked));
        else stop = query.subscribe(observer);
      });
      return () => {
        stopped = true;
        stop?.();
      };
    },
  }));
  return { store: overriding(held, { firstAnswersSoon: true }), release };
}

const showsPending = (pending: readonly string[], text: string) =>
  pending.some((words) => text.includes(words));

describe('pending state of the other feature elements', () => {
  afterEach(closeTestStores);

  for (const element of MORE_ELEMENTS) {
    const { tag, pending, rows } = element;
    describe(tag, () => {
      it('paints no pending state while its first answers are held back, then its rows', async () => {
        const store = await element.chart();
        const answers = new Map<string, unknown>();
        const reader = await mountCase(element, remembering(store, answers));
        await waitUntil(() => textOf(reader).includes(rows), 'the rows were read');
        reader.remove();

        const { store: held, release } = heldBack(store, answers);
        const el = await mountCase(element, held);
        const shown = textsShown(el);
        await settled(el);
        await new Promise(requestAnimationFrame); // a frame painted while the answers are held back
        expect(textOf(el)).to.equal('');
        release();
        await waitUntil(() => textOf(el).includes(rows), 'the rows were shown');
        await new Promise((resolve) => setTimeout(resolve, PENDING_GRACE_MS + 50));
        expect(shown.filter((text) => showsPending(pending, text))).to.deep.equal([]);
        // Nothing, then its rows: no frame of anything in between.
        const first = 'first' in element ? element.first : rows;
        expect(shown.filter((text) => text !== '' && !text.includes(first))).to.deep.equal([]);
        expect(textOf(el)).to.contain(rows);
      });

      it('says it is pending once the grace is over when the first answers are late', async () => {
        const started = performance.now();
        const el = await mountCase(element, overriding(pendingStore(), { firstAnswersSoon: true }));
        await settled(el);
        expect(textOf(el)).to.equal('');
        await waitUntil(() => showsPending(pending, textOf(el)), 'the pending state came', {
          timeout: PENDING_GRACE_MS * 10,
        });
        expect(performance.now() - started).to.be.at.least(PENDING_GRACE_MS - 5);
      });

      it('says it is pending at once over a store that does not answer first from the device', async () => {
        const el = await mountCase(element, pendingStore());
        await settled(el);
        expect(textOf(el)).to.contain(pending[0]);
      });

      it('holds back no error, and no chart missing from the device', async () => {
        const soon = { firstAnswersSoon: true };
        const failing = await mountCase(
          element,
          overriding(failingStore('unavailable', 'The disk failed.'), soon),
        );
        const missing = await mountCase(element, overriding(importingStore(), soon));
        await settled(failing);
        await settled(missing);
        expect(textOf(failing)).to.contain('The disk failed.');
        expect(textOf(missing)).to.contain(element.missing);
      });
    });
  }
});
