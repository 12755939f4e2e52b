import type { ReactiveController } from 'lit';
import { PREGNANCY_STATUS_CODES } from '../../clinical/index.js';
import type { ReadingContext } from '../../model/index.js';
import { LiveQueryController, type ChartQueryHost } from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { withWords, type VitalsContext, type WordsCache } from './entry-words.js';
import type { TimelineView, TimelineWindowController } from './timeline-window.js';

// The timeline's view in clinicians' words. A vital-sign set is read against
// the patient as the vitals grid reads it (the birth date, pregnancies), so
// the list waits for those as the grid does: a child's values are never
// shown against adult ranges, nor a NEWS2 in pregnancy, not even for a
// moment. Worked out in the host's update, after the window's queries have
// followed the host; each entry once while the patient's context holds.

export interface TimelineWordsHost extends ChartQueryHost {
  spo2Scale: 1 | 2;
}

export class TimelineWordsController implements ReactiveController {
  /** What the element renders. */
  view: TimelineView = { status: 'idle' };
  readonly #host: TimelineWordsHost;
  readonly #window: TimelineWindowController;
  /** The patient, their conditions and pregnancy status: one query. */
  readonly #context: LiveQueryController<ReadingContext>;
  /** A new cache for each context: the words of a set depend on it. */
  readonly #cache = memo(
    (
      _patient: VitalsContext['patient'],
      _conditions: VitalsContext['conditions'],
      _statuses: VitalsContext['statuses'],
      _scale: 1 | 2,
    ): WordsCache => new Map(),
  );
  readonly #worded = memo(
    (view: Extract<TimelineView, { status: 'ready' }>, context: VitalsContext, cache: WordsCache) =>
      ({ ...view, entries: withWords(view.entries, context, cache) }) satisfies TimelineView,
  );

  /** `window` is added to the host before this controller, so its queries have followed the host when this one reads them. */
  constructor(host: TimelineWordsHost, window: TimelineWindowController) {
    this.#host = host;
    this.#window = window;
    this.#context = new LiveQueryController(host, (store, id) =>
      store.readingContext(id, PREGNANCY_STATUS_CODES),
    );
    host.addController(this);
  }

  hostUpdate(): void {
    const view = this.#window.view;
    if (view.status !== 'ready') {
      this.view = view;
      return;
    }
    const read = this.#context.state;
    if (read.status !== 'ready') {
      this.view = read.status === 'error' ? read : { status: 'pending' };
      return;
    }
    const { patient, conditions, observations: statuses } = read.value;
    const scale = this.#host.spo2Scale === 2 ? 2 : 1;
    const cache = this.#cache(patient?.current, conditions, statuses, scale);
    const context = this.#contextOf(patient?.current, conditions, statuses, scale);
    this.view = this.#worded(view, context, cache);
  }

  readonly #contextOf = memo(
    (
      patient: VitalsContext['patient'],
      conditions: VitalsContext['conditions'],
      statuses: VitalsContext['statuses'],
      spo2Scale: 1 | 2,
    ): VitalsContext => ({ patient, conditions, statuses, spo2Scale }),
  );
}
