import { expect, fixture, html, oneEvent, waitUntil } from '../../test/support/testing.js';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import {
  writeBundle,
  type ChartStore,
  type Immunization,
  type LiveQuery,
  type TimelineDensityQuery,
  type TimelineEvent,
  type TimelineQuery,
} from '../../model/index.js';
import { importBundle } from '../../storage/index.js';
import { failingStore, pendingStore } from '../../test/support/stand-in-stores.js';
import {
  conflictAllergy,
  icuTimelineStore,
  timelineStore,
} from '../../test/support/charts/timeline.js';
import {
  closeTestStores,
  DR_ADA,
  NURSE_BO,
  openTestStore,
  storeWithEmptyChart,
  uniqueDatabaseName,
} from '../../test/support/test-stores.js';
import { EmrChartTimeline } from './chart-timeline.js';
import { rerender } from '../../test/support/rerender.js';
import './emr-chart-timeline.js';
import { PAGE } from './timeline-window.js';

// The timeline on real stores (IndexedDB in Chromium); the pending and
// failing stores stand in for a browser whose storage hangs or fails.

const PATIENT = 'pat-tl';

const once = <K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, name: K) =>
  oneEvent(target, name) as unknown as Promise<GlobalEventHandlersEventMap[K]>;

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

const chart = () => timelineStore(uniqueDatabaseName('timeline'), PATIENT, DR_ADA);
const root = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const rows = (el: EmrChartTimeline) =>
  [...root(el).querySelectorAll<HTMLElement>('.list [role=listitem]')].sort(
    (a, b) =>
      Number(a.querySelector<HTMLElement>('button')!.dataset.index) -
      Number(b.querySelector<HTMLElement>('button')!.dataset.index),
  );
const entries = (el: EmrChartTimeline) => [
  ...root(el).querySelectorAll<HTMLButtonElement>('.list button.entry'),
];
/** The entry button of a row, by its index in the list. */
const entryAt = (el: EmrChartTimeline, index: number) =>
  root(el).querySelector<HTMLButtonElement>(`.list button.entry[data-index="${index}"]`)!;
const titles = (el: EmrChartTimeline) =>
  entries(el)
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((b) => text(b.querySelector('.title')));
const settled = (el: EmrChartTimeline) =>
  waitUntil(
    () => rows(el).length || root(el).querySelector('.status.empty, .status.error'),
    'timeline did not settle',
    { timeout: 10_000 },
  );
const bars = (el: EmrChartTimeline) => [
  ...root(el).querySelectorAll<HTMLButtonElement>('button.bar'),
];
const button = (el: EmrChartTimeline, name: string) =>
  [...root(el).querySelectorAll('button')].find((b) => text(b) === name)!;
const checkbox = (el: EmrChartTimeline, value: string) =>
  root(el).querySelector<HTMLInputElement>(`input[value="${value}"]`)!;

/** The real store, recording what the timeline asks of it and how many events each answer holds. */
function spying(store: ChartStore) {
  const asked: Array<{ query: TimelineQuery; sizes: number[] }> = [];
  const density: TimelineDensityQuery[] = [];
  const spy: ChartStore = Object.assign(Object.create(store) as ChartStore, {
    timeline: (patientId: string, query: TimelineQuery = {}): LiveQuery<TimelineEvent[]> => {
      const entry = { query, sizes: [] as number[] };
      asked.push(entry);
      const live = store.timeline(patientId, query);
      return {
        subscribe: (observer) =>
          live.subscribe({
            ...observer,
            next: (value) => {
              entry.sizes.push(value.length);
              observer.next(value);
            },
          }),
      };
    },
    chartPresence: (patientId: string) => store.chartPresence(patientId),
    patient: (patientId: string) => store.patient(patientId),
    readingContext: (patientId: string, codes: readonly string[]) =>
      store.readingContext(patientId, codes),
    timelineDensity: (patientId: string, query: TimelineDensityQuery) => {
      density.push(query);
      return store.timelineDensity(patientId, query);
    },
  });
  return { spy, asked, density };
}

describe('emr-chart-timeline', () => {
  afterEach(closeTestStores);

  it('is defined, and maps its attributes to properties', async () => {
    expect(customElements.get('emr-chart-timeline')).to.equal(EmrChartTimeline);
    const el = await fixture<EmrChartTimeline>(
      html`<emr-chart-timeline
        patient-id="p-9"
        zoom="week"
        show="notes vital-signs bogus"
      ></emr-chart-timeline>`,
    );
    expect([el.patientId, el.zoom, el.show]).to.deep.equal([
      'p-9',
      'week',
      ['notes', 'vital-signs'],
    ]);
    el.setAttribute('zoom', 'decade');
    expect(el.zoom).to.equal('all');
    el.removeAttribute('show');
    expect(el.show).to.have.length(10);
  });

  it('shows the pending, error, empty and no-patient states, never a blank box', async () => {
    const pending = await timeline(pendingStore());
    await pending.updateComplete;
    expect(text(root(pending).querySelector('.status.pending'))).to.equal('Loading the timeline…');

    const failing = await timeline(failingStore('unavailable', 'IndexedDB is disabled'));
    await settled(failing);
    expect(text(root(failing).querySelector('.status.error'))).to.include(
      'this device’s storage is not available',
    );
    expect(text(root(failing).querySelector('.status.error'))).to.include('IndexedDB is disabled');
    await expect(failing).to.be.accessible();

    const empty = await timeline(await storeWithEmptyChart(PATIENT));
    await settled(empty);
    expect(text(root(empty).querySelector('.status.empty'))).to.equal(
      'Nothing recorded for this patient.',
    );
    await expect(empty).to.be.accessible();

    const nobody = await fixture<EmrChartTimeline>(
      html`<emr-chart-timeline .store=${empty.store}></emr-chart-timeline>`,
    );
    expect(text(root(nobody).querySelector('.status'))).to.equal('No patient selected.');
  });

  it('lists entries newest first, grouped under their encounters, each vital-sign set as one entry, and is accessible', async () => {
    const el = await timeline(await chart());
    await settled(el);
    expect(titles(el)).to.deep.equal([
      '1 reading',
      '3 readings',
      'Emergency visit',
      'Wrist splinting',
      'Wrist X-ray',
      'Ibuprofen 400 mg tablet',
      'General examination',
      'Annual review',
      'Lipid panel',
      'Influenza vaccine',
      '2 readings',
      'Penicillin allergy',
    ]);
    const levels = rows(el).map((r) => (r.classList.contains('level-1') ? 1 : 0));
    expect(levels).to.deep.equal([0, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0]);
    const set = rows(el)[1]!;
    expect(text(set.querySelector('.kind'))).to.equal('Vital signs');
    expect(text(set.querySelector('.detail'))).to.equal(
      'Blood pressure 134/85 mmHg · Heart rate 88/min · Temperature 37.6 °C',
    );
    expect(text(rows(el)[3]!.querySelector('.visually-hidden'))).to.equal(
      'Part of: Emergency visit',
    );
    expect(text(rows(el)[5]!))
      .to.include('Medication started')
      .and.include('Stopped');
    expect(rows(el)[3]!.querySelector('time')!.getAttribute('datetime')).to.equal(
      '2024-03-01T09:00:00.000Z',
    );
    await expect(el).to.be.accessible();
  });

  it('renders without side effects: rendered again, the list and the strip stay as they are and nothing fires', async () => {
    const el = await timeline(await chart());
    await settled(el);
    // The virtualizer lays rows out over a few frames: until two looks in a row find them where they were.
    let laidOut = '';
    await waitUntil(() => {
      const now = rows(el)
        .map((row) => `${row.style.transform} ${row.getBoundingClientRect().height}`)
        .join();
      const still = now === laidOut;
      laidOut = now;
      return still;
    }, 'the list was never laid out');
    const shown = rows(el);
    expect(await rerender(el, ['emr-timeline-select'])).to.deep.equal({
      mutations: 0,
      events: [],
      pending: false,
    });
    expect(rows(el)).to.deep.equal(shown);
  });

  it('lists a medication twice when it has ended: where it started, and where it stopped', async () => {
    const store = await chart();
    await store.record({
      resourceType: 'MedicationStatement',
      id: 'ms-course',
      status: 'completed',
      medicationCodeableConcept: { text: 'Amoxicillin 500 mg capsule' },
      subject: { reference: `Patient/${PATIENT}` },
      effectivePeriod: { start: '2024-03-02T08:00:00Z', end: '2024-03-09T08:00:00Z' },
    });
    const el = await timeline(store, 'show="medications"');
    await waitUntil(
      () => titles(el).filter((t) => t === 'Amoxicillin 500 mg capsule').length === 2,
      'the course is not listed twice',
    );
    const course = rows(el).filter(
      (r) => text(r.querySelector('.title')) === 'Amoxicillin 500 mg capsule',
    );
    expect(
      course.map((r) => [
        r.querySelector('time')!.getAttribute('datetime'),
        text(r.querySelector('.kind')),
      ]),
    ).to.deep.equal([
      ['2024-03-09T08:00:00.000Z', 'Medication stopped'],
      ['2024-03-02T08:00:00.000Z', 'Medication'],
    ]);
    expect(text(course[0]!.querySelector('.detail'))).to.equal('Completed');
    await expect(el).to.be.accessible();
  });

  it('marks an entry in conflict, in text, and keeps it in the list', async () => {
    const store = await chart();
    const colleague = await openTestStore(undefined, NURSE_BO);
    await conflictAllergy(store, colleague, PATIENT);
    const el = await timeline(store);
    await waitUntil(
      () => rows(el).some((r) => r.classList.contains('conflict')),
      'no conflict shown',
    );
    const conflicted = rows(el).filter((r) => r.classList.contains('conflict'));
    expect(conflicted.map((r) => text(r.querySelector('.title')))).to.deep.equal([
      'Penicillin allergy',
    ]);
    expect(text(conflicted[0]!.querySelector('.conflict-badge'))).to.equal(
      '⚠ Conflict: two versions, not yet resolved',
    );
    await expect(el).to.be.accessible();
  });

  it('filters by kind with checkboxes, asks the store for those kinds only, and says when allergies are hidden', async () => {
    const { spy, asked, density } = spying(await chart());
    const el = await timeline(spy);
    await settled(el);
    expect(root(el).querySelector('.notice')).to.equal(null);
    checkbox(el, 'vital-signs').click();
    await waitUntil(
      () => !titles(el).some((t) => t.endsWith('reading') || t.endsWith('readings')),
      'vital signs still shown',
    );
    expect(asked.at(-1)!.query.kinds).to.not.include('vital-signs');
    expect(density.at(-1)!.kinds).to.not.include('vital-signs');
    expect(el.show).to.not.include('vital-signs');

    checkbox(el, 'allergies').click();
    await waitUntil(() => !titles(el).includes('Penicillin allergy'));
    expect(text(root(el).querySelector('.notice'))).to.equal(
      '⚠ Allergies are hidden by the filter.',
    );

    checkbox(el, 'encounters').click();
    await waitUntil(() => !titles(el).includes('Emergency visit'));
    expect(rows(el).every((r) => r.classList.contains('level-0'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says so when the filter leaves nothing to show', async () => {
    const el = await timeline(await chart(), 'show="imaging"');
    await settled(el);
    expect(titles(el)).to.deep.equal(['Wrist X-ray']);
    checkbox(el, 'imaging').click();
    // The entries' query may answer before the density's: "nothing in this range" shows for a moment.
    await waitUntil(
      () =>
        text(root(el).querySelector('.status.empty')) ===
        'Nothing of the kinds shown. Change the filter to see more.',
      'the empty filter is not said',
    );
    expect(titles(el)).to.deep.equal([]);
  });

  it('zooms to a range back from the newest event, with toggle buttons', async () => {
    const el = await timeline(await chart());
    await settled(el);
    expect(button(el, 'All').getAttribute('aria-pressed')).to.equal('true');
    button(el, 'Day').click();
    await waitUntil(() => !titles(el).includes('General examination'), 'older entries still shown');
    expect(el.zoom).to.equal('day');
    expect(button(el, 'Day').getAttribute('aria-pressed')).to.equal('true');
    expect(titles(el)).to.deep.equal([
      '1 reading',
      '3 readings',
      'Emergency visit',
      'Wrist splinting',
      'Wrist X-ray',
      'Ibuprofen 400 mg tablet',
    ]);
    // The strip covers the last 24 hours before the newest event, an hour a bar.
    expect(bars(el)).to.have.length(24);
    expect(bars(el)[0]!.getAttribute('aria-label')).to.match(
      /^29 Feb 2024, \d\d:00 to 29 Feb 2024, \d\d:00: 0 events$/,
    );
    button(el, 'Year').click();
    await waitUntil(() => titles(el).includes('General examination'));
    expect(titles(el)).to.not.include('Penicillin allergy');
    expect(el.getAttribute('zoom')).to.equal('year');
  });

  it('draws where the events are, and jumps the list to a bar', async () => {
    const el = await timeline(await chart(), 'zoom="month"');
    await settled(el);
    const labels = bars(el).map((b) => b.getAttribute('aria-label')!);
    const counted = labels.filter((l) => !l.endsWith(': 0 events'));
    expect(counted).to.have.length(2);
    expect(labels.at(-1)).to.match(/: 4 events, 4 vital-sign readings$/);
    const visit = bars(el).find((b) =>
      /: 4 events, 2 vital-sign readings$/.test(b.getAttribute('aria-label')!),
    )!;
    expect(bars(el).at(-1)!.getAttribute('aria-current')).to.equal('location');

    visit.click();
    await waitUntil(() => titles(el)[0] === 'General examination', 'the list did not jump');
    expect(visit.getAttribute('aria-current')).to.equal('location');
    expect(text(root(el).querySelector('.jumped'))).to.match(
      /^Showing entries before .*Back to newest$/,
    );
    button(el, 'Back to newest').click();
    await waitUntil(() => titles(el)[0] === '1 reading');
    expect(root(el).querySelector('.jumped')).to.equal(null);
  });

  it('moves between bars with the arrow keys and jumps with Enter', async () => {
    const el = await timeline(await chart(), 'zoom="day"');
    await settled(el);
    const last = bars(el).at(-1)!;
    expect(bars(el).filter((b) => b.tabIndex === 0)).to.deep.equal([last]);
    last.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => root(el).activeElement === bars(el).at(-3));
    await sendKeys({ press: 'Home' });
    await waitUntil(() => root(el).activeElement === bars(el)[0]);
    expect(bars(el)[0]!.tabIndex).to.equal(0);
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => root(el).querySelector('.status.empty'), 'the list did not jump');
    expect(text(root(el).querySelector('.status.empty'))).to.equal('Nothing in this range.');
  });

  it('moves between entries with the keyboard, one Tab stop, and selects with Enter', async () => {
    const el = await timeline(await chart());
    await settled(el);
    expect(entries(el).filter((b) => b.tabIndex === 0)).to.deep.equal([entryAt(el, 0)]);
    entryAt(el, 0).focus();
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => root(el).activeElement === entryAt(el, 1));
    expect(entryAt(el, 1).tabIndex).to.equal(0);
    expect(entryAt(el, 0).tabIndex).to.equal(-1);
    await sendKeys({ press: 'End' });
    await waitUntil(
      () => text(root(el).activeElement?.querySelector('.title')) === 'Penicillin allergy',
    );
    await sendKeys({ press: 'ArrowUp' });
    await waitUntil(() => text(root(el).activeElement?.querySelector('.title')) === '2 readings');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => root(el).activeElement === entryAt(el, 0));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(
      () => text(root(el).activeElement?.querySelector('.title')) === 'Emergency visit',
    );
    const selected = once(el, 'emr-timeline-select');
    await sendKeys({ press: 'Enter' });
    const event = await selected;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.deep.equal({
      resourceType: 'Encounter',
      id: `${PATIENT}-er`,
      key: `Encounter/${PATIENT}-er`,
      keys: [`Encounter/${PATIENT}-er`],
      date: '2024-03-01T08:00:00.000Z',
    });
  });

  it('fires one select event per click, with every observation of a set, and none on a property set', async () => {
    const el = await timeline(await chart());
    await settled(el);
    const fired: Array<GlobalEventHandlersEventMap['emr-timeline-select']> = [];
    el.addEventListener('emr-timeline-select', (e) => fired.push(e));
    el.zoom = 'year';
    el.show = ['vital-signs'];
    await waitUntil(() => titles(el).length === 3);
    expect(fired).to.have.length(0);
    rows(el)[1]!
      .querySelector('.title')!
      .dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(fired).to.have.length(1);
    expect(fired[0]!.detail).to.deep.equal({
      resourceType: 'Observation',
      id: `${PATIENT}-v2-temp`,
      key: `Observation/${PATIENT}-v2-temp`,
      date: '2024-03-01T14:00:00.000Z',
      keys: [
        `Observation/${PATIENT}-v2-temp`,
        `Observation/${PATIENT}-v2-hr`,
        `Observation/${PATIENT}-v2-bp`,
      ],
    });
  });

  it('takes its theming tokens', async () => {
    const store = await chart();
    const colleague = await openTestStore(undefined, NURSE_BO);
    await conflictAllergy(store, colleague, PATIENT);
    const wrapper = await fixture<HTMLDivElement>(
      html`<div
        style="--emr-chart-timeline-conflict-color: rgb(1, 2, 3); --emr-chart-timeline-height: 240px; --emr-color-primary: rgb(4, 5, 6)"
      >
        <emr-chart-timeline patient-id=${PATIENT} .store=${store}></emr-chart-timeline>
      </div>`,
    );
    const el = wrapper.querySelector('emr-chart-timeline')!;
    await waitUntil(() => root(el).querySelector('.conflict-badge'));
    expect(getComputedStyle(root(el).querySelector('.conflict-badge')!).color).to.equal(
      'rgb(1, 2, 3)',
    );
    expect(getComputedStyle(root(el).querySelector('.list')!).height).to.equal('240px');
    expect(getComputedStyle(root(el).querySelector('.bar .fill')!).backgroundColor).to.equal(
      'rgb(4, 5, 6)',
    );
  });

  it('prints every entry loaded, those scrolled out of view too, with no control but the filters', async () => {
    const el = await timeline(await chart());
    await settled(el);
    const printed = await whilePrinting(async () => {
      await waitUntil(() => root(el).querySelector('.print-list'), 'no list for paper');
      const shown = (selector: string) =>
        [...root(el).querySelectorAll<HTMLElement>(selector)].filter((node) =>
          node.checkVisibility(),
        );
      expect(shown('.list, .zoom button'), 'the scrolling list and the zoom').to.have.length(0);
      expect(shown('.filters'), 'what is shown').to.have.length(1);
      return {
        titles: shown('.print-list .title').map(text),
        footer: text(shown('.print-footer')[0]),
      };
    });
    expect(printed.titles).to.deep.equal([
      '1 reading',
      '3 readings',
      'Emergency visit',
      'Wrist splinting',
      'Wrist X-ray',
      'Ibuprofen 400 mg tablet',
      'General examination',
      'Annual review',
      'Lipid panel',
      'Influenza vaccine',
      '2 readings',
      'Penicillin allergy',
    ]);
    expect(printed.footer).to.equal('12 entries: all of the range.');
    await waitUntil(
      () => !root(el).querySelector('.print-list'),
      'the list for paper stayed after printing',
    );
  });

  it('prints a long chart as far as it is loaded, and says that older entries were not', () =>
    despiteResizeObserverLoops(async () => {
      const store = await openTestStore();
      const vaccines = Array.from({ length: PAGE + 30 }, (_, i): Immunization => ({
        resourceType: 'Immunization',
        id: `imm-${i}`,
        status: 'completed',
        patient: { reference: 'Patient/pat-many' },
        vaccineCode: { text: `Vaccine ${i}` },
        occurrenceDateTime: new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString(),
      }));
      await importBundle(store, writeBundle(vaccines));
      const many = await timeline(store, '', 'pat-many');
      await settled(many);
      const onScreen = rows(many).length;
      const printed = await whilePrinting(async () => {
        await waitUntil(() => root(many).querySelector('.print-footer'), 'no list for paper');
        const printedRows = root(many).querySelectorAll('.print-list .row');
        return {
          count: printedRows.length,
          oldest: text([...printedRows].at(-1)!.querySelector('time')),
          footer: text(root(many).querySelector('.print-footer')),
        };
      });
      // A screenful or two (rows are as tall as the host page's type makes them), never the page loaded.
      expect(onScreen, 'rows on screen').to.be.below(PAGE / 2);
      expect(printed.count, 'the first page, loaded').to.be.above(onScreen).and.at.most(PAGE);
      expect(printed.footer).to.equal(
        `${printed.count} entries, back to ${printed.oldest}. Older entries in this range were not loaded: scroll to the end of the list before printing to include them.`,
      );
    }));

  it('keeps a bounded number of rows in the DOM and reads a window of a big chart, widening as it is scrolled', async function () {
    this.timeout(60_000);
    await despiteResizeObserverLoops(scrollsTheBigChart);
  });
});

/** Scrolls a two-day intensive-care stay to its end, again and again. */
async function scrollsTheBigChart(): Promise<void> {
  // Two days of minute-by-minute monitor data: 20,160 observations, 2,880 vital-sign sets.
  const { store, patientId } = await icuTimelineStore(
    uniqueDatabaseName('timeline-icu'),
    2,
    DR_ADA,
  );
  const { spy, asked } = spying(store);
  const el = await timeline(spy, 'style="--emr-chart-timeline-height: 400px"', patientId);
  await settled(el);
  const events = asked.filter((a) => !a.query.kinds?.every((k) => k === 'Encounter'));
  expect(events[0]!.query.limit).to.equal(PAGE);
  expect(Math.max(...events.flatMap((a) => a.sizes))).to.be.at.most(4 * PAGE);
  expect(rows(el).length).to.be.within(5, 60);

  const list = root(el).querySelector<HTMLElement>('.list')!;
  const before = titles(el).length;
  const widest = () => Math.max(...asked.map((a) => a.query.limit ?? 0));
  while (widest() < 16 * PAGE) {
    const asks = asked.length;
    // Row heights are estimated until measured: keep scrolling to the end, as a reader would.
    await waitUntil(
      () => {
        list.scrollTop = list.scrollHeight;
        return asked.length > asks;
      },
      'no wider window asked for',
      { timeout: 15_000 },
    );
  }
  await waitUntil(() => rows(el).length > 0 && Math.max(...asked.at(-1)!.sizes) > 0);
  expect(asked.map((a) => a.query.limit).filter(Boolean)).to.deep.equal(
    [1, 2, 4, 8, 16].map((n) => n * PAGE).slice(0, asked.filter((a) => a.query.limit).length),
    'doubling, one step at a time',
  );
  expect(rows(el).length).to.be.within(5, 60);
  expect(before).to.be.within(5, 60);
  expect(entries(el).filter((b) => b.tabIndex === 0).length).to.be.at.most(1);
  await expect(el).to.be.accessible();
}

/**
 * Rows measured while the list scrolls fast, or changes size, can leave a
 * ResizeObserver notification for the next frame: Chromium reports that as
 * an error event (w3c/csswg-drafts#5488), which is not a failure of the list.
 */
async function despiteResizeObserverLoops<T>(run: () => Promise<T>): Promise<T> {
  const onerror = window.onerror;
  let quietFrames = 0;
  window.onerror = (message, ...rest) => {
    if (!String(message).startsWith('ResizeObserver loop'))
      return onerror?.call(window, message, ...rest);
    quietFrames = 0;
    return true;
  };
  try {
    return await run();
  } finally {
    // The notifications come frames late: wait until ten frames pass without one.
    for (let frame = 0; frame < 300 && quietFrames < 10; frame++, quietFrames++)
      await new Promise(requestAnimationFrame);
    window.onerror = onerror;
  }
}

/** Runs a check with the page in print media, and back on screen after; hidden for paper and shown again, the virtual list's rows change size. */
function whilePrinting<T>(check: () => Promise<T>): Promise<T> {
  return despiteResizeObserverLoops(async () => {
    try {
      await emulateMedia({ media: 'print' });
      // The media change reaches the page's rendering after the command returns.
      await waitUntil(() => matchMedia('print').matches, 'print media not applied');
      return await check();
    } finally {
      await emulateMedia({ media: 'screen' });
      await waitUntil(() => !matchMedia('print').matches, 'print media not left');
    }
  });
}
