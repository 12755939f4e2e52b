import * as z from 'zod/mini';
import { Card, withCardOrigin, type CardOrigin } from '../../model/index.js';
import { cdsHooksMessages as messages } from './cds-hooks.messages.js';
import { CdsServiceError } from './cds-service-error.js';
import { cdsRequest, type CdsTransport } from './cds-request.js';
import { serviceEndpoint, type CdsServiceDefinition } from './discovery.js';
import { describeIssue } from './schema-issues.js';

// A call of one service: POST {base}/cds-services/{id}
// (https://cds-hooks.hl7.org/2.0/#calling-a-cds-service), its answer read
// card by card (CdsServiceResponse): a card that cannot be read is dropped
// with a note naming the service and the field, the others are kept, each
// marked with the service that gave it.

const Answer = z.looseObject({ cards: z.array(z.unknown()) });

export interface ServiceCall {
  base: string;
  service: CdsServiceDefinition;
  hook: string;
  context: Record<string, unknown>;
  prefetch: Record<string, unknown>;
  /** The FHIR server the service may read from, when the host gives one. */
  fhirServer?: string;
  signal?: AbortSignal;
}

export interface ServiceAnswer {
  cards: Card[];
  notes: string[];
}

/** The name a clinician is shown for a service. */
export function serviceTitle(service: CdsServiceDefinition): string {
  return service.title?.trim() || service.id;
}

export async function callCdsService(
  transport: CdsTransport,
  call: ServiceCall,
): Promise<ServiceAnswer> {
  const url = serviceEndpoint(call.base, call.service.id);
  const who = messages.service(serviceTitle(call.service));
  const body = await cdsRequest(transport, {
    url,
    who,
    signal: call.signal,
    body: {
      hook: call.hook,
      hookInstance: crypto.randomUUID(),
      ...(call.fhirServer && { fhirServer: call.fhirServer }),
      context: call.context,
      ...(Object.keys(call.prefetch).length > 0 && { prefetch: call.prefetch }),
    },
  });
  const answer = Answer.safeParse(body);
  if (!answer.success)
    throw new CdsServiceError(
      'invalid-response',
      messages.invalid(who, describeIssue(answer.error.issues[0] ?? { code: '', path: [] }, body)),
      { url },
    );
  const origin: CardOrigin = {
    serviceId: call.service.id,
    title: serviceTitle(call.service),
    endpoint: url,
  };
  const cards: Card[] = [];
  const notes: string[] = [];
  answer.data.cards.forEach((entry, index) => {
    const card = readCard(entry);
    if (card.ok) cards.push(withCardOrigin(card.card, origin));
    else notes.push(messages.cardDropped(who, index, card.problem));
  });
  return { cards, notes };
}

/**
 * A card as the schema reads it. A summary longer than the spec's 140
 * characters is the one fault forgiven: the card is kept whole, since
 * dropping it would hide a finding for the length of its words.
 */
function readCard(entry: unknown): { ok: true; card: Card } | { ok: false; problem: string } {
  const parsed = Card.safeParse(entry);
  if (parsed.success) return { ok: true, card: parsed.data };
  const issues = parsed.error.issues.filter(
    (issue) => !(issue.code === 'too_big' && issue.path.join('.') === 'summary'),
  );
  if (issues.length === 0) return { ok: true, card: entry as Card };
  return { ok: false, problem: describeIssue(issues[0] ?? { code: '', path: [] }, entry) };
}
