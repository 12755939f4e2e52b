// When the chart's rows are on screen: checked in every animation frame,
// which runs just before the frame is painted, so the time recorded is that
// of the first frame that shows them. The start suites read it from
// `window.startProbe`, as ms since navigation began, once the probe has said
// so on the console: waiting for it that way runs no script of the harness
// in the page while it starts (Playwright's polling injects ~25 ms of it).

export interface StartProbe {
  /** ms from navigation to the first frame with every row, once it is there. */
  rowsAt?: number;
  /** What went wrong, when the page could not show the rows. */
  error?: string;
}

declare global {
  interface Window {
    startProbe: StartProbe;
  }
}

/** The expected counts, from the address: `?allergies=10&medications=8&columns=8`. */
export function expectedRows(): { allergies: number; medications: number; columns: number } {
  const query = new URLSearchParams(location.search);
  const count = (name: string) => Number(query.get(name) ?? '0');
  return {
    allergies: count('allergies'),
    medications: count('medications'),
    columns: count('columns'),
  };
}

/** What the probe writes on the console once it has a time or an error. */
export const PROBE_DONE = 'start-probe: done';

/** What a first visit writes once its import is stored or has failed (its rows may be on screen before). */
export const IMPORT_DONE = 'start-probe: imported';

export function probeRows(shown: () => boolean): void {
  window.startProbe = {};
  const frame = () => {
    if (shown()) {
      window.startProbe.rowsAt = performance.now();
      console.info(PROBE_DONE);
    } else if (window.startProbe.error === undefined) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

export function reportError(error: unknown): void {
  window.startProbe.error =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.info(PROBE_DONE);
}
