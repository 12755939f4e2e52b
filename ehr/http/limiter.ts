/** Runs at most `size` tasks at once; the others wait their turn, first come first served. */
export function createLimiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(
      `a limit of ${size} requests in flight: give a whole number of at least 1`,
    );
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (task) => {
    if (running >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
