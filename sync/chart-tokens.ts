import type { SyncRefusal } from '../model/index.js';
import type { DocumentLink } from './document-link.js';
import { meaningOf } from './refusal.js';
import type { StatusInput } from './chart-sync-state.js';
import { TokenKeeper } from './token-keeper.js';

// The sync tokens of one chart connection: the first one, asked for until it
// comes (nothing can be linked without it), every later one handed to the
// links, and a link the server refused given one new token before the
// refusal counts.

/** After a failed fetch of the first token (offline, say), the next try. */
const FIRST_TOKEN_RETRY_MS = 5_000;

export interface ChartTokensOptions {
  fetch(): Promise<string>;
  /** A new token, fetched early or on demand: for every link's next connection. */
  onToken(token: string): void;
  /** `phase` changed. */
  onChange(): void;
  /** A refused link has a new token: connect it again if the chart should be online. */
  onRenewed(link: DocumentLink): void;
  /** The server refused for good; tokens are no longer refreshed. */
  onRefusal(refusal: SyncRefusal): void;
}

export class ChartTokens {
  readonly #options: ChartTokensOptions;
  readonly #keeper: TokenKeeper;
  /** Tokens fetched because one was refused: if one of these is refused too, give up. */
  readonly #fetchedOnRefusal = new Set<string>();
  #phase: StatusInput['token'] = 'fetching';
  #stopped = false;
  #stopWaiting: (() => void) | undefined;

  constructor(options: ChartTokensOptions) {
    this.#options = options;
    this.#keeper = new TokenKeeper(options.fetch, options.onToken);
  }

  get current(): string | undefined {
    return this.#keeper.current;
  }

  get phase(): StatusInput['token'] {
    return this.#phase;
  }

  /** Resolves once the first token is in, or on `stop()`. */
  async first(): Promise<void> {
    while (
      !this.#stopped &&
      !(await this.#keeper.refresh().then(
        () => true,
        () => false,
      ))
    ) {
      this.#phase = 'failed';
      this.#options.onChange();
      await this.#wait(FIRST_TOKEN_RETRY_MS);
    }
    this.#phase = 'ready';
  }

  /** The server closed `link` with a 44xx code: one refused for its token gets a new one, once; any other refusal is final. */
  async retryRefused(link: DocumentLink, code: number, reason: string): Promise<void> {
    const meaning = meaningOf(code, reason);
    if (!meaning.retryWithNewToken) return this.#refuse(meaning.refusal);
    const used = link.tokenInUse;
    if (used && this.#fetchedOnRefusal.has(used))
      return this.#refuse({ reason: 'unauthenticated', message: reason });
    let token = this.#keeper.current;
    if (!token || token === used) {
      try {
        token = await this.#keeper.refresh();
      } catch {
        return; // offline, or the token service is down: the keeper tries again, and its token reaches this link through onToken
      }
      this.#fetchedOnRefusal.add(token);
    }
    link.setToken(token);
    this.#options.onRenewed(link);
  }

  stop(): void {
    this.#stopped = true;
    this.#keeper.stop();
    this.#stopWaiting?.();
  }

  #refuse(refusal: SyncRefusal): void {
    this.#keeper.stop();
    this.#options.onRefusal(refusal);
  }

  #wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.#stopWaiting = () => (clearTimeout(timer), resolve());
    });
  }
}
