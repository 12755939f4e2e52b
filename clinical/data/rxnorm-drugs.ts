// RxNorm concepts → the ingredients they contain, for the medication-safety
// checks. Ingredients are named as RxNorm names them, in lower case, salts
// and esters left out ("oxyCODONE Hydrochloride" → "oxycodone"): the
// ingredient (IN), not the precise ingredient (PIN).
//
// Sources (each code with the name it was found under, so that it can be
// checked):
// - Ingredient (IN) and multiple-ingredient (MIN) codes: Synthea's drug
//   allergy module, synthetichealth/synthea
//   src/main/resources/modules/allergies/drug_allergy_incidence.json
//   (https://github.com/synthetichealth/synthea, Apache-2.0).
// - Clinical and branded drugs (SCD, SBD, and the drug components and
//   groups Synthea also uses): Synthea's medication price table,
//   src/main/resources/costs/medications.csv (same repository and licence),
//   and the Synthea patient bundles the kit is tested on. The ingredients
//   are read from RxNorm's normalized name of each concept (its naming
//   convention: "ingredient strength unit dose form", ingredients joined by
//   " / "), by hand.
// - 316672: Synthea writes its display "Simvistatin 10 MG"; the concept is
//   simvastatin 10 MG (as other systems' examples display it, e.g. "Simvastatin
//   10 MG Oral Tablet"). Check at https://mor.nlm.nih.gov/RxNav/ (RXCUI 316672).
//
// A code not listed here is not guessed: an RxNorm coding whose display is
// an RxNorm normalized name is read by that convention
// (clinical/medication-safety/rxnorm-name.ts), anything else is reported
// as "no check possible".
//
// Licence: RxNorm is public domain (U.S. National Library of Medicine);
// this table is the kit's own, Apache-2.0.

export const RXNORM_DRUG_INGREDIENTS: Readonly<Record<string, readonly string[]>> = {
  // Ingredients and multiple ingredients (drug_allergy_incidence.json)
  '7984': ['penicillin v'], // Penicillin V
  '1191': ['aspirin'], // Aspirin
  '5640': ['ibuprofen'], // Ibuprofen
  '10831': ['sulfamethoxazole', 'trimethoprim'], // Sulfamethoxazole / Trimethoprim
  '25037': ['cefdinir'], // cefdinir
  '25033': ['cefixime'], // Cefixime
  '20489': ['cefpodoxime'], // cefpodoxime
  '2191': ['ceftazidime'], // Ceftazidime
  '2193': ['ceftriaxone'], // Ceftriaxone
  '2180': ['cefazolin'], // Cefazolin
  '2231': ['cephalexin'], // Cephalexin
  '2176': ['cefaclor'], // Cefaclor
  '20481': ['cefepime'], // cefepime
  '2189': ['cefoxitin'], // Cefoxitin
  '2194': ['cefuroxime'], // Cefuroxime
  '29046': ['lisinopril'], // Lisinopril
  '1998': ['captopril'], // Captopril
  '3827': ['enalapril'], // Enalapril
  '18867': ['benazepril'], // benazepril
  '35208': ['quinapril'], // quinapril
  '35296': ['ramipril'], // Ramipril

  // Drugs (costs/medications.csv)
  '105078': ['penicillin g'], // Penicillin G 375 MG/ML Injectable Solution
  '834061': ['penicillin v'], // Penicillin V Potassium 250 MG Oral Tablet
  '834102': ['penicillin v'], // Penicillin V Potassium 500 MG Oral Tablet
  '789980': ['ampicillin'], // Ampicillin 100 MG/ML Injectable Solution
  '308182': ['amoxicillin'], // Amoxicillin 250 MG Oral Capsule
  '308192': ['amoxicillin'], // Amoxicillin 500 MG Oral Tablet
  '562251': ['amoxicillin', 'clavulanate'], // Amoxicillin 250 MG / Clavulanate 125 MG Oral Tablet
  '1659149': ['piperacillin', 'tazobactam'], // piperacillin 4000 MG / tazobactam 500 MG Injection
  '309045': ['cefaclor'], // Cefaclor 250 MG Oral Capsule
  '309043': ['cefaclor'], // 12 HR Cefaclor 500 MG Extended Release Oral Tablet
  '309097': ['cefuroxime'], // Cefuroxime 250 MG Oral Tablet
  '1656318': ['cefotaxime'], // Cefotaxime 2000 MG Injection
  '308460': ['azithromycin'], // Azithromycin 250 MG Oral Tablet
  '1652673': ['doxycycline'], // Doxycycline Monohydrate 50 MG Oral Tablet
  '1650142': ['doxycycline'], // Doxycycline Monohydrate 100 MG Oral Tablet
  '1665227': ['ciprofloxacin'], // 20 ML Ciprofloxacin 10 MG/ML Injection
  '1807513': ['vancomycin'], // vancomycin 1000 MG Injection
  '313572': ['vancomycin'], // Vancomycin 50 MG/ML Injectable Solution
  '311989': ['nitrofurantoin'], // Nitrofurantoin 5 MG/ML Oral Suspension
  '243670': ['aspirin'], // Aspirin 81 MG Oral Tablet
  '198405': ['ibuprofen'], // Ibuprofen 100 MG Oral Tablet
  '310965': ['ibuprofen'], // Ibuprofen 200 MG Oral Tablet
  '198014': ['naproxen'], // Naproxen 500 MG Oral Tablet
  '849574': ['naproxen'], // Naproxen sodium 220 MG Oral Tablet
  '313782': ['acetaminophen'], // Acetaminophen 325 MG Oral Tablet
  '198440': ['acetaminophen'], // Acetaminophen 500 MG Oral Tablet
  '313820': ['acetaminophen'], // Acetaminophen 160 MG Chewable Tablet
  '1049221': ['acetaminophen', 'oxycodone'], // Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet
  '1049635': ['acetaminophen', 'oxycodone'], // Acetaminophen 325 MG / oxyCODONE Hydrochloride 2.5 MG Oral Tablet
  '857005': ['acetaminophen', 'hydrocodone'], // Acetaminophen 325 MG / HYDROcodone Bitartrate 7.5 MG Oral Tablet
  '856987': ['acetaminophen', 'hydrocodone'], // Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG Oral Tablet
  '1049683': ['oxycodone'], // oxyCODONE Hydrochloride 10 MG Oral Tablet
  '1860154': ['oxycodone'], // Abuse-Deterrent 12 HR Oxycodone Hydrochloride 15 MG Extended Release Oral Tablet
  '861467': ['meperidine'], // Meperidine Hydrochloride 50 MG Oral Tablet
  '864718': ['methadone'], // Methadone Hydrochloride 5 MG Oral Tablet
  '1732136': ['morphine'], // 1 ML Morphine Sulfate 5 MG/ML Injection
  '1735006': ['fentanyl'], // 10 ML Fentanyl 0.05 MG/ML Injection
  '1723208': ['alfentanil'], // 10 ML Alfentanil 0.5 MG/ML Injection
  '1809104': ['sufentanil'], // 5 ML SUFentanil 0.05 MG/ML Injection
  '1729584': ['remifentanil'], // remifentanil 2 MG Injection
  '1043400': ['acetaminophen', 'dextromethorphan', 'doxylamine'], // Acetaminophen 21.7 MG/ML / Dextromethorphan Hydrobromide 1 MG/ML / doxylamine succinate 0.417 MG/ML Oral Solution
  '833036': ['captopril'], // Captopril 25 MG Oral Tablet
  '314076': ['lisinopril'], // lisinopril 10 MG Oral Tablet
  '312961': ['simvastatin'], // Simvastatin 20 MG Oral Tablet
  '314231': ['simvastatin'], // Simvastatin 10 MG Oral Tablet
  '259255': ['atorvastatin'], // Atorvastatin 80 MG Oral Tablet
  '310385': ['fluoxetine'], // FLUoxetine 20 MG Oral Capsule
  '312938': ['sertraline'], // Sertraline 100 MG Oral Tablet
  '596926': ['duloxetine'], // duloxetine 20 MG Delayed Release Oral Capsule
  '833135': ['milnacipran'], // Milnacipran hydrochloride 100 MG Oral Tablet
  '1091392': ['methylphenidate'], // Methylphenidate Hydrochloride 20 MG Oral Tablet
  '608139': ['atomoxetine'], // atomoxetine 100 MG Oral Capsule
  '597730': ['lopinavir', 'ritonavir'], // lopinavir 200 MG / Ritonavir 50 MG Oral Tablet
  '308971': ['carbamazepine'], // Carbamazepine[Tegretol]
  '197591': ['diazepam'], // Diazepam 5 MG Oral Tablet
  '204892': ['clonazepam'], // clonazePAM 0.25 MG Oral Tablet
  '855332': ['warfarin'], // Warfarin Sodium 5 MG Oral Tablet
  '309362': ['clopidogrel'], // Clopidogrel 75 MG Oral Tablet
  '197361': ['amlodipine'], // Amlodipine 5 MG Oral Tablet
  '834357': ['amiodarone'], // 3 ML Amiodarone hydrocholoride 50 MG/ML Prefilled Syringe
  '897718': ['verapamil'], // Verapamil Hydrochloride 40 MG
  '197604': ['digoxin'], // Digoxin 0.125 MG Oral Tablet
  '105585': ['methotrexate'], // Methotrexate 2.5 MG Oral Tablet
  '197319': ['allopurinol'], // Allopurinol 100 MG Oral Tablet
  '197541': ['colchicine'], // Colchicine 0.6 MG Oral Tablet
  '312617': ['prednisone'], // predniSONE 5 MG Oral Tablet
  '312615': ['prednisone'], // predniSONE 20 MG Oral Tablet
  '860975': ['metformin'], // 24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet
  '866414': ['metoprolol'], // 24 HR metoprolol succinate 100 MG Extended Release Oral Tablet [Toprol]
  '310798': ['hydrochlorothiazide'], // Hydrochlorothiazide 25 MG Oral Tablet
  '313988': ['furosemide'], // Furosemide 40 MG Oral Tablet
  '1719286': ['furosemide'], // 10 ML Furosemide 10 MG/ML Injection
  '1049630': ['diphenhydramine'], // diphenhydrAMINE Hydrochloride 25 MG Oral Tablet
  '665078': ['loratadine'], // Loratadine 5 MG Chewable Tablet
  '997488': ['fexofenadine'], // Fexofenadine hydrochloride 30 MG Oral Tablet
  '895994': ['fluticasone'], // 120 ACTUAT Fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler
  '1870230': ['epinephrine'], // NDA020800 0.3 ML Epinephrine 1 MG/ML Auto-Injector
  '1736854': ['cisplatin'], // Cisplatin 50 MG Injection
  '583214': ['paclitaxel'], // PACLitaxel 100 MG Injection
  '1860480': ['docetaxel'], // 1 ML DOCEtaxel 20 MG/ML Injection
  '752899': ['leuprolide'], // 0.25 ML Leuprolide Acetate 30 MG/ML Prefilled Syringe

  // Synthea patient bundles
  '316672': ['simvastatin'], // "Simvistatin 10 MG" (see the note above)
  '316049': ['hydrochlorothiazide'], // Hydrochlorothiazide 25 MG
  '316052': ['hydrochlorothiazide'], // Hydrochlorothiazide 6.25 MG
  '1153378': ['clonazepam'], // Clonazepam [Klonopin]
  '563026': ['diazepam'], // Diazepam [Valium]
  '1310197': ['acetaminophen', 'hydrocodone'], // Acetaminophen 300 MG / HYDROcodone Bitartrate 5 MG [Vicodin]
  '745679': ['albuterol'], // 200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler
  '282464': ['acetaminophen'], // Acetaminophen 160 MG Oral Tablet
};
