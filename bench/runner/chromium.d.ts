// Types for the launch settings the tests and benchmarks share
// (scripts/chromium.mjs is plain JavaScript).
declare module '*/scripts/chromium.mjs' {
  /** Path of the Chromium executable (CHROMIUM_PATH, else Debian's). */
  export const chromiumPath: string;
  /** Flags for a quiet headless Chromium on a closed network. */
  export const chromiumArgs: readonly string[];
}
