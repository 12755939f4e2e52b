import { expect, fixture, html } from '../support/testing.js';

// Every browser test file imports its helpers from test/support/testing.ts,
// which loads readable-dom-failures.ts: without it, this failure could not
// be reported (the run would hang until its timeout).

describe('a failed assertion on a DOM node', () => {
  it('carries the node’s markup, which the runner can send, instead of the node', async () => {
    const el = await fixture(html`<p><span class="flag">High</span></p>`);
    let failure: { message?: string; actual?: unknown; expected?: unknown } = {};
    try {
      expect(el.querySelector('.flag')).to.equal(null);
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.message).to.equal('expected <span class="flag">High</span> to equal null');
    expect(failure.actual).to.equal('<span class="flag">High</span>');
    expect(failure.expected).to.equal(null);
    expect(() => structuredClone(failure.actual)).to.not.throw();
  });

  it('does the same for each node of a list', async () => {
    const el = await fixture(
      html`<ul>
        <li>a</li>
        <li>b</li>
      </ul>`,
    );
    let failure: { actual?: unknown } = {};
    try {
      expect([...el.querySelectorAll('li')]).to.deep.equal([]);
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.actual).to.deep.equal(['<li>a</li>', '<li>b</li>']);
    expect(() => structuredClone(failure.actual)).to.not.throw();
  });
});
