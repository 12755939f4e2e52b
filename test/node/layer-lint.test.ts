// The layer rules in eslint.config.js, checked against small sources at
// virtual paths: each forbidden import or global must be reported, and the
// imports a layer is allowed must pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}/eslint.config.js` });

/** Lints `code` as if it were the file at `filePath` (relative to the repository). */
async function lint(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, `no lint result for ${filePath}`);
  return result.messages;
}

async function assertReported(filePath: string, code: string, ruleId: string) {
  const messages = await lint(filePath, code);
  const hits = messages.filter((m) => m.ruleId === ruleId);
  assert.ok(
    hits.length > 0,
    `${filePath}: expected ${ruleId} on:\n${code}\ngot ${JSON.stringify(messages)}`,
  );
  // The message names the rule in words and points at the README.
  assert.match(hits[0]!.message, /Layers section of the README/);
}

async function assertClean(filePath: string, code: string) {
  const errors = (await lint(filePath, code)).filter((m) => m.severity === 2);
  assert.deepEqual(errors, [], `${filePath}: expected no errors on:\n${code}`);
}

const imports = 'no-restricted-imports';
const globals = 'no-restricted-globals';

test('components may not import dexie, yjs, y-websocket, storage/ or sync/', async () => {
  await assertReported(
    'components/x/x.ts',
    `import Dexie from 'dexie';\nexport const d = Dexie;\n`,
    imports,
  );
  await assertReported(
    'components/x/x.ts',
    `import * as Y from 'yjs';\nexport const y = Y;\n`,
    imports,
  );
  await assertReported(
    'components/x/x.ts',
    `export { WebsocketProvider } from 'y-websocket';\n`,
    imports,
  );
  await assertReported(
    'components/x/x.ts',
    `import { db } from '../../storage/db.js';\nexport const d = db;\n`,
    imports,
  );
  await assertReported(
    'components/x/x.ts',
    `import { doc } from '../../sync/doc.js';\nexport const d = doc;\n`,
    imports,
  );
  await assertReported('components/x/x.ts', `export * from '../../demo/app.js';\n`, imports);
});

test('components may import lit, @lit/context, model/, clinical/ and shared/', async () => {
  await assertClean(
    'components/x/x.ts',
    [
      `import { LitElement, html } from 'lit';`,
      `import { consume } from '@lit/context';`,
      `import type { Patient } from '../../model/index.js';`,
      `import { flag } from '../../clinical/ranges.js';`,
      `import { tokens } from '../shared/tokens.js';`,
      `export { LitElement, html, consume, flag, tokens };`,
      `export type { Patient };`,
    ].join('\n') + '\n',
  );
});

test("a component's own test may wire a real store", async () => {
  await assertClean(
    'components/x/x.test.ts',
    `import Dexie from 'dexie';\nexport const d = Dexie;\n`,
  );
});

test('tests never import stories/; stories may import test support', async () => {
  const fromStories = `import { pendingStore } from '../../stories/support/story-stores.js';\nexport const p = pendingStore;\n`;
  await assertReported('components/x/x.test.ts', fromStories, imports);
  await assertReported('test/node/x/x.test.ts', fromStories, imports);
  await assertReported(
    'test/browser/x/x.test.ts',
    `import { allergy } from '../../../stories/support/allergy-charts.js';\nexport const a = allergy;\n`,
    imports,
  );
  await assertReported(
    'test/support/x.ts',
    `export * from '../../stories/support/story-stores.js';\n`,
    imports,
  );
  await assertClean(
    'stories/x.stories.ts',
    `import { pendingStore } from '../test/support/stand-in-stores.js';\nexport const p = pendingStore;\n`,
  );
});

test('model/ imports only zod and its own files', async () => {
  await assertClean(
    'model/x.ts',
    `import { z } from 'zod';\nimport { a } from './a.js';\nexport const s = z.string().default(a);\n`,
  );
  await assertClean('model/sub/x.ts', `import { a } from '../a.js';\nexport const b = a;\n`);
  await assertReported(
    'model/x.ts',
    `import { LitElement } from 'lit';\nexport const l = LitElement;\n`,
    imports,
  );
  await assertReported(
    'model/x.ts',
    `import Dexie from 'dexie';\nexport const d = Dexie;\n`,
    imports,
  );
  await assertReported('model/x.ts', `import * as Y from 'yjs';\nexport const y = Y;\n`, imports);
  await assertReported(
    'model/x.ts',
    `import { WebSocket } from 'ws';\nexport const w = WebSocket;\n`,
    imports,
  );
  await assertReported(
    'model/x.ts',
    `import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n`,
    imports,
  );
  await assertReported(
    'model/x.ts',
    `import { flag } from '../clinical/ranges.js';\nexport const f = flag;\n`,
    imports,
  );
  await assertReported(
    'model/sub/x.ts',
    `import { db } from '../../storage/db.js';\nexport const d = db;\n`,
    imports,
  );
});

test('model/ may import @lit/context for types only', async () => {
  await assertClean(
    'model/x.ts',
    `import type { Context } from '@lit/context';\nexport type K = Context<symbol, string>;\n`,
  );
  await assertReported(
    'model/x.ts',
    `import { createContext } from '@lit/context';\nexport const k = createContext('k');\n`,
    imports,
  );
});

test('model/ and clinical/ use no DOM, storage or network globals', async () => {
  await assertReported(
    'model/x.ts',
    `export const el = document.querySelector('main');\n`,
    globals,
  );
  await assertReported('model/x.ts', `export const open = () => indexedDB.open('x');\n`, globals);
  await assertReported('model/x.ts', `export const get = () => fetch('/x');\n`, globals);
  await assertReported('model/x.ts', `export const w = globalThis.localStorage;\n`, globals);
  await assertReported('clinical/x.ts', `export const lang = navigator.language;\n`, globals);
  await assertReported('clinical/x.ts', `export const url = window.location.href;\n`, globals);
  // A DOM type in a type position is no dependency at run time.
  await assertClean('model/x.ts', `export type Host = HTMLElement;\n`);
});

test('clinical/ imports only model/ and itself', async () => {
  await assertClean(
    'clinical/x.ts',
    `import type { Observation } from '../model/index.js';\nimport { a } from './a.js';\nexport const f = (o: Observation) => [o, a];\n`,
  );
  await assertReported(
    'clinical/x.ts',
    `import { put } from '../storage/x.js';\nexport const p = put;\n`,
    imports,
  );
  await assertReported(
    'clinical/x.ts',
    `import { html } from 'lit';\nexport const h = html;\n`,
    imports,
  );
  await assertReported(
    'clinical/x.ts',
    `import { el } from '../components/x/x.js';\nexport const e = el;\n`,
    imports,
  );
});

test('storage/ uses model/, clinical/, dexie and yjs, but no UI or network', async () => {
  await assertClean(
    'storage/x.ts',
    `import Dexie from 'dexie';\nimport * as Y from 'yjs';\nimport { flag } from '../clinical/ranges.js';\nimport type { Patient } from '../model/index.js';\nexport const s = [Dexie, Y, flag];\nexport type { Patient };\n`,
  );
  await assertReported(
    'storage/x.ts',
    `import { html } from 'lit';\nexport const h = html;\n`,
    imports,
  );
  await assertReported(
    'storage/x.ts',
    `import { WebsocketProvider } from 'y-websocket';\nexport const w = WebsocketProvider;\n`,
    imports,
  );
  await assertReported(
    'storage/x.ts',
    `import { provider } from '../sync/provider.js';\nexport const p = provider;\n`,
    imports,
  );
  await assertReported(
    'storage/x.ts',
    `import { el } from '../components/x/x.js';\nexport const e = el;\n`,
    imports,
  );
});

test('sync/ uses model/, yjs and the network, but no database or UI', async () => {
  await assertClean(
    'sync/server/x.ts',
    `import * as Y from 'yjs';\nimport { WebSocketServer } from 'ws';\nimport * as syncProtocol from 'y-protocols/sync';\nimport type { Patient } from '../../model/index.js';\nexport const s = [Y, WebSocketServer, syncProtocol];\nexport type { Patient };\n`,
  );
  await assertReported(
    'sync/x.ts',
    `import Dexie from 'dexie';\nexport const d = Dexie;\n`,
    imports,
  );
  await assertReported(
    'sync/x.ts',
    `import { LitElement } from 'lit';\nexport const l = LitElement;\n`,
    imports,
  );
  await assertReported(
    'sync/x.ts',
    `import { db } from '../storage/db.js';\nexport const d = db;\n`,
    imports,
  );
  await assertReported(
    'sync/server/x.ts',
    `import { page } from '../../demo/page.js';\nexport const p = page;\n`,
    imports,
  );
});

test('ehr/ imports model/, storage/, oauth4webapi and zod only; no other layer but hosts reaches it', async () => {
  await assertClean(
    'ehr/x.ts',
    `import { importBundle } from '../storage/index.js';\nimport * as oauth from 'oauth4webapi';\nimport { z } from 'zod';\nimport { resourceKey } from '../model/index.js';\nexport const x = [importBundle, oauth, z, resourceKey];\n`,
  );
  await assertReported(
    'ehr/x.ts',
    `import { LitElement } from 'lit';\nexport const l = LitElement;\n`,
    imports,
  );
  await assertReported('ehr/x.ts', `import * as Y from 'yjs';\nexport const y = Y;\n`, imports);
  await assertReported(
    'ehr/x.ts',
    `import { openChartSync } from '../sync/index.js';\nexport const s = openChartSync;\n`,
    imports,
  );
  await assertReported(
    'ehr/x.ts',
    `import { x } from '../components/allergy-banner/allergy-banner.js';\nexport const c = x;\n`,
    imports,
  );
  for (const layer of ['model', 'clinical', 'storage', 'sync', 'components/x']) {
    await assertReported(
      `${layer}/y.ts`,
      `import { pullChart } from '${layer.includes('/') ? '../../' : '../'}ehr/index.js';\nexport const p = pullChart;\n`,
      imports,
    );
  }
  await assertClean(
    'demo/y.ts',
    `import { pullChart } from '../ehr/index.js';\nexport const p = pullChart;\n`,
  );
});
