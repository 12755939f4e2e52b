// Fixture bundles as browser tests see them: the test server serves the
// fixtures folder under /@fixtures/<set>/, and a set's URL lists its files.

async function get(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response;
}

export async function syntheaFileNames(): Promise<string[]> {
  return (await get('/@fixtures/synthea/')).json() as Promise<string[]>;
}

/** The text of the Synthea bundle whose file name starts with `prefix`. */
export async function syntheaText(prefix: string): Promise<string> {
  const name = (await syntheaFileNames()).find((file) => file.startsWith(prefix));
  if (!name) throw new Error(`no Synthea fixture starting with ${prefix}`);
  return (await get(`/@fixtures/synthea/${encodeURIComponent(name)}`)).text();
}
