// The NEWS2 parameters, risks and responses that the score (news2.ts)
// decides and its messages (news2-messages.ts) word: here so that the
// messages need not import the score.

export type News2Parameter =
  | 'respiration-rate'
  | 'spo2'
  | 'air-or-oxygen'
  | 'systolic-bp'
  | 'pulse'
  | 'consciousness'
  | 'temperature';

export type News2Risk = 'low' | 'low-medium' | 'medium' | 'high';
/** Chart 4's rows: score 0 has its own response within the low band. */
export type News2ResponseLevel = 'zero' | News2Risk;

export interface News2Response {
  /** Chart 3's threshold: "Urgent response threshold". */
  threshold: string;
  /** Minimum frequency of monitoring. */
  monitoring: string;
  actions: string[];
}
