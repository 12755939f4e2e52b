import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { COMPILE_SCHEMAS_FROM, readBundle } from '../../../model/bundle-reader.js';
import { compiledSchemaOf, compiledTypes } from '../../../model/bundle/compiled-schemas.js';
import { heartRate, patient } from '../../support/resources.js';

// zod's compiled schemas cost more to compile than they save on a small
// bundle: a bundle uses them only from a number of resources of one type on.
// (The tests run in order: nothing is compiled before the first.)

function bundle(observations: number) {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: [
      { resource: patient('pat-1') },
      ...Array.from({ length: observations }, (_, i) => ({
        resource: heartRate('pat-1', `hr-${i}`, 60 + i),
      })),
    ],
  };
}

describe('compiled schemas in the bulk reader', () => {
  it('a bundle below the threshold is checked by the plain schemas: nothing is compiled', () => {
    assert.ok(
      COMPILE_SCHEMAS_FROM > 1000,
      'a chart of a few hundred resources is never compiled for',
    );
    const result = readBundle(bundle(20), { compiledSchemaOf });
    assert.equal(result.ok, true);
    assert.equal(result.resources.length, 21);
    assert.deepEqual(compiledTypes(), []);
  });

  it('without the compiler handed over, nothing is compiled whatever the count', () => {
    const result = readBundle(bundle(3), { compileSchemasFrom: 3 });
    assert.equal(result.ok, true);
    assert.deepEqual(compiledTypes(), []);
  });

  it('at the threshold, the types with that many resources are compiled, and the bundle reads the same', () => {
    const plain = readBundle(bundle(3), { compileSchemasFrom: Infinity });
    assert.deepEqual(compiledTypes(), []);
    const compiled = readBundle(bundle(3), { compileSchemasFrom: 3, compiledSchemaOf });
    assert.deepEqual(compiledTypes(), ['Observation']); // one patient: below it
    assert.deepEqual(compiled, plain);
  });

  it('the compiled schemas refuse what the plain ones refuse', () => {
    const bad = bundle(3);
    (bad.entry[2]!.resource as { status: string }).status = 'finished';
    const plain = readBundle(bad, { compileSchemasFrom: Infinity });
    const compiled = readBundle(bad, { compileSchemasFrom: 3, compiledSchemaOf });
    assert.equal(plain.ok, false);
    assert.deepEqual(compiled.errors, plain.errors);
  });
});
