import type { ChartPresence, LiveQuery } from '../model/index.js';

// Whether a patient's chart is on this device: its documents are in the log
// (written with their projections, so records and presence arrive
// together), or an import of it is under way in this store. An empty list
// alone cannot tell "none recorded" from "not here yet".

/** The imports a store is writing now, by patient, and the patients it has finished importing. */
export class ImportsUnderWay {
  readonly #running = new Map<string, number>();
  readonly #imported = new Set<string>();
  readonly #listeners = new Set<() => void>();

  /** An import of these patients' records begins; call what it returns once it ends, saying whether it was saved. */
  begin(patientIds: readonly string[]): (saved: boolean) => void {
    for (const id of patientIds) this.#running.set(id, (this.#running.get(id) ?? 0) + 1);
    this.#notify();
    let ended = false;
    return (saved) => {
      if (ended) return;
      ended = true;
      for (const id of patientIds) {
        const left = (this.#running.get(id) ?? 1) - 1;
        if (left > 0) this.#running.set(id, left);
        else this.#running.delete(id);
        // Saved: its documents are in the log, even before a live query has read them again.
        if (saved) this.#imported.add(id);
      }
      this.#notify();
    };
  }

  presence(patientId: string, stored: boolean): ChartPresence {
    if (stored || this.#imported.has(patientId)) return 'present';
    return this.#running.has(patientId) ? 'importing' : 'absent';
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const listener of [...this.#listeners]) listener();
  }
}

/** A patient's presence from a live "are its documents stored" query and the store's imports under way; told only when it changes. */
export function chartPresence(
  stored: LiveQuery<boolean>,
  imports: ImportsUnderWay,
  patientId: string,
): LiveQuery<ChartPresence> {
  return {
    subscribe(observer) {
      let known: boolean | undefined;
      let told: ChartPresence | undefined;
      const tell = () => {
        if (known === undefined) return;
        const presence = imports.presence(patientId, known);
        if (presence === told) return;
        told = presence;
        observer.next(presence);
      };
      const stopImports = imports.onChange(tell);
      const stop = stored.subscribe({
        next: (value) => {
          known = value;
          tell();
        },
        error: (error) => observer.error?.(error),
      });
      return () => {
        stopImports();
        stop();
      };
    },
  };
}
