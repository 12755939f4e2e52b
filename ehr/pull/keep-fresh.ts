import type { DexieChartStore } from '../../storage/index.js';
import { pullChart, type PullOptions, type PullSummary } from './pull-chart.js';

export interface FreshnessOptions extends PullOptions {
  /** How often to ask the server for what changed, in ms. */
  everyMs: number;
  /** Told of each refresh's outcome (a failure does not stop the next one). */
  onRefresh?: (outcome: { summary?: PullSummary; error?: Error }) => void;
}

/**
 * Pulls now, then on an interval: each pull after the first asks only for
 * what changed since the last (see pullChart). One at a time: a slow server
 * never has two refreshes of one chart running. `refreshNow` for a host's
 * "refresh" button; `stop` when the chart closes.
 */
export function keepChartFresh(
  store: DexieChartStore,
  options: FreshnessOptions,
): { refreshNow(): Promise<PullSummary>; stop(): void } {
  let running: Promise<PullSummary> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const refreshNow = () => {
    running ??= pullChart(store, options).finally(() => (running = undefined));
    return running;
  };
  const tick = async () => {
    try {
      options.onRefresh?.({ summary: await refreshNow() });
    } catch (error) {
      options.onRefresh?.({ error: error as Error });
    }
    if (!stopped) timer = setTimeout(tick, options.everyMs);
  };
  void tick();
  return {
    refreshNow,
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
