import { OperationOutcomeError, validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

/**
 * Every create, update and patch is checked against the R4 structure
 * definitions (the engine stores whatever it is given); not inside
 * `withSeeding`, where the loader vouches for its bundles. A refusal is
 * 422 Unprocessable Entity: the engine maps the outcome id `business-rule`
 * to 422, in batch responses as well.
 */
export function validateWrite(resource: Resource): void {
  try {
    validateResource(resource);
  } catch (err) {
    const issue =
      err instanceof OperationOutcomeError
        ? err.outcome.issue
        : [
            {
              severity: 'error' as const,
              code: 'invalid' as const,
              details: { text: String(err) },
            },
          ];
    throw new OperationOutcomeError({
      resourceType: 'OperationOutcome',
      id: 'business-rule',
      issue,
    });
  }
}
