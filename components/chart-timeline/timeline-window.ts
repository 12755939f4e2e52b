import type { ReactiveController } from 'lit';
import type {
  ChartStore,
  ChartStoreError,
  TimelineBucket,
  TimelineDensity,
  TimelineEvent,
} from '../../model/index.js';
import { LiveQueryController, type ChartQueryHost } from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { groupByEncounter, vitalSets, type TimelineEntry } from './timeline-entries.js';
import { kindsOf, ZOOM_SPAN, type TimelineFilter, type TimelineZoom } from './timeline-filters.js';

// The timeline never asks for a whole chart: a month of minute-by-minute
// monitor data is 300,000 observations. It asks for the newest PAGE events
// before the window's end, and for twice as many each time the list is
// scrolled near its last row; a bar of the density strip moves the end.
// The density strip reads counts only, which IndexedDB answers from its
// indexes without reading a row.

/** Events asked for at first: a screen and more, whatever the chart. */
export const PAGE = 200;
export const BUCKETS = 24;

export interface TimelineWindowHost extends ChartQueryHost {
  zoom: TimelineZoom;
  show: readonly TimelineFilter[];
}

export type TimelineView =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'error'; error: ChartStoreError }
  | {
      status: 'ready';
      entries: TimelineEntry[];
      density: TimelineDensity;
      /** Older events exist in the range beyond those loaded. */
      more: boolean;
      /** The exclusive end the list was moved to by a bar, if it was. */
      jumpedTo: string | undefined;
    };

type Ready = Extract<TimelineView, { status: 'ready' }>;

export class TimelineWindowController implements ReactiveController {
  readonly #host: TimelineWindowHost;
  readonly #density: LiveQueryController<TimelineDensity>;
  readonly #events: LiveQueryController<TimelineEvent[]>;
  readonly #encounters: LiveQueryController<TimelineEvent[]>;
  #limit = PAGE;
  /** The limit of the events query subscribed now. */
  #asked = 0;
  #jumpTo: string | undefined;
  #identity = '';
  #store: ChartStore | undefined;
  #zoom: TimelineZoom | undefined;
  /**
   * The last answers shown, all three together, kept while a changed query
   * reloads so the list does not flash "loading". Kept only as a whole: an
   * answer of one query is never shown with another's older one (the new
   * events of a filter against the old density said "Nothing in this
   * range" for a moment, before the filter's own empty message).
   */
  #kept: Shown | undefined;
  readonly #build = memo(buildView);
  /** The three answers as one object, the same while none changes. */
  readonly #together = memo(
    (density: TimelineDensity, events: AskedEvents, encounters: TimelineEvent[]): Shown => ({
      density,
      events,
      encounters,
    }),
  );
  /** The events answer with the limit it was asked with: one object per answer, so `#build` is not run again for nothing. */
  readonly #askedEvents = memo((events: TimelineEvent[], limit: number): AskedEvents => ({
    events,
    limit,
  }));

  constructor(host: TimelineWindowHost) {
    this.#host = host;
    host.addController(this); // before the queries: hostUpdate resets the window before they read their keys
    const density = () => ({
      kinds: this.#kinds(true),
      buckets: BUCKETS,
      ...(ZOOM_SPAN[host.zoom] && { span: ZOOM_SPAN[host.zoom] }),
    });
    const events = () => ({
      kinds: this.#kinds(false),
      limit: this.#limit,
      ...(this.#jumpTo && { to: this.#jumpTo }),
    });
    const encounters = () => ({
      kinds: host.show.includes('encounters') ? ['Encounter' as const] : [],
      ...(this.#jumpTo && { to: this.#jumpTo }),
    });
    this.#density = new LiveQueryController(
      host,
      (store, id) => store.timelineDensity(id, density()),
      () => JSON.stringify(density()),
    );
    this.#events = new LiveQueryController(
      host,
      (store, id) => {
        this.#asked = this.#limit;
        return store.timeline(id, events());
      },
      () => JSON.stringify(events()),
    );
    this.#encounters = new LiveQueryController(
      host,
      (store, id) => store.timeline(id, encounters()),
      () => JSON.stringify(encounters()),
    );
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  get view(): TimelineView {
    const [density, events, encounters] = [
      this.#density.state,
      this.#events.state,
      this.#encounters.state,
    ];
    for (const state of [density, events, encounters]) if (state.status === 'error') return state;
    const shown = this.#shown() ?? (this.#reloading() ? this.#kept : undefined);
    if (!shown) return density.status === 'idle' ? { status: 'idle' } : { status: 'pending' };
    return this.#build(
      shown.density,
      shown.events,
      shown.encounters,
      this.#jumpTo,
      this.#host.zoom,
    );
  }

  /** Keeps the answers once they are shown together, for while a query reloads. */
  hostUpdated(): void {
    this.#kept = this.#shown() ?? this.#kept;
  }

  /** The three answers, when all three have come. */
  #shown(): Shown | undefined {
    const [density, events, encounters] = [
      this.#density.state,
      this.#events.state,
      this.#encounters.state,
    ];
    if (density.status !== 'ready' || events.status !== 'ready' || encounters.status !== 'ready')
      return undefined;
    return this.#together(
      density.value,
      this.#askedEvents(events.value, this.#asked),
      encounters.value,
    );
  }

  /** Every query has answered or is reloading, none has failed: the kept answers stand in. */
  #reloading(): boolean {
    return [this.#density.state, this.#events.state, this.#encounters.state].every(
      (state) => state.status === 'ready' || state.status === 'pending',
    );
  }

  /** Asks for more older events, when there are some and none are on their way: the list is near its end. From `willUpdate`, `update` is false. */
  more(update = true): void {
    const view = this.view;
    if (
      view.status !== 'ready' ||
      !view.more ||
      this.#limit !== this.#asked ||
      this.#events.state.status === 'pending'
    )
      return;
    this.#limit *= 2;
    if (update) this.#host.requestUpdate();
  }

  /** Moves the list to the events before the end of a bar; the newest bar shows the newest events. */
  jump(bucket: TimelineBucket): void {
    const view = this.view;
    const last = view.status === 'ready' && view.density.buckets.at(-1)?.to === bucket.to;
    this.#move(last ? undefined : bucket.to);
  }

  newest(): void {
    this.#move(undefined);
  }

  #move(to: string | undefined): void {
    this.#jumpTo = to;
    this.#limit = PAGE;
    this.#host.requestUpdate();
  }

  #kinds(withEncounters: boolean) {
    const kinds = kindsOf(this.#host.show);
    return withEncounters && this.#host.show.includes('encounters')
      ? ['Encounter' as const, ...kinds]
      : kinds;
  }

  /** Another patient or store starts afresh; another zoom starts from the newest. */
  #follow(): void {
    const { store, patientId, zoom } = this.#host;
    if (patientId !== this.#identity || store !== this.#store) {
      this.#identity = patientId;
      this.#store = store;
      this.#kept = undefined;
      this.#zoom = zoom;
      this.#jumpTo = undefined;
      this.#limit = PAGE;
    } else if (zoom !== this.#zoom) {
      this.#zoom = zoom;
      this.#jumpTo = undefined;
      this.#limit = PAGE;
    }
  }
}

/** Events as asked for: a page of `limit`, which may end part-way through a set. */
interface AskedEvents {
  events: TimelineEvent[];
  limit: number;
}

/** The answers a view is built from. */
interface Shown {
  density: TimelineDensity;
  events: AskedEvents;
  encounters: TimelineEvent[];
}

function buildView(
  density: TimelineDensity,
  { events, limit }: AskedEvents,
  encounters: TimelineEvent[],
  jumpedTo: string | undefined,
  zoom: TimelineZoom,
): Ready {
  const from = ZOOM_SPAN[zoom] ? (density.from ?? '') : '';
  const full = events.length >= limit;
  const oldest = events.at(-1)?.date ?? '';
  // A full page may end part-way through a vital-sign set: its oldest time waits for the next page.
  const complete =
    full && events[0]!.date !== oldest ? events.filter((e) => e.date !== oldest) : events;
  const inRange = complete.filter((e) => e.date >= from);
  const lower = full ? oldest : from;
  const linked = new Set(inRange.map((e) => e.encounter));
  const shown = encounters.filter((e) => linked.has(e.key) || e.date >= lower);
  return {
    status: 'ready',
    entries: groupByEncounter(vitalSets(inRange), shown),
    density,
    more: full && oldest >= from,
    jumpedTo,
  };
}
