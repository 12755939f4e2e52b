import type {
  CardOverride,
  ChartUser,
  DetectedIssue,
  FhirResource,
  Reference,
} from '../../model/index.js';

// The FHIR DetectedIssue that records one overridden card: what was found
// (the card's rule as `code`, its summary and detail), how serious, what it
// implicates, who went ahead, when, and why (`mitigation`).

const SEVERITY = { critical: 'high', warning: 'moderate', info: 'low' } as const;

const KEY = /^(AllergyIntolerance|MedicationRequest|MedicationStatement)\/[A-Za-z0-9\-.]{1,64}$/;

/** Records the card names through its suggestions' actions (`resourceId`, or a `resource` with an id). */
function namedRecords(override: CardOverride): string[] {
  const named = new Set<string>();
  for (const suggestion of override.card.suggestions ?? [])
    for (const action of suggestion.actions ?? []) {
      for (const id of action.resourceId ?? []) if (KEY.test(id)) named.add(id);
      const resource = action.resource as { resourceType?: string; id?: string } | undefined;
      const key = resource?.id ? `${resource.resourceType}/${resource.id}` : '';
      if (KEY.test(key)) named.add(key);
    }
  return [...named];
}

export function overrideIssue(
  override: CardOverride,
  drafted: FhirResource & { id: string },
  patientId: string,
  user: ChartUser,
  at: string,
): DetectedIssue {
  const { card, reason, comment } = override;
  const author: Reference = { display: user.displayName };
  const draftedKey = `${drafted.resourceType}/${drafted.id}`;
  const implicated = [draftedKey, ...namedRecords(override).filter((key) => key !== draftedKey)];
  const why = comment?.trim();
  return {
    resourceType: 'DetectedIssue',
    id: crypto.randomUUID(),
    status: 'final',
    code: {
      ...(card.source.topic && { coding: [{ ...card.source.topic }] }),
      text: card.source.label,
    },
    severity: SEVERITY[card.indicator],
    patient: { reference: `Patient/${patientId}` },
    identifiedDateTime: at,
    author,
    implicated: implicated.map((reference) => ({ reference })),
    detail: card.detail ? `${card.summary}\n\n${card.detail}` : card.summary,
    ...(card.source.url && { reference: card.source.url }),
    mitigation: [
      {
        action: {
          coding: [{ system: reason.system, code: reason.code, display: reason.display }],
          text: why ? `${reason.display}: ${why}` : reason.display,
        },
        date: at,
        author,
      },
    ],
  };
}
