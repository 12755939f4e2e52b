import type { AllergyState, NoKnownScope } from './allergy-types.js';

// Every piece of allergy text shown to people, in one place so that it can
// be translated. The four state labels are the NHS CUI Patient Banner
// wording (guidance point PAB-0064).

const scopeNoun: Record<Exclude<NoKnownScope, 'all'>, string> = {
  medication: 'drug',
  food: 'food',
  environment: 'environmental',
};

export const allergyMessages = {
  state: {
    known: 'Known allergies',
    'no-known-allergies': 'No known allergies',
    'not-recorded': 'Allergies not recorded',
    unavailable: 'Allergies unavailable',
  } satisfies Record<AllergyState, string>,

  /** "No known drug allergies", "No known drug or food allergies". */
  noKnownScoped(scopes: ReadonlyArray<Exclude<NoKnownScope, 'all'>>): string {
    return `No known ${scopes.map((s) => scopeNoun[s]).join(' or ')} allergies`;
  },

  /** "No known allergies", or "No known drug allergies — unconfirmed" when the assertion is not confirmed. */
  noKnownLabel(scopes: readonly NoKnownScope[], confirmed: boolean): string {
    const label = scopes.includes('all')
      ? allergyMessages.state['no-known-allergies']
      : allergyMessages.noKnownScoped(
          scopes.filter((s): s is Exclude<NoKnownScope, 'all'> => s !== 'all'),
        );
    return confirmed ? label : `${label} — unconfirmed`;
  },

  /** Never blank: a record with no substance named still shows as an allergy. */
  unnamedAllergy: 'Allergy (substance not recorded)',

  criticality: {
    high: 'high criticality',
    low: 'low criticality',
    'unable-to-assess': 'criticality unable to assess',
  },
  severity: { severe: 'severe', moderate: 'moderate', mild: 'mild' },
  verification: { confirmed: 'confirmed', unconfirmed: 'unconfirmed' },
  conflict: 'Changed by two people at once: check both versions',
  contradiction: '“No known allergies” is also recorded: check and correct the record',

  /** The compact banner text: "Penicillin (high criticality) and 2 more". */
  summary(topLabel: string, highCriticality: boolean, more: number): string {
    const top = highCriticality ? `${topLabel} (high criticality)` : topLabel;
    return more > 0 ? `${top} and ${more} more` : top;
  },

  /** Free text that, with no coding, is itself an assertion of no known allergy. */
  noKnownPhrases: {
    all: ['no known allergies', 'no known allergy', 'nka'],
    medication: ['no known drug allergies', 'no known drug allergy', 'nkda'],
  } satisfies Partial<Record<NoKnownScope, string[]>>,
};
