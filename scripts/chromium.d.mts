// Types for scripts/chromium.mjs, which the TypeScript runners import.
/** Path of the Chromium executable (CHROMIUM_PATH, else Debian's). */
export declare const chromiumPath: string;
/** Flags for a quiet headless Chromium on a closed network. */
export declare const chromiumArgs: readonly string[];
