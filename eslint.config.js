// Lint for the whole repository: the recommended JavaScript and TypeScript
// rules, plus the layer rules (see the Layers section of the README) — which
// top-level folder may import what, and which code may touch the browser.
// test/node/layer-lint.test.ts proves that each layer rule fires.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const README = 'see the Layers section of the README';

// A bare import of one of these packages, or of a file inside one.
const packages = (...names) => `^(${names.join('|')})(/|$)`;

// Imports across layers are relative (`../storage/db.js`), so another
// top-level folder shows as a run of `../` followed by the folder's name.
const reaching = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;

// Anything that is neither relative nor one of the allowed packages.
const bareExcept = (...allowed) => `^(?!\\.{1,2}/)(?!(${allowed.join('|')})(/|$))`;

// model/ and clinical/ run in Node and in the browser alike: no DOM, no
// storage, no network, and nothing that exists on only one of the two.
const pureGlobals = (layer) => {
  const message = `${layer}/ is pure logic that runs in Node and in the browser alike: no DOM, IndexedDB, storage or network (${README}).`;
  const names = [
    'window',
    'self',
    'document',
    'navigator',
    'location',
    'customElements',
    'HTMLElement',
    'indexedDB',
    'IDBKeyRange',
    'localStorage',
    'sessionStorage',
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'BroadcastChannel',
    'process',
    'Buffer',
  ];
  return [
    'error',
    // checkGlobalObject also catches `globalThis.document` and the like.
    { globals: names.map((name) => ({ name, message })), checkGlobalObject: true },
  ];
};

export default defineConfig(
  globalIgnores(['node_modules/', 'dist/', 'demo-dist/', '.storybook-out/', 'storybook-static/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    // Plain JavaScript here is Node tooling: scripts and config files.
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // Except the scripts of the end-to-end test pages, which run in the browser.
    files: ['test/e2e/pages/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },

  // ---- Layer rules ----
  {
    files: ['model/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: bareExcept('zod', '@noble/hashes', '@lit/context'),
              message: `model/ imports nothing but zod, @noble/hashes and its own files, so it stays free of UI, storage and sync (${README}).`,
            },
            {
              // The ChartStore context key lives here; a type-only import of
              // Context keeps model/ free of Lit at run time.
              regex: packages('@lit/context'),
              allowTypeImports: true,
              message: `model/ may use @lit/context for types only (\`import type\`): it holds context keys, not Lit code (${README}).`,
            },
            {
              regex: reaching(
                'clinical',
                'storage',
                'sync',
                'components',
                'demo',
                'stories',
                'test',
                'bench',
                'ehr',
              ),
              message: `model/ is the bottom layer: it never imports another top-level folder (${README}).`,
            },
          ],
        },
      ],
      'no-restricted-globals': pureGlobals('model'),
    },
  },
  {
    files: ['clinical/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: bareExcept(),
              message: `clinical/ is pure clinical logic over model/: it imports no packages — no lit, dexie, yjs or network (${README}).`,
            },
            {
              regex: reaching(
                'storage',
                'sync',
                'components',
                'demo',
                'stories',
                'test',
                'bench',
                'ehr',
              ),
              message: `clinical/ may import only model/ and its own files (${README}).`,
            },
          ],
        },
      ],
      'no-restricted-globals': pureGlobals('clinical'),
    },
  },
  {
    files: ['components/**'],
    // A component's own tests may wire a real store.
    ignores: ['components/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: packages('dexie', 'yjs', 'y-[\\w.-]+'),
              message: `components never touch dexie or yjs: they get a ChartStore (the port in model/) from context and ask it for data (${README}).`,
            },
            {
              regex: reaching('storage', 'sync', 'ehr', 'demo', 'stories', 'test', 'bench'),
              message: `components talk to the ChartStore port in model/, never to storage/, sync/ or ehr/, and never import demo, stories or tests (${README}).`,
            },
          ],
        },
      ],
    },
  },
  {
    // The one exception (ARCHITECTURE.md): the note editor binds its text to
    // the collaborative text type the store hands it, through y-prosemirror.
    files: ['components/note-editor/**'],
    ignores: ['components/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: packages('dexie', 'y-websocket', 'y-protocols'),
              message: `the note editor may bind to Yjs text (yjs, y-prosemirror), but never touches dexie or the network (${README}).`,
            },
            {
              regex: reaching('storage', 'sync', 'ehr', 'demo', 'stories', 'test', 'bench'),
              message: `components talk to the ChartStore port in model/, never to storage/, sync/ or ehr/, and never import demo, stories or tests (${README}).`,
            },
          ],
        },
      ],
    },
  },
  {
    // Tests stand apart from stories: the charts and stand-in stores both use
    // live in test/support/, which stories import, never the other way.
    files: ['**/*.test.ts', 'test/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: reaching('stories'),
              message: `tests never import stories/: what both need lives in test/support/ (${README}).`,
            },
          ],
        },
      ],
    },
  },
  {
    // Browser tests take @open-wc/testing through test/support/testing.ts,
    // which makes a failed assertion on a DOM node reportable. (The rule's
    // options replace those of the block above for these files, so the
    // stories pattern is repeated.)
    files: ['components/**/*.test.ts', 'test/browser/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@open-wc/testing',
              message:
                'import it from test/support/testing.ts: a failing assertion on a DOM node would otherwise hang the run.',
            },
          ],
          patterns: [
            {
              regex: reaching('stories'),
              message: `tests never import stories/: what both need lives in test/support/ (${README}).`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['storage/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: packages('lit', '@lit/[\\w.-]+', 'y-websocket', 'y-protocols', 'ws'),
              message: `storage/ is the local database only: no UI (lit) and no network (y-websocket, ws) (${README}).`,
            },
            {
              regex: reaching('components', 'sync', 'demo', 'stories', 'ehr'),
              message: `storage/ may import model/ and clinical/, never components/, sync/, ehr/ or demo/: only demo/ or a host app wires them together (${README}).`,
            },
          ],
        },
      ],
    },
  },
  {
    // The bridge to the hospital's FHIR server: it writes through the store
    // like any other import, and no layer but a host, demo/, cli/ and the
    // tests reaches it (see the rules of those layers).
    files: ['ehr/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: bareExcept('oauth4webapi', 'zod', 'jose'),
              message: `ehr/ imports model/, storage/, the OAuth client (oauth4webapi), zod and jose (the signed requests to CDS services), nothing else: no UI, no Yjs, no database of its own (${README}).`,
            },
            {
              regex: reaching(
                'clinical',
                'components',
                'sync',
                'demo',
                'stories',
                'cli',
                'test',
                'bench',
              ),
              message: `ehr/ may import model/ and storage/ only: components read the store, never the EHR (${README}).`,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: packages('dexie', 'lit', '@lit/[\\w.-]+'),
              message: `sync/ holds Yjs documents and the network: no local database (dexie) and no UI (lit) (${README}).`,
            },
            {
              regex: reaching('components', 'storage', 'demo', 'stories', 'ehr'),
              message: `sync/ may import model/, never components/, storage/, ehr/ or demo/: only demo/ or a host app wires them together (${README}).`,
            },
          ],
        },
      ],
    },
  },
);
