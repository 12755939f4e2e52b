import type { Context } from '@lit/context';
import type { ChartStore } from './chart-store.js';

/**
 * The context key under which a host (or the demo) provides the ChartStore
 * to every element below it. A context key is just a value: @lit/context's
 * createContext returns its argument, so model/ needs only its type.
 */
export const chartStoreContext = 'emr-chart-store' as Context<'emr-chart-store', ChartStore>;
