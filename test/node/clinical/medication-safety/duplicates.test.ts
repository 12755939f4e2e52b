import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkMedication } from '../../../../clinical/index.js';
import { rx, statement, summaries } from './builders.js';

// Duplicate therapy: the same ingredient twice, or two drugs of one class.

describe('duplicate therapy', () => {
  it('the same ingredient in two products is a warning naming the other product', () => {
    const cards = checkMedication({
      medication: rx('313988', 'Furosemide 40 MG Oral Tablet'),
      medications: [rx('1719286', '10 ML Furosemide 10 MG/ML Injection')],
    });
    assert.deepEqual(summaries(cards), [
      'warning: Furosemide twice: also in 10 ML Furosemide 10 MG/ML Injection',
    ]);
    assert.equal(cards[0]!.source.topic?.code, 'duplicate-ingredient');
    assert.deepEqual(
      cards[0]!.overrideReasons?.map((r) => r.code),
      ['duplicate-intended', 'stopping-other'],
    );
  });

  it('acetaminophen in a combination product and alone', () => {
    const cards = checkMedication({
      medication: rx('313782', 'Acetaminophen 325 MG Oral Tablet'),
      medications: [
        rx('1049221', 'Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet'),
      ],
    });
    assert.deepEqual(summaries(cards), [
      'warning: Acetaminophen twice: also in Acetaminophen 325 MG / oxyCODONE Hydrochloride 5 MG Oral Tablet',
    ]);
  });

  it('two drugs of one class: ibuprofen and naproxen, two NSAIDs', () => {
    const cards = checkMedication({
      medication: rx('310965', 'Ibuprofen 200 MG Oral Tablet'),
      medications: [rx('849574', 'Naproxen sodium 220 MG Oral Tablet')],
    });
    assert.deepEqual(summaries(cards), ['warning: Ibuprofen and naproxen: two NSAIDs at once']);
    assert.equal(cards[0]!.source.topic?.code, 'duplicate-class');
    assert.match(
      cards[0]!.detail!,
      /Active medication: \*\*Naproxen sodium 220 MG Oral Tablet\*\*/,
    );
  });

  it('two opioids, from a home medication statement', () => {
    const cards = checkMedication({
      medication: rx('1732136', '1 ML Morphine Sulfate 5 MG/ML Injection'),
      medications: [statement('1049683', 'oxyCODONE Hydrochloride 10 MG Oral Tablet')],
    });
    assert.deepEqual(summaries(cards), ['warning: Morphine and oxycodone: two opioids at once']);
  });

  it('the medication being edited is not its own duplicate; a stopped one is no duplicate', () => {
    const medication = rx('313988', 'Furosemide 40 MG Oral Tablet');
    const stopped = rx('1719286', '10 ML Furosemide 10 MG/ML Injection', { status: 'stopped' });
    const saved = { ...medication, status: 'active' as const };
    assert.deepEqual(checkMedication({ medication, medications: [saved, stopped] }), []);
  });

  it('drugs of different classes are no duplicate', () => {
    const cards = checkMedication({
      medication: rx('310965', 'Ibuprofen 200 MG Oral Tablet'),
      medications: [rx('1732136', '1 ML Morphine Sulfate 5 MG/ML Injection')],
    });
    assert.deepEqual(cards, []);
  });
});
