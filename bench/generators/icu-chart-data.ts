// What the synthetic intensive-care stay (icu-chart.ts) prescribes, records
// as allergies and writes in its progress notes: RxNorm and SNOMED CT codes
// with their display names, and phrases of an ICU note.

export const MEDICATIONS: ReadonlyArray<[code: string, display: string, dose: string]> = [
  [
    '7512',
    'Norepinephrine 1 MG/ML Injectable Solution',
    '0.05–0.3 mcg/kg/min IV infusion, titrate to MAP ≥ 65',
  ],
  [
    '8782',
    'Propofol 10 MG/ML Injectable Suspension',
    '5–50 mcg/kg/min IV infusion, titrate to RASS −2 to 0',
  ],
  ['1736854', 'Fentanyl 50 MCG/ML Injectable Solution', '25–100 mcg/h IV infusion'],
  ['1807508', 'Vancomycin 1000 MG Injection', '1,250 mg IV every 12 hours, by trough level'],
  ['1659149', 'Piperacillin 4000 MG / Tazobactam 500 MG Injection', '4.5 g IV every 6 hours'],
  [
    '1361048',
    'Heparin sodium 5000 UNT/ML Injectable Solution',
    '5,000 units subcutaneously every 8 hours',
  ],
  ['261257', 'Pantoprazole 40 MG Injection', '40 mg IV once daily'],
  [
    '1652639',
    'Insulin regular human 100 UNT/ML Injectable Solution',
    'IV infusion per ICU glycaemic protocol',
  ],
  ['1808219', 'Chlorhexidine gluconate 0.12% Oral Rinse', '15 mL oral care twice daily'],
  ['313002', 'Sodium chloride 9 MG/ML Injectable Solution', '75 mL/h IV'],
  ['1191', 'Aspirin 81 MG Oral Tablet', '81 mg by NG tube once daily'],
  ['617314', 'Atorvastatin 40 MG Oral Tablet', '40 mg by NG tube at night'],
  ['855332', 'Warfarin 5 MG Oral Tablet', 'held: on heparin'],
  ['1719286', 'Dexmedetomidine 4 MCG/ML Injectable Solution', '0.2–1.4 mcg/kg/h IV infusion'],
  ['198211', 'Simvastatin 40 MG Oral Tablet', 'stopped: switched to atorvastatin'],
  ['310965', 'Ibuprofen 200 MG Oral Tablet', 'stopped: acute kidney injury'],
  ['1665060', 'Cefazolin 2000 MG Injection', '2 g IV every 8 hours'],
  ['204504', 'Furosemide 10 MG/ML Injectable Solution', '40 mg IV twice daily'],
  ['1807627', 'Potassium chloride 20 MEQ Injection', 'per electrolyte protocol'],
  [
    '828348',
    'Acetaminophen 10 MG/ML Injectable Solution',
    '1 g IV every 6 hours as needed for fever',
  ],
];

export const ALLERGIES: ReadonlyArray<
  [
    code: string,
    display: string,
    category: 'medication' | 'food' | 'environment',
    criticality: 'low' | 'high',
    reaction: string,
    type: 'allergy' | 'intolerance',
  ]
> = [
  ['91936005', 'Allergy to penicillin', 'medication', 'high', 'Anaphylaxis', 'allergy'],
  ['300916003', 'Latex allergy', 'environment', 'high', 'Urticaria', 'allergy'],
  ['91939003', 'Allergy to sulfonamide', 'medication', 'low', 'Rash', 'allergy'],
  ['91935009', 'Allergy to peanut', 'food', 'high', 'Angioedema', 'allergy'],
  [
    '418038007',
    'Intolerance to morphine',
    'medication',
    'low',
    'Nausea and vomiting',
    'intolerance',
  ],
];

export const NOTE_PHRASES = {
  neuro: [
    'RASS −1 on propofol, follows commands intermittently.',
    'Sedation held for SAT at 08:00; tolerated.',
    'CAM-ICU negative.',
    'Pupils equal and reactive.',
  ],
  cardio: [
    'Norepinephrine weaned to 0.05 mcg/kg/min, MAP 68–75.',
    'Sinus rhythm, rate 80s–90s.',
    'Lactate down-trending.',
    'Off vasopressors since yesterday evening.',
  ],
  resp: [
    'Ventilated on PRVC, FiO2 0.40, PEEP 8.',
    'SBT passed, extubated to 4 L nasal cannula.',
    'Bilateral infiltrates unchanged on chest film.',
    'SpO2 94–97% on current settings.',
  ],
  renal: [
    'Urine output 0.6 mL/kg/h, creatinine stable.',
    'Net fluid balance −800 mL.',
    'Furosemide started for volume overload.',
  ],
  id: [
    'Day 5 of piperacillin-tazobactam; cultures pending.',
    'Blood cultures no growth at 48 h.',
    'Vancomycin trough 15.2.',
  ],
  plan: [
    'Continue current management, reassess this afternoon.',
    'Family meeting scheduled.',
    'Physiotherapy to mobilise to chair.',
    'Plan step-down to ward if stable overnight.',
  ],
};
