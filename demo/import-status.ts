import type { ImportProgress } from '../model/index.js';

// The ward list's status line while a chart is fetched and imported: a
// progress bar and words, in a polite live region.

const kilobytes = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;

export class ImportStatus {
  readonly #region: HTMLElement;

  constructor(region: HTMLElement) {
    this.#region = region;
  }

  downloading(name: string, received: number, total: number): void {
    this.#show(
      `Downloading ${name}’s records… ${kilobytes(received)} of ${kilobytes(total)}`,
      received,
      total,
    );
  }

  importing(name: string, progress: ImportProgress): void {
    if (progress.phase === 'fetching') {
      const counted = progress.total > 0 ? ` of ${progress.total.toLocaleString('en-GB')}` : '';
      this.#show(
        `Fetching ${name}’s records from the hospital record… ${progress.done.toLocaleString('en-GB')}${counted}`,
        progress.done,
        progress.total || undefined,
      );
    } else if (progress.phase === 'validating') this.#show(`Checking ${name}’s records…`);
    else if (progress.phase === 'writing')
      this.#show(`Saving ${progress.total.toLocaleString('en-GB')} records to this device…`);
    else this.#show(`Saved ${progress.total.toLocaleString('en-GB')} records.`, 1, 1);
  }

  /** A phase without a measure of its own. */
  working(message: string): void {
    this.#show(message);
  }

  done(message: string): void {
    this.#region.replaceChildren(line(message));
  }

  failed(message: string): void {
    this.#region.replaceChildren(line(message, 'error'));
  }

  clear(): void {
    this.#region.replaceChildren();
  }

  #show(message: string, value?: number, max?: number): void {
    const bar = document.createElement('progress');
    bar.setAttribute('aria-label', 'Chart import');
    if (value !== undefined && max) {
      bar.max = max;
      bar.value = value;
    }
    this.#region.replaceChildren(line(message), bar);
  }
}

function line(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}
