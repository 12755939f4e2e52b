import type { CardSource } from '../../model/index.js';
import { medicationSafetyMessages as messages } from './messages.js';
import type { SafetyRule } from './types.js';

// Each rule's CDS Hooks `source`: the rule by name (`label`), the published
// reference it rests on (`url`), and the rule as a coded `topic`.

/** The kit's code system for its own decision-support rules. */
export const KIT_SAFETY_RULE = 'https://emr-kit.dev/fhir/CodeSystem/medication-safety-rule';

const REFERENCE: Record<SafetyRule, string> = {
  // Zhou et al., Allergy 2016: the drug classes behind most recorded allergies.
  'drug-allergy': 'https://doi.org/10.1111/all.12881',
  // Khan et al., "Drug allergy: A 2022 practice parameter update", JACI 2022.
  'cross-reactivity': 'https://doi.org/10.1016/j.jaci.2022.08.028',
  // The WHO ATC classification: what a therapeutic class holds.
  'duplicate-ingredient': 'https://atcddd.fhi.no/atc_ddd_index/',
  'duplicate-class': 'https://atcddd.fhi.no/atc_ddd_index/',
  // Phansalkar et al., JAMIA 2012.
  'onc-interaction': 'https://doi.org/10.1136/amiajnl-2011-000612',
  // RxNorm: the drug codes the checks read.
  'no-check': 'https://www.nlm.nih.gov/research/umls/rxnorm/',
};

export function cardSource(rule: SafetyRule): CardSource {
  return {
    label: messages.ruleLabel[rule],
    url: REFERENCE[rule],
    topic: { system: KIT_SAFETY_RULE, code: rule, display: messages.ruleTopic[rule] },
  };
}
