import * as z from 'zod/mini';
import { cdsHooksMessages as messages } from './cds-hooks.messages.js';
import { CdsServiceError } from './cds-service-error.js';
import { cdsRequest, type CdsTransport } from './cds-request.js';
import { describeIssue } from './schema-issues.js';

// Discovery: GET {base}/cds-services (https://cds-hooks.hl7.org/2.0/#discovery).

export const CdsServiceDefinition = z.looseObject({
  hook: z.string(),
  title: z.optional(z.string()),
  description: z.string(),
  id: z.string().check(z.minLength(1)),
  prefetch: z.optional(z.record(z.string(), z.string())),
});
export type CdsServiceDefinition = z.infer<typeof CdsServiceDefinition>;

const DiscoveryAnswer = z.looseObject({ services: z.array(z.unknown()) });

export interface Discovered {
  services: CdsServiceDefinition[];
  /** Services listed that cannot be read, each named with the field at fault: they are not called. */
  problems: string[];
}

/** The services at `base`; throws a CdsServiceError when the discovery answer as a whole cannot be used. */
export async function discoverCdsServices(
  base: string,
  transport: CdsTransport,
  signal?: AbortSignal,
): Promise<Discovered> {
  const url = `${trimBase(base)}/cds-services`;
  const who = messages.servicesAt(trimBase(base));
  const body = await cdsRequest(transport, { url, who, signal });
  const answer = DiscoveryAnswer.safeParse(body);
  if (!answer.success)
    throw new CdsServiceError(
      'invalid-response',
      messages.invalid(who, describeIssue(answer.error.issues[0] ?? { code: '', path: [] }, body)),
      { url },
    );
  const services: CdsServiceDefinition[] = [];
  const problems: string[] = [];
  answer.data.services.forEach((entry, index) => {
    const service = CdsServiceDefinition.safeParse(entry);
    if (service.success) services.push(service.data);
    else {
      const id = (entry as { id?: unknown } | null)?.id;
      problems.push(
        messages.serviceUnreadable(
          trimBase(base),
          typeof id === 'string' && id ? `“${id}”` : `services[${index}]`,
          describeIssue(service.error.issues[0] ?? { code: '', path: [] }, entry),
        ),
      );
    }
  });
  return { services, problems };
}

export function trimBase(base: string): string {
  return base.replace(/\/+$/, '');
}

export function serviceEndpoint(base: string, id: string): string {
  return `${trimBase(base)}/cds-services/${encodeURIComponent(id)}`;
}
