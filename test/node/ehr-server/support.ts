import type { Bundle, Resource } from '@medplum/fhirtypes';

// Small helpers for talking to the demo EHR in tests.

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export async function fhir<T = Resource>(
  url: string,
  init: RequestInit & { json?: unknown } = {},
): Promise<Answer<T>> {
  const { json, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (json !== undefined) headers.set('Content-Type', 'application/fhir+json');
  const res = await fetch(url, {
    ...rest,
    headers,
    ...(json !== undefined ? { body: JSON.stringify(json) } : {}),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

/** Follows `next` links from `url` to the end; returns every page. */
export async function allPages(url: string, init: RequestInit = {}): Promise<Bundle[]> {
  const pages: Bundle[] = [];
  let next: string | undefined = url;
  while (next) {
    const answer: Answer<Bundle> = await fhir<Bundle>(next, init);
    if (answer.status !== 200)
      throw new Error(`${next}: ${answer.status} ${JSON.stringify(answer.body)}`);
    pages.push(answer.body);
    next = answer.body.link?.find((l) => l.relation === 'next')?.url;
  }
  return pages;
}

export const ids = (pages: Bundle[]): string[] =>
  pages.flatMap((p) =>
    (p.entry ?? [])
      .filter((e) => e.search?.mode === 'match')
      .map((e) => `${e.resource?.resourceType}/${e.resource?.id}`),
  );
