import { recordingMessages } from '../medication-form/recording.messages.js';

/** Every text of the allergy form, in English, for translation. */
export const allergyFormMessages = {
  legend: 'Record an allergy or intolerance',
  substance: 'Substance',
  substanceHint: 'Search drugs, foods, latex, contrast, venom, e.g. “penic”.',
  category: 'Category',
  categories: {
    '': 'Not given',
    medication: 'Medication',
    food: 'Food',
    environment: 'Environment',
    biologic: 'Biologic',
  } as Record<string, string>,
  criticality: 'Criticality',
  criticalities: {
    '': 'Not assessed',
    high: 'High',
    low: 'Low',
    'unable-to-assess': 'Unable to assess',
  } as Record<string, string>,
  verification: 'Verification',
  verifications: { unconfirmed: 'Unconfirmed', confirmed: 'Confirmed' } as Record<string, string>,
  onset: 'Onset (optional)',
  reactions: 'Reactions',
  manifestation: (n: number) => `Reaction ${n}`,
  chooseManifestation: 'Choose a reaction',
  severity: (n: number) => `Severity of reaction ${n}`,
  severities: { '': 'Not given', mild: 'Mild', moderate: 'Moderate', severe: 'Severe' } as Record<
    string,
    string
  >,
  addReaction: 'Add a reaction',
  removeReaction: (n: number) => `Remove reaction ${n}`,
  checksLabel: 'Checks of this allergy',
  save: 'Save allergy',
  saving: 'Saving…',
  noKnownAllergies: 'No known allergies',
  noKnownDrugAllergies: 'No known drug allergies',
  assertions: 'Or record that there are none',
  saved: (label: string) => `Saved: ${label}.`,
  superseded: (label: string, count: number) =>
    `Saved: ${label}. ${count === 1 ? 'The “no known allergies” record is' : `${count} “no known allergies” records are`} marked as superseded.`,
  revision: 'allergy recorded',
  assertionRevision: 'no known allergy recorded',
  supersededRevision: (key: string) => `superseded by ${key}`,
  contradicts: {
    all: 'The chart lists allergies: “No known allergies” would contradict them.',
    medication: 'The chart lists a drug allergy: “No known drug allergies” would contradict it.',
  },
  already: {
    all: '“No known allergies” is already recorded.',
    medication: '“No known drug allergies” is already recorded.',
  },
  problem: {
    substance: 'Choose a substance, or type its name.',
    onset: 'Enter the onset as a date.',
    manifestation: 'Choose the reaction this severity is for.',
  },
  ...recordingMessages,
};
