import type * as z from 'zod/mini';
import type { CodeableConcept } from './datatypes.js';

/**
 * A CodeableConcept bound to a required value set (e.g. an allergy's
 * clinicalStatus): a coding in that system must use one of its codes.
 */
export function requiredCoding(field: string, system: string, codes: readonly string[]) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx<Record<string, unknown>>) => {
    const concept = value[field] as CodeableConcept | undefined;
    concept?.coding?.forEach((coding, index) => {
      if (coding.system === system && (coding.code === undefined || !codes.includes(coding.code))) {
        ctx.addIssue({
          code: 'custom',
          path: [field, 'coding', index, 'code'],
          message: `must be one of: ${codes.join(', ')} (${system})`,
        });
      }
    });
  };
}

/** The code of the first coding in `system`, if any. */
export function codeIn(concept: CodeableConcept | undefined, system: string): string | undefined {
  return concept?.coding?.find((c) => c.system === system)?.code;
}
