// `npm run build`: what the package ships, under dist/.
//
// - dist/<layer>/…: the kit's TypeScript compiled by tsc to unbundled ES
//   modules with type declarations, one file per source file. The package's
//   entry points (emr-kit/storage, emr-kit/components/…) lead here, and a
//   host's bundler shares lit, dexie, yjs and zod with the host's own code.
// - dist/browser/emr-kit.js: the whole kit in one minified file with its
//   libraries inside (emr-kit.ts), for a page without a build step. Its few
//   chunks sit beside it and load from there (the bulk bundle reader, on the
//   first import).
// - custom-elements.json: the custom-elements manifest (package.json's
//   `customElements`), and from it dist/types/jsx.d.ts and dist/types/vue.d.ts,
//   the elements' types for React and Vue hosts (custom-elements-manifest.config.mjs).
//
//   node scripts/build.mjs
import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const cem = require.resolve('@custom-elements-manifest/analyzer/cem.js');

await rm(dist, { recursive: true, force: true });
execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], {
  stdio: 'inherit',
});
execFileSync(
  process.execPath,
  [cem, 'analyze', '--config', path.join(root, 'custom-elements-manifest.config.mjs')],
  { cwd: root, stdio: 'inherit' },
);
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  // Chunks are found beside the file that loads them, wherever a host puts the folder.
  base: './',
  build: {
    outDir: path.join(dist, 'browser'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // An ordinary build of one entry that keeps its exports, rather than
    // library mode, which leaves the whitespace of ES output unminified.
    chunkSizeWarningLimit: 1024,
    rolldownOptions: {
      input: path.join(root, 'emr-kit.ts'),
      preserveEntrySignatures: 'exports-only',
      output: { entryFileNames: 'emr-kit.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});
console.error(`built ${path.relative(process.cwd(), dist) || 'dist'}/`);
