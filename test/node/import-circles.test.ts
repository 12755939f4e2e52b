// No import circles anywhere in the repository, even inside a folder and
// even through type-only imports (STYLE.md, Formatting): a messages file does
// not import the logic it words, a migration does not import the database
// module back. A circle makes load order matter and a module's meaning
// depend on which of the two is read first. Each circle found is named, file
// by file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree, type DependencyTree } from 'dpdm';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The repository's modules (tracked or new, not ignored), declaration files aside. */
function repositoryModules(): string[] {
  const listed = execFileSync(
    'git',
    [
      'ls-files',
      '--cached',
      '--others',
      '--exclude-standard',
      '--',
      '*.ts',
      '*.mts',
      '*.mjs',
      '*.js',
    ],
    { cwd: root, encoding: 'utf8' },
  );
  return listed.split('\n').filter((file) => file !== '' && !/\.d\.m?ts$/.test(file));
}

/**
 * The import tree of `files` (relative to `dir`), type-only imports kept (a
 * circle can run through them too), `./x.js` resolved to `./x.ts` as
 * TypeScript does, through the repository's tsconfig.
 */
function importTree(dir: string, files: readonly string[]) {
  return parseDependencyTree([...files], {
    cwd: dir,
    context: dir,
    tsconfig: path.join(root, 'tsconfig.json'),
    transform: false,
    skipDynamicImports: false,
  });
}

/** Every circle in a tree, as "a.ts -> b.ts -> a.ts". */
const circlesOf = (tree: DependencyTree) =>
  parseCircular(tree).map((circle) => [...circle, circle[0]].join(' -> '));

test('the check finds a circle made of type-only imports', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'import-circles-'));
  try {
    await writeFile(
      path.join(dir, 'score.ts'),
      "import { words } from './score-messages.js';\nexport type Risk = 'low' | 'high';\nexport const label = (r: Risk) => words[r];\n",
    );
    await writeFile(
      path.join(dir, 'score-messages.ts'),
      "import type { Risk } from './score.js';\nexport const words: Record<Risk, string> = { low: 'low', high: 'high' };\n",
    );
    await writeFile(path.join(dir, 'alone.ts'), "export const alone = 'no imports';\n");
    const tree = await importTree(dir, ['score.ts', 'score-messages.ts', 'alone.ts']);
    assert.deepEqual(circlesOf(tree), ['score.ts -> score-messages.ts -> score.ts']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('no module of the repository imports itself back, through any chain of imports', async () => {
  const files = repositoryModules();
  assert.ok(files.length > 100, `only ${files.length} modules found under ${root}`);
  const tree = await importTree(root, files);
  // A relative import the check cannot follow could hide a circle.
  const unresolved = Object.values(tree).flatMap((imports) =>
    (imports ?? [])
      .filter(({ id, request }) => id === null && request.startsWith('.'))
      .map(({ issuer, request }) => `${path.relative(root, issuer)}: ${request}`),
  );
  assert.deepEqual(unresolved, [], `relative imports that resolve to no file`);
  const circles = circlesOf(tree);
  assert.deepEqual(
    circles,
    [],
    `import circles (move what both sides need into a small module both import):\n  ${circles.join('\n  ')}`,
  );
});
