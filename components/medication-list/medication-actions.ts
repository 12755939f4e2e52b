import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  isChartStoreError,
  type ChartRecord,
  type ChartStore,
  type Medication,
  type Quantity,
  type ResourceKey,
  type Revision,
} from '../../model/index.js';
import { formatQuantity, medicationLine } from '../../clinical/index.js';
import {
  discontinued,
  editableDose,
  readDose,
  withDose,
  type DoseProblem,
  type EditableDose,
} from './medication-changes.js';
import {
  EmrMedicationConflictResolveEvent,
  EmrMedicationDiscontinueEvent,
  EmrMedicationDoseChangeEvent,
} from './medication-list.events.js';
import { medicationListMessages as m } from './medication-list.messages.js';
import { endOf } from './medication-sections.js';

/** The one form open in the list, with what the clinician has typed so far. */
export interface Editing {
  kind: 'dose' | 'discontinue' | 'resolve';
  key: ResourceKey;
  /**
   * The head revision the clinician saw when the form opened, which the
   * write replaces. Cleared after a 'stale' error: the clinician has been
   * told and shown the new version, and the next save replaces that one.
   */
  revisionId: string | undefined;
  value: string;
  unit: string;
  reason: string;
  problem?: DoseProblem;
}

export interface ActionsHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  store?: ChartStore;
}

/**
 * The list's writes: opens and closes the one form, checks what was typed,
 * fires the cancelable event, and when the host lets it, writes through the
 * store. A store error stays beside the medication, and the form keeps what
 * was typed.
 */
export class MedicationActions implements ReactiveController {
  editing: Editing | undefined;
  readonly errors = new Map<ResourceKey, string>();
  readonly busy = new Set<ResourceKey>();
  readonly #host: ActionsHost;
  readonly #announce: (message: string) => void;

  /** `announce` says a result through the host's polite live region. */
  constructor(host: ActionsHost, announce: (message: string) => void) {
    this.#host = host;
    this.#announce = announce;
    host.addController(this);
  }

  /** Forgets the open form and errors when the list leaves the page. */
  hostDisconnected(): void {
    this.editing = undefined;
    this.errors.clear();
  }

  open(kind: Editing['kind'], record: ChartRecord<Medication>): void {
    this.editing = {
      kind,
      key: record.key,
      revisionId: record.heads[0]!.revisionId,
      value: '',
      unit: '',
      reason: '',
    };
    this.errors.delete(record.key);
    this.#host.requestUpdate();
    void this.#focus(() =>
      this.#host.renderRoot.querySelector<HTMLElement>('.form input, .form select'),
    );
  }

  close(): void {
    const closed = this.editing;
    this.editing = undefined;
    this.#host.requestUpdate();
    if (closed) void this.#focus(() => this.#button(closed.key, closed.kind));
  }

  /** Keeps what the clinician types (fields: value, unit, reason). */
  edit(field: 'value' | 'unit' | 'reason', text: string): void {
    if (!this.editing) return;
    this.editing = { ...this.editing, [field]: text, problem: undefined };
    this.#host.requestUpdate();
  }

  async changeDose(record: ChartRecord<Medication>): Promise<void> {
    const { editing, head, from } = this.#target(record);
    const editable = editableDose(head.resource);
    if (!editing || !editable) return;
    const dose = this.#read(editing, editable);
    if (!dose) return;
    const resource = withDose(head.resource, dose);
    const event = new EmrMedicationDoseChangeEvent({
      key: record.key,
      id: resource.id!,
      revisionId: from,
      dose,
      previousDose: editable.current,
      resource,
    });
    await this.#run(
      record,
      event,
      (store) => store.revise(resource, from, { reason: m.doseRevision(formatQuantity(dose)!) }),
      m.saved.dose(medicationLine(resource).name, formatQuantity(dose)!),
    );
  }

  async discontinue(record: ChartRecord<Medication>): Promise<void> {
    const { editing, head, from } = this.#target(record);
    if (!editing) return;
    const reason = editing.reason.trim();
    const end = new Date().toISOString();
    const resource = discontinued(head.resource, end, reason);
    const event = new EmrMedicationDiscontinueEvent({
      key: record.key,
      id: resource.id!,
      revisionId: from,
      end: endOf(resource) === end ? end : undefined,
      reason,
      resource,
    });
    await this.#run(
      record,
      event,
      (store) => store.revise(resource, from, { reason: m.discontinueRevision(reason) }),
      m.saved.discontinue(medicationLine(resource).name),
    );
  }

  /** Resolves a conflict by keeping one head as it is. */
  async keep(record: ChartRecord<Medication>, chosen: Revision<Medication>): Promise<void> {
    await this.#resolve(
      record,
      chosen.resource,
      { chosenRevisionId: chosen.revisionId },
      m.resolvedKeeping(chosen.author.displayName),
    );
  }

  /** Resolves a conflict with a dose entered, on the newest head. */
  async resolveWithDose(record: ChartRecord<Medication>): Promise<void> {
    const editable = editableDose(record.current);
    if (this.editing?.key !== record.key || !editable) return;
    const dose = this.#read(this.editing, { ...editable, current: undefined });
    if (dose)
      await this.#resolve(
        record,
        withDose(record.current, dose),
        { dose },
        m.resolvedWithDose(formatQuantity(dose)!),
      );
  }

  async #resolve(
    record: ChartRecord<Medication>,
    resource: Medication,
    chosen: { chosenRevisionId?: string; dose?: Quantity },
    reason: string,
  ): Promise<void> {
    const revisionIds = record.heads.map((head) => head.revisionId);
    const event = new EmrMedicationConflictResolveEvent({
      key: record.key,
      id: resource.id!,
      revisionIds,
      resource,
      ...chosen,
    });
    await this.#run(
      record,
      event,
      (store) => store.resolveConflict(resource, revisionIds, { reason }),
      m.saved.resolve(medicationLine(resource).name),
    );
  }

  /**
   * The open form for this record, its head (actions are offered outside a
   * conflict only: one head), and the revision the write replaces: the one
   * the clinician saw, so that a change made meanwhile is reported as stale
   * by the store rather than overwritten.
   */
  #target(record: ChartRecord<Medication>): {
    editing: Editing | undefined;
    head: Revision<Medication>;
    from: string;
  } {
    const editing = this.editing?.key === record.key ? this.editing : undefined;
    const head = record.heads[0]!;
    return { editing, head, from: editing?.revisionId ?? head.revisionId };
  }

  #read(editing: Editing, editable: EditableDose): Quantity | undefined {
    const dose = readDose(editing.value, editing.unit || undefined, editable);
    if (typeof dose === 'string') {
      this.editing = { ...editing, problem: dose };
      this.#host.requestUpdate();
      void this.#focus(() =>
        this.#host.renderRoot.querySelector<HTMLElement>('.form [aria-invalid="true"]'),
      );
      return undefined;
    }
    return dose;
  }

  async #run(
    record: ChartRecord<Medication>,
    event: Event,
    write: (store: ChartStore) => Promise<unknown>,
    done: string,
  ): Promise<void> {
    const store = this.#host.store;
    if (!store || this.busy.has(record.key) || !this.#host.dispatchEvent(event)) return;
    this.busy.add(record.key);
    this.errors.delete(record.key);
    this.#host.requestUpdate();
    try {
      await write(store);
      if (this.editing?.key === record.key) this.close();
      this.#announce(done);
    } catch (error) {
      const message = m.saveFailed(describeError(error));
      this.errors.set(record.key, message);
      if (this.editing?.key === record.key && isChartStoreError(error) && error.code === 'stale')
        this.editing = { ...this.editing, revisionId: undefined };
      this.#announce(message);
    } finally {
      this.busy.delete(record.key);
      this.#host.requestUpdate();
    }
  }

  #button(key: ResourceKey, kind: Editing['kind']): HTMLElement | null {
    const action = kind === 'resolve' ? 'enter-dose' : kind;
    return this.#host.renderRoot.querySelector<HTMLElement>(
      `[data-key="${CSS.escape(key)}"] [data-action="${action}"]`,
    );
  }

  async #focus(find: () => HTMLElement | null): Promise<void> {
    await this.#host.updateComplete;
    find()?.focus();
  }
}

function describeError(error: unknown): string {
  if (isChartStoreError(error)) {
    const plain = m.storeError[error.code];
    return plain ? `${plain} (${error.message})` : error.message;
  }
  return error instanceof Error ? error.message : String(error);
}
