// What a page with the allergy banner, the medication list and the vitals
// grid over the local store ships: a production build (Vite, minified) of
// bench/pages/summary, every emitted JavaScript and CSS file gzipped and
// added up — lit, dexie, yjs and zod included.
//
// Rows: against a budget of 110 KiB (target ratio ≤ 1), and against the
// 324 KiB gzipped that a React peer ships for the same three sections (a
// reference figure, not measured here).
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

async function gzippedAssets(outDir: string): Promise<{ total: number; files: number }> {
  const names = (await readdir(outDir, { recursive: true })).filter((name) => /\.(js|css)$/.test(name));
  let total = 0;
  for (const name of names) total += gzipSync(await readFile(path.join(outDir, name)), { level: 9 }).length;
  return { total, files: names.length };
}

function row(name: string, value: number, baseline: number, notes: BenchResult['notes'], target?: BenchResult['target']): BenchResult {
  return {
    name, value, unit: 'KiB gz', baseline, ratio: value / baseline,
    spread: { p25: value, p75: value, min: value, max: value }, samples: 1, notes, ...(target ? { target } : {}),
  };
}

export default async function bundleSize(): Promise<BenchResult[]> {
  const outDir = await mkdtemp(path.join(tmpdir(), 'emr-kit-bundle-'));
  try {
    await build({
      configFile: false,
      root: page,
      logLevel: 'silent',
      build: { outDir, emptyOutDir: true, target: 'es2022', modulePreload: false },
    });
    const { total, files } = await gzippedAssets(outDir);
    const kib = total / KIB;
    const notes = { files, bytes: total };
    return [
      row('bundle-size.summary-page', kib, BUDGET_KIB, notes, { max: 1 }),
      row('bundle-size.vs-react-peer', kib, REACT_PEER_KIB, notes),
    ];
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
