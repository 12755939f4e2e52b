import { expect } from '../../test/support/testing.js';
import { memo } from './memo.js';

describe('memo', () => {
  it('derives once for the same inputs, by identity, and again when one changes', () => {
    const calls: Array<[readonly number[], string]> = [];
    const derive = memo((list: readonly number[], label: string) => {
      calls.push([list, label]);
      return { label, total: list.reduce((sum, n) => sum + n, 0) };
    });
    const list = [1, 2, 3];
    const first = derive(list, 'a');
    expect(derive(list, 'a')).to.equal(first);
    expect(calls).to.have.length(1);

    // An equal but new array is another input: arrays are never mutated in place.
    const copy = derive([1, 2, 3], 'a');
    expect(copy).not.to.equal(first);
    expect(copy).to.deep.equal(first);
    expect(derive([1, 2, 3], 'b').label).to.equal('b');
    expect(calls).to.have.length(3);
  });

  it('keeps undefined and NaN inputs as inputs like any other', () => {
    let calls = 0;
    const derive = memo((value: number | undefined) => (calls++, value));
    derive(undefined);
    derive(undefined);
    derive(Number.NaN);
    derive(Number.NaN);
    expect(calls).to.equal(2);
  });
});
