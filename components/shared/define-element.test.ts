import { expect } from '../../test/support/testing.js';
import { defineElement } from './define-element.js';
import { EmrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import '../allergy-banner/emr-allergy-banner.js';
import { EmrMedicationList } from '../medication-list/medication-list.js';
import '../medication-list/emr-medication-list.js';

// A portal whose parts each bundle the kit defines every element twice: the
// second definition must neither throw nor replace the first.

/** What `work` writes to console.warn (the browser's console, not ours to test). */
function warningsOf(work: () => void): string[] {
  const warnings: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
  try {
    work();
  } finally {
    console.warn = warn;
  }
  return warnings;
}

describe('defineElement', () => {
  it('defines a tag not yet defined', () => {
    class Probe extends HTMLElement {}
    const name = `emr-define-probe-${crypto.randomUUID().slice(0, 8)}`;
    expect(warningsOf(() => defineElement(name, Probe))).to.deep.equal([]);
    expect(customElements.get(name)).to.equal(Probe);
  });

  it('keeps the first definitions when another copy of the kit defines its tags again, and says so once instead of throwing', () => {
    class AnotherBanner extends HTMLElement {}
    class AnotherList extends HTMLElement {}
    const warnings = warningsOf(() => {
      defineElement('emr-allergy-banner', AnotherBanner);
      defineElement('emr-medication-list', AnotherList);
    });
    expect(customElements.get('emr-allergy-banner')).to.equal(EmrAllergyBanner);
    expect(customElements.get('emr-medication-list')).to.equal(EmrMedicationList);
    expect(warnings).to.deep.equal([
      "emr-kit: another copy of the kit already defined <emr-allergy-banner> and its other elements; this page keeps using that copy's. Load the kit once, so that every part of the page runs the same version.",
    ]);
  });

  it('says nothing when the same element is defined again (the same module loaded twice)', () => {
    expect(warningsOf(() => defineElement('emr-allergy-banner', EmrAllergyBanner))).to.deep.equal(
      [],
    );
  });
});
