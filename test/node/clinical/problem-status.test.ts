import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COMMON_PROBLEMS,
  encounterDiagnosisOnly,
  isCoded,
  problemName,
  problemPlace,
  searchProblems,
} from '../../../clinical/index.js';
import {
  CONDITION_CLINICAL,
  CONDITION_VERIFICATION,
  SNOMED,
  type Condition,
} from '../../../model/index.js';

const CATEGORY = 'http://terminology.hl7.org/CodeSystem/condition-category';

function condition(clinical?: string, verification?: string, fields: Partial<Condition> = {}) {
  return {
    resourceType: 'Condition',
    id: 'c1',
    subject: { reference: 'Patient/p1' },
    ...(clinical
      ? { clinicalStatus: { coding: [{ system: CONDITION_CLINICAL, code: clinical }] } }
      : {}),
    ...(verification
      ? { verificationStatus: { coding: [{ system: CONDITION_VERIFICATION, code: verification }] } }
      : {}),
    ...fields,
  } as Condition;
}

describe('problem status', () => {
  it('places active, recurrence, relapse and no status in active; inactive, remission, resolved in past', () => {
    for (const code of ['active', 'recurrence', 'relapse', undefined])
      assert.equal(problemPlace(condition(code, 'confirmed')), 'active', String(code));
    for (const code of ['inactive', 'remission', 'resolved'])
      assert.equal(problemPlace(condition(code, 'confirmed')), 'past', code);
  });

  it('hides refuted and entered in error, whatever the clinical status; keeps provisional and differential', () => {
    assert.equal(problemPlace(condition('active', 'refuted')), 'hidden');
    assert.equal(problemPlace(condition(undefined, 'entered-in-error')), 'hidden');
    assert.equal(problemPlace(condition('active', 'provisional')), 'active');
    assert.equal(problemPlace(condition('resolved', 'differential')), 'past');
  });

  it('reads a status only in its own code system', () => {
    const wrongSystem = {
      ...condition(),
      clinicalStatus: { coding: [{ system: 'http://example.org', code: 'resolved' }] },
    } as Condition;
    assert.equal(problemPlace(wrongSystem), 'active');
  });

  it('calls a condition an encounter diagnosis only when it is one and not a problem-list item', () => {
    const category = (...codes: string[]) =>
      condition('active', 'confirmed', {
        category: [{ coding: codes.map((code) => ({ system: CATEGORY, code })) }],
      });
    assert.equal(encounterDiagnosisOnly(category('encounter-diagnosis')), true);
    assert.equal(
      encounterDiagnosisOnly(category('encounter-diagnosis', 'problem-list-item')),
      false,
    );
    assert.equal(encounterDiagnosisOnly(category('problem-list-item')), false);
    assert.equal(encounterDiagnosisOnly(condition('active')), false);
  });

  it('tells coded from free text', () => {
    assert.equal(
      isCoded(condition('active', 'confirmed', { code: { text: 'Long covid' } })),
      false,
    );
    assert.equal(
      isCoded(
        condition('active', 'confirmed', {
          code: { coding: [{ system: SNOMED, code: '38341003' }] },
        }),
      ),
      true,
    );
  });
});

describe('the common problems subset', () => {
  it('holds SNOMED CT codes, each once, with a display', () => {
    const codes = COMMON_PROBLEMS.map((p) => p.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const problem of COMMON_PROBLEMS) {
      assert.equal(problem.system, SNOMED);
      assert.match(problem.code, /^\d{6,18}$/);
      assert.ok(problem.display.trim());
    }
  });

  it('finds problems by the starts of their words, or by code, names first', () => {
    assert.deepEqual(
      searchProblems('hyperten').map((p) => p.code),
      ['38341003'],
    );
    assert.deepEqual(
      searchProblems('diab ret')
        .map((p) => p.code)
        .sort(),
      ['1551000119108', '422034002'],
    );
    assert.equal(searchProblems('asthma')[0]!.display, 'Asthma');
    assert.deepEqual(
      searchProblems('195967001').map((p) => p.display),
      ['Asthma'],
    );
    assert.deepEqual(searchProblems('situation'), [], 'semantic tags are not searched');
    assert.deepEqual(searchProblems('   '), []);
  });

  it('drops the semantic tag from a name', () => {
    assert.equal(problemName('Acute bronchitis (disorder)'), 'Acute bronchitis');
    assert.equal(problemName('Hypertension'), 'Hypertension');
  });
});
