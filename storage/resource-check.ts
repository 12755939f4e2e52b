import { ChartStoreError, checkResource, type FhirResource } from '../model/index.js';

/** Refuses a resource that does not validate; `where` names it in a batch ("resource 2 of 7"). */
export function assertValid(resource: FhirResource, where?: string): void {
  const issues = checkResource(resource as unknown as Record<string, unknown>);
  if (issues.length > 0) {
    const id = resource.id ? `/${resource.id}` : '';
    const batch = where ? ` (${where}; nothing was recorded)` : '';
    throw new ChartStoreError(
      'invalid',
      `${resource.resourceType}${id}${batch} is not valid: ${issues[0]!.path}: ${issues[0]!.message}`,
      issues.map((issue) => ({ ...issue, resourceType: resource.resourceType, id: resource.id })),
    );
  }
}
