// Look-alike drug names with recommended tall man (mixed case) letters.
//
// Sources:
// - FDA, "Name Differentiation Project": FDA List of Established Drug Names
//   Recommended to Use Tall Man Lettering (started 2001; the 16 sets of 33
//   names listed since 2008, plus CISplatin / CARBOplatin).
// - ISMP, "FDA and ISMP Lists of Look-Alike Drug Names with Recommended Tall
//   Man (Mixed Case) Letters" (2023; earlier editions 2008, 2011, 2016),
//   Table 2: additional sets recommended by ISMP, not approved by FDA.
//
// Transcribed by hand from those lists, not generated from the ISMP PDF.
// The ISMP list changes between editions (the 2023 revision added, removed
// and re-lettered some sets), so check this file against the current PDF
// before relying on it, and keep each name lettered the same way in every
// set it appears in (tests check that).
//
// A name with no capitals (morphine, tretinoin) is in a set only as the
// partner of another: it is never re-lettered.

export interface TallManSet {
  /** Names that have been confused with one another, each with its tall man letters. */
  names: readonly string[];
  source: 'FDA' | 'ISMP';
  /** Brand names in the set (the rest are established, generic names). */
  brands?: readonly string[];
}

export const TALL_MAN_SETS: readonly TallManSet[] = [
  // FDA Name Differentiation Project
  { source: 'FDA', names: ['acetaZOLAMIDE', 'acetoHEXAMIDE'] },
  { source: 'FDA', names: ['buPROPion', 'busPIRone'] },
  { source: 'FDA', names: ['CARBOplatin', 'CISplatin'] },
  { source: 'FDA', names: ['chlorproMAZINE', 'chlorproPAMIDE'] },
  { source: 'FDA', names: ['clomiPHENE', 'clomiPRAMINE'] },
  { source: 'FDA', names: ['cycloSERINE', 'cycloSPORINE'] },
  { source: 'FDA', names: ['DAUNOrubicin', 'DOXOrubicin'] },
  { source: 'FDA', names: ['dimenhyDRINATE', 'diphenhydrAMINE'] },
  { source: 'FDA', names: ['DOBUTamine', 'DOPamine'] },
  { source: 'FDA', names: ['glipiZIDE', 'glyBURIDE'] },
  { source: 'FDA', names: ['hydrALAZINE', 'hydrOXYzine'] },
  { source: 'FDA', names: ['medroxyPROGESTERone', 'methylPREDNISolone', 'methylTESTOSTERone'] },
  { source: 'FDA', names: ['niCARdipine', 'NIFEdipine'] },
  { source: 'FDA', names: ['prednisoLONE', 'predniSONE'] },
  { source: 'FDA', names: ['sulfADIAZINE', 'sulfiSOXAZOLE'] },
  { source: 'FDA', names: ['TOLAZamide', 'TOLBUTamide'] },
  { source: 'FDA', names: ['vinBLAStine', 'vinCRIStine'] },

  // ISMP additional sets
  { source: 'ISMP', names: ['ALPRAZolam', 'LORazepam', 'clonazePAM'] },
  { source: 'ISMP', names: ['amLODIPine', 'aMILoride'] },
  { source: 'ISMP', names: ['ARIPiprazole', 'RABEprazole'] },
  { source: 'ISMP', names: ['azaCITIDine', 'azaTHIOprine'] },
  { source: 'ISMP', names: ['carBAMazepine', 'OXcarbazepine'] },
  { source: 'ISMP', names: ['ceFAZolin', 'cefTRIAXone'] },
  { source: 'ISMP', names: ['CeleBREX', 'CeleXA'], brands: ['CeleBREX', 'CeleXA'] },
  { source: 'ISMP', names: ['chlordiazePOXIDE', 'chlorproMAZINE'] },
  { source: 'ISMP', names: ['clonazePAM', 'cloNIDine', 'KlonoPIN'], brands: ['KlonoPIN'] },
  { source: 'ISMP', names: ['DACTINomycin', 'DAPTOmycin'] },
  { source: 'ISMP', names: ['DAUNOrubicin', 'DOXOrubicin', 'IDArubicin'] },
  { source: 'ISMP', names: ['DOCEtaxel', 'PACLitaxel'] },
  { source: 'ISMP', names: ['ePHEDrine', 'EPINEPHrine'] },
  { source: 'ISMP', names: ['fentaNYL', 'SUFentanil'] },
  { source: 'ISMP', names: ['FLUoxetine', 'DULoxetine', 'PARoxetine'] },
  { source: 'ISMP', names: ['guanFACINE', 'guaiFENesin'] },
  { source: 'ISMP', names: ['HumaLOG', 'HumuLIN'], brands: ['HumaLOG', 'HumuLIN'] },
  { source: 'ISMP', names: ['HYDROcodone', 'oxyCODONE'] },
  { source: 'ISMP', names: ['HYDROmorphone', 'morphine'] },
  { source: 'ISMP', names: ['ISOtretinoin', 'tretinoin'] },
  { source: 'ISMP', names: ['LaMICtal', 'LamISIL'], brands: ['LaMICtal', 'LamISIL'] },
  { source: 'ISMP', names: ['lamiVUDine', 'lamoTRIgine'] },
  { source: 'ISMP', names: ['levETIRAcetam', 'levOCARNitine', 'levoFLOXacin'] },
  { source: 'ISMP', names: ['metFORMIN', 'metroNIDAZOLE'] },
  { source: 'ISMP', names: ['methIMAzole', 'metOLazone'] },
  { source: 'ISMP', names: ['NexAVAR', 'NexIUM'], brands: ['NexAVAR', 'NexIUM'] },
  { source: 'ISMP', names: ['NIFEdipine', 'niMODipine'] },
  { source: 'ISMP', names: ['NovoLIN', 'NovoLOG'], brands: ['NovoLIN', 'NovoLOG'] },
  { source: 'ISMP', names: ['OLANZapine', 'QUEtiapine'] },
  { source: 'ISMP', names: ['oxyCODONE', 'OxyCONTIN'], brands: ['OxyCONTIN'] },
  { source: 'ISMP', names: ['PEMEtrexed', 'PRALAtrexate'] },
  { source: 'ISMP', names: ['PENTobarbital', 'PHENobarbital'] },
  { source: 'ISMP', names: ['PriLOSEC', 'PROzac'], brands: ['PriLOSEC', 'PROzac'] },
  { source: 'ISMP', names: ['quiNIDine', 'quiNINE'] },
  { source: 'ISMP', names: ['raNITIdine', 'riMANTAdine'] },
  { source: 'ISMP', names: ['risperiDONE', 'rOPINIRole'] },
  { source: 'ISMP', names: ['riTUXimab', 'inFLIXimab'] },
  { source: 'ISMP', names: ['SandIMMUNE', 'SandoSTATIN'], brands: ['SandIMMUNE', 'SandoSTATIN'] },
  { source: 'ISMP', names: ['sAXagliptin', 'SITagliptin'] },
  { source: 'ISMP', names: ['SEROquel', 'SINEquan'], brands: ['SEROquel', 'SINEquan'] },
  { source: 'ISMP', names: ['SOLU-CORTEF', 'SOLU-MEDROL'], brands: ['SOLU-CORTEF', 'SOLU-MEDROL'] },
  { source: 'ISMP', names: ['SUMAtriptan', 'ZOLMitriptan'] },
  { source: 'ISMP', names: ['tiaGABine', 'TIZANidine'] },
  { source: 'ISMP', names: ['traMADol', 'traZODone'] },
  { source: 'ISMP', names: ['valACYclovir', 'valGANciclovir'] },
  { source: 'ISMP', names: ['ZyPREXA', 'ZyrTEC'], brands: ['ZyPREXA', 'ZyrTEC'] },
];
