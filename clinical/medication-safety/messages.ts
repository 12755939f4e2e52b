import type { DrugClassId, OncInteractionId, SafetyRule, UnreadableReason } from './types.js';

// Every text for people that the medication-safety checks produce, in one
// place so that it can be translated. Summaries stay under 140 characters
// (CDS Hooks); card.ts shortens a long drug or allergy name to fit.

const className: Record<DrugClassId, string> = {
  penicillins: 'penicillin class',
  cephalosporins: 'cephalosporin class',
  carbapenems: 'carbapenem class',
  'sulfonamide-antibiotics': 'sulfonamide antibiotic class',
  nsaids: 'NSAID class',
  opioids: 'opioid class',
  macrolides: 'macrolide class',
  fluoroquinolones: 'fluoroquinolone class',
  tetracyclines: 'tetracycline class',
  'ace-inhibitors': 'ACE inhibitor class',
  statins: 'statin class',
};

const classPlural: Record<DrugClassId, string> = {
  penicillins: 'penicillins',
  cephalosporins: 'cephalosporins',
  carbapenems: 'carbapenems',
  'sulfonamide-antibiotics': 'sulfonamide antibiotics',
  nsaids: 'NSAIDs',
  opioids: 'opioids',
  macrolides: 'macrolides',
  fluoroquinolones: 'fluoroquinolones',
  tetracyclines: 'tetracyclines',
  'ace-inhibitors': 'ACE inhibitors',
  statins: 'statins',
};

const interaction: Record<OncInteractionId, { name: string; risk: string }> = {
  'amphetamines-maois': {
    name: 'amphetamine-type drug with an MAO inhibitor',
    risk: 'hypertensive crisis',
  },
  'atazanavir-ppis': {
    name: 'atazanavir with a proton pump inhibitor',
    risk: 'loss of atazanavir effect and HIV treatment failure',
  },
  'febuxostat-thiopurines': {
    name: 'febuxostat with azathioprine or mercaptopurine',
    risk: 'thiopurine toxicity and bone marrow suppression',
  },
  'ssris-maois': {
    name: 'serotonergic antidepressant with an MAO inhibitor',
    risk: 'serotonin syndrome',
  },
  'irinotecan-cyp3a4-inhibitors': {
    name: 'irinotecan with a strong CYP3A4 inhibitor',
    risk: 'irinotecan toxicity',
  },
  'narcotics-maois': {
    name: 'opioid with an MAO inhibitor',
    risk: 'serotonin syndrome or opioid toxicity',
  },
  'tcas-maois': {
    name: 'tricyclic antidepressant with an MAO inhibitor',
    risk: 'serotonin syndrome or hypertensive crisis',
  },
  'qt-prolonging': {
    name: 'two high-risk QT-prolonging drugs',
    risk: 'QT prolongation and torsades de pointes',
  },
  'ramelteon-cyp1a2-inhibitors': {
    name: 'ramelteon with a strong CYP1A2 inhibitor',
    risk: 'much higher ramelteon levels',
  },
  'cyp3a4-inducers-protease-inhibitors': {
    name: 'protease inhibitor with a strong CYP3A4 inducer',
    risk: 'loss of antiretroviral effect',
  },
  'statins-cyp3a4-inhibitors': {
    name: 'simvastatin or lovastatin with a strong CYP3A4 inhibitor',
    risk: 'myopathy and rhabdomyolysis',
  },
  'ergots-cyp3a4-inhibitors': {
    name: 'ergot alkaloid with a strong CYP3A4 inhibitor',
    risk: 'ergotism and ischaemia',
  },
  'tizanidine-cyp1a2-inhibitors': {
    name: 'tizanidine with a CYP1A2 inhibitor',
    risk: 'severe hypotension and sedation',
  },
  'tranylcypromine-procarbazine': {
    name: 'tranylcypromine with procarbazine',
    risk: 'hypertensive crisis',
  },
  'triptans-maois': {
    name: 'triptan with an MAO inhibitor',
    risk: 'serotonin syndrome',
  },
};

const unreadable: Record<UnreadableReason, string> = {
  uncoded: 'recorded as text only, with no code',
  reference: 'given as a reference to a Medication record the check was not given',
  'not-rxnorm': 'not coded in RxNorm',
  'unknown-rxnorm': 'its RxNorm code is not in the kit’s drug data',
  'unknown-snomed': 'its SNOMED CT code is not in the kit’s allergen data',
  'unknown-code': 'its code system is not one the kit reads (RxNorm, SNOMED CT)',
};

/** "Amoxicillin" from "amoxicillin"; "penicillin V" keeps its capital. */
function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export const medicationSafetyMessages = {
  className,
  classPlural,
  interaction,
  unreadable,
  capitalised,

  /** The allergen of an allergy's name: "Allergy to penicillin" → "penicillin". */
  allergenOfLabel(label: string): string {
    return label.replace(/^allergy to /i, '');
  },

  /** How an RxNorm ingredient's name reads in a sentence ("penicillin v" → "penicillin V"). */
  ingredient(name: string): string {
    return name.replace(/ ([a-z])$/, (_, letter: string) => ` ${letter.toUpperCase()}`);
  },

  ruleLabel: {
    'drug-allergy': 'Drug–allergy check (by ingredient and class)',
    'cross-reactivity': 'Drug–allergy cross-reactivity check',
    'duplicate-ingredient': 'Duplicate therapy check (same ingredient)',
    'duplicate-class': 'Duplicate therapy check (same class)',
    'onc-interaction': 'ONC high-priority drug–drug interactions (Phansalkar 2012)',
    'no-check': 'Medication safety checks: coded drugs and allergens only',
  } satisfies Record<SafetyRule, string>,

  ruleTopic: {
    'drug-allergy': 'Drug–allergy interaction',
    'cross-reactivity': 'Drug–allergy cross-reactivity',
    'duplicate-ingredient': 'Duplicate therapy: same ingredient',
    'duplicate-class': 'Duplicate therapy: same class',
    'onc-interaction': 'High-priority drug–drug interaction',
    'no-check': 'No safety check possible',
  } satisfies Record<SafetyRule, string>,

  overrideReason: {
    'benefit-outweighs-risk': 'Benefit outweighs the risk',
    'tolerated-before': 'Patient has taken this before without reaction',
    'allergy-record-wrong': 'Allergy record is wrong or not an allergy',
    'will-monitor': 'Will monitor the patient closely',
    'no-alternative': 'No suitable alternative',
    'duplicate-intended': 'Both are intended (e.g. a change of route or dose)',
    'stopping-other': 'The other medication is being stopped',
  },

  summary: {
    /** "Amoxicillin: patient is allergic to amoxicillin" */
    allergyIngredient: (drug: string, allergen: string) =>
      `${capitalised(drug)}: patient is allergic to ${allergen}`,
    /** "Amoxicillin: patient is allergic to penicillin V (penicillin class)" */
    allergyClass: (drug: string, allergen: string, drugClass: DrugClassId) =>
      `${capitalised(drug)}: patient is allergic to ${allergen} (${className[drugClass]})`,
    /** "Cephalexin: possible cross-reaction with the patient's penicillin allergy" */
    crossReactivity: (drug: string, allergen: string) =>
      `${capitalised(drug)}: possible cross-reaction with the patient’s ${allergen} allergy`,
    /** "Furosemide twice: also in Lasix 40 MG Oral Tablet" */
    duplicateIngredient: (ingredient: string, other: string) =>
      `${capitalised(ingredient)} twice: also in ${other}`,
    /** "Ibuprofen and naproxen: two NSAIDs at once" */
    duplicateClass: (drug: string, other: string, drugClass: DrugClassId) =>
      `${capitalised(drug)} and ${other}: two ${classPlural[drugClass]} at once`,
    /** "Clarithromycin with simvastatin: contraindicated combination" */
    interaction: (drug: string, other: string) =>
      `${capitalised(drug)} with ${other}: contraindicated combination`,
    /** "No safety check for “Lasix 40mg”: not coded in RxNorm" */
    noCheckDrug: (label: string, reason: UnreadableReason) =>
      `No safety check for “${label}”: ${unreadable[reason]}`,
    /** "No check against the allergy “Peanut”: recorded as text only, with no code" */
    noCheckAllergy: (label: string, reason: UnreadableReason) =>
      `No check against the allergy “${label}”: ${unreadable[reason]}`,
    /** "No interaction or duplicate check against 2 medications: Lasix 40mg, …" */
    noCheckOthers: (count: number, labels: string) =>
      `No interaction or duplicate check against ${count} medication${count === 1 ? '' : 's'}: ${labels}`,
    /** "No allergy check of 1 active medication: Lasix 40mg" */
    noAllergyCheckOf: (count: number, labels: string) =>
      `No allergy check of ${count} active medication${count === 1 ? '' : 's'}: ${labels}`,
  },

  detail: {
    drugContains: (label: string, ingredients: string, active = false) =>
      `${active ? 'The active medication ' : ''}**${label}** contains ${ingredients}.`,
    inClass: (ingredient: string, drugClass: DrugClassId) =>
      `${capitalised(ingredient)} is in the ${className[drugClass]} (${classPlural[drugClass]}).`,
    allergyRecorded: (label: string) => `Recorded allergy: **${label}**.`,
    intoleranceRecorded: (label: string) => `Recorded intolerance: **${label}**.`,
    criticality: (value: string) => `Criticality: ${value}.`,
    reactions: (list: string) => `Reactions recorded: ${list}.`,
    reaction: (name: string, severity?: string) => (severity ? `${name} (${severity})` : name),
    noReactions: 'No reaction recorded.',
    unconfirmed: 'The allergy is not confirmed.',
    crossReactivity:
      'About 1–2% of patients with a penicillin allergy react to a cephalosporin, more when the side chains are alike (AAAAI/ACAAI drug allergy practice parameter, 2022).',
    activeMedication: (label: string) => `Active medication: **${label}**.`,
    interaction: (name: string, risk: string, number: number) =>
      `Pair ${number} of the ONC high-priority list: ${name}. Risk: ${risk}. The list marks it as a combination to avoid.`,
    duplicate:
      'Two active medications with the same ingredient or of one class: check that both are meant.',
    noCheckEach: (label: string, reason: string) => `**${label}**: ${reason}.`,
    noCheckOthers:
      'The kit matches drugs by their RxNorm codes only, never by their names: check these by hand.',
    noCheck: (reason: string) =>
      `The kit matches drugs and allergens by their RxNorm or SNOMED CT codes only, never by their names: this one is ${reason}. Check it by hand, or record it with a code.`,
    unnamedDrug: 'Medication (not named)',
    unnamedAllergy: 'Allergy (substance not recorded)',
  },

  /** An allergy's criticality and a reaction's severity, in words. */
  criticality: { high: 'high', low: 'low', 'unable-to-assess': 'unable to assess' },
  severity: { mild: 'mild', moderate: 'moderate', severe: 'severe' },

  /** Joins names: "a, b and c". */
  list(items: readonly string[]): string {
    if (items.length <= 1) return items.join('');
    return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
  },

  ellipsis: '…',
};
