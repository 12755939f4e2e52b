import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type {
  Card,
  CardOverride,
  DecisionSupport,
  DecisionSupportRequest,
} from '../../model/index.js';
import { recordingMessages as m } from './recording.messages.js';

/** How long the draft must stay unchanged before 'order-select' is asked. */
export const SELECT_DELAY_MS = 300;

export interface DecisionSupportHost extends ReactiveControllerHost {
  decisionSupport?: DecisionSupport;
}

/** One card told apart from another across calls: its uuid, else its rule and summary. */
export const cardKey = (card: Card): string => card.uuid ?? `${card.source.label}|${card.summary}`;

/**
 * A recording form's decision support: asks the host's `decisionSupport`
 * with 'order-select' while the clinician drafts (debounced; a newer draft
 * aborts the call before it) and with 'order-sign' before a save; keeps the
 * last answer, and the override reasons given for its cards. A critical
 * card without a reason blocks the save.
 */
export class DecisionSupportController implements ReactiveController {
  cards: Card[] = [];
  notes: string[] = [];
  pending = false;
  readonly #host: DecisionSupportHost;
  readonly #overrides = new Map<string, CardOverride>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #call: AbortController | undefined;

  constructor(host: DecisionSupportHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#cancel();
  }

  /** Whether checks will run at all. */
  get available(): boolean {
    return this.#host.decisionSupport !== undefined;
  }

  /** The draft changed: ask again once it has rested, aborting any call under way. */
  select(request: DecisionSupportRequest | undefined): void {
    this.#cancel();
    if (!request || !this.#host.decisionSupport) return;
    this.#timer = setTimeout(
      () => void this.#ask({ ...request, hook: 'order-select' }),
      SELECT_DELAY_MS,
    );
  }

  /** Before saving: the answer to 'order-sign' for the draft as it will be saved. */
  async sign(request: DecisionSupportRequest): Promise<void> {
    this.#cancel();
    await this.#ask({ ...request, hook: 'order-sign' });
  }

  /** A clinician gave a reason to go ahead despite a card. */
  override(override: CardOverride): void {
    this.#overrides.set(cardKey(override.card), override);
    this.#host.requestUpdate();
  }

  /** The overrides that answer cards now shown. */
  get overrides(): CardOverride[] {
    return this.cards.flatMap((card) => {
      const given = this.#overrides.get(cardKey(card));
      return given ? [{ ...given, card }] : [];
    });
  }

  /** Critical cards now shown that have no override reason yet. */
  get unresolvedCritical(): Card[] {
    return this.cards.filter(
      (card) => card.indicator === 'critical' && !this.#overrides.has(cardKey(card)),
    );
  }

  /** Forgets the answer and the overrides: the form starts again. */
  reset(): void {
    this.#cancel();
    this.cards = [];
    this.notes = [];
    this.#overrides.clear();
    this.#host.requestUpdate();
  }

  async #ask(request: DecisionSupportRequest): Promise<void> {
    const support = this.#host.decisionSupport;
    if (!support) return;
    const call = new AbortController();
    this.#call = call;
    this.pending = true;
    this.#host.requestUpdate();
    try {
      const answer = await support(request, call.signal);
      if (call.signal.aborted) return;
      this.cards = answer.cards;
      this.notes = answer.notes;
    } catch (error) {
      if (call.signal.aborted) return;
      this.cards = [];
      this.notes = [m.checksFailed(error instanceof Error ? error.message : String(error))];
    } finally {
      if (this.#call === call) {
        this.#call = undefined;
        this.pending = false;
        this.#host.requestUpdate();
      }
    }
  }

  #cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#call?.abort();
    this.#call = undefined;
    if (this.pending) {
      this.pending = false;
      this.#host.requestUpdate();
    }
  }
}
