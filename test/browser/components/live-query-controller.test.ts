import { expect, fixture, html, waitUntil } from '../../support/testing.js';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { AllergyIntolerance, ChartRecord, ChartStore } from '../../../model/index.js';
import { LiveQueryController } from '../../../components/shared/live-query-controller.js';
import { failingStore } from '../../support/stand-in-stores.js';
import { closeTestStores, openTestStore } from '../../support/test-stores.js';
import { penicillinAllergy } from '../../support/resources.js';

class AllergyCount extends LitElement {
  @property({ attribute: false }) store?: ChartStore;
  @property({ attribute: 'patient-id' }) patientId = '';
  readonly allergies = new LiveQueryController<Array<ChartRecord<AllergyIntolerance>>>(
    this,
    (store, id) => store.allergies(id),
  );
  override render() {
    const state = this.allergies.state;
    return html`${state.status === 'ready' ? `${state.value.length} allergies` : state.status === 'error' ? state.error.code : state.status}`;
  }
}
customElements.define('test-allergy-count', AllergyCount);

const text = (el: Element) => el.shadowRoot!.textContent!.trim();

describe('LiveQueryController', () => {
  afterEach(closeTestStores);

  it('is idle without a store or patient, then pending, then shows live values', async () => {
    const store = await openTestStore();
    const el = await fixture<AllergyCount>(html`<test-allergy-count></test-allergy-count>`);
    expect(text(el)).to.equal('idle');
    el.store = store;
    el.patientId = 'pat-1';
    await el.updateComplete;
    expect(text(el)).to.equal('pending');
    await waitUntil(() => text(el) === '0 allergies');
    await store.record(penicillinAllergy());
    await waitUntil(() => text(el) === '1 allergies');
  });

  it('resubscribes when the patient changes and ignores the old query', async () => {
    const store = await openTestStore();
    await store.record(penicillinAllergy('pat-2', 'alg-2'));
    const el = await fixture<AllergyCount>(
      html`<test-allergy-count .store=${store} patient-id="pat-1"></test-allergy-count>`,
    );
    await waitUntil(() => text(el) === '0 allergies');
    el.setAttribute('patient-id', 'pat-2');
    await waitUntil(() => text(el) === '1 allergies');
    await store.record(penicillinAllergy('pat-1', 'alg-1'));
    await store.record(penicillinAllergy('pat-2', 'alg-3'));
    await waitUntil(() => text(el) === '2 allergies');
  });

  it('shows the store error and stops listening once disconnected', async () => {
    const el = await fixture<AllergyCount>(
      html`<test-allergy-count
        .store=${failingStore('unavailable', 'offline')}
        patient-id="p"
      ></test-allergy-count>`,
    );
    await waitUntil(() => text(el) === 'unavailable');
    el.remove();
    expect(el.allergies.state.status).to.equal('idle');
  });
});
