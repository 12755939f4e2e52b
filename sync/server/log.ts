// The server's log: one JSON object per line, so a log shipper reads it
// without a parser of its own. Never holds a token.

export interface LogEntry {
  event: string;
  [field: string]: unknown;
}

export type Logger = (entry: LogEntry & { time: string }) => void;

export const jsonLines: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
};

export function withTime(logger: Logger): (entry: LogEntry) => void {
  return (entry) => logger({ time: new Date().toISOString(), ...entry });
}
