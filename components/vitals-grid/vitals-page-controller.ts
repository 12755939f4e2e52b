import type { ReactiveController } from 'lit';
import {
  HYPERCAPNIC_SPO2_RANGE,
  isAdultAt,
  observationsDue,
  PREGNANCY_STATUS_CODES,
  pregnancyPeriods,
  pregnancyStateAt,
  withoutAdultRanges,
  withRanges,
  type ObservationsDue,
  type ScoredSet,
  type VitalRange,
  type VitalSignId,
} from '../../clinical/index.js';
import type {
  ChartRecord,
  ChartStoreError,
  Condition,
  FhirResource,
  Observation,
  Patient,
  ReadingContext,
} from '../../model/index.js';
import {
  LiveQueryController,
  type ChartQueryHost,
  type QueryState,
} from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { ClockController } from './clock-controller.js';
import { columnView, lastScoredSet, type ColumnView, type VitalsColumn } from './vitals-columns.js';
import { vitalsGridMessages as m } from './vitals-grid.messages.js';
import { formatTime } from './vitals-table.js';
import type { VitalsWindowController } from './vitals-window.js';

// What the grid shows of the page its window holds: each column's view
// (adult or child ranges, the NEWS2 or why it is withheld), whether the
// newest set is overdue, and the polite announcement of a new set. Worked
// out in the host's update, once the queries it reads have followed the
// host, and each only when what it is worked out from has changed: render
// reads it and writes nothing.

export interface VitalsPageHost extends ChartQueryHost {
  spo2Scale: 1 | 2;
  overdueMinutes: number;
  postpartumDays: number;
  until?: string | undefined;
  ranges: Partial<Record<VitalSignId, VitalRange>>;
}

type Records<R extends FhirResource> = Array<ChartRecord<R>> | undefined;

const valueOf = <T>(state: QueryState<T>): T | undefined =>
  state.status === 'ready' ? state.value : undefined;

export function columnViews(
  columns: VitalsColumn[],
  ranges: Partial<Record<VitalSignId, VitalRange>>,
  scale: 1 | 2,
  postpartumDays: number,
  patient: Patient | undefined,
  conditions: Records<Condition>,
  statuses: Records<Observation>,
): ColumnView[] {
  // The adult defaults, the host's ranges over them, and the scale 2 SpO₂ target unless the host gave its own.
  const scale2 =
    scale === 2 && !ranges['oxygen-saturation']
      ? { 'oxygen-saturation': HYPERCAPNIC_SPO2_RANGE }
      : {};
  const adultRanges = withRanges({ ...scale2, ...ranges });
  const childRanges = withoutAdultRanges(ranges);
  // Every version of a record in conflict counts: any of them recording a pregnancy withholds NEWS2.
  const heads = <R extends FhirResource>(records: Records<R>) =>
    (records ?? []).flatMap((record) => record.heads.map((head) => head.resource));
  const pregnancies = pregnancyPeriods(heads(conditions), heads(statuses));
  return columns.map((column) =>
    isAdultAt(patient, column.time)
      ? columnView(
          column,
          adultRanges,
          scale,
          pregnancyStateAt(pregnancies, column.time, postpartumDays),
        )
      : columnView(column, childRanges, scale, 'under-16'),
  );
}

export class VitalsPageController implements ReactiveController {
  /** The page's columns as shown, newest first. */
  views: ColumnView[] = [];
  /** The patient, their conditions or pregnancy status are not known yet: nothing is shown against ranges that may be wrong. */
  waiting = true;
  /** Why the patient, their conditions or pregnancy status could not be read: nothing is shown against ranges that may be wrong. */
  error: ChartStoreError | undefined;
  /** The patient: `birthDate` decides whether adult ranges and NEWS2 apply, and nothing is due once they have died. */
  patient: Patient | undefined;
  /** Whether the newest set is overdue; undefined for a stay that is over (`until`). */
  due: ObservationsDue | undefined;
  /** Text for the polite live region: a new set, or a message of the host's. */
  announcement = '';
  readonly #host: VitalsPageHost;
  readonly #window: VitalsWindowController;
  readonly #clock: ClockController;
  /** The patient, their conditions and pregnancy status: one query. */
  readonly #context: LiveQueryController<ReadingContext>;
  readonly #views = memo(columnViews);
  readonly #lastScored = memo(lastScoredSet);
  /** The newest set seen on the newest page, per patient: for the overdue marker and for announcing new sets. */
  #seen: { patientId: string; newest: string } | undefined;
  /** The newest set with a NEWS2, as the newest page showed it (older pages keep it): it may ask for the next set sooner. */
  #scored: { patientId: string; set: ScoredSet | undefined } | undefined;

  /** `window` is added to the host before this controller, so its queries have followed the host when this one reads them. */
  constructor(host: VitalsPageHost, window: VitalsWindowController) {
    this.#host = host;
    this.#window = window;
    this.#clock = new ClockController(host);
    this.#context = new LiveQueryController(host, (store, id) =>
      store.readingContext(id, PREGNANCY_STATUS_CODES),
    );
    host.addController(this);
  }

  /** Says something through the live region (a failure of the host's). */
  say(text: string): void {
    this.announcement = text;
    this.#host.requestUpdate();
  }

  hostUpdate(): void {
    const host = this.#host;
    const state = this.#window.state;
    const read = this.#context.state;
    const context = valueOf(read);
    this.waiting = read.status === 'idle' || read.status === 'pending';
    this.error = read.status === 'error' ? read.error : undefined;
    this.patient = context?.patient?.current;
    if (state.status !== 'ready') return;
    if (state.isNewest) this.#announceNewSet(state.columns[0]?.time ?? '');
    if (this.waiting || this.error) return;
    const scale = host.spo2Scale === 2 ? 2 : 1;
    this.views = this.#views(
      state.columns,
      host.ranges,
      scale,
      host.postpartumDays,
      this.patient,
      context?.conditions,
      context?.observations,
    );
    if (state.isNewest)
      this.#scored = { patientId: host.patientId, set: this.#lastScored(this.views) };
    this.due = host.until ? undefined : this.#due();
  }

  #announceNewSet(newest: string): void {
    const { patientId } = this.#host;
    const seen = this.#seen;
    if (seen?.patientId === patientId && newest <= seen.newest) return;
    this.#seen = { patientId, newest };
    if (seen?.patientId === patientId) this.announcement = m.newSet(formatTime(newest));
  }

  #due(): ObservationsDue {
    const { patientId, overdueMinutes } = this.#host;
    return observationsDue({
      newest: this.#seen?.patientId === patientId ? this.#seen.newest : '',
      scored: this.#scored?.patientId === patientId ? this.#scored.set : undefined,
      now: this.#clock.now,
      everyMinutes: overdueMinutes,
      patient: this.patient,
    });
  }
}
