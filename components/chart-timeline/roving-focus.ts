// Keys that move a roving focus through a row or a column of items (APG:
// arrow keys, Home, End; Page Up and Page Down in a long column).

const PAGE_STEP = 10;

/** The index a key moves to, or undefined when the key does not move. */
export function nextIndex(
  key: string,
  index: number,
  count: number,
  orientation: 'vertical' | 'horizontal',
): number | undefined {
  if (count === 0) return undefined;
  const [back, forward] =
    orientation === 'vertical' ? ['ArrowUp', 'ArrowDown'] : ['ArrowLeft', 'ArrowRight'];
  const last = count - 1;
  switch (key) {
    case back:
      return Math.max(0, index - 1);
    case forward:
      return Math.min(last, index + 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageUp':
      return orientation === 'vertical' ? Math.max(0, index - PAGE_STEP) : undefined;
    case 'PageDown':
      return orientation === 'vertical' ? Math.min(last, index + PAGE_STEP) : undefined;
    default:
      return undefined;
  }
}
