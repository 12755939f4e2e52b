import type { ReactiveController, ReactiveControllerHost } from 'lit';

// Which rows and columns of the table are on screen. Rows and columns have
// a fixed size, so the window is worked out from the scroll position alone,
// and only what is on screen (and a few rows and columns around it) is
// rendered: ten years of monthly panels cost what one screen costs.

export const ROW_PX = 40;
export const COLUMN_PX = 136;
export const HEADER_PX = 288;
const OVERSCAN = 4;

export interface LabWindow {
  /** First and after-last line rendered. */
  rows: [number, number];
  /** First and after-last column rendered. */
  columns: [number, number];
}

export class LabViewportController implements ReactiveController {
  top = 0;
  left = 0;
  /** Until the scroller is measured: a large screen's worth. */
  height = 720;
  width = 1280;
  readonly #host: ReactiveControllerHost;
  #scroller: HTMLElement | undefined;
  #frame = 0;
  // Measured in the next frame: a size change that renders rows must not resize the scroller within the observer's own callback.
  readonly #resize = new ResizeObserver(() => this.onScroll());

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#resize.disconnect();
    this.#scroller = undefined;
    cancelAnimationFrame(this.#frame);
  }

  /** Follows the scroller the host rendered (a new one after a state without a table). */
  follow(scroller: HTMLElement | null): void {
    if (scroller === (this.#scroller ?? null)) return;
    this.#resize.disconnect();
    this.#scroller = scroller ?? undefined;
    if (scroller) this.#resize.observe(scroller);
  }

  /** The scroller's scroll listener: one update per frame at most. */
  readonly onScroll = (): void => {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#measure());
  };

  #measure(): void {
    const s = this.#scroller;
    if (!s) return;
    const next = [
      s.scrollTop,
      Math.abs(s.scrollLeft),
      s.clientHeight || this.height,
      s.clientWidth || this.width,
    ];
    if (next.every((v, i) => v === [this.top, this.left, this.height, this.width][i])) return;
    [this.top, this.left, this.height, this.width] = next as [number, number, number, number];
    this.#host.requestUpdate();
  }

  /** The lines and columns to render out of `lines` and `columns`; everything when printing. */
  window(lines: number, columns: number, everything = false): LabWindow {
    if (everything) return { rows: [0, lines], columns: [0, columns] };
    const firstRow = Math.max(0, Math.floor(this.top / ROW_PX) - OVERSCAN);
    const lastRow = Math.min(lines, Math.ceil((this.top + this.height) / ROW_PX) + OVERSCAN);
    const firstColumn = Math.max(0, Math.floor(this.left / COLUMN_PX) - OVERSCAN);
    const lastColumn = Math.min(
      columns,
      Math.ceil((this.left + Math.max(0, this.width - HEADER_PX)) / COLUMN_PX) + OVERSCAN,
    );
    return { rows: [firstRow, lastRow], columns: [firstColumn, lastColumn] };
  }
}
