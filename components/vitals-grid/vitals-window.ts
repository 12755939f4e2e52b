import type { ReactiveController } from 'lit';
import type { ChartRecord, ChartStore, ChartStoreError, Observation } from '../../model/index.js';
import { LiveQueryController, type ChartQueryHost } from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { groupColumns, type VitalsColumn } from './vitals-columns.js';

// The grid asks the store only for the page it shows. A chart can hold a
// month of minute-by-minute monitor data (300,000 observations), so the
// query is never "everything": it is the newest observations before the
// page's end, at most a page of sets' worth, read backwards from the date
// index — as cheap on a stay that ended a year ago as on one going on now,
// and one query however sparse the chart. Older and newer pages move the
// page's end.

/** More observations than one set of vital signs holds (about ten rows, a few with two readings). */
const MAX_PER_COLUMN = 24;

export interface VitalsWindowHost extends ChartQueryHost {
  /** How many columns a page shows. */
  columns: number;
  /** Exclusive end of the newest page (ISO); the newest page is open-ended when absent. */
  until?: string | undefined;
}

export type WindowState =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'error'; error: ChartStoreError }
  | {
      status: 'ready';
      /** The page's columns, newest first. */
      columns: VitalsColumn[];
      isNewest: boolean;
      hasNewer: boolean;
      hasOlder: boolean;
    };

const iso = (value: string | undefined): string | undefined => {
  const time = value ? Date.parse(value) : NaN;
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
};

type Ready = Extract<WindowState, { status: 'ready' }>;

export class VitalsWindowController implements ReactiveController {
  readonly #host: VitalsWindowHost;
  readonly #query: LiveQueryController<Array<ChartRecord<Observation>>>;
  /** Exclusive end of the page shown; undefined on the newest page. */
  #end: string | undefined;
  /** The ends of the newer pages, for going back. */
  #newer: Array<string | undefined> = [];
  #identity = '';
  #store: ChartStore | undefined;
  /** The last page shown for this patient and store, kept on screen while the next one loads. */
  #shown: Ready | undefined;
  readonly #columns = memo((value: Array<ChartRecord<Observation>>, limited: boolean) => {
    const columns = groupColumns(value);
    // Cut by the limit, the oldest set may lack some of its readings: never shown incomplete.
    if (limited && columns.length > 1) columns.pop();
    return columns;
  });
  /** The page's columns and the page itself, the same objects while nothing under them changes, so the host can memoise on them. */
  readonly #page = memo((all: VitalsColumn[], size: number) => all.slice(0, size));
  readonly #ready = memo(
    (columns: VitalsColumn[], isNewest: boolean, hasNewer: boolean, hasOlder: boolean): Ready => ({
      status: 'ready',
      columns,
      isNewest,
      hasNewer,
      hasOlder,
    }),
  );

  constructor(host: VitalsWindowHost) {
    this.#host = host;
    // Added before the query, so that its hostUpdate follows a new patient or store before the query reads its key.
    host.addController(this);
    this.#query = new LiveQueryController(
      host,
      (store, patientId) => store.vitals(patientId, this.range),
      () => JSON.stringify(this.range),
    );
  }

  /** What the store is asked for: the newest observations before the page's end, at most `limit`. */
  get range(): { to?: string; limit: number } {
    const to = this.#end ?? iso(this.#host.until);
    return { ...(to && { to }), limit: this.#limit };
  }

  /** A page's columns and one more: the oldest may be cut short by the limit, and is then left out. */
  get #limit(): number {
    return (this.#size + 1) * MAX_PER_COLUMN;
  }

  /** While the next window loads, the last one stays on screen (no flash of "loading" on paging or after a save). */
  get state(): WindowState {
    const state = this.#query.state;
    if (state.status === 'pending') return this.#shown ?? state;
    if (state.status !== 'ready') return state;
    const all = this.#columns(state.value, this.#limited(state.value));
    const size = this.#size;
    return this.#ready(
      this.#page(all, size),
      this.#end === undefined,
      this.#newer.length > 0,
      all.length > size || this.#limited(state.value),
    );
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostUpdated(): void {
    const state = this.state;
    if (state.status === 'ready') this.#shown = state;
  }

  /** The page before the oldest column shown. */
  older(): void {
    const state = this.state;
    const oldest = state.status === 'ready' ? state.columns.at(-1) : undefined;
    if (!oldest) return;
    this.#newer = [...this.#newer, this.#end];
    this.#move(oldest.time);
  }

  /** Back to the page shown before the last move to an older one. */
  newer(): void {
    if (!this.#newer.length) return;
    const end = this.#newer.at(-1);
    this.#newer = this.#newer.slice(0, -1);
    this.#move(end);
  }

  /** The newest page, open-ended so that new sets come in as they are recorded. */
  newest(): void {
    this.#reset();
    this.#host.requestUpdate();
  }

  /** Another patient, store or end: start again from the newest page. */
  #follow(): void {
    const { store, patientId, until } = this.#host;
    const identity = `${patientId}\n${until ?? ''}`;
    if (identity === this.#identity && store === this.#store) return;
    this.#identity = identity;
    this.#store = store;
    this.#shown = undefined;
    this.#reset();
  }

  #reset(): void {
    this.#newer = [];
    this.#end = undefined;
  }

  #move(end: string | undefined): void {
    this.#end = end;
    this.#host.requestUpdate();
  }

  /** Columns a page shows: 1 to 50, 8 when the host's number makes no sense. */
  get #size(): number {
    const wanted = Math.floor(this.#host.columns);
    return Number.isFinite(wanted) && wanted >= 1 ? Math.min(wanted, 50) : 8;
  }

  /** Whether the store stopped at the limit: there is more in the window than was read. */
  #limited(value: Array<ChartRecord<Observation>>): boolean {
    return value.length >= this.#limit;
  }
}
