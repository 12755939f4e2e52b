// Gives node suites the same gc() that --expose-gc gives browser suites,
// without asking every caller of `npm run bench` for a node flag.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function exposeGc(): void {
  const host = globalThis as { gc?: () => void };
  if (host.gc) return;
  setFlagsFromString('--expose-gc');
  // The flag only takes effect in contexts created after it is set.
  host.gc = runInNewContext('gc') as () => void;
}
