import type { CdsCoding } from '../../model/index.js';
import { KIT_OVERRIDE_REASON } from '../../model/index.js';
import { medicationSafetyMessages as messages } from './messages.js';
import type { SafetyRule } from './types.js';

// The reasons a clinician may give for going ahead despite one of the kit's
// cards (CDS Hooks `overrideReasons`), in the kit's own code system
// (KIT_OVERRIDE_REASON). Each rule offers the reasons that make sense for
// it; a form or a CDS client may add "other" with a comment.

export type OverrideReasonCode = keyof typeof messages.overrideReason;

function coding(code: OverrideReasonCode): CdsCoding {
  return { system: KIT_OVERRIDE_REASON, code, display: messages.overrideReason[code] };
}

const BY_RULE: Record<Exclude<SafetyRule, 'no-check'>, readonly OverrideReasonCode[]> = {
  'drug-allergy': [
    'tolerated-before',
    'allergy-record-wrong',
    'benefit-outweighs-risk',
    'no-alternative',
  ],
  'cross-reactivity': [
    'tolerated-before',
    'benefit-outweighs-risk',
    'will-monitor',
    'no-alternative',
  ],
  'duplicate-ingredient': ['duplicate-intended', 'stopping-other'],
  'duplicate-class': ['duplicate-intended', 'stopping-other', 'will-monitor'],
  'onc-interaction': ['benefit-outweighs-risk', 'will-monitor', 'stopping-other', 'no-alternative'],
};

/** The override reasons for a rule's cards. */
export function overrideReasonsFor(rule: Exclude<SafetyRule, 'no-check'>): CdsCoding[] {
  return BY_RULE[rule].map(coding);
}
