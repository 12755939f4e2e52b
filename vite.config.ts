// The demo: a mock hospital portal (demo/) that embeds the kit, served and
// built by Vite; `npm start` runs it through scripts/start.mjs.
//
// TypeScript is compiled with tsconfig.json's settings, so the kit's Lit
// decorators (experimentalDecorators, useDefineForClassFields: false) are
// transformed here as they are by tsc.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { demoApiPlugin } from './demo/server/demo-api-plugin.js';
import { syntheaDir } from './demo/server/patient-catalog.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./demo'),
  // 5173 is a preference: when it is taken the next free port is used.
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  // Not under dist/, which is what the package ships.
  // Three pages: the portal, its SMART launch URL, and the standalone app.
  build: {
    outDir: here('./demo-dist'),
    emptyOutDir: true,
    rollupOptions: {
      input: ['index.html', 'launch.html', 'standalone.html'].map((page) => here(`./demo/${page}`)),
    },
  },
  // Pre-bundled at start: jose is reached only through a dynamic import (the CDS Hooks client,
  // loaded after the chart shows); found late, the dev server would reload the page to add it.
  optimizeDeps: { include: ['jose'] },
  // The demo's fixtures, users and development tokens (dev server only).
  plugins: [demoApiPlugin(syntheaDir(here('.')))],
});
