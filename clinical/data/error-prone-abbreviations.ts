// Frequency and route abbreviations that must never be shown as sent.
//
// Source: Institute for Safe Medication Practices (ISMP), "ISMP's List of
// Error-Prone Abbreviations, Symbols, and Dose Designations",
// https://ismp.org/recommendations/error-prone-abbreviations-list (the web
// edition read for this file; the list was revised in 2021 and again in
// 2024, see https://www.ismp.org/news/ismp-updates-list-error-prone-abbreviations-symbols-and-dose-designations).
// Only its abbreviations for how often and by which route are here (doses,
// units and symbols are handled where doses are printed). BIW and IT are
// entries of the 2021 and later editions, transcribed from memory of those
// editions because the copy read here was cut short: check them, and the
// whole file, against the current PDF before relying on it. q6PM and UD are
// checked against the 2021 edition's table as transcribed in public copies
// (the intended meaning, the misreading and ISMP's correction).
//
// Transcribed by hand. `meaning` is the written-out words to show, only
// where the abbreviation has one meaning in a medication line; an entry
// without one is ambiguous (ISMP names the misreadings) and its text is
// withheld: the line says to check the original prescription.
//
// Matching ignores case, dots and spaces: "q.o.d.", "Q.O.D." and "qod" are
// one entry; "sub q" and "subq" too.

export interface ErrorProneAbbreviation {
  /** As ISMP writes it. */
  abbreviation: string;
  /** What ISMP says it is intended to mean. */
  intended: string;
  /** The words to show instead, when unambiguous; absent when the text must be withheld. */
  meaning?: string;
}

export const ERROR_PRONE_FREQUENCIES: readonly ErrorProneAbbreviation[] = [
  { abbreviation: 'BT', intended: 'bedtime (mistaken as BID)', meaning: 'at bedtime' },
  {
    abbreviation: 'HS',
    intended: 'half-strength, or at bedtime (hs): each mistaken for the other',
  },
  { abbreviation: 'o.d.', intended: 'once daily (mistaken as right eye, OD)' },
  { abbreviation: 'OD', intended: 'once daily, or right eye' },
  { abbreviation: 'q.d.', intended: 'every day (mistaken as q.i.d.)', meaning: 'once daily' },
  { abbreviation: 'QD', intended: 'every day (mistaken as q.i.d.)', meaning: 'once daily' },
  {
    abbreviation: 'qhs',
    intended: 'nightly at bedtime (mistaken as qhr, every hour)',
    meaning: 'at bedtime',
  },
  { abbreviation: 'qn', intended: 'nightly (mistaken as qh, every hour)', meaning: 'nightly' },
  { abbreviation: 'q.o.d.', intended: 'every other day (mistaken as q.d. or q.i.d.)' },
  { abbreviation: 'QOD', intended: 'every other day (mistaken as q.d. or q.i.d.)' },
  { abbreviation: 'q1d', intended: 'daily (mistaken as q.i.d.)', meaning: 'once daily' },
  {
    abbreviation: 'TIW',
    intended: '3 times a week (mistaken as 3 times a day or twice weekly)',
    meaning: 'three times weekly',
  },
  {
    abbreviation: 'BIW',
    intended: '2 times a week (mistaken as 2 times a day)',
    meaning: 'twice weekly',
  },
  // "q6PM, etc.": any hour of the day after q; the words name the hour sent (error-prone.ts).
  {
    abbreviation: 'q6PM',
    intended: 'every day at 6 PM, and so for any hour (mistaken as every 6 hours)',
    meaning: 'daily at 6 PM',
  },
  {
    abbreviation: 'UD',
    intended: 'as directed, "ut dictum" (mistaken as unit dose)',
    meaning: 'as directed',
  },
];

export const ERROR_PRONE_ROUTES: readonly ErrorProneAbbreviation[] = [
  { abbreviation: 'AD', intended: 'right ear (mistaken as OD, right eye)' },
  { abbreviation: 'AS', intended: 'left ear (mistaken as OS, left eye)' },
  { abbreviation: 'AU', intended: 'each ear (mistaken as OU, each eye)' },
  { abbreviation: 'OD', intended: 'right eye (mistaken as AD, right ear), or once daily' },
  { abbreviation: 'OS', intended: 'left eye (mistaken as AS, left ear)' },
  { abbreviation: 'OU', intended: 'each eye (mistaken as AU, each ear)' },
  {
    abbreviation: 'IJ',
    intended: 'injection (mistaken as IV or intrajugular)',
    meaning: 'by injection',
  },
  { abbreviation: 'IN', intended: 'intranasal (mistaken as IM or IV)' },
  {
    abbreviation: 'IT',
    intended:
      'intrathecal (mistaken as intratracheal, intratumor, intratympanic or inhalation therapy)',
  },
  { abbreviation: 'Per os', intended: 'by mouth (os mistaken as left eye)', meaning: 'orally' },
  {
    abbreviation: 'SC',
    intended: 'subcutaneous (mistaken as SL, sublingual)',
    meaning: 'subcutaneously',
  },
  {
    abbreviation: 'SQ',
    intended: 'subcutaneous (mistaken as "5 every")',
    meaning: 'subcutaneously',
  },
  {
    abbreviation: 'sub q',
    intended: 'subcutaneous (the q mistaken as every)',
    meaning: 'subcutaneously',
  },
];
