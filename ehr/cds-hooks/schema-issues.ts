import { cdsHooksMessages as messages } from './cds-hooks.messages.js';

/** The part of a zod issue the kit reads. */
interface Issue {
  code: string;
  path: ReadonlyArray<PropertyKey>;
  expected?: string;
}

/** The field and what is wrong with it in `data`, for a note: "summary too long", "indicator missing". */
export function describeIssue(issue: Issue, data: unknown): string {
  const path = issue.path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i > 0 ? '.' : ''}${String(key)}`))
    .join('');
  const problem =
    valueAt(data, issue.path) === undefined
      ? messages.missing
      : issue.code === 'invalid_type'
        ? messages.expected(issue.expected ?? 'value')
        : issue.code === 'too_big'
          ? messages.tooLong
          : issue.code === 'invalid_value'
            ? messages.notAllowed
            : messages.badValue;
  return messages.field(path || 'answer', problem);
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
