import { expect, fixture, html } from '../../test/support/testing.js';
import './emr-vitals-trend.js';
import { EmrVitalsTrend } from './vitals-trend.js';

describe('emr-vitals-trend', () => {
  it('is defined and draws one polyline per run of values, labelled for people who cannot see it', async () => {
    const el = await fixture<EmrVitalsTrend>(
      html`<emr-vitals-trend
        .series=${[[70, 80, undefined, 90, 95]]}
        label="Heart rate trend"
      ></emr-vitals-trend>`,
    );
    expect(customElements.get('emr-vitals-trend')).to.equal(EmrVitalsTrend);
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(svg.getAttribute('aria-label')).to.equal('Heart rate trend');
    const lines = [...svg.querySelectorAll('polyline')].map(
      (p) => p.getAttribute('points')!.split(' ').length,
    );
    expect(lines).to.deep.equal([2, 2]);
    await expect(el).to.be.accessible();
  });

  it('puts higher values higher, and draws a lone value as a dot', async () => {
    const el = await fixture<EmrVitalsTrend>(
      html`<emr-vitals-trend
        .series=${[
          [60, 120],
          [40, undefined],
        ]}
        label="t"
      ></emr-vitals-trend>`,
    );
    const [rising, dot] = [...el.shadowRoot!.querySelectorAll('polyline')].map((p) =>
      p
        .getAttribute('points')!
        .split(' ')
        .map((xy) => Number(xy.split(',')[1])),
    );
    expect(rising![1]).to.be.below(rising![0]!);
    expect(dot).to.have.length(2);
    expect(dot![0]).to.equal(dot![1]);
  });

  it('draws nothing with fewer than two values', async () => {
    const el = await fixture<EmrVitalsTrend>(
      html`<emr-vitals-trend .series=${[[72]]} label="t"></emr-vitals-trend>`,
    );
    expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
  });

  it('takes its colour from a theming token', async () => {
    const wrapper = await fixture(
      html`<div style="--emr-vitals-trend-color: rgb(1, 2, 3)">
        <emr-vitals-trend .series=${[[1, 2]]} label="t"></emr-vitals-trend>
      </div>`,
    );
    const el = wrapper.querySelector('emr-vitals-trend')!;
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('polyline')!).stroke).to.equal(
      'rgb(1, 2, 3)',
    );
  });
});
