// Runs the Node tests: every *.test.ts under test/node/ (or under the
// directories given as arguments, or the test files given), with TypeScript
// loaded through tsx.
// Node 20's `--test` takes no glob patterns (they arrived in Node 21), so the
// files are found here and passed by name.
//
//   node scripts/node-tests.mjs [dir or file...]
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const dirs = process.argv.length > 2 ? process.argv.slice(2) : ['test/node'];
const files = dirs
  .flatMap((dir) =>
    statSync(dir).isFile()
      ? [dir]
      : readdirSync(dir, { recursive: true, encoding: 'utf8' })
          .filter((name) => name.endsWith('.test.ts'))
          .map((name) => path.join(dir, name)),
  )
  .sort();

if (files.length === 0) {
  console.error(`No *.test.ts files under ${dirs.join(', ')}.`);
  process.exit(1);
}

// No test may wait forever: one that takes longer than the timeout fails
// and says so, and a file whose tests are done exits even if something it
// started (a socket, a timer, a client reconnecting) would keep it alive.
const TEST_TIMEOUT_MS = 180_000;
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-force-exit',
    ...files,
  ],
  { stdio: 'inherit' },
);
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
