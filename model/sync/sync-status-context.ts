import type { Context } from '@lit/context';
import type { SyncStatusSource } from './sync-state.js';

/** The context key under which a host provides the chart's sync status to the elements below it. */
export const syncStatusContext = 'emr-sync-status' as Context<'emr-sync-status', SyncStatusSource>;
