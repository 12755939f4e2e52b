import type { DemoEhr } from '../ehr/demo-ehr.js';

// The demo EHR that `npm start` (or a test) runs beside the portal, handed
// to the portal's dev server in the same process. Held on globalThis, not in
// a module variable: Vite bundles its config file, and this module with it,
// apart from the copy the starter loads, so two copies of it must agree.

const KEY = Symbol.for('emr-kit demo EHR');
const holder = globalThis as { [KEY]?: DemoEhr };

export function setRunningEhr(ehr: DemoEhr | undefined): void {
  holder[KEY] = ehr;
}

/** The running demo EHR, or undefined (the portal then imports bundles, as before). */
export function runningEhr(): DemoEhr | undefined {
  return holder[KEY];
}
