import { expect, fixture, html, oneEvent } from '../../test/support/testing.js';
import { sendKeys } from '@web/test-runner-commands';
import './emr-vitals-form.js';
import { EmrVitalsForm } from './vitals-form.js';
import type { EmrVitalsSubmitEvent } from './vitals-form.events.js';
import { readEntry } from './read-entry.js';

/** The next event of that name, with its type. */
const once = <K extends keyof GlobalEventHandlersEventMap>(target: EventTarget, name: K) =>
  oneEvent(target, name) as unknown as Promise<GlobalEventHandlersEventMap[K]>;

const input = (el: EmrVitalsForm, id: string) =>
  el.shadowRoot!.querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!;

async function type(el: EmrVitalsForm, values: Record<string, string>): Promise<void> {
  for (const [id, value] of Object.entries(values)) {
    const control = input(el, id);
    control.value = value;
    control.dispatchEvent(
      new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
    );
    await el.updateComplete;
  }
}

const submit = (el: EmrVitalsForm) =>
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();

describe('readEntry', () => {
  it('reads numbers in the signs’ units, a decimal comma included', () => {
    const result = readEntry({
      temperature: '37,5',
      'heart-rate': ' 72 ',
      oxygen: 'air',
      consciousness: 'A',
    });
    expect(result).to.deep.equal({
      ok: true,
      entry: {
        values: { temperature: 37.5, 'heart-rate': 72 },
        onOxygen: false,
        consciousness: 'A',
      },
    });
  });

  it('refuses implausible values with the clinical message', () => {
    const result = readEntry({ temperature: '98.6', 'heart-rate': 'fast' });
    expect(result.ok).to.equal(false);
    if (result.ok) return;
    expect(result.errors.temperature).to.match(/above 45.0 °C is not plausible/);
    expect(result.errors['heart-rate']).to.equal('Heart rate must be a number.');
  });

  it('asks for both pressures, the diastolic below the systolic, and a flow for oxygen', () => {
    expect(readEntry({ 'systolic-bp': '120' })).to.deep.equal({
      ok: false,
      errors: { 'diastolic-bp': 'Enter both the systolic and the diastolic pressure.' },
    });
    const swapped = readEntry({ 'systolic-bp': '80', 'diastolic-bp': '120' });
    expect(!swapped.ok && swapped.errors['diastolic-bp']).to.match(/lower than systolic/);
    const noFlow = readEntry({ oxygen: 'oxygen' });
    expect(!noFlow.ok && noFlow.errors['inhaled-oxygen-flow']).to.match(/oxygen flow/);
    expect(readEntry({})).to.deep.equal({
      ok: false,
      errors: { form: 'Enter at least one vital sign.' },
    });
  });
});

describe('emr-vitals-form', () => {
  it('is defined and accessible, every input labelled with its unit beside it', async () => {
    const el = await fixture<EmrVitalsForm>(html`<emr-vitals-form></emr-vitals-form>`);
    expect(customElements.get('emr-vitals-form')).to.equal(EmrVitalsForm);
    await expect(el).to.be.accessible();
    const temperature = input(el, 'temperature');
    expect(el.shadowRoot!.querySelector('label[for=temperature]')!.textContent).to.equal(
      'Temperature',
    );
    expect(
      el.shadowRoot!.getElementById(temperature.getAttribute('aria-describedby')!)!.textContent,
    ).to.equal('°C');
  });

  it('fires emr-vitals-submit once with the checked set', async () => {
    const el = await fixture<EmrVitalsForm>(html`<emr-vitals-form></emr-vitals-form>`);
    const fired: EmrVitalsSubmitEvent[] = [];
    el.addEventListener('emr-vitals-submit', (e) => fired.push(e));
    await type(el, { oxygen: 'oxygen' });
    await type(el, { 'inhaled-oxygen-flow': '2', 'systolic-bp': '118', 'diastolic-bp': '76' });
    const event = once(el, 'emr-vitals-submit');
    submit(el);
    expect((await event).detail.entry).to.deep.equal({
      values: { 'inhaled-oxygen-flow': 2, 'systolic-bp': 118, 'diastolic-bp': 76 },
      onOxygen: true,
    });
    expect(fired).to.have.length(1);
    expect(fired[0]!.bubbles && fired[0]!.composed).to.equal(true);
  });

  it('shows what is implausible by the field, focuses it, and submits nothing', async () => {
    const el = await fixture<EmrVitalsForm>(html`<emr-vitals-form></emr-vitals-form>`);
    let fired = 0;
    el.addEventListener('emr-vitals-submit', () => fired++);
    await type(el, { temperature: '98.6', 'heart-rate': '70' });
    submit(el);
    await el.updateComplete;
    const temperature = input(el, 'temperature');
    expect(temperature.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(temperature);
    expect(el.shadowRoot!.getElementById('temperature-error')!.textContent).to.match(
      /not plausible/,
    );
    expect(fired).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('submits from the keyboard (Enter in a field) and not while busy', async () => {
    const el = await fixture<EmrVitalsForm>(html`<emr-vitals-form></emr-vitals-form>`);
    let fired = 0;
    el.addEventListener('emr-vitals-submit', () => fired++);
    input(el, 'heart-rate').focus();
    await sendKeys({ type: '70' });
    const event = once(el, 'emr-vitals-submit');
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.entry.values).to.deep.equal({ 'heart-rate': 70 });
    el.busy = true;
    await el.updateComplete;
    expect(
      el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.disabled,
    ).to.equal(true);
    input(el, 'heart-rate').closest('form')!.requestSubmit();
    expect(fired).to.equal(1);
  });

  it('shows an error from the element that saves, and empties only the fields it names', async () => {
    const el = await fixture<EmrVitalsForm>(
      html`<emr-vitals-form error="Not saved: Temperature."></emr-vitals-form>`,
    );
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).to.equal(
      'Not saved: Temperature.',
    );
    await type(el, { 'heart-rate': '70', temperature: '37' });
    el.clear(['heart-rate']);
    expect(input(el, 'heart-rate').value).to.equal('');
    expect(input(el, 'temperature').value).to.equal('37');
  });

  it('takes a theming token', async () => {
    const wrapper = await fixture(
      html`<div style="--emr-vitals-form-background: rgb(1, 2, 3)">
        <emr-vitals-form></emr-vitals-form>
      </div>`,
    );
    const el = wrapper.querySelector('emr-vitals-form')!;
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('fieldset')!).backgroundColor).to.equal(
      'rgb(1, 2, 3)',
    );
  });
});
