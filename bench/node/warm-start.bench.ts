// A later visit: navigation to the chart's rows on screen in a browser that
// has shown the page before — one persistent profile per page (HTTP cache,
// code cache, the chart in IndexedDB), a new tab per sample.
//
// Subject: bench/pages/start/kit.html, the allergy banner, the medication
// list and the vitals grid over the local store. Baseline: raw.html, the same
// rows read from raw IndexedDB and printed with lit-html. Each profile's
// first visit imports the chart (the cold start), and two more visits give
// Chromium the chance to cache the compiled code, before the timed ones.
// Target: ratio ≤ 1.5. Also the bytes (gzipped) a later visit fetches
// before its rows are on screen.
import type { BenchResult } from '../harness/index.js';
import { summarise, toResult } from '../harness/index.js';
import { kibOf, launchProfile, startPages, visit, type Visit } from './support/start-pages.js';

const REPEAT = 11;
const WARMUP = 3;

export default async function warmStart(): Promise<BenchResult[]> {
  const pages = await startPages();
  const profiles = { kit: await launchProfile(), raw: await launchProfile() };
  try {
    const samples: Record<'kit' | 'raw', Visit[]> = { kit: [], raw: [] };
    for (const page of ['kit', 'raw'] as const) {
      for (let i = 0; i < WARMUP; i++)
        await visit(profiles[page].context, pages, page, { import: i === 0 });
    }
    for (let i = 0; i < REPEAT; i++) {
      for (const page of i % 2 === 0 ? (['kit', 'raw'] as const) : (['raw', 'kit'] as const))
        samples[page].push(await visit(profiles[page].context, pages, page));
    }
    const kit = samples.kit.map((v) => v.rowsAt);
    const raw = samples.raw.map((v) => v.rowsAt);
    const notes = {
      resources: pages.resources,
      'kit p95 ms': Number(summarise(kit).p95.toFixed(1)),
      'raw p95 ms': Number(summarise(raw).p95.toFixed(1)),
    };
    // What a later visit loads before its rows: the bytes at start.
    const before = {
      kit: kibOf(pages, samples.kit[0]!.before),
      raw: kibOf(pages, samples.raw[0]!.before),
    };
    const after = kibOf(
      pages,
      samples.kit.flatMap((v) => v.fetched),
    );
    return [
      toResult({
        name: 'warm-start.rows',
        unit: 'ms',
        subject: kit,
        baseline: raw,
        target: { max: 1.5 },
        notes,
      }),
      {
        name: 'warm-start.bytes-before-rows',
        value: before.kit,
        unit: 'KiB gz',
        baseline: before.raw,
        ratio: before.kit / before.raw,
        spread: { p25: before.kit, p75: before.kit, min: before.kit, max: before.kit },
        samples: 1,
        notes: {
          files: samples.kit[0]!.before.length,
          'KiB gz fetched by the end of a visit': Number(after.toFixed(1)),
        },
      },
    ];
  } finally {
    await profiles.kit.close();
    await profiles.raw.close();
    await pages.close();
  }
}
