import { chai } from '@open-wc/testing';

// @web/test-runner sends a failed assertion to Node with structuredClone,
// which cannot clone a DOM node: a failing `expect(element)...` then hangs
// the whole run until its timeout, with no message (modernweb-dev/web#2967).
// Loaded with every browser test file (through test/support/testing.ts),
// this puts a node's markup in its place (in a list of nodes too) before the
// failure is sent.

const MAX_MARKUP = 500;

function readable(value: unknown): unknown {
  if (Array.isArray(value) && value.some((item) => item instanceof Node))
    return value.map(readable);
  if (!(value instanceof Node)) return value;
  const markup = value instanceof Element ? value.outerHTML : String(value.textContent);
  return markup.length > MAX_MARKUP ? `${markup.slice(0, MAX_MARKUP)}…` : markup;
}

chai.use(({ Assertion }) => {
  const assert = Assertion.prototype.assert;
  Assertion.prototype.assert = function (
    this: Chai.AssertionStatic,
    ...args: Parameters<typeof assert>
  ) {
    try {
      assert.apply(this, args);
    } catch (error) {
      const failure = error as { actual?: unknown; expected?: unknown };
      failure.actual = readable(failure.actual);
      failure.expected = readable(failure.expected);
      throw error;
    }
  };
});
