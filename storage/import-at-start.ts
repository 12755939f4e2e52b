import type { ChartUser, ImportSummary } from '../model/index.js';
import type { BundleReadResult } from '../model/bundle-reader.js';
import type { BundleFirstReads } from './bundle-first-reads.js';
import type { DexieChartStore } from './dexie-chart-store.js';
import { NO_DATABASE, type FirstReads } from './first-reads.js';
import { importReadBundle, type ImportOptions } from './import-bundle.js';

// The imports a started store (started-chart-store.ts) is asked for at
// start: each bundle read and validated whole, its rows shown for the
// patients the device has nothing of (bundle-first-reads.ts) while the store
// loads, then stored through the store.

/** A bundle imported at start, read whole, and the reads of its rows for the patients they are shown for. */
interface ReadBundle {
  result: BundleReadResult;
  reads: BundleFirstReads | undefined;
  /** The bundle's patients this device has nothing of: their first reads are the bundle's. */
  shownFor: ReadonlySet<string>;
}

/** What an import at start needs of its store. */
export interface StartImportHost {
  user: ChartUser;
  /** The device's first reads (see openFirstReads). */
  device: Promise<FirstReads | typeof NO_DATABASE | undefined>;
  /** The store, once opened. */
  store: () => Promise<DexieChartStore>;
  /** Opens the store once the first rows are painted, or now when nothing waits for rows. */
  openSoon: () => void;
  /** Whether the store's own queries are followed already: no bundle is shown after that. */
  followed: () => boolean;
}

export class ImportsAtStart {
  readonly #host: StartImportHost;
  /** The latest bundle asked for, once read; undefined when there is none or it could not be read. */
  #read: Promise<ReadBundle | undefined> | undefined;
  #settled: Promise<unknown> = Promise.resolve();
  #shown = false;

  constructor(host: StartImportHost) {
    this.#host = host;
  }

  /** Whether an import was asked for. */
  get asked(): boolean {
    return this.#read !== undefined;
  }

  /** Whether a first read was answered from a bundle: the store's queries and its commands then wait for `settled`. */
  get shown(): boolean {
    return this.#shown;
  }

  /** Settles once every import asked for is stored or has failed. */
  get settled(): Promise<unknown> {
    return this.#settled;
  }

  /** Reads the bundle (or the promise of one) whole, then stores it once the store opens; settles as importBundle() does. */
  start(bundle: unknown, options: ImportOptions): Promise<ImportSummary> {
    // The reader is fetched while the bundle downloads.
    const reader = import('./bundle-preview.js');
    const read = Promise.all([bundle, reader]).then(
      async ([input, { readBundle, bundleFirstReads }]): Promise<ReadBundle> => {
        const result = readBundle(input);
        const reads = result.ok
          ? await bundleFirstReads(result.resources, this.#host.user)
          : undefined;
        return { result, reads, shownFor: await this.#newToDevice(reads?.patients ?? []) };
      },
    );
    this.#read = read.catch(() => undefined);
    const imported = read.then(async ({ result }) => {
      if (!result.ok) throw (await reader).refusedBundle(result);
      this.#host.openSoon();
      return importReadBundle(await this.#host.store(), result, options);
    });
    this.#settled = Promise.all([this.#settled, imported.catch(() => undefined)]);
    return imported;
  }

  /** The bundle's reads for a patient it shows, once read; undefined when it does not show them. */
  async readsOf(patientId: string): Promise<FirstReads | undefined> {
    const read = await this.#read;
    // Once the store is followed, it answers (importing, then the rows).
    if (this.#host.followed() || !read?.shownFor.has(patientId)) return undefined;
    this.#shown = true;
    return read.reads;
  }

  /** Those of `patients` this device has nothing of; none where its database cannot be read straight (the store upgrades or rebuilds it). */
  async #newToDevice(patients: Iterable<string>): Promise<Set<string>> {
    const device = await this.#host.device;
    if (device === undefined) return new Set();
    const fresh = new Set<string>();
    for (const id of patients)
      if (device === NO_DATABASE || !(await device.stored(id).catch(() => true))) fresh.add(id);
    return fresh;
  }
}
