import type { DecisionSupportRequest } from '../../model/index.js';
import type { PrefetchTokens } from './prefetch.js';

// The `context` of each hook the kit calls, as the hooks define it:
// patient-view (https://cds-hooks.org/hooks/patient-view/): userId,
// patientId; order-select (https://cds-hooks.org/hooks/order-select/):
// userId, patientId, selections, draftOrders; order-sign
// (https://cds-hooks.org/hooks/order-sign/): userId, patientId,
// draftOrders. Draft orders are a Bundle of the orders being written.

/** Whether a draft goes to the hospital's services: only orders are (an allergy or a medication the patient takes is checked by the kit alone). */
export function isDraftOrder(draft: DecisionSupportRequest['draft']): boolean {
  return draft.resourceType === 'MedicationRequest';
}

export function hookContext(
  hook: DecisionSupportRequest['hook'],
  userId: string,
  patientId: string,
  draft?: DecisionSupportRequest['draft'],
): Record<string, unknown> {
  if (hook === 'patient-view' || !draft) return { userId, patientId };
  const draftOrders = {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [{ resource: draft }],
  };
  return hook === 'order-select'
    ? { userId, patientId, selections: [`${draft.resourceType}/${draft.id}`], draftOrders }
    : { userId, patientId, draftOrders };
}

/** The prefetch tokens of a context: its top-level strings, and the user's Practitioner id. */
export function prefetchTokens(context: Record<string, unknown>): PrefetchTokens {
  const tokens: PrefetchTokens = {};
  for (const [name, value] of Object.entries(context))
    if (typeof value === 'string') tokens[`context.${name}`] = value;
  const practitioner = /^Practitioner\/(.+)$/.exec(String(context.userId ?? ''));
  if (practitioner) tokens.userPractitionerId = practitioner[1];
  return tokens;
}
