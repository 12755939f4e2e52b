import {
  ChartStoreError,
  WRITING_ROLES,
  type ImportProgress,
  type ResourceType,
} from '../../model/index.js';
import { announceImport, importBundle, type DexieChartStore } from '../../storage/index.js';
import { serverCapabilities } from '../capabilities.js';
import { PullError, type EhrError } from '../errors.js';
import { FhirHttp, type FhirConnection } from '../http/fhir-http.js';
import { fetchChanges } from './fetch-changes.js';
import { fetchType, type FetchContext, type FetchedType } from './fetch-type.js';
import { pullHistory } from './pull-history.js';
import { fetchReferencedNames } from './referenced-names.js';
import { readPatient } from './read-patient.js';
import { readTypeMark, typeMark, type TypeMark } from './pull-marks.js';
import { TYPE_SEARCHES } from './pull-plan.js';
import type { FhirObject } from './search-pages.js';
import { searchsetOf } from './searchset.js';

export interface PullOptions extends FhirConnection {
  patientId: string;
  /** `_count` of each search page (500 when absent). */
  pageSize?: number;
  /** Records of a history pulled newest first saved per transaction (5,000 when absent). */
  historyChunk?: number;
  /** Only these types (and the Patient); every type the kit models when absent. */
  types?: readonly ResourceType[];
  /** As importBundle's, with a `fetching` phase while pages arrive. */
  onProgress?: (progress: ImportProgress) => void;
}

export interface PullSummary {
  patientId: string;
  /** Resources received, by type (included ones not counted). */
  received: Partial<Record<string, number>>;
  /** Received but already in the chart as they are: nothing new saved. */
  unchanged: number;
  /** Types the kit models that the server does not let a client search. */
  notOffered: string[];
  /** Whether each type was pulled whole (`full`) or only what changed since the last pull (`changes`). */
  pulled: Partial<Record<string, 'full' | 'changes'>>;
}

/**
 * Pulls a patient's chart from the hospital's FHIR server into the store,
 * or, when it was pulled before, what changed since (in one paged
 * `Patient/$everything?_since=` where the server offers it, else a
 * `_lastUpdated` search per type). A first pull searches per type, even
 * where `$everything` is offered: only a search can be sorted newest first,
 * and a type pulled whole is a type whose absence means "none recorded".
 *
 * The chart is saved whole or not at all: the Patient and every type (the
 * newest day of a history pulled newest first among them) in one
 * transaction. Then the rest of that history, in chunks, newest first; a pull
 * that stops there keeps what it saved and says how far back (PullError), and
 * the next pull resumes. A record changed on the server replaces the version
 * pulled before; changed here meanwhile, both versions stand as a conflict.
 */
export async function pullChart(
  store: DexieChartStore,
  options: PullOptions,
): Promise<PullSummary> {
  const { patientId } = options;
  // Before anything is fetched: a reader's device cannot save what it would pull.
  if (!WRITING_ROLES.includes(store.user.role)) {
    throw new ChartStoreError(
      'read-only',
      `${store.user.displayName} (${store.user.role}) reads charts but cannot pull one into this device: a clinician's pull reaches it through sync.`,
    );
  }
  const http = new FhirHttp(options);
  const fhirBase = http.base.href;
  const onProgress = options.onProgress ?? (() => {});
  const capabilities = await serverCapabilities(http);
  const wanted = TYPE_SEARCHES.filter(
    ({ resourceType }) => !options.types || options.types.includes(resourceType),
  );
  const offered = wanted.filter(({ resourceType }) => capabilities.searchable.has(resourceType));
  const summary: PullSummary = {
    patientId,
    received: {},
    unchanged: 0,
    notOffered: wanted
      .filter((search) => !offered.includes(search))
      .map((search) => search.resourceType),
    pulled: {},
  };

  let received = 0;
  const totals = new Map<string, number>();
  const context = (resourceType: string): FetchContext => ({
    http,
    patientId,
    pageSize: options.pageSize ?? 500,
    includes: capabilities.includes.get(resourceType) ?? new Set(),
    received(count, total) {
      received += count;
      summary.received[resourceType] = (summary.received[resourceType] ?? 0) + count;
      if (total !== undefined && !totals.has(resourceType)) totals.set(resourceType, total);
      onProgress({
        phase: 'fetching',
        done: received,
        total: [...totals.values()].reduce((sum, n) => sum + n, 0),
      });
    },
  });

  const marks = new Map<string, TypeMark | undefined>(
    await Promise.all(
      offered.map(
        async ({ resourceType }) =>
          [resourceType, await readTypeMark(store, fhirBase, patientId, resourceType)] as const,
      ),
    ),
  );
  const ended = announceImport(store, [patientId]);
  let saved = false;
  try {
    // The chart itself: every type fetched before any is saved. Pulled before and the server
    // offers $everything: what changed, in one paged request; else a search per type.
    const refreshAll =
      capabilities.everything &&
      offered.every(({ resourceType }) => marks.get(resourceType)?.since !== undefined);
    const fetching: Array<Promise<FhirObject | FetchedType[]>> = refreshAll
      ? [
          fetchChanges(
            http,
            patientId,
            options.pageSize ?? 500,
            marks as ReadonlyMap<string, TypeMark>,
            (type, count) => context(type).received(count),
          ),
        ]
      : offered.map((search) =>
          fetchType(search, marks.get(search.resourceType), context(search.resourceType)).then(
            (type) => [type],
          ),
        );
    const fetched = await Promise.allSettled([readPatient(http, patientId), ...fetching]);
    const failed = fetched.flatMap((result, i) =>
      result.status === 'rejected'
        ? [
            {
              resourceType:
                i === 0
                  ? 'Patient'
                  : refreshAll
                    ? 'Patient/$everything'
                    : offered[i - 1]!.resourceType,
              error: asError(result.reason),
            },
          ]
        : [],
    );
    if (failed.length > 0) throw new PullError([], failed);
    const [patient, ...lists] = fetched.map(
      (result) => (result as PromiseFulfilledResult<unknown>).value,
    ) as [FhirObject, ...FetchedType[][]];
    const types = lists.flat();
    const records = [patient, ...types.flatMap((type) => type.matches)];
    const included = types.flatMap((type) => type.included);
    const names = await fetchReferencedNames(http, records, included).catch((error: unknown) => {
      throw new PullError(
        [],
        [{ resourceType: (error as EhrError).resourceType ?? 'names', error: asError(error) }],
      );
    });
    const chart = await importBundle(store, searchsetOf(records, [...included, ...names]), {
      marks: types.map((type) => typeMark(fhirBase, patientId, type.resourceType, type.mark)),
      onProgress,
    });
    saved = true;
    summary.unchanged += chart.unchanged;
    for (const type of types)
      summary.pulled[type.resourceType] =
        marks.get(type.resourceType)?.since !== undefined ? 'changes' : 'full';
    ended(true);

    // The histories behind their newest day.
    const completed = types.filter((type) => type.mark.complete).map((type) => type.resourceType);
    const histories = types.filter((type) => !type.mark.complete);
    const behind = await Promise.allSettled(
      histories.map((type) =>
        pullHistory(store, type.resourceType, type.mark, {
          ...context(type.resourceType),
          fhirBase,
          chunk: options.historyChunk ?? 5000,
          onProgress,
        }),
      ),
    );
    const stopped = behind.flatMap((result, i) =>
      result.status === 'rejected'
        ? [{ history: histories[i]!, error: asError(result.reason) }]
        : [],
    );
    if (stopped.length > 0) {
      const marksNow = await Promise.all(
        stopped.map(({ history }) =>
          readTypeMark(store, fhirBase, patientId, history.resourceType),
        ),
      );
      throw new PullError(
        [
          ...completed,
          ...histories
            .filter((history) => !stopped.some((s) => s.history === history))
            .map((history) => history.resourceType),
        ],
        stopped.map(({ history, error }, i) => ({
          resourceType: history.resourceType,
          error,
          partialFrom: (marksNow[i] as TypeMark | undefined)?.savedBackTo,
        })),
      );
    }
    onProgress({ phase: 'done', done: received, total: received });
    return summary;
  } finally {
    ended(saved);
  }
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
