import {
  DEFAULT_NOTE_TYPE,
  noteTypeByCode,
  noteTypeLabel,
  type NoteTemplate,
  type NoteType,
} from '../../clinical/index.js';
import type {
  ChartRecord,
  ChartStore,
  CodeableConcept,
  DocumentReference,
  Revision,
} from '../../model/index.js';
import {
  LiveQueryController,
  type ChartQueryHost,
  type QueryState,
} from '../shared/live-query-controller.js';
import { memo } from '../shared/memo.js';
import { keepListing, listDraft } from './note-chart-writes.js';
import { editorMessages as messages } from './note-editor.messages.js';
import { noteRecord, type NoteRecord } from './note-record.js';

// The note as the chart lists it (its DocumentReference, whether it is
// signed, what it appends to, its addenda), worked out once for each answer
// of the store rather than on every read, and the writes that list it: the
// draft a new note's first edit lists, and the listing a clinician keeps.

export interface NoteListingHost extends ChartQueryHost {
  noteId: string;
  noteType: string;
  template: string;
  appends: string;
  templates: readonly NoteTemplate[];
}

type Notes = QueryState<Array<ChartRecord<DocumentReference>>>;

const recordOf = (notes: Notes, noteId: string): NoteRecord | undefined =>
  notes.status === 'ready' ? noteRecord(notes.value, noteId) : undefined;

function typeOf(
  listed: CodeableConcept | undefined,
  noteType: string,
  templated: string | undefined,
): NoteType {
  if (!listed) return noteTypeByCode(noteType) ?? noteTypeByCode(templated) ?? DEFAULT_NOTE_TYPE;
  const code = listed.coding?.[0]?.code;
  const label = noteTypeLabel(listed);
  return noteTypeByCode(code) ?? { code: code ?? '', display: label, label };
}

export class NoteListingController {
  readonly #host: NoteListingHost;
  readonly #notes: LiveQueryController<Array<ChartRecord<DocumentReference>>>;
  readonly #record = memo(recordOf);
  readonly #type = memo(typeOf);
  readonly #say: (message: string) => void;
  /** The draft being listed, for the note it lists: listed once, however many edits ask. */
  #listing:
    | { store: ChartStore; key: string; done: Promise<Revision<DocumentReference> | undefined> }
    | undefined;

  /** `say` tells the clinician why a listing failed ('' once one succeeds). */
  constructor(host: NoteListingHost, say: (message: string) => void) {
    this.#host = host;
    this.#say = say;
    this.#notes = new LiveQueryController(host, (store, patientId) => store.notes(patientId));
  }

  /** The store's answer for the patient's notes. */
  get state(): Notes {
    return this.#notes.state;
  }

  /** What the chart says of the note; undefined until the store has answered. */
  get note(): NoteRecord | undefined {
    return this.#record(this.#notes.state, this.#host.noteId);
  }

  /** A listed note's own type; else the host's `note-type`, its template's, or a progress note. */
  get type(): NoteType {
    const { templates, template, noteType } = this.#host;
    const templated = templates.find((t) => t.id === template)?.noteType;
    return this.#type(this.note?.record?.current.type, noteType, templated);
  }

  /** Lists a new note in the chart as a draft (the first edit does): the revision, or undefined when it was listed already. */
  list(): Promise<Revision<DocumentReference> | undefined> {
    const { store, patientId, noteId, appends } = this.#host;
    if (this.note?.record || !store) return Promise.resolve(undefined);
    const key = `${patientId}\u0000${noteId}`;
    if (this.#listing?.key === key && this.#listing.store === store) return this.#listing.done;
    const listing = {
      store,
      key,
      done: listDraft(store, {
        patientId,
        noteId,
        type: this.type,
        appendsTo: appends || undefined,
      }).catch((error: unknown) => {
        if (this.#listing === listing) this.#listing = undefined;
        this.#say(messages.draftFailed(errorText(error)));
        return undefined;
      }),
    };
    this.#listing = listing;
    return listing.done;
  }

  /** Keeps one of the listings of a note started on two devices at once. */
  keep = async (head: Revision<DocumentReference>): Promise<void> => {
    const { store } = this.#host;
    const record = this.note?.record;
    if (!store || !record) return;
    try {
      await keepListing(store, record, head);
      this.#say('');
    } catch (error) {
      this.#say(messages.keepFailed(errorText(error)));
    }
  };
}

export const errorText = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
