import type { FlagIcon } from './vital-flag.js';

/**
 * A laboratory result's flag: the vital signs' flags, and two more —
 * `no-range` (nothing to compare with) and `unflagged` (a bound such as
 * "<5" that may lie on either side of the range).
 */
export type LabFlag =
  | 'normal'
  | 'low'
  | 'high'
  | 'critically-low'
  | 'critically-high'
  | 'abnormal'
  | 'critically-abnormal'
  | 'no-range'
  | 'unflagged';

export interface LabFlagResult {
  flag: LabFlag;
  label: string;
  /** No icon for `no-range` and `unflagged`: there is nothing to mark. */
  icon?: FlagIcon;
  /** The result's own interpretation, or the kit's reading of its reference range. */
  from: 'interpretation' | 'range' | 'none';
}

/** 0 normal or not flagged, 1 abnormal, 2 critical. */
export function labFlagLevel(flag: LabFlag): number {
  if (flag === 'normal' || flag === 'no-range' || flag === 'unflagged') return 0;
  return flag.startsWith('critically') ? 2 : 1;
}
