/**
 * A derived value, worked out again only when one of its inputs changes.
 *
 * `memo(derive)` returns a function with the same parameters as `derive`
 * that keeps the last inputs and result: called again with the same inputs
 * (each compared by identity, as Lit compares properties) it returns the
 * same result without calling `derive`. One entry is kept, so it suits a
 * value an element or a controller derives from its current inputs; each
 * element instance makes its own.
 *
 *     readonly #views = memo((columns: VitalsColumn[], ranges: Ranges) => ...);
 *     willUpdate() { this.views = this.#views(this.columns, this.ranges); }
 */
export function memo<Inputs extends readonly unknown[], Value>(
  derive: (...inputs: Inputs) => Value,
): (...inputs: Inputs) => Value {
  let last: { inputs: Inputs; value: Value } | undefined;
  return (...inputs: Inputs): Value => {
    if (last && sameInputs(last.inputs, inputs)) return last.value;
    const value = derive(...inputs);
    last = { inputs, value };
    return value;
  };
}

function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((input, i) => Object.is(input, b[i]));
}
