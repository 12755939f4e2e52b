// The small parts of the EHR bridge's HTTP layer that need no server: how
// long to wait before asking again, and how many requests run at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLimiter } from '../../../ehr/http/limiter.js';
import { parseRetryAfter, retryDelay } from '../../../ehr/http/retry-delay.js';

const backoff = { baseMs: 500, maxMs: 30_000 };

test('Retry-After in seconds or as an HTTP date is obeyed, up to the cap', () => {
  const now = Date.parse('2026-12-07T10:00:00Z');
  assert.equal(parseRetryAfter('3', now), 3000);
  assert.equal(parseRetryAfter('Mon, 07 Dec 2026 10:00:05 GMT', now), 5000);
  assert.equal(
    parseRetryAfter('Mon, 07 Dec 2026 09:59:00 GMT', now),
    0,
    'a date already past means now',
  );
  assert.equal(parseRetryAfter('soon', now), undefined);
  assert.equal(parseRetryAfter(null, now), undefined);
  assert.equal(retryDelay(0, '2', backoff, now), 2000);
  assert.equal(retryDelay(0, '3600', backoff, now), 30_000, 'an hour asked is capped');
});

test('without Retry-After, the wait doubles per attempt with jitter in its upper half, capped', () => {
  assert.equal(
    retryDelay(0, null, backoff, 0, () => 0),
    250,
  );
  assert.equal(
    retryDelay(0, null, backoff, 0, () => 1),
    500,
  );
  assert.equal(
    retryDelay(3, null, backoff, 0, () => 1),
    4000,
  );
  assert.equal(
    retryDelay(20, null, backoff, 0, () => 1),
    30_000,
  );
});

test('the limiter never runs more than its size at once, and runs every task in order of arrival', async () => {
  const limit = createLimiter(3);
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const tasks = Array.from({ length: 10 }, (_, i) =>
    limit(async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (i === 4) throw new Error('task 4 fails');
      return i;
    }),
  );
  const results = await Promise.allSettled(tasks);
  assert.equal(most, 3);
  assert.deepEqual(started, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(results[4]!.status, 'rejected', 'a failure frees its place');
  assert.deepEqual(
    results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<number>).value),
    [0, 1, 2, 3, 5, 6, 7, 8, 9],
  );
  assert.throws(() => createLimiter(0), /at least 1/);
});
