// What browser tests import instead of @open-wc/testing: the same, with a
// failed assertion on a DOM node made reportable (readable-dom-failures.ts)
// and a waitUntil that is patient by default. It must load inside a test
// file, after mocha's globals exist: imported earlier, @open-wc/testing would
// not register its fixture clean-up.
import { waitUntil as openWcWaitUntil } from '@open-wc/testing';
import './readable-dom-failures.js';

export * from '@open-wc/testing';

/**
 * @open-wc/testing's waitUntil gives up after one second: on a loaded
 * machine a store write or a render can take longer, and the test would
 * fail on the machine's speed rather than the code. Here it waits up to 20 s
 * unless told otherwise; what it waits for is still asserted.
 */
export function waitUntil(
  predicate: () => unknown | Promise<unknown>,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 20_000, ...options });
}
