import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareNames } from '../../../clinical/name-order.js';

// compareNames must order names exactly as the collator it stands in for.
const collator = new Intl.Collator('en', { sensitivity: 'base' });
const sign = (n: number) => Math.sign(n);

/** A deterministic stream of pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function names(alphabet: string, count: number, seed: number): string[] {
  const next = random(seed);
  return Array.from({ length: count }, () =>
    Array.from(
      { length: Math.floor(next() * 8) },
      () => alphabet[Math.floor(next() * alphabet.length)],
    ).join(''),
  );
}

/** Each name against the next 40: compareNames and the collator agree on which comes first. */
function ordersAlike(list: readonly string[]): void {
  for (let i = 0; i < list.length; i++)
    for (const other of list.slice(i, i + 40))
      assert.equal(
        sign(compareNames(list[i]!, other)),
        sign(collator.compare(list[i]!, other)),
        JSON.stringify([list[i], other]),
      );
}

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');

describe('compareNames', () => {
  it('orders every pair of printable ASCII characters as the collator does', () => {
    for (const a of PRINTABLE)
      for (const b of PRINTABLE)
        assert.equal(sign(compareNames(a, b)), sign(collator.compare(a, b)), `${a} ${b}`);
  });

  it('orders random names of printable ASCII as the collator does', () => {
    ordersAlike(names(PRINTABLE, 600, 1));
  });

  it('leaves names with other characters to the collator', () => {
    ordersAlike(names('aAeéEÉ o-ö\t\u0301ßsS(', 400, 2));
  });

  it('sorts allergy names as the collator does', () => {
    const labels = [
      'Shellfish allergy',
      'Dander (animal) allergy',
      'allergy to nut',
      'Allergy to peanuts',
      'House dust mite allergy',
      'Allergy to nut',
      'Latex allergy',
      'Äpfel-Allergie',
      'Allergy to bee venom',
    ];
    assert.deepEqual([...labels].sort(compareNames), [...labels].sort(collator.compare));
  });
});
