import * as z from 'zod/mini';

// FHIR choice elements (`value[x]`, `medication[x]`...): at most one of the
// typed variants may be present, and some choices are required (1..1).

type ChoiceShape<N extends string, V extends Record<string, z.ZodMiniType>> = {
  [K in keyof V as `${N}${K & string}`]: z.ZodMiniOptional<V[K]>;
};

/** The optional fields `<name><Type>` for each variant, to spread into a shape. */
export function choice<const N extends string, V extends Record<string, z.ZodMiniType>>(
  name: N,
  variants: V,
): ChoiceShape<N, V> {
  const shape: Record<string, z.ZodMiniType> = {};
  for (const [type, schema] of Object.entries(variants))
    shape[`${name}${type}`] = z.optional(schema);
  return shape as ChoiceShape<N, V>;
}

interface ChoiceRule {
  name: string;
  types: readonly string[];
  required?: boolean;
}

/** A check for an object schema: each choice has at most one variant, and required ones have one. */
export function choiceRules(...rules: ChoiceRule[]) {
  // Runs for every resource read: keys are built once, and nothing is allocated on the happy path.
  const compiled = rules.map((rule) => ({
    ...rule,
    keys: rule.types.map((t) => `${rule.name}${t}`),
  }));
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx<Record<string, unknown>>) => {
    for (const { name, keys, required } of compiled) {
      let present = 0;
      for (const key of keys) if (value[key] !== undefined) present++;
      if (present > 1) {
        const found = keys.filter((key) => value[key] !== undefined);
        ctx.addIssue({
          code: 'custom',
          path: [found[1]!],
          message: `only one of ${name}[x] may be present (found ${found.join(', ')})`,
        });
      } else if (required && present === 0) {
        ctx.addIssue({
          code: 'custom',
          path: [`${name}[x]`],
          message: `${name}[x] is required (one of ${keys.join(', ')})`,
        });
      }
    }
  };
}
