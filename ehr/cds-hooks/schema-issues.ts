import { cdsHooksMessages as messages } from './cds-hooks.messages.js';

/** The part of a zod issue the kit reads. */
interface Issue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  expected?: string;
  input?: unknown;
}

/** The field and what is wrong with it, for a note: "summary too long", "indicator missing". */
export function describeIssue(issue: Issue, from = 0): string {
  const path = issue.path
    .slice(from)
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
  const problem =
    issue.code === 'invalid_type'
      ? issue.input === undefined
        ? messages.missing
        : messages.expected(issue.expected ?? 'value')
      : issue.code === 'too_big'
        ? messages.tooLong
        : issue.code === 'invalid_value'
          ? messages.notAllowed
          : messages.badValue;
  return messages.field(path || 'answer', problem);
}
