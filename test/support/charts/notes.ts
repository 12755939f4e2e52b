import * as Y from 'yjs';
import {
  DEFAULT_NOTE_TYPE,
  draftNoteReference,
  NOTE_TYPES,
  signedNoteReference,
  type NoteType,
} from '../../../clinical/index.js';
import type { ChartUser, DocumentReference } from '../../../model/index.js';
import type { DexieChartStore } from '../../../storage/index.js';

// Clinical notes for the note editor's and note list's tests and stories:
// drafts with text in their note documents, signed notes, addenda, and a
// signed note whose text was altered after signing.

export const NOTE_PATIENT = 'story-notes';
export const DR_OKAFOR: ChartUser = {
  id: 'u-okafor',
  displayName: 'Dr Ada Okafor',
  role: 'clinician',
};
export const NURSE_LINDQVIST: ChartUser = {
  id: 'u-lindqvist',
  displayName: 'Bo Lindqvist RN',
  role: 'nurse',
};
export const READER: ChartUser = { id: 'u-reader', displayName: 'Sam Patient', role: 'patient' };

/** A note type by its LOINC code (the default type for a code not listed). */
export const typeOf = (code: string): NoteType =>
  NOTE_TYPES.find((t) => t.code === code) ?? DEFAULT_NOTE_TYPE;

/** Writes paragraphs (and `## ` headings) into a note's text, as if typed. */
export async function writeNoteText(
  store: DexieChartStore,
  patientId: string,
  noteId: string,
  lines: readonly string[],
): Promise<void> {
  const session = await store.openNote(patientId, noteId);
  const fragment = session.text as Y.XmlFragment;
  fragment.doc!.transact(() => {
    for (const line of lines) {
      const heading = line.startsWith('## ');
      const block = new Y.XmlElement(heading ? 'heading' : 'paragraph');
      if (heading) block.setAttribute('level', 2 as unknown as string);
      block.insert(0, [new Y.XmlText(heading ? line.slice(3) : line)]);
      fragment.insert(fragment.length, [block]);
    }
  });
  await session.whenSaved();
  session.release();
}

export interface NoteSpec {
  id: string;
  code?: string;
  author?: ChartUser;
  date: string;
  lines: readonly string[];
  signed?: { by?: ChartUser; at: string };
  appendsTo?: string;
}

/** Records a note: its draft with text, then (when `signed`) its signed revision. */
export async function recordNote(
  store: DexieChartStore,
  patientId: string,
  spec: NoteSpec,
): Promise<DocumentReference> {
  const author = spec.author ?? DR_OKAFOR;
  await writeNoteText(store, patientId, spec.id, spec.lines);
  const draft = await store.record(
    draftNoteReference({
      id: spec.id,
      patientId,
      type: typeOf(spec.code ?? DEFAULT_NOTE_TYPE.code),
      author,
      date: spec.date,
      ...(spec.appendsTo ? { appendsTo: spec.appendsTo } : {}),
    }),
  );
  if (!spec.signed) return draft.resource;
  const html = spec.lines
    .map((line) =>
      line.startsWith('## ') ? `<h2>${escape(line.slice(3))}</h2>` : `<p>${escape(line)}</p>`,
    )
    .join('');
  const signed = await signedNoteReference(draft.resource, {
    text: spec.lines.map((l) => l.replace(/^## /, '')).join('\n'),
    html,
    signer: spec.signed.by ?? author,
    date: spec.signed.at,
  });
  return (await store.revise(signed, draft.revisionId, { reason: 'signed' })).resource;
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const SIGNED_NOTE: NoteSpec = {
  id: 'note-signed',
  code: '11506-3',
  date: '2024-03-01T09:00:00.000Z',
  signed: { at: '2024-03-01T09:40:00.000Z' },
  lines: [
    '## Subjective',
    'Breathless on exertion for two weeks.',
    '## Objective',
    'SpO2 94% on air. Bibasal crackles.',
    '## Assessment',
    'Likely heart failure.',
    '## Plan',
    'Echocardiogram; start furosemide 40 mg.',
  ],
};
export const ADDENDUM: NoteSpec = {
  id: 'note-addendum',
  code: '11506-3',
  author: NURSE_LINDQVIST,
  date: '2024-03-02T08:00:00.000Z',
  appendsTo: 'note-signed',
  signed: { at: '2024-03-02T08:10:00.000Z' },
  lines: ['Echocardiogram booked for 4 March.'],
};
export const DRAFT_NOTE: NoteSpec = {
  id: 'note-draft',
  code: '18842-5',
  date: '2024-03-05T15:00:00.000Z',
  lines: ['## Hospital course', 'Diuresed well; weight down 3 kg.'],
};
export const CONSULT_NOTE: NoteSpec = {
  id: 'note-consult',
  code: '11488-4',
  author: NURSE_LINDQVIST,
  date: '2024-03-03T11:00:00.000Z',
  signed: { by: DR_OKAFOR, at: '2024-03-03T12:00:00.000Z' },
  lines: ['Cardiology review: agree with plan.'],
};

/** A signed note whose stored text was altered after signing (outside the kit: its store refuses such a change). */
export async function tamperedNote(store: DexieChartStore, patientId: string): Promise<void> {
  const original = await recordNote(store, patientId, { ...SIGNED_NOTE, id: 'note-original' });
  const tampered = structuredClone(original);
  tampered.id = 'note-tampered';
  for (const content of tampered.content) {
    content.attachment.data = btoa(
      content.attachment.contentType?.startsWith('text/html')
        ? '<p>Plan: no treatment needed.</p>'
        : 'Plan: no treatment needed.',
    );
  }
  await store.record(tampered);
}
