// Fixture files as a browser suite sees them: the runner's dev server serves
// the fixtures folder under FIXTURES_URL, and a folder's URL answers with a
// JSON array of the .json files in it.

export const FIXTURES_URL = '/@fixtures';

async function get(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${res.statusText}`);
  return res;
}

/** Names of the .json files in a fixture set, e.g. `synthea`. */
export async function listFixtures(set: string): Promise<string[]> {
  return (await get(`${FIXTURES_URL}/${set}/`)).json() as Promise<string[]>;
}

export async function fixtureText(set: string, file: string): Promise<string> {
  return (await get(`${FIXTURES_URL}/${set}/${encodeURIComponent(file)}`)).text();
}

/** Every file of a set, read once, keyed by file name. */
export async function loadFixtureSet(set: string): Promise<Map<string, string>> {
  const files = await listFixtures(set);
  if (files.length === 0) throw new Error(`fixture set "${set}" is empty`);
  const texts = await Promise.all(files.map((f) => fixtureText(set, f)));
  return new Map(files.map((f, i) => [f, texts[i]!]));
}
