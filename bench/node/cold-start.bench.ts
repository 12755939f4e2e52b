// A first visit: navigation to the chart's rows on screen in a browser that
// has never seen the page — a fresh profile per sample (no HTTP cache, no
// code cache, empty IndexedDB), the chart imported from chart.json.
//
// Subject: bench/pages/start/kit.html, the allergy banner, the medication
// list and the vitals grid over the local store, `importBundle` of the chart.
// Baseline: raw.html, the floor of any local-first page: the same resources
// put into raw IndexedDB from the same JSON, read back and printed with
// lit-html. Target: ratio ≤ 2.
//
// Also the bytes, gzipped: what each page fetched before its rows were on
// screen (the import's code included), and every script and style file the
// page can load (the total).
import type { BenchResult } from '../harness/index.js';
import { summarise, toResult } from '../harness/index.js';
import { kibOf, launchProfile, startPages, visit, type Visit } from './support/start-pages.js';

const REPEAT = 9;

function bytesRow(
  name: string,
  kit: number,
  raw: number,
  notes: BenchResult['notes'],
): BenchResult {
  return {
    name,
    value: kit,
    unit: 'KiB gz',
    baseline: raw,
    ratio: kit / raw,
    spread: { p25: kit, p75: kit, min: kit, max: kit },
    samples: 1,
    notes,
  };
}

export default async function coldStart(): Promise<BenchResult[]> {
  const pages = await startPages();
  try {
    const samples: Record<'kit' | 'raw', Visit[]> = { kit: [], raw: [] };
    const once = async (page: 'kit' | 'raw') => {
      const profile = await launchProfile();
      try {
        samples[page].push(await visit(profile.context, pages, page, { import: true }));
      } finally {
        await profile.close();
      }
    };
    // One untimed visit of each: the OS file cache holds Chromium afterwards, for both alike.
    await once('kit');
    await once('raw');
    samples.kit.length = 0;
    samples.raw.length = 0;
    for (let i = 0; i < REPEAT; i++) {
      for (const page of i % 2 === 0 ? (['kit', 'raw'] as const) : (['raw', 'kit'] as const))
        await once(page);
    }
    const kit = samples.kit.map((v) => v.rowsAt);
    const raw = samples.raw.map((v) => v.rowsAt);
    const atStart = {
      kit: kibOf(pages, samples.kit[0]!.before),
      raw: kibOf(pages, samples.raw[0]!.before),
    };
    const fetched = {
      kit: kibOf(
        pages,
        samples.kit.flatMap((v) => v.fetched),
      ),
      raw: kibOf(
        pages,
        samples.raw.flatMap((v) => v.fetched),
      ),
    };
    const notes = {
      resources: pages.resources,
      'kit p95 ms': Number(summarise(kit).p95.toFixed(1)),
      'raw p95 ms': Number(summarise(raw).p95.toFixed(1)),
      'kit, KiB gz fetched by the sample end': Number(fetched.kit.toFixed(1)),
      'kit, KiB gz of every file': Number((pages.total.kit / 1024).toFixed(1)),
    };
    return [
      toResult({
        name: 'cold-start.rows',
        unit: 'ms',
        subject: kit,
        baseline: raw,
        target: { max: 2 },
        notes,
      }),
      bytesRow('cold-start.bytes-before-rows', atStart.kit, atStart.raw, {
        files: samples.kit[0]!.before.length,
      }),
      bytesRow('cold-start.bytes-total', pages.total.kit / 1024, pages.total.raw / 1024, {
        'fetched by the sample end': Number(fetched.kit.toFixed(1)),
      }),
    ];
  } finally {
    await pages.close();
  }
}
