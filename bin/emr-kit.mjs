#!/usr/bin/env node
// The `emr-kit` command. The kit ships TypeScript sources; tsx runs them.
import { register } from 'tsx/esm/api';

register();
// `emr-kit export big.json | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2), { out: process.stdout, err: process.stderr });
