// When a local change was made, and when a probe that confirms changes was
// sent, on one clock: a confirmation covers every change made before it.
// Milliseconds since the epoch, so that times saved before a reload compare
// with those after it; strictly increasing within a page, so that a change
// and a probe in the same millisecond are still ordered.

let last = 0;

export function changeTime(): number {
  last = Math.max(Date.now(), last + 0.001);
  return last;
}
