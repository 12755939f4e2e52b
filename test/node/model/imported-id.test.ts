import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import {
  canonicalJson,
  hasImportedId,
  importedRevisionId,
  newImportedRevisionIds,
  resourceKey,
  type FhirResource,
} from '../../../model/index.js';
import { penicillinAllergy } from '../../support/resources.js';

// The import id is computed by the store and verified by the sync server:
// the id of a revision must follow from its record, parents and content
// alone, checked here against Node's own SHA-256.

test('an import id is 128 bits of SHA-256 over key, sorted parents and canonical content', () => {
  const resource = penicillinAllergy('pat-1', 'alg-1') as FhirResource;
  const reordered = Object.fromEntries(Object.entries(resource).reverse()) as FhirResource;
  const text = `${resourceKey(resource)}\nimport-b rev-a\n${JSON.stringify(sortKeys(resource))}`;
  const expected = `import-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  assert.equal(importedRevisionId(resource, ['rev-a', 'import-b']), expected);
  assert.equal(
    importedRevisionId(reordered, ['import-b', 'rev-a']),
    expected,
    'field and parent order do not count',
  );
  const revision = {
    revisionId: expected,
    key: resourceKey(resource),
    parents: ['rev-a', 'import-b'],
    resource,
  };
  assert.ok(hasImportedId(revision));
  assert.ok(!hasImportedId({ ...revision, parents: ['rev-a'] }), 'other parents');
  assert.ok(
    !hasImportedId({
      ...revision,
      resource: { ...resource, id: 'alg-1', meta: { versionId: '2' } } as FhirResource,
    }),
    'other content',
  );
  assert.ok(!hasImportedId({ ...revision, revisionId: 'rev-1' }), 'no import prefix');
});

function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
  );
}

test('import ids hashed by WebCrypto, many at once, are the ids importedRevisionId derives', async () => {
  const made = () =>
    Array.from({ length: 40 }, (_, i) => ({
      ...(penicillinAllergy(`pat-${i % 3}`, `alg-${i}`) as FhirResource),
      note: [{ text: `é ${'x'.repeat(i * 37)}` }],
    })) as FhirResource[];
  const resources = made();
  const ids = await newImportedRevisionIds(resources, resources.map(canonicalJson));
  // Fresh objects, so that nothing remembered answers: hashed by @noble/hashes.
  assert.deepEqual(
    ids,
    made().map((resource) => importedRevisionId(resource, [])),
  );
  assert.equal(new Set(ids).size, resources.length);
  // Remembered: the import that follows finds them named.
  assert.deepEqual(
    resources.map((resource) => importedRevisionId(resource, [])),
    ids,
  );
});
