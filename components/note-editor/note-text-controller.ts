import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChartStore, ChartStoreError, NoteSession } from '../../model/index.js';
import { isChartStoreError, ChartStoreError as StoreError } from '../../model/index.js';
import type { Awareness } from './co-editor-cursors.js';
import { NoteTextView } from './note-text-view.js';

// Holds a note's collaborative text open while the editor shows it as a
// draft: opens the store's note session, binds a view to it in the mount
// element, and lets both go when the note is signed, another note is shown,
// or the editor leaves the page. A signed note is never bound at all.

export interface NoteTextHost extends ReactiveControllerHost {
  store?: ChartStore;
  patientId: string;
  noteId: string;
  awareness?: unknown;
}

export interface NoteTextCallbacks {
  mount(): HTMLElement;
  label(): string;
  editable(): boolean;
  onEdit(): void;
  onChange(): void;
  onRefused(): void;
}

export type NoteTextState =
  | { status: 'closed' }
  | { status: 'opening' }
  | { status: 'open'; view: NoteTextView }
  | { status: 'error'; error: ChartStoreError };

interface Binding {
  store: ChartStore;
  key: string;
  awareness: unknown;
  session?: NoteSession;
  view?: NoteTextView;
  closed: boolean;
}

export class NoteTextController implements ReactiveController {
  state: NoteTextState = { status: 'closed' };
  readonly #host: NoteTextHost;
  readonly #callbacks: NoteTextCallbacks;
  #binding: Binding | undefined;

  constructor(host: NoteTextHost, callbacks: NoteTextCallbacks) {
    this.#host = host;
    this.#callbacks = callbacks;
    host.addController(this);
  }

  get view(): NoteTextView | undefined {
    return this.state.status === 'open' ? this.state.view : undefined;
  }

  get session(): NoteSession | undefined {
    return this.#binding?.session;
  }

  /** Opens the text (when `wanted`) or lets it go; called by the host on each update. */
  sync(wanted: boolean): void {
    const { store, patientId, noteId, awareness } = this.#host;
    const key = `${patientId}\u0000${noteId}`;
    const current = this.#binding;
    const keep = wanted && store && patientId && noteId;
    if (
      current &&
      keep &&
      current.store === store &&
      current.key === key &&
      current.awareness === awareness
    )
      return;
    this.#close();
    if (!keep) return;
    const binding: Binding = { store, key, awareness, closed: false };
    this.#binding = binding;
    this.state = { status: 'opening' };
    store.openNote(patientId, noteId).then(
      (session) => {
        if (binding.closed) return session.release();
        binding.session = session;
        this.#host.requestUpdate();
      },
      (error: unknown) => {
        if (binding.closed) return;
        this.state = { status: 'error', error: asStoreError(error) };
        this.#host.requestUpdate();
      },
    );
  }

  /** Binds the view once the session is open and the mount element rendered. */
  hostUpdated(): void {
    const binding = this.#binding;
    if (!binding?.session || binding.view || binding.closed) return;
    const callbacks = this.#callbacks;
    try {
      binding.view = new NoteTextView(callbacks.mount(), {
        text: binding.session.text,
        awareness: binding.awareness as Awareness | undefined,
        label: callbacks.label(),
        editable: callbacks.editable,
        onEdit: callbacks.onEdit,
        onChange: callbacks.onChange,
        onRefused: callbacks.onRefused,
      });
      this.state = { status: 'open', view: binding.view };
    } catch (error) {
      binding.closed = true; // not bound again until the note or the store changes
      this.state = { status: 'error', error: asStoreError(error) };
    }
    this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#close();
  }

  #close(): void {
    const binding = this.#binding;
    if (!binding) return;
    binding.closed = true;
    binding.view?.destroy();
    binding.session?.release();
    this.#binding = undefined;
    this.state = { status: 'closed' };
  }
}

function asStoreError(error: unknown): ChartStoreError {
  return isChartStoreError(error)
    ? error
    : new StoreError('unavailable', error instanceof Error ? error.message : String(error));
}
