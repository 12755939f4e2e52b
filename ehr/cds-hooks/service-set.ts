import type { ChartStore, DecisionSupportRequest } from '../../model/index.js';
import { callCdsService, serviceTitle, type ServiceAnswer } from './call-service.js';
import { cdsHooksMessages as messages } from './cds-hooks.messages.js';
import { CdsServiceError } from './cds-service-error.js';
import type { CdsTransport } from './cds-request.js';
import { discoverCdsServices, trimBase, type Discovered } from './discovery.js';
import { hookContext, prefetchTokens } from './hook-context.js';
import { prefetchFromStore } from './prefetch.js';

// The hospital's CDS services, asked together for one hook. Discovery is
// asked once per base and kept (asked again after a failure); each call
// ends by the request's deadline, and a service that fails or is late
// becomes a note, never an error: the clinician is not kept waiting.

/** A base URL of CDS services, and the ids among them the hospital allows (all when absent). */
export interface CdsServiceBase {
  baseUrl: string;
  only?: readonly string[];
}

export interface HookCall {
  hook: DecisionSupportRequest['hook'];
  patientId: string;
  draft?: DecisionSupportRequest['draft'];
  /** Aborted by the caller, or by the deadline (then `deadline.aborted`). */
  signal: AbortSignal;
  deadline: AbortSignal;
  timeoutMs: number;
}

export class CdsServiceSet {
  readonly #bases: CdsServiceBase[];
  readonly #transport: CdsTransport;
  readonly #store: ChartStore;
  readonly #userId: string;
  readonly #fhirServer: string | undefined;
  readonly #discovered = new Map<string, Promise<Discovered>>();

  constructor(
    bases: ReadonlyArray<string | CdsServiceBase>,
    transport: CdsTransport,
    store: ChartStore,
    userId: string,
    fhirServer?: string,
  ) {
    this.#bases = bases.map((base) => (typeof base === 'string' ? { baseUrl: base } : base));
    this.#transport = transport;
    this.#store = store;
    this.#userId = userId;
    this.#fhirServer = fhirServer;
  }

  /** Every base's cards for the hook, and a note for each service that gave none, in the order of the bases. */
  async ask(call: HookCall): Promise<ServiceAnswer[]> {
    return Promise.all(this.#bases.map((base) => this.#askBase(base, call)));
  }

  async #askBase(base: CdsServiceBase, call: HookCall): Promise<ServiceAnswer> {
    let discovered: Discovered;
    try {
      discovered = await untilAborted(this.#discover(base.baseUrl, call.timeoutMs), call.signal);
    } catch (error) {
      return {
        cards: [],
        notes: [noteOf(error, messages.servicesAt(trimBase(base.baseUrl)), call)],
      };
    }
    const services = discovered.services.filter(
      (service) => service.hook === call.hook && (!base.only || base.only.includes(service.id)),
    );
    const context = hookContext(call.hook, this.#userId, call.patientId, call.draft);
    const answers = await Promise.all(
      services.map(async (service): Promise<ServiceAnswer> => {
        try {
          const prefetch = await untilAborted(
            prefetchFromStore(
              service.prefetch,
              prefetchTokens(context),
              call.patientId,
              this.#store,
            ),
            call.signal,
          );
          return await callCdsService(this.#transport, {
            base: base.baseUrl,
            service,
            hook: call.hook,
            context,
            prefetch,
            ...(this.#fhirServer && { fhirServer: this.#fhirServer }),
            signal: call.signal,
          });
        } catch (error) {
          return {
            cards: [],
            notes: [noteOf(error, messages.service(serviceTitle(service)), call)],
          };
        }
      }),
    );
    return {
      cards: answers.flatMap((answer) => answer.cards),
      notes: [...discovered.problems, ...answers.flatMap((answer) => answer.notes)],
    };
  }

  /** Discovery runs on its own time limit, not a caller's: a form that aborts its call does not spoil it for the next. */
  #discover(baseUrl: string, timeoutMs: number): Promise<Discovered> {
    let discovered = this.#discovered.get(baseUrl);
    if (!discovered) {
      discovered = discoverCdsServices(baseUrl, this.#transport, AbortSignal.timeout(timeoutMs));
      this.#discovered.set(baseUrl, discovered);
      discovered.catch(() => this.#discovered.delete(baseUrl));
    }
    return discovered;
  }
}

/** A note for a service that gave no cards; a caller's abort is thrown on. */
function noteOf(error: unknown, who: string, call: HookCall): string {
  if (call.signal.aborted && !call.deadline.aborted) throw call.signal.reason;
  if (call.deadline.aborted || (error instanceof DOMException && error.name === 'TimeoutError'))
    return messages.timeout(who, call.timeoutMs);
  if (error instanceof CdsServiceError) return error.message;
  return messages.failed(who, error instanceof Error ? error.message : String(error));
}

/** The promise, or the signal's reason as soon as it aborts. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
