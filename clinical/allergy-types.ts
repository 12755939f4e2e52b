// The allergy states and scopes that the logic (allergy-entry.ts,
// allergy-status.ts) decides and its messages (allergy-messages.ts) word:
// here so that the messages need not import the logic.

/** The four states of the NHS CUI Patient Banner guidance (PAB-0064). */
export type AllergyState = 'known' | 'no-known-allergies' | 'not-recorded' | 'unavailable';

/** What an assertion of "no known allergy" covers. */
export type NoKnownScope = 'all' | 'medication' | 'food' | 'environment';
