import type {
  Card,
  CardOverride,
  CardSuggestion,
  ChartStore,
  DecisionSupport,
  DecisionSupportAnswer,
  DecisionSupportRequest,
} from '../../model/index.js';
import type { CdsClientIdentity } from './client-jwt.js';
import type { CdsTransport } from './cds-request.js';
import { sendCdsFeedback } from './feedback.js';
import { isDraftOrder } from './hook-context.js';
import { runChartReview, runLocalChecks, type LocalChecks } from './local-checks.js';
import { CdsServiceSet, type CdsServiceBase } from './service-set.js';

// The one DecisionSupport a recording form asks: the kit's own checks first,
// then the hospital's CDS services' cards, a card given twice (same uuid)
// shown once. A service that is slow or fails never holds the clinician up:
// after `timeoutMs` the answer goes without it, and a note says which
// service and why.

export const DEFAULT_CDS_TIMEOUT_MS = 3_000;

export interface DecisionSupportOptions {
  /** The chart on this device: read for the kit's checks and the services' prefetch. */
  store: ChartStore;
  /** The kit's own checks (checkMedication and checkAllergy of emr-kit/clinical, wrapped). */
  local?: LocalChecks;
  /** The hospital's CDS service bases (`https://cds.example.org`, its discovery at `/cds-services`). */
  services?: ReadonlyArray<string | CdsServiceBase>;
  /** Who this application is and the key it signs requests with; needed with `services`. */
  identity?: CdsClientIdentity;
  /** The user as the hooks' `context.userId` (`Practitioner/123`); `Practitioner/<store user id>` when absent. */
  user?: string;
  /** The FHIR server the services may read from (the request's `fhirServer`); left out when absent. */
  fhirServer?: string;
  /** How long services have to answer, discovery included; 3 s when absent. */
  timeoutMs?: number;
  /** The host's fetch, or the global one. */
  fetch?: typeof fetch;
}

export interface CdsDecisionSupport extends DecisionSupport {
  /** The `patient-view` hook, on opening a chart: the kit's review of it (`local.chart`), then the services' cards. */
  patientView(patientId: string, signal?: AbortSignal): Promise<DecisionSupportAnswer>;
  /** Tells a service its suggestion was accepted (feedback); false when the card is not a service's or has no uuid. */
  accepted(card: Card, suggestion: CardSuggestion): Promise<boolean>;
  /** Tells a service its card was overridden, with the reason and comment. */
  overridden(override: CardOverride): Promise<boolean>;
}

export function createDecisionSupport(options: DecisionSupportOptions): CdsDecisionSupport {
  const { store, local } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_CDS_TIMEOUT_MS;
  const bases = options.services ?? [];
  if (bases.length > 0 && !options.identity)
    throw new TypeError(
      'createDecisionSupport: calling CDS services needs an `identity` to sign requests with (CDS Hooks, "Trusting CDS Clients").',
    );
  const transport: CdsTransport | undefined = options.identity && {
    identity: options.identity,
    ...(options.fetch && { fetch: options.fetch }),
  };
  const services =
    transport && bases.length > 0
      ? new CdsServiceSet(
          bases,
          transport,
          store,
          options.user ?? `Practitioner/${store.user.id}`,
          options.fhirServer,
        )
      : undefined;

  const askServices = async (
    request: Omit<DecisionSupportRequest, 'draft'> & { draft?: DecisionSupportRequest['draft'] },
    signal: AbortSignal | undefined,
  ): Promise<DecisionSupportAnswer> => {
    if (!services) return { cards: [], notes: [] };
    signal?.throwIfAborted();
    const deadline = new AbortController();
    const timer = setTimeout(
      () => deadline.abort(new DOMException('CDS services timed out', 'TimeoutError')),
      timeoutMs,
    );
    try {
      const answers = await services.ask({
        ...request,
        signal: signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal,
        deadline: deadline.signal,
        timeoutMs,
      });
      return {
        cards: answers.flatMap((answer) => answer.cards),
        notes: answers.flatMap((answer) => answer.notes),
      };
    } finally {
      clearTimeout(timer);
    }
  };

  const support = async (
    request: DecisionSupportRequest,
    signal?: AbortSignal,
  ): Promise<DecisionSupportAnswer> => {
    signal?.throwIfAborted();
    const [own, theirs] = await Promise.all([
      runLocalChecks(local, store, request),
      isDraftOrder(request.draft)
        ? askServices(request, signal)
        : Promise.resolve({ cards: [], notes: [] }),
    ]);
    signal?.throwIfAborted();
    return { cards: once([...own.cards, ...theirs.cards]), notes: [...own.notes, ...theirs.notes] };
  };

  const feedback = (outcome: Parameters<typeof sendCdsFeedback>[1]) =>
    transport ? sendCdsFeedback(transport, outcome) : Promise.resolve(false);

  return Object.assign(support, {
    patientView: async (patientId: string, signal?: AbortSignal) => {
      const [own, theirs] = await Promise.all([
        runChartReview(local, store, patientId),
        askServices({ hook: 'patient-view', patientId }, signal),
      ]);
      return {
        cards: once([...own.cards, ...theirs.cards]),
        notes: [...own.notes, ...theirs.notes],
      };
    },
    accepted: (card: Card, suggestion: CardSuggestion) =>
      feedback({ outcome: 'accepted', card, suggestion }),
    overridden: (override: CardOverride) => feedback({ outcome: 'overridden', override }),
  });
}

/** Each card once: a second card with a uuid already seen is left out (cards without one are all kept). */
function once(cards: Card[]): Card[] {
  const seen = new Set<string>();
  return cards.filter((card) => {
    if (!card.uuid) return true;
    if (seen.has(card.uuid)) return false;
    seen.add(card.uuid);
    return true;
  });
}
