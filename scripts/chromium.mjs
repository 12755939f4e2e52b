// Where the headless Chromium lives and how it is started, shared by the
// test runner, the benchmarks and the demo test. Debian's package is the
// default; CHROMIUM_PATH points elsewhere.
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Quiet on a closed network: no background traffic, no lookups of vendor hosts.
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
];
