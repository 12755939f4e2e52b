import { LOINC_CLASS_NAMES } from './data/loinc-classes.js';

// Every text for people of lab-class.ts, in one object for translation: the
// LOINC classes in words. The English defaults are LOINC's own names for
// its classes (clinical/data/loinc-classes.ts says where they come from).

export const labClassMessages: { classNames: Readonly<Record<string, string>> } = {
  classNames: { ...LOINC_CLASS_NAMES },
};
