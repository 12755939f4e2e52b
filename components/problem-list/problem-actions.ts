import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  isChartStoreError,
  resourceKey,
  type ChartRecord,
  type ChartStore,
  type Condition,
  type Revision,
} from '../../model/index.js';
import { conceptLabel, type CommonProblem } from '../../clinical/index.js';
import {
  newProblem,
  readDay,
  resolvedProblem,
  today,
  type ProblemChoice,
} from './problem-changes.js';
import {
  EmrProblemConflictResolveEvent,
  EmrProblemRecordEvent,
  EmrProblemResolveEvent,
} from './problem-list.events.js';
import { problemListMessages as m } from './problem-list.messages.js';

export type FieldProblem = 'chooseFirst' | 'badDate' | 'futureDate';

/** The record form as typed so far. */
export interface RecordDraft {
  kind: 'record';
  query: string;
  chosen?: CommonProblem;
  /** The clinician chose to record the text typed, uncoded. */
  freeText: boolean;
  onset: string;
  problem?: FieldProblem;
}

/** The resolve form of one problem. */
export interface ResolveDraft {
  kind: 'resolve';
  key: string;
  /**
   * The head revision the clinician saw, which the write replaces. Cleared
   * after a 'stale' error: the clinician has been told and shown the new
   * version, and the next save replaces that one.
   */
  revisionId: string | undefined;
  date: string;
  problem?: FieldProblem;
}

export interface ProblemActionsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  store?: ChartStore;
  patientId: string;
}

/** Where an error is shown: beside a problem (its key), or in the record form. */
const FORM = 'record-form';

/**
 * The list's writes: the one open form, its checks, the cancelable event,
 * and when the host lets it, the store. A store error stays beside the
 * problem (or the form), and the form keeps what was typed.
 */
export class ProblemActions implements ReactiveController {
  editing: RecordDraft | ResolveDraft | undefined;
  readonly errors = new Map<string, string>();
  readonly busy = new Set<string>();
  readonly #host: ProblemActionsHost;
  readonly #announce: (message: string) => void;

  constructor(host: ProblemActionsHost, announce: (message: string) => void) {
    this.#host = host;
    this.#announce = announce;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.editing = undefined;
    this.errors.clear();
  }

  get recordError(): string | undefined {
    return this.errors.get(FORM);
  }

  openRecord(): void {
    this.editing = { kind: 'record', query: '', freeText: false, onset: '' };
    this.errors.delete(FORM);
    this.#changed(() => this.#host.renderRoot.querySelector<HTMLElement>('.form input'));
  }

  openResolve(record: ChartRecord<Condition>): void {
    this.editing = {
      kind: 'resolve',
      key: record.key,
      revisionId: record.heads[0]!.revisionId,
      date: today(),
    };
    this.errors.delete(record.key);
    this.#changed(() => this.#host.renderRoot.querySelector<HTMLElement>('.form input'));
  }

  close(): void {
    const closed = this.editing;
    this.editing = undefined;
    this.#changed(() =>
      closed?.kind === 'resolve'
        ? this.#host.renderRoot.querySelector<HTMLElement>(
            `[data-key="${CSS.escape(closed.key)}"] [data-action="resolve"]`,
          )
        : this.#host.renderRoot.querySelector<HTMLElement>('[data-action="record"]'),
    );
  }

  /** Keeps what the clinician types; a new query forgets the choice made for the old one. */
  edit(changes: Partial<Omit<RecordDraft, 'kind'>> | Partial<Pick<ResolveDraft, 'date'>>): void {
    if (!this.editing) return;
    const cleared =
      this.editing.kind === 'record' && 'query' in changes
        ? { chosen: undefined, freeText: false }
        : {};
    this.editing = { ...this.editing, ...cleared, ...changes, problem: undefined } as
      RecordDraft | ResolveDraft;
    this.#host.requestUpdate();
  }

  async record(): Promise<void> {
    const draft = this.editing;
    const { store, patientId } = this.#host;
    if (draft?.kind !== 'record' || !store) return;
    const choice: ProblemChoice | undefined = draft.chosen
      ? { coded: draft.chosen }
      : draft.freeText && draft.query.trim()
        ? { text: draft.query }
        : undefined;
    if (!choice) return this.#refuse('chooseFirst');
    let onset: string | undefined;
    if (draft.onset) {
      const read = readDay(draft.onset);
      if ('problem' in read) return this.#refuse(read.problem);
      onset = read.day;
    }
    const resource = newProblem(patientId, choice, store.user, new Date(), onset);
    const key = resourceKey(resource);
    const event = new EmrProblemRecordEvent({
      key,
      id: resource.id!,
      resource,
      coded: 'coded' in choice,
    });
    await this.#run(
      FORM,
      event,
      (s) => s.record(resource, { reason: m.recordReason }),
      () => m.saved.record(conceptLabel(resource.code) ?? m.unnamed),
    );
  }

  async resolve(record: ChartRecord<Condition>): Promise<void> {
    const draft = this.editing;
    if (draft?.kind !== 'resolve' || draft.key !== record.key) return;
    const read = readDay(draft.date);
    if ('problem' in read) return this.#refuse(read.problem);
    const from = draft.revisionId ?? record.heads[0]!.revisionId;
    const resource = resolvedProblem(record.heads[0]!.resource, read.day);
    const event = new EmrProblemResolveEvent({
      key: record.key,
      id: resource.id!,
      revisionId: from,
      abatement: read.day,
      resource,
    });
    await this.#run(
      record.key,
      event,
      (s) => s.revise(resource, from, { reason: m.resolveReason }),
      () => m.saved.resolve(conceptLabel(resource.code) ?? m.unnamed),
    );
  }

  /** Resolves a conflict by keeping one head as it is. */
  async keep(record: ChartRecord<Condition>, chosen: Revision<Condition>): Promise<void> {
    const revisionIds = record.heads.map((head) => head.revisionId);
    const event = new EmrProblemConflictResolveEvent({
      key: record.key,
      id: chosen.resource.id!,
      revisionIds,
      chosenRevisionId: chosen.revisionId,
      resource: chosen.resource,
    });
    await this.#run(
      record.key,
      event,
      (s) =>
        s.resolveConflict(chosen.resource, revisionIds, {
          reason: m.resolvedKeeping(chosen.author.displayName),
        }),
      () => m.saved.keep(conceptLabel(chosen.resource.code) ?? m.unnamed),
    );
  }

  #refuse(problem: FieldProblem): void {
    if (!this.editing) return;
    this.editing = { ...this.editing, problem };
    this.#changed(() =>
      this.#host.renderRoot.querySelector<HTMLElement>('.form [aria-invalid="true"], .form input'),
    );
  }

  async #run(
    where: string,
    event: Event,
    write: (store: ChartStore) => Promise<unknown>,
    done: () => string,
  ): Promise<void> {
    const store = this.#host.store;
    if (!store || this.busy.has(where) || !this.#host.dispatchEvent(event)) return;
    this.busy.add(where);
    this.errors.delete(where);
    this.#host.requestUpdate();
    try {
      await write(store);
      if (this.editing) this.close();
      this.#announce(done());
    } catch (error) {
      const message = m.saveFailed(describeError(error));
      this.errors.set(where, message);
      if (this.editing?.kind === 'resolve' && isChartStoreError(error) && error.code === 'stale')
        this.editing = { ...this.editing, revisionId: undefined };
      this.#announce(message);
    } finally {
      this.busy.delete(where);
      this.#host.requestUpdate();
    }
  }

  #changed(focus: () => HTMLElement | null): void {
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() => focus()?.focus());
  }
}

function describeError(error: unknown): string {
  if (isChartStoreError(error)) {
    const plain = m.storeError[error.code];
    return plain ? `${plain} (${error.message})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
