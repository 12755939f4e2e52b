/** Where a command writes: the process's streams, or buffers in tests. */
export interface Io {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
}

export const EXIT = { ok: 0, dataErrors: 1, usage: 2 } as const;

export class UsageError extends Error {}
