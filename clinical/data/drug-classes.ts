// Drug classes for the allergy and duplicate-therapy checks, each with the
// ingredients that belong to it, named as RxNorm names ingredients
// (lower case here; RxNorm's own capitals are ignored when matching).
//
// Sources. Which classes: those behind most drug allergies recorded in
// electronic health records, after Zhou L, Dhopeshwarkar N, Blumenthal KG, et al.,
// "Drug allergies documented in electronic health records of a large
// healthcare system", Allergy 2016;71(9):1305–1313, doi:10.1111/all.12881
// (https://pubmed.ncbi.nlm.nih.gov/26970431/): penicillins (12.8% of
// patients), sulfonamide antibiotics (7.4%), opiates (6.8%) and NSAIDs
// (3.5%), then the other antibiotic classes (cephalosporins, macrolides,
// fluoroquinolones, tetracyclines), ACE inhibitors and statins (whose share
// doubled from the early 2000s); carbapenems for their place beside penicillins
// and cephalosporins in beta-lactam allergy.
//
// Which members: the class's group in the WHO Anatomical Therapeutic
// Chemical (ATC) classification, named beside each class
// (https://atcddd.fhi.no/atc_ddd_index/), narrowed to the ingredients with
// products in RxNorm; aspirin is with the NSAIDs (ATC N02BA01 / B01AC06):
// aspirin-exacerbated reactions cross to the other NSAIDs. Class
// memberships are facts of pharmacology, transcribed by hand; no text of
// the ATC index is copied. Check a class against the current ATC index
// before relying on it, and add ingredients as the formulary needs.
//
// Licence: the kit's own compilation, Apache-2.0 like the kit. RxNorm names
// are public domain (U.S. National Library of Medicine).

export type DrugClassId =
  | 'penicillins'
  | 'cephalosporins'
  | 'carbapenems'
  | 'sulfonamide-antibiotics'
  | 'nsaids'
  | 'opioids'
  | 'macrolides'
  | 'fluoroquinolones'
  | 'tetracyclines'
  | 'ace-inhibitors'
  | 'statins';

export interface DrugClass {
  id: DrugClassId;
  /** The ATC group the members come from. */
  atc: string;
  ingredients: readonly string[];
}

export const DRUG_CLASSES: readonly DrugClass[] = [
  {
    id: 'penicillins',
    atc: 'J01C',
    ingredients: [
      'amoxicillin',
      'ampicillin',
      'dicloxacillin',
      'nafcillin',
      'oxacillin',
      'penicillin g',
      'penicillin v',
      'piperacillin',
      'ticarcillin',
    ],
  },
  {
    id: 'cephalosporins',
    atc: 'J01DB–J01DE, J01DI',
    ingredients: [
      'cefaclor',
      'cefadroxil',
      'cefazolin',
      'cefdinir',
      'cefepime',
      'cefixime',
      'cefotaxime',
      'cefoxitin',
      'cefpodoxime',
      'ceftaroline fosamil',
      'ceftazidime',
      'ceftriaxone',
      'cefuroxime',
      'cephalexin',
    ],
  },
  {
    id: 'carbapenems',
    atc: 'J01DH',
    ingredients: ['doripenem', 'ertapenem', 'imipenem', 'meropenem'],
  },
  {
    id: 'sulfonamide-antibiotics',
    atc: 'J01E',
    ingredients: ['sulfadiazine', 'sulfamethoxazole', 'sulfisoxazole'],
  },
  {
    id: 'nsaids',
    atc: 'M01A, N02BA01',
    ingredients: [
      'aspirin',
      'celecoxib',
      'diclofenac',
      'etodolac',
      'ibuprofen',
      'indomethacin',
      'ketoprofen',
      'ketorolac',
      'meloxicam',
      'nabumetone',
      'naproxen',
      'piroxicam',
    ],
  },
  {
    id: 'opioids',
    atc: 'N02A',
    ingredients: [
      'alfentanil',
      'buprenorphine',
      'codeine',
      'fentanyl',
      'hydrocodone',
      'hydromorphone',
      'meperidine',
      'methadone',
      'morphine',
      'oxycodone',
      'oxymorphone',
      'remifentanil',
      'sufentanil',
      'tapentadol',
      'tramadol',
    ],
  },
  {
    id: 'macrolides',
    atc: 'J01FA',
    ingredients: ['azithromycin', 'clarithromycin', 'erythromycin'],
  },
  {
    id: 'fluoroquinolones',
    atc: 'J01MA',
    ingredients: ['ciprofloxacin', 'levofloxacin', 'moxifloxacin', 'ofloxacin'],
  },
  {
    id: 'tetracyclines',
    atc: 'J01AA',
    ingredients: ['doxycycline', 'minocycline', 'tetracycline'],
  },
  {
    id: 'ace-inhibitors',
    atc: 'C09A',
    ingredients: [
      'benazepril',
      'captopril',
      'enalapril',
      'fosinopril',
      'lisinopril',
      'perindopril',
      'quinapril',
      'ramipril',
    ],
  },
  {
    id: 'statins',
    atc: 'C10AA',
    ingredients: [
      'atorvastatin',
      'fluvastatin',
      'lovastatin',
      'pitavastatin',
      'pravastatin',
      'rosuvastatin',
      'simvastatin',
    ],
  },
];

/**
 * Classes whose allergies cross to another class: a warning, not a
 * contraindication. Penicillin ↔ cephalosporin only: the AAAAI/ACAAI drug
 * allergy practice parameter (Khan DA, Banerji A, Blumenthal KG, et al.,
 * "Drug allergy: A 2022 practice parameter update", J Allergy Clin Immunol
 * 2022;150(6):1333–1393, doi:10.1016/j.jaci.2022.08.028) puts the risk of a
 * reaction to a cephalosporin in a patient with a penicillin allergy at
 * about 1–2% (higher when the side chains match), and advises that
 * carbapenems may be given without testing: they are not paired here.
 */
export const CROSS_REACTIVE_CLASSES: ReadonlyArray<readonly [DrugClassId, DrugClassId]> = [
  ['penicillins', 'cephalosporins'],
];
