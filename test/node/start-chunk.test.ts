import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';

// What a chart's first screen evaluates before its rows: the production
// build of the summary page (bench/pages/start), followed through static
// imports from its entry (which imports the store, then the elements). A read never touches the write side (Yjs,
// the FHIR schemas and zod, the revision hash), nor Dexie and the store:
// the first rows are read straight from IndexedDB (storage/first-reads.ts)
// and the rest is fetched once they are painted.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pages = path.join(root, 'bench/pages/start');

const NOT_BEFORE_THE_ROWS = [
  /node_modules\/yjs\//,
  /node_modules\/lib0\//,
  /node_modules\/zod\//,
  /node_modules\/@noble\/hashes\//,
  /node_modules\/dexie\//,
  /\/storage\/dexie-chart-store\.ts$/,
  /\/storage\/open-chart-store\.ts$/,
  /\/storage\/write-side\.ts$/,
  /\/model\/bundle\//,
  /\/components\/vitals-form\//,
];

async function buildSummaryPage(): Promise<Map<string, Rolldown.OutputChunk>> {
  const output = (await build({
    configFile: false,
    root: pages,
    logLevel: 'silent',
    build: {
      write: false,
      target: 'es2022',
      rolldownOptions: { input: { kit: path.join(pages, 'kit.html') } },
    },
  })) as Rolldown.RolldownOutput;
  return new Map(
    output.output
      .filter((item): item is Rolldown.OutputChunk => item.type === 'chunk')
      .map((chunk) => [chunk.fileName, chunk]),
  );
}

/** The modules of a chunk and of every chunk it imports statically. */
function modulesFrom(chunks: Map<string, Rolldown.OutputChunk>, start: string): string[] {
  const seen = new Set<string>();
  const visit = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    for (const next of chunks.get(fileName)?.imports ?? []) visit(next);
  };
  visit(start);
  return [...seen].flatMap((fileName) => chunks.get(fileName)?.moduleIds ?? []);
}

test('the summary page evaluates neither the store nor the write side before its rows', async () => {
  const chunks = await buildSummaryPage();
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry);
  assert.ok(entry, 'the page has an entry chunk');
  const modules = modulesFrom(chunks, entry.fileName);
  for (const needed of ['/storage/first-reads.ts', '/components/vitals-grid/vitals-grid.ts'])
    assert.ok(
      modules.some((id) => id.endsWith(needed)),
      `${needed} is in the start`,
    );
  assert.deepEqual(
    modules.filter((id) => NOT_BEFORE_THE_ROWS.some((pattern) => pattern.test(id))),
    [],
  );
  // ...and all of it is in the build, fetched after the rows.
  const later = [...chunks.values()].flatMap((chunk) => chunk.moduleIds);
  for (const pattern of NOT_BEFORE_THE_ROWS.slice(0, 8))
    assert.ok(
      later.some((id) => pattern.test(id)),
      `${pattern} is in the page's build`,
    );
});

test('a first visit shown from its bundle checks it without zod’s compiler', async () => {
  // What a first visit loads besides the start, before its rows: the bundle
  // preview (storage/bundle-preview.ts, imported when importBundle is called).
  const chunks = await buildSummaryPage();
  const preview = [...chunks.values()].find((chunk) =>
    chunk.facadeModuleId?.endsWith('/storage/bundle-preview.ts'),
  );
  assert.ok(preview, 'the bundle preview is a chunk of its own');
  const modules = modulesFrom(chunks, preview.fileName);
  for (const needed of ['/model/bundle/read-bundle.ts', '/model/fhir/resources.ts'])
    assert.ok(
      modules.some((id) => id.endsWith(needed)),
      `${needed} is read before the rows`,
    );
  assert.deepEqual(
    modules.filter(
      (id) => /\/zod\/v4\/core\/compile\.js$/.test(id) || id.endsWith('/compiled-schemas.ts'),
    ),
    [],
  );
});
