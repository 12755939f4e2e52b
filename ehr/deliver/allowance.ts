import type { ResourceType } from '../../model/index.js';

// What a hospital takes back from an embedded app: many EHRs accept vital
// signs and notes but not medication orders. The host says so per resource
// type and interaction; every other change stays in the kit, labelled
// `local-only`.

/** A change the kit sends: a new record (`create`) or a new version of one (`update`). */
export type DeliveryInteraction = 'create' | 'update';

/** By resource type, the interactions the hospital's EHR takes from the kit. */
export type DeliveryAllowance = Partial<Record<ResourceType, readonly DeliveryInteraction[]>>;

export function allows(
  allowance: DeliveryAllowance,
  resourceType: string,
  interaction: DeliveryInteraction,
): boolean {
  return allowance[resourceType as ResourceType]?.includes(interaction) ?? false;
}
