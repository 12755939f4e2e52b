import type { Card, Unsubscribe } from '../model/index.js';
import type { DexieChartStore } from '../storage/index.js';
import type { CdsDecisionSupport } from '../ehr/index.js';

// The summary's review of the chart as it stands (the `patient-view` hook):
// what the medication-safety checks say of the current medications and
// allergies, asked again whenever either changes, shown read-only in an
// <emr-cds-cards> (an override belongs to an order being signed, not here).

interface CardsElement extends HTMLElement {
  cards?: Card[];
  notes: string[];
  pending: boolean;
}

export class ChartReview {
  readonly #container: HTMLElement;
  readonly #element: CardsElement;
  #stop: Unsubscribe[] = [];
  #asked = 0;

  /** `container` is shown while a chart is reviewed; `element` is its <emr-cds-cards>. */
  constructor(container: HTMLElement, element: HTMLElement) {
    this.#container = container;
    this.#element = element as CardsElement;
  }

  /** Reviews the patient's chart now and after every change of its medications or allergies. */
  open(store: DexieChartStore, support: CdsDecisionSupport, patientId: string): void {
    this.close();
    const ask = async () => {
      const asked = ++this.#asked;
      this.#element.pending = true;
      const answer = await support.patientView(patientId);
      if (asked !== this.#asked) return;
      this.#element.cards = answer.cards;
      this.#element.notes = answer.notes;
      this.#element.pending = false;
    };
    const again = { next: () => void ask(), error: () => undefined };
    this.#stop = [
      store.medications(patientId).subscribe(again),
      store.allergies(patientId).subscribe(again),
    ];
    this.#container.hidden = false;
  }

  close(): void {
    for (const stop of this.#stop) stop();
    this.#stop = [];
    this.#asked++;
    this.#container.hidden = true;
  }
}
