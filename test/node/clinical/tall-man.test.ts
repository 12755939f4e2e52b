import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lookAlikes, TALL_MAN_SETS, tallMan, tallManName } from '../../../clinical/index.js';

describe('tall man lettering', () => {
  it('letters the classic look-alike pairs', () => {
    const pairs: Array<[string, string]> = [
      ['hydroxyzine', 'hydrOXYzine'],
      ['hydralazine', 'hydrALAZINE'],
      ['prednisone', 'predniSONE'],
      ['prednisolone', 'prednisoLONE'],
      ['glyburide', 'glyBURIDE'],
      ['glipizide', 'glipiZIDE'],
      ['nifedipine', 'NIFEdipine'],
      ['nicardipine', 'niCARdipine'],
      ['nimodipine', 'niMODipine'],
      ['vinblastine', 'vinBLAStine'],
      ['vincristine', 'vinCRIStine'],
      ['dobutamine', 'DOBUTamine'],
      ['dopamine', 'DOPamine'],
      ['cisplatin', 'CISplatin'],
      ['carboplatin', 'CARBOplatin'],
      ['bupropion', 'buPROPion'],
      ['buspirone', 'busPIRone'],
      ['oxycodone', 'oxyCODONE'],
      ['oxycontin', 'OxyCONTIN'],
      ['hydrocodone', 'HYDROcodone'],
      ['hydromorphone', 'HYDROmorphone'],
      ['clonazepam', 'clonazePAM'],
      ['clonidine', 'cloNIDine'],
      ['humalog', 'HumaLOG'],
      ['humulin', 'HumuLIN'],
    ];
    for (const [plain, lettered] of pairs) assert.equal(tallMan(plain), lettered, plain);
  });

  it('matches whatever the case and keeps the rest of the text as it was', () => {
    assert.equal(tallMan('Hydroxyzine 25 mg orally'), 'hydrOXYzine 25 mg orally');
    assert.equal(tallMan('HYDRALAZINE 10 MG'), 'hydrALAZINE 10 MG');
    assert.equal(
      tallMan('Give prednisone 40 mg, then Prednisolone 5 mg.'),
      'Give predniSONE 40 mg, then prednisoLONE 5 mg.',
    );
  });

  it('whole words only: a listed name inside a longer word is left alone', () => {
    assert.equal(
      tallMan('methylprednisolone'),
      'methylPREDNISolone',
      'its own entry, not prednisoLONE inside it',
    );
    assert.equal(tallMan('hydroxyzines'), 'hydroxyzines');
    assert.equal(tallMan('nifedipinex 10 mg'), 'nifedipinex 10 mg');
  });

  it('hyphens, slashes and brackets are boundaries', () => {
    assert.equal(tallMan('Solu-Medrol 40 mg'), 'SOLU-MEDROL 40 mg');
    assert.equal(tallMan('oxycodone/naloxone'), 'oxyCODONE/naloxone');
    assert.equal(
      tallMan('co-codamol (codeine) and tramadol-paracetamol'),
      'co-codamol (codeine) and traMADol-paracetamol',
    );
  });

  it('names with no tall letters of their own keep their case; unlisted names are untouched', () => {
    assert.equal(tallMan('Morphine 10 mg'), 'Morphine 10 mg');
    assert.equal(tallMan('Paracetamol 1 g'), 'Paracetamol 1 g');
  });

  it('letters text as one pattern of every name, longest first, would (random texts)', () => {
    // The reference: every lettered name in one case-insensitive pattern,
    // bounded by any non-letter, non-digit, longer names tried first.
    const lettering = new Map(
      TALL_MAN_SETS.flatMap((set) => set.names)
        .filter((name) => name !== name.toLowerCase())
        .map((name) => [name.toLowerCase(), name]),
    );
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${[...lettering.keys()]
        .sort((a, b) => b.length - a.length)
        .map(escape)
        .join('|')})(?![\\p{L}\\p{N}])`,
      'giu',
    );
    const reference = (text: string) =>
      text.replace(pattern, (match) => lettering.get(match.toLowerCase()) ?? match);

    const names = TALL_MAN_SETS.flatMap((set) => set.names);
    const pieces = [
      ...names,
      ...names.map((name) => name.slice(0, 4)),
      ...names.map((name) => name.slice(3)),
      'solu',
      'medrol',
      'x',
      '10',
      'mg',
      'é',
      'ß',
      'Ω',
    ];
    const separators = [' ', '-', '--', '/', '(', ')', ', ', '', '1', 'é', '\n'];
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    const recase = (word: string) =>
      [...word].map((c) => (random(2) ? c.toUpperCase() : c.toLowerCase())).join('');
    for (let i = 0; i < 5_000; i++) {
      let text = '';
      for (let k = 1 + random(6); k > 0; k--)
        text += recase(pieces[random(pieces.length)]!) + separators[random(separators.length)]!;
      assert.equal(tallMan(text), reference(text), JSON.stringify(text));
    }
  });

  it('is idempotent', () => {
    const once = tallMan('hydroxyzine and hydralazine');
    assert.equal(tallMan(once), once);
  });

  it('looks up one name and its look-alikes', () => {
    assert.equal(tallManName(' Glyburide '), 'glyBURIDE');
    assert.equal(tallManName('paracetamol'), undefined);
    assert.deepEqual(lookAlikes('hydroxyzine'), ['hydrALAZINE']);
    assert.deepEqual(lookAlikes('clonazepam').sort(), [
      'ALPRAZolam',
      'KlonoPIN',
      'LORazepam',
      'cloNIDine',
    ]);
    assert.deepEqual(lookAlikes('paracetamol'), []);
  });
});

describe('tall man data', () => {
  it('holds the FDA list and several dozen ISMP sets', () => {
    const fda = TALL_MAN_SETS.filter((s) => s.source === 'FDA');
    assert.equal(
      fda.flatMap((s) => s.names).length,
      35,
      "FDA's 33 names of 2008 plus CISplatin and CARBOplatin",
    );
    assert.ok(TALL_MAN_SETS.length >= 60);
  });

  it('every set has two or more names, each letters only (or a hyphen), no blanks', () => {
    for (const set of TALL_MAN_SETS) {
      assert.ok(set.names.length >= 2, set.names.join());
      for (const name of set.names) assert.match(name, /^[A-Za-z]+(-[A-Za-z]+)?$/, name);
      for (const brand of set.brands ?? []) assert.ok(set.names.includes(brand), brand);
    }
  });

  it('a name is lettered the same way in every set it is in', () => {
    const seen = new Map<string, string>();
    for (const name of TALL_MAN_SETS.flatMap((s) => s.names)) {
      const key = name.toLowerCase();
      assert.equal(seen.get(key) ?? name, name, `${key} lettered two ways`);
      seen.set(key, name);
    }
  });

  it('within a set, the names differ once lower-cased (no duplicate entries)', () => {
    for (const set of TALL_MAN_SETS) {
      const lower = set.names.map((n) => n.toLowerCase());
      assert.equal(new Set(lower).size, lower.length, set.names.join());
    }
  });
});
