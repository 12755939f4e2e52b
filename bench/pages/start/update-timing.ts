// With `?measure` on the kit's page: every update of the elements named is
// timed, as a `performance.measure` named "update <tag>", for
// bench/tools/first-render.ts. Off by default, so the start suites time the
// page as a host has it.

/** Wraps each element's `performUpdate` (its update cycle: willUpdate, render, commit) in a measure. */
export function timeUpdates(tags: readonly string[]): void {
  for (const tag of tags) {
    const prototype = customElements.get(tag)?.prototype as { performUpdate(): void } | undefined;
    if (!prototype) throw new Error(`<${tag}> is not defined`);
    const performUpdate = prototype.performUpdate;
    prototype.performUpdate = function (this: unknown) {
      const start = performance.now();
      try {
        performUpdate.call(this);
      } finally {
        performance.measure(`update ${tag}`, { start, end: performance.now() });
      }
    };
  }
}
