// The vital signs of the vitals grid, in one import: the signs and their
// codes and units, adult reference ranges, abnormal flags, plausibility
// limits for data entry, consciousness (ACVPU, GCS) and supplemental oxygen.
export * from './vital-readings.js';
export * from './vital-ranges.js';
export * from './vital-flag.js';
export * from './vital-plausibility.js';
export * from './consciousness.js';
export * from './oxygen.js';
