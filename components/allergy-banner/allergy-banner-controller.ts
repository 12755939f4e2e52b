import type { ReactiveController } from 'lit';
import type {
  AllergyIntolerance,
  ChartPresence,
  ChartRecord,
  Patient,
  ResourceKey,
} from '../../model/index.js';
import {
  allergyEntry,
  allergyMessages,
  allergyStatus,
  type AllergyEntry,
  type AllergyStatus,
} from '../../clinical/index.js';
import {
  LiveQueryController,
  type ChartQueryHost,
  type QueryState,
} from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { bannerMessages as messages, type UnavailableReason } from './allergy-banner.messages.js';

/** What the banner renders: pending until the store answers, then one of the four states. */
export type BannerView =
  | { phase: 'pending' }
  | {
      phase: 'ready';
      status: AllergyStatus;
      /** Set when the state is `unavailable`: why. */
      reason?: UnavailableReason;
      /** Records in conflict that are not listed as allergies (a disputed "no known allergy", a refuted one). */
      otherConflicts: AllergyEntry[];
    };

const PENDING: BannerView = { phase: 'pending' };

/**
 * The banner's data: the patient's allergies and, when there are none, the
 * patient record too, to tell "nothing recorded" from "this chart is not on
 * this device" (a local-first store answers an empty list for a chart it has
 * never synced, e.g. offline on a new device: that is "unavailable", never
 * "not recorded"). Also works out which allergies arrived after the first
 * answer, for the live region.
 */
export class AllergyBannerController implements ReactiveController {
  view: BannerView = PENDING;
  /** Text for the polite live region: empty until an allergy arrives after the first answer. */
  announcement = '';
  readonly #allergies: LiveQueryController<Array<ChartRecord<AllergyIntolerance>>>;
  readonly #patient: LiveQueryController<ChartRecord<Patient> | undefined>;
  readonly #presence: LiveQueryController<ChartPresence>;
  /** The view, worked out once for each set of answers. */
  readonly #viewOf = memo(viewOf);
  /** Keys listed in the last answer; undefined until there is a first answer to compare with. */
  #listed: Set<ResourceKey> | undefined;

  constructor(host: ChartQueryHost) {
    // Added before this controller, so their hostUpdate (which resubscribes) runs first.
    this.#allergies = new LiveQueryController(host, (store, patientId) =>
      store.allergies(patientId),
    );
    this.#patient = new LiveQueryController(host, (store, patientId) => store.patient(patientId));
    this.#presence = new LiveQueryController(host, (store, patientId) =>
      store.chartPresence(patientId),
    );
    host.addController(this);
  }

  hostUpdate(): void {
    const view = this.#viewOf(this.#allergies.state, this.#patient.state, this.#presence.state);
    if (view === this.view) return;
    this.view = view;
    this.#announce();
  }

  #announce(): void {
    const { view } = this;
    if (view.phase === 'pending' || view.reason) {
      // A new patient, store or recovery starts over: its first answer is not news.
      this.#listed = undefined;
      if (view.phase === 'pending') this.announcement = '';
      return;
    }
    const { entries } = view.status;
    const before = this.#listed;
    this.#listed = new Set(entries.map((e) => e.key));
    const arrived = before ? entries.filter((e) => !before.has(e.key)) : [];
    if (!arrived.length) return;
    const text = messages.announce(
      arrived.map((e) => allergyMessages.summary(e.label, e.criticality === 'high', 0)),
    );
    // The same words twice in a row would not be read again: vary them invisibly.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
  }
}

function viewOf(
  allergies: QueryState<Array<ChartRecord<AllergyIntolerance>>>,
  patient: QueryState<ChartRecord<Patient> | undefined>,
  presence: QueryState<ChartPresence>,
): BannerView {
  if (allergies.status === 'idle') return unavailable('not-connected');
  if (allergies.status === 'error') return unavailable(allergies.error.code);
  if (allergies.status === 'pending') return PENDING;
  const records = allergies.value;
  if (!records.length) {
    if (patient.status === 'pending' || patient.status === 'idle') return PENDING;
    if (patient.status === 'error') return unavailable(patient.error.code);
    // Being imported here: "loading", neither "no known allergies" nor "not on this device".
    if (presence.status === 'ready' && presence.value === 'importing')
      return unavailable('importing');
    if (!patient.value) return unavailable('not-on-device');
  }
  const otherConflicts = records
    .filter((record) => record.heads.length > 1)
    .map(allergyEntry)
    .filter(({ placement }) => placement !== 'listed')
    .map(({ entry }) => entry);
  return { phase: 'ready', status: allergyStatus(records), otherConflicts };
}

function unavailable(reason: UnavailableReason): BannerView {
  return { phase: 'ready', status: allergyStatus(undefined), reason, otherConflicts: [] };
}
