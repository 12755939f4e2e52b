// Mounts the Vue host's chart summary in a container, as a host app does.
import { createApp, type App } from 'vue';
import type { MedicationDiscontinueDetail } from 'emr-kit/components/medication-list/emr-medication-list.js';
import type { ChartStore } from 'emr-kit/model';
import ChartSummary from './ChartSummary.vue';

export function mountChartSummary(
  container: Element,
  props: { store: ChartStore; patientId: string },
  onDiscontinue: (detail: MedicationDiscontinueDetail) => void,
): App {
  const app = createApp(ChartSummary, { ...props, onDiscontinue });
  app.mount(container);
  return app;
}
