// What a page with the allergy banner, the medication list and the vitals
// grid over the local store ships: a production build (Vite, minified) of
// bench/pages/summary, every emitted JavaScript and CSS file gzipped and
// added up — lit, dexie, yjs and zod included.
//
// Rows: against a budget of 110 KiB (target ratio ≤ 1), and against the
// 324 KiB gzipped that a React peer ships for the same three sections (a
// reference figure, not measured here). A third row, without a target, is
// what the page loads before it shows the chart: every file but those
// imported only on demand (the bulk bundle reader, on the first import).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import type { BenchResult } from '../harness/index.js';

const KIB = 1024;
const BUDGET_KIB = 110;
const REACT_PEER_KIB = 324;
const page = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../pages/summary');

async function gzippedAssets(
  outDir: string,
): Promise<{ total: number; files: number; sizes: Map<string, number> }> {
  const names = (await readdir(outDir, { recursive: true })).filter((name) =>
    /\.(js|css)$/.test(name),
  );
  const sizes = new Map<string, number>();
  for (const name of names)
    sizes.set(
      name.split(path.sep).join('/'),
      gzipSync(await readFile(path.join(outDir, name)), { level: 9 }).length,
    );
  return { total: [...sizes.values()].reduce((a, b) => a + b, 0), files: names.length, sizes };
}

/** The page's entry files and everything they import statically, from the build's manifest. */
async function loadedAtStart(outDir: string, sizes: Map<string, number>): Promise<number> {
  const manifest = JSON.parse(
    await readFile(path.join(outDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, { file: string; isEntry?: boolean; imports?: string[]; css?: string[] }>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const css of chunk.css ?? []) seen.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  return [...seen].reduce((total, file) => total + (sizes.get(file) ?? 0), 0);
}

function row(
  name: string,
  value: number,
  baseline: number,
  notes: BenchResult['notes'],
  target?: BenchResult['target'],
): BenchResult {
  return {
    name,
    value,
    unit: 'KiB gz',
    baseline,
    ratio: value / baseline,
    spread: { p25: value, p75: value, min: value, max: value },
    samples: 1,
    notes,
    ...(target ? { target } : {}),
  };
}

export default async function bundleSize(): Promise<BenchResult[]> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'emr-kit-bundle-'));
  try {
    await build({
      configFile: false,
      root: page,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: false, manifest: true },
    });
    const { total, files, sizes } = await gzippedAssets(outDir);
    const kib = total / KIB;
    const atStart = (await loadedAtStart(outDir, sizes)) / KIB;
    const notes = {
      files,
      bytes: total,
      'loaded before the chart shows, KiB gz': Number(atStart.toFixed(1)),
    };
    return [
      row('bundle-size.summary-page', kib, BUDGET_KIB, notes, { max: 1 }),
      row('bundle-size.vs-react-peer', kib, REACT_PEER_KIB, notes),
      row('bundle-size.summary-page-at-start', atStart, BUDGET_KIB, notes),
    ];
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
