import type * as WriteSide from './write-side.js';

let loading: Promise<typeof WriteSide> | undefined;

/**
 * The write side (write-side.ts), fetched and evaluated once per page. A
 * failed fetch (the network went before it came) is tried again on the next
 * call.
 */
export function loadWriteSide(): Promise<typeof WriteSide> {
  loading ??= import('./write-side.js').catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
