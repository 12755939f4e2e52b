import * as z from 'zod/mini';

// CDS Hooks 2.0 cards (https://cds-hooks.hl7.org/2.0/#cds-service-response).
// The kit's own checks and a hospital's CDS services answer in this one
// shape, so both are shown, overridden and audited the same way. Loose
// objects: fields a service adds are kept.

/** A CDS Hooks Coding: system, code and display are all required. */
export const CdsCoding = z.looseObject({
  system: z.string(),
  code: z.string(),
  display: z.string(),
});
export type CdsCoding = z.infer<typeof CdsCoding>;

export const CardIndicator = z.enum(['info', 'warning', 'critical']);
export type CardIndicator = z.infer<typeof CardIndicator>;

export const CardSource = z.looseObject({
  label: z.string(),
  url: z.optional(z.string()),
  icon: z.optional(z.string()),
  topic: z.optional(CdsCoding),
});
export type CardSource = z.infer<typeof CardSource>;

export const CardAction = z.looseObject({
  type: z.enum(['create', 'update', 'delete']),
  description: z.string(),
  resource: z.optional(z.looseObject({ resourceType: z.string() })),
  resourceId: z.optional(z.array(z.string())),
});
export type CardAction = z.infer<typeof CardAction>;

export const CardSuggestion = z.looseObject({
  label: z.string(),
  uuid: z.optional(z.string()),
  isRecommended: z.optional(z.boolean()),
  actions: z.optional(z.array(CardAction)),
});
export type CardSuggestion = z.infer<typeof CardSuggestion>;

export const CardLink = z.looseObject({
  label: z.string(),
  url: z.string(),
  type: z.enum(['absolute', 'smart']),
  appContext: z.optional(z.string()),
});
export type CardLink = z.infer<typeof CardLink>;

/** The spec asks summaries to stay under 140 characters. */
export const CARD_SUMMARY_MAX = 140;

export const Card = z.looseObject({
  uuid: z.optional(z.string()),
  summary: z.string().check(z.maxLength(CARD_SUMMARY_MAX - 1)),
  detail: z.optional(z.string()),
  indicator: CardIndicator,
  source: CardSource,
  suggestions: z.optional(z.array(CardSuggestion)),
  selectionBehavior: z.optional(z.enum(['at-most-one', 'any'])),
  overrideReasons: z.optional(z.array(CdsCoding)),
  links: z.optional(z.array(CardLink)),
});
export type Card = z.infer<typeof Card>;

export const CdsServiceResponse = z.looseObject({
  cards: z.array(Card),
  systemActions: z.optional(z.array(CardAction)),
});
export type CdsServiceResponse = z.infer<typeof CdsServiceResponse>;

/** The hooks the kit calls. */
export const CdsHook = z.enum(['patient-view', 'order-select', 'order-sign']);
export type CdsHook = z.infer<typeof CdsHook>;
