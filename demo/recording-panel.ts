import { loadRecordingFormsAfterPaint } from '../components/medication-form/recording-forms-loader.js';
import type { CdsDecisionSupport } from '../ehr/index.js';
import type { DecisionSupport } from '../model/index.js';
import type { DexieChartStore } from '../storage/index.js';
import type { ChartReview } from './chart-review.js';

// Recording allergies and medications in the portal, checked as they are
// entered by the kit's own medication-safety rules (emr-kit/clinical) through
// createDecisionSupport, which also reviews the chart as it stands when it
// opens. The forms, their search lists, the cards and the checks load after
// the chart has shown, once: a clinician who goes offline later can still
// record and be warned.

interface RecordingForm extends HTMLElement {
  decisionSupport?: DecisionSupport;
}

export class RecordingPanel {
  readonly #forms: RecordingForm[];
  readonly #review: ChartReview;
  #store: DexieChartStore | undefined;
  #support: Promise<CdsDecisionSupport | undefined> = Promise.resolve(undefined);

  constructor(forms: Iterable<RecordingForm>, review: ChartReview) {
    this.#forms = [...forms];
    this.#review = review;
    loadRecordingFormsAfterPaint();
  }

  /** A new store (another user): the checks read that chart. */
  useStore(store: DexieChartStore): void {
    this.#store = store;
    this.#review.close();
    this.#support = Promise.all([
      import('../ehr/cds-hooks/index.js'),
      import('../clinical/medication-safety/index.js'),
    ]).then(([{ createDecisionSupport }, { checkMedication, checkAllergy, reviewChart }]) => {
      const support = createDecisionSupport({
        store,
        local: {
          medication: (medication, chart) => checkMedication({ medication, ...chart }),
          allergy: (allergy, { medications }) => checkAllergy({ allergy, medications }),
          chart: (chart) => reviewChart(chart),
        },
      });
      for (const form of this.#forms) form.decisionSupport = support;
      return support;
    });
  }

  /** A chart opened: its review shows, and follows its changes. */
  async openChart(patientId: string): Promise<void> {
    const store = this.#store;
    const support = await this.#support;
    if (store && support && store === this.#store) this.#review.open(store, support, patientId);
  }
}
