#!/usr/bin/env node
// The `emr-kit` command. The kit ships TypeScript sources; tsx runs them.
// tsx is an optional peer dependency (a host that only embeds the elements
// does without it): without it, say what to install.
import { readFileSync } from 'node:fs';

let register;
try {
  ({ register } = await import('tsx/esm/api'));
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  const { peerDependencies } = JSON.parse(
    readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
  );
  process.stderr.write(
    "emr-kit: the command runs the kit's TypeScript sources through tsx, which is not installed.\n" +
      'It is optional: a host that only embeds the elements does not need it. To run the command:\n\n' +
      `  npm install --save-dev tsx@${peerDependencies.tsx}\n`,
  );
  process.exit(3);
}

register();
// `emr-kit export big.json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr });
