import { loadRecordingFormsAfterPaint } from '../components/medication-form/recording-forms-loader.js';
import type { DecisionSupport } from '../model/index.js';
import type { DexieChartStore } from '../storage/index.js';

// Recording allergies and medications in the portal, checked as they are
// entered by the kit's own medication-safety rules (emr-kit/clinical) through
// createDecisionSupport. The forms, their search lists and the checks load
// after the chart has shown, once: a clinician who goes offline later can
// still record and be warned.

interface RecordingForm extends HTMLElement {
  decisionSupport?: DecisionSupport;
}

export class RecordingPanel {
  readonly #forms: RecordingForm[];
  #support: Promise<void> = Promise.resolve();

  constructor(forms: Iterable<RecordingForm>) {
    this.#forms = [...forms];
    loadRecordingFormsAfterPaint();
  }

  /** A new store (another user): the checks read that chart. */
  useStore(store: DexieChartStore): void {
    this.#support = this.#support.then(async () => {
      const [{ createDecisionSupport }, { checkMedication, checkAllergy }] = await Promise.all([
        import('../ehr/cds-hooks/index.js'),
        import('../clinical/medication-safety/index.js'),
      ]);
      const support = createDecisionSupport({
        store,
        local: {
          medication: (medication, chart) => checkMedication({ medication, ...chart }),
          allergy: (allergy, { medications }) => checkAllergy({ allergy, medications }),
        },
      });
      for (const form of this.#forms) form.decisionSupport = support;
    });
  }
}
