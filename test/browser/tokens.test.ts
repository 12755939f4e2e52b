import { fixture, html, expect } from '../support/testing.js';
import { css } from 'lit';
import { property } from 'lit/decorators.js';
import Dexie from 'dexie';
import { EmrElement } from '../../components/shared/emr-element.js';
import { globalTokens, token } from '../../components/shared/tokens.js';
import '../../components/vitals-form/emr-vitals-form.js';

/** The smallest element on the shared base: one line in each of two tokens. */
class TokenProbe extends EmrElement {
  static override styles = [
    EmrElement.styles,
    css`
      .primary {
        color: ${token('--emr-color-primary')};
      }
      .severity {
        color: ${token('--emr-color-severity-high')};
      }
    `,
  ];

  // A decorated property: proves the TypeScript decorators compile.
  @property() label = 'Probe';

  override render() {
    return html`<p class="primary">${this.label}</p>
      <p class="severity">High severity</p>`;
  }
}
customElements.define('emr-token-probe', TokenProbe);

const colourOf = (probe: Element, selector: string) =>
  getComputedStyle(probe.shadowRoot!.querySelector(selector)!).color;

/** `#rrggbb` as the `rgb(r, g, b)` a computed style reports. */
const rgb = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
};

describe('EmrElement and the design tokens', () => {
  it('is a block and is hidden by the hidden attribute', async () => {
    const el = await fixture<TokenProbe>(html`<emr-token-probe></emr-token-probe>`);
    expect(getComputedStyle(el).display).to.equal('block');
    el.hidden = true;
    expect(getComputedStyle(el).display).to.equal('none');
  });

  it('renders a decorated property', async () => {
    const el = await fixture<TokenProbe>(
      html`<emr-token-probe label="Allergies"></emr-token-probe>`,
    );
    expect(el.shadowRoot!.querySelector('.primary')!.textContent).to.equal('Allergies');
    el.label = 'Medications';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.primary')!.textContent).to.equal('Medications');
  });

  it('uses the token defaults when the page sets nothing', async () => {
    const el = await fixture<TokenProbe>(html`<emr-token-probe></emr-token-probe>`);
    expect(colourOf(el, '.primary')).to.equal(rgb(globalTokens['--emr-color-primary']));
    // A clinical-meaning token falls back to its global token.
    expect(colourOf(el, '.severity')).to.equal(rgb(globalTokens['--emr-color-danger']));
  });

  it('lets the host page override a token from any ancestor', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="--emr-color-primary: rgb(1, 2, 3); --emr-color-danger: rgb(4, 5, 6)">
        <emr-token-probe></emr-token-probe>
      </div>
    `);
    const el = wrapper.querySelector('emr-token-probe')!;
    expect(colourOf(el, '.primary')).to.equal('rgb(1, 2, 3)');
    expect(colourOf(el, '.severity')).to.equal('rgb(4, 5, 6)');

    // A clinical-meaning token can be restyled on its own.
    wrapper.style.setProperty('--emr-color-severity-high', 'rgb(7, 8, 9)');
    expect(colourOf(el, '.severity')).to.equal('rgb(7, 8, 9)');
    expect(colourOf(el, '.primary')).to.equal('rgb(1, 2, 3)');
  });

  it("takes the host page's font, unless a token sets the kit's own", async () => {
    const wrapper = await fixture<HTMLDivElement>(html`
      <div style="font-family: Georgia, serif; font-size: 13px; line-height: 1.25">
        <emr-token-probe></emr-token-probe>
        <emr-vitals-form></emr-vitals-form>
      </div>
    `);
    const text = wrapper.querySelector('emr-token-probe')!.shadowRoot!.querySelector('.primary')!;
    // A kit control (a field, a button) takes it too.
    const form = wrapper.querySelector('emr-vitals-form')!.shadowRoot!;
    const shown = [text, form.querySelector('input')!, form.querySelector('button')!].map(
      (node) => {
        const style = getComputedStyle(node);
        return [style.fontFamily, style.fontSize];
      },
    );
    expect(shown).to.deep.equal([
      ['Georgia, serif', '13px'],
      ['Georgia, serif', '13px'],
      ['Georgia, serif', '13px'],
    ]);
    expect(getComputedStyle(text).lineHeight).to.equal('16.25px');

    wrapper.style.setProperty('--emr-font-family', 'Courier, monospace');
    wrapper.style.setProperty('--emr-font-size-md', '18px');
    wrapper.style.setProperty('--emr-line-height', '2');
    expect(getComputedStyle(text).fontFamily).to.equal('Courier, monospace');
    expect(getComputedStyle(text).fontSize).to.equal('18px');
    expect(getComputedStyle(text).lineHeight).to.equal('36px');
    expect(getComputedStyle(form.querySelector('button')!).fontFamily).to.equal(
      'Courier, monospace',
    );
  });

  it('is accessible', async () => {
    const el = await fixture<TokenProbe>(html`<emr-token-probe></emr-token-probe>`);
    await expect(el).to.be.accessible();
  });
});

describe('IndexedDB through Dexie in the test browser', () => {
  it('opens a database, writes and reads a row, and deletes it', async () => {
    const name = `emr-kit-test-${crypto.randomUUID()}`;
    const db = new Dexie(name);
    db.version(1).stores({ notes: 'id' });
    try {
      const notes = db.table('notes');
      await notes.put({ id: 'n1', text: 'Afebrile overnight.' });
      // Read inside a transaction, which settles only once IndexedDB has
      // finished it: a request still in flight would block the delete below.
      const row = await db.transaction('r', notes, () => notes.get('n1'));
      expect(row).to.deep.equal({ id: 'n1', text: 'Afebrile overnight.' });
    } finally {
      await db.delete();
    }
    expect(await Dexie.exists(name)).to.equal(false);
  });
});
