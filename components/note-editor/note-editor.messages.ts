// Every piece of text the note editor shows, in one place for translation.

export const editorMessages = {
  idle: 'No note is open.',
  pending: 'Opening the note…',
  error: (message: string) => `The note could not be opened: ${message}`,
  textLabel: (type: string) => `${type} text`,
  toolbar: 'Formatting',
  bold: 'Bold',
  italic: 'Italic',
  heading: 'Heading',
  bulletList: 'Bulleted list',
  template: 'Template',
  insertTemplate: 'Insert template',
  sign: 'Sign note',
  signing: 'Signing…',
  confirmSign:
    'Sign this note? Once signed, its text cannot be changed: anything more goes in an addendum.',
  signNow: 'Sign now',
  keepEditing: 'Keep editing',
  addAddendum: 'Add addendum',
  addenda: 'Addenda',
  openNote: (label: string) => `Open ${label}`,
  draftHint: 'Draft: saved on this device as you type.',
  readOnly: 'Read only: you can read this note but not change it.',
  signedNote: 'This note is signed: its text cannot be changed.',
  refused: {
    signed: 'This note is signed: nothing was changed. Add an addendum to say more.',
    'read-only': 'This note is read only for you: nothing was changed.',
  },
  verified: 'Text matches its signature hash.',
  checking: 'Checking the signed text…',
  mismatch:
    'Warning: the signed text does not match its hash. It may have been altered: do not rely on it, and report it.',
  noSignedText: 'Warning: this signed note carries no text that can be checked.',
  emptyNote: 'Nothing to sign: the note is empty.',
  signedElsewhere: (signer: string, when: string) =>
    `${signer} signed this note (${when}) while you were writing it. What you had written is below: it is not in the signed note. Add what is missing as an addendum.`,
  unsignedText: 'Your text, not signed',
  dismissUnsigned: 'Dismiss',
  signFailed: (message: string) => `The note was not signed: ${message}`,
  draftFailed: (message: string) => `The draft could not be listed in the chart: ${message}`,
  conflict: "Two versions of this note's record exist: keep one of them (above) before signing.",
  draftConflict:
    'This note was started on two devices at once. The text is shared and kept whole either way; choose which listing to keep (type, author and time) before signing.',
  keepDraft: (type: string, who: string, when: string) =>
    `Keep: ${type}, started by ${who} on ${when}`,
  keepFailed: (message: string) => `The listing was not kept: ${message}`,
};
