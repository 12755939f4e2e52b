// package.json's `sideEffects` lets a host's bundler drop the kit's modules a
// page does not use. Its cost is that a module it leaves out is dropped when
// nothing is imported from it: a file that registers an element must stay in
// the list, or the element silently never appears. Vite decides with the
// same filter as this test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createFilter } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  sideEffects: string[];
};
// As Vite reads the field: a pattern without a slash matches at any depth.
const patterns = manifest.sideEffects.map((pattern) =>
  pattern.includes('/') ? pattern : `**/${pattern}`,
);
const hasSideEffects = createFilter(patterns, null, { resolve: root });

const SHIPPED = ['components', 'model', 'clinical', 'storage', 'sync', 'ehr'];
/** Statements that change the page the moment a module is evaluated. */
const TOP_LEVEL_EFFECT =
  /^(customElements\.define|defineElement\(|globalThis\.\w+\s*=|window\.\w+\s*=|document\.)/m;

function sources(): string[] {
  const files = SHIPPED.flatMap((dir) =>
    readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter(
        (name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts'),
      )
      .map((name) => path.join(root, dir, name)),
  );
  return [...files, path.join(root, 'emr-kit.ts')];
}

test('every shipped module that changes the page when imported is declared to have side effects', () => {
  const effectful = sources().filter((file) => TOP_LEVEL_EFFECT.test(readFileSync(file, 'utf8')));
  assert.ok(
    effectful.some((file) => file.endsWith('emr-allergy-banner.ts')),
    'the element registrations were not found',
  );
  const undeclared = effectful
    .filter((file) => !hasSideEffects(file))
    .map((file) => path.relative(root, file));
  assert.deepEqual(
    undeclared,
    [],
    'add these to "sideEffects" in package.json, or a bundler may drop them',
  );
});

test('their compiled files in dist/ are declared too, and the root entry of the script-tag build', () => {
  for (const compiled of [
    'dist/components/allergy-banner/emr-allergy-banner.js',
    'dist/emr-kit.js',
    'dist/browser/emr-kit.js',
  ]) {
    assert.ok(hasSideEffects(path.join(root, compiled)), compiled);
  }
});

test('modules of rules, storage and element classes are side-effect free, so a bundler may drop them', () => {
  for (const pure of [
    'clinical/news2.ts',
    'storage/index.ts',
    'model/fhir/resources.ts',
    'components/allergy-banner/allergy-banner.ts',
    'dist/storage/index.js',
  ]) {
    assert.equal(hasSideEffects(path.join(root, pure)), false, pure);
  }
});
