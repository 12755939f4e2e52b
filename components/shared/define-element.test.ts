import { expect } from '@open-wc/testing';
import { defineElement } from './define-element.js';
import { EmrAllergyBanner } from '../allergy-banner/allergy-banner.js';
import '../allergy-banner/emr-allergy-banner.js';

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

  it('keeps the first definition when another copy of the kit defines the tag again, and says so instead of throwing', () => {
    class AnotherCopy extends HTMLElement {}
    const warnings = warningsOf(() => defineElement('emr-allergy-banner', AnotherCopy));
    expect(customElements.get('emr-allergy-banner')).to.equal(EmrAllergyBanner);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<emr-allergy-banner> is already defined by another copy of the kit');
  });

  it('says nothing when the same element is defined again (the same module loaded twice)', () => {
    expect(warningsOf(() => defineElement('emr-allergy-banner', EmrAllergyBanner))).to.deep.equal([]);
  });
});
