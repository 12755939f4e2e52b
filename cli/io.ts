/** Where a command writes: the process's streams, or buffers in tests. */
export interface Io {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

/** notInstalled: the command needs an optional package the host has not installed. */
export const EXIT = { ok: 0, dataErrors: 1, usage: 2, notInstalled: 3 } as const;

export class UsageError extends Error {}
