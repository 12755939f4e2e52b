// The laboratory modules, for the lab results element and for hosts.
export { isLaboratory } from './lab-category.js';
export { labValue, quantityText, rangeText, type LabValue } from './lab-value.js';
export { labRange, ageAt, type LabRange } from './lab-range.js';
export {
  flagAgainst,
  isAbnormalFlag,
  labFlag,
  labFlagLevel,
  type LabFlag,
  type LabFlagResult,
} from './lab-flag.js';
export { labMessages } from './lab-messages.js';
export { labClass, type LabClass } from './lab-class.js';
export { labClassMessages } from './lab-class-messages.js';
export { conceptLabel } from './coding.js';
export type { FlagIcon } from './vital-flag.js';
