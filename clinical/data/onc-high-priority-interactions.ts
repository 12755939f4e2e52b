// The ONC high-priority drug–drug interactions: the 15 pairs that an expert
// panel convened for the Office of the National Coordinator for Health IT
// judged should always alert in an electronic health record.
//
// Source: Phansalkar S, Desai AA, Bell D, et al., "High-priority drug–drug
// interactions for use in electronic health records", J Am Med Inform Assoc
// 2012;19(5):735–743, doi:10.1136/amiajnl-2011-000612, Table 2 ("final DDI
// pair and suggested membership"),
// https://pmc.ncbi.nlm.nih.gov/articles/PMC3422823/table/tbl2. The list of
// 15 pairs is as restated in Table 4 of Malone DC et al., Am J Health Syst
// Pharm 2022;79(13):1086–1095, https://pmc.ncbi.nlm.nih.gov/articles/PMC9218784/table/T4.
//
// Members are ingredients, named as RxNorm names them (lower case). Pairs 1,
// 2, 3 and 4 carry the membership the panel suggested; for the others the
// panel names the class and the members here are the class's usual members
// as product labels list them (transcribed by hand): check them against
// Table 2 before relying on them. A pair whose two sides are one list (the
// QT pair) alerts for two different members of it.
//
// Licence: the pairs are facts from a published article; this encoding is
// the kit's own, Apache-2.0. RxNorm names are public domain.

export type OncInteractionId =
  | 'amphetamines-maois'
  | 'atazanavir-ppis'
  | 'febuxostat-thiopurines'
  | 'ssris-maois'
  | 'irinotecan-cyp3a4-inhibitors'
  | 'narcotics-maois'
  | 'tcas-maois'
  | 'qt-prolonging'
  | 'ramelteon-cyp1a2-inhibitors'
  | 'cyp3a4-inducers-protease-inhibitors'
  | 'statins-cyp3a4-inhibitors'
  | 'ergots-cyp3a4-inhibitors'
  | 'tizanidine-cyp1a2-inhibitors'
  | 'tranylcypromine-procarbazine'
  | 'triptans-maois';

export interface OncInteraction {
  id: OncInteractionId;
  /** 1–15, in the order of Malone et al.'s Table 4. */
  number: number;
  object: readonly string[];
  precipitant: readonly string[];
}

const MAOIS = ['isocarboxazid', 'phenelzine', 'procarbazine', 'selegiline', 'tranylcypromine'];
const PROTEASE_INHIBITORS = [
  'atazanavir',
  'darunavir',
  'fosamprenavir',
  'indinavir',
  'lopinavir',
  'nelfinavir',
  'ritonavir',
  'saquinavir',
  'tipranavir',
];
const STRONG_CYP3A4_INHIBITORS = [
  'clarithromycin',
  'itraconazole',
  'ketoconazole',
  'nefazodone',
  'posaconazole',
  'telithromycin',
  'voriconazole',
  ...PROTEASE_INHIBITORS,
];
const CYP1A2_INHIBITORS = ['ciprofloxacin', 'fluvoxamine'];

export const ONC_HIGH_PRIORITY_INTERACTIONS: readonly OncInteraction[] = [
  {
    id: 'amphetamines-maois',
    number: 1,
    object: [
      'amphetamine',
      'atomoxetine',
      'benzphetamine',
      'dexmethylphenidate',
      'dextroamphetamine',
      'diethylpropion',
      'lisdexamfetamine',
      'methamphetamine',
      'methylphenidate',
      'phendimetrazine',
      'phentermine',
      'pseudoephedrine',
    ],
    precipitant: MAOIS,
  },
  {
    id: 'atazanavir-ppis',
    number: 2,
    object: ['atazanavir'],
    precipitant: [
      'dexlansoprazole',
      'esomeprazole',
      'lansoprazole',
      'omeprazole',
      'pantoprazole',
      'rabeprazole',
    ],
  },
  {
    id: 'febuxostat-thiopurines',
    number: 3,
    object: ['azathioprine', 'mercaptopurine'],
    precipitant: ['febuxostat'],
  },
  {
    id: 'ssris-maois',
    number: 4,
    object: [
      'citalopram',
      'desvenlafaxine',
      'duloxetine',
      'escitalopram',
      'fluoxetine',
      'fluvoxamine',
      'milnacipran',
      'nefazodone',
      'paroxetine',
      'sertraline',
      'venlafaxine',
    ],
    precipitant: MAOIS,
  },
  {
    id: 'irinotecan-cyp3a4-inhibitors',
    number: 5,
    object: ['irinotecan'],
    precipitant: STRONG_CYP3A4_INHIBITORS,
  },
  {
    id: 'narcotics-maois',
    number: 6,
    object: ['dextromethorphan', 'fentanyl', 'meperidine', 'methadone', 'tapentadol', 'tramadol'],
    precipitant: MAOIS,
  },
  {
    id: 'tcas-maois',
    number: 7,
    object: [
      'amitriptyline',
      'clomipramine',
      'desipramine',
      'doxepin',
      'imipramine',
      'nortriptyline',
      'protriptyline',
      'trimipramine',
    ],
    precipitant: MAOIS,
  },
  {
    id: 'qt-prolonging',
    number: 8,
    object: [
      'amiodarone',
      'disopyramide',
      'dofetilide',
      'dronedarone',
      'ibutilide',
      'pimozide',
      'quinidine',
      'sotalol',
      'thioridazine',
    ],
    precipitant: [
      'amiodarone',
      'disopyramide',
      'dofetilide',
      'dronedarone',
      'ibutilide',
      'pimozide',
      'quinidine',
      'sotalol',
      'thioridazine',
    ],
  },
  {
    id: 'ramelteon-cyp1a2-inhibitors',
    number: 9,
    object: ['ramelteon'],
    precipitant: CYP1A2_INHIBITORS,
  },
  {
    id: 'cyp3a4-inducers-protease-inhibitors',
    number: 10,
    object: PROTEASE_INHIBITORS,
    precipitant: ['carbamazepine', 'phenobarbital', 'phenytoin', 'rifampin', "st. john's wort"],
  },
  {
    id: 'statins-cyp3a4-inhibitors',
    number: 11,
    object: ['lovastatin', 'simvastatin'],
    precipitant: STRONG_CYP3A4_INHIBITORS,
  },
  {
    id: 'ergots-cyp3a4-inhibitors',
    number: 12,
    object: ['dihydroergotamine', 'ergonovine', 'ergotamine', 'methylergonovine'],
    precipitant: STRONG_CYP3A4_INHIBITORS,
  },
  {
    id: 'tizanidine-cyp1a2-inhibitors',
    number: 13,
    object: ['tizanidine'],
    precipitant: CYP1A2_INHIBITORS,
  },
  {
    id: 'tranylcypromine-procarbazine',
    number: 14,
    object: ['tranylcypromine'],
    precipitant: ['procarbazine'],
  },
  {
    id: 'triptans-maois',
    number: 15,
    object: ['rizatriptan', 'sumatriptan', 'zolmitriptan'],
    precipitant: MAOIS,
  },
];
