import type { ReactiveControllerHost } from 'lit';
import { virtualizerRef, type VirtualizerHostElement } from '@lit-labs/virtualizer/virtualize.js';
import { nextIndex } from './roving-focus.js';
import type { TimelineEntry } from './timeline-entries.js';

// The timeline's roving focus: one Tab stop in the list and one in the
// density strip, moved by the arrow keys, Page Up and Down, Home and End.
// The list is virtual: an entry is scrolled into the window, and focused
// once the virtualizer has drawn it.

export interface TimelineFocusParts {
  /** The entries listed, newest first. */
  entries(): TimelineEntry[];
  /** The list element, when it is rendered. */
  list(): VirtualizerHostElement | null | undefined;
}

export class TimelineFocusController {
  /** The entry that takes the list's Tab stop, by id (rows come and go as the window widens). */
  activeId: string | undefined;
  /** The bar of the strip that takes its Tab stop, once the keyboard has moved it. */
  focusBar: number | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #parts: TimelineFocusParts;

  constructor(host: ReactiveControllerHost, parts: TimelineFocusParts) {
    this.#host = host;
    this.#parts = parts;
  }

  onStripKeydown = (event: KeyboardEvent): void => {
    const bars = [
      ...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.bar'),
    ];
    const next = nextIndex(
      event.key,
      bars.indexOf(event.target as HTMLButtonElement),
      bars.length,
      'horizontal',
    );
    if (next === undefined) return;
    event.preventDefault();
    this.focusBar = next;
    this.#host.requestUpdate();
    bars[next]!.focus();
  };

  onListKeydown = async (event: KeyboardEvent): Promise<void> => {
    const entries = this.#parts.entries();
    const from = entries.findIndex((e) => e.id === this.activeId);
    const next = nextIndex(event.key, Math.max(0, from), entries.length, 'vertical');
    if (next === undefined || !(event.target as Element).matches('button.entry')) return;
    event.preventDefault();
    await this.#focusEntry(next);
  };

  onFocusIn = (event: FocusEvent): void => {
    const index = Number((event.target as HTMLElement).dataset.index);
    const entry = this.#parts.entries()[index];
    if (entry && entry.id !== this.activeId) {
      this.activeId = entry.id;
      this.#host.requestUpdate();
    }
  };

  /** Makes an entry the active one, scrolls it into the window and focuses it once the virtualizer has drawn it. */
  async #focusEntry(index: number): Promise<void> {
    const entry = this.#parts.entries()[index];
    if (!entry) return;
    this.activeId = entry.id;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const list = this.#parts.list();
    const virtualizer = list?.[virtualizerRef];
    const button = () =>
      list?.querySelector<HTMLButtonElement>(`button.entry[data-index="${index}"]`);
    if (!button()) {
      virtualizer?.element(index)?.scrollIntoView({ block: 'nearest' });
      await virtualizer?.layoutComplete;
      await this.#host.updateComplete;
    }
    button()?.scrollIntoView({ block: 'nearest' });
    button()?.focus();
  }
}
