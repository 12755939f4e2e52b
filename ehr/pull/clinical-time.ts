/** When an Observation (or any resource with effective[x]/issued) happened, as an ISO string; undefined when it says nothing. */
export function clinicalTime(resource: Record<string, unknown>): string | undefined {
  const period = resource.effectivePeriod as { start?: unknown } | undefined;
  for (const value of [
    resource.effectiveDateTime,
    resource.effectiveInstant,
    period?.start,
    resource.issued,
  ]) {
    if (typeof value === 'string') return value;
  }
  return undefined;
}
