import type { NoteStatus } from './note-document.js';

// Every piece of note text shown to people, shared by the note list and the
// note editor, in one place so that it can be translated.

let dateTime: Intl.DateTimeFormat | undefined;

export const noteMessages = {
  status: {
    draft: 'Draft',
    signed: 'Signed',
    amended: 'Amended',
    'entered-in-error': 'Entered in error',
    superseded: 'Superseded',
  } satisfies Record<NoteStatus, string>,
  addendum: 'Addendum',
  addendumTo: (type: string) => `Addendum to ${type}`,
  unknownAuthor: 'author not recorded',
  signedBy: (who: string, when: string) => `Signed by ${who} on ${when}`,
  startedBy: (who: string, when: string) => `Started by ${who} on ${when}`,

  /** An ISO instant as people read it: "3 Mar 2024, 14:05" (local time). */
  dateTime(value: string | undefined): string {
    if (!value) return 'date not recorded';
    const time = Date.parse(value);
    if (Number.isNaN(time)) return value;
    dateTime ??= new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    });
    return dateTime.format(time);
  },
};
